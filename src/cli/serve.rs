//! What `loa serve` prints while it runs: where the site is served, each rebuild and
//! each failure, and opening the browser when asked.

use loa::i18n::Msg;
use loa::serve::{Event, Reporter};

/// Tells the officer what the preview server is doing.
pub struct ServeReporter {
    pub open: bool,
}

impl Reporter for ServeReporter {
    fn report(&self, event: loa::serve::Event<'_>) {
        match event {
            Event::Serving { url, editor } => {
                println!("{}", Msg::ServeServing { url: url.into() });
                if let Some(editor) = editor {
                    println!("{}", Msg::ServeEditing { url: editor.into() });
                }
                if self.open {
                    open_browser(url);
                }
            }
            Event::Exposed { address } => eprintln!(
                "{}: {}",
                Msg::LabelWarning,
                Msg::ServeExposed {
                    address: address.to_string()
                }
            ),
            Event::Built {
                generation,
                pages,
                elapsed,
                changes,
                ..
            } => println!(
                "{}",
                Msg::ServeBuilt {
                    generation,
                    pages,
                    ms: elapsed.as_millis(),
                    changes,
                }
            ),
            Event::Failed { generation, report } => eprint!("[{generation}] {report}"),
            Event::WatchFailed { message } => eprintln!(
                "{}: {}",
                Msg::LabelWarning,
                Msg::ServeWatchFailed {
                    message: message.to_string()
                }
            ),
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!(
            "{}: {}",
            Msg::LabelWarning,
            Msg::BrowserNotOpened {
                opener: opener.into(),
                error: error.to_string()
            }
        );
    }
}
