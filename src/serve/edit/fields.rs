//! The form's fields (F of the editor's contract): read from a front matter, and
//! written back into it changing only the keys whose value changed.
//!
//! The YAML is read and written through `load::yaml` alone: its reader for the value,
//! its `edit` for the text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::load::yaml;
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
