//! The render plan: every page of a site as a job (template, context, the articles it
//! shows), fingerprinted so that a build can keep pages it published before, rendered
//! all at once by a build or one at a time by the preview server.
//!
//! Hands finished pages to an `emit` callback; never writes files.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::{Context, Map, Value};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::markdown;
use crate::site::Site;
use crate::site::stats::Statistics;

use super::engine::Renderer;
use super::pages::{article_jobs, home_and_feed_jobs, listing_jobs, search_job, sitemap_jobs};
use super::stats_pages;
use super::views::{SharedViews, article_value, site_view};

/// What rendering produced, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
}

/// A file to produce: path relative to the output folder, and its bytes. Producing it
/// cannot fail here: the staging folder keeps a write failure for publishing to report.
pub type Emit<'a> = dyn Fn(&str, Vec<u8>) + Sync + 'a;

pub(super) struct Job {
    pub(super) template: &'static str,
    pub(super) url: String,
    pub(super) context: Entries,
    /// The articles whose views the page shows, as indexes into `Site::pages`: when only
    /// their bodies change, the preview server makes again only the jobs that list them.
    pub(super) pages: Vec<usize>,
    /// The articles this page shows in full. Their HTML joins their views only while the
    /// page renders, so that a build holds each article's HTML once, not once more in
    /// every view that lists it.
    pub(super) bodies: Bodies,
}

#[derive(Clone, Default)]
pub(super) enum Bodies {
    #[default]
    None,
    /// The article of `page`.
    Page(usize, Arc<markdown::Rendered>),
    /// Each view of `entries`, in order.
    Entries(Vec<(usize, Arc<markdown::Rendered>)>),
}

impl Bodies {
    /// The same articles, with their HTML as `site` has it now.
    fn refreshed(&self, site: &Site) -> Self {
        let now = |index: usize| site.pages[index].rendered.clone();
        match self {
            Self::None => Self::None,
            Self::Page(index, _) => Self::Page(*index, now(*index)),
            Self::Entries(entries) => {
                Self::Entries(entries.iter().map(|(i, _)| (*i, now(*i))).collect())
            }
        }
    }
}

/// An article's view with its HTML as `content` and its headings as `toc`.
fn with_content(view: &Value, rendered: &markdown::Rendered) -> Value {
    let mut map = view.as_map().cloned().unwrap_or_default();
    map.insert("content".into(), Value::from(rendered.html.text()));
    map.insert("toc".into(), Value::from_serializable(&rendered.headings));
    Value::from(map)
}

