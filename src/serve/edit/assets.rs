//! The editing pages an officer uses: the list of articles, the form of one, "Bài mới",
//! and their scripts and style, all built into the binary (`include_str!`), so that the
//! editor works wherever `loa` does and requests nothing from another machine.
//!
//! The pages are HTML files in `assets/` with `{{key}}` where a word of the catalogue
//! goes ([`Label`]); the words go in here, escaped, in the officer's language, and the
//! scripts get every label at once as a JSON data block (`<script type="application/json"
//! id="labels">`), which a `default-src 'self'` policy allows since it never runs.
//! Scripts are plain modules, no inline script or style anywhere.
//!
//! Owns no I/O and no routing: the router gives the rest of the address after the
//! editor's base and serves what comes back. Everything the pages show of the site comes
//! from the editor's API.

use crate::i18n::{Label, Lang, Msg};
use crate::markdown::escape_html;

/// A page or file of the editor, ready to be served.
pub struct Asset {
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

const HTML: &str = "text/html; charset=utf-8";

/// The pages, by the address after the editor's base.
const PAGES: &[(&str, &str)] = &[
    ("", include_str!("assets/list.html")),
    ("article", include_str!("assets/form.html")),
    ("new", include_str!("assets/new.html")),
];

/// The files under `assets/`, with their content types.
const FILES: &[(&str, &str, &str)] = &[
    (
        "editor.css",
        "text/css; charset=utf-8",
        include_str!("assets/editor.css"),
    ),
    (
        "common.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/common.js"),
    ),
    (
        "combobox.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/combobox.js"),
    ),
    (
        "list.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/list.js"),
    ),
    (
        "new.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/new.js"),
    ),
    (
        "form.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/form.js"),
    ),
    (
        "body.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/body.js"),
    ),
];

/// The page or file at `rest` (the address after the editor's base, query included:
/// `article?path=…` is the form, whose script reads the path), or `None`.
pub fn page(rest: &str, lang: Lang) -> Option<Asset> {
    let name = rest.split(['?', '#']).next().unwrap_or_default();
    if let Some(file) = name.strip_prefix("assets/") {
        return FILES
            .iter()
            .find(|(known, _, _)| *known == file)
            .map(|(_, content_type, text)| Asset {
                content_type,
                body: text.as_bytes().to_vec(),
            });
    }
    PAGES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, template)| Asset {
            content_type: HTML,
            body: fill(template, lang).into_bytes(),
        })
}

/// `template` with each `{{key}}` replaced: `lang` by the language's code, `labels` by
/// every label as JSON, any other key by its label, escaped. An unknown key stays as it
/// is, for the tests to find.
fn fill(template: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 4096);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            break;
        };
        let key = &after[..close];
        match key {
            "lang" => out.push_str(code(lang)),
            "labels" => out.push_str(&labels_json(lang)),
            _ => match Label::ALL.iter().find(|label| label.key() == key) {
                Some(label) => out.push_str(&escape_html(&Msg::Editor(*label).text(lang))),
                None => out.push_str(&rest[open..open + 2 + close + 2]),
            },
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    }
}

/// Every label as one JSON object, safe inside a `<script>` element: no `<` at all, so
/// no `</script>` and no `<!--` can end it early.
fn labels_json(lang: Lang) -> String {
    let map: serde_json::Map<String, serde_json::Value> = Label::ALL
        .iter()
        .map(|label| {
            (
                label.key().to_owned(),
                Msg::Editor(*label).text(lang).into_owned().into(),
            )
        })
        .collect();
    serde_json::Value::Object(map)
        .to_string()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rest: &str, lang: Lang) -> String {
        let asset = page(rest, lang).unwrap_or_else(|| panic!("no page at {rest:?}"));
        String::from_utf8(asset.body).expect("UTF-8")
    }

    #[test]
    fn each_page_is_in_the_officers_language_with_every_word_filled_in() {
        for (rest, words) in [
            ("", "Bài viết và trang"),
            ("article?path=content%2Ftin-tuc%2Fa.md", "Xem trước"),
            ("new", "Tạo bài"),
        ] {
            let html = text(rest, Lang::Vi);
            assert!(
                html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
                "{rest}"
            );
            assert!(html.contains(words), "{rest}: {words}");
            assert!(!html.contains("{{"), "{rest}: a key without its label");
        }
        assert!(text("new", Lang::En).contains("<html lang=\"en\">"));
        assert!(text("new", Lang::En).contains(">Create</button>"));
    }

    #[test]
    fn the_labels_in_the_page_are_json_that_no_text_can_close() {
        let html = text("", Lang::Vi);
        let start = html.find("id=\"labels\">").expect("labels") + "id=\"labels\">".len();
        let json = &html[start..start + html[start..].find("</script>").expect("end")];
        assert!(!json.contains('<'));
        let labels: serde_json::Value = serde_json::from_str(json).expect("JSON");
        assert_eq!(labels["save_draft"], "Lưu làm bản nháp");
        assert_eq!(labels.as_object().map(|m| m.len()), Some(Label::ALL.len()));
    }

    #[test]
    fn every_label_is_used_by_a_page_or_a_script() {
        let sources: Vec<&str> = PAGES
            .iter()
            .map(|(_, text)| *text)
            .chain(FILES.iter().map(|(_, _, text)| *text))
            .collect();
        for label in Label::ALL {
            let key = label.key();
            let used = sources.iter().any(|source| {
                source.contains(&format!("{{{{{key}}}}}"))
                    || source.contains(&format!("labels.{key}"))
                    || source.contains(&format!("say(\"{key}\""))
            });
            assert!(
                used,
                "the label {key} is in the catalogue but no page shows it"
            );
        }
    }

    #[test]
    fn scripts_and_style_are_served_with_their_types_and_nothing_else_is() {
        assert_eq!(
            page("assets/form.js", Lang::Vi).map(|a| a.content_type),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(
            page("assets/editor.css", Lang::Vi).map(|a| a.content_type),
            Some("text/css; charset=utf-8")
        );
        for missing in [
            "assets/",
            "assets/../form.html",
            "form.html",
            "article/x",
            "api",
        ] {
            assert!(page(missing, Lang::Vi).is_none(), "{missing}");
        }
    }

    #[test]
    fn every_module_a_script_imports_is_served() {
        for (_, _, text) in FILES {
            for line in text.lines().filter(|line| line.contains(" from \"./")) {
                let name = line
                    .split("\"./")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next());
                let name = name.expect("an import's file");
                assert!(
                    FILES.iter().any(|(file, _, _)| *file == name),
                    "{name} is imported but not served"
                );
            }
        }
    }

    #[test]
    fn no_page_runs_inline_script_or_style() {
        for (rest, _) in PAGES {
            let html = text(rest, Lang::Vi);
            for found in html.match_indices("<script") {
                let tag = &html[found.0..found.0 + html[found.0..].find('>').expect("tag")];
                assert!(
                    tag.contains(" src=") || tag.contains("type=\"application/json\""),
                    "{rest}: {tag}"
                );
            }
            assert!(
                !html.contains("<style") && !html.contains(" style="),
                "{rest}"
            );
            for (at, _) in html.match_indices(" on") {
                let name: String = html[at + 3..]
                    .chars()
                    .take_while(char::is_ascii_lowercase)
                    .collect();
                let handler = html[at + 3 + name.len()..].starts_with('=');
                assert!(!handler || name.is_empty(), "{rest}: on{name}=");
            }
        }
    }
}
