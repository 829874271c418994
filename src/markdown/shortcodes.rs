//! Shortcodes, Tera style as in Zola: a paragraph whose every line is a call such as
//! `{{ youtube(id="dQw4w9WgXcQ") }}` becomes what the caller makes of each call (a
//! video, a document, a figures box). Written anywhere else, `{{` is text.
//!
//! Also the raw HTML that sanitising takes out and that a shortcode does better (an
//! `<iframe>`, a `<script>`, an `on…=` handler, a `javascript:` address), found so that
//! the caller can warn at its line.
//!
//! Pure: parses text; what a call becomes is the caller's.

use crate::i18n::Msg;

/// One argument's value: `"text"`, a whole number, `true` or `false`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
    Bool(bool),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Number(number) => write!(f, "{number}"),
            Self::Bool(value) => write!(f, "{value}"),
        }
    }
}

/// A call written in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub name: String,
    /// In the order written.
    pub args: Vec<(String, Arg)>,
}

impl Call {
    /// The text of argument `name`, when it is given as text.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(key, value)| match value {
            Arg::Text(text) if key == name => Some(text.as_str()),
            _ => None,
        })
    }
}

/// What a call became: its HTML and the text a reader sees in it (for search).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    pub html: String,
    pub text: String,
}

/// Why a call could not be made, in the officer's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub help: Option<String>,
}

/// A call that could not be made, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub refusal: Refusal,
    /// Byte range of the call in the Markdown text.
    pub offset: usize,
    pub len: usize,
}

/// What makes a call: a site's shortcodes, over its templates and data.
pub type Expand<'a> = dyn Fn(&Call) -> Result<Expanded, Refusal> + Sync + 'a;

/// Raw HTML that sanitising took out, and the shortcode that does it better.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// What was taken out, as written: `<iframe`, `<script`, `onclick=`, `javascript:`.
    pub what: String,
    /// `{{ youtube(id="…") }}`, … or none when no shortcode does what it tried.
    pub instead: Option<&'static str>,
    pub offset: usize,
    pub len: usize,
}

/// A call as read (or why it could not be), with its byte offset and length.
pub type Written = (Result<Call, Refusal>, usize, usize);

/// The calls of a paragraph whose every line is one, with each one's byte range inside
/// `text`; `None` when some line is something else. A line that looks like a call
/// (`{{ … }}`) but cannot be read is an error.
pub fn calls(text: &str) -> Option<Vec<Written>> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let inner = trimmed.strip_prefix("{{")?.strip_suffix("}}")?;
            let start = offset + (line.len() - line.trim_start().len());
            found.push((parse(inner.trim()), start, trimmed.len()));
        }
        offset += line.len();
    }
    (!found.is_empty()).then_some(found)
}

/// Calls written inside a paragraph that holds other text too, which stay text: the
/// byte range of each in `text`. Only what reads as a call counts, so that braces in
/// running text are not mistaken for one.
pub fn inline_calls(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find("{{").map(|at| from + at) {
        let Some(end) = text[start..].find("}}").map(|at| start + at + 2) else {
            break;
        };
        let inner = &text[start + 2..end - 2];
        if !inner.contains('\n') && parse(inner.trim()).is_ok() {
            found.push((start, end - start));
        }
        from = end;
    }
    found
}

/// `name(key="value", n=3, flag=true)`.
fn parse(text: &str) -> Result<Call, Refusal> {
    let unreadable = || Refusal {
        message: Msg::ShortcodeUnreadable {
            written: format!("{{{{ {text} }}}}"),
        }
        .to_string(),
        help: Some(Msg::ShortcodeUnreadableHelp.to_string()),
    };
    let (name, rest) = text.split_once('(').ok_or_else(unreadable)?;
    let name = name.trim();
    let args_text = rest.trim_end().strip_suffix(')').ok_or_else(unreadable)?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(unreadable());
    }
    let mut args = Vec::new();
    let mut rest = args_text.trim_start();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').ok_or_else(unreadable)?;
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(unreadable());
        }
        let after = after.trim_start();
        let (value, after) = match after.chars().next() {
            Some(quote @ ('"' | '\'' | '“' | '”')) => {
                let body = &after[quote.len_utf8()..];
                let end = body.find(['"', '\'', '“', '”']).ok_or_else(unreadable)?;
                let close = body[end..].chars().next().map_or(1, char::len_utf8);
                (Arg::Text(body[..end].to_string()), &body[end + close..])
            }
            _ => {
                let end = after.find(',').unwrap_or(after.len());
                let word = after[..end].trim();
                let value = match word {
                    "true" => Arg::Bool(true),
                    "false" => Arg::Bool(false),
                    number => Arg::Number(number.parse().map_err(|_| unreadable())?),
                };
                (value, &after[end..])
            }
        };
        args.push((key.to_string(), value));
        rest = after.trim_start();
        rest = match rest.strip_prefix(',') {
            Some(more) => more.trim_start(),
            None if rest.is_empty() => rest,
            None => return Err(unreadable()),
        };
    }
    Ok(Call {
        name: name.to_string(),
        args,
    })
}

