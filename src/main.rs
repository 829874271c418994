//! The `loa` command line: parses arguments, calls one library function per command,
//! and turns the outcome into output and an exit code, here and nowhere else.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use loa::i18n::{Lang, Msg};

mod cli;

use cli::serve::ServeReporter;
use cli::terminal::{Terminal, Verbosity};

// A build allocates and frees millions of small strings and Tera values from every
// thread; glibc's allocator spent a quarter of a 100,000-article build consolidating
// and searching its free lists. mimalloc's v2 line (Cargo.toml) returns freed pages to
// the system after 10 ms; v3 keeps them for seconds, so a 10,000-article build, over in
// three, peaked 40 MiB higher with the same CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keeps this process's memory in ordinary 4 KiB pages. mimalloc asks the kernel for
/// transparent huge pages, which it must zero 2 MiB at a time, split when part of one is
/// handed back, and compact memory to find. Without them (interleaved runs, 29/11): a
/// 10,000-article build 2.32-2.46 s against 2.59-2.86 s, half the system time, 6 MiB
/// less at its peak; loading and resolving 100,000 articles 5 s less in the kernel.
fn without_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE sets one flag of this process and touches no memory.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// `loa --version`: the version from Cargo.toml, then the commit and the day it was
/// built from (build.rs), as `rustc --version` says them.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("LOA_COMMIT"),
    " ",
    env!("LOA_BUILD_DATE"),
    ")"
);

#[derive(Parser)]
#[command(
    name = "loa",
    version = VERSION,
    about = "A static-site generator for Vietnamese public-communication sites"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print each step of a build as it ends, with how long it took.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// The language of messages: en or vi. Default: Vietnamese when LANG (or LC_ALL,
    /// LC_MESSAGES) names it, such as vi_VN.UTF-8, or with none of them set, when
    /// Windows is in Vietnamese; else English.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
}

fn parse_lang(name: &str) -> Result<Lang, String> {
    Lang::parse(name).ok_or_else(|| {
        Msg::LangUnknown {
            list: Lang::NAMES.join(", "),
        }
        .to_string()
    })
}

/// The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG
/// that is set, as the C library reads them; else, on Windows, which sets none of them,
/// the language Windows shows its own menus in.
fn lang_from_environment() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map_or_else(system_lang, |value| Lang::from_locale(&value))
}

#[cfg(windows)]
fn system_lang() -> Lang {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: takes nothing and returns a number, the user's display language.
    let language_id = unsafe { GetUserDefaultUILanguage() };
    // A LANGID's low ten bits are its primary language; LANG_VIETNAMESE is 0x2A.
    if language_id & 0x3ff == 0x2a {
        Lang::Vi
    } else {
        Lang::En
    }
}

