//! The form's fields (F of the editor's contract): read from a front matter, and
//! written back into it changing only the keys whose value changed.
//!
//! The YAML is read and written through `load::yaml` alone: its reader for the value,
//! its `edit` for the text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::load::yaml::{self, edit::Yaml};
use crate::vi;

/// The fields the form shows. Keys it does not show stay in the file as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fields {
    pub title: String,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub province: Option<String>,
    pub location: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub stats: Option<Stats>,
    pub campaign: Option<Campaign>,
    pub image: Option<Image>,
    pub draft: bool,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stats {
    pub as_of: Option<String>,
    pub origin: Option<Origin>,
    pub figures: BTreeMap<String, Figure>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figure {
    /// As written: `3540`, `4.6`.
    pub value: String,
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Campaign {
    pub motto: String,
    pub starts: String,
    pub ends: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
}

/// The words a figure may carry, as the form offers them.
pub const QUALIFIERS: &[&str] = &["trên", "hơn", "ít nhất", "khoảng", "gần", "dưới"];

/// The usual order of the keys of an article's front matter (`loa new`'s), where a key
/// the form adds is placed.
const ORDER: &[&str] = &[
    "title", "date", "updated", "kind", "province", "location", "summary", "tags", "stats",
    "campaign", "image", "slug", "aliases", "draft", "extra",
];

impl Fields {
    /// The fields of the front matter `yaml`, as far as it can be read: a key whose
    /// value cannot be read is empty.
    pub fn read(yaml: &str) -> Self {
        let reading = yaml::parse_all::<Value>(yaml);
        let value = reading.value.unwrap_or(Value::Null);
        Self::from_value(&value).normalized()
    }

    fn from_value(value: &Value) -> Self {
        let text = |v: Option<&Value>| -> Option<String> {
            match v? {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        };
        let get = |key: &str| value.get(key);
        let tags = match get("tags") {
            Some(Value::Array(items)) => items.iter().filter_map(|i| text(Some(i))).collect(),
            Some(other) => text(Some(other)).into_iter().collect(),
            None => Vec::new(),
        };
        let stats = get("stats").and_then(Value::as_object).map(|stats| {
            let origin = stats
                .get("origin")
                .and_then(Value::as_object)
                .map(|o| Origin {
                    name: text(o.get("name")).unwrap_or_default(),
                    url: text(o.get("url")),
                });
            let figures = stats
                .iter()
                .filter(|(key, _)| *key != "as_of" && *key != "origin")
                .filter_map(|(key, value)| Some((key.clone(), figure(value)?)))
                .collect();
            Stats {
                as_of: text(stats.get("as_of")),
                origin,
                figures,
            }
        });
        let campaign = get("campaign")
            .and_then(Value::as_object)
            .map(|c| Campaign {
                motto: text(c.get("motto")).unwrap_or_default(),
                starts: text(c.get("starts")).unwrap_or_default(),
                ends: text(c.get("ends")),
            });
        let image = get("image").and_then(Value::as_object).map(|i| Image {
            src: text(i.get("src")).unwrap_or_default(),
            alt: text(i.get("alt")).unwrap_or_default(),
            caption: text(i.get("caption")),
        });
        Self {
            title: text(get("title")).unwrap_or_default(),
            date: text(get("date")),
            kind: text(get("kind")),
            province: text(get("province")),
            location: text(get("location")),
            tags,
            summary: text(get("summary")),
            stats,
            campaign,
            image,
            draft: get("draft").and_then(Value::as_bool).unwrap_or(false),
            slug: text(get("slug")),
        }
    }

    /// The fields with every text in NFC and empty optional values taken as absent:
    /// what the form sends and what the file holds compare equal when they say the same.
    pub fn normalized(&self) -> Self {
        let nfc = |s: &str| vi::nfc(s).into_owned();
        let some = |s: &Option<String>| s.as_deref().map(nfc).filter(|s| !s.trim().is_empty());
        let stats = self.stats.as_ref().map(|stats| Stats {
            as_of: some(&stats.as_of),
            origin: stats
                .origin
                .as_ref()
                .map(|o| Origin {
                    name: nfc(&o.name),
                    url: some(&o.url),
                })
                .filter(|o| !o.name.trim().is_empty() || o.url.is_some()),
            figures: stats
                .figures
                .iter()
                .filter(|(_, f)| !f.value.trim().is_empty())
                .map(|(k, f)| {
                    (
                        k.clone(),
                        Figure {
                            value: nfc(f.value.trim()),
                            qualifier: some(&f.qualifier),
                        },
                    )
                })
                .collect(),
        });
        let stats =
            stats.filter(|s| s.as_of.is_some() || s.origin.is_some() || !s.figures.is_empty());
        let campaign = self
            .campaign
            .as_ref()
            .map(|c| Campaign {
                motto: nfc(&c.motto),
                starts: nfc(&c.starts),
                ends: some(&c.ends),
            })
            .filter(|c| {
                !c.motto.trim().is_empty() || !c.starts.trim().is_empty() || c.ends.is_some()
            });
        let image = self
            .image
            .as_ref()
            .map(|i| Image {
                src: nfc(&i.src),
                alt: nfc(&i.alt),
                caption: some(&i.caption),
            })
            .filter(|i| {
                !i.src.trim().is_empty() || !i.alt.trim().is_empty() || i.caption.is_some()
            });
        Self {
            title: nfc(&self.title),
            date: some(&self.date),
            kind: some(&self.kind),
            province: some(&self.province),
            location: some(&self.location),
            tags: self
                .tags
                .iter()
                .map(|t| nfc(t))
                .filter(|t| !t.trim().is_empty())
                .collect(),
            summary: some(&self.summary),
            stats,
            campaign,
            image,
            draft: self.draft,
            slug: some(&self.slug),
        }
    }

    /// The fields in the shape of the YAML that holds them, in the usual order; figures
    /// in the order of `metrics` (site.yaml's), others after them by name.
    fn shape(&self, metrics: &[String]) -> Vec<(String, Yaml)> {
        let mut out: Vec<(String, Yaml)> = Vec::new();
        let mut put = |key: &str, value: Option<Yaml>| {
            if let Some(value) = value {
                out.push((key.to_string(), value));
            }
        };
        let text = |s: &Option<String>| s.clone().map(Yaml::Text);
        put("title", Some(Yaml::Text(self.title.clone())));
        put("date", self.date.as_deref().map(date));
        put("kind", text(&self.kind));
        put("province", text(&self.province));
        put("location", text(&self.location));
        put("summary", text(&self.summary));
        put(
            "tags",
            (!self.tags.is_empty()).then(|| Yaml::List(self.tags.clone())),
        );
        put(
            "stats",
            self.stats.as_ref().map(|stats| {
                let mut map = Vec::new();
                if let Some(as_of) = &stats.as_of {
                    map.push(("as_of".to_string(), date(as_of)));
                }
                let mut figures: Vec<_> = stats.figures.iter().collect();
                figures.sort_by_key(|(metric, _)| {
                    metrics
                        .iter()
                        .position(|m| m == *metric)
                        .unwrap_or(usize::MAX)
                });
                for (metric, figure) in figures {
                    map.push((metric.clone(), figure_yaml(figure)));
                }
                if let Some(origin) = &stats.origin {
                    let mut o = vec![("name".to_string(), Yaml::Text(origin.name.clone()))];
                    if let Some(url) = &origin.url {
                        o.push(("url".to_string(), Yaml::Text(url.clone())));
                    }
                    map.push(("origin".to_string(), Yaml::Map(o)));
                }
                Yaml::Map(map)
            }),
        );
        put(
            "campaign",
            self.campaign.as_ref().map(|c| {
                let mut map = vec![
                    ("motto".to_string(), Yaml::Text(c.motto.clone())),
                    ("starts".to_string(), date(&c.starts)),
                ];
                if let Some(ends) = &c.ends {
                    map.push(("ends".to_string(), date(ends)));
                }
                Yaml::Map(map)
            }),
        );
        put(
            "image",
            self.image.as_ref().map(|i| {
                let mut map = vec![
                    ("src".to_string(), Yaml::Text(i.src.clone())),
                    ("alt".to_string(), Yaml::Text(i.alt.clone())),
                ];
                if let Some(caption) = &i.caption {
                    map.push(("caption".to_string(), Yaml::Text(caption.clone())));
                }
                Yaml::Map(map)
            }),
        );
        put("slug", text(&self.slug));
        put("draft", self.draft.then_some(Yaml::Bool(true)));
        out
    }
}

/// A figure as the file may hold it: `2199`, `trên 9000`, `{ value: 9000, qualifier: trên }`.
fn figure(value: &Value) -> Option<Figure> {
    match value {
        Value::Number(n) => Some(Figure {
            value: n.to_string(),
            qualifier: None,
        }),
        Value::String(s) => {
            let s = vi::nfc(s.trim()).into_owned();
            let lower = s.to_lowercase();
            for word in QUALIFIERS {
                if let Some(rest) = lower.strip_prefix(word)
                    && rest.starts_with(' ')
                {
                    return Some(Figure {
                        value: s[word.len()..].trim().to_string(),
                        qualifier: Some(word.to_string()),
                    });
                }
            }
            Some(Figure {
                value: s,
                qualifier: None,
            })
        }
        Value::Object(map) => Some(Figure {
            value: match map.get("value")? {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => return None,
            },
            qualifier: map
                .get("qualifier")
                .and_then(Value::as_str)
                .map(str::to_string),
        }),
        _ => None,
    }
}

/// A date written plain when it is one (`2024-07-01`, `2024-07-01 08:30`), else quoted.
fn date(text: &str) -> Yaml {
    let is_date = text.len() >= 10
        && text.is_char_boundary(10)
        && chrono::NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").is_ok()
        && text[10..]
            .chars()
            .all(|c| c.is_ascii_digit() || " :T+-Z.".contains(c))
        && yaml::parse::<Value>(&format!("k: {text}"))
            .is_ok_and(|read| read == serde_json::json!({ "k": text }));
    if is_date {
        Yaml::Raw(text.to_string())
    } else {
        Yaml::Text(text.to_string())
    }
}

/// A figure written as a number when it is one, else as text with its word.
fn figure_yaml(figure: &Figure) -> Yaml {
    // Only a number YAML reads back as written (`2199`, `4.6`; not `9.000`, which it
    // reads as 9) is written plain; any other text is quoted, for `build` to judge.
    let number = figure.value.chars().all(|c| c.is_ascii_digit() || c == '.')
        && matches!(
            yaml::parse::<Value>(&figure.value),
            Ok(Value::Number(n)) if n.to_string() == figure.value
        );
    match (&figure.qualifier, number) {
        (None, true) => Yaml::Raw(figure.value.clone()),
        (None, false) => Yaml::Text(figure.value.clone()),
        (Some(word), _) => Yaml::Text(format!("{word} {}", figure.value)),
    }
}

/// The text of a Markdown file whose front matter held `old` and must hold `new`, with
/// `body` after it. `front` is the file's front matter with its fences, as on disk;
/// `metrics` the site's, in the order figures are written.
pub fn write(front: &str, old: &Fields, new: &Fields, body: &str, metrics: &[String]) -> String {
    let newline = if front.contains("\r\n") { "\r\n" } else { "\n" };
    let first_end = front.find('\n').map_or(front.len(), |i| i + 1);
    let closing = front[..front.len().saturating_sub(1)]
        .rfind('\n')
        .map_or(first_end, |i| i + 1)
        .max(first_end);
    let yaml = &front[first_end..closing];
    let edited = yaml::edit::edit(
        yaml,
        &old.shape(metrics),
        &new.shape(metrics),
        ORDER,
        newline,
    );
    format!("{}{edited}{}{body}", &front[..first_end], &front[closing..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(yaml: &str) -> String {
        format!("---\n{yaml}---\nThân bài.\n")
    }

    fn save(text: &str, change: impl Fn(&mut Fields)) -> String {
        let split = yaml::split(text).expect("a front matter");
        let old = Fields::read(split.yaml);
        let mut new = old.clone();
        change(&mut new);
        write(
            &text[..split.body_offset],
            &old,
            &new.normalized(),
            split.body,
            &["teams".to_string(), "members".to_string()],
        )
    }

    #[test]
    fn unchanged_fields_give_the_same_bytes() {
        let text = file(
            "title: \"Lễ ra mắt: Đắk Lắk\"   # tiêu đề\ndate: 2024-07-01\nkind: ceremony\nprovince:            # tỉnh\ntags: [lễ ra mắt, 'Tây Nguyên']\nstats:\n  as_of: 2024-07-01\n  teams: 2199\n  members: { value: 9000, qualifier: trên }\n  funding: hơn 4.6\nextra: { a: 1 }\ndraft: true          # đổi thành false để đăng bài\n",
        );
        assert_eq!(save(&text, |_| {}), text);
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(save(&crlf, |_| {}), crlf);
    }

    #[test]
    fn new_figures_are_written_in_the_order_site_yaml_declares_them() {
        let text = file("title: A\ndate: 2024-07-01\n");
        let saved = save(&text, |f| {
            let figure = |value: &str| Figure {
                value: value.into(),
                qualifier: None,
            };
            let figures = [("members", figure("9000")), ("teams", figure("2199"))];
            f.stats = Some(Stats {
                figures: figures.map(|(k, v)| (k.to_string(), v)).into(),
                ..Stats::default()
            });
        });
        assert!(
            saved.contains("stats:\n  teams: 2199\n  members: 9000\n"),
            "{saved}"
        );
    }

    #[test]
    fn every_written_text_reads_back_as_the_fields() {
        let titles = [
            "Đắk Lắk: ra mắt lực lượng",
            "\"Trích dẫn\" ở đầu",
            "Số #1",
            "- gạch đầu dòng",
            "2024-07-01",
            "2199",
            "yes",
            "Tiêu đề 'nháy đơn'",
            "Cuối có dấu hai chấm:",
            "[ngoặc]",
            "Tab\tbên trong",
            "De\u{301}",
        ];
        let start = file("title: Cũ\ndate: 2024-07-01\n# ghi chú\ndraft: true\n");
        for title in titles {
            let saved = save(&start, |f| {
                f.title = title.to_string();
                f.tags = vec![title.to_string(), "a, b".to_string()];
                f.province = Some("Đắk Lắk".into());
                f.draft = false;
                f.image = Some(Image {
                    src: "anh.jpg".into(),
                    alt: title.into(),
                    caption: None,
                });
                f.stats = Some(Stats {
                    as_of: Some("2024-07-01".into()),
                    origin: Some(Origin {
                        name: "Báo Tiền Phong".into(),
                        url: Some("https://tienphong.vn/".into()),
                    }),
                    figures: [
                        (
                            "teams".to_string(),
                            Figure {
                                value: "3540".into(),
                                qualifier: None,
                            },
                        ),
                        (
                            "members".to_string(),
                            Figure {
                                value: "9.000".into(),
                                qualifier: None,
                            },
                        ),
                        (
                            "funding".to_string(),
                            Figure {
                                value: "4.6".into(),
                                qualifier: Some("hơn".into()),
                            },
                        ),
                    ]
                    .into(),
                });
            });
            let split = yaml::split(&saved).expect("a front matter");
            let read = Fields::read(split.yaml);
            assert_eq!(read.title, vi::nfc(title), "{saved}");
            assert_eq!(
                read.tags,
                vec![vi::nfc(title).into_owned(), "a, b".into()],
                "{saved}"
            );
            assert_eq!(
                read.image.as_ref().map(|i| i.alt.as_str()),
                Some(&*vi::nfc(title))
            );
            assert!(!read.draft);
            assert!(saved.contains("# ghi chú\n"), "{saved}");
            assert!(saved.ends_with("---\nThân bài.\n"), "{saved}");
            let stats = read.stats.expect("stats");
            assert_eq!(stats.figures["funding"].value, "4.6");
            assert_eq!(stats.figures["teams"].value, "3540");
            assert_eq!(stats.figures["members"].value, "9.000");
            assert!(saved.contains("  members: \"9.000\"\n"), "{saved}");
            assert!(saved.contains("  teams: 3540\n"), "{saved}");
        }
    }

    /// Characters that YAML reads in a special way somewhere, and Vietnamese letters
    /// composed and decomposed.
    const CHARACTERS: &[char] = &[
        'a', 'Đ', 'ắ', 'e', '\u{301}', ' ', ':', '#', '-', '"', '\'', '[', ']', '{', '}', ',',
        '\n', '\t', '\r', '\\', '?', '!', '&', '*', '|', '>', '%', '@', '`', '0', '1', '.',
        '\u{7f}', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}', '~', '=',
    ];
    const WORDS: &[&str] = &[
        "",
        "true",
        "null",
        "yes",
        "2024-07-01",
        "2199",
        "4.6",
        "- ",
        "~",
    ];

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        (
            proptest::sample::select(WORDS),
            proptest::collection::vec(proptest::sample::select(CHARACTERS), 0..12),
        )
            .prop_map(|(word, chars)| format!("{word}{}", chars.into_iter().collect::<String>()))
    }

    proptest::proptest! {
        #[test]
        fn any_fields_read_back_from_the_text_written(
            title in text(),
            location in text(),
            summary in text(),
            tags in proptest::collection::vec(text(), 0..4),
            alt in text(),
            draft in proptest::bool::ANY,
        ) {
            let start = file("title: Cũ   # tiêu đề\n# ghi chú\ndate: 2024-07-01\nextra: { a: 1 }\n");
            let saved = save(&start, |f| {
                f.title = title.clone();
                f.location = Some(location.clone());
                f.summary = Some(summary.clone());
                f.tags = tags.clone();
                f.image = Some(Image { src: "anh.jpg".into(), alt: alt.clone(), caption: Some(alt.clone()) });
                f.draft = draft;
            });
            let split = yaml::split(&saved).expect("a front matter");
            let mut wanted = Fields::read(yaml::split(&start).expect("start").yaml);
            wanted.title = title;
            wanted.location = Some(location);
            wanted.summary = Some(summary);
            wanted.tags = tags;
            wanted.image = Some(Image { src: "anh.jpg".into(), alt: alt.clone(), caption: Some(alt) });
            wanted.draft = draft;
            proptest::prop_assert_eq!(Fields::read(split.yaml), wanted.normalized(), "{}", saved);
            proptest::prop_assert!(saved.contains("# ghi chú\ndate: 2024-07-01\n"), "{}", saved);
            proptest::prop_assert!(saved.contains("extra: { a: 1 }\n"), "{}", saved);
        }
    }

    #[test]
    fn dates_are_written_plain_only_when_they_read_back_as_typed() {
        let cases = [
            ("2024-07-01", "date: 2024-07-01\n"),
            ("2024-07-01 08:30", "date: 2024-07-01 08:30\n"),
            (
                "2024-07-01T23:30:00-05:00",
                "date: 2024-07-01T23:30:00-05:00\n",
            ),
            ("2024-07-01 :", "date: \"2024-07-01 :\"\n"),
            ("2024-07-01  ", "date: \"2024-07-01  \"\n"),
            ("1/7/2024", "date: \"1/7/2024\"\n"),
        ];
        for (date, line) in cases {
            let saved = save(&file("title: A\n"), |f| f.date = Some(date.to_string()));
            assert!(saved.contains(line), "{date:?}: {saved}");
            let split = yaml::split(&saved).expect("a front matter");
            assert_eq!(Fields::read(split.yaml).date.as_deref(), Some(date));
        }
    }

    #[test]
    fn a_removed_field_removes_its_lines() {
        let text = file("title: A\nimage:\n  src: anh.jpg\n  alt: Ảnh\nslug: a\n");
        let saved = save(&text, |f| f.image = None);
        assert_eq!(saved, file("title: A\nslug: a\n"));
    }
}
