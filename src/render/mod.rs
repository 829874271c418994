//! Tera: the template engine set up with loa's filters, the typed views that templates
//! see, and the rendering of every page of a resolved site.
//!
//! Knows nothing of the file system: templates arrive as text, pages leave through the
//! `emit` callback that the output layer provides. Each article is serialised into a
//! Tera value once and shared (Tera values are reference-counted) by its own page, its
//! section pages, its term pages, the home page and the feeds.

mod stats_pages;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, Map, State, Tera, TeraResult, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fingerprint;
use crate::load::config::{Config, MenuItem, TermSource};
use crate::load::theme::TemplateSource;
use crate::markdown;
use crate::site::stats::Statistics;
use crate::site::{Page, Site, pager_urls};
use crate::vi::{self, DateStyle};

/// A Tera instance with loa's filters and the site's templates.
pub struct Renderer {
    tera: Tera,
    paths: HashMap<String, (String, String)>,
}

impl Renderer {
    /// Parses `templates` (later ones override earlier ones of the same name).
    pub fn new(templates: Vec<TemplateSource>, config: &Config) -> Result<Self, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        register_filters(&mut tera, config);
        let mut by_name: HashMap<String, TemplateSource> = HashMap::new();
        for template in templates {
            by_name.insert(template.name.clone(), template);
        }
        let paths = by_name
            .values()
            .map(|t| (t.name.clone(), (t.path.clone(), t.text.clone())))
            .collect();
        let renderer_paths: HashMap<String, (String, String)> = paths;
        tera.add_raw_templates(by_name.values().map(|t| (t.name.clone(), t.text.clone())))
            .map_err(|error| template_error(&renderer_paths, &error, None))?;
        Ok(Self {
            tera,
            paths: renderer_paths,
        })
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Whether the site has a search page: `search` is on in site.yaml and the theme has
    /// a `search.html` (a theme made before search existed simply has none).
    pub fn renders_search(&self, config: &Config) -> bool {
        config.search && self.has_template("search.html")
    }

    fn render(&self, template: &str, context: &Context, url: &str) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|error| template_error(&self.paths, &error, Some(url)))?;
        Ok(out)
    }
}

fn template_error(
    paths: &HashMap<String, (String, String)>,
    error: &tera::Error,
    url: Option<&str>,
) -> Diagnostic {
    let while_rendering = |d: Diagnostic| match url {
        Some(url) => d.note(format!("while rendering the page {url}")),
        None => d,
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let (path, text) = paths
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| (report.filename().to_string(), String::new()));
            let span = report.span();
            let width = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col)
            } else {
                1
            };
            while_rendering(Diagnostic::new(path, report.message().to_string()).at(
                Location::at_line(&text, span.start_line, span.start_col + 1, width),
            ))
        }
        _ => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            while_rendering(Diagnostic::new("templates", message))
        }
    }
}

/// How long `shorten` makes a text by default: search engines show about this much of
/// a page's description, and a longer one only weighs down every page.
const DESCRIPTION_CHARS: usize = 160;

