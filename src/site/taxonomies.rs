//! Taxonomies: the terms of tags, provinces and kinds gathered from the articles, and
//! the spellings of one tag made one (the spelling most articles use).
//!
//! Pure over the resolved pages; warns where a tag lacks the tone marks others give it.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::Msg;
use crate::load::config::{Config, TermSource};
use crate::vi;

use super::{Page, TaxonomyModel, Term};

/// Makes the tags that lead to the same page (the same slug) one tag in every article:
/// each article lists it once, in the spelling most articles use; a tie goes to a
/// spelling with tone marks, then to the first in Vietnamese order. Returns a warning for
/// each tag written without its tone marks where some article writes them.
pub(super) fn unify_tags(pages: &mut [Page]) -> Diagnostics {
    /// What one slug's spellings decide: the one shown, and the best with tone marks.
    struct Chosen {
        shown: String,
        marked: Option<String>,
    }
    // A few dozen names recur across all the articles: each is slugified once, and its
    // slug numbered, so that the articles' lists are lists of numbers.
    let (chosen, ids_of_page) = {
        let mut id_of_name: HashMap<&str, Option<usize>> = HashMap::new();
        let mut id_of_slug: HashMap<String, usize> = HashMap::new();
        // Per slug: spelling -> how many articles write it.
        let mut spellings: Vec<HashMap<&str, usize>> = Vec::new();
        let mut ids_of_page: Vec<Vec<Option<usize>>> = Vec::with_capacity(pages.len());
        for page in pages.iter() {
            let mut ids = Vec::with_capacity(page.article.front.tags.len());
            for (i, tag) in page.article.front.tags.iter().enumerate() {
                let name = tag.trim();
                let id = *id_of_name.entry(name).or_insert_with(|| {
                    let slug = vi::slugify(name);
                    if slug.is_empty() {
                        return None;
                    }
                    let next = id_of_slug.len();
                    Some(*id_of_slug.entry(slug).or_insert(next))
                });
                if let Some(id) = id {
                    spellings.resize_with(spellings.len().max(id + 1), HashMap::new);
                    let written_before = page.article.front.tags[..i]
                        .iter()
                        .any(|other| other.trim() == name);
                    if !written_before {
                        *spellings[id].entry(name).or_default() += 1;
                    }
                }
                ids.push(id);
            }
            ids_of_page.push(ids);
        }
        // Less is better: more articles, then tone marks, then Vietnamese order.
        let better = |a: &(&&str, &usize), b: &(&&str, &usize)| {
            b.1.cmp(a.1)
                .then_with(|| vi::has_marks(b.0).cmp(&vi::has_marks(a.0)))
                .then_with(|| vi::compare(a.0, b.0))
                .then_with(|| a.0.cmp(b.0))
        };
        let chosen: Vec<Chosen> = spellings
            .iter()
            .map(|spellings| Chosen {
                shown: spellings
                    .iter()
                    .min_by(better)
                    .map(|(name, _)| name.to_string())
                    .unwrap_or_default(),
                marked: spellings
                    .iter()
                    .filter(|(name, _)| vi::has_marks(name))
                    .min_by(better)
                    .map(|(name, _)| name.to_string()),
            })
            .collect();
        (chosen, ids_of_page)
    };

    let mut warnings = Diagnostics::default();
    for (page, ids) in pages.iter_mut().zip(ids_of_page) {
        let article = &mut page.article;
        for (i, (tag, id)) in article.front.tags.iter().zip(&ids).enumerate() {
            let name = tag.trim();
            let Some(marked) = id.and_then(|id| chosen[id].marked.as_deref()) else {
                continue;
            };
            let written_before = article.front.tags[..i].iter().any(|t| t.trim() == name);
            if vi::has_marks(name) || written_before {
                continue;
            }
            let mut warning = Diagnostic::new(
                &article.source.path,
                Msg::TagWithoutMarks { tag: name.into() }.to_string(),
            )
            .help(Msg::TagWithoutMarksHelp { tag: marked.into() }.to_string())
            .warning();
            warning.location = tag_location(&article.source.front, name);
            warnings.push(warning);
        }
        let repeated = |i: usize| ids[i].is_some() && ids[..i].contains(&ids[i]);
        let unchanged = article
            .front
            .tags
            .iter()
            .enumerate()
            .all(|(i, tag)| !repeated(i) && ids[i].is_none_or(|id| chosen[id].shown == *tag));
        if unchanged {
            continue;
        }
        let tags = article
            .front
            .tags
            .iter()
            .enumerate()
            .filter(|(i, _)| !repeated(*i))
            .map(|(i, tag)| match ids[i] {
                Some(id) => chosen[id].shown.clone(),
                None => tag.clone(),
            })
            .collect();
        article.front.tags = tags;
    }
    warnings
}

/// Where `tag` is written in a front matter's `tags`: on the `tags:` line or a line of
/// the list below it.
pub(super) fn tag_location(front: &str, tag: &str) -> Option<Location> {
    let first = crate::load::config::locate_key(front, 2, &["tags"])?.line;
    front
        .lines()
        .enumerate()
        .skip(first - 1)
        .take_while(|(index, line)| {
            *index + 1 == first || line.starts_with([' ', '\t', '-']) || line.trim().is_empty()
        })
        .find(|(_, line)| line.contains(tag))
        .map(|(index, _)| Location::of_text_on_line(front, index + 1, tag))
        .or_else(|| crate::load::config::locate_key(front, 2, &["tags"]))
}

pub(super) fn gather_terms(config: &Config, pages: &[Page]) -> Vec<TaxonomyModel> {
    config
        .taxonomies
        .par_iter()
        .enumerate()
        .map(|(index, taxonomy)| {
            // A few dozen names recur across all the articles: each is slugified once,
            // and the term of each name found once. Two names with one slug are one
            // term, named as the first article met spells it; tags have one spelling
            // per slug by now (`unify_tags`).
            let mut term_of_name: HashMap<&str, Option<usize>> = HashMap::new();
            let mut term_of_slug: HashMap<String, usize> = HashMap::new();
            let mut terms: Vec<Term> = Vec::new();
            for (page_index, page) in pages.iter().enumerate().filter(|(_, p)| p.is_listed()) {
                let front = &page.article.front;
                let names: Vec<&str> = match taxonomy.source {
                    TermSource::Tags => front.tags.iter().map(String::as_str).collect(),
                    TermSource::Province => front.province.iter().map(String::as_str).collect(),
                    TermSource::Kind => front.kind.iter().map(|k| k.label()).collect(),
                };
                let mut seen: Vec<usize> = Vec::with_capacity(names.len());
                for name in names {
                    let term = *term_of_name.entry(name).or_insert_with(|| {
                        let slug = vi::slugify(name);
                        if slug.is_empty() {
                            return None;
                        }
                        let term = *term_of_slug.entry(slug.clone()).or_insert_with(|| {
                            terms.push(Term {
                                name: name.trim().to_string(),
                                url: format!("/{}/{slug}/", taxonomy.path),
                                slug,
                                pages: Vec::new(),
                            });
                            terms.len() - 1
                        });
                        Some(term)
                    });
                    if let Some(term) = term.filter(|term| !seen.contains(term)) {
                        seen.push(term);
                        terms[term].pages.push(page_index);
                    }
                }
            }
            // In Vietnamese order, names that compare equal in the order of their slugs.
            terms.sort_by(|a, b| vi::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
            TaxonomyModel {
                index,
                url: format!("/{}/", taxonomy.path),
                terms,
            }
        })
        .collect()
}
