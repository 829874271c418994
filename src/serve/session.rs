//! The site kept in memory between two rebuilds, and the choice of how little to redo
//! for a batch of changes.
//!
//! - An edit of existing articles that changes only their body, `summary`, `location`
//!   or `extra` (the common save): the article is read again, its Markdown rendered
//!   again, its links checked, and the page model patched in place; its view is made
//!   again and put in the few jobs that show it (its page, its neighbours, the listing
//!   and term pages and feeds that list it, the home page); every other job is shared
//!   with the previous build. Nothing else is read or parsed.
//! - Any other content change: every content file is listed, the ones whose size or time
//!   changed are parsed again, Markdown is rendered again only where its text or links
//!   changed, and the site is resolved again.
//! - A template or static change: the same, with the parsed files all reused.
//! - site.yaml or data/: everything from scratch.
//!
//! In every case pages are rendered only when asked for (see [`Snapshot`]), and the
//! result is what a full `loa build` of the same files gives (tests/serve/identity.rs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::live::Snapshot;
use super::watch::{Batch, Change};
use std::sync::Arc;

use crate::build::{BuildOptions, Caches, CopiedFile, Error, Prepared};
use crate::diagnostics::Diagnostic;
use crate::render::PagePlan;

/// An incremental build of one site, held by the preview server.
pub struct Session {
    options: BuildOptions,
    root: PathBuf,
    caches: Caches,
    last: Option<Last>,
}

/// The last good build, kept to patch.
struct Last {
    prepared: Prepared,
    snapshot: Arc<Snapshot>,
    copied: BTreeMap<String, CopiedFile>,
    sources: Arc<Sources>,
}

/// The Markdown file of each article's page: output path (`tin-tuc/a/index.html`) ->
/// path from the site's root (`content/tin-tuc/a.md`), for the editor's link.
pub type Sources = std::collections::HashMap<String, String>;

fn sources(prepared: &Prepared) -> Arc<Sources> {
    Arc::new(
        prepared
            .site
            .pages
            .iter()
            .map(|page| {
                (
                    crate::render::output_path(&page.article.url),
                    page.article.source.path_string(),
                )
            })
            .collect(),
    )
}

/// An article's page with a new body, made the quick way.
pub struct Quick {
    pub html: Vec<u8>,
    /// The page's address, with the site's path.
    pub url: String,
    /// The problems `build` would report in the article's file.
    pub problems: Vec<Diagnostic>,
}