fn register_filters(tera: &mut Tera, config: &Config) {
    tera.register_filter(
        "number",
        |value: &Value, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let decimals: usize = kwargs.get("decimals")?.unwrap_or(2);
            if let Some(integer) = value.as_i64() {
                Ok(vi::format_integer(integer))
            } else if let Some(float) = value.as_f64() {
                Ok(vi::format_decimal(float, decimals))
            } else {
                Ok(value.to_string())
            }
        },
    );
    let default_style = config.date_style;
    tera.register_filter(
        "date",
        move |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let style = match kwargs.get::<&str>("style")? {
                Some(name) => DateStyle::parse(name).ok_or_else(|| {
                    tera::Error::message(format!(
                        "unknown date style `{name}`: use short, weekday or admin"
                    ))
                })?,
                None => default_style,
            };
            format_date(value, style)
        },
    );
    tera.register_filter("date_short", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Short)
    });
    tera.register_filter("date_weekday", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Weekday)
    });
    tera.register_filter("date_admin", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Admin)
    });
    tera.register_filter("slugify", |value: &str, _: Kwargs, _: &State| {
        vi::slugify(value)
    });
    tera.register_filter(
        "json",
        |value: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            // Through serde_json's own value, whose maps are sorted: Tera's maps are
            // hash maps, and a page must come out the same on every build.
            let json = serde_json::to_value(value)
                .and_then(|v| serde_json::to_string(&v))
                .map_err(|e| tera::Error::message(format!("cannot write as JSON: {e}")))?;
            // Inside <script>, `</` would end the element early and `<!--` would
            // change how it is parsed: no `<` at all is the simple rule.
            Ok(Value::safe_string(&json.replace('<', "\\u003c")))
        },
    );
    tera.register_filter("striptags", |value: &str, _: Kwargs, _: &State| {
        strip_tags(value)
    });
    tera.register_filter(
        "shorten",
        |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let length: usize = kwargs.get("length")?.unwrap_or(DESCRIPTION_CHARS);
            let mut text = value.to_string();
            if let Some((end, _)) = text.char_indices().nth(length) {
                vi::truncate_at_space(&mut text, end);
            }
            Ok(text)
        },
    );
    let base_url = config.base_url.clone();
    tera.register_filter("absolute", move |value: &str, _: Kwargs, _: &State| {
        if value.starts_with('/') {
            format!("{base_url}{value}")
        } else {
            value.to_string()
        }
    });
}

/// Plain text from HTML, for attributes such as the page description and for JSON-LD:
/// the tags dropped and the entities that Markdown and `escape` write decoded, since the
/// result is escaped again where it is printed (else "Q&A" would show as "Q&amp;A").
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(text.trim())
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references decoded;
/// anything else (a bare `&`, an unknown name) left as written.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn format_date(value: &str, style: DateStyle) -> TeraResult<String> {
    let date = value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    date.map(|d| style.format(d))
        .ok_or_else(|| tera::Error::message(format!("`{value}` is not a date such as 2024-07-01")))
}

// ---- The views: the documented contract between loa and themes (see README). ----

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'a str,
    menu: &'a [MenuItem],
    sections: Vec<LinkView>,
    taxonomies: Vec<LinkView>,
    stats_url: Option<String>,
    /// The search page, when the site has one.
    search_url: Option<&'static str>,
    feed_url: &'static str,
    build_date: String,
    generator: &'static str,
    extra: &'a serde_json::Value,
}

#[derive(Serialize, Clone)]
struct LinkView {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct TermView {
    name: String,
    slug: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct FigureView<'a> {
    name: &'a str,
    label: &'a str,
    value: u64,
}

#[derive(Serialize)]
struct CampaignView<'a> {
    motto: &'a str,
    starts: String,
    ends: Option<String>,
    /// `upcoming`, `ongoing` or `ended` on the build date.
    status: &'static str,
}

#[derive(Serialize)]
struct ImageView<'a> {
    src: String,
    alt: &'a str,
    caption: Option<&'a str>,
    /// For a photo loa resized: the renditions, the size the browser reserves and the
    /// original for download; all none for an image loa left as it is.
    srcset: Option<&'a str>,
    sizes: Option<&'static str>,
    width: Option<u32>,
    height: Option<u32>,
    original: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    url: &'a str,
    permalink: String,
    date: Option<String>,
    datetime: Option<String>,
    updated: Option<String>,
    kind: &'static str,
    kind_label: &'static str,
    location: Option<&'a str>,
    summary: String,
    stats: Vec<FigureView<'a>>,
    stats_as_of: Option<String>,
    campaign: Option<CampaignView<'a>>,
    image: Option<ImageView<'a>>,
    words: usize,
    reading_minutes: usize,
    draft: bool,
    extra: &'a serde_json::Value,
}

#[derive(Serialize)]
struct ListingView<'a> {
    title: &'a str,
    description: &'a str,
    url: &'a str,
    permalink: String,
    content: String,
    feed_url: Option<String>,
}

fn iso_date(date: Option<crate::load::content::front::DateValue>) -> Option<String> {
    date.map(|d| d.date().format("%Y-%m-%d").to_string())
}

