//! The editor's reading API: what the form offers to choose from (`api/site`) and the
//! list of articles (`api/articles`), from the last good build and the disk.

use std::path::Path;

use serde_json::{Value, json};

use super::{fields, files};
use crate::build::Prepared;
use crate::load::content::front::Kind;

/// The address of the page made from the file at `path` (`content/…`), when the last
/// good build has one, with the site's path.
pub(super) fn url_of(prepared: &Prepared, path: &str) -> Option<String> {
    page_of(prepared, path).map(|url| format!("{}{url}", prepared.renderer.base_path()))
}

/// The site path of the page made from the file at `path`: an article's, a section's
/// for its `_index.md`, the home page for `content/_index.md`.
pub(super) fn page_of(prepared: &Prepared, path: &str) -> Option<String> {
    let site = &prepared.site;
    if path == format!("{}/_index.md", crate::load::content::CONTENT_DIR) {
        return Some("/".to_string());
    }
    let article = site
        .pages
        .iter()
        .find(|page| page.article.source.path_text() == path)
        .map(|page| page.article.url.clone());
    article.or_else(|| {
        site.sections
            .iter()
            .find(|s| {
                s.section
                    .index
                    .as_ref()
                    .is_some_and(|i| i.source.path_text() == path)
            })
            .map(|s| s.section.url.clone())
    })
}

const KINDS: [Kind; 4] = [Kind::Ceremony, Kind::Campaign, Kind::Statistics, Kind::News];

/// `api/site`: what the form offers to choose from.
pub(super) fn site(prepared: &Prepared) -> Value {
    let site = &prepared.site;
    let sections: Vec<Value> = site
        .sections
        .iter()
        .map(|s| json!({ "dir": s.section.dir, "title": s.title }))
        .collect();
    let kinds: Vec<Value> = KINDS
        .iter()
        .map(|k| json!({ "value": k.name(), "label": k.label() }))
        .collect();
    let mut provinces: Vec<(String, Vec<String>)> = Vec::new();
    for unit in prepared
        .registry
        .old_units()
        .chain(prepared.registry.current_units())
    {
        let mut keys: Vec<String> = std::iter::once(&unit.name)
            .chain(&unit.variants)
            .map(|name| crate::vi::fold(name))
            .collect();
        match provinces.iter_mut().find(|(name, _)| *name == unit.name) {
            Some((_, known)) => known.append(&mut keys),
            None => provinces.push((unit.name.clone(), keys)),
        }
    }
    provinces.sort_by(|a, b| crate::vi::compare(&a.0, &b.0));
    let provinces: Vec<Value> = provinces
        .into_iter()
        .map(|(name, mut keys)| {
            keys.sort();
            keys.dedup();
            json!({ "name": name, "keys": keys })
        })
        .collect();
    let tags: Vec<Value> = match site.taxonomy_for(crate::load::config::TermSource::Tags) {
        Some(taxonomy) => taxonomy
            .terms
            .iter()
            .map(|t| json!({ "name": t.name, "count": t.pages.len() }))
            .collect(),
        None => Vec::new(),
    };
    let metrics: Vec<Value> = site
        .config
        .stats
        .iter()
        .flat_map(|stats| &stats.metrics)
        .map(|m| json!({ "key": m.name, "label": m.label, "unit": m.unit, "decimals": m.decimals }))
        .collect();
    json!({
        "lang": match crate::i18n::language() {
            crate::i18n::Lang::En => "en",
            crate::i18n::Lang::Vi => "vi",
        },
        "sections": sections,
        "kinds": kinds,
        "provinces": provinces,
        "tags": tags,
        "metrics": metrics,
        "qualifiers": fields::QUALIFIERS,
        "limits": {
            "upload_bytes": files::UPLOAD_BYTES,
            "photo_pixels": crate::output::photos::MAX_MEGAPIXELS * 1_000_000,
        },
    })
}

/// `api/articles`: every Markdown file under `content/`, with what the last good build
/// made of it; drafts it left out are read from the disk.
pub(super) fn articles(root: &Path, prepared: Option<&Prepared>) -> Value {
    let today = chrono::Local::now().date_naive();
    let mut listed: Vec<(Option<String>, Value)> = Vec::new();
    let mut known = std::collections::HashSet::new();
    if let Some(prepared) = prepared {
        let base = prepared.renderer.base_path();
        for page in &prepared.site.pages {
            let article = &page.article;
            let path = article.source.path_string();
            let date = article.front.date.map(|d| d.date());
            listed.push((
                date.map(|d| d.format("%Y-%m-%d").to_string()),
                json!({
                    "path": path,
                    "title": article.front.title,
                    "section": article.section,
                    "kind": article.front.kind.map(Kind::name),
                    "province": article.front.province,
                    "date": date.map(|d| d.format("%Y-%m-%d").to_string()),
                    "draft": article.front.draft,
                    "scheduled": date.is_some_and(|d| d > today),
                    "url": format!("{base}{}", article.url),
                    "link": format!("@/{}", article.source.content_path),
                }),
            ));
            known.insert(path);
        }
        let site = &prepared.site;
        let indexes = site.sections.iter().filter_map(|s| {
            let index = s.section.index.as_ref()?;
            Some((index, Some(s.section.dir.clone()), s.section.url.clone()))
        });
        for (index, section, url) in indexes {
            let path = index.source.path_string();
            listed.push((
                None,
                index_entry(
                    &path,
                    &index.front.title,
                    section,
                    &format!("{base}{url}"),
                    &index.source.content_path,
                ),
            ));
            known.insert(path);
        }
        let home = format!("{}/{}", crate::load::content::CONTENT_DIR, "_index.md");
        if root.join(&home).is_file() {
            listed.push((
                None,
                index_entry(
                    &home,
                    &site.home_title,
                    None,
                    &format!("{base}/"),
                    "_index.md",
                ),
            ));
            known.insert(home);
        }
    }
    for (path, fields) in files::other_articles(root, &known) {
        let section = path
            .split('/')
            .nth(1)
            .filter(|_| path.matches('/').count() >= 2)
            .map(str::to_string);
        let content_path = path.trim_start_matches("content/").to_string();
        let day = fields
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
        listed.push((
            fields.date.clone(),
            json!({
                "path": path,
                "title": fields.title,
                "section": section,
                "kind": fields.kind,
                "province": fields.province,
                "date": fields.date.as_deref().map(|d| d.get(..10).unwrap_or(d)),
                "draft": fields.draft,
                "scheduled": day.is_some_and(|d| d > today),
                "url": null,
                "link": format!("@/{content_path}"),
            }),
        ));
    }
    // Newest first; pages without a date (sections, the home page) after the articles.
    listed.sort_by(|a, b| b.0.cmp(&a.0));
    json!({ "articles": listed.into_iter().map(|(_, v)| v).collect::<Vec<_>>() })
}

fn index_entry(
    path: &str,
    title: &str,
    section: Option<String>,
    url: &str,
    content_path: &str,
) -> Value {
    json!({
        "path": path,
        "title": title,
        "section": section,
        "kind": null,
        "province": null,
        "date": null,
        "draft": false,
        "scheduled": false,
        "url": url,
        "link": format!("@/{content_path}"),
    })
}
