//! What each shortcode of an article becomes. The built-in ones check their arguments
//! and gather their data: `youtube` and `facebook` (a video shown privacy-first),
//! `document` (a file of the site, with its type and size), `figures` (a province's
//! latest figures). Any other name is a site's own template,
//! `templates/shortcodes/NAME.html`, given the arguments as written. The HTML of every
//! shortcode, built-in ones included, comes from its template under `shortcodes/`, so a
//! site may restyle them.
//!
//! Renders nothing itself: the templates are the caller's ([`Templates`]).

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostics::nearest;
use crate::i18n::Msg;
use crate::load::content::Article;
use crate::markdown::shortcodes::{Call, Expanded, Refusal};
use crate::provinces::Registry;
use crate::site::stats::{FigureValue, Statistics, figure_text};

/// The templates shortcodes render with.
pub trait Templates: Sync {
    /// The names of every `shortcodes/NAME.html` template, without folder or extension.
    fn shortcode_names(&self) -> Vec<String>;
    /// Renders `shortcodes/NAME.html` with `context`; the error in words.
    fn render_shortcode(&self, name: &str, context: &serde_json::Value) -> Result<String, String>;
}

/// What shortcodes draw on besides the article that calls them.
#[derive(Clone, Copy)]
pub struct Embeds<'a> {
    pub templates: &'a dyn Templates,
    pub statistics: Option<&'a Statistics>,
    pub registry: &'a Registry,
    /// The size in bytes of every document file under `content/`, by path.
    pub document_sizes: &'a HashMap<PathBuf, u64>,
    /// Files under `content/` that are not Markdown: output path -> file.
    pub assets: &'a HashMap<&'a str, &'a PathBuf>,
}

#[derive(Clone, Copy)]
enum BuiltIn {
    Youtube,
    Facebook,
    Document,
    Figures,
}

/// Each built-in shortcode: its name, the arguments it takes, an example.
const BUILT_IN: &[(&str, BuiltIn, &[&str], &str)] = &[
    (
        "youtube",
        BuiltIn::Youtube,
        &["id", "title"],
        "{{ youtube(id=\"dQw4w9WgXcQ\", title=\"Lễ ra mắt\") }}",
    ),
    (
        "facebook",
        BuiltIn::Facebook,
        &["url", "title"],
        "{{ facebook(url=\"https://www.facebook.com/…/videos/…\", title=\"Lễ ra mắt\") }}",
    ),
    (
        "document",
        BuiltIn::Document,
        &["src", "title"],
        "{{ document(src=\"ke-hoach.pdf\", title=\"Kế hoạch\") }}",
    ),
    (
        "figures",
        BuiltIn::Figures,
        &["province"],
        "{{ figures(province=\"Đắk Lắk\") }}",
    ),
];

/// Makes `call`, written in `article` (`None` for a home or section page).
pub fn expand(embeds: Embeds, article: Option<&Article>, call: &Call) -> Result<Expanded, Refusal> {
    let names = embeds.templates.shortcode_names();
    if !names.contains(&call.name) {
        let help = match nearest(&call.name, names.iter().map(String::as_str)) {
            Some(name) => Msg::DidYouMean { name: name.into() },
            None => Msg::ShortcodeKnown {
                list: names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        };
        return Err(refusal(
            Msg::ShortcodeUnknown {
                name: call.name.clone(),
            },
            Some(help),
        ));
    }
    let (context, text) = match BUILT_IN.iter().find(|(name, ..)| *name == call.name) {
        Some((_, which, allowed, example)) => {
            if let Some((key, value)) = call
                .args
                .iter()
                .find(|(key, _)| !allowed.contains(&key.as_str()))
            {
                return Err(bad_arg(call, key, &value.to_string(), example));
            }
            built_in(*which, embeds, article, call, example)?
        }
        None => {
            let args: serde_json::Map<String, serde_json::Value> = call
                .args
                .iter()
                .map(|(key, value)| (key.clone(), serde_json::to_value(value).unwrap_or_default()))
                .collect();
            (serde_json::Value::Object(args), String::new())
        }
    };
    let html = embeds
        .templates
        .render_shortcode(&call.name, &context)
        .map_err(|error| {
            refusal(
                Msg::ShortcodeFailed {
                    name: call.name.clone(),
                    error,
                },
                None,
            )
        })?;
    Ok(Expanded { html, text })
}

fn to_json(view: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(view).unwrap_or_default()
}

fn refusal(message: Msg, help: Option<Msg>) -> Refusal {
    Refusal {
        message: message.to_string(),
        help: help.map(|h| h.to_string()),
    }
}

fn bad_arg(call: &Call, arg: &str, value: &str, example: &str) -> Refusal {
    refusal(
        Msg::ShortcodeBadArg {
            name: call.name.clone(),
            arg: arg.into(),
            value: value.into(),
        },
        Some(Msg::ShortcodeExample {
            example: example.into(),
        }),
    )
}

fn required<'c>(call: &'c Call, arg: &str, example: &str) -> Result<&'c str, Refusal> {
    call.text(arg)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| {
            refusal(
                Msg::ShortcodeMissingArg {
                    name: call.name.clone(),
                    arg: arg.into(),
                },
                Some(Msg::ShortcodeExample {
                    example: example.into(),
                }),
            )
        })
}

#[derive(Serialize)]
struct Video<'a> {
    title: &'a str,
    /// Where the video is watched on its own site: the link without JavaScript.
    link: String,
    /// The player, loaded only when the reader asks for it.
    embed: String,
    /// The site's name as readers know it.
    host: &'static str,
}

