//! Postings as the chunk files hold them: gathered by part and by gathering of
//! documents, each number written in `DIGITS` as it comes; keys numbered while they are
//! gathered, and put in the order JavaScript compares strings. Never reads text: keys
//! come in as numbers.

use rustc_hash::FxHashMap;

use super::GATHERING;
use super::document::{PLACE, TITLE};

/// One part's postings: of the documents being gathered, and of every gathering before.
#[derive(Default)]
pub(super) struct Part {
    pub(super) recent: PartPostings,
    pub(super) done: Vec<Segment>,
}

/// The postings of one key in one gathering, document ids counted from its first.
pub(super) struct Segment {
    pub(super) key: u64,
    pub(super) gathering: usize,
    pub(super) list: Postings,
}

/// The postings of one key as they are gathered, already written as the chunk files
/// hold them: a third of the memory of the numbers themselves.
#[derive(Default)]
pub(super) struct Postings {
    previous: u32,
    digits: Vec<u8>,
}

impl Postings {
    /// Document `id`, after every document already pushed, with `bits`.
    pub(super) fn push(&mut self, id: u32, bits: u8) {
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
pub(super) struct PartPostings {
    singles: Vec<Postings>,
    pairs: FxHashMap<u64, Postings>,
}

impl PartPostings {
    pub(super) fn of(&mut self, key: u64) -> &mut Postings {
        if key >> 32 != 0 {
            return self.pairs.entry(key).or_default();
        }
        let index = key as usize;
        if index >= self.singles.len() {
            self.singles.resize_with(index + 1, Postings::default);
        }
        &mut self.singles[index]
    }

    pub(super) fn into_entries(self) -> impl Iterator<Item = (u64, Postings)> {
        let singles = self.singles.into_iter().enumerate();
        singles
            .map(|(key, list)| (key as u64, list))
            .filter(|(_, list)| !list.digits.is_empty())
            .chain(self.pairs)
    }
}

/// The postings are gathered in this many parts, side by side.
pub(super) const PARTS: usize = 2;

pub(super) fn part_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 63) as usize % PARTS
}

/// `"key":"…"`: the key's postings in whichever of four forms is shortest (see the
/// module's documentation of `super`). Sparse: for each document its distance from the
/// previous one, times 16, plus its bits, written as a number in `DIGITS`. Levels: `~`,
/// then two bits for each of the site's `docs` documents, three to a digit, the first
/// document lowest: 0 absent, 1 in the body, 2 in the province or place, 3 in the
/// title. Present: `!`, one bit a document, six to a digit, then `!` and the sparse
/// form of the documents where the key is in the title or place, with those bits.
/// Common: `^`, the level most documents have as a digit, then each document with
/// another level as its distance from the previous such one, times 4, plus its level.
/// `segments` are the key's postings in each gathering, in order; each but its first
/// number is as written.
pub(super) fn write_postings(out: &mut Vec<u8>, key: &str, segments: &[Segment], docs: usize) {
    out.extend_from_slice(serde_json::to_string(key).unwrap_or_default().as_bytes());
    out.extend_from_slice(b":\"");
    let sparse: usize = segments.iter().map(|s| s.list.digits.len()).sum();
    // Sparse and shorter than a sixth of a digit a document, a key is in too few
    // documents for any dense form to be shorter.
    let dense = (sparse > 2 + docs.div_ceil(6))
        .then(|| dense(segments, docs))
        .filter(|dense| dense.len() < sparse);
    if let Some(dense) = dense {
        out.extend_from_slice(&dense);
    } else {
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
    }
    out.push(b'"');
}

/// A dense form of a key's postings, the shortest of levels, present and common.
fn dense(segments: &[Segment], docs: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut levels = vec![0u8; docs.div_ceil(6) * 6];
    let mut fielded = Vec::new();
    let mut previous = 0;
    for Segment {
        gathering, list, ..
    } in segments
    {
        let mut id = gathering * GATHERING;
        let mut at = 0;
        while at < list.digits.len() {
            let (number, length) = read_number(&list.digits[at..]);
            at += length;
            id += (number >> 4) as usize;
            let fields = (number & 15) as u8 & (TITLE | PLACE);
            levels[id] = if fields & TITLE != 0 {
                3
            } else if fields & PLACE != 0 {
                2
            } else {
                1
            };
            if fields != 0 {
                push_number(
                    &mut fielded,
                    (id - previous) as u64 * 16 + u64::from(fields),
                );
                previous = id;
            }
        }
    }
    let common = common(&levels[..docs]);
    if common.len() < (2 + docs.div_ceil(6) + fielded.len()).min(1 + docs.div_ceil(3)) {
        return common;
    }
    if 2 + docs.div_ceil(6) + fielded.len() < 1 + docs.div_ceil(3) {
        out.push(b'!');
        for six in levels.chunks(6) {
            let present = six
                .iter()
                .rev()
                .fold(0, |bits, level| bits << 1 | usize::from(*level != 0));
            out.push(DIGITS[present]);
        }
        out.push(b'!');
        out.extend_from_slice(&fielded);
    } else {
        out.push(b'~');
        for three in levels[..docs.div_ceil(3) * 3].chunks(3) {
            out.push(DIGITS[usize::from(three[0] | three[1] << 2 | three[2] << 4)]);
        }
    }
    out
}

/// The common form of `levels`, one a document: a word in nearly every article (a
/// function word, or one of every title) takes a few bytes where the other dense forms
/// take a sixth or a third of a digit a document, 17 or 33 KB at 100,000 articles.
fn common(levels: &[u8]) -> Vec<u8> {
    let mut counts = [0usize; 4];
    for &level in levels {
        counts[usize::from(level)] += 1;
    }
    let most = (1..4).max_by_key(|&level| counts[level]).unwrap_or(1);
    let mut out = vec![b'^', DIGITS[most]];
    let mut previous = 0;
    for (id, &level) in levels.iter().enumerate() {
        if usize::from(level) != most {
            push_number(&mut out, (id - previous) as u64 * 4 + u64::from(level));
            previous = id;
        }
    }
    out
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
pub(super) const DIGITS: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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
pub(super) fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let differ = a.bytes().zip(b.bytes()).find(|(x, y)| x != y);
    match differ {
        Some((x, y)) if x >= 0xEE || y >= 0xEE => a.encode_utf16().cmp(b.encode_utf16()),
        _ => a.cmp(b),
    }
}

/// Syllables and filters numbered in the order first met, so that keys are numbers
/// while the postings are gathered.
#[derive(Default)]
pub(super) struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub(super) fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    /// The text of a key: a syllable or filter, or two syllables with a space between.
    pub(super) fn key_text(&self, key: u64) -> String {
        let (first, second) = ((key >> 32) as usize, (key & 0xFFFF_FFFF) as usize);
        if first == 0 {
            self.names[second - 1].to_string()
        } else {
            format!("{} {}", self.names[first - 1], self.names[second - 1])
        }
    }
}

pub(super) fn single_key(id: u32) -> u64 {
    u64::from(id) + 1
}

pub(super) fn pair_key(first: u32, second: u32) -> u64 {
    (u64::from(first) + 1) << 32 | (u64::from(second) + 1)
}
