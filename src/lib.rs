//! loa: a static-site generator for Vietnamese public-communication sites.
//!
//! The pipeline, one way: load (config, provinces, content, theme) -> resolve (Markdown,
//! links, listings) -> render (Tera) -> write (staging folder, swapped in whole). The
//! library never prints; what the user sees is returned as values or passed to a
//! `Reporter`.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Diagnostics are large but travel only on the error path, once per problem; boxing
// them everywhere would cost clarity for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod front_matter;
pub mod markdown;
pub mod output;
pub mod provinces;
pub mod render;
pub mod search;
pub mod site;
pub mod stats;
pub mod theme;
pub mod vi;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use config::Config;
use diagnostics::{Diagnostic, Diagnostics};
use provinces::Registry;

/// Why a command failed, which decides its exit code.
#[derive(Debug)]
pub enum Error {
    /// Problems in content files: exit code 1.
    Content(Diagnostics),
    /// Problems in site.yaml, the theme or the command line: exit code 2.
    Config(Diagnostics),
    /// The output could not be written: exit code 3.
    Output(output::OutputError),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Content(_) => 1,
            Self::Config(_) => 2,
            Self::Output(output::OutputError::Refused(_)) => 2,
            Self::Output(output::OutputError::Io { .. }) => 3,
        }
    }

    /// The whole message, as the terminal or the browser overlay shows it.
    pub fn render(&self) -> String {
        match self {
            Self::Content(problems) | Self::Config(problems) => {
                let count = problems.len();
                format!(
                    "{}\n{} {} found; nothing was written.\n",
                    problems.render(),
                    count,
                    if count == 1 { "problem" } else { "problems" }
                )
            }
            Self::Output(error) => format!("error: {error}\n"),
        }
    }
}

/// What the user asked of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// `None` for `check`: everything is done but nothing is written.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    pub force: bool,
    /// The day campaigns are judged under way or ended; today unless a test pins it.
    pub today: NaiveDate,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            out: Some(root.join("public")),
            root,
            drafts: false,
            base_url: None,
            force: false,
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// What a successful build did, for the closing line.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    /// Each step's name and duration, for `--verbose`.
    pub steps: Vec<(&'static str, Duration)>,
}

struct Steps {
    started: Instant,
    last: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn new() -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            done: Vec::new(),
        }
    }

    fn finish(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.last = now;
    }
}

/// Reads and checks `site.yaml` at `root`.
pub fn load_config(root: &Path) -> Result<Config, Error> {
    let path = root.join(config::FILE_NAME);
    let source = std::fs::read(&path).map_err(|error| {
        let message = if error.kind() == std::io::ErrorKind::NotFound {
            format!("there is no site here: {} is missing", path.display())
        } else {
            format!("cannot read {}: {error}", path.display())
        };
        Error::Config(
            Diagnostic::new(config::FILE_NAME, message)
                .help(
                    "run `loa init DIR` to make a new site, or pass --root with the site's folder",
                )
                .into(),
        )
    })?;
    let text = content::decode(source).map_err(|_| {
        Error::Config(
            Diagnostic::new(config::FILE_NAME, "site.yaml is not UTF-8 text")
                .help("save it again with the encoding \"UTF-8\"")
                .into(),
        )
    })?;
    Config::parse(config::FILE_NAME, &text).map_err(Error::Config)
}

/// Where a site extends or overrides the province registry.
pub const PROVINCES_FILE: &str = "data/provinces.yaml";

/// The built-in province registry, extended by the site's `data/provinces.yaml` when it
/// has one. A file that cannot be read or used is a configuration error at its line.
pub fn load_registry(root: &Path) -> Result<Registry, Error> {
    let path = root.join(PROVINCES_FILE);
    let mut registry = Registry::builtin().clone();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(registry),
        Err(error) => {
            return Err(Error::Config(
                Diagnostic::new(PROVINCES_FILE, format!("cannot read this file: {error}")).into(),
            ));
        }
    };
    let text = content::decode(bytes).map_err(|_| {
        Error::Config(
            Diagnostic::new(PROVINCES_FILE, "this file is not UTF-8 text")
                .help("save it again with the encoding \"UTF-8\"")
                .into(),
        )
    })?;
    registry.extend(&text).map_err(|error| {
        let mut diagnostic = Diagnostic::new(PROVINCES_FILE, error.message).help(
            "each entry of the lists `old` and `current` is { name, kind, region, variants, \
             absorbed }, as in loa's built-in src/provinces.yaml",
        );
        if let Some(line) = error.line {
            diagnostic = diagnostic.at(diagnostics::Location::at_line(
                &text,
                line,
                error.column.unwrap_or(1),
                1,
            ));
        }
        Error::Config(diagnostic.into())
    })?;
    Ok(registry)
}

