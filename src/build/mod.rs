//! The one pipeline, and the only place its steps are put in order: load (site.yaml,
//! provinces, theme, content) -> find photos -> aggregate statistics -> resolve ->
//! resize photos -> render -> search index -> copy -> publish. `build` and `check` run
//! all of it ([`run`]); the preview server and the tests that compare it with a build
//! stop after resolving ([`prepare`]) and render from the same [`PagePlan`].
//!
//! Orders steps and turns their problems into an [`Error`] with its exit code; does no
//! step's work itself and never prints.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::i18n::Msg;
use crate::load::{self, content, theme};
use crate::output::{self, OutputError, Staging, photos};
use crate::parallel::{SHARE, free_in_parallel};
use crate::progress::{Progress, Silent, Step};
use crate::provinces::Registry;
use crate::render::{Emit, PagePlan, Renderer, Reuse};
use crate::search;
use crate::site::{self, Site, external_links, stats};

/// Why a command failed, which decides its exit code.
#[derive(Debug)]
pub enum Error {
    /// Problems in content files: exit code 1.
    Content(Diagnostics),
    /// Problems in site.yaml, the theme or the command line: exit code 2.
    Config(Diagnostics),
    /// The output could not be written: exit code 3.
    Output(OutputError),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Content(_) => 1,
            Self::Config(_) => 2,
            Self::Output(OutputError::Refused(_)) => 2,
            Self::Output(OutputError::Io { .. }) => 3,
            // As a shell reports a command stopped by SIGINT.
            Self::Output(OutputError::Interrupted) => 130,
        }
    }

    /// The whole message, as the terminal or the browser overlay shows it.
    pub fn render(&self) -> String {
        match self {
            Self::Content(problems) | Self::Config(problems) => format!(
                "{}\n{}\n",
                problems.render(),
                Msg::ProblemsFound {
                    count: problems.len()
                }
            ),
            Self::Output(error) => format!("{}: {error}\n", Msg::LabelError),
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
    /// Include articles dated after `today` (`--future`).
    pub future: bool,
    pub base_url: Option<String>,
    pub force: bool,
    /// The day campaigns are judged under way or ended; today unless a test pins it.
    pub today: NaiveDate,
    /// Check links to other sites too, requesting at most this many addresses.
    pub external_links: Option<usize>,
    /// Set when the user stops the build (Ctrl-C): it stops at the next page or step.
    pub stop: Option<&'static AtomicBool>,
    /// Warnings are errors (`check --strict`): the site fails with exit code 1.
    pub strict: bool,
    /// One Markdown file read from this text rather than from the disk (the editor's
    /// preview); never set for a build that writes.
    pub overlay: Option<Arc<content::Overlay>>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            out: Some(root.join("public")),
            root,
            drafts: false,
            future: false,
            base_url: None,
            force: false,
            today: chrono::Local::now().date_naive(),
            external_links: None,
            stop: None,
            strict: false,
            overlay: None,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|stop| stop.load(Ordering::Relaxed))
    }

    /// An error when the user stopped the build.
    fn go_on(&self) -> Result<(), Error> {
        if self.stopped() {
            return Err(Error::Output(OutputError::Interrupted));
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
    pub photos: photos::Made,
    pub elapsed: Duration,
    /// External addresses checked and found, when asked for.
    pub external_links: Option<(usize, usize)>,
    /// Each step and how long it took, for `--verbose`.
    pub steps: Vec<(Step, Duration)>,
    /// What the build found worth a look but published all the same, sorted by file
    /// and line; the command line shows them after the build.
    pub warnings: Diagnostics,
    /// The articles this build left out until their date.
    pub scheduled: Scheduled,
}

/// The steps done so far, timed, each told to `progress` as it ends.
struct Steps<'a> {
    started: Instant,
    last: Instant,
    done: Vec<(Step, Duration)>,
    progress: &'a dyn Progress,
}