/// A template context as its entries, so that a view in it can be replaced.
pub(super) type Entries = Vec<(&'static str, Value)>;

/// The context a job's template sees: its entries, the articles it shows in full with
/// their content, and the address of the page.
fn job_context(job: &Job) -> Context {
    let mut context = Context::new();
    for (key, value) in &job.context {
        let value = match (&job.bodies, *key) {
            (Bodies::Page(_, rendered), "page") => with_content(value, rendered),
            (Bodies::Entries(bodies), "entries") => {
                let entries: Vec<Value> = value
                    .as_array()
                    .unwrap_or_default()
                    .iter()
                    .zip(bodies)
                    .map(|(view, (_, rendered))| with_content(view, rendered))
                    .collect();
                Value::from(entries.as_slice())
            }
            _ => value.clone(),
        };
        context.insert_value(*key, value);
    }
    context.insert("current_url", &job.url);
    context
}

/// What a build already published, so that pages whose inputs did not change are not
/// rendered again. `fingerprint` covers everything a page is made from.
pub trait Reuse: Sync {
    /// Whether the page at `path` was published from inputs with this fingerprint and is
    /// still there as it was written. Answering `true` keeps the published file.
    fn is_current(&self, path: &str, fingerprint: u128) -> bool;
    /// The page at `path` was rendered from inputs with this fingerprint into `size` bytes.
    fn record(&self, path: &str, fingerprint: u128, size: u64);
    /// Whether a set of files made together from inputs with this fingerprint, such as
    /// the search index, was published under `folder` and is all still there as written.
    /// Answering `true` keeps every file of the set.
    fn is_current_set(&self, folder: &str, fingerprint: u128) -> bool;
}

/// Every page of a site with its template and context, ready to be rendered one at a
/// time: the preview server renders a page when it is asked for, `render_site` renders
/// them all. Holds no borrow of the site, so it can outlive it.
pub struct PagePlan {
    /// The fingerprint of what every page shares.
    shared: u128,
    /// Files made without a template (the statistics as JSON and CSV, the sitemap index
    /// of a large site), by output path.
    data_files: Arc<Vec<DataFile>>,
    renderer: Arc<Renderer>,
    jobs: Vec<Arc<Job>>,
    /// Output path (`a/b/index.html`) -> index into `jobs`.
    by_path: Arc<HashMap<String, usize>>,
    /// Each article's view, by index into `Site::pages`.
    views: Vec<Value>,
    /// For each article, the jobs that show its view.
    shown_by: Arc<Vec<Vec<usize>>>,
    /// For a plan made by [`PagePlan::reusing`], the output paths of the jobs made again;
    /// every other page renders as in the previous plan.
    remade: Option<Vec<String>>,
}

impl PagePlan {
    /// The pages of `site`, with nothing rendered yet.
    pub fn new(
        site: &Site,
        renderer: &Renderer,
        statistics: Option<&Statistics>,
        build_date: NaiveDate,
    ) -> Self {
        plan_site(site, renderer, statistics, build_date)
    }

    /// The plan of `site`, a version of the site of `self` where only what the views of
    /// the articles at `changed` show differs (their bodies, summaries; same order, same
    /// groups): their views are made again and put in the jobs that show them; every
    /// other job is shared.
    pub fn reusing(
        &self,
        site: &Site,
        statistics: Option<&Statistics>,
        build_date: NaiveDate,
        changed: &[usize],
    ) -> Self {
        if self.views.len() != site.pages.len() {
            return plan_site(site, &self.renderer, statistics, build_date);
        }
        let mut views = self.views.clone();
        let mut swaps = Vec::new();
        let shared_views = SharedViews::new(site);
        for &index in changed {
            let view = article_value(site, &site.pages[index], build_date, &shared_views);
            swaps.push((std::mem::replace(&mut views[index], view.clone()), view));
        }
        let mut jobs = self.jobs.clone();
        let affected: std::collections::BTreeSet<usize> = changed
            .iter()
            .flat_map(|&index| self.shown_by[index].iter().copied())
            .collect();
        let mut remade = Vec::with_capacity(affected.len());
        for job in affected {
            let old = &self.jobs[job];
            remade.push(output_path(&old.url));
            jobs[job] = Arc::new(Job {
                template: old.template,
                url: old.url.clone(),
                context: old
                    .context
                    .iter()
                    .map(|(key, value)| {
                        (
                            *key,
                            substitute(value, &swaps).unwrap_or_else(|| value.clone()),
                        )
                    })
                    .collect(),
                pages: old.pages.clone(),
                bodies: old.bodies.refreshed(site),
            });
        }
        PagePlan {
            shared: self.shared,
            data_files: self.data_files.clone(),
            renderer: self.renderer.clone(),
            jobs,
            by_path: self.by_path.clone(),
            views,
            shown_by: self.shown_by.clone(),
            remade: Some(remade),
        }
    }

    /// For a plan made by [`PagePlan::reusing`], the output paths whose pages may differ from
    /// the previous plan's; `None` for a plan made from scratch.
    pub fn remade(&self) -> Option<&[String]> {
        self.remade.as_deref()
    }

    /// The output paths of every page and data file, such as `tin-tuc/index.html`.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_path
            .keys()
            .map(String::as_str)
            .chain(self.data_files.iter().map(|(path, _)| path.as_str()))
    }

    /// The path the site is published under (`/antt`), empty at a host's root.
    pub fn base_path(&self) -> &str {
        self.renderer.base_path()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.by_path.contains_key(path) || self.data_files.iter().any(|(p, _)| p == path)
    }

    /// Renders the page at output path `path`; `None` when the site has no such page.
    pub fn render(&self, path: &str) -> Option<Result<Vec<u8>, Diagnostic>> {
        if let Some((_, data)) = self.data_files.iter().find(|(p, _)| p == path) {
            return Some(data.clone());
        }
        let job = &self.jobs[*self.by_path.get(path)?];
        Some(
            self.renderer
                .render(job.template, &job_context(job), &job.url),
        )
    }

    /// Renders every page and hands each to `emit`.
    pub fn render_all(
        &self,
        emit: &Emit,
        reuse: Option<&dyn Reuse>,
    ) -> Result<Written, Diagnostics> {
        let known: fingerprint::Known = match reuse {
            Some(_) => self
                .views
                .par_iter()
                .filter_map(|view| {
                    let print = fingerprint::Fingerprint::new().value(view).finish();
                    fingerprint::address(view).map(|address| (address, print))
                })
                .collect(),
            None => fingerprint::Known::new(),
        };
        // Only the failures are kept: a result per page would hold 140 bytes each.
        let mut problems: Vec<Diagnostic> = self
            .jobs
            .par_iter()
            .with_max_len(crate::parallel::SHARE)
            .filter_map(|job| self.render_job(job, &known, emit, reuse).err())
            .collect();
        for (path, data) in self.data_files.iter() {
            match data.clone() {
                Ok(bytes) => emit(path, bytes),
                Err(problem) => problems.push(problem),
            }
        }
        problems
            .into_iter()
            .collect::<Diagnostics>()
            .into_result()?;
        Ok(Written {
            pages: self.jobs.len(),
        })
    }
}