/// A new build, ready to serve.
pub struct Rebuilt {
    pub snapshot: Arc<Snapshot>,
    pub pages: usize,
    /// Whether the quick way (an edit of what only the article's view shows, patched in
    /// place) was enough.
    pub patched: bool,
    pub sources: Arc<Sources>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        let root = options
            .root
            .canonicalize()
            .unwrap_or_else(|_| options.root.clone());
        Self {
            options,
            root,
            caches: Caches::default(),
            last: None,
        }
    }

    /// The last good build, which the editor reads the site's sections, tags and
    /// articles from.
    pub fn prepared(&self) -> Option<&Prepared> {
        self.last.as_ref().map(|last| &last.prepared)
    }

    /// The site's root, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The site as a build would make it with the file at `overlay.path` holding
    /// `overlay.text`, the file taken even as a draft: what the editor previews and
    /// checks. Reuses the caches and leaves the last good build, and what is served,
    /// as they are.
    pub fn preview(&mut self, overlay: crate::load::content::Overlay) -> Result<Prepared, Error> {
        let options = BuildOptions {
            overlay: Some(Arc::new(overlay)),
            ..self.options.clone()
        };
        crate::build::prepare(&options, &mut self.caches)
    }

    /// The page of the article at `path` (from the root) with the text `text`, when only
    /// its body differs from the last good build and the quick way of a save can show
    /// it: the last build with that article's body replaced, as a save would be patched
    /// in place, and the problems `build` would report in the file. `None` when the
    /// site must be built ([`Session::preview`]). The last build is left as it was.
    pub fn preview_body(&mut self, path: &Path, text: &str) -> Option<Quick> {
        let today = self.options.today;
        let last = self.last.as_mut()?;
        let index = page_index(&last.prepared, path)?;
        let text = crate::load::content::decode(text.as_bytes()).ok()?;
        let split = crate::load::yaml::split(&text).ok()?;
        let Last {
            prepared, snapshot, ..
        } = last;
        let old = &prepared.site.pages[index].article;
        let source = crate::load::content::Source::new(
            old.source.path.clone(),
            old.source.content_path.clone(),
            &text,
            split.body_offset,
        );
        // A photo without its alt text is an error that only a full build reports.
        let alt_missing = source.images.iter().any(|i| i.alt.trim().is_empty());
        if source.front != old.source.front || alt_missing {
            return None;
        }
        let checks = crate::load::content::Checks {
            config: &prepared.site.config,
            registry: &prepared.registry,
            today,
            overlay: None,
        };
        let body = crate::load::content::body_problems(&source, &old.front, checks);
        if body.has_errors() {
            return None;
        }
        // The front matter's own warnings are the last build's, at the same lines.
        let front_lines = source.front.lines().count();
        let mut problems: Vec<Diagnostic> = prepared
            .warnings
            .iter()
            .filter(|d| d.path == source.path)
            .filter(|d| d.location.as_ref().is_some_and(|l| l.line <= front_lines))
            .cloned()
            .collect();
        problems.extend(body);
        let front = old.front.clone();
        let kept = (
            old.source.clone(),
            prepared.site.pages[index].rendered.clone(),
        );
        let site = &mut prepared.site;
        if !crate::site::replace_articles(
            site,
            vec![(index, source, front)],
            self.caches.markdown(),
        ) {
            return None;
        }
        let page = &site.pages[index];
        // What sanitising removed is a warning that only a full build reports.
        let quick = page.rendered.removed.is_empty().then(|| {
            let plan = snapshot
                .plan()
                .reusing(site, prepared.statistics.as_ref(), today, &[index]);
            let url = page.article.url.clone();
            let html = plan.render(&crate::render::output_path(&url))?.ok()?;
            Some(Quick {
                html,
                url: format!("{}{url}", prepared.renderer.base_path()),
                problems,
            })
        });
        let page = &mut site.pages[index];
        (page.article.source, page.rendered) = kept;
        quick.flatten()
    }

    /// Builds again after `batch` (empty for the first build), redoing as little as it
    /// can.
    pub fn rebuild(&mut self, batch: &Batch) -> Result<Rebuilt, Error> {
        if batch.needs_everything() {
            self.caches = Caches::default();
        }
        for change in &batch.changes {
            if let Change::Content(path) = change {
                self.caches.forget(&self.options.root.join(path));
            }
        }
        if let Some(rebuilt) = self.patch(batch) {
            return Ok(rebuilt);
        }
        // Until a build succeeds again, no patch: it would hide the failing files. The
        // previous model is dropped on another thread: freeing ten thousand articles takes
        // tens of milliseconds that the next page need not wait for.
        if let Some(previous) = self.last.take() {
            std::thread::spawn(move || drop(previous));
        }
        let prepared = crate::build::prepare(&self.options, &mut self.caches)?;
        let plan = Arc::new(prepared.plan(self.options.today));
        let copied = prepared.copied_files();
        let sources = sources(&prepared);
        let rebuilt = self.snapshot(plan, copied.clone(), None, false, sources.clone());
        self.last = Some(Last {
            snapshot: rebuilt.snapshot.clone(),
            copied,
            prepared,
            sources,
        });
        Ok(rebuilt)
    }

    fn snapshot(
        &self,
        plan: Arc<PagePlan>,
        copied: BTreeMap<String, CopiedFile>,
        previous: Option<&Snapshot>,
        patched: bool,
        sources: Arc<Sources>,
    ) -> Rebuilt {
        let pages = plan.paths().count();
        Rebuilt {
            snapshot: Arc::new(Snapshot::new(plan, copied, &self.root, previous)),
            pages,
            patched,
            sources,
        }
    }

    /// The quick way: only what the views of articles of the last good build show
    /// changed.
    fn patch(&mut self, batch: &Batch) -> Option<Rebuilt> {
        if batch.changes.is_empty() || batch.rescan {
            return None;
        }
        let last = self.last.as_mut()?;
        let mut changed = Vec::new();
        for change in &batch.changes {
            let Change::Content(path) = change else {
                return None;
            };
            if path.extension().is_none_or(|e| e != "md") {
                return None;
            }
            let index = page_index(&last.prepared, path)?;
            let checks = crate::load::content::Checks {
                config: &last.prepared.site.config,
                registry: &last.prepared.registry,
                today: self.options.today,
                overlay: None,
            };
            let (source, front) = crate::load::content::reread(
                &self.options.root,
                &last.prepared.site.pages[index].article,
                checks,
            )?;
            // A photo without its alt text is an error that only a full build reports.
            if source.images.iter().any(|i| i.alt.trim().is_empty()) {
                return None;
            }
            changed.push((index, source, front));
        }
        let indexes: Vec<usize> = changed.iter().map(|(index, ..)| *index).collect();
        let site = &mut last.prepared.site;
        if !crate::site::replace_articles(site, changed, self.caches.markdown()) {
            return None;
        }
        let plan = Arc::new(last.snapshot.plan().reusing(
            site,
            last.prepared.statistics.as_ref(),
            self.options.today,
            &indexes,
        ));
        let copied = last.copied.clone();
        let previous = last.snapshot.clone();
        // A patch changes no article's address.
        let sources = last.sources.clone();
        let rebuilt = self.snapshot(plan, copied, Some(&previous), true, sources);
        if let Some(last) = self.last.as_mut() {
            last.snapshot = rebuilt.snapshot.clone();
        }
        Some(rebuilt)
    }
}

/// The index of the page whose source is `path` (relative to the root).
fn page_index(prepared: &Prepared, path: &Path) -> Option<usize> {
    prepared
        .site
        .pages
        .iter()
        .position(|page| page.article.source.path == path)
}
