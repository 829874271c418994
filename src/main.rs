//! The `loa` command line: parses arguments, calls one library function per command,
//! and turns the outcome into output and an exit code, here and nowhere else.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
