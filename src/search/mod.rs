//! Search: the index that the search page's script reads, made from the resolved site.
//!
//! Pure: takes the resolved site, returns the files to write and what the search page
//! shows; reads and writes nothing, knows nothing of templates. Drafts never enter the
//! index. An article is read as the text that the Markdown pass made
//! (`markdown::Rendered::text`), never by parsing its HTML; nothing here uses
//! `render`, which comes after. The script `themes/default/static/search.js` is the
//! other half of the format below and follows the same rules for folding and splitting
//! text: change both together.
//!
//! This file owns the documents, the fingerprint and the making of the index from them,
//! in batches, gatherings and parts (below); `tokens` cuts text into syllables,
//! `document` makes one article's record and keys, `postings` gathers and writes the
//! postings, and `page` makes the search page's view.
//!
//! # Matching
//! Text is cut into syllables (runs of letters, digits and combining marks; a `.` or `,`
//! between two digits stays inside: `2.199` is one syllable, `2199`) and each syllable
//! is folded with [`crate::vi::fold`]: lower case, tone marks and other diacritics
//! removed, đ read as d. So "dak lak", "Đắk Lắk" and "Đắk Lắk" typed in NFD all give
//! `dak`, `lak`. Two syllables with only spaces between them also form a pair, `dak lak`,
//! which is how a quoted phrase ("thi đua") is matched.
//!
//! # Files (under `/tim-kiem/`)
//! A build writes few files, about one for ten articles, and a query fetches few
//! bytes: the manifest, the chunk of each key it needs, and the records of the results
//! shown, each read alone out of its pack.
//! - `index.json`: `{"format": 4, "version": "<hash>", "docs": N, "pack": 32,
//!   "chunks": [...], "names": [["can tho", "#p:can-tho"], ...]}`, `chunks` being the
//!   first key of each postings chunk, in order, `version` a hash of everything the
//!   index is made from, which the script adds to the addresses it fetches so that no
//!   browser mixes files of two indexes, and `names` what a query may name (`names`):
//!   each folded name with the filter key of its articles.
//! - `k/<i>.json`: chunk `i` of the postings, `{"<key>": "<postings>", ...}`. Keys are
//!   in UTF-16 order (JavaScript's `<`), so the script finds a key's chunk by binary
//!   search in `chunks` and fetches only that file. A key is a syllable (`dak`), a pair
//!   (`dak lak`), or a filter: `#k:<kind>`, `#p:<province slug>`, `#s:<section slug>`,
//!   `#y:<year>`, `#m:<year>-<month>`, `#d:<year>-<month>-<day>`. Postings come in four
//!   forms, whichever is shortest. Sparse: one number per document, ids ascending:
//!   `(id - previous id) * 16 + tf * 4 + fields`, the previous id of the first being 0;
//!   `fields` has 1 for the title, 2 for the province or place; `tf` is 0 to 3 for 1,
//!   2–3, 4–7 or 8 and more occurrences in the body. Each number is written five bits
//!   at a time, lowest first, as digits of `DIGITS` (`A` = 0 … `_` = 63), a digit of 32
//!   or more meaning that more follow. Dense, for a key in about a third of the
//!   documents or more: `~` then two bits a document, three documents a digit, the
//!   first lowest: 0 absent, 1 in the body, 2 in the province or place, 3 in the title
//!   (how often is dropped: the word is common). A dense key of 100,000 articles takes
//!   33 KB where the sparse form took at least 100 KB. Present, when shorter: `!`, a
//!   bit a document, then `!` and the sparse form of those with the key in the title or
//!   place. Common, for a key in nearly every document: `^`, the level most documents
//!   have, then the others in the sparse form with `* 4 + level`
//!   (`postings::write_postings`). A chunk holds about `CHUNK_BYTES`, or one key alone
//!   when larger.
//! - `d/<n>.txt`: the records of documents `n * pack` to `(n + 1) * pack - 1`, each
//!   `{"url", "title", "date", "datetime", "province", "kind", "text"}` on a line of its
//!   own, after a header line that gives where each ends (see [`pack`]). For each
//!   result shown the script reads the two ends it needs from the header, then the
//!   record, with HTTP Range requests; from a server that answers a Range request with
//!   the whole file (as Python's `http.server` does) it takes the whole pack once.
//!   `text` is the article's whole text (up to `TEXT_BYTES`), which the snippet is cut
//!   from around the words that matched and in which the script checks a quoted phrase
//!   of three syllables or more, which pairs alone cannot tell from its pairs apart.
//!
//! Document ids follow the site's order, newest first, so that equal scores list the
//! newest article first.

mod document;
mod names;
mod page;
mod postings;
mod tokens;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::fingerprint::Fingerprint;
use crate::load::content::front::Kind;
use crate::packed::{Packed, PackedAgainst};
use crate::site::Site;
use crate::vi::DateStyle;
use document::Prepared;
use postings::{DIGITS, Interner, PARTS, Part, Segment, part_of, utf16_cmp, write_postings};

pub use names::Names;
pub use page::{Choice, PageView, SectionYears, page_view};
pub use tokens::tokens;

/// The search page.
pub const PAGE_URL: &str = "/tim-kiem/";
/// The index's entry point, which the page hands to the script.
pub const INDEX_URL: &str = "/tim-kiem/index.json";
/// The script, a static file of the default theme.
pub const SCRIPT_URL: &str = "/search.js";

