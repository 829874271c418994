//! The `loa` command line: parses arguments, calls one library function per command,
//! and turns the outcome into output and an exit code, here and nowhere else.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use loa::messages::Msg;

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
    },
    /// Make a new site in DIR, a folder that is empty or does not exist yet.
    Init { dir: PathBuf },
    /// Start a new draft article: content/SECTION/<slug>.md with its front matter.
    New {
        /// The section's folder under content/, such as `tin-tuc` or `le-ra-mat`.
        section: String,
        /// The article's title, in quotes: "Lễ ra mắt tại Đắk Lắk".
        title: String,
        /// Make <slug>/index.md, a folder for an article with its photos beside it.
        #[arg(long)]
        bundle: bool,
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// `--root`, else the current folder; in a folder with no site, the bundled example.
fn site_root(root: Option<PathBuf>) -> PathBuf {
    root.unwrap_or_else(|| PathBuf::from("."))
}

fn init(dir: &Path) -> Result<(), loa::Error> {
    let written = loa::scaffold::init(dir, chrono::Local::now().date_naive())?;
    let dir = dir.display();
    println!(
        "{}",
        Msg::InitDone {
            dir: dir.to_string()
        }
    );
    for file in written {
        println!("  {}", file.display());
    }
    println!(
        "{}",
        Msg::InitNext {
            dir: dir.to_string()
        }
    );
    Ok(())
}

fn new(root: PathBuf, section: String, title: String, bundle: bool) -> Result<(), loa::Error> {
    let created = loa::scaffold::new_article(&loa::scaffold::NewArticle {
        root: root.clone(),
        section,
        title,
        bundle,
        today: chrono::Local::now().date_naive(),
    })?;
    if let Some(index) = created.section_index {
        let path = in_site(&root, &index);
        println!("{}", Msg::NewSectionDone { path });
    }
    let path = in_site(&root, &created.article);
    println!("{}", Msg::NewDone { path });
    println!("{}", Msg::NewNext);
    Ok(())
}

/// A path inside the site as the officer typed the site's folder: `content/a.md` when
/// they gave none.
fn in_site(root: &Path, path: &Path) -> String {
    let path = if root == Path::new(".") {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    path.display().to_string()
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
        Command::Check { root, drafts } => {
            let root = site_root(root);
            let mut options = loa::BuildOptions::new(&root);
            options.out = None;
            options.drafts = drafts;
            loa::build(&options).map(|summary| {
                println!(
                    "Checked {} pages in {} ms: no problems found.",
                    summary.pages,
                    summary.elapsed.as_millis()
                );
            })
        }
        Command::Init { dir } => init(&dir),
        Command::New {
            section,
            title,
            bundle,
            root,
        } => new(site_root(root), section, title, bundle),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", error.render());
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