impl<'a> Steps<'a> {
    fn new(progress: &'a dyn Progress) -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            done: Vec::new(),
            progress,
        }
    }

    fn finish(&mut self, step: Step) {
        let now = Instant::now();
        self.done.push((step, now - self.last));
        self.progress.step_done(step, now - self.last);
        self.last = now;
    }
}

/// What a rebuild may reuse from the previous one: parsed content files and rendered
/// Markdown. Each cache checks what it holds against the files before using it, so a
/// stale cache costs time, never correctness; the content cache is emptied whenever
/// site.yaml changes, since parsing depends on it.
#[derive(Default)]
pub struct Caches {
    config_text: Option<String>,
    /// The day the cached files were checked against: figures may not be counted after it.
    today: Option<NaiveDate>,
    content: content::Cache,
    markdown: site::MarkdownCache,
}

impl Caches {
    /// Forgets what the content file at `path` parsed to, even if its size and time look
    /// unchanged (two saves within the file system's clock tick).
    pub fn forget(&mut self, path: &std::path::Path) {
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
    pub site: Site,
    /// The figures gathered from the articles, when site.yaml declares `stats:`.
    pub statistics: Option<stats::Statistics>,
    pub renderer: Renderer,
    pub static_files: Vec<theme::StaticFile>,
    /// The photos and their resized widths, made before anything renders.
    pub photos: photos::Photos,
    pub photos_made: photos::Made,
    /// The provinces that front matter is checked against, for files read again.
    pub registry: Registry,
    /// Problems that do not stop the build, sorted by file and line. The preview server
    /// does not show them yet.
    pub warnings: Diagnostics,
    /// The articles left out until their date.
    pub scheduled: Scheduled,
}

/// Articles dated after the build's day, left out until a build on or after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scheduled {
    pub count: usize,
    /// The earliest of their dates.
    pub next: Option<NaiveDate>,
}

impl Scheduled {
    fn of(dates: Vec<NaiveDate>) -> Self {
        Self {
            count: dates.len(),
            next: dates.into_iter().min(),
        }
    }
}

impl Prepared {
    /// Every page of the site with its template and view, nothing rendered yet.
    pub fn plan(&self, today: NaiveDate) -> PagePlan {
        PagePlan::new(&self.site, &self.renderer, self.statistics.as_ref(), today)
    }

    /// Every file that is copied rather than rendered, borrowed: its output path and
    /// where it comes from, in the order later ones win.
    fn copies(&self) -> impl Iterator<Item = (Cow<'_, str>, Copied<'_>)> {
        let statics = self.static_files.iter().map(|file| {
            let source = match file {
                theme::StaticFile::OnDisk { source, .. } => Copied::Disk(source),
                theme::StaticFile::Embedded { bytes, .. } => Copied::Embedded(bytes),
            };
            (Cow::Borrowed(file.output()), source)
        });
        let assets = self
            .site
            .assets
            .iter()
            .map(|a| (Cow::Borrowed(a.output.as_str()), Copied::Disk(&a.source)));
        let bundles = self.site.pages.iter().flat_map(|page| {
            let dir = page.article.url.trim_start_matches('/');
            page.article.bundle_files.iter().map(move |(file, inside)| {
                (Cow::Owned(format!("{dir}{inside}")), Copied::Disk(file))
            })
        });
        let photos = self
            .photos
            .files()
            .map(|(output, cached)| (Cow::Borrowed(output), Copied::Disk(cached)));
        statics.chain(assets).chain(bundles).chain(photos)
    }

    /// Every file that is copied rather than rendered: output path -> where it comes from.
    pub fn copied_files(&self) -> BTreeMap<String, CopiedFile> {
        self.copies()
            .map(|(output, source)| {
                let source = match source {
                    Copied::Disk(path) => CopiedFile::Disk(path.to_path_buf()),
                    Copied::Embedded(bytes) => CopiedFile::Embedded(bytes),
                };
                (output.into_owned(), source)
            })
            .collect()
    }
}

