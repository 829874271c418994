//! One figure of an article's `stats`: a number and the word its article qualifies it
//! with (`trên 9000`, `{ value: 9000, qualifier: trên }`), and the rules by which
//! qualified figures add up.
//!
//! Pure: no I/O, no knowledge of site.yaml. Whether a metric takes decimals is checked
//! later, with the site's metrics at hand (`checks`).

use std::fmt;
use std::ops::Add;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::diagnostics::nearest;
use crate::i18n::Msg;
use crate::load::yaml::HELP_SEPARATOR;

/// The word an article puts before a figure that is not an exact count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// trên: more than.
    Tren,
    /// hơn: more than.
    Hon,
    /// ít nhất: at least.
    ItNhat,
    /// khoảng: about.
    Khoang,
    /// gần: nearly.
    Gan,
    /// dưới: fewer than.
    Duoi,
}

/// Which side of the true count a qualified figure lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    AtLeast,
    About,
    AtMost,
}

impl Qualifier {
    pub const ALL: [Self; 6] = [
        Self::Tren,
        Self::Hon,
        Self::ItNhat,
        Self::Khoang,
        Self::Gan,
        Self::Duoi,
    ];

    /// The word as articles write it.
    pub fn word(self) -> &'static str {
        match self {
            Self::Tren => "trên",
            Self::Hon => "hơn",
            Self::ItNhat => "ít nhất",
            Self::Khoang => "khoảng",
            Self::Gan => "gần",
            Self::Duoi => "dưới",
        }
    }

    /// The qualifier written `word`, in any case and with spaces around it.
    pub fn parse(word: &str) -> Option<Self> {
        let word = crate::vi::nfc(word.trim()).to_lowercase();
        let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
        Self::ALL.into_iter().find(|q| q.word() == word)
    }

    pub fn bound(self) -> Bound {
        match self {
            Self::Tren | Self::Hon | Self::ItNhat => Bound::AtLeast,
            Self::Khoang => Bound::About,
            Self::Gan | Self::Duoi => Bound::AtMost,
        }
    }

    /// The qualifier of a sum of two parts (none: exact): exact only if both are;
    /// exact and at-least parts give `trên`; any `khoảng` or at-most part gives `khoảng`.
    pub fn of_sum(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        let bounds = [a, b].map(|q| q.map(Self::bound));
        if bounds
            .iter()
            .any(|b| matches!(b, Some(Bound::About | Bound::AtMost)))
        {
            Some(Self::Khoang)
        } else if bounds.contains(&Some(Bound::AtLeast)) {
            Some(Self::Tren)
        } else {
            None
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A non-negative number as written, exactly: `units` / 10^`scale` (4.6 is 46 and 1).
/// `scale` keeps what was written: 9.0 has scale 1, which a count refuses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Number {
    pub units: u64,
    pub scale: u32,
}

impl Number {
    pub fn whole(value: u64) -> Self {
        Self {
            units: value,
            scale: 0,
        }
    }

    /// The number YAML read as a decimal, at the digits its shortest form has: 4.6 is
    /// 4.6, not 4.5999…; none for a negative or non-finite one, or one past 15 digits.
    pub fn from_decimal(value: f64) -> Option<Self> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        Self::parse(&format!("{value:?}"))
    }

    /// `2199`, `4.6`: digits, at most one dot, nothing else.
    pub fn parse(text: &str) -> Option<Self> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = format!("{whole}{fraction}");
        if whole.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Self {
            units: digits.parse().ok()?,
            scale: u32::try_from(fraction.len()).ok()?,
        })
    }

    /// The number at `scale` digits after the point: none when that loses digits.
    fn at_scale(self, scale: u32) -> Option<u64> {
        if scale >= self.scale {
            self.units
                .checked_mul(10u64.checked_pow(scale - self.scale)?)
        } else {
            let factor = 10u64.checked_pow(self.scale - scale)?;
            self.units
                .is_multiple_of(factor)
                .then_some(self.units / factor)
        }
    }

    /// How many digits after the point it needs (4.60 needs 1).
    pub fn decimals(self) -> u32 {
        let mut needed = self.scale;
        while needed > 0 && self.at_scale(needed - 1).is_some() {
            needed -= 1;
        }
        needed
    }

    /// The whole number it is, however written (9.0 is 9).
    pub fn whole_value(self) -> Option<u64> {
        self.at_scale(0)
    }

    /// The whole number it is, if it is one and was written as one.
    pub fn as_whole(self) -> Option<u64> {
        (self.scale == 0).then_some(self.units)
    }

    pub fn as_f64(self) -> f64 {
        // Figures are far below 2^53: the division is exact to the digits written.
        self.units as f64 / 10f64.powi(self.scale as i32)
    }

    /// As a JSON number: `2199`, `4.6`.
    pub fn json(self) -> serde_json::Number {
        match self.whole_value() {
            Some(whole) => serde_json::Number::from(whole),
            None => serde_json::Number::from_f64(self.as_f64()).unwrap_or(0.into()),
        }
    }

    /// As a program reads it: `2199`, `4.6`.
    pub fn plain(self) -> String {
        let decimals = self.decimals();
        let units = self.at_scale(decimals).unwrap_or(self.units);
        if decimals == 0 {
            return units.to_string();
        }
        let factor = 10u64.pow(decimals);
        format!(
            "{}.{:0width$}",
            units / factor,
            units % factor,
            width = decimals as usize
        )
    }

    /// The Vietnamese way: `2.199`, `4,6`.
    pub fn vietnamese(self) -> String {
        let plain = self.plain();
        let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
        let whole = crate::vi::format_integer(whole.parse().unwrap_or(i64::MAX));
        if fraction.is_empty() {
            whole
        } else {
            format!("{whole},{fraction}")
        }
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        let scale = self.scale.max(other.scale);
        self.at_scale(scale) == other.at_scale(scale)
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |n: Number| u128::from(n.units) * 10u128.pow(scale - n.scale);
        widen(*self).cmp(&widen(*other))
    }
}

