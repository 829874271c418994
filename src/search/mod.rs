//! Search: the index that the search page's script reads, made from the resolved site.
//!
//! Pure: takes the resolved site, returns the files to write and what the search page
//! shows; reads and writes nothing, knows nothing of templates. Drafts never enter the
//! index. The script `themes/default/static/search.js` is the other half of the format
//! below and follows the same rules for folding and splitting text: change both together.
//!
//! # Matching
//! Text is cut into syllables (runs of letters, digits and combining marks; a `.` or `,`
//! between two digits stays inside: `2.199` is one syllable, `2199`) and each syllable
//! is folded with [`vi::fold`]: lower case, tone marks and other diacritics removed, đ
//! read as d. So "dak lak", "Đắk Lắk" and "Đắk Lắk" typed in NFD all give `dak`, `lak`.
//! Two syllables with only spaces between them also form a pair, `dak lak`, which is
//! how a quoted phrase ("thi đua") is matched.
//!
//! # Files (under `/tim-kiem/`)
//! A build writes few files (a file costs a build more than its bytes do), and a query
//! fetches few bytes: on a site of 10,000 articles, about 40 files of postings per
//! megabyte of them and one document file per eight articles.
//! - `index.json`: `{"format": 1, "version": "<hash>", "docs": N, "group": 8,
//!   "chunks": [...]}`, `chunks` being the first key of each postings chunk, in order,
//!   and `version` a hash of everything the index is made from, which the script adds to
//!   the addresses it fetches so that no browser mixes files of two indexes.
//! - `k/<i>.json`: chunk `i` of the postings, `{"<key>": "<postings>", ...}`. Keys are
//!   in UTF-16 order (JavaScript's `<`), so the script finds a key's chunk by binary
//!   search in `chunks` and fetches only that file. A key is a syllable (`dak`), a pair
//!   (`dak lak`), or a filter: `#k:<kind>`, `#p:<province slug>`, `#y:<year>`. The
//!   postings are one number per document, ids ascending: `(id - previous id) * 16 +
//!   tf * 4 + fields`, the previous id of the first being 0; `fields` has 1 for the
//!   title, 2 for the province or place; `tf` is 0 to 3 for 1, 2–3, 4–7 or 8 and more
//!   occurrences in the body. Each number is written five bits at a time, lowest first,
//!   as digits of `DIGITS` (`A` = 0 … `_` = 63), a digit of 32 or more meaning that
//!   more follow. A chunk holds about `CHUNK_BYTES`, or one key alone when larger.
//! - `d/<id / 8>.json`: the records of eight documents, `[{"url", "title", "date",
//!   "datetime", "province", "kind", "text"}, ...]`, fetched only for the results
//!   shown; `text` is the opening of the article's text (at most `TEXT_BYTES`), which
//!   the snippet is cut from.
//!
//! Document ids follow the site's order, newest first, so that equal scores list the
//! newest article first.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::fingerprint::Fingerprint;
use crate::load::content::front::Kind;
use crate::packed::Packed;
use crate::site::Site;
use crate::vi::{self, DateStyle};

/// The search page.
pub const PAGE_URL: &str = "/tim-kiem/";
/// The index's entry point, which the page hands to the script.
pub const INDEX_URL: &str = "/tim-kiem/index.json";
/// The script, a static file of the default theme.
pub const SCRIPT_URL: &str = "/search.js";

/// The format of the files, which the script checks.
const FORMAT: u32 = 1;
/// The size a postings chunk grows to before the next key starts a new one.
const CHUNK_BYTES: usize = 24 * 1024;
/// Documents per document file. One file per document would cost a build as many files
/// again as it has pages; a result page of ten needs at most ten of these files.
const GROUP: usize = 8;
/// How much of an article's text goes into its document record, for snippets: the
/// opening, about 150 syllables.
const TEXT_BYTES: usize = 1000;

const TITLE: u8 = 1;
const PLACE: u8 = 2;

/// One searchable article, borrowed from the site.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub date: Option<NaiveDate>,
    pub kind: Option<Kind>,
    pub province: Option<&'a str>,
    pub location: Option<&'a str>,
    pub tags: &'a [String],
    pub summary: Option<&'a str>,
    /// The article's HTML, which the text is made with: the [`fingerprint`] reads it.
    pub html: &'a Packed,
    /// The article's text, as [`crate::markdown::Rendered::text`] holds it: what the
    /// index reads.
    pub text: &'a Packed,
}

