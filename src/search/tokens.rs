//! Text cut into folded syllables, and pairs of syllables with only spaces between:
//! the character classes and the scanner. `themes/default/static/search.js` follows the
//! same rules for what a reader types. Knows nothing of documents, fields or files.

use crate::vi;

/// Calls `found` with each folded syllable of `text` and whether it follows the previous
/// one with only spaces (U+0020, U+00A0) between (a pair): a new line, as between two
/// blocks of an article's text, ends a pair. The script's `tokens` follows the same rules.
pub(super) fn scan(text: &str, found: &mut impl FnMut(&str, bool)) {
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
pub(super) fn is_word_char(c: char) -> bool {
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