#[cfg(not(windows))]
fn system_lang() -> Lang {
    Lang::En
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
        /// Include articles dated after today.
        #[arg(long)]
        future: bool,
        /// Override `base_url` from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Replace an output folder that loa did not create.
        #[arg(long)]
        force: bool,
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
        /// The most connections served at once (open pages, requests on their way);
        /// more are answered 503 Service Unavailable. Default 1024.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        max_connections: Option<u32>,
        /// Serve no editing pages.
        #[arg(long)]
        no_edit: bool,
    },
    /// Check the whole site, templates included, without writing anything.
    Check {
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        /// Include articles dated after today.
        #[arg(long)]
        future: bool,
        /// Also request every link to another site (at most --external-limit of them).
        #[arg(long)]
        external: bool,
        #[arg(long, default_value_t = 500)]
        external_limit: usize,
        /// Treat warnings as errors: exit with code 1 if there is any.
        #[arg(long)]
        strict: bool,
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

/// `--root`, else the current folder (the repository root is itself the example site).
fn site_root(root: Option<PathBuf>) -> PathBuf {
    root.unwrap_or_else(|| PathBuf::from("."))
}

fn init(dir: &Path, say: &dyn Fn(String)) -> Result<(), loa::Error> {
    let written = loa::scaffold::init(dir, chrono::Local::now().date_naive())?;
    let dir = dir.display().to_string();
    say(Msg::InitDone { dir: dir.clone() }.to_string());
    for file in written {
        say(format!("  {}", file.display()));
    }
    say(Msg::InitNext { dir }.to_string());
    Ok(())
}

fn new(
    root: PathBuf,
    section: String,
    title: String,
    bundle: bool,
    say: &dyn Fn(String),
) -> Result<(), loa::Error> {
    let created = loa::scaffold::new_article(&loa::scaffold::NewArticle {
        root: root.clone(),
        section,
        title,
        bundle,
        today: chrono::Local::now().date_naive(),
    })?;
    if let Some(index) = created.section_index {
        let path = in_site(&root, &index);
        say(Msg::NewSectionDone { path }.to_string());
    }
    let path = in_site(&root, &created.article);
    say(Msg::NewDone { path }.to_string());
    say(Msg::NewNext.to_string());
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

/// How many articles wait for their date, and the next date, when some do.
fn say_scheduled(scheduled: loa::build::Scheduled, say: &dyn Fn(String)) {
    if let Some(next) = scheduled.next {
        say(Msg::ScheduledWaiting {
            count: scheduled.count,
            next: next.format("%Y-%m-%d").to_string(),
        }
        .to_string());
    }
}

static STOP: AtomicBool = AtomicBool::new(false);

/// What `loa serve` was given on the command line.
struct ServeArgs {
    root: PathBuf,
    bind: IpAddr,
    port: u16,
    drafts: bool,
    open: bool,
    max_connections: Option<u32>,
    no_edit: bool,
}

fn serve(args: ServeArgs) -> Result<(), loa::Error> {
    let ServeArgs {
        root,
        bind,
        port,
        drafts,
        open,
        max_connections,
        no_edit,
    } = args;
    if let Err(error) = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst)) {
        eprintln!(
            "{}: {}",
            Msg::LabelWarning,
            Msg::CtrlCNotHandled {
                error: error.to_string()
            }
        );
    }
    let mut build = loa::BuildOptions::new(&root);
    build.drafts = drafts;
    let mut options = loa::serve::ServeOptions::new(build);
    options.bind = bind;
    options.port = port;
    options.edit = !no_edit;
    if let Some(connections) = max_connections {
        options.limits.connections = connections as usize;
    }
    loa::serve::serve(&options, &ServeReporter { open }, &STOP)?;
    println!("{}", Msg::ServeStopped);
    Ok(())
}

/// The language asked for by `--lang` among `args`, read before clap parses them so
/// that its help and errors are in that language too.
fn lang_from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => Lang::parse(&rest[1..]),
            Some("") => args.get(i + 1).and_then(|next| Lang::parse(next)),
            _ => None,
        })
}

/// The command line with every help line and heading from the catalogue.
fn localized(command: clap::Command) -> clap::Command {
    let heading = |name: &str| {
        Msg::CliHeading {
            heading: name.into(),
        }
        .to_string()
    };
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        heading("usage")
    );
    let help_of = |name: &str| {
        Msg::CliHelp {
            arg: name.to_string(),
        }
        .to_string()
    };
    let args = |command: clap::Command| {
        let ids: Vec<String> = command
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        ids.into_iter()
            .fold(command, |command, id| {
                let help = help_of(&id);
                command.mut_arg(id.as_str(), |arg| {
                    let arg = if arg.is_positional() {
                        arg.help_heading(heading("arguments"))
                    } else {
                        arg.help_heading(heading("options"))
                    };
                    if help.is_empty() { arg } else { arg.help(help) }
                })
            })
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(help_of("help"))
                    .help_heading(heading("options")),
            )
            .help_template(template.clone())
    };
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let command = args(command)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help_of("version"))
                .help_heading(heading("options")),
        )
        .about(Msg::CliAbout.to_string())
        .disable_help_subcommand(true)
        .subcommand_help_heading(heading("commands"));
    names.iter().fold(command, |command, name| {
        let about = help_of(name);
        command.mut_subcommand(name.as_str(), |sub| args(sub).about(about))
    })
}

