//! The `loa` command line: parses arguments, calls one library function per command,
//! and turns the outcome into output and an exit code, here and nowhere else.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "loa",
    version,
    about = "A static-site generator for Vietnamese public-communication sites"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: ROOT/public).
    Build {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Override `base_url` from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Replace an output folder that loa did not create.
        #[arg(long)]
        force: bool,
        /// Print how long each step took.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Build the site into memory, serve it, and rebuild it on every change.
    Serve {
        #[arg(long)]
        root: Option<PathBuf>,
        /// The address to listen on; anything but a loopback address shows the preview
        /// to other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// The port to listen on, or the next free one; 0 lets the system choose.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long)]
        drafts: bool,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Check the whole site, templates included, without writing anything.
    Check {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        /// Also request every link to another site (at most --external-limit of them).
        #[arg(long)]
        external: bool,
        #[arg(long, default_value_t = 500)]
        external_limit: usize,
    },
}

static STOP: AtomicBool = AtomicBool::new(false);

struct Terminal {
    open: bool,
}

impl loa::serve::Reporter for Terminal {
    fn report(&self, event: loa::serve::Event<'_>) {
        use loa::serve::Event;
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

fn serve(
    root: PathBuf,
    bind: IpAddr,
    port: u16,
    drafts: bool,
    open: bool,
) -> Result<(), loa::Error> {
    if let Err(error) = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst)) {
        eprintln!("warning: Ctrl-C will not stop the server cleanly: {error}");
    }
    let mut build = loa::BuildOptions::new(&root);
    build.drafts = drafts;
    let mut options = loa::serve::ServeOptions::new(build);
    options.bind = bind;
    options.port = port;
    loa::serve::serve(&options, &Terminal { open }, &STOP)?;
    println!("Stopped.");
    Ok(())
}

/// `--root`, else the current folder; in a folder with no site, the bundled example.
fn site_root(root: Option<PathBuf>) -> PathBuf {
    root.unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Build {
            root,
            out,
            drafts,
            base_url,
            force,
            verbose,
        } => {
            let root = site_root(root);
            let mut options = loa::BuildOptions::new(&root);
            if let Some(out) = out {
                options.out = Some(out);
            }
            options.drafts = drafts;
            options.base_url = base_url;
            options.force = force;
            loa::build(&options).map(|summary| {
                if verbose {
                    for (step, took) in &summary.steps {
                        eprintln!("{step:>24}: {} ms", took.as_millis());
                    }
                }
                let out = options.out.as_deref().unwrap_or(Path::new("public"));
                println!(
                    "Built {} pages and copied {} files into {} in {} ms.",
                    summary.pages,
                    summary.files,
                    out.display(),
                    summary.elapsed.as_millis()
                );
            })
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            open,
        } => serve(site_root(root), bind, port, drafts, open),
        Command::Check {
            root,
            drafts,
            external,
            external_limit,
        } => {
            let root = site_root(root);
            let mut options = loa::BuildOptions::new(&root);
            options.out = None;
            options.drafts = drafts;
            options.external_links = external.then_some(external_limit);
            loa::build(&options).map(|summary| {
                if let Some((checked, total)) = summary.external_links {
                    println!("Checked {checked} of {total} links to other sites.");
                }
                println!(
                    "Checked {} pages in {} ms: no problems found.",
                    summary.pages,
                    summary.elapsed.as_millis()
                );
            })
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", error.render());
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