#[derive(Serialize)]
struct Document<'a> {
    url: String,
    title: &'a str,
    /// `PDF`, `DOCX`, …
    kind: String,
    /// `1,2 MB`.
    size: String,
}

#[derive(Serialize)]
struct FigureBox<'a> {
    province: &'a str,
    url: String,
    figures: Vec<FigureLine<'a>>,
}

#[derive(Serialize)]
struct FigureLine<'a> {
    label: &'a str,
    value: FigureValue<'a>,
    /// The figure as the page shows it, for the search text.
    #[serde(skip)]
    text: String,
    as_of: String,
}

fn built_in(
    which: BuiltIn,
    embeds: Embeds,
    article: Option<&Article>,
    call: &Call,
    example: &str,
) -> Result<(serde_json::Value, String), Refusal> {
    let title = call.text("title");
    match which {
        BuiltIn::Youtube => {
            let id = required(call, "id", example)?;
            let valid = (6..=20).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid {
                return Err(bad_arg(call, "id", id, example));
            }
            let title = title.unwrap_or("Video");
            let video = Video {
                title,
                link: format!("https://www.youtube.com/watch?v={id}"),
                embed: format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
                host: "YouTube",
            };
            Ok((to_json(&video), title.to_string()))
        }
        BuiltIn::Facebook => {
            let url = required(call, "url", example)?;
            let hosts = [
                "https://www.facebook.com/",
                "https://facebook.com/",
                "https://m.facebook.com/",
                "https://fb.watch/",
            ];
            if !hosts.iter().any(|h| url.starts_with(h)) || url.contains(['"', '<', '>', ' ']) {
                return Err(bad_arg(call, "url", url, example));
            }
            let title = title.unwrap_or("Video");
            let video = Video {
                title,
                link: url.to_string(),
                embed: format!(
                    "https://www.facebook.com/plugins/video.php?href={}&show_text=false&autoplay=1",
                    percent_encode(url)
                ),
                host: "Facebook",
            };
            Ok((to_json(&video), title.to_string()))
        }
        BuiltIn::Document => {
            let src = required(call, "src", example)?;
            let missing = || {
                refusal(
                    Msg::DocumentMissing { src: src.into() },
                    Some(Msg::DocumentMissingHelp),
                )
            };
            let (url, file) = match src.strip_prefix('/') {
                Some(site_path) => {
                    let file = embeds.assets.get(site_path).copied().ok_or_else(missing)?;
                    (src.to_string(), file)
                }
                None => {
                    let article = article.ok_or_else(missing)?;
                    let (file, inside) = article
                        .bundle_files
                        .iter()
                        .find(|(_, inside)| inside == src)
                        .ok_or_else(missing)?;
                    (format!("{}{inside}", article.url), file)
                }
            };
            let size = embeds.document_sizes.get(file).copied().unwrap_or(0);
            let name = src.rsplit('/').next().unwrap_or(src);
            let document = Document {
                title: title.unwrap_or(name),
                kind: name
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_uppercase())
                    .unwrap_or_default(),
                size: human_size(size),
                url,
            };
            Ok((to_json(&document), document.title.to_string()))
        }
        BuiltIn::Figures => {
            let written = required(call, "province", example)?;
            let none = || {
                refusal(
                    Msg::FiguresNone {
                        province: written.into(),
                    },
                    Some(Msg::FiguresNoneHelp),
                )
            };
            let statistics = embeds.statistics.ok_or_else(none)?;
            let unit = embeds.registry.lookup(written).ok_or_else(none)?;
            let province = statistics
                .provinces
                .iter()
                .find(|p| p.name() == unit.name)
                .ok_or_else(none)?;
            let figures: Vec<FigureLine> = statistics
                .metrics
                .iter()
                .filter_map(|metric| {
                    province.shown.get(&metric.name).map(|report| FigureLine {
                        label: &metric.label,
                        text: figure_text(report.value, metric),
                        value: FigureValue::of(report.value, metric),
                        as_of: report.as_of.format("%Y-%m-%d").to_string(),
                    })
                })
                .collect();
            let text = format!(
                "{} {}",
                province.name(),
                figures
                    .iter()
                    .map(|f| format!("{} {}", f.label, f.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let view = FigureBox {
                province: province.name(),
                url: format!("{}{}/", statistics.url(), province.slug()),
                figures,
            };
            Ok((to_json(&view), text))
        }
    }
}

/// `1,2 MB`, `350 KB`, `900 B`, as Vietnamese write decimals.
fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let value = bytes as f64;
    if value >= KB * KB {
        format!("{} MB", crate::vi::format_decimal(value / KB / KB, 1))
    } else if value >= KB {
        format!(
            "{} KB",
            crate::vi::format_integer((value / KB).round() as i64)
        )
    } else {
        format!("{bytes} B")
    }
}

/// `text` with every byte but letters, digits and `-._~` written `%XX`, for an address
/// inside another's query.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_the_vietnamese_way() {
        assert_eq!(human_size(900), "900 B");
        assert_eq!(human_size(350 * 1024), "350 KB");
        assert_eq!(human_size(1_258_291), "1,2 MB");
    }

    #[test]
    fn an_address_inside_a_query_is_encoded() {
        assert_eq!(
            percent_encode("https://www.facebook.com/a/videos/1?x=y"),
            "https%3A%2F%2Fwww.facebook.com%2Fa%2Fvideos%2F1%3Fx%3Dy"
        );
    }
}