/// The views that many article views hold, made once and shared (a Tera map is shared
/// between its clones): a term's view is in every article with that term, a section's in
/// every article of the section.
struct SharedViews<'a> {
    provinces: HashMap<&'a str, Value>,
    tags: HashMap<&'a str, Value>,
    sections: Vec<Value>,
}

impl<'a> SharedViews<'a> {
    fn new(site: &'a Site) -> Self {
        let term = |source: TermSource, name: &str| {
            Value::from_serializable(&TermView {
                slug: vi::slugify(name),
                url: site.term_url(source, name).map(str::to_string),
                name: name.to_string(),
            })
        };
        let mut provinces = HashMap::new();
        let mut tags = HashMap::new();
        for page in &site.pages {
            let front = &page.article.front;
            if let Some(name) = &front.province {
                provinces
                    .entry(name.as_str())
                    .or_insert_with(|| term(TermSource::Province, name));
            }
            for name in &front.tags {
                tags.entry(name.as_str())
                    .or_insert_with(|| term(TermSource::Tags, name));
            }
        }
        let sections = site
            .sections
            .iter()
            .map(|section| {
                Value::from_serializable(&LinkView {
                    title: section.title.clone(),
                    url: section.section.url.clone(),
                })
            })
            .collect();
        Self {
            provinces,
            tags,
            sections,
        }
    }
}

/// The view of the article of `page`, as listings and its own page show it. Its HTML
/// and table of contents join it only on the pages that show it in full.
fn article_value(site: &Site, page: &Page, build_date: NaiveDate, shared: &SharedViews) -> Value {
    let view = Value::from_serializable(&article_view(site, page, build_date));
    let mut map = view.into_map().unwrap_or_default();
    let front = &page.article.front;
    let section = page.section.and_then(|i| shared.sections.get(i).cloned());
    let province = front
        .province
        .as_deref()
        .and_then(|name| shared.provinces.get(name).cloned());
    let tags: Vec<Value> = front
        .tags
        .iter()
        .filter_map(|tag| shared.tags.get(tag.as_str()).cloned())
        .collect();
    map.insert("section".into(), section.unwrap_or_else(Value::none));
    map.insert("province".into(), province.unwrap_or_else(Value::none));
    map.insert("tags".into(), Value::from(tags));
    Value::from(map)
}

fn article_view<'a>(site: &'a Site, page: &'a Page, build_date: NaiveDate) -> ArticleView<'a> {
    let article = &page.article;
    let front = &article.front;
    let config = &site.config;
    let kind = front
        .kind
        .unwrap_or(crate::load::content::front::Kind::News);
    let summary = match &front.summary {
        Some(summary) => format!("<p>{}</p>", markdown::escape_html(summary)),
        None => page.rendered.first_paragraph.clone().unwrap_or_default(),
    };
    let image = front.image.as_ref().map(|image| {
        let picture = site
            .pictures
            .get(&article.source.content_path)
            .and_then(|pictures| pictures.by_src.get(&image.src));
        ImageView {
            src: match picture {
                Some(picture) => picture.src.clone(),
                None if image.src.starts_with('/') || image.src.contains("://") => {
                    image.src.clone()
                }
                None => format!("{}{}", article.url, image.src),
            },
            alt: &image.alt,
            caption: image.caption.as_deref(),
            srcset: picture.map(|p| p.srcset.as_str()),
            sizes: picture.map(|_| crate::markdown::PICTURE_SIZES),
            width: picture.map(|p| p.width),
            height: picture.map(|p| p.height),
            original: picture.map(|p| p.original.as_str()),
        }
    });
    let campaign = front.campaign.as_ref().map(|campaign| {
        let starts = campaign.starts.date();
        let ends = campaign.ends.map(|e| e.date());
        CampaignView {
            motto: &campaign.motto,
            starts: starts.format("%Y-%m-%d").to_string(),
            ends: ends.map(|e| e.format("%Y-%m-%d").to_string()),
            status: if build_date < starts {
                "upcoming"
            } else if ends.is_some_and(|e| build_date > e) {
                "ended"
            } else {
                "ongoing"
            },
        }
    });
    let stats = front
        .stats
        .iter()
        .flat_map(|s| s.figures.iter())
        .filter_map(|(name, value)| {
            config.metric(name).map(|metric| FigureView {
                name,
                label: &metric.label,
                value: *value,
            })
        })
        .collect();
    ArticleView {
        title: &front.title,
        url: &article.url,
        permalink: config.permalink(&article.url),
        date: iso_date(front.date),
        datetime: front
            .date
            .map(|d| d.0.format("%Y-%m-%dT%H:%M:%S+07:00").to_string()),
        updated: iso_date(front.updated),
        kind: kind.name(),
        kind_label: kind.label(),
        location: front.location.as_deref(),
        summary,
        stats,
        stats_as_of: front
            .stats
            .as_ref()
            .map(|s| s.as_of.or(front.date))
            .and_then(iso_date),
        campaign,
        image,
        words: page.rendered.words,
        reading_minutes: page.rendered.words.div_ceil(200).max(1),
        draft: front.draft,
        extra: &front.extra,
    }
}

