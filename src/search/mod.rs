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

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
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
    /// The article's HTML.
    pub html: &'a Packed,
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
    pairs: FastMap<u64, Postings>,
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
    ids: FastMap<Box<str>, u32>,
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
        // The record's text: the summary, then the article's opening.
        let mut text = String::new();
        if let Some(summary) = doc.summary {
            text.push_str(summary.trim());
            text.push('\n');
        }
        let html = doc.html.text();
        html_to_text(&html, &mut text, TEXT_BYTES);

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
        // The whole article, read from its HTML without making its text first.
        let mut scanner = Scanner::new(Spaces::All);
        walk_html(&html, |piece| {
            match piece {
                Piece::Text(text) => scanner.feed(text, &mut |s: &str, j| terms.found(s, j)),
                Piece::Block => scanner.stop(&mut |s: &str, j| terms.found(s, j)),
            }
            true
        });
        scanner.stop(&mut |s: &str, j| terms.found(s, j));
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
            .chain(pairs.into_entries())
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
    pairs: Table<Posting>,
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
            pairs: Table::new(),
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
                .entry(pair_key(self.previous, id), Posting::default)
                .add(self.field);
        }
        self.previous = id;
    }
}

/// The syllables of one document, numbered. Those of up to 8 bytes (nearly all) are
/// packed into a number, quicker to look up than a string.
struct Syllables {
    short: Table<u32>,
    long: FastMap<String, u32>,
}

impl Syllables {
    fn new() -> Self {
        Self {
            short: Table::new(),
            long: FastMap::default(),
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
        *self.short.entry(packed, new)
    }
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
/// one with only spaces between (a pair). The script's `tokens` follows the same rules.
fn scan(text: &str, found: &mut impl FnMut(&str, bool)) {
    let mut scanner = Scanner::new(Spaces::Blank);
    scanner.feed(text, found);
    scanner.stop(found);
}

/// Which characters count as spaces between the syllables of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spaces {
    /// U+0020 and U+00A0, as in the text the script reads: a new line ends a pair.
    Blank,
    /// Also every other ASCII white space, which in HTML text is a space like any other.
    All,
}

/// Cuts text into folded syllables; text may come in pieces (between HTML tags).
struct Scanner {
    table: &'static [Class],
    spaces: Spaces,
    key: String,
    in_word: bool,
    /// After a syllable, until something other than a space comes.
    adjacent: bool,
    joined: bool,
}

impl Scanner {
    fn new(spaces: Spaces) -> Self {
        Self {
            table: char_table(),
            spaces,
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
                Some(Class::Break) if self.spaces == Spaces::All && byte.is_ascii_whitespace() => {
                    Class::Space
                }
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

    /// Ends the text or a block: the syllable being read is complete, and no pair forms
    /// across.
    fn stop(&mut self, found: &mut impl FnMut(&str, bool)) {
        self.end_word(found);
        self.adjacent = false;
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

/// A small open-addressing hash table from non-zero numbers to values: for the few
/// hundred syllables and pairs of one article, quicker than a general map.
struct Table<V> {
    /// (key, value); key 0 marks an empty slot.
    slots: Vec<(u64, V)>,
    used: usize,
}

impl<V: Copy + Default> Table<V> {
    fn new() -> Self {
        Self {
            slots: vec![(0, V::default()); 512],
            used: 0,
        }
    }

    fn entry(&mut self, key: u64, new: impl FnOnce() -> V) -> &mut V {
        let mut slot = self.slot(key);
        if self.slots[slot].0 != key {
            if (self.used + 1) * 2 > self.slots.len() {
                self.grow();
                slot = self.slot(key);
            }
            self.slots[slot] = (key, new());
            self.used += 1;
        }
        &mut self.slots[slot].1
    }

    /// Where `key` is, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while self.slots[slot].0 != 0 && self.slots[slot].0 != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        for (key, value) in old.into_iter().filter(|(key, _)| *key != 0) {
            let slot = self.slot(key);
            self.slots[slot] = (key, value);
        }
    }

    fn into_entries(self) -> impl Iterator<Item = (u64, V)> {
        self.slots.into_iter().filter(|(key, _)| *key != 0)
    }
}

/// A hash map with a fast hash for the index's many small keys (FxHash, as in rustc).
/// Nothing here is exposed to untrusted keys that could be chosen to collide.
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

#[derive(Debug, Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.write_u64(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
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

/// Whether the element `name` (lower case) separates text: its start and end become a
/// new line in the text, and no pair forms across it.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "caption"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "img"
            | "li"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "td"
            | "th"
            | "tr"
            | "ul"
    )
}

/// What `walk_html` meets: text (entities decoded), or the start or end of a block.
enum Piece<'a> {
    Text(&'a str),
    Block,
}

/// Walks sanitised HTML, handing `visit` its text and block boundaries, scripts and
/// styles left out, until `visit` returns false.
fn walk_html(html: &str, mut visit: impl FnMut(Piece) -> bool) {
    let mut rest = html;
    loop {
        let open = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..open];
        if !text.is_empty() {
            let going = if text.contains('&') {
                visit(Piece::Text(&crate::render::decode_entities(text)))
            } else {
                visit(Piece::Text(text))
            };
            if !going {
                return;
            }
        }
        if open == rest.len() {
            return;
        }
        let tag = &rest[open + 1..];
        let close = tag.find('>').map_or(tag.len(), |end| end + 1);
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = &name[..name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        rest = &tag[close..];
        let lower;
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = name.to_ascii_lowercase();
            lower.as_str()
        } else {
            name
        };
        if (name == "script" || name == "style") && !closing {
            let end = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&end) {
                Some(at) => &rest[at..],
                None => "",
            };
        } else if is_block(name) && !visit(Piece::Block) {
            return;
        }
    }
}