/// The articles that search finds: every page of the site but drafts, in the site's
/// order (newest first).
pub fn documents(site: &Site) -> Vec<Doc<'_>> {
    site.pages
        .iter()
        .filter(|page| !page.article.front.draft)
        .map(|page| {
            let front = &page.article.front;
            Doc {
                url: &page.article.url,
                title: &front.title,
                date: front.date.map(|d| d.date()),
                // A page outside sections is not news unless it says so.
                kind: front.kind.or(page.is_listed().then_some(Kind::News)),
                province: front.province.as_deref(),
                location: front.location.as_deref(),
                tags: &front.tags,
                summary: front.summary.as_deref(),
                html: &page.rendered.html,
                text: &page.rendered.text,
            }
        })
        .collect()
}

/// The folder, under the output folder, that holds the index's files.
pub const FOLDER: &str = "tim-kiem/";

/// Everything the index of `docs` is made from: two equal fingerprints give the same
/// files, so a build can keep the index it published before.
pub fn fingerprint(docs: &[Doc], date_style: DateStyle) -> u128 {
    let mut print = Fingerprint::new();
    print
        .text(env!("CARGO_PKG_VERSION"))
        .text(&format!("{date_style:?}"))
        .number(docs.len() as u128);
    let absent = "\u{0}";
    for doc in docs {
        print
            .text(doc.url)
            .text(doc.title)
            .text(&doc.date.map(|d| d.to_string()).unwrap_or_default())
            .text(&doc.kind.map(|k| format!("{k:?}")).unwrap_or_default())
            .text(doc.province.unwrap_or(absent))
            .text(doc.location.unwrap_or(absent))
            .text(doc.summary.unwrap_or(absent))
            .number(doc.tags.len() as u128);
        for tag in doc.tags {
            print.text(tag);
        }
        print.bytes(doc.html.compressed());
    }
    print.finish()
}

/// A file of the index: its path under the output folder and its bytes.
pub type File = (String, Vec<u8>);

/// Documents prepared in parallel between two merges into the postings: bounds the
/// memory that tokens take on a large site.
const BATCH: usize = 1024;

