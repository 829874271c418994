//! The search page's view: where the index and the script are, and the choices of the
//! filters with how many articles each has. Never makes the index, never renders the
//! template.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::{Doc, INDEX_URL, PAGE_URL, SCRIPT_URL};
use crate::load::config::TermSource;
use crate::load::content::front::Kind;
use crate::site::Site;
use crate::vi;

/// What the search page shows before the script runs: where the index is, and the
/// choices of its filters with how many articles each has.
#[derive(Debug, Serialize)]
pub struct PageView {
    pub url: &'static str,
    pub index_url: &'static str,
    pub script_url: &'static str,
    pub kinds: Vec<Choice>,
    pub provinces: Vec<Choice>,
    pub years: Vec<Choice>,
    pub sections: Vec<Choice>,
    /// Whether the provinces have pages of their own (`url`), to list without JavaScript.
    pub province_pages: bool,
    /// Each section's year archives, for readers without JavaScript: empty when the
    /// theme makes no archive pages.
    pub archives: Vec<SectionYears>,
}

/// A section's title and the pages of its years (`/<section>/<year>/`), newest first,
/// each a [`Choice`] whose `url` is the year's page and `count` its articles.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SectionYears {
    pub label: String,
    pub years: Vec<Choice>,
}

/// One choice of a filter: the value the form sends, its label, its article count, and
/// the page that lists its articles when the site has one (a province's term page), for
/// readers without JavaScript.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub url: Option<String>,
}

/// The search page's view for `docs`: kinds in a fixed order, provinces and sections in
/// Vietnamese order, years newest first; with each section's year archives when the
/// theme makes them (`archives`).
pub fn page_view(site: &Site, docs: &[Doc], archives: bool) -> PageView {
    let mut kinds: BTreeMap<usize, (Kind, usize)> = BTreeMap::new();
    let mut provinces: BTreeMap<String, (&str, usize)> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut sections: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    const KIND_ORDER: [Kind; 4] = [Kind::Ceremony, Kind::Campaign, Kind::Statistics, Kind::News];
    for doc in docs {
        if let Some(kind) = doc.kind {
            let place = KIND_ORDER.iter().position(|k| *k == kind).unwrap_or(0);
            kinds.entry(place).or_insert((kind, 0)).1 += 1;
        }
        if let Some(province) = doc.province {
            provinces
                .entry(vi::slugify(province))
                .or_insert((province, 0))
                .1 += 1;
        }
        if let Some(date) = doc.date {
            *years.entry(date.year()).or_default() += 1;
        }
        if let Some((dir, title)) = doc.section {
            sections.entry(dir).or_insert((title, 0)).1 += 1;
        }
    }
    let mut provinces: Vec<Choice> = provinces
        .into_iter()
        .map(|(slug, (name, count))| Choice {
            url: site
                .term_url(TermSource::Province, name)
                .map(str::to_string),
            value: slug,
            label: name.to_string(),
            count,
        })
        .collect();
    provinces.sort_by(|a, b| vi::compare(&a.label, &b.label));
    let mut sections: Vec<Choice> = sections
        .into_iter()
        .map(|(dir, (title, count))| Choice {
            value: vi::slugify(dir),
            label: title.to_string(),
            count,
            url: None,
        })
        .collect();
    sections.sort_by(|a, b| vi::compare(&a.label, &b.label));
    let mut archives: Vec<SectionYears> = if archives {
        site.sections
            .iter()
            .filter(|section| !section.years.is_empty())
            .map(|section| SectionYears {
                label: section.title.clone(),
                years: section
                    .years
                    .iter()
                    .map(|year| Choice {
                        value: year.year.to_string(),
                        label: year.year.to_string(),
                        count: year.pages.len(),
                        url: Some(year.url.clone()),
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    archives.sort_by(|a, b| vi::compare(&a.label, &b.label));
    PageView {
        archives,
        province_pages: provinces.iter().any(|choice| choice.url.is_some()),
        url: PAGE_URL,
        index_url: INDEX_URL,
        script_url: SCRIPT_URL,
        kinds: kinds
            .into_values()
            .map(|(kind, count)| Choice {
                value: kind.name().to_string(),
                label: kind.label().to_string(),
                count,
                url: None,
            })
            .collect(),
        provinces,
        years: years
            .into_iter()
            .rev()
            .map(|(year, count)| Choice {
                value: year.to_string(),
                label: year.to_string(),
                count,
                url: None,
            })
            .collect(),
        sections,
    }
}
