//! The names a reader may type that mean more than their letters: a province in every
//! spelling the registry accepts, a section by its title or its folder, a kind by its
//! label. Each is written folded, as the script folds a query, beside the filter key
//! whose articles it names: "can tho" → `#p:can-tho`. The script favours those articles
//! when a query names one. Knows nothing of postings or files.

use std::collections::{BTreeMap, BTreeSet};

use super::Doc;
use super::tokens::tokens;
use crate::provinces::Registry;
use crate::vi;

/// Folded names and the filter key each names, in order, one key per name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Names(pub(super) BTreeMap<String, String>);

impl Names {
    /// The names of what `docs` hold: their provinces (with the registry's other
    /// spellings of each), sections and kinds. Of two things with one name, a province
    /// wins over a section, a section over a kind: the more precise meaning.
    pub fn of(docs: &[Doc], registry: &Registry) -> Self {
        let provinces: BTreeSet<&str> = docs.iter().filter_map(|d| d.province).collect();
        let sections: BTreeSet<(&str, &str)> = docs.iter().filter_map(|d| d.section).collect();
        let kinds: BTreeSet<(&str, &str)> = docs
            .iter()
            .filter_map(|d| d.kind)
            .map(|k| (k.name(), k.label()))
            .collect();
        let mut names = BTreeMap::new();
        let mut add = |written: &str, key: &str| {
            let folded = folded(written);
            if !folded.is_empty() {
                names.entry(folded).or_insert_with(|| key.to_string());
            }
        };
        for province in provinces {
            let key = format!("#p:{}", vi::slugify(province));
            add(province, &key);
            if let Some(unit) = registry.lookup(province) {
                add(&unit.name, &key);
                for variant in &unit.variants {
                    add(variant, &key);
                }
            }
        }
        for (dir, title) in sections {
            let key = format!("#s:{}", vi::slugify(dir));
            add(title, &key);
            add(&dir.replace('-', " "), &key);
        }
        for (name, label) in kinds {
            add(label, &format!("#k:{name}"));
        }
        Self(names)
    }

    pub(super) fn write(&self) -> serde_json::Value {
        serde_json::Value::Array(
            self.0
                .iter()
                .map(|(name, key)| serde_json::json!([name, key]))
                .collect(),
        )
    }
}

/// `text`'s syllables folded, one space between.
fn folded(text: &str) -> String {
    let keys: Vec<String> = tokens(text).into_iter().map(|(key, _)| key).collect();
    keys.join(" ")
}
