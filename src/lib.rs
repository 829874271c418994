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
pub mod images;
pub mod links;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod packed;
pub mod progress;
pub mod provinces;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod stats;
pub mod theme;
pub mod vi;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use config::Config;
use diagnostics::{Diagnostic, Diagnostics};
use provinces::Registry;

/// The most items of a parallel loop that one thread takes at a time, for loops whose
/// items differ in cost (files, articles, pages). Left to itself, rayon cuts a loop into
/// quarters, and a thread never gives away part of the quarter it is working through:
/// at 100,000 articles the last pages rendered on one core for 4 s while the other had
/// nothing to do.
pub(crate) const SHARE: usize = 16;

/// Frees `items` on every core: at 100,000 articles, freeing the pages of a site on one
/// thread kept the other core idle for half a second.
pub(crate) fn free_in_parallel<T: Send>(items: Vec<T>) {
    items.into_par_iter().with_max_len(SHARE).for_each(drop);
}

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
            // As a shell reports a command stopped by SIGINT.
            Self::Output(output::OutputError::Interrupted) => 130,
        }
    }

    /// The whole message, as the terminal or the browser overlay shows it.
    pub fn render(&self) -> String {
        match self {
            Self::Content(problems) | Self::Config(problems) => format!(
                "{}\n{}\n",
                problems.render(),
                messages::Msg::ProblemsFound {
                    count: problems.len()
                }
            ),
            Self::Output(error) => format!("{}: {error}\n", messages::Msg::LabelError),
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
    /// Check links to other sites too, requesting at most this many addresses.
    pub external_links: Option<usize>,
    /// Set when the user stops the build (Ctrl-C): it stops at the next page or step.
    pub stop: Option<&'static AtomicBool>,
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
            external_links: None,
            stop: None,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|stop| stop.load(Ordering::Relaxed))
    }

    /// An error when the user stopped the build.
    fn go_on(&self) -> Result<(), Error> {
        if self.stopped() {
            return Err(Error::Output(output::OutputError::Interrupted));
        }
        Ok(())
    }
}

/// What a successful build did, for the closing line.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub pages: usize,
    pub files: usize,
    /// Photo renditions resized by this build, and found in the cache.
    pub photos: images::Made,
    pub elapsed: Duration,
    /// External addresses checked and found, when asked for.
    pub external_links: Option<(usize, usize)>,
    /// Each step's name and duration, for `--verbose`.
    pub steps: Vec<(&'static str, Duration)>,
}

struct Steps<'a> {
    started: Instant,
    last: Instant,
    done: Vec<(&'static str, Duration)>,
    progress: &'a dyn progress::Progress,
}

impl<'a> Steps<'a> {
    fn new(progress: &'a dyn progress::Progress) -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            done: Vec::new(),
            progress,
        }
    }

    fn finish(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.progress.step_done(name, now - self.last);
        self.last = now;
    }
}

const RENDER_STEP: &str = "render and write pages";

/// Reads and checks `site.yaml` at `root`.
pub fn load_config(root: &Path) -> Result<Config, Error> {
    load_config_text(root).map(|(config, _)| config)
}

