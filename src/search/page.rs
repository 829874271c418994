//! The search page's view: where the index and the script are, and the choices of the
//! filters with how many articles each has. Never makes the index, never renders the
//! template.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::{Doc, INDEX_URL, PAGE_URL, SCRIPT_URL};
use crate::load::content::front::Kind;
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
}

/// One choice of a filter: the value the form sends, its label, its article count.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// The search page's view for `docs`: kinds in a fixed order, provinces in Vietnamese
/// order, years newest first.
pub fn page_view(docs: &[Doc]) -> PageView {
    let mut kinds: BTreeMap<usize, (Kind, usize)> = BTreeMap::new();
    let mut provinces: BTreeMap<String, (&str, usize)> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
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
    }
    let mut provinces: Vec<Choice> = provinces
        .into_iter()
        .map(|(slug, (name, count))| Choice {
            value: slug,
            label: name.to_string(),
            count,
        })
        .collect();
    provinces.sort_by(|a, b| vi::compare(&a.label, &b.label));
    PageView {
        url: PAGE_URL,
        index_url: INDEX_URL,
        script_url: SCRIPT_URL,
        kinds: kinds
            .into_values()
            .map(|(kind, count)| Choice {
                value: kind.name().to_string(),
                label: kind.label().to_string(),
                count,
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
            })
            .collect(),
    }
}