impl Add for Number {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        let scale = self.scale.max(other.scale);
        // Counts of people cannot come near u64::MAX; saturating keeps a typo of
        // twenty digits from aborting the build.
        let units = match (self.at_scale(scale), other.at_scale(scale)) {
            (Some(a), Some(b)) => a.saturating_add(b),
            _ => u64::MAX,
        };
        Self { units, scale }
    }
}

/// A figure as an article reports it, or a sum of such figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    pub value: Number,
    /// None for an exact figure.
    pub qualifier: Option<Qualifier>,
}

impl Figure {
    pub fn exact(value: u64) -> Self {
        Self {
            value: Number::whole(value),
            qualifier: None,
        }
    }

    /// As front matter writes it: `trên 9000`, `4.6`.
    pub fn written(&self) -> String {
        match self.qualifier {
            Some(q) => format!("{q} {}", self.value.plain()),
            None => self.value.plain(),
        }
    }

    /// With its word, the Vietnamese way, without a unit: `trên 9.000`.
    pub fn text(&self) -> String {
        match self.qualifier {
            Some(q) => format!("{q} {}", self.value.vietnamese()),
            None => self.value.vietnamese(),
        }
    }
}

impl Add for Figure {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            value: self.value + other.value,
            qualifier: Qualifier::of_sum(self.qualifier, other.qualifier),
        }
    }
}

/// A figure equals a number when it is exactly that whole number.
#[cfg(test)]
impl PartialEq<u64> for Figure {
    fn eq(&self, other: &u64) -> bool {
        self.qualifier.is_none() && self.value.whole_value() == Some(*other)
    }
}

/// Reads `trên 9000`: the qualifier, then the number. A text that is only a number
/// (`"1.341"`) is refused as before: figures are written without quotes.
pub fn parse_qualified(text: &str) -> Result<Figure, String> {
    let text = crate::vi::nfc(text.trim()).into_owned();
    let (word, number) = match text.rsplit_once(char::is_whitespace) {
        Some((word, number)) => (word.trim(), number),
        None => ("", text.as_str()),
    };
    if word.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(not_a_number(&text));
    }
    let qualifier = parse_qualifier(word)?;
    let value = Number::parse(number).ok_or_else(|| not_a_number(&text))?;
    Ok(Figure {
        value,
        qualifier: Some(qualifier),
    })
}