/// What sanitising takes out of the raw HTML `html`, written at `offset`, that an
/// officer may have meant: each with the shortcode to use instead.
pub fn removed(html: &str, offset: usize) -> Vec<Removed> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut push = |at: usize, len: usize, instead: Option<&'static str>| {
        found.push(Removed {
            what: html[at..at + len].to_string(),
            instead,
            offset: offset + at,
            len,
        });
    };
    for (at, _) in lower.match_indices("<iframe") {
        let tag = &lower[at..lower[at..].find('>').map_or(lower.len(), |end| at + end)];
        let instead = if tag.contains("youtube") || tag.contains("youtu.be") {
            YOUTUBE
        } else if tag.contains("facebook") {
            FACEBOOK
        } else {
            DOCUMENT_OR_VIDEO
        };
        push(at, "<iframe".len(), Some(instead));
    }
    for tag in ["<embed", "<object"] {
        for (at, _) in lower.match_indices(tag) {
            push(at, tag.len(), Some(DOCUMENT));
        }
    }
    for (at, _) in lower.match_indices("<script") {
        push(at, "<script".len(), None);
    }
    for (at, _) in lower.match_indices("javascript:") {
        push(at, "javascript:".len(), None);
    }
    let bytes = lower.as_bytes();
    for (at, _) in lower.match_indices(" on") {
        let name_end = bytes[at + 3..]
            .iter()
            .position(|b| !b.is_ascii_lowercase())
            .map_or(bytes.len(), |i| at + 3 + i);
        if name_end > at + 3 && bytes.get(name_end) == Some(&b'=') {
            push(at + 1, name_end + 1 - (at + 1), None);
        }
    }
    found.sort_by_key(|r| r.offset);
    found
}

const YOUTUBE: &str = "{{ youtube(id=\"…\") }}";
const FACEBOOK: &str = "{{ facebook(url=\"…\") }}";
const DOCUMENT: &str = "{{ document(src=\"…\") }}";
const DOCUMENT_OR_VIDEO: &str =
    "{{ youtube(id=\"…\") }}, {{ facebook(url=\"…\") }} or {{ document(src=\"…\") }}";

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: &[(&str, Arg)]) -> Call {
        Call {
            name: name.into(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }

    #[test]
    fn calls_are_read_with_their_arguments() {
        let cases = [
            (
                "{{ youtube(id=\"dQw4w9WgXcQ\") }}",
                call("youtube", &[("id", Arg::Text("dQw4w9WgXcQ".into()))]),
            ),
            (
                "{{document(src='ke-hoach.pdf', title=\"Kế hoạch\")}}",
                call(
                    "document",
                    &[
                        ("src", Arg::Text("ke-hoach.pdf".into())),
                        ("title", Arg::Text("Kế hoạch".into())),
                    ],
                ),
            ),
            (
                "{{ hop(n=3, mo=true) }}",
                call("hop", &[("n", Arg::Number(3)), ("mo", Arg::Bool(true))]),
            ),
            ("{{ figures() }}", call("figures", &[])),
            // Smart punctuation is the rendering's; the source keeps what was typed, but
            // a word processor may have typed curly quotes.
            (
                "{{ figures(province=“Đắk Lắk”) }}",
                call("figures", &[("province", Arg::Text("Đắk Lắk".into()))]),
            ),
        ];
        for (text, expected) in cases {
            let found = calls(text).expect("a call");
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].0.as_ref().ok(), Some(&expected), "{text}");
        }
    }

    #[test]
    fn a_paragraph_with_other_text_has_no_calls() {
        assert_eq!(calls("Xem {{ youtube(id=\"a\") }} nhé"), None);
        assert_eq!(calls("{{ a() }}\nvà chữ"), None);
        assert_eq!(calls("{{ a() }}\n{{ b() }}\n").map(|c| c.len()), Some(2));
    }

    #[test]
    fn a_call_inside_running_text_is_found_and_braces_are_not() {
        let text = "Xem {{ youtube(id=\"abc\") }} ngay.\nGiá {{ không phải }} lệnh.";
        assert_eq!(inline_calls(text), vec![(4, 23)]);
        assert_eq!(&text[4..27], "{{ youtube(id=\"abc\") }}");
        assert!(inline_calls("{{ một\ndòng }}").is_empty());
    }

    #[test]
    fn a_call_that_cannot_be_read_is_refused() {
        for text in [
            "{{ youtube }}",
            "{{ youtube(id=\"a) }}",
            "{{ you tube() }}",
            "{{ a(b) }}",
            "{{ a(n=x) }}",
        ] {
            let found = calls(text).expect("looks like a call");
            assert!(found[0].0.is_err(), "{text}");
        }
    }

    #[test]
    fn what_sanitising_removes_is_found_with_the_shortcode_to_use() {
        let html = r#"<iframe src="https://www.youtube.com/embed/x"></iframe><a href="javascript:go()" onclick="x()">a</a>"#;
        let found: Vec<(String, Option<&str>)> = removed(html, 10)
            .into_iter()
            .map(|r| (r.what, r.instead))
            .collect();
        assert_eq!(
            found,
            [
                ("<iframe".to_string(), Some(YOUTUBE)),
                ("javascript:".to_string(), None),
                ("onclick=".to_string(), None),
            ]
        );
        assert_eq!(removed(r#"<p class="on">x</p>"#, 0), []);
    }
}