/// The whole index of `docs`, handed to `out` file by file as each is complete, so that
/// only a batch of files is held: the document files, the postings chunks and last the
/// manifest. `out` is called from several threads at once, so that files are written
/// while the next are made. `version` is the [`fingerprint`] of `docs`: equal inputs
/// give equal files, so it tells a browser when its cached files are stale.
pub fn index(docs: &[Doc], date_style: DateStyle, version: u128, out: &(dyn Fn(File) + Sync)) {
    let mut names = Interner::default();
    let mut parts: Vec<Part> = (0..PARTS).map(|_| Part::default()).collect();
    let prepare = |part: &[Doc]| -> Vec<Prepared> {
        part.par_iter()
            .with_max_len(crate::parallel::SHARE)
            .map(|doc| Prepared::new(doc, date_style))
            .collect()
    };
    let batches: Vec<&[Doc]> = docs.chunks(BATCH).collect();
    let mut next = batches.first().map(|part| prepare(part));
    for batch in 0..batches.len() {
        let prepared = next.take().unwrap_or_default();
        // Numbering the syllables is one thread's work, in the order they are met; the
        // other thread prepares the next batch meanwhile.
        let (ids, following) = rayon::join(
            || -> Vec<Vec<u32>> {
                prepared
                    .iter()
                    .map(|p| p.names.iter().map(|name| names.id(name)).collect())
                    .collect()
            },
            || batches.get(batch + 1).map(|part| prepare(part)),
        );
        next = following;
        let keyed: Vec<Vec<(u64, u8)>> = prepared
            .par_iter()
            .zip(ids.par_iter())
            .map(|(p, ids)| p.keys(ids))
            .collect();
        let gathering = batch * BATCH / GATHERING;
        let ends_gathering =
            ((batch + 1) * BATCH).is_multiple_of(GATHERING) || batch + 1 == batches.len();
        // Each thread takes the keys of one part, so that the parts merge side by side.
        parts
            .par_iter_mut()
            .enumerate()
            .for_each(|(part, Part { recent, done })| {
                let first = batch * BATCH - gathering * GATHERING;
                for (n, keys) in keyed.iter().enumerate() {
                    let id = (first + n) as u32;
                    for &(key, bits) in keys {
                        if part_of(key) == part {
                            recent.of(key).push(id, bits);
                        }
                    }
                }
                if ends_gathering {
                    let entries = std::mem::take(recent).into_entries();
                    let segments = entries.map(|(key, list)| Segment {
                        key,
                        gathering,
                        list,
                    });
                    done.extend(segments);
                }
            });
        // BATCH is a multiple of GROUP: only the last batch may end with a partial group.
        let first_group = batch * BATCH / GROUP;
        prepared
            .par_chunks(GROUP)
            .enumerate()
            .for_each(|(n, group)| {
                let mut bytes = Vec::new();
                for (i, prepared) in group.iter().enumerate() {
                    bytes.push(if i == 0 { b'[' } else { b',' });
                    bytes.extend_from_slice(&prepared.record);
                }
                bytes.push(b']');
                out((format!("{FOLDER}d/{}.json", first_group + n), bytes));
            });
    }

    let mut segments: Vec<Segment> = parts.into_iter().flat_map(|part| part.done).collect();
    segments.par_sort_unstable_by_key(|segment| (segment.key, segment.gathering));
    let mut keys: Vec<(String, &[Segment])> = segments
        .chunk_by(|a, b| a.key == b.key)
        .map(|same_key| (names.key_text(same_key[0].key), same_key))
        .collect();
    keys.par_sort_unstable_by(|a, b| utf16_cmp(&a.0, &b.0));

    let mut first_keys = Vec::new();
    let mut chunks = Vec::new();
    let mut chunk = Vec::new();
    let mut entry = Vec::new();
    let close = |chunk: &mut Vec<u8>, chunks: &mut Vec<File>, i: usize| {
        chunk.push(b'}');
        chunks.push((format!("{FOLDER}k/{i}.json"), std::mem::take(chunk)));
        if chunks.len() == CHUNKS_AT_ONCE {
            std::mem::take(chunks).into_par_iter().for_each(out);
        }
    };
    for (key, segments) in keys {
        entry.clear();
        write_postings(&mut entry, &key, segments);
        if chunk.is_empty() || chunk.len() + entry.len() >= CHUNK_BYTES {
            if !chunk.is_empty() {
                close(&mut chunk, &mut chunks, first_keys.len() - 1);
            }
            chunk.push(b'{');
            first_keys.push(key);
        } else {
            chunk.push(b',');
        }
        chunk.extend_from_slice(&entry);
    }
    if !chunk.is_empty() {
        close(&mut chunk, &mut chunks, first_keys.len() - 1);
    }
    chunks.into_par_iter().for_each(out);
    let manifest = serde_json::json!({
        "format": FORMAT,
        "version": format!("{:016x}", version as u64),
        "docs": docs.len(),
        "group": GROUP,
        "chunks": first_keys,
    });
    out((
        format!("{FOLDER}index.json"),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
}

/// Postings chunks made before they are handed out together: enough to keep both
/// threads writing, few enough to hold (about 1.5 MB).
const CHUNKS_AT_ONCE: usize = 64;

/// Documents whose postings are gathered together, apart from those before them, and
/// joined only as the chunk files are written. The postings of 100,000 articles outgrow
/// the caches: added to one table, the documents' keys were sorted so that a run of
/// documents cost one lookup per key, and still the lookups took 75 times as long as at
/// 10,000 articles (1.6 s against 0.02 s). A gathering's table stays small enough to look
/// up every document's every key, with no sorting: the index of 100,000 articles took
/// 7.3 s instead of 9.0 s, of 10,000 0.66 s instead of 0.75 s (`cargo bench --bench
/// search`).
const GATHERING: usize = 8 * BATCH;

/// One part's postings: of the documents being gathered, and of every gathering before.
#[derive(Default)]
struct Part {
    recent: PartPostings,
    done: Vec<Segment>,
}

/// The postings of one key in one gathering, document ids counted from its first.
struct Segment {
    key: u64,
    gathering: usize,
    list: Postings,
}

/// The postings of one key as they are gathered, already written as the chunk files
/// hold them: a third of the memory of the numbers themselves.
#[derive(Default)]
struct Postings {
    previous: u32,
    digits: Vec<u8>,
}

impl Postings {
    /// Document `id`, after every document already pushed, with `bits`.
    fn push(&mut self, id: u32, bits: u8) {
        push_number(
            &mut self.digits,
            u64::from(id - self.previous) * 16 + u64::from(bits),
        );
        self.previous = id;
    }
}

/// The postings of one part's keys. A syllable's key is its number plus one, and
/// syllables are numbered densely: their postings sit in a table indexed by the key
/// (slot 0 unused), looked up faster than a hash table. Pairs are too many to number
/// densely.
#[derive(Default)]
struct PartPostings {
    singles: Vec<Postings>,
    pairs: FxHashMap<u64, Postings>,
}

impl PartPostings {
    fn of(&mut self, key: u64) -> &mut Postings {
        if key >> 32 != 0 {
            return self.pairs.entry(key).or_default();
        }
        let index = key as usize;
        if index >= self.singles.len() {
            self.singles.resize_with(index + 1, Postings::default);
        }
        &mut self.singles[index]
    }

    fn into_entries(self) -> impl Iterator<Item = (u64, Postings)> {
        let singles = self.singles.into_iter().enumerate();
        singles
            .map(|(key, list)| (key as u64, list))
            .filter(|(_, list)| !list.digits.is_empty())
            .chain(self.pairs)
    }
}

/// The postings are gathered in this many parts, side by side.
const PARTS: usize = 2;

fn part_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 63) as usize % PARTS
}