/// Builds the site: `build` when `options.out` is set, `check` when it is not.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    let mut steps = Steps::new();
    let root = options.root.as_path();
    let mut config = load_config(root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let registry = load_registry(root)?;
    let theme = theme::load(root, &config.theme).map_err(Error::Config)?;
    let renderer = render::Renderer::new(theme.templates, &config).map_err(Error::Config)?;
    steps.finish("load config and theme");

    let (content, mut problems) = content::load(root, &config, &registry, options.drafts);
    steps.finish("load content");

    // Before resolving: articles may link to the statistics pages, whose addresses
    // depend on which provinces report figures.
    let mut extra_urls: Vec<String> = theme
        .static_files
        .iter()
        .map(|f| format!("/{}", f.output()))
        .chain(content.assets.iter().map(|a| format!("/{}", a.output)))
        .collect();
    let search = renderer.renders_search(&config);
    if search {
        extra_urls.extend([search::PAGE_URL, search::INDEX_URL].map(String::from));
    }
    let statistics = match &config.stats {
        Some(settings) => {
            extra_urls.extend(stats::urls(settings, &registry, &content.articles));
            match stats::aggregate(settings, &registry, &content.articles) {
                Ok(statistics) => Some(statistics),
                Err(conflicts) => {
                    problems.extend(conflicts);
                    None
                }
            }
        }
        None => None,
    };
    steps.finish("aggregate statistics");

    let site = match site::resolve(config, content, &extra_urls) {
        Ok(site) => site,
        Err(more) => {
            problems.extend(more);
            return Err(Error::Content(problems.sorted()));
        }
    };
    if !problems.is_empty() {
        return Err(Error::Content(problems.sorted()));
    }
    steps.finish("resolve");

    let staging = match &options.out {
        Some(out) => Some(output::stage(root, out, options.force).map_err(Error::Output)?),
        None => None,
    };
    let emit = |path: &str, bytes: Vec<u8>| match &staging {
        Some(staging) => staging.write(path, &bytes),
        None => Ok(()),
    };
    // Writing pages leaves the processors idle for much of the time: the search index is
    // made meanwhile, on threads of its own.
    let (rendered, index) = std::thread::scope(|scope| {
        // `check` writes nothing, and the index has nothing to check.
        let wanted = search && staging.is_some();
        let index = wanted.then(|| scope.spawn(|| search_index(&site)));
        let rendered =
            render::render_site(&site, &renderer, statistics.as_ref(), options.today, &emit);
        let index = index.map(|thread| match thread.join() {
            Ok(files) => files,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        (rendered, index)
    });
    steps.finish("render and write pages, index for search");
    let rendered = rendered.and_then(|rendered| match index {
        Some(files) => write_all(files, &emit).map(|()| rendered),
        None => Ok(rendered),
    });
    steps.finish("write the search index");

    let copied = rendered.and_then(|rendered| {
        let copies = copy_files(&site, &theme.static_files, staging.as_ref());
        copies.map(|files| (rendered, files))
    });
    let (rendered, files) = match copied {
        Ok(done) => done,
        Err(problems) => {
            if let Some(staging) = staging {
                staging.discard().map_err(Error::Output)?;
            }
            return Err(Error::Content(problems.sorted()));
        }
    };
    steps.finish("copy files");
    if let Some(staging) = staging {
        staging.publish().map_err(Error::Output)?;
    }
    steps.finish("publish");
    Ok(BuildSummary {
        pages: rendered.pages,
        files,
        elapsed: steps.started.elapsed(),
        steps: steps.done,
    })
}

/// The search index of `site`, made on a pool of threads of its own, so that it uses the
/// processors that writing pages leaves idle rather than queueing behind that work.
fn search_index(site: &site::Site) -> Vec<search::File> {
    let index = || search::index(&search::documents(site), site.config.date_style);
    match rayon::ThreadPoolBuilder::new().build() {
        Ok(pool) => pool.install(index),
        Err(_) => index(),
    }
}

/// Hands `files` to `emit`, all of them, and returns every problem.
fn write_all(files: Vec<search::File>, emit: &render::Emit) -> Result<(), Diagnostics> {
    use rayon::prelude::*;
    let problems: Vec<Diagnostic> = files
        .into_par_iter()
        .filter_map(|(path, bytes)| emit(&path, bytes).err())
        .collect();
    problems.into_iter().collect::<Diagnostics>().into_result()
}

fn copy_files(
    site: &site::Site,
    static_files: &[theme::StaticFile],
    staging: Option<&output::Staging>,
) -> Result<usize, Diagnostics> {
    let mut problems = Diagnostics::default();
    let mut count = 0;
    let Some(staging) = staging else {
        return Ok(0);
    };
    let mut record = |result: Result<(), Diagnostic>| match result {
        Ok(()) => count += 1,
        Err(problem) => problems.push(problem),
    };
    for file in static_files {
        record(match file {
            theme::StaticFile::OnDisk { source, output } => staging.copy(output, source),
            theme::StaticFile::Embedded { bytes, output } => staging.write(output, bytes),
        });
    }
    for asset in &site.assets {
        record(staging.copy(&asset.output, &asset.source));
    }
    for page in &site.pages {
        let dir = page.article.url.trim_start_matches('/');
        for (file, inside) in &page.article.bundle_files {
            record(staging.copy(&format!("{dir}{inside}"), file));
        }
    }
    problems.into_result().map(|()| count)
}