impl PagePlan {
    /// Drops the plan on every core (see [`crate::parallel::free_in_parallel`]).
    pub fn free(mut self) {
        let jobs = std::mem::take(&mut self.jobs);
        let views = std::mem::take(&mut self.views);
        rayon::join(
            || crate::parallel::free_in_parallel(jobs),
            || crate::parallel::free_in_parallel(views),
        );
    }

    /// Renders the page of `job` and hands it to `emit`, unless `reuse` keeps the page
    /// it published from the same inputs.
    fn render_job(
        &self,
        job: &Job,
        known: &fingerprint::Known,
        emit: &Emit,
        reuse: Option<&dyn Reuse>,
    ) -> Result<(), Diagnostic> {
        let path = output_path(&job.url);
        let fingerprint = reuse.map(|_| self.fingerprint(job, known));
        if let (Some(reuse), Some(fingerprint)) = (reuse, fingerprint)
            && reuse.is_current(&path, fingerprint)
        {
            return Ok(());
        }
        let bytes = self
            .renderer
            .render(job.template, &job_context(job), &job.url)?;
        if let (Some(reuse), Some(fingerprint)) = (reuse, fingerprint) {
            reuse.record(&path, fingerprint, bytes.len() as u64);
        }
        emit(&path, bytes);
        Ok(())
    }

    /// Everything the page of `job` is made from: what every page shares, its template,
    /// address and context, and the HTML of the articles it shows in full.
    fn fingerprint(&self, job: &Job, known: &fingerprint::Known) -> u128 {
        let mut print = fingerprint::Fingerprint::new();
        print.number(self.shared).text(job.template).text(&job.url);
        for (key, value) in &job.context {
            print.text(key).value_with(value, known);
        }
        let bodies: Vec<&markdown::Rendered> = match &job.bodies {
            Bodies::None => Vec::new(),
            Bodies::Page(_, rendered) => vec![rendered],
            Bodies::Entries(entries) => entries.iter().map(|(_, r)| r.as_ref()).collect(),
        };
        for rendered in bodies {
            print.bytes(rendered.html.compressed());
        }
        print.finish()
    }
}

/// What every page of a plan is made from besides its own context: loa's version, the
/// templates, and the global `site` and `stats`.
fn shared_fingerprint(templates: &HashMap<String, (String, String)>, globals: &Context) -> u128 {
    let mut print = fingerprint::Fingerprint::new();
    print.text(env!("CARGO_PKG_VERSION"));
    let mut templates: Vec<(&String, &(String, String))> = templates.iter().collect();
    templates.sort_by(|a, b| a.0.cmp(b.0));
    for (name, (_, text)) in templates {
        print.text(name).text(text);
    }
    for key in ["site", "stats"] {
        print.text(key);
        if let Some(value) = globals.get(key) {
            print.value(value);
        }
    }
    print.finish()
}

/// `value` with every old view of `swaps` replaced by its new one, at any depth; `None`
/// when it holds none of them. A job's context holds clones of the plan's views, which
/// share their map: a view is found by the address of its map, not by comparing maps.
fn substitute(value: &Value, swaps: &[(Value, Value)]) -> Option<Value> {
    if let Some(address) = fingerprint::address(value)
        && let Some((_, new)) = swaps
            .iter()
            .find(|(old, _)| fingerprint::address(old) == Some(address))
    {
        return Some(new.clone());
    }
    if let Some(items) = value.as_array() {
        let swapped: Vec<Option<Value>> = items.iter().map(|v| substitute(v, swaps)).collect();
        if swapped.iter().all(Option::is_none) {
            return None;
        }
        let items: Vec<Value> = items
            .iter()
            .zip(swapped)
            .map(|(old, new)| new.unwrap_or_else(|| old.clone()))
            .collect();
        return Some(Value::from(items.as_slice()));
    }
    let map = value.as_map()?;
    let swapped: Vec<Option<Value>> = map.values().map(|v| substitute(v, swaps)).collect();
    if swapped.iter().all(Option::is_none) {
        return None;
    }
    let map: Map = map
        .iter()
        .zip(swapped)
        .map(|((key, old), new)| (key.clone(), new.unwrap_or_else(|| old.clone())))
        .collect();
    Some(Value::from(map))
}

