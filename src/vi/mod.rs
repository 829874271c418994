//! Vietnamese text: Unicode normalisation, slugs, tone-mark folding, numbers, dates and
//! alphabetical order.
//!
//! Owns every rule about how Vietnamese is written. Knows nothing of files, pages or
//! templates; every function here is pure.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Text in Normalization Form C, the form every input is turned into: Unikey and VNI
/// keyboards, and macOS file names, can deliver NFD.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if plainly_nfc(text) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Whether `text` holds only characters that are NFC whatever surrounds them: below
/// U+0300, Latin Extended Additional (U+1E00–U+1EFF, where Vietnamese precomposed
/// letters live) and the general punctuation U+2002–U+203F (typographic quotes and
/// dashes). Most files pass this byte scan and need no table look-up at all.
fn plainly_nfc(text: &str) -> bool {
    // Valid UTF-8, so only lead bytes from 0xCC (U+0300 and up) need a look: every
    // byte below is ASCII, a continuation byte or the lead of a character below U+0300.
    // Stepping over those one by one, without decoding, reads 933 MB of Vietnamese
    // articles in 1.4 s of CPU instead of 2.5 s.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0xCC {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let plain = match bytes[i] {
            0xE1 => (0xB8..=0xBB).contains(&next),
            0xE2 => next == 0x80 && bytes.get(i + 2).is_some_and(|b| *b >= 0x82),
            _ => false,
        };
        if !plain {
            return false;
        }
        i += 3;
    }
    true
}

/// Lower case with tone marks and other diacritics removed and đ mapped to d:
/// "Đắk Lắk" -> "dak lak". The key for slugs, search and near-miss suggestions.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// `fold`, appended to `out`: for loops that fold many short pieces into one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |part| match part {
            'đ' | 'Đ' => out.push('d'),
            part if is_combining_mark(part) => {}
            part => out.extend(part.to_lowercase()),
        });
    }
}

/// Whether `text` carries a tone mark or another diacritic, đ included: "Lễ ra mắt" and
/// "Đồn" do, "Le ra mat" does not.
pub fn has_marks(text: &str) -> bool {
    text.chars().any(|c| {
        let mut marked = false;
        if !c.is_ascii() {
            decompose_canonical(c, |part| {
                marked |= is_combining_mark(part) || matches!(part, 'đ' | 'Đ');
            });
        }
        marked
    })
}

/// The longest slug, in bytes (a slug is ASCII). A slug names a folder of the output,
/// and 100 bytes fit every file system a site is built or copied on (255 bytes a name on
/// ext4, APFS, NTFS, exFAT; 143 on eCryptfs) with room left under Windows' 260-character
/// path limit for the output folder, the section and a photo's name inside a bundle.
/// docs/design.md, "Decisions", says why the cut rather than an error.
pub const SLUG_MAX: usize = 100;

/// An ASCII URL segment: "Lễ ra mắt lực lượng Đắk Lắk" -> "le-ra-mat-luc-luong-dak-lak".
/// Empty when the text has no letter or digit at all. At most [`SLUG_MAX`] bytes, cut
/// after the last whole word that fits.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    cut_slug(&mut slug, SLUG_MAX);
    slug
}

/// Cuts a slug to at most `limit` bytes at a `-`, or in a word when no `-` falls in its
/// second half; never leaves a `-` at the end.
pub fn cut_slug(slug: &mut String, limit: usize) {
    if slug.len() > limit {
        let end = floor_boundary(slug, limit + 1);
        let cut = slug[..end]
            .rfind('-')
            .filter(|&at| at >= limit / 2)
            .unwrap_or(floor_boundary(slug, limit));
        slug.truncate(cut);
    }
    while slug.ends_with('-') {
        slug.pop();
    }
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Cuts `text` to at most `limit` bytes, at a space when there is one in the second
/// half, and marks the cut with `…`.
pub fn truncate_at_space(text: &mut String, limit: usize) {
    if text.len() <= limit {
        return;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(space) = text[..end].rfind([' ', '\n']).filter(|&s| s > limit / 2) {
        end = space;
    }
    text.truncate(end);
    text.push('…');
}

/// A whole number with dots between thousands: 2199 -> "2.199".
pub fn format_integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// A number the Vietnamese way: dots between thousands, a comma before the decimals,
/// at most `decimals` of them and no trailing zeros: 4.6 -> "4,6", 12500.25 -> "12.500,25".
pub fn format_decimal(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && (whole != 0 || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    let mut out = format!("{sign}{}", format_integer(whole));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// How a site writes dates; chosen by `date_format` in site.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// 1/7/2024
    #[default]
    Short,
    /// Thứ Hai, 01/07/2024
    Weekday,
    /// ngày 01 tháng 7 năm 2024 (Nghị định 30/2020/NĐ-CP)
    Admin,
}

impl DateStyle {
    pub const NAMES: &'static [&'static str] = &["short", "weekday", "admin"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "short" => Some(Self::Short),
            "weekday" => Some(Self::Weekday),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }

    pub fn format(self, date: NaiveDate) -> String {
        match self {
            Self::Short => format!("{}/{}/{}", date.day(), date.month(), date.year()),
            Self::Weekday => format!(
                "{}, {:02}/{:02}/{}",
                weekday_name(date.weekday()),
                date.day(),
                date.month(),
                date.year()
            ),
            Self::Admin => {
                // Nghị định 30/2020/NĐ-CP: a leading zero for days below 10 and for
                // months 1 and 2 only, so that "tháng 01" cannot be misread.
                let month = if date.month() <= 2 {
                    format!("{:02}", date.month())
                } else {
                    date.month().to_string()
                };
                format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
            }
        }
    }
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("vi");
        CollatorBorrowed::try_new(
            CollatorPreferences::from(&locale),
            CollatorOptions::default(),
        )
        .or_else(|_| {
            CollatorBorrowed::try_new(CollatorPreferences::default(), CollatorOptions::default())
        })
        .unwrap_or_else(|_| unreachable!("the root collation is compiled into icu_collator"))
    })
}

/// Vietnamese alphabetical order (CLDR): a < ă < â < b < … < d < đ < e < ê < …
pub fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

#[cfg(test)]
mod tests;