/// The format of the files, which the script checks.
const FORMAT: u32 = 4;
/// The size a postings chunk grows to before the next key starts a new one: a query of
/// six syllables and their five pairs fetches up to eleven chunks, most of whose bytes
/// are other keys'.
const CHUNK_BYTES: usize = 8 * 1024;
/// Documents per pack of records. A result page fetches each of its ten records alone
/// with HTTP Range requests, ten bytes of the header and the record, whatever the pack.
/// The pack bounds how many files a build writes (with the postings' chunks, one for
/// ten articles) and what a host that ignores Range requests sends whole instead (as
/// Cloudflare Pages did in 2021): about 230 KB for each result at the benchmark's 7 KB
/// an article, where 128 would send 900 KB.
const PACK: usize = 32;
/// One searchable article, borrowed from the site.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// With the site's base path (`/antt/tin-tuc/a/`): the address results link to.
    pub url: std::borrow::Cow<'a, str>,
    pub title: &'a str,
    pub date: Option<NaiveDate>,
    pub kind: Option<Kind>,
    pub province: Option<&'a str>,
    /// The section's folder and title; `None` for a stand-alone page.
    pub section: Option<(&'a str, &'a str)>,
    pub location: Option<&'a str>,
    pub tags: &'a [String],
    pub summary: Option<&'a str>,
    /// The article's HTML, which the text is made with: the [`fingerprint`] reads it.
    pub html: &'a Packed,
    /// The article's text, as `markdown::Rendered::text` holds it, compressed against
    /// the HTML: what the index reads.
    pub text: &'a PackedAgainst,
}

/// The articles that search finds: every page of the site but drafts, in the site's
/// order (newest first).
pub fn documents(site: &Site) -> Vec<Doc<'_>> {
    let base_path = site.config.base_path();
    site.pages
        .iter()
        .filter(|page| !page.article.front.draft)
        .map(|page| {
            let front = &page.article.front;
            Doc {
                url: match base_path {
                    "" => page.article.url.as_str().into(),
                    base => format!("{base}{}", page.article.url).into(),
                },
                title: &front.title,
                date: front.date.map(|d| d.date()),
                // A page outside sections is not news unless it says so.
                kind: front.kind.or(page.is_listed().then_some(Kind::News)),
                province: front.province.as_deref(),
                section: page.section.map(|i| {
                    let section = &site.sections[i];
                    (section.section.dir.as_str(), section.title.as_str())
                }),
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
pub fn fingerprint(docs: &[Doc], names: &Names, date_style: DateStyle) -> u128 {
    let mut print = Fingerprint::new();
    // The format and the packing too: a build of a new loa of the same version number (a
    // developer's) must not keep files that its script cannot read or that it would
    // write otherwise.
    print
        .text(env!("CARGO_PKG_VERSION"))
        .number(u128::from(FORMAT))
        .number(PACK as u128)
        .text(&format!("{date_style:?}"))
        .number(names.0.len() as u128);
    for (name, key) in &names.0 {
        print.text(name).text(key);
    }
    print.number(docs.len() as u128);
    let absent = "\u{0}";
    for doc in docs {
        print
            .text(&doc.url)
            .text(doc.title)
            .text(&doc.date.map(|d| d.to_string()).unwrap_or_default())
            .text(&doc.kind.map(|k| format!("{k:?}")).unwrap_or_default())
            .text(doc.province.unwrap_or(absent))
            .text(doc.section.map_or(absent, |(dir, _)| dir))
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
pub fn index(
    docs: &[Doc],
    names: &Names,
    date_style: DateStyle,
    version: u128,
    out: &(dyn Fn(File) + Sync),
) {
    let mut syllables = Interner::default();
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
                    .map(|p| p.names.iter().map(|name| syllables.id(name)).collect())
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
        // BATCH is a multiple of PACK: only the last batch may end with a partial pack.
        let first_pack = batch * BATCH / PACK;
        prepared
            .par_chunks(PACK)
            .enumerate()
            .for_each(|(n, records)| {
                let records = records.iter().map(|prepared| prepared.record.as_slice());
                out((format!("{FOLDER}d/{}.txt", first_pack + n), pack(records)));
            });
    }

    let mut segments: Vec<Segment> = parts.into_iter().flat_map(|part| part.done).collect();
    segments.par_sort_unstable_by_key(|segment| (segment.key, segment.gathering));
    let mut keys: Vec<(String, &[Segment])> = segments
        .chunk_by(|a, b| a.key == b.key)
        .map(|same_key| (syllables.key_text(same_key[0].key), same_key))
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
        write_postings(&mut entry, &key, segments, docs.len());
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
        "pack": PACK,
        "chunks": first_keys,
        "names": names.write(),
    });
    out((
        format!("{FOLDER}index.json"),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
}

/// A pack of `PACK` records (fewer in the last): a header of `PACK` numbers, each the
/// end of a record counted from the end of the header, written as `END_DIGITS` digits
/// of `DIGITS`, most significant first, padded with the last end past the last record;
/// a new line; then each record followed by a new line.
fn pack<'a>(records: impl ExactSizeIterator<Item = &'a [u8]>) -> Vec<u8> {
    let header = PACK * END_DIGITS + 1;
    let mut bytes = vec![b'\n'; header];
    let count = records.len();
    for (i, record) in records.enumerate() {
        bytes.extend_from_slice(record);
        bytes.push(b'\n');
        let end = bytes.len() - header;
        let slots = if i + 1 == count { i..PACK } else { i..i + 1 };
        for slot in slots {
            for (n, digit) in bytes[slot * END_DIGITS..(slot + 1) * END_DIGITS]
                .iter_mut()
                .enumerate()
            {
                *digit = DIGITS[end >> (6 * (END_DIGITS - 1 - n)) & 63];
            }
        }
    }
    bytes
}

/// Digits of a record's end in a pack's header: six bits each, up to 1 GB.
const END_DIGITS: usize = 5;

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

#[cfg(test)]
mod tests;
