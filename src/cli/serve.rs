//! What `loa serve` prints while it runs: where the site is served, each rebuild and
//! each failure, and opening the browser when asked.

use loa::serve::{Event, Reporter};

/// Tells the officer what the preview server is doing.
pub struct ServeReporter {
    pub open: bool,
}

impl Reporter for ServeReporter {
    fn report(&self, event: loa::serve::Event<'_>) {
        match event {
            Event::Serving { url } => {
                println!("Serving the site at {url} (Ctrl-C to stop).");
                if self.open {
                    open_browser(url);
                }
            }
            Event::Exposed { address } => eprintln!(
                "warning: listening on {address}, which is not a loopback address: other machines can see this preview"
            ),
            Event::Built {
                generation,
                pages,
                elapsed,
                changes,
                ..
            } => println!(
                "[{generation}] built {pages} pages in {} ms{}",
                elapsed.as_millis(),
                if changes > 0 {
                    format!(" after {changes} changed files")
                } else {
                    String::new()
                }
            ),
            Event::Failed { generation, report } => eprint!("[{generation}] {report}"),
            Event::WatchFailed { message } => eprintln!(
                "warning: cannot watch the site's files ({message}); restart `loa serve` to see changes"
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
        eprintln!("warning: cannot open the browser with {opener}: {error}");
    }
}
