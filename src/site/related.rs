//! Related articles, shown at the end of an article: up to three others, those of the
//! same province first, then those sharing a tag, newest first within each group.
//!
//! Pure over the ordered pages; the same choice on every build, because pages are
//! already in one order (newest first, ties broken by title, then path) and each group
//! is taken in that order.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Page, SectionModel};

/// How many related articles an article shows at most.
pub const RELATED: usize = 3;

/// For each page, the indexes of its related articles, best first. Only articles in a
/// section are related, and of an unlisted section (the officers' guide) only to each
/// other: a reader's article never points into the guide.
pub(super) fn related(pages: &[Page], sections: &[SectionModel]) -> Vec<Vec<usize>> {
    let mut by_province: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_tag: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, page) in pages.iter().enumerate() {
        if page.section.is_none() {
            continue;
        }
        let front = &page.article.front;
        if let Some(province) = &front.province {
            by_province.entry(province).or_default().push(index);
        }
        for tag in &front.tags {
            by_tag.entry(tag).or_default().push(index);
        }
    }
    let listed = |index: usize| {
        pages[index]
            .section
            .is_some_and(|section| sections[section].is_listed())
    };
    pages
        .par_iter()
        .enumerate()
        .map(|(index, page)| {
            let Some(section) = page.section else {
                return Vec::new();
            };
            let eligible = |other: usize| {
                other != index && (listed(other) || pages[other].section == Some(section))
            };
            let front = &page.article.front;
            let mut chosen: Vec<usize> = Vec::with_capacity(RELATED);
            if let Some(list) = front.province.as_deref().and_then(|p| by_province.get(p)) {
                chosen.extend(list.iter().copied().filter(|&o| eligible(o)).take(RELATED));
            }
            if chosen.len() < RELATED {
                // Lists are in page order, newest first: the newest articles sharing any
                // tag are among the first few of each tag's list.
                let wanted = RELATED - chosen.len();
                let mut sharing: Vec<usize> = front
                    .tags
                    .iter()
                    .filter_map(|tag| by_tag.get(tag.as_str()))
                    .flat_map(|list| {
                        list.iter()
                            .copied()
                            .filter(|&o| eligible(o) && !chosen.contains(&o))
                            .take(wanted)
                    })
                    .collect();
                sharing.sort_unstable();
                sharing.dedup();
                chosen.extend(sharing.into_iter().take(wanted));
            }
            chosen
        })
        .collect()
}