/// The text of sanitised HTML, appended to `out` until it holds about `limit` bytes
/// (cut at a space, with `…`): tags dropped (a block's end becomes a new line), entities
/// decoded, spaces collapsed.
fn html_to_text(html: &str, out: &mut String, limit: usize) {
    walk_html(html, |piece| {
        match piece {
            Piece::Text(text) => push_text(out, text),
            Piece::Block => {
                while out.ends_with(' ') {
                    out.pop();
                }
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
        out.len() <= limit
    });
    vi::truncate_at_space(out, limit);
    while out.ends_with([' ', '\n']) {
        out.pop();
    }
}

/// Appends `text` with each run of white space (ASCII: Markdown writes no other) made
/// one space.
fn push_text(out: &mut String, text: &str) {
    out.reserve(text.len());
    let plain = !text.contains("  ") && !text.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
    if plain {
        let at_start = out.is_empty() || out.ends_with([' ', '\n']);
        out.push_str(if at_start {
            text.trim_start_matches(' ')
        } else {
            text
        });
        return;
    }
    // Split at ASCII bytes, which are never inside a multi-byte character.
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte.is_ascii_whitespace() {
            out.push_str(&text[start..at]);
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            start = at + 1;
        }
    }
    out.push_str(&text[start..]);
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
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The syllables of `text` the slow, obvious way: every run of word characters
    /// folded whole with `vi::fold`. The scanner's table must agree with it.
    fn reference(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let inside_number = !word.is_empty()
                && (c == '.' || c == ',')
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if is_word_char(c) || inside_number {
                word.push(c);
            } else if !word.is_empty() {
                out.push(vi::fold(&word).replace(['.', ','], ""));
                word.clear();
            }
        }
        if !word.is_empty() {
            out.push(vi::fold(&word).replace(['.', ','], ""));
        }
        out.retain(|key| !key.is_empty());
        out
    }

    fn keys(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|(key, _)| key).collect()
    }

    /// `a b` for a pair, `a | b` where the second does not follow the first as a pair.
    fn shown(text: &str) -> String {
        let mut out = String::new();
        for (n, (key, joined)) in tokens(text).into_iter().enumerate() {
            if n > 0 {
                out.push_str(if joined { " " } else { " | " });
            }
            out.push_str(&key);
        }
        out
    }

    #[test]
    fn syllables_fold_case_tone_marks_and_d_bar() {
        let cases = [
            ("Đắk Lắk", "dak lak"),
            ("dak lak", "dak lak"),
            ("ĐẮK LẮK", "dak lak"),
            ("thi đua", "thi dua"),
            ("Thi Đua", "thi dua"),
            ("Cần Thơ", "can tho"),
            ("Thừa Thiên Huế", "thua thien hue"),
            ("Bà Rịa - Vũng Tàu", "ba ria | vung tau"),
            ("Cần Thơ: 3.000 thành viên", "can tho | 3000 thanh vien"),
            (
                "2.199 tổ, trên 9.000 thành viên.",
                "2199 to | tren 9000 thanh vien",
            ),
            ("ngày 1/7/2024", "ngay 1 | 7 | 2024"),
            ("COVID-19", "covid | 19"),
            (
                "“Lực lượng mới, khí thế mới”",
                "luc luong moi | khi the moi",
            ),
            ("Kết luận 44-KL/TW", "ket luan 44 | kl | tw"),
            ("  ", ""),
            ("???", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(shown(text), expected, "{text}");
        }
    }

    #[test]
    fn nfd_text_gives_the_same_syllables_as_nfc() {
        for text in [
            "Đắk Lắk",
            "thi đua yêu nước",
            "Thừa Thiên Huế",
            "Lễ ra mắt lực lượng",
        ] {
            let nfd: String = text.nfd().collect();
            assert_ne!(nfd, text);
            assert_eq!(tokens(&nfd), tokens(text), "{text}");
        }
    }

    #[test]
    fn the_character_table_folds_as_vi_fold_does() {
        for point in 0..0x2000u32 {
            let Some(c) = char::from_u32(point) else {
                continue;
            };
            let text = format!("a{c}b {c}");
            assert_eq!(keys(&text), reference(&text), "U+{point:04X}");
        }
    }

    proptest::proptest! {
        #[test]
        fn syllables_match_folding_each_word_whole(
            text in "[ a-zA-Z0-9.,:\\-đĐăâêôơưĂÂÊÔƠƯ\u{300}\u{301}\u{303}\u{309}\u{323}áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ\u{a0}\n]{0,40}"
        ) {
            proptest::prop_assert_eq!(keys(&text), reference(&text));
        }
    }

    #[test]
    fn html_is_read_as_its_text_with_blocks_apart() {
        let html = "<p>Lực lượng <strong>tham gia</strong> bảo\nvệ</p>\n<h2 id=\"x\">An &amp; ninh</h2>\
                    <table><tr><td>Đắk Lắk</td><td>2.199</td></tr></table><script>var x = 1;</script><p>cuối</p>";
        let mut text = String::new();
        html_to_text(html, &mut text, TEXT_BYTES);
        assert_eq!(
            text,
            "Lực lượng tham gia bảo vệ\nAn & ninh\nĐắk Lắk\n2.199\ncuối"
        );
        let mut from_html = Vec::new();
        let mut scanner = Scanner::new(Spaces::All);
        let mut found = |key: &str, joined: bool| from_html.push((key.to_string(), joined));
        walk_html(html, |piece| {
            match piece {
                Piece::Text(text) => scanner.feed(text, &mut found),
                Piece::Block => scanner.stop(&mut found),
            }
            true
        });
        scanner.stop(&mut found);
        // What the index reads from the HTML is what the script reads in the text.
        assert_eq!(from_html, tokens(&text));
        assert_eq!(
            shown(&text),
            "luc luong tham gia bao ve | an | ninh | dak lak | 2199 | cuoi"
        );
    }

    #[test]
    fn long_text_is_cut_at_a_space() {
        let mut text = String::new();
        html_to_text(
            &format!("<p>{}</p>", "thi đua ".repeat(500)),
            &mut text,
            100,
        );
        assert!(text.len() <= 100 + '…'.len_utf8(), "{}", text.len());
        assert!(text.ends_with("đua…") || text.ends_with("thi…"), "{text}");
    }

    /// A chunk file's keys and postings, decoded as the script decodes them.
    fn read_chunk(bytes: &[u8]) -> Vec<(String, Vec<(u32, u8)>)> {
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(bytes).expect("a chunk is a JSON object");
        map.into_iter()
            .map(|(key, value)| {
                let text = value.as_str().expect("postings are a string").to_string();
                let mut list = Vec::new();
                let (mut id, mut value, mut scale) = (0u64, 0u64, 1u64);
                for c in text.bytes() {
                    let digit = DIGITS.iter().position(|d| *d == c).expect("a digit") as u64;
                    value += (digit & 31) * scale;
                    if digit >= 32 {
                        scale *= 32;
                        continue;
                    }
                    id += value / 16;
                    list.push((id as u32, (value % 16) as u8));
                    (value, scale) = (0, 1);
                }
                (key, list)
            })
            .collect()
    }

    /// The chunk that the script's binary search picks for `key`.
    fn chunk_of(firsts: &[String], key: &str) -> usize {
        firsts
            .iter()
            .rposition(|first| utf16_cmp(first, key).is_le())
            .unwrap_or(0)
    }

    fn doc<'a>(url: &'a str, title: &'a str, province: Option<&'a str>, html: &str) -> Doc<'a> {
        // A test's few documents live until it ends.
        let html = Box::leak(Box::new(Packed::new(html)));
        Doc {
            url,
            title,
            date: NaiveDate::from_ymd_opt(2024, 7, 1),
            kind: Some(Kind::Ceremony),
            province,
            location: None,
            tags: &[],
            summary: None,
            html,
        }
    }

    struct Built {
        manifest: serde_json::Value,
        files: HashMap<String, Vec<u8>>,
    }

    impl Built {
        fn new(docs: &[Doc]) -> Self {
            let files = std::sync::Mutex::new(HashMap::new());
            index(docs, DateStyle::Short, 1, &|(path, bytes)| {
                files.lock().unwrap().insert(path, bytes);
            });
            let files: HashMap<String, Vec<u8>> = files.into_inner().unwrap();
            let manifest = serde_json::from_slice(&files["tim-kiem/index.json"]).unwrap();
            Self { manifest, files }
        }

        fn firsts(&self) -> Vec<String> {
            self.manifest["chunks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_string())
                .collect()
        }

        fn chunk_path(&self, key: &str) -> String {
            format!("tim-kiem/k/{}.json", chunk_of(&self.firsts(), key))
        }

        fn postings(&self, key: &str) -> Vec<(u32, u8)> {
            read_chunk(&self.files[&self.chunk_path(key)])
                .into_iter()
                .find(|(k, _)| k == key)
                .map(|(_, list)| list)
                .unwrap_or_default()
        }
    }

    #[test]
    fn postings_give_each_document_with_where_the_word_stands() {
        let docs = [
            doc(
                "/a/",
                "Đắk Lắk ra mắt lực lượng",
                Some("Đắk Lắk"),
                "<p>Lễ ra mắt.</p>",
            ),
            doc(
                "/b/",
                "Cần Thơ ra mắt",
                Some("Cần Thơ"),
                "<p>Như Đắk Lắk, Cần Thơ thi đua.</p>",
            ),
            doc("/c/", "Tin khác", None, "<p>thi hành luật, đua thuyền</p>"),
        ];
        let built = Built::new(&docs);
        assert_eq!(built.postings("dak"), [(0, TITLE | PLACE), (1, 0)]);
        assert_eq!(built.postings("dak lak"), [(0, TITLE | PLACE), (1, 0)]);
        assert_eq!(built.postings("can"), [(1, TITLE | PLACE)]);
        assert_eq!(built.postings("thi dua"), [(1, 0)]);
        assert_eq!(built.postings("thi"), [(1, 0), (2, 0)]);
        assert_eq!(built.postings("#p:dak-lak"), [(0, 0)]);
        assert_eq!(built.postings("#k:ceremony"), [(0, 0), (1, 0), (2, 0)]);
        assert_eq!(built.postings("#y:2024").len(), 3);
        assert_eq!(built.postings("khong-co"), []);
        let records: serde_json::Value =
            serde_json::from_slice(&built.files["tim-kiem/d/0.json"]).unwrap();
        assert_eq!(records[1]["url"], "/b/");
        assert_eq!(records[1]["date"], "1/7/2024");
        assert_eq!(records[1]["datetime"], "2024-07-01");
        assert_eq!(records[1]["kind"], "Lễ ra mắt");
        assert_eq!(records[1]["text"], "Như Đắk Lắk, Cần Thơ thi đua.");
    }

    #[test]
    fn postings_run_on_unchanged_from_one_gathering_of_documents_to_the_next() {
        // Documents are gathered GATHERING at a time; a word must come out with the same
        // ids and bits whether its documents fall in one gathering or in several.
        let count = 2 * GATHERING + 40;
        let urls: Vec<String> = (0..count).map(|i| format!("/{i}/")).collect();
        let has_word =
            |i: usize| i.is_multiple_of(7) || (GATHERING - 3..GATHERING + 3).contains(&i);
        let docs: Vec<Doc> = urls
            .iter()
            .enumerate()
            .map(|(i, url)| {
                let (title, html) = match (has_word(i), i % 2) {
                    (true, 0) => ("Thi đua", "<p>Thi đua, thi đua.</p>"),
                    (true, _) => ("Bài", "<p>Thi đua.</p>"),
                    (false, _) => ("Bài", "<p>Lực lượng.</p>"),
                };
                doc(url, title, None, html)
            })
            .collect();
        let built = Built::new(&docs);
        let expected: Vec<(u32, u8)> = (0..count)
            .filter(|&i| has_word(i))
            .map(|i| (i as u32, if i % 2 == 0 { 4 | TITLE } else { 0 }))
            .collect();
        assert_eq!(built.postings("thi dua"), expected);
        assert_eq!(built.postings("luc").len(), count - expected.len());
    }

    /// Ten thousand articles like those of `cargo bench`: Vietnamese text with tone
    /// marks, 63 provinces, every third a ceremony.
    fn synthetic(count: usize) -> Vec<(String, String, &'static str, String)> {
        const PROVINCES: [&str; 8] = [
            "Đắk Lắk",
            "Cần Thơ",
            "Hà Nội",
            "Đồng Tháp",
            "Long An",
            "Cà Mau",
            "Sóc Trăng",
            "Huế",
        ];
        const WORDS: [&str; 24] = [
            "lực lượng",
            "tham gia",
            "bảo vệ",
            "an ninh",
            "trật tự",
            "cơ sở",
            "tổ",
            "thành viên",
            "công an",
            "xã",
            "phong trào",
            "thi đua",
            "toàn dân",
            "Tổ quốc",
            "huấn luyện",
            "nhân dân",
            "địa bàn",
            "tuần tra",
            "khen thưởng",
            "triển khai",
            "Đắk Lắk",
            "miền núi",
            "biên giới",
            "khu dân cư",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        (0..count)
            .map(|i| {
                let province = PROVINCES[i % PROVINCES.len()];
                let mut html = String::new();
                for _ in 0..rng.usize(3..8) {
                    html.push_str("<p>");
                    for _ in 0..rng.usize(20..50) {
                        html.push_str(WORDS[rng.usize(..WORDS.len())]);
                        html.push(' ');
                    }
                    html.push_str(&format!("{} thành viên.</p>\n", rng.usize(100..10_000)));
                }
                (
                    format!("/bai-viet/bai-viet-so-{i}/"),
                    format!("Bài viết số {i} về lực lượng ở {province}"),
                    province,
                    html,
                )
            })
            .collect()
    }

    #[test]
    fn a_query_on_ten_thousand_articles_fetches_under_300_kb() {
        let articles = synthetic(10_000);
        let docs: Vec<Doc> = articles
            .iter()
            .map(|(url, title, province, html)| doc(url, title, Some(province), html))
            .collect();
        let built = Built::new(&docs);
        let group = |id: u32| format!("tim-kiem/d/{}.json", id as usize / GROUP);
        let largest_group = built
            .files
            .iter()
            .filter(|(path, _)| path.starts_with("tim-kiem/d/"))
            .map(|(_, bytes)| bytes.len())
            .max()
            .unwrap();
        for query in [
            &["dak", "lak", "dak lak"][..],
            &["thi", "dua", "thi dua"],
            &["luc"],
        ] {
            // The manifest, the chunk of each key, and for the first ten results (at
            // worst each in a file of its own) their records.
            let mut fetched: std::collections::BTreeSet<String> =
                query.iter().map(|key| built.chunk_path(key)).collect();
            fetched.insert("tim-kiem/index.json".into());
            let index_bytes: usize = fetched.iter().map(|path| built.files[path].len()).sum();
            let bytes = index_bytes + 10 * largest_group;
            assert!(
                bytes <= 300 * 1024,
                "{query:?} fetches {bytes} bytes: {index_bytes} of index, files {fetched:?}"
            );
            assert!(built.postings(query[0]).len() > 1000, "{query:?} is common");
        }
        // The ten best for "dak lak" are Đắk Lắk's own articles, found in the title.
        let best: Vec<u32> = built
            .postings("dak lak")
            .into_iter()
            .filter(|(_, bits)| bits & TITLE != 0)
            .map(|(id, _)| id)
            .take(10)
            .collect();
        assert_eq!(best.len(), 10);
        assert!(best.iter().all(|&id| articles[id as usize].2 == "Đắk Lắk"));
        let groups: std::collections::BTreeSet<String> = best.iter().map(|&id| group(id)).collect();
        assert!(groups.len() <= 10);
    }

    #[test]
    fn every_key_is_in_the_chunk_the_script_looks_in() {
        let articles = synthetic(2_000);
        let docs: Vec<Doc> = articles
            .iter()
            .map(|(url, title, province, html)| doc(url, title, Some(province), html))
            .collect();
        let built = Built::new(&docs);
        let firsts = built.firsts();
        assert!(firsts.len() > 5, "a site this size has several chunks");
        let mut previous: Option<String> = None;
        for (i, first) in firsts.iter().enumerate() {
            let chunk = read_chunk(&built.files[&format!("tim-kiem/k/{i}.json")]);
            assert_eq!(&chunk.iter().map(|(k, _)| k.clone()).min().unwrap(), first);
            for (key, _) in &chunk {
                assert_eq!(chunk_of(&firsts, key), i, "{key}");
                if let Some(previous) = &previous {
                    assert!(utf16_cmp(previous, key).is_lt());
                }
                previous = Some(key.clone());
            }
        }
    }

    #[test]
    fn javascript_order_differs_from_rust_order_only_past_u_e000() {
        assert!(utf16_cmp("dak", "dak lak").is_lt());
        assert!(utf16_cmp("#y:2024", "a").is_lt());
        // U+FF21 (fullwidth A) comes after U+1F600 in UTF-8 but before it in UTF-16.
        assert!("\u{ff21}" < "\u{1f600}");
        assert!(utf16_cmp("\u{1f600}", "\u{ff21}").is_lt());
    }

    #[test]
    fn the_page_view_counts_kinds_provinces_and_years() {
        let mut docs = vec![
            doc("/a/", "A", Some("Đắk Lắk"), ""),
            doc("/b/", "B", Some("Cần Thơ"), ""),
            doc("/c/", "C", Some("Đắk Lắk"), ""),
        ];
        docs[1].kind = Some(Kind::News);
        docs[2].date = NaiveDate::from_ymd_opt(2025, 1, 2);
        let view = page_view(&docs);
        let labels = |choices: &[Choice]| {
            choices
                .iter()
                .map(|c| format!("{}={}:{}", c.value, c.label, c.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(&view.kinds),
            ["ceremony=Lễ ra mắt:2", "news=Tin tức:1"]
        );
        assert_eq!(
            labels(&view.provinces),
            ["can-tho=Cần Thơ:1", "dak-lak=Đắk Lắk:2"]
        );
        assert_eq!(labels(&view.years), ["2025=2025:1", "2024=2024:2"]);
    }
}