/// The checked configuration and the text it was read from.
fn load_config_text(root: &Path) -> Result<(Config, String), Error> {
    let path = root.join(config::FILE_NAME);
    let source = std::fs::read(&path).map_err(|error| {
        let path = path.display().to_string();
        let message = if error.kind() == std::io::ErrorKind::NotFound {
            messages::Msg::NoSiteHere { path }
        } else {
            messages::Msg::CannotRead {
                path,
                error: error.to_string(),
            }
        };
        Error::Config(
            Diagnostic::new(config::FILE_NAME, message.to_string())
                .help(messages::Msg::NoSiteHereHelp.to_string())
                .into(),
        )
    })?;
    let text = content::decode(&source).map_err(|_| {
        Error::Config(
            Diagnostic::new(
                config::FILE_NAME,
                messages::Msg::SiteYamlNotUtf8.to_string(),
            )
            .help(messages::Msg::SaveAsUtf8Help.to_string())
            .into(),
        )
    })?;
    let config = Config::parse(config::FILE_NAME, &text).map_err(Error::Config)?;
    Ok((config, text))
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
                Diagnostic::new(
                    PROVINCES_FILE,
                    messages::Msg::FileCannotRead {
                        error: error.to_string(),
                    }
                    .to_string(),
                )
                .into(),
            ));
        }
    };
    let text = content::decode(&bytes).map_err(|_| {
        Error::Config(
            Diagnostic::new(PROVINCES_FILE, messages::Msg::FileNotUtf8.to_string())
                .help(messages::Msg::SaveAsUtf8Help.to_string())
                .into(),
        )
    })?;
    registry.extend(&text).map_err(|error| {
        let mut diagnostic = Diagnostic::new(PROVINCES_FILE, error.message)
            .help(messages::Msg::ProvincesFileHelp.to_string());
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

/// What a rebuild may reuse from the previous one: parsed content files and rendered
/// Markdown. Each cache checks what it holds against the files before using it, so a
/// stale cache costs time, never correctness; the content cache is emptied whenever
/// site.yaml changes, since parsing depends on it.
#[derive(Default)]
pub struct Caches {
    config_text: Option<String>,
    content: content::Cache,
    markdown: site::MarkdownCache,
}

impl Caches {
    /// Forgets what the content file at `path` parsed to, even if its size and time look
    /// unchanged (two saves within the file system's clock tick).
    pub fn forget(&mut self, path: &Path) {
        self.content.forget(path);
    }

    /// The rendered Markdown, for patching a resolved site in place.
    pub fn markdown(&self) -> &site::MarkdownCache {
        &self.markdown
    }
}

/// A site loaded, checked and resolved, with what renders it: a build before anything is
/// rendered or written.
pub struct Prepared {
    pub site: site::Site,
    /// The figures gathered from the articles, when site.yaml declares `stats:`.
    pub statistics: Option<stats::Statistics>,
    pub renderer: render::Renderer,
    pub static_files: Vec<theme::StaticFile>,
    /// The photos and their resized widths, made before anything renders.
    pub photos: images::Plan,
    pub photos_made: images::Made,
    /// The provinces that front matter is checked against, for files read again.
    pub registry: Registry,
}

impl Prepared {
    /// Every file that is copied rather than rendered: output path -> where it comes from.
    pub fn copied_files(&self) -> BTreeMap<String, CopiedFile> {
        let mut files = BTreeMap::new();
        for file in &self.static_files {
            let source = match file {
                theme::StaticFile::OnDisk { source, .. } => CopiedFile::Disk(source.clone()),
                theme::StaticFile::Embedded { bytes, .. } => CopiedFile::Embedded(bytes),
            };
            files.insert(file.output().to_string(), source);
        }
        for asset in &self.site.assets {
            files.insert(asset.output.clone(), CopiedFile::Disk(asset.source.clone()));
        }
        for page in &self.site.pages {
            let dir = page.article.url.trim_start_matches('/');
            for (file, inside) in &page.article.bundle_files {
                files.insert(format!("{dir}{inside}"), CopiedFile::Disk(file.clone()));
            }
        }
        for (output, cached) in self.photos.files() {
            files.insert(output.to_string(), CopiedFile::Disk(cached.to_path_buf()));
        }
        files
    }
}

/// Where a copied file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopiedFile {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// Every output file of a build, by path relative to the output folder.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Loads and resolves the site at `options.root`, reusing what `caches` hold.
pub fn prepare(options: &BuildOptions, caches: &mut Caches) -> Result<Prepared, Error> {
    prepare_steps(options, Some(caches), &mut Steps::new(&progress::Silent))
}

/// Builds the site into memory instead of a folder: the same files `build` writes.
pub fn build_in_memory(options: &BuildOptions) -> Result<(BuildSummary, Files), Error> {
    let mut steps = Steps::new(&progress::Silent);
    let prepared = prepare_steps(options, None, &mut steps)?;
    let files = std::sync::Mutex::new(Files::new());
    let emit = |path: &str, bytes: Vec<u8>| {
        if let Ok(mut files) = files.lock() {
            files.insert(path.to_string(), bytes);
        }
    };
    let rendered = render::render_site(
        &prepared.site,
        &prepared.renderer,
        prepared.statistics.as_ref(),
        options.today,
        &emit,
        None,
    )
    .map_err(|problems| Error::Content(problems.sorted()))?;
    if prepared.renderer.renders_search(&prepared.site.config) {
        write_search_index(&prepared.site, None, &emit);
    }
    steps.finish("render");
    let mut files = files.into_inner().unwrap_or_default();
    let mut problems = Diagnostics::default();
    let mut copied = 0;
    for (output, source) in prepared.copied_files() {
        match source {
            CopiedFile::Embedded(bytes) => {
                files.insert(output, bytes.to_vec());
                copied += 1;
            }
            CopiedFile::Disk(source) => match std::fs::read(&source) {
                Ok(bytes) => {
                    files.insert(output, bytes);
                    copied += 1;
                }
                Err(error) => problems.push(Diagnostic::new(
                    diagnostics::relative(&options.root, &source),
                    format!("cannot read this file: {error}"),
                )),
            },
        }
    }
    problems
        .into_result()
        .map_err(|problems| Error::Content(problems.sorted()))?;
    steps.finish("copy");
    let summary = BuildSummary {
        pages: rendered.pages,
        files: copied,
        elapsed: steps.started.elapsed(),
        external_links: None,
        photos: prepared.photos_made,
        steps: steps.done,
    };
    Ok((summary, files))
}

/// Loads and resolves the site; `caches` is `None` for a one-shot build, which keeps no
/// second copy of every file.
fn prepare_steps(
    options: &BuildOptions,
    mut caches: Option<&mut Caches>,
    steps: &mut Steps,
) -> Result<Prepared, Error> {
    let root = options.root.as_path();
    let (mut config, config_text) = load_config_text(root)?;
    if let Some(caches) = caches.as_deref_mut()
        && caches.config_text.as_deref() != Some(config_text.as_str())
    {
        // Content files are checked against site.yaml: parse them all again.
        caches.content = content::Cache::default();
        caches.config_text = Some(config_text);
    }
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let registry = load_registry(root)?;
    let theme = theme::load(root, &config.theme).map_err(Error::Config)?;
    let renderer = render::Renderer::new(theme.templates, &config).map_err(Error::Config)?;
    steps.finish("load config and theme");

    let (content, mut problems) = match caches.as_deref_mut() {
        Some(caches) => content::load_cached(
            root,
            &config,
            &registry,
            options.drafts,
            &mut caches.content,
        ),
        None => content::load(root, &config, &registry, options.drafts),
    };
    steps.finish("load content");

    let (mut photos, photo_problems) = images::plan(root, &content);
    problems.extend(photo_problems);
    steps.finish("find photos");

    // Before resolving: articles may link to the statistics pages, whose addresses
    // depend on which provinces report figures.
    let mut extra_urls: Vec<String> = theme
        .static_files
        .iter()
        .map(|f| format!("/{}", f.output()))
        .chain(content.assets.iter().map(|a| format!("/{}", a.output)))
        .chain(photos.urls())
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

    let pictures = std::mem::take(&mut photos.pictures);
    let resolved = match &caches {
        Some(caches) => {
            site::resolve_cached(config, content, &extra_urls, &caches.markdown, pictures)
        }
        None => site::resolve_with_pictures(config, content, &extra_urls, pictures),
    };
    let site = match resolved {
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

    // Resized photos are kept for the next build whenever a build publishes or serves;
    // `check` only makes sure every photo can be read.
    let keep_photos = options.out.is_some() || caches.is_some();
    let photos_made = images::make(&photos, keep_photos, steps.progress)
        .map_err(|problems| Error::Content(problems.sorted()))?;
    steps.finish(images::STEP);
    Ok(Prepared {
        site,
        statistics,
        renderer,
        static_files: theme.static_files,
        photos,
        photos_made,
        registry,
    })
}

/// Builds the site: `build` when `options.out` is set, `check` when it is not.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    build_with(options, &progress::Silent)
}

/// [`build`], telling `progress` about each step as it ends and each page as it is
/// written.
pub fn build_with(
    options: &BuildOptions,
    progress: &dyn progress::Progress,
) -> Result<BuildSummary, Error> {
    let mut steps = Steps::new(progress);
    let root = options.root.as_path();
    let mut prepared = prepare_steps(options, None, &mut steps)?;
    options.go_on()?;

    let external_links = options
        .external_links
        .map(|limit| links::check(&prepared.site, limit));
    if let Some(report) = &external_links {
        if !report.problems.is_empty() {
            return Err(Error::Content(report.problems.clone()));
        }
        steps.finish("check external links");
    }
    options.go_on()?;
    prepared.site.forget_markdown();

    let staging = match &options.out {
        Some(out) => Some(output::stage(root, out, options.force).map_err(Error::Output)?),
        None => None,
    };
    progress.items(RENDER_STEP, None);
    let emit = |path: &str, bytes: Vec<u8>| {
        progress.item_done();
        if let Some(staging) = &staging {
            // Once stopped, the staging folder writes nothing more and tells the pages
            // still to come that they need not be rendered.
            if options.stopped() {
                staging.interrupt();
            }
            staging.write(path, &bytes);
        }
    };
    let rendered = render::render_site(
        &prepared.site,
        &prepared.renderer,
        prepared.statistics.as_ref(),
        options.today,
        &emit,
        staging.as_ref().map(|s| s as &dyn render::Reuse),
    );
    steps.finish(RENDER_STEP);
    // After the pages, not beside them: the index's documents and the pages' buffers
    // together would raise the build's peak memory by a third. `check` writes nothing,
    // and the index has nothing to check.
    let search = prepared.renderer.renders_search(&prepared.site.config);
    if let (Some(staging), true, Ok(_)) = (&staging, search, &rendered) {
        write_search_index(&prepared.site, Some(staging), &emit);
        steps.finish("write the search index");
    }

    let copied = rendered.map(|rendered| (rendered, copy_files(&prepared, staging.as_ref())));
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
    let pages = std::mem::take(&mut prepared.site.pages);
    let ((), published) = rayon::join(
        || free_in_parallel(pages),
        || match staging {
            Some(staging) => {
                if options.stopped() {
                    staging.interrupt();
                }
                staging.publish()
            }
            None => Ok(()),
        },
    );
    published.map_err(Error::Output)?;
    steps.finish("publish");
    Ok(BuildSummary {
        pages: rendered.pages,
        files,
        photos: prepared.photos_made,
        elapsed: steps.started.elapsed(),
        external_links: external_links.map(|r| (r.checked, r.total)),
        steps: steps.done,
    })
}

/// Writes the search index of `site`, unless `staging` keeps the index it published
/// from the same articles.
fn write_search_index(site: &site::Site, staging: Option<&output::Staging>, emit: &render::Emit) {
    let docs = search::documents(site);
    let print = search::fingerprint(&docs, site.config.date_style);
    if staging.is_some_and(|s| render::Reuse::is_current_set(s, search::FOLDER, print)) {
        return;
    }
    search::index(&docs, site.config.date_style, print, &|(path, bytes)| {
        if let Some(staging) = staging {
            render::Reuse::record(staging, &path, print, bytes.len() as u64);
        }
        emit(&path, bytes);
    });
}

/// Copies the static files, bundle files and photos into `staging`; how many.
fn copy_files(prepared: &Prepared, staging: Option<&output::Staging>) -> usize {
    let Some(staging) = staging else {
        return 0;
    };
    let files: Vec<_> = prepared.copied_files().into_iter().collect();
    files
        .par_iter()
        .with_max_len(SHARE)
        .for_each(|(output, source)| match source {
            CopiedFile::Disk(source) => staging.copy(output, source),
            CopiedFile::Embedded(bytes) => staging.write(output, bytes),
        });
    files.len()
}