/// `"key":"…"`: for each document its distance from the previous one, times 16, plus its
/// bits, written as a number in `DIGITS` (see the module's documentation). `segments`
/// are the key's postings in each gathering, in order; each but its first number is as written.
fn write_postings(out: &mut Vec<u8>, key: &str, segments: &[Segment]) {
    out.extend_from_slice(serde_json::to_string(key).unwrap_or_default().as_bytes());
    out.extend_from_slice(b":\"");
    let mut previous = 0;
    for Segment {
        gathering, list, ..
    } in segments
    {
        let start = (gathering * GATHERING) as u64;
        let (first, length) = read_number(&list.digits);
        push_number(out, (start + (first >> 4) - previous) * 16 + (first & 15));
        out.extend_from_slice(&list.digits[length..]);
        previous = start + u64::from(list.previous);
    }
    out.push(b'"');
}

/// The first number written in `digits`, and how many digits it takes.
fn read_number(digits: &[u8]) -> (u64, usize) {
    let mut value = 0;
    for (i, &digit) in digits.iter().enumerate() {
        let digit = DIGIT_VALUES[usize::from(digit)];
        value |= u64::from(digit & 31) << (5 * i);
        if digit < 32 {
            return (value, i + 1);
        }
    }
    (value, digits.len())
}

/// The value of each digit of `DIGITS`, by its byte.
const DIGIT_VALUES: [u8; 256] = {
    let mut values = [0; 256];
    let mut i = 0;
    while i < DIGITS.len() {
        values[DIGITS[i] as usize] = i as u8;
        i += 1;
    }
    values
};

/// The 64 digits of the postings, none of which JSON escapes.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `value` five bits at a time, lowest first; a digit of 32 or more means more follow.
/// A document next to the previous one with its word in the body once takes one digit.
fn push_number(out: &mut Vec<u8>, mut value: u64) {
    while value >= 32 {
        out.push(DIGITS[(32 | value & 31) as usize]);
        value >>= 5;
    }
    out.push(DIGITS[value as usize]);
}

/// JavaScript's order of strings (UTF-16 code units), which the script's binary search
/// relies on. It differs from Rust's (UTF-8 bytes) only past U+E000.
fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let differ = a.bytes().zip(b.bytes()).find(|(x, y)| x != y);
    match differ {
        Some((x, y)) if x >= 0xEE || y >= 0xEE => a.encode_utf16().cmp(b.encode_utf16()),
        _ => a.cmp(b),
    }
}

/// Syllables and filters numbered in the order first met, so that keys are numbers
/// while the postings are gathered.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    /// The text of a key: a syllable or filter, or two syllables with a space between.
    fn key_text(&self, key: u64) -> String {
        let (first, second) = ((key >> 32) as usize, (key & 0xFFFF_FFFF) as usize);
        if first == 0 {
            self.names[second - 1].to_string()
        } else {
            format!("{} {}", self.names[first - 1], self.names[second - 1])
        }
    }
}

fn single_key(id: u32) -> u64 {
    u64::from(id) + 1
}

fn pair_key(first: u32, second: u32) -> u64 {
    (u64::from(first) + 1) << 32 | (u64::from(second) + 1)
}

/// One document's record and keys, its syllables numbered within it (`names`).
struct Prepared {
    record: Vec<u8>,
    names: Vec<String>,
    /// Keys made of numbers into `names`, with where and how often they occur.
    keys: Vec<(u64, Posting)>,
}

