//! One article as the index holds it: its record, what a result shows, and its keys,
//! the syllables, pairs and filters that find it, each with where and how often it
//! occurs. Never sees another article: numbering keys across the site and writing the
//! files are the caller's.

use chrono::Datelike;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Doc;
use super::postings::{pair_key, single_key};
use super::tokens::scan;
use crate::load::content::front::Kind;
use crate::vi::{self, DateStyle};

/// How much of an article's text goes into its document record, for snippets from
/// anywhere in it and to check a quoted phrase: all of it but in the longest articles
/// (some 5,000 syllables), whose rest a reader does not page through results for.
pub(super) const TEXT_BYTES: usize = 32 * 1024;

/// A posting's fields: where in the article its key is found besides the body.
pub(super) const TITLE: u8 = 1;
pub(super) const PLACE: u8 = 2;

/// One document's record and keys, its syllables numbered within it (`names`).
pub(super) struct Prepared {
    pub(super) record: Vec<u8>,
    pub(super) names: Vec<String>,
    /// Keys made of numbers into `names`, with where and how often they occur.
    keys: Vec<(u64, Posting)>,
}

impl Prepared {
    pub(super) fn new(doc: &Doc, date_style: DateStyle) -> Self {
        // The HTML is only the base the text was compressed against: it is not read.
        let body = doc.text.text(&doc.html.text());
        let text = record_text(doc.summary, &body, TEXT_BYTES);

        let mut terms = Terms::new();
        terms.field = TITLE;
        scan(doc.title, &mut |s: &str, j| terms.found(s, j));
        terms.field = PLACE;
        for place in [doc.province, doc.location].into_iter().flatten() {
            scan(place, &mut |s: &str, j| terms.found(s, j));
        }
        terms.field = 0;
        for text in doc.tags.iter().map(String::as_str).chain(doc.summary) {
            scan(text, &mut |s: &str, j| terms.found(s, j));
        }
        scan(&body, &mut |s: &str, j| terms.found(s, j));
        for key in filter_keys(doc) {
            terms.names.push(key);
            terms.singles.push(Posting::default());
        }
        let Terms {
            names,
            singles,
            pairs,
            ..
        } = terms;
        let keys = singles
            .into_iter()
            .enumerate()
            .map(|(id, posting)| (single_key(id as u32), posting))
            .chain(pairs)
            .collect();

        let record = Record {
            url: &doc.url,
            title: doc.title,
            date: doc.date.map(|d| date_style.format(d)),
            datetime: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
            province: doc.province,
            kind: doc.kind.map(Kind::label),
            text: &text,
        };
        Prepared {
            record: serde_json::to_vec(&record).unwrap_or_default(),
            names,
            keys,
        }
    }

    /// The document's keys, given the site-wide number of each of its syllables, with
    /// their bits: fields and how often in the body.
    pub(super) fn keys(&self, ids: &[u32]) -> Vec<(u64, u8)> {
        let global = |local: u64| u64::from(ids[(local as usize & 0xFFFF_FFFF) - 1]) + 1;
        self.keys
            .iter()
            .map(|&(key, posting)| {
                let key = match key >> 32 {
                    0 => global(key),
                    first => (global(first) << 32) | global(key),
                };
                (key, posting.bits())
            })
            .collect()
    }
}

/// The syllables and pairs of one document as they are found, each syllable numbered by
/// its place in `names`.
struct Terms {
    syllables: Syllables,
    names: Vec<String>,
    singles: Vec<Posting>,
    pairs: FxHashMap<u64, Posting>,
    previous: u32,
    /// Where the syllables being found stand: `TITLE`, `PLACE` or 0 for the body.
    field: u8,
}

impl Terms {
    fn new() -> Self {
        Self {
            syllables: Syllables::new(),
            names: Vec::new(),
            singles: Vec::new(),
            pairs: with_capacity(256),
            previous: 0,
            field: 0,
        }
    }

    fn found(&mut self, syllable: &str, joined: bool) {
        let (names, singles) = (&mut self.names, &mut self.singles);
        let id = self.syllables.id(syllable, || {
            names.push(syllable.to_string());
            singles.push(Posting::default());
            names.len() as u32 - 1
        });
        self.singles[id as usize].add(self.field);
        if joined {
            self.pairs
                .entry(pair_key(self.previous, id))
                .or_default()
                .add(self.field);
        }
        self.previous = id;
    }
}

/// The syllables of one document, numbered. Those of up to 8 bytes (nearly all) are
/// packed into a number, quicker to look up than a string.
struct Syllables {
    short: FxHashMap<u64, u32>,
    long: FxHashMap<String, u32>,
}

impl Syllables {
    fn new() -> Self {
        Self {
            short: with_capacity(256),
            long: FxHashMap::default(),
        }
    }

    fn id(&mut self, syllable: &str, new: impl FnOnce() -> u32) -> u32 {
        if syllable.len() > 8 {
            if let Some(id) = self.long.get(syllable) {
                return *id;
            }
            let id = new();
            self.long.insert(syllable.to_string(), id);
            return id;
        }
        // Not 0, and no syllable holds a NUL byte: the padding cannot make two equal.
        let packed = syllable
            .bytes()
            .rev()
            .fold(0u64, |packed, byte| packed << 8 | u64::from(byte));
        *self.short.entry(packed).or_insert_with(new)
    }
}

/// A map of one document's syllables or pairs, with room for those of most articles
/// (a few hundred), so that it rarely grows.
fn with_capacity<V>(capacity: usize) -> FxHashMap<u64, V> {
    FxHashMap::with_capacity_and_hasher(capacity, Default::default())
}

/// The text of a document's record: the summary, then the opening of the article's
/// `body`, cut at a space near `limit` bytes (with `…`).
pub(super) fn record_text(summary: Option<&str>, body: &str, limit: usize) -> String {
    let mut text = String::new();
    if let Some(summary) = summary {
        text.push_str(summary.trim());
        text.push('\n');
    }
    // Of what lies past the limit, only whether there is any counts.
    let mut end = (limit + 1).saturating_sub(text.len()).min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    text.push_str(&body[..end]);
    vi::truncate_at_space(&mut text, limit);
    while text.ends_with([' ', '\n']) {
        text.pop();
    }
    text
}

/// What the results list shows of a document.
#[derive(Debug, Serialize)]
struct Record<'a> {
    url: &'a str,
    title: &'a str,
    date: Option<String>,
    datetime: Option<String>,
    province: Option<&'a str>,
    kind: Option<&'static str>,
    text: &'a str,
}

/// The keys that the filters of the search page look up.
fn filter_keys(doc: &Doc) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(kind) = doc.kind {
        keys.push(format!("#k:{}", kind.name()));
    }
    if let Some(province) = doc.province {
        keys.push(format!("#p:{}", vi::slugify(province)));
    }
    if let Some((dir, _)) = doc.section {
        keys.push(format!("#s:{}", vi::slugify(dir)));
    }
    if let Some(date) = doc.date {
        keys.push(format!("#y:{}", date.year()));
        keys.push(date.format("#m:%Y-%m").to_string());
        keys.push(date.format("#d:%Y-%m-%d").to_string());
    }
    keys
}

#[derive(Debug, Default, Clone, Copy)]
struct Posting {
    fields: u8,
    body: u32,
}

impl Posting {
    fn add(&mut self, field: u8) {
        match field {
            0 => self.body += 1,
            field => self.fields |= field,
        }
    }

    fn bits(self) -> u8 {
        let tf = match self.body {
            0 | 1 => 0,
            2..=3 => 1,
            4..=7 => 2,
            _ => 3,
        };
        tf << 2 | self.fields
    }
}