/// A usage error from clap, said in the officer's language; help and version as clap
/// shows them.
fn usage_error(error: clap::Error) -> ExitCode {
    let shown = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Printing help or the version to a closed pipe is no failure of loa's.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            Msg::CliNoCommand
        }
        ErrorKind::UnknownArgument => Msg::CliUnknownArgument {
            arg: shown(ContextKind::InvalidArg),
        },
        ErrorKind::InvalidSubcommand => Msg::CliUnknownCommand {
            command: shown(ContextKind::InvalidSubcommand),
        },
        ErrorKind::MissingRequiredArgument => Msg::CliMissing {
            what: shown(ContextKind::InvalidArg),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Msg::CliInvalidValue {
            arg: shown(ContextKind::InvalidArg),
            value: shown(ContextKind::InvalidValue),
        },
        ErrorKind::ArgumentConflict => Msg::CliConflict {
            arg: shown(ContextKind::InvalidArg),
            other: shown(ContextKind::PriorArg),
        },
        _ => Msg::CliOther,
    };
    // A value refused by loa's own check says why, from the catalogue.
    let help = match (error.kind(), std::error::Error::source(&error)) {
        (ErrorKind::ValueValidation, Some(why)) => why.to_string(),
        _ => Msg::CliSeeHelp.to_string(),
    };
    eprintln!(
        "{}: {message}\n  = {}: {help}",
        Msg::LabelError,
        Msg::LabelHelp,
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    without_huge_pages();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    loa::i18n::set_language(lang_from_args(&args).unwrap_or_else(lang_from_environment));
    let matches = match localized(Cli::command()).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(error) => return usage_error(error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    };
    let terminal = Terminal::new(verbosity);
    let say = |line: String| {
        if verbosity != Verbosity::Quiet {
            println!("{line}");
        }
    };
    let outcome = match cli.command {
        Command::Build {
            root,
            out,
            drafts,
            future,
            base_url,
            force,
        } => {
            let root = site_root(root);
            let mut options = loa::BuildOptions::new(&root);
            if let Some(out) = out {
                options.out = Some(out);
            }
            options.drafts = drafts;
            options.future = future;
            options.base_url = base_url;
            options.force = force;
            // The first Ctrl-C stops the build at the next page and removes what it wrote;
            // a second one does not wait for that.
            let handled = ctrlc::set_handler(|| {
                if STOP.swap(true, Ordering::SeqCst) {
                    std::process::exit(130);
                }
            });
            if handled.is_ok() {
                options.stop = Some(&STOP);
            }
            let built = loa::build::run(&options, &terminal);
            terminal.clear();
            built.map(|summary| {
                terminal.warnings(&summary.warnings);
                let out = options.out.as_deref().unwrap_or(Path::new("public"));
                say(Msg::Built {
                    pages: summary.pages,
                    files: summary.files,
                    out: out.display().to_string(),
                    ms: summary.elapsed.as_millis(),
                }
                .to_string());
                say_scheduled(summary.scheduled, &say);
                let photos = summary.photos;
                if photos.resized + photos.reused > 0 {
                    say(Msg::Photos {
                        resized: photos.resized,
                        reused: photos.reused,
                    }
                    .to_string());
                }
            })
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            open,
            max_connections,
            no_edit,
        } => serve(ServeArgs {
            root: site_root(root),
            bind,
            port,
            drafts,
            open,
            max_connections,
            no_edit,
        }),
        Command::Check {
            root,
            drafts,
            future,
            external,
            external_limit,
            strict,
        } => {
            let root = site_root(root);
            let mut options = loa::BuildOptions::new(&root);
            options.out = None;
            options.drafts = drafts;
            options.future = future;
            options.external_links = external.then_some(external_limit);
            options.strict = strict;
            let checked = loa::build::run(&options, &terminal);
            terminal.clear();
            checked.map(|summary| {
                terminal.warnings(&summary.warnings);
                if let Some((checked, total)) = summary.external_links {
                    say(Msg::ExternalSummary { checked, total }.to_string());
                }
                say(Msg::Checked {
                    pages: summary.pages,
                    ms: summary.elapsed.as_millis(),
                }
                .to_string());
                say_scheduled(summary.scheduled, &say);
            })
        }
        Command::Init { dir } => init(&dir, &say),
        Command::New {
            section,
            title,
            bundle,
            root,
        } => new(site_root(root), section, title, bundle, &say),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", error.render());
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