impl Prepared {
    fn new(doc: &Doc, date_style: DateStyle) -> Self {
        let body = doc.text.text();
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
            url: doc.url,
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
    fn keys(&self, ids: &[u32]) -> Vec<(u64, u8)> {
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
fn record_text(summary: Option<&str>, body: &str, limit: usize) -> String {
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
    if let Some(date) = doc.date {
        keys.push(format!("#y:{}", date.year()));
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

/// Calls `found` with each folded syllable of `text` and whether it follows the previous
/// one with only spaces (U+0020, U+00A0) between (a pair): a new line, as between two
/// blocks of an article's text, ends a pair. The script's `tokens` follows the same rules.
fn scan(text: &str, found: &mut impl FnMut(&str, bool)) {
    let mut scanner = Scanner::new();
    scanner.feed(text, found);
    scanner.end_word(found);
}

/// Cuts text into folded syllables.
struct Scanner {
    table: &'static [Class],
    key: String,
    in_word: bool,
    /// After a syllable, until something other than a space comes.
    adjacent: bool,
    joined: bool,
}

impl Scanner {
    fn new() -> Self {
        Self {
            table: char_table(),
            key: String::new(),
            in_word: false,
            adjacent: false,
            joined: false,
        }
    }

    fn feed(&mut self, text: &str, found: &mut impl FnMut(&str, bool)) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // The common case first: a run of ASCII letters and digits inside a syllable.
            let byte = bytes[at];
            if byte.is_ascii_alphanumeric() {
                self.start_word();
                self.key.push(char::from(byte.to_ascii_lowercase()));
                at += 1;
                continue;
            }
            let (point, width) = decode(bytes, at);
            let class = match self.table.get(point as usize) {
                Some(class) => *class,
                None => Class::of(char::from_u32(point).unwrap_or_default()),
            };
            match class {
                Class::Word(folded) => {
                    self.start_word();
                    if folded != 0 {
                        self.key.push(char::from(folded));
                    }
                }
                Class::Other => {
                    self.start_word();
                    let c = char::from_u32(point).unwrap_or_default();
                    vi::fold_into(c.encode_utf8(&mut [0; 4]), &mut self.key);
                }
                Class::Space | Class::Break => {
                    // The `.` or `,` of a number stays inside its syllable, out of its key.
                    let inside_number = self.in_word
                        && (byte == b'.' || byte == b',')
                        && at > 0
                        && bytes[at - 1].is_ascii_digit()
                        && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
                    if !inside_number {
                        self.end_word(found);
                        if class == Class::Break {
                            self.adjacent = false;
                        }
                    }
                }
            }
            at += width;
        }
    }

    fn start_word(&mut self) {
        if !self.in_word {
            self.in_word = true;
            self.joined = self.adjacent;
            self.key.clear();
        }
    }

    fn end_word(&mut self, found: &mut impl FnMut(&str, bool)) {
        if self.in_word {
            self.in_word = false;
            self.adjacent = !self.key.is_empty();
            if self.adjacent {
                found(&self.key, self.joined);
            }
        }
    }
}

/// The code point that starts at `at` in valid UTF-8, and its length in bytes.
fn decode(bytes: &[u8], at: usize) -> (u32, usize) {
    let first = u32::from(bytes[at]);
    let next = |n: usize| u32::from(bytes[at + n] & 0x3F);
    match first {
        0..0x80 => (first, 1),
        0x80..0xE0 => ((first & 0x1F) << 6 | next(1), 2),
        0xE0..0xF0 => ((first & 0x0F) << 12 | next(1) << 6 | next(2), 3),
        _ => (
            (first & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3),
            4,
        ),
    }
}

/// What a character is to the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a syllable, folding to one ASCII byte (0: to nothing, as a mark does).
    Word(u8),
    /// Part of a syllable, folded with `vi::fold`.
    Other,
    /// A space: two syllables with only spaces between them form a pair.
    Space,
    /// Anything else, which ends a syllable and any pair.
    Break,
}

impl Class {
    fn of(c: char) -> Self {
        if is_word_char(c) {
            match vi::fold(c.encode_utf8(&mut [0; 4])).as_bytes() {
                [] => Self::Word(0),
                [byte] if byte.is_ascii() => Self::Word(*byte),
                _ => Self::Other,
            }
        } else if c == ' ' || c == '\u{a0}' {
            Self::Space
        } else {
            Self::Break
        }
    }
}

/// Letters, digits and combining marks make syllables.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The class of every character below U+2000 (ASCII, all Latin letters, the combining
/// marks): indexing a site asks it of every character. Folding a text character by
/// character gives the same as folding it whole: canonical reordering moves only
/// combining marks, which go.
fn char_table() -> &'static [Class] {
    static TABLE: std::sync::OnceLock<Vec<Class>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x2000u32)
            .map(|point| char::from_u32(point).map_or(Class::Break, Class::of))
            .collect()
    })
}

/// The folded syllables of `text` with, for each, whether it follows the previous one
/// as a pair: what the index stores and what the script looks up.
pub fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    scan(text, &mut |key: &str, joined| {
        out.push((key.to_string(), joined))
    });
    out
}

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

#[cfg(test)]
mod tests;