fn plan_site(
    site: &Site,
    renderer: &Renderer,
    statistics: Option<&Statistics>,
    build_date: NaiveDate,
) -> PagePlan {
    let search = renderer.renders_search(&site.config);
    // A theme made before archives existed has no `archive.html`, and no links to them.
    let archives = renderer.has_template("archive.html");
    let mut renderer_tera = renderer.tera.clone();
    let globals = renderer_tera.global_context();
    globals.insert(
        "site",
        &site_view(site, build_date, search, renderer.site_css),
    );
    match statistics {
        Some(statistics) => globals.insert("stats", &stats_pages::stats_view(site, statistics)),
        None => globals.insert_value("stats", Value::none()),
    }
    let shared = shared_fingerprint(&renderer.paths, globals);
    let renderer = Renderer {
        tera: renderer_tera,
        paths: renderer.paths.clone(),
        base_path: renderer.base_path.clone(),
        site_css: renderer.site_css,
    };

    let shared_views = SharedViews::new(site);
    let views: Vec<Value> = site
        .pages
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .map(|page| article_value(site, page, build_date, &shared_views))
        .collect();

    // Each kind of page is planned on its own; at 100,000 articles planning them one
    // after another kept a core idle for about a second.
    let made = |plan: &(dyn Fn(&mut Vec<Job>) + Sync)| {
        let mut jobs = Vec::new();
        plan(&mut jobs);
        jobs
    };
    let ((mut jobs, listings), (home, stats)) = rayon::join(
        || {
            rayon::join(
                || made(&|jobs| article_jobs(site, &views, &shared_views.sections, jobs)),
                || made(&|jobs| listing_jobs(site, statistics, &views, archives, jobs)),
            )
        },
        || {
            rayon::join(
                || made(&|jobs| home_and_feed_jobs(site, &views, jobs)),
                || {
                    let mut jobs = Vec::new();
                    if let Some(statistics) = statistics {
                        stats_pages::jobs(site, statistics, &views, &mut jobs);
                    }
                    let index = sitemap_jobs(site, statistics, archives, &mut jobs);
                    (jobs, index)
                },
            )
        },
    );
    let (stats, sitemap_index) = stats;
    jobs.extend(listings);
    jobs.extend(home);
    jobs.extend(stats);
    if search {
        jobs.push(search_job(site, archives));
    }

    let by_path = jobs
        .iter()
        .enumerate()
        .map(|(index, job)| (output_path(&job.url), index))
        .collect();
    let mut shown_by = vec![Vec::new(); site.pages.len()];
    for (index, job) in jobs.iter().enumerate() {
        for &page in &job.pages {
            if let Some(jobs) = shown_by.get_mut(page) {
                jobs.push(index);
            }
        }
    }
    PagePlan {
        shared,
        data_files: Arc::new(
            statistics
                .map(open_data)
                .unwrap_or_default()
                .into_iter()
                .chain(sitemap_index)
                .collect(),
        ),
        renderer: Arc::new(renderer),
        jobs: jobs.into_iter().map(Arc::new).collect(),
        by_path: Arc::new(by_path),
        views,
        shown_by: Arc::new(shown_by),
        remade: None,
    }
}

/// `/a/b/` -> `a/b/index.html`; `/atom.xml` -> `atom.xml`.
pub fn output_path(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        trimmed.to_string()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// A file made without a template: its output path and bytes.
pub(super) type DataFile = (String, Result<Vec<u8>, Diagnostic>);

/// `stats.json` and `stats.csv`, by output path.
fn open_data(statistics: &Statistics) -> Vec<DataFile> {
    let csv_path = output_path(&statistics.csv_url());
    let csv = statistics.to_csv().map_err(|error| {
        Diagnostic::new(
            &csv_path,
            format!("cannot write the figures as CSV: {error}"),
        )
    });
    vec![
        (
            output_path(&statistics.json_url()),
            Ok(statistics.to_json().into_bytes()),
        ),
        (csv_path, csv),
    ]
}