/// A qualifier, or the error that names the ones there are and the nearest.
pub fn parse_qualifier(word: &str) -> Result<Qualifier, String> {
    Qualifier::parse(word).ok_or_else(|| {
        let words = Qualifier::ALL.map(Qualifier::word);
        let folded = crate::vi::fold(word);
        let help = match words
            .iter()
            .find(|w| crate::vi::fold(w) == folded)
            .copied()
            .or_else(|| nearest(word, words))
        {
            Some(name) => Msg::DidYouMean { name: name.into() },
            None => Msg::QualifiersAre {
                list: words.map(|w| format!("`{w}`")).join(", "),
            },
        };
        format!(
            "{}{HELP_SEPARATOR}{help}",
            Msg::QualifierUnknown { word: word.into() }
        )
    })
}

fn not_a_number(text: &str) -> String {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    let help = match digits.parse::<u64>() {
        Ok(value) => Msg::FigureWriteWithout { value },
        Err(_) => Msg::FigureWriteWhole,
    };
    format!(
        "{}{HELP_SEPARATOR}{help}",
        Msg::FigureNotNumber { text: text.into() }
    )
}

/// `{ value: 9000, qualifier: trên }`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    value: Plain,
    #[serde(default)]
    qualifier: Option<String>,
}

/// A number without a word, as `value:` holds it.
struct Plain(Number);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Without words the visitor reads no qualifier.
        let figure = deserializer.deserialize_any(FigureVisitor { words: false })?;
        Ok(Plain(figure.value))
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor { words: true })
    }
}

