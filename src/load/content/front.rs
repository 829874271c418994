//! The front matter of articles and sections as typed values: what an officer may write
//! between the `---` lines, and the checks that need nothing but the value itself.
//!
//! Pure: no I/O, no knowledge of other files or of templates.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::figure::Figure;
use crate::i18n::Msg;
use crate::load::yaml::HELP_SEPARATOR;

/// Front matter of an article or of a stand-alone page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFront {
    pub title: String,
    #[serde(default)]
    pub date: Option<DateValue>,
    #[serde(default)]
    pub updated: Option<DateValue>,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub stats: Option<Stats>,
    #[serde(default)]
    pub campaign: Option<Campaign>,
    #[serde(default)]
    pub image: Option<Image>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: serde_json::Value,
}

/// Front matter of `_index.md`: the home page or a section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFront {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub paginate_by: Option<usize>,
    /// `false` keeps a section for those who look for it (the officers' guide): off the
    /// home page, the default menu and the site's feed, linked from the footer instead.
    #[serde(default = "listed_by_default")]
    pub listed: bool,
    #[serde(default)]
    pub extra: serde_json::Value,
}

fn listed_by_default() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Ceremony,
    Campaign,
    Statistics,
    News,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ceremony => "ceremony",
            Self::Campaign => "campaign",
            Self::Statistics => "statistics",
            Self::News => "news",
        }
    }

    /// How the kind is named to readers.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ceremony => "Lễ ra mắt",
            Self::Campaign => "Phong trào thi đua",
            Self::Statistics => "Số liệu",
            Self::News => "Tin tức",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub motto: String,
    pub starts: DateValue,
    #[serde(default)]
    pub ends: Option<DateValue>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
}

/// Việt Nam's time (UTC+7, no daylight saving): a date written with another offset is
/// the same moment told in it, so `2024-07-01T23:30:00-05:00` is 2/7 to readers.
const VIETNAM: chrono::FixedOffset = match chrono::FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

/// A date, optionally with a time, as written in front matter; Việt Nam's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue(pub NaiveDateTime);

impl DateValue {
    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self(date.and_time(NaiveTime::MIN)));
        }
        for format in ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
            if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(Self(time));
            }
        }
        if let Ok(time) = chrono::DateTime::parse_from_rfc3339(text) {
            return Ok(Self(time.with_timezone(&VIETNAM).naive_local()));
        }
        Err(invalid_date_message(text))
    }
}

fn invalid_date_message(text: &str) -> String {
    let help = match NaiveDate::parse_from_str(text, "%d/%m/%Y") {
        Ok(date) => Msg::DateWriteAs {
            date: date.format("%Y-%m-%d").to_string(),
        },
        Err(_) => Msg::DateFormatHelp,
    };
    format!(
        "{}{HELP_SEPARATOR}{help}",
        Msg::InvalidDate { text: text.into() }
    )
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = DateValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2024-07-01")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<DateValue, E> {
                DateValue::parse(text).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, number: u64) -> Result<DateValue, E> {
                Err(E::custom(invalid_date_message(&number.to_string())))
            }
            fn visit_i64<E: de::Error>(self, number: i64) -> Result<DateValue, E> {
                Err(E::custom(invalid_date_message(&number.to_string())))
            }
            fn visit_f64<E: de::Error>(self, number: f64) -> Result<DateValue, E> {
                Err(E::custom(invalid_date_message(&number.to_string())))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// The figures an article reports for its province: `as_of`, `origin` and one figure
/// per metric declared in site.yaml (see `figure`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub as_of: Option<DateValue>,
    pub origin: Option<Origin>,
    pub figures: BTreeMap<String, Figure>,
}

/// Where the figures were first published: `{ name: Báo Tiền Phong, url: https://… }`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

impl<'de> Deserialize<'de> for Stats {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatsVisitor;
        impl<'de> Visitor<'de> for StatsVisitor {
            type Value = Stats;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`as_of` and figures such as `teams: 2199`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Stats, A::Error> {
                let mut stats = Stats::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "as_of" => stats.as_of = Some(map.next_value()?),
                        "origin" => stats.origin = Some(map.next_value()?),
                        _ => {
                            let figure: Figure = map.next_value()?;
                            stats.figures.insert(key, figure);
                        }
                    }
                }
                Ok(stats)
            }
        }
        deserializer.deserialize_map(StatsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    #[test]
    fn dates_with_and_without_time_parse() {
        let cases = [
            ("2024-07-01", "2024-07-01 00:00:00"),
            ("2024-07-01 08:30", "2024-07-01 08:30:00"),
            ("2024-07-01T08:30:05", "2024-07-01 08:30:05"),
            ("2024-07-01T08:30:05+07:00", "2024-07-01 08:30:05"),
            // Issue 27: another offset keeps its moment, told in Việt Nam's time.
            ("2024-07-01T23:30:00-05:00", "2024-07-02 11:30:00"),
            ("2024-07-01T00:30:00Z", "2024-07-01 07:30:00"),
        ];
        for (written, expected) in cases {
            assert_eq!(DateValue::parse(written).unwrap().0.to_string(), expected);
        }
    }

    #[test]
    fn impossible_and_vietnamese_dates_are_errors_with_the_fix() {
        assert_eq!(
            DateValue::parse("2024-13-45").unwrap_err(),
            "`2024-13-45` is not a valid date\nhelp: write it as YYYY-MM-DD, such as 2024-07-01, optionally followed by a time such as 08:30"
        );
        assert_eq!(
            DateValue::parse("1/7/2024").unwrap_err(),
            "`1/7/2024` is not a valid date\nhelp: write it as 2024-07-01"
        );
    }

    #[test]
    fn figures_read_with_their_origin_and_refuse_negatives_and_quotes() {
        let stats: Stats = parse(
            "as_of: 2024-07-01\nteams: 2199\nmembers: trên 9000\norigin: { name: Báo Tiền Phong, url: https://tienphong.vn/ }\n",
        )
        .unwrap();
        assert_eq!(stats.figures["teams"], Figure::exact(2199));
        assert_eq!(stats.figures["members"].text(), "trên 9.000");
        assert_eq!(stats.origin.unwrap().name, "Báo Tiền Phong");
        // Decimals are read as written; whether a metric takes them is checked against
        // site.yaml (`checks`).
        let stats: Stats = parse("teams: 2.199\n").unwrap();
        assert_eq!(stats.figures["teams"].value.as_whole(), None);
        let cases = [
            (
                "teams: -5",
                "teams: a figure cannot be negative, got -5\nhelp: write the count as reported, such as 5",
            ),
            (
                "teams: \"1.341\"",
                "teams: a figure must be a number, got \"1.341\"\nhelp: write 1341, without quotes or separators",
            ),
        ];
        for (yaml, message) in cases {
            let error = parse::<Stats>(yaml).unwrap_err();
            let shown = format!(
                "{}\nhelp: {}",
                error.message,
                error.help.unwrap_or_default()
            );
            assert_eq!(shown, message, "{yaml}");
        }
    }
}