/// What rendering produced, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
}

/// A file to produce: path relative to the output folder, and its bytes. Producing it
/// cannot fail here: the staging folder keeps a write failure for publishing to report.
pub type Emit<'a> = dyn Fn(&str, Vec<u8>) + Sync + 'a;

struct Job {
    template: &'static str,
    url: String,
    context: Entries,
    /// The articles whose views the page shows, as indexes into `Site::pages`: when only
    /// their bodies change, the preview server makes again only the jobs that list them.
    pages: Vec<usize>,
    /// The articles this page shows in full. Their HTML joins their views only while the
    /// page renders, so that a build holds each article's HTML once, not once more in
    /// every view that lists it.
    bodies: Bodies,
}

#[derive(Clone, Default)]
enum Bodies {
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
type Entries = Vec<(&'static str, Value)>;

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
    let mut renderer_tera = renderer.tera.clone();
    let globals = renderer_tera.global_context();
    globals.insert("site", &site_view(site, build_date, search));
    match statistics {
        Some(statistics) => globals.insert("stats", &stats_pages::stats_view(site, statistics)),
        None => globals.insert_value("stats", Value::none()),
    }
    let shared = shared_fingerprint(&renderer.paths, globals);
    let renderer = Renderer {
        tera: renderer_tera,
        paths: renderer.paths.clone(),
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
                || made(&|jobs| listing_jobs(site, statistics, &views, jobs)),
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
                    let index = sitemap_jobs(site, statistics, &mut jobs);
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
        jobs.push(search_job(site));
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
type DataFile = (String, Result<Vec<u8>, Diagnostic>);

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

fn site_view(site: &Site, build_date: NaiveDate, search: bool) -> SiteView<'_> {
    let config = &site.config;
    SiteView {
        title: &config.title,
        description: &config.description,
        base_url: &config.base_url,
        language: &config.language,
        menu: &config.menu,
        sections: site
            .sections
            .iter()
            .map(|s| LinkView {
                title: s.title.clone(),
                url: s.section.url.clone(),
            })
            .collect(),
        taxonomies: site
            .taxonomies
            .iter()
            .map(|t| LinkView {
                title: config.taxonomies[t.index].title.clone(),
                url: t.url.clone(),
            })
            .collect(),
        stats_url: config.stats.as_ref().map(|s| format!("/{}/", s.path)),
        search_url: search.then_some(crate::search::PAGE_URL),
        feed_url: "/atom.xml",
        build_date: build_date.format("%Y-%m-%d").to_string(),
        generator: concat!("loa ", env!("CARGO_PKG_VERSION")),
        extra: &config.extra,
    }
}

/// The search page, `/tim-kiem/`, with its filters' choices as `search`.
fn search_job(site: &Site) -> Job {
    let view = crate::search::page_view(&crate::search::documents(site));
    Job {
        template: "search.html",
        url: crate::search::PAGE_URL.to_string(),
        context: vec![("search", Value::from_serializable(&view))],
        pages: Vec::new(),
        bodies: Bodies::None,
    }
}

fn article_jobs(site: &Site, views: &[Value], sections: &[Value], jobs: &mut Vec<Job>) {
    for (index, page) in site.pages.iter().enumerate() {
        let neighbour = |i: Option<usize>| i.map_or_else(Value::none, |i| views[i].clone());
        let section = page
            .section
            .and_then(|i| sections.get(i).cloned())
            .unwrap_or_else(Value::none);
        jobs.push(Job {
            template: if page.is_listed() {
                "article.html"
            } else {
                "page.html"
            },
            url: page.article.url.clone(),
            context: vec![
                ("page", views[index].clone()),
                ("section", section),
                ("older", neighbour(page.older)),
                ("newer", neighbour(page.newer)),
            ],
            pages: [Some(index), page.older, page.newer]
                .into_iter()
                .flatten()
                .collect(),
            bodies: Bodies::Page(index, page.rendered.clone()),
        });
        for alias in &page.article.front.aliases {
            let target = site.config.permalink(&page.article.url);
            jobs.push(Job {
                template: "alias.html",
                url: alias.clone(),
                context: vec![
                    ("target", Value::from_serializable(&target)),
                    ("title", Value::from_serializable(&page.article.front.title)),
                ],
                pages: Vec::new(),
                bodies: Bodies::None,
            });
        }
    }
}

/// The pages of a paginated listing of `items` at `base`, each with a `paginator`.
fn paginate(
    base: &str,
    items: &[usize],
    views: &[Value],
    per_page: usize,
    template: &'static str,
    extra: &[(&'static str, Value)],
    jobs: &mut Vec<Job>,
) {
    let urls = pager_urls(base, items.len(), per_page);
    let chunks: Vec<&[usize]> = if items.is_empty() {
        vec![&[]]
    } else {
        items.chunks(per_page).collect()
    };
    for (number, chunk) in chunks.into_iter().enumerate() {
        let pages: Vec<Value> = chunk.iter().map(|&i| views[i].clone()).collect();
        let mut paginator = Map::new();
        paginator.insert("pages".into(), Value::from(pages.as_slice()));
        paginator.insert("number".into(), Value::from(number + 1));
        paginator.insert("total_pages".into(), Value::from(urls.len()));
        paginator.insert("total_items".into(), Value::from(items.len()));
        paginator.insert("first".into(), Value::from(urls[0].as_str()));
        paginator.insert("last".into(), Value::from(urls[urls.len() - 1].as_str()));
        paginator.insert(
            "previous".into(),
            number
                .checked_sub(1)
                .map_or_else(Value::none, |p| Value::from(urls[p].as_str())),
        );
        paginator.insert(
            "next".into(),
            urls.get(number + 1)
                .map_or_else(Value::none, |n| Value::from(n.as_str())),
        );
        let mut entries = extra.to_vec();
        entries.push(("paginator", Value::from(paginator)));
        jobs.push(Job {
            template,
            url: urls[number].clone(),
            context: entries,
            pages: chunk.to_vec(),
            bodies: Bodies::None,
        });
    }
}

fn listing_jobs(
    site: &Site,
    statistics: Option<&Statistics>,
    views: &[Value],
    jobs: &mut Vec<Job>,
) {
    let config = &site.config;
    for section in &site.sections {
        let index = section.section.index.as_ref();
        let view = Value::from_serializable(&ListingView {
            title: &section.title,
            description: index.map_or("", |i| i.front.description.as_str()),
            url: &section.section.url,
            permalink: config.permalink(&section.section.url),
            content: section.rendered.html.text(),
            feed_url: Some(format!("{}atom.xml", section.section.url)),
        });
        let per_page = section.per_page(config);
        paginate(
            &section.section.url,
            &section.pages,
            views,
            per_page,
            "section.html",
            &[("section", view.clone())],
            jobs,
        );
        jobs.push(feed_job(
            site,
            &section.title,
            &format!("{}atom.xml", section.section.url),
            &section.section.url,
            &section.pages,
            views,
        ));
    }
    for taxonomy in &site.taxonomies {
        let settings = &config.taxonomies[taxonomy.index];
        let taxonomy_view = Value::from_serializable(&serde_json::json!({
            "name": settings.name,
            "title": settings.title,
            "url": taxonomy.url,
        }));
        // A province's term page links to its statistics page, which links back.
        let stats_url = |slug: &str| match (settings.source, statistics) {
            (TermSource::Province, Some(statistics)) => statistics.page_url(slug),
            _ => None,
        };
        let terms: Vec<serde_json::Value> = taxonomy
            .terms
            .iter()
            .map(|t| serde_json::json!({"name": t.name, "slug": t.slug, "url": t.url, "count": t.pages.len(), "stats_url": stats_url(&t.slug)}))
            .collect();
        jobs.push(Job {
            template: "taxonomy.html",
            url: taxonomy.url.clone(),
            context: vec![
                ("taxonomy", taxonomy_view.clone()),
                ("terms", Value::from_serializable(&terms)),
            ],
            pages: Vec::new(),
            bodies: Bodies::None,
        });
        for (term, term_view) in taxonomy.terms.iter().zip(terms) {
            paginate(
                &term.url,
                &term.pages,
                views,
                config.paginate_by,
                "term.html",
                &[
                    ("taxonomy", taxonomy_view.clone()),
                    ("term", Value::from_serializable(&term_view)),
                ],
                jobs,
            );
        }
    }
}

fn feed_job(
    site: &Site,
    title: &str,
    url: &str,
    home: &str,
    items: &[usize],
    views: &[Value],
) -> Job {
    let config = &site.config;
    let entries: Vec<Value> = items
        .iter()
        .take(config.feed_limit)
        .map(|&i| views[i].clone())
        .collect();
    let updated = items
        .iter()
        .take(config.feed_limit)
        .filter_map(|&i| {
            let front = &site.pages[i].article.front;
            front.updated.or(front.date)
        })
        .max()
        .map_or_else(
            || "1970-01-01T00:00:00+07:00".to_string(),
            |d| d.0.format("%Y-%m-%dT%H:%M:%S+07:00").to_string(),
        );
    let feed = serde_json::json!({
        "title": title,
        "url": config.permalink(url),
        "home": config.permalink(home),
        "updated": updated,
    });
    Job {
        template: "atom.xml",
        url: url.to_string(),
        context: vec![
            ("feed", Value::from_serializable(&feed)),
            ("entries", Value::from(entries.as_slice())),
        ],
        pages: items.iter().take(config.feed_limit).copied().collect(),
        bodies: Bodies::Entries(
            items
                .iter()
                .take(config.feed_limit)
                .map(|&i| (i, site.pages[i].rendered.clone()))
                .collect(),
        ),
    }
}

fn home_and_feed_jobs(site: &Site, views: &[Value], jobs: &mut Vec<Job>) {
    let config = &site.config;
    let sections: Vec<Value> = site
        .sections
        .iter()
        .map(|section| {
            let latest: Vec<Value> = section
                .pages
                .iter()
                .take(5)
                .map(|&i| views[i].clone())
                .collect();
            let mut map = Map::new();
            map.insert("title".into(), Value::from(section.title.as_str()));
            map.insert("url".into(), Value::from(section.section.url.as_str()));
            map.insert("count".into(), Value::from(section.pages.len()));
            map.insert("pages".into(), Value::from(latest.as_slice()));
            Value::from(map)
        })
        .collect();
    let latest: Vec<Value> = site
        .latest
        .iter()
        .take(10)
        .map(|&i| views[i].clone())
        .collect();
    let home_view = Value::from_serializable(&ListingView {
        title: &site.home_title,
        description: &config.description,
        url: "/",
        permalink: config.permalink("/"),
        content: site.home.html.text(),
        feed_url: Some("/atom.xml".into()),
    });
    jobs.push(Job {
        template: "index.html",
        url: "/".into(),
        context: vec![
            ("section", home_view),
            ("sections", Value::from(sections.as_slice())),
            ("latest", Value::from(latest.as_slice())),
        ],
        pages: site
            .sections
            .iter()
            .flat_map(|section| section.pages.iter().take(5))
            .chain(site.latest.iter().take(10))
            .copied()
            .collect(),
        bodies: Bodies::None,
    });
    jobs.push(feed_job(
        site,
        &config.title,
        "/atom.xml",
        "/",
        &site.latest,
        views,
    ));
    jobs.push(Job {
        template: "404.html",
        url: "/404.html".into(),
        context: Vec::new(),
        pages: Vec::new(),
        bodies: Bodies::None,
    });
    jobs.push(Job {
        template: "robots.txt",
        url: "/robots.txt".into(),
        context: Vec::new(),
        pages: Vec::new(),
        bodies: Bodies::None,
    });
}

/// The most addresses one sitemap file may list (sitemaps.org); search engines ignore a
/// larger file.
const SITEMAP_URLS: usize = 50_000;

/// The sitemap's jobs; for a site of more than [`SITEMAP_URLS`] addresses, also
/// `sitemap.xml` as an index of the parts, which is made without a template.
fn sitemap_jobs(
    site: &Site,
    statistics: Option<&Statistics>,
    jobs: &mut Vec<Job>,
) -> Option<DataFile> {
    let entries = sitemap(site, statistics);
    let parts = sitemap_parts(entries.len(), SITEMAP_URLS);
    for (url, range) in &parts {
        jobs.push(Job {
            template: "sitemap.xml",
            url: url.clone(),
            context: vec![("entries", Value::from_serializable(&entries[range.clone()]))],
            pages: Vec::new(),
            bodies: Bodies::None,
        });
    }
    (parts.len() > 1).then(|| {
        let permalinks = parts.iter().map(|(url, _)| site.config.permalink(url));
        ("sitemap.xml".to_string(), Ok(sitemap_index(permalinks)))
    })
}

/// The address of each sitemap file and the range of the `count` entries it lists, at
/// most `per_file`: `/sitemap.xml` alone, or `/sitemap-1.xml`, `/sitemap-2.xml`, …
fn sitemap_parts(count: usize, per_file: usize) -> Vec<(String, std::ops::Range<usize>)> {
    if count <= per_file {
        return vec![("/sitemap.xml".to_string(), 0..count)];
    }
    (0..count.div_ceil(per_file))
        .map(|n| {
            let range = n * per_file..((n + 1) * per_file).min(count);
            (format!("/sitemap-{}.xml", n + 1), range)
        })
        .collect()
}

fn sitemap_index(permalinks: impl Iterator<Item = String>) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for permalink in permalinks {
        let loc = markdown::escape_html(&permalink);
        xml.push_str(&format!("  <sitemap><loc>{loc}</loc></sitemap>\n"));
    }
    xml.push_str("</sitemapindex>\n");
    xml.into_bytes()
}

#[derive(Serialize)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

/// Every public HTML page: home, listings, articles, terms, statistics (not aliases or
/// 404).
fn sitemap(site: &Site, statistics: Option<&Statistics>) -> Vec<SitemapEntry> {
    let config = &site.config;
    let entry = |url: &str, lastmod: Option<String>| SitemapEntry {
        loc: config.permalink(url),
        lastmod,
    };
    let mut entries = vec![entry("/", None)];
    for section in &site.sections {
        for url in pager_urls(
            &section.section.url,
            section.pages.len(),
            section.per_page(config),
        ) {
            entries.push(entry(&url, None));
        }
    }
    for page in &site.pages {
        let front = &page.article.front;
        entries.push(entry(
            &page.article.url,
            iso_date(front.updated.or(front.date)),
        ));
    }
    for taxonomy in &site.taxonomies {
        entries.push(entry(&taxonomy.url, None));
        for term in &taxonomy.terms {
            for url in pager_urls(&term.url, term.pages.len(), config.paginate_by) {
                entries.push(entry(&url, None));
            }
        }
    }
    if let Some(statistics) = statistics {
        entries.push(entry(&statistics.url(), None));
        for page in statistics.pages() {
            entries.push(entry(&format!("{}{}/", statistics.url(), page.slug), None));
        }
    }
    entries
}

#[cfg(test)]
mod tests;
