//! A build's progress on the terminal: a bar once the build has run a second, with
//! `--verbose` a line per step, and the warnings of a build that succeeded.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use loa::diagnostics::Diagnostics;
use loa::i18n::Msg;
use loa::progress::{Progress, Step};

/// What the officer asked to see: nothing but errors, the closing line, or every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// A build longer than this shows a progress bar on a terminal.
const BAR_AFTER: Duration = Duration::from_secs(1);

/// Shows a build's progress on stderr: a bar on a terminal once the build has run for
/// [`BAR_AFTER`], and with `--verbose` a line per step (above the bar, or plain lines
/// when stderr is not a terminal).
pub struct Terminal {
    verbosity: Verbosity,
    started: Instant,
    bar: ProgressBar,
    shown: AtomicBool,
}

impl Terminal {
    pub fn new(verbosity: Verbosity) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {msg} {pos}{len:.dim} [{elapsed}]")
        {
            bar.set_style(style.with_key(
                "len",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    if let Some(len) = state.len() {
                        let _ = write!(w, "/{len}");
                    }
                },
            ));
        }
        Self {
            verbosity,
            started: Instant::now(),
            bar,
            shown: AtomicBool::new(false),
        }
    }

    /// Draws the bar once the build has run long enough, if anyone can see it.
    fn show_when_slow(&self) {
        if self.verbosity == Verbosity::Quiet
            || self.shown.load(Ordering::Relaxed)
            || self.started.elapsed() < BAR_AFTER
            || !std::io::stderr().is_terminal()
        {
            return;
        }
        if !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }

    /// Prints the warnings of a build that succeeded, numbered as errors are, and how
    /// many there were; nothing with `--quiet`, which shows only errors.
    pub fn warnings(&self, warnings: &Diagnostics) {
        if self.verbosity == Verbosity::Quiet || warnings.is_empty() {
            return;
        }
        eprint!("{}", warnings.render());
        eprintln!(
            "\n{}",
            Msg::WarningsFound {
                count: warnings.len()
            }
        );
    }
}

impl Progress for Terminal {
    fn step_done(&self, step: Step, took: Duration) {
        self.show_when_slow();
        if self.verbosity == Verbosity::Verbose {
            let step = Msg::Step { step }.to_string();
            let line = format!("{step:>24}: {} ms", took.as_millis());
            if self.shown.load(Ordering::Relaxed) {
                self.bar.println(line);
            } else {
                eprintln!("{line}");
            }
        }
    }

    fn items(&self, step: Step, total: Option<usize>) {
        self.bar.set_message(Msg::Step { step }.to_string());
        self.bar.set_position(0);
        match total {
            Some(total) => self.bar.set_length(total as u64),
            None => self.bar.unset_length(),
        }
        self.show_when_slow();
    }

    fn item_done(&self) {
        self.bar.inc(1);
        self.show_when_slow();
    }
}
