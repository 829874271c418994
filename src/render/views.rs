//! The typed views that templates see: the documented contract between loa and themes
//! (docs/template-context.md). Each article's view is serialised into a Tera value
//! once and shared by every page that shows it.
//!
//! Borrows from the resolved site; renders nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use tera::Value;

use crate::load::config::{Colors, MenuItem, TermSource};
use crate::load::content::front::Origin;
use crate::markdown;
use crate::site::stats::FigureValue;
use crate::site::{Page, Site};
use crate::vi;

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'a str,
    menu: &'a [MenuItem],
    sections: Vec<SectionLinkView>,
    taxonomies: Vec<LinkView>,
    stats_url: Option<String>,
    /// The search page, when the site has one.
    search_url: Option<&'static str>,
    feed_url: &'static str,
    build_date: String,
    generator: &'static str,
    /// `site.yaml`'s `logo`: `src` as a site path, and `alt`.
    logo: Option<LogoView<'a>>,
    /// `site.yaml`'s `colors`, each `#rrggbb` or none.
    colors: &'a Colors,
    /// The site's own stylesheet (`/site.css`), linked after the theme's, when it has one.
    site_css: Option<&'static str>,
    extra: &'a serde_json::Value,
}

#[derive(Serialize)]
struct LogoView<'a> {
    src: String,
    alt: &'a str,
}

#[derive(Serialize, Clone)]
struct LinkView {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct SectionLinkView {
    title: String,
    url: String,
    /// False for a section kept off the home page, the default menu and the site's feed.
    listed: bool,
}

#[derive(Serialize)]
struct TermView {
    name: String,
    slug: String,
    url: Option<String>,
}

/// Where a figure was first published.
#[derive(Serialize)]
pub(super) struct OriginView<'a> {
    name: &'a str,
    url: Option<&'a str>,
}

impl<'a> OriginView<'a> {
    pub(super) fn of(origin: &'a Origin) -> Self {
        Self {
            name: &origin.name,
            url: origin.url.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct FigureView<'a> {
    name: &'a str,
    label: &'a str,
    value: FigureValue<'a>,
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
    /// In the order of site.yaml's metrics.
    stats: Vec<FigureView<'a>>,
    stats_as_of: Option<String>,
    /// Where the figures were first published, when the article says.
    stats_origin: Option<OriginView<'a>>,
    campaign: Option<CampaignView<'a>>,
    image: Option<ImageView<'a>>,
    words: usize,
    reading_minutes: usize,
    draft: bool,
    /// Dated after the build's day: shown only by `--future` and the preview server.
    scheduled: bool,
    extra: &'a serde_json::Value,
}

#[derive(Serialize)]
pub(super) struct ListingView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) url: &'a str,
    pub(super) permalink: String,
    pub(super) content: String,
    pub(super) feed_url: Option<String>,
}

pub(super) fn iso_date(date: Option<crate::load::content::front::DateValue>) -> Option<String> {
    date.map(|d| d.date().format("%Y-%m-%d").to_string())
}

/// The views that many article views hold, made once and shared (a Tera map is shared
/// between its clones): a term's view is in every article with that term, a section's in
/// every article of the section.
pub(super) struct SharedViews<'a> {
    provinces: HashMap<&'a str, Value>,
    tags: HashMap<&'a str, Value>,
    pub(super) sections: Vec<Value>,
}

impl<'a> SharedViews<'a> {
    pub(super) fn new(site: &'a Site) -> Self {
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
pub(super) fn article_value(
    site: &Site,
    page: &Page,
    build_date: NaiveDate,
    shared: &SharedViews,
) -> Value {
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
    let stats = match (&front.stats, &config.stats) {
        (Some(stats), Some(settings)) => settings
            .metrics
            .iter()
            .filter_map(|metric| {
                stats.figures.get(&metric.name).map(|figure| FigureView {
                    name: &metric.name,
                    label: &metric.label,
                    value: FigureValue::of(*figure, metric),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
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
        stats_origin: front
            .stats
            .as_ref()
            .and_then(|s| s.origin.as_ref())
            .map(OriginView::of),
        campaign,
        image,
        words: page.rendered.words,
        reading_minutes: page.rendered.words.div_ceil(200).max(1),
        draft: front.draft,
        scheduled: front.date.is_some_and(|d| d.date() > build_date),
        extra: &front.extra,
    }
}

pub(super) fn site_view(
    site: &Site,
    build_date: NaiveDate,
    search: bool,
    site_css: bool,
) -> SiteView<'_> {
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
            .map(|s| SectionLinkView {
                title: s.title.clone(),
                url: s.section.url.clone(),
                listed: s.is_listed(),
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
        logo: config.logo.as_ref().map(|logo| LogoView {
            src: format!("/{}", logo.output()),
            alt: &logo.alt,
        }),
        colors: &config.colors,
        site_css: site_css.then_some("/site.css"),
        extra: &config.extra,
    }
}
