//! Which pages a site has: articles, section and term listings with their pagination,
//! the home page, Atom feeds, the search page and the sitemap.
//!
//! Makes jobs for the plan; renders nothing itself.

use serde::Serialize;
use tera::{Map, Value};

use crate::load::config::TermSource;
use crate::markdown;
use crate::site::stats::Statistics;
use crate::site::{Site, YearArchive, pager_urls};

use super::plan::{Bodies, DataFile, Job};
use super::views::{ListingView, iso_date};

/// The search page, `/tim-kiem/`, with its filters' choices as `search`, and the year
/// archives when the theme makes them (`archives`).
pub(super) fn search_job(site: &Site, archives: bool) -> Job {
    let view = crate::search::page_view(site, &crate::search::documents(site), archives);
    Job {
        template: "search.html",
        url: crate::search::PAGE_URL.to_string(),
        context: vec![("search", Value::from_serializable(&view))],
        pages: Vec::new(),
        bodies: Bodies::None,
    }
}

pub(super) fn article_jobs(site: &Site, views: &[Value], sections: &[Value], jobs: &mut Vec<Job>) {
    for (index, page) in site.pages.iter().enumerate() {
        let neighbour = |i: Option<usize>| i.map_or_else(Value::none, |i| views[i].clone());
        let section = page
            .section
            .and_then(|i| sections.get(i).cloned())
            .unwrap_or_else(Value::none);
        let related: Vec<Value> = page.related.iter().map(|&i| views[i].clone()).collect();
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
                ("related", Value::from(related.as_slice())),
            ],
            pages: [Some(index), page.older, page.newer]
                .into_iter()
                .flatten()
                .chain(page.related.iter().copied())
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

#[derive(Serialize)]
struct YearLink<'a> {
    year: i32,
    url: &'a str,
    count: usize,
}

/// The year archive of a section: its articles grouped by month, newest first.
fn year_archive_job(
    site: &Site,
    year: &YearArchive,
    views: &[Value],
    extra: &[(&'static str, Value)],
) -> Job {
    let mut months: Vec<(u32, Vec<Value>)> = Vec::new();
    for &index in &year.pages {
        let month = site.pages[index]
            .article
            .front
            .date
            .map_or(0, |d| chrono::Datelike::month(&d.date()));
        match months.last_mut() {
            Some((last, pages)) if *last == month => pages.push(views[index].clone()),
            _ => months.push((month, vec![views[index].clone()])),
        }
    }
    let months: Vec<Value> = months
        .into_iter()
        .map(|(month, pages)| {
            let mut map = Map::new();
            map.insert("month".into(), Value::from(month));
            map.insert("pages".into(), Value::from(pages.as_slice()));
            Value::from(map)
        })
        .collect();
    let mut archive = Map::new();
    archive.insert("year".into(), Value::from(year.year));
    archive.insert("url".into(), Value::from(year.url.as_str()));
    archive.insert("count".into(), Value::from(year.pages.len()));
    archive.insert("months".into(), Value::from(months.as_slice()));
    let mut context = extra.to_vec();
    context.push(("archive", Value::from(archive)));
    Job {
        template: "archive.html",
        url: year.url.clone(),
        context,
        pages: year.pages.clone(),
        bodies: Bodies::None,
    }
}

pub(super) fn listing_jobs(
    site: &Site,
    statistics: Option<&Statistics>,
    views: &[Value],
    archives: bool,
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
        let years: Vec<YearLink> = if archives {
            section
                .years
                .iter()
                .map(|y| YearLink {
                    year: y.year,
                    url: &y.url,
                    count: y.pages.len(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let extra = [
            ("section", view.clone()),
            ("archives", Value::from_serializable(&years)),
        ];
        let per_page = section.per_page(config);
        paginate(
            &section.section.url,
            &section.pages,
            views,
            per_page,
            "section.html",
            &extra,
            jobs,
        );
        if archives {
            for year in &section.years {
                jobs.push(year_archive_job(site, year, views, &extra));
            }
        }
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

pub(super) fn home_and_feed_jobs(site: &Site, views: &[Value], jobs: &mut Vec<Job>) {
    let config = &site.config;
    let sections: Vec<Value> = site
        .sections
        .iter()
        .filter(|section| section.is_listed())
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
            .filter(|section| section.is_listed())
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
pub(super) fn sitemap_jobs(
    site: &Site,
    statistics: Option<&Statistics>,
    archives: bool,
    jobs: &mut Vec<Job>,
) -> Option<DataFile> {
    let entries = sitemap(site, statistics, archives);
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
pub(super) fn sitemap_parts(
    count: usize,
    per_file: usize,
) -> Vec<(String, std::ops::Range<usize>)> {
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

pub(super) fn sitemap_index(permalinks: impl Iterator<Item = String>) -> Vec<u8> {
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
pub(super) struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

/// Every public HTML page: home, listings, articles, terms, statistics (not aliases or
/// 404).
pub(super) fn sitemap(
    site: &Site,
    statistics: Option<&Statistics>,
    archives: bool,
) -> Vec<SitemapEntry> {
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
        if archives {
            for year in &section.years {
                entries.push(entry(&year.url, None));
            }
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