/// Where a copied file comes from, borrowed from the [`Prepared`] site.
enum Copied<'a> {
    Disk(&'a std::path::Path),
    Embedded(&'static [u8]),
}

/// Where a copied file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopiedFile {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// Loads and resolves the site at `options.root`, reusing what `caches` hold: the
/// preview server's build, rendered page by page from [`Prepared::plan`].
pub fn prepare(options: &BuildOptions, caches: &mut Caches) -> Result<Prepared, Error> {
    prepare_steps(options, Some(caches), &mut Steps::new(&Silent))
}

/// Loads and resolves the site; `caches` is `None` for a one-shot build, which keeps no
/// second copy of every file.
fn prepare_steps(
    options: &BuildOptions,
    mut caches: Option<&mut Caches>,
    steps: &mut Steps,
) -> Result<Prepared, Error> {
    let root = options.root.as_path();
    let (mut config, config_text) = load::site_yaml_text(root).map_err(Error::Config)?;
    let registry = load::registry(root).map_err(Error::Config)?;
    config
        .resolve_scope(&config_text, &registry)
        .map_err(Error::Config)?;
    if let Some(caches) = caches.as_deref_mut()
        && (caches.config_text.as_deref() != Some(config_text.as_str())
            || caches.today != Some(options.today))
    {
        // Content files are checked against site.yaml and the day: parse them all again.
        caches.content = content::Cache::default();
        caches.config_text = Some(config_text.clone());
        caches.today = Some(options.today);
    }
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let theme = theme::load(root, &config.theme).map_err(Error::Config)?;
    if let Some(problem) = theme::logo_problem(&config, &config_text, &theme.static_files) {
        return Err(Error::Config(problem.into()));
    }
    let renderer = Renderer::new(theme.templates, &config)
        .map_err(Error::Config)?
        .with_site_css(theme.site_css);
    steps.finish(Step::LoadConfig);

    let checks = content::Checks {
        config: &config,
        registry: &registry,
        today: options.today,
        overlay: options.overlay.as_deref(),
    };
    let include = content::Include {
        drafts: options.drafts,
        future: options.future,
    };
    let (mut content, problems) = match caches.as_deref_mut() {
        Some(caches) => content::load_cached(root, checks, include, &mut caches.content),
        None => content::load(root, checks, include),
    };
    let scheduled = Scheduled::of(std::mem::take(&mut content.scheduled));
    steps.finish(Step::LoadContent);
    let (mut problems, mut warnings) = problems.split();
    problems.extend(theme.refused);
    warnings.extend(theme.warnings);

    let (mut photos, photo_problems) = photos::plan(root, &content);
    problems.extend(photo_problems);
    steps.finish(Step::FindPhotos);

    // Before resolving: articles may link to the statistics pages, whose addresses
    // depend on which provinces report figures.
    let mut extra_urls: Vec<String> = theme
        .static_files
        .iter()
        .map(|f| format!("/{}", f.output()))
        .chain(content.assets.iter().map(|a| format!("/{}", a.output)))
        .chain(photos.urls())
        .collect();
    if renderer.renders_search(&config) {
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
    steps.finish(Step::AggregateStatistics);

    let pictures = std::mem::take(&mut photos.pictures);
    let embedding = site::Embedding {
        templates: &renderer,
        statistics: statistics.as_ref(),
        registry: &registry,
    };
    let resolved = match &caches {
        Some(caches) => site::resolve_cached(
            config,
            content,
            &extra_urls,
            &caches.markdown,
            pictures,
            embedding,
        ),
        None => site::resolve(config, content, &extra_urls, pictures, embedding),
    };
    let mut site = match resolved {
        Ok(site) => site,
        Err(more) => {
            problems.extend(more);
            return Err(Error::Content(problems.sorted()));
        }
    };
    if !problems.is_empty() {
        return Err(Error::Content(problems.sorted()));
    }
    steps.finish(Step::Resolve);
    warnings.extend(std::mem::take(&mut site.warnings));

    // Resized photos are kept for the next build whenever a build publishes or serves;
    // `check` only makes sure every photo can be read.
    let keep_photos = options.out.is_some() || caches.is_some();
    let photos_made = photos::make(&photos, keep_photos, steps.progress)
        .map_err(|problems| Error::Content(problems.sorted()))?;
    steps.finish(Step::ResizePhotos);
    Ok(Prepared {
        site,
        statistics,
        renderer,
        static_files: theme.static_files,
        photos,
        photos_made,
        registry,
        warnings: warnings.sorted(),
        scheduled,
    })
}

/// Builds the site: `build` when `options.out` is set, `check` when it is not.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    run(options, &Silent)
}

/// [`build`], telling `progress` about each step as it ends and each page as it is
/// written.
pub fn run(options: &BuildOptions, progress: &dyn Progress) -> Result<BuildSummary, Error> {
    let mut steps = Steps::new(progress);
    let root = options.root.as_path();
    // Claimed first, so that a second build into the same folder is refused at once
    // rather than after loading the site.
    let claim = match &options.out {
        Some(out) => Some(output::claim(root, out, options.force).map_err(Error::Output)?),
        None => None,
    };
    let mut prepared = prepare_steps(options, None, &mut steps)?;
    options.go_on()?;
    if options.strict && !prepared.warnings.is_empty() {
        let mut errors = std::mem::take(&mut prepared.warnings);
        errors.make_errors();
        return Err(Error::Content(errors));
    }

    let external_links = options
        .external_links
        .map(|limit| external_links::check(&prepared.site, limit));
    if let Some(report) = &external_links {
        if !report.problems.is_empty() {
            return Err(Error::Content(report.problems.clone()));
        }
        steps.finish(Step::CheckExternalLinks);
    }
    options.go_on()?;
    prepared.site.forget_markdown();

    let plan = prepared.plan(options.today);
    let unwritable = output::unwritable(
        plan.paths()
            .map(Cow::Borrowed)
            .chain(prepared.copies().map(|(output, _)| output)),
    );
    if !unwritable.is_empty() {
        return Err(Error::Content(unwritable.sorted()));
    }
    let staging = match claim {
        Some(claim) => Some(claim.stage().map_err(Error::Output)?),
        None => None,
    };
    progress.items(Step::Render, None);
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
    let rendered = plan.render_all(&emit, staging.as_ref().map(|s| s as &dyn Reuse));
    plan.free();
    steps.finish(Step::Render);
    // After the pages, not beside them: the index's documents and the pages' buffers
    // together would raise the build's peak memory by a third. `check` writes nothing,
    // and the index has nothing to check.
    let search = prepared.renderer.renders_search(&prepared.site.config);
    if let (Some(staging), true, Ok(_)) = (&staging, search, &rendered) {
        write_search_index(&prepared.site, &prepared.registry, staging, &emit);
        steps.finish(Step::SearchIndex);
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
    steps.finish(Step::CopyFiles);
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
    steps.finish(Step::Publish);
    Ok(BuildSummary {
        pages: rendered.pages,
        files,
        photos: prepared.photos_made,
        elapsed: steps.started.elapsed(),
        external_links: external_links.map(|r| (r.checked, r.total)),
        steps: steps.done,
        warnings: std::mem::take(&mut prepared.warnings),
        scheduled: prepared.scheduled,
    })
}

/// Writes the search index of `site`, unless `staging` keeps the index it published
/// from the same articles.
fn write_search_index(site: &Site, registry: &Registry, staging: &Staging, emit: &Emit) {
    let docs = search::documents(site);
    let names = search::Names::of(&docs, registry);
    let print = search::fingerprint(&docs, &names, site.config.date_style);
    if staging.is_current_set(search::FOLDER, print) {
        return;
    }
    search::index(&docs, &names, site.config.date_style, print, &|(
        path,
        bytes,
    )| {
        staging.record(&path, print, bytes.len() as u64);
        emit(&path, bytes);
    });
}

/// Copies the static files, bundle files and photos into `staging`; how many.
fn copy_files(prepared: &Prepared, staging: Option<&Staging>) -> usize {
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