struct FigureVisitor {
    /// Whether the qualifier may be written: not inside `value:`.
    words: bool,
}

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = Figure;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number such as 2199, or `trên 9000`")
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Figure, E> {
        Ok(Figure::exact(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Figure, E> {
        u64::try_from(value).map(Figure::exact).map_err(|_| {
            E::custom(format!(
                "{}{HELP_SEPARATOR}{}",
                Msg::FigureNegative { value },
                Msg::FigureNegativeHelp {
                    value: value.unsigned_abs()
                }
            ))
        })
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Figure, E> {
        match Number::from_decimal(value) {
            Some(number) => Ok(Figure {
                value: number,
                qualifier: None,
            }),
            None => Err(E::custom(format!(
                "{}{HELP_SEPARATOR}{}",
                Msg::FigureNotWhole {
                    written: format!("{value:?}")
                },
                Msg::FigureCountsHelp
            ))),
        }
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Figure, E> {
        if self.words {
            parse_qualified(text).map_err(E::custom)
        } else {
            Err(E::custom(not_a_number(text)))
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Figure, A::Error> {
        if !self.words {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let written = Written::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let qualifier = match written.qualifier {
            Some(word) => Some(parse_qualifier(&word).map_err(de::Error::custom)?),
            None => None,
        };
        Ok(Figure {
            value: written.value.0,
            qualifier,
        })
    }
}

/// `teams: 2.199` is how 2199 is written in Vietnamese, but YAML reads a decimal: the
/// message and its help for a count written with decimals, quoting it as `typed` (YAML
/// has read `9.000` as 9.0; the officer must see what they wrote).
pub fn not_whole(value: Number, typed: &str) -> (Msg, Msg) {
    let written = match typed {
        "" => format!("{:?}", value.as_f64()),
        typed => typed.to_string(),
    };
    let help = match written.split_once('.') {
        Some((whole, fraction)) if fraction.len() <= 3 && value.decimals() > 0 => {
            let padded = format!("{fraction:0<3}");
            Msg::FigureDotHelp {
                written: written.clone(),
                value: format!("{}{padded}", whole.trim_start_matches('0')),
            }
        }
        _ => Msg::FigureCountsHelp,
    };
    (Msg::FigureNotWhole { written }, help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    fn read(yaml: &str) -> Result<Figure, String> {
        parse::<Figure>(yaml).map_err(|error| match error.help {
            Some(help) => format!("{}\nhelp: {help}", error.message),
            None => error.message,
        })
    }

    #[test]
    fn every_qualifier_reads_in_both_forms() {
        for qualifier in Qualifier::ALL {
            let word = qualifier.word();
            let expected = Figure {
                value: Number::whole(9000),
                qualifier: Some(qualifier),
            };
            assert_eq!(read(&format!("{word} 9000")), Ok(expected), "{word}");
            assert_eq!(
                read(&format!("{{ value: 9000, qualifier: {word} }}")),
                Ok(expected),
                "{word}"
            );
        }
        assert_eq!(read("9000"), Ok(Figure::exact(9000)));
        assert_eq!(read("{ value: 9000 }"), Ok(Figure::exact(9000)));
    }

    #[test]
    fn qualifiers_read_in_any_case_spacing_and_normal_form() {
        let nfd_tren = "tre\u{302}n 9000";
        assert_eq!(read(nfd_tren).unwrap().qualifier, Some(Qualifier::Tren));
        assert_eq!(read("Trên 9000").unwrap().qualifier, Some(Qualifier::Tren));
        assert_eq!(
            read("ít   nhất 12").unwrap().qualifier,
            Some(Qualifier::ItNhat)
        );
    }

    #[test]
    fn an_unknown_qualifier_is_an_error_with_a_suggestion() {
        assert_eq!(
            read("tren 9000").unwrap_err(),
            "unknown qualifier `tren`\nhelp: did you mean `trên`?"
        );
        assert_eq!(
            read("{ value: 9000, qualifier: khoang }").unwrap_err(),
            "unknown qualifier `khoang`\nhelp: did you mean `khoảng`?"
        );
        assert_eq!(
            read("chừng 9000").unwrap_err(),
            "unknown qualifier `chừng`\nhelp: qualifiers are `trên`, `hơn`, `ít nhất`, `khoảng`, `gần`, `dưới`"
        );
        assert_eq!(
            read("{ value: 9000, qualifer: trên }").unwrap_err(),
            "unknown field `qualifer`, expected `value` or `qualifier`"
        );
    }

    #[test]
    fn a_text_without_a_number_after_the_word_is_not_a_figure() {
        assert_eq!(
            read("trên chín nghìn").unwrap_err(),
            "a figure must be a number, got \"trên chín nghìn\"\nhelp: write a whole number such as 2199"
        );
        assert_eq!(
            read("\"1.341\"").unwrap_err(),
            "a figure must be a number, got \"1.341\"\nhelp: write 1341, without quotes or separators"
        );
        assert_eq!(
            read("{ value: trên 9000 }").unwrap_err(),
            "value: a figure must be a number, got \"trên 9000\"\nhelp: write a whole number such as 2199"
        );
    }

    #[test]
    fn decimals_are_kept_exactly_as_written() {
        let figure = read("khoảng 4.6").unwrap();
        assert_eq!(figure.value.units, 46);
        assert_eq!(figure.value.scale, 1);
        assert_eq!(figure.text(), "khoảng 4,6");
        assert_eq!(read("9.000").unwrap().value.as_whole(), None);
        assert_eq!(Number::parse("12500.25").unwrap().vietnamese(), "12.500,25");
        assert_eq!(Number::parse("4.60").unwrap().plain(), "4.6");
    }

    /// Each rule of docs/design.md "Qualified figures", worked by hand.
    #[test]
    fn sums_say_what_they_are() {
        let figure = |text: &str| read(text).unwrap();
        let sum = |parts: &[&str]| {
            parts
                .iter()
                .map(|p| figure(p))
                .reduce(|a, b| a + b)
                .unwrap()
                .text()
        };
        // Exact only if every part is.
        assert_eq!(sum(&["2199", "1341"]), "3.540");
        // Exact and at-least parts: trên.
        assert_eq!(sum(&["trên 9000", "3540"]), "trên 12.540");
        assert_eq!(sum(&["hơn 800", "ít nhất 28"]), "trên 828");
        // Any khoảng or at-most part: khoảng.
        assert_eq!(sum(&["trên 9000", "khoảng 3000"]), "khoảng 12.000");
        assert_eq!(sum(&["gần 500", "100"]), "khoảng 600");
        assert_eq!(sum(&["dưới 50", "trên 50"]), "khoảng 100");
        // Decimals add exactly.
        assert_eq!(sum(&["4.6", "0.4", "1.25"]), "6,25");
    }
}
