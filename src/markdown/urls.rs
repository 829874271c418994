//! Which addresses a link or an image of an article may hold: the scheme of each,
//! decided as a browser decides it, checked against the few schemes loa allows. A
//! refused link keeps its text and loses its link; a refused image shows its alt text.
//!
//! An allow-list, not a list of dangerous schemes: `javascript:`, `vbscript:` and
//! `data:` are the known ones, but browsers and operating systems keep adding schemes
//! that open programs (`ms-msdt:` ran code on Windows in 2022), and a scheme missing
//! from a deny-list is a hole nobody sees, while one missing from an allow-list is an
//! error message an officer asks about.
//!
//! Pure, like the rest of the Markdown pass: returns what it refused, and the caller
//! reports it (with file, line and column).

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, RefDefs, Tag, TagEnd};

/// What an address is for: an image may come from fewer places than a link may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// A link or image taken out because of its address, and where the address is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedUrl {
    /// The address as Markdown gives it (entities decoded): `javascript:alert(1)`.
    pub url: String,
    /// The scheme as a browser reads it, lower case: `javascript` for `JaVa&#x53;cript:`.
    pub scheme: String,
    pub used: UrlUse,
    /// Byte range in the Markdown text: the link or image, or for a reference link
    /// (`[text][id]`) the definition that gives the address (`[id]: …`), where the fix is.
    pub offset: usize,
    pub len: usize,
}

/// The schemes a link may use. Anything without a scheme (`/tin-tuc/`, `#so-lieu`,
/// `anh.jpg`, `@/tin-tuc/a.md`, `//example.gov.vn/`) is an address on the site or the
/// web and is allowed.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];
/// The schemes an image may use; `data:` too when its type is `image/…`.
const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// The scheme of `url` when it is not allowed for `used`; `None` when it is.
pub fn refused_scheme(url: &str, used: UrlUse) -> Option<String> {
    // Nearly every address: quick to accept without copying it.
    if url.starts_with("https://") || url.starts_with("http://") {
        return None;
    }
    let read = as_a_browser_reads(url);
    let (scheme, rest) = split_scheme(&read)?;
    let allowed = match used {
        UrlUse::Link => LINK_SCHEMES.contains(&scheme.as_str()),
        UrlUse::Image => {
            IMAGE_SCHEMES.contains(&scheme.as_str())
                || (scheme == "data" && rest.to_ascii_lowercase().starts_with(b"image/"))
        }
    };
    (!allowed).then_some(scheme)
}

/// Whether a page that links to an address of `scheme` lets the address run code in the
/// reader's browser: the schemes that made loa refuse links, and that messages explain.
pub fn runs_code(scheme: &str) -> bool {
    matches!(scheme, "javascript" | "vbscript" | "data")
}

/// Whether `url` has a scheme at all, allowed or not: `https://…` and `javascript:…` do,
/// `anh.jpg` and `/anh/a.jpg` do not.
pub fn has_scheme(url: &str) -> bool {
    split_scheme(&as_a_browser_reads(url)).is_some()
}

/// `url` as a browser would read its scheme, and stricter: character references
/// decoded, then percent escapes, until neither is left; then every ASCII space and
/// control character removed. A browser decodes the references of an attribute once,
/// removes tabs and newlines anywhere and other controls only at the ends, and never
/// decodes percent escapes in a scheme: reading more than it does can only refuse a
/// harmless address that looks like a dangerous one, never let a dangerous one through.
fn as_a_browser_reads(url: &str) -> Vec<u8> {
    let mut text = url.to_string();
    // Each round removes at least one `&` or `%`; a few rounds undo any real nesting.
    for _ in 0..4 {
        let decoded = percent_decode(&decode_references(&text));
        if decoded == text {
            break;
        }
        text = decoded;
    }
    text.bytes().filter(|b| *b > b' ' && *b != 0x7f).collect()
}

/// [`super::decode_entities`], and the three named references of HTML5 that write a
/// scheme's colon or the whitespace a browser removes, which it does not know.
fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    super::decode_entities(text)
        .replace("&colon;", ":")
        .replace("&Tab;", "\t")
        .replace("&NewLine;", "\n")
}

/// `%3A` -> `:`; bytes that do not make UTF-8 become U+FFFD, which no scheme holds.
pub(super) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) if hex(high).is_some() && hex(low).is_some() => {
                out.push((hex(high).unwrap_or(0) * 16 + hex(low).unwrap_or(0)) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The scheme, lower case, and what follows its colon: as the URL standard reads it, an
/// ASCII letter then letters, digits, `+`, `-` or `.`, up to the first `:`. Anything else
/// before the first colon (`/`, `?`, `#`, `@`) makes the address relative.
fn split_scheme(url: &[u8]) -> Option<(String, &[u8])> {
    let colon = url.iter().position(|b| *b == b':')?;
    let scheme = &url[..colon];
    let well_formed = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    well_formed.then(|| {
        (
            String::from_utf8_lossy(scheme).to_ascii_lowercase(),
            &url[colon + 1..],
        )
    })
}

/// Takes out of `events` every link and image whose address is refused, keeping what
/// they hold (a link's text, an image's alt text) in their place, and returns them in
/// the order written. A reference definition used several times is returned once.
///
/// The link is taken away rather than pointed at `#`: a reader who taps a link that
/// jumps to the top of the page thinks the site is broken, while words without a link
/// read as what they are; and an image shows its description instead of a broken icon.
pub(super) fn refuse_unsafe(
    events: &mut Vec<(Event<'_>, Range<usize>)>,
    definitions: &RefDefs<'_>,
) -> Vec<RefusedUrl> {
    let mut refused: Vec<RefusedUrl> = Vec::new();
    // Whether each open link or image is taken out: images may hold links, in their
    // alt text, and links images.
    let mut open: Vec<bool> = Vec::new();
    let mut removed: Vec<usize> = Vec::new();
    for (index, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(
                tag @ (Tag::Link {
                    link_type,
                    dest_url,
                    id,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    id,
                    ..
                }),
            ) => {
                let used = match tag {
                    Tag::Image { .. } => UrlUse::Image,
                    _ => UrlUse::Link,
                };
                // An e-mail autolink is written `mailto:` + its address by the HTML writer.
                let scheme = match link_type {
                    LinkType::Email => None,
                    _ => refused_scheme(dest_url, used),
                };
                open.push(scheme.is_some());
                let Some(scheme) = scheme else { continue };
                removed.push(index);
                let written = match link_type {
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                        definitions.get(id).map(|d| d.span.clone())
                    }
                    _ => None,
                }
                .unwrap_or_else(|| range.clone());
                if !refused.iter().any(|r| r.offset == written.start) {
                    refused.push(RefusedUrl {
                        url: dest_url.to_string(),
                        scheme,
                        used,
                        offset: written.start,
                        len: written.len(),
                    });
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                removed.extend((open.pop() == Some(true)).then_some(index));
            }
            _ => {}
        }
    }
    if !removed.is_empty() {
        let mut index = 0;
        events.retain(|_| {
            let keep = removed.binary_search(&index).is_err();
            index += 1;
            keep
        });
        refused.sort_by_key(|r| r.offset);
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        let cases: &[(&str, UrlUse, Option<&str>)] = &[
            ("https://example.gov.vn/", UrlUse::Link, None),
            ("HTTPS://example.gov.vn/", UrlUse::Link, None),
            ("mailto:ban@example.gov.vn", UrlUse::Link, None),
            ("tel:+842838290000", UrlUse::Link, None),
            ("/tin-tuc/", UrlUse::Link, None),
            ("#so-lieu", UrlUse::Link, None),
            ("@/tin-tuc/a.md#so-lieu", UrlUse::Link, None),
            ("bao-cao.pdf", UrlUse::Link, None),
            ("//example.gov.vn/", UrlUse::Link, None),
            ("?trang=2", UrlUse::Link, None),
            ("/a:b", UrlUse::Link, None),
            ("javascript:alert(21)", UrlUse::Link, Some("javascript")),
            ("JaVaScRiPt:alert(21)", UrlUse::Link, Some("javascript")),
            ("javascript&#58;alert(21)", UrlUse::Link, Some("javascript")),
            (
                "javascript&colon;alert(21)",
                UrlUse::Link,
                Some("javascript"),
            ),
            (
                "javascript&amp;#58;alert(21)",
                UrlUse::Link,
                Some("javascript"),
            ),
            ("java%73cript:alert(21)", UrlUse::Link, Some("javascript")),
            ("javascript%3Aalert(21)", UrlUse::Link, Some("javascript")),
            (
                " \u{1}java\tscr\nipt:alert(21)",
                UrlUse::Link,
                Some("javascript"),
            ),
            (
                "java&Tab;script:alert(21)",
                UrlUse::Link,
                Some("javascript"),
            ),
            ("vbscript:msgbox(21)", UrlUse::Link, Some("vbscript")),
            (
                "data:text/html,<script>alert(21)</script>",
                UrlUse::Link,
                Some("data"),
            ),
            (
                "data:image/png;base64,iVBORw0KGgo=",
                UrlUse::Link,
                Some("data"),
            ),
            ("data:image/png;base64,iVBORw0KGgo=", UrlUse::Image, None),
            ("DATA:Image/svg+xml,<svg/>", UrlUse::Image, None),
            (
                "data:text/html,<script>alert(21)</script>",
                UrlUse::Image,
                Some("data"),
            ),
            ("javascript:alert(21)", UrlUse::Image, Some("javascript")),
            ("https://example.gov.vn/anh.jpg", UrlUse::Image, None),
            ("anh.jpg", UrlUse::Image, None),
            ("ms-msdt:/id", UrlUse::Link, Some("ms-msdt")),
            ("file:///C:/anh.jpg", UrlUse::Image, Some("file")),
        ];
        for (url, used, expected) in cases {
            assert_eq!(
                refused_scheme(url, *used).as_deref(),
                *expected,
                "{url} as {used:?}"
            );
        }
    }

    #[test]
    fn percent_escapes_are_decoded_even_beside_bytes_that_are_not_utf8() {
        assert_eq!(percent_decode("a%FFb%3A"), "a\u{fffd}b:");
        assert_eq!(percent_decode("a%3Ab%"), "a:b%");
        assert_eq!(
            refused_scheme("java%73cript:alert(21)%FF", UrlUse::Link).as_deref(),
            Some("javascript")
        );
    }

    /// Every `href` and `src` of `html`.
    fn addresses(html: &str) -> Vec<(UrlUse, String)> {
        let mut found = Vec::new();
        for (attribute, used) in [("href=\"", UrlUse::Link), ("src=\"", UrlUse::Image)] {
            for rest in html.split(attribute).skip(1) {
                let value = rest.split('"').next().unwrap_or_default();
                found.push((used, super::super::decode_entities(value)));
            }
        }
        found
    }

    #[test]
    fn a_refused_link_keeps_its_text_in_the_page_and_the_summary() {
        // The Markdown, the HTML it gives, and where the refused address is written.
        let cases: &[(&str, &str, &str)] = &[
            (
                "[x](javascript:alert(21))",
                "<p>x</p>\n",
                "[x](javascript:alert(21))",
            ),
            (
                "<javascript:alert(21)>",
                "<p>javascript:alert(21)</p>\n",
                "<javascript:alert(21)>",
            ),
            (
                "Xem [x][r].\n\n[r]: javascript:alert(21)",
                "<p>Xem x.</p>\n",
                "[r]: javascript:alert(21)",
            ),
            (
                "[r][]\n\n[r]: vbscript:msgbox(21)",
                "<p>r</p>\n",
                "[r]: vbscript:msgbox(21)",
            ),
            (
                "[r]\n\n[r]: JAVASCRIPT:alert(21)",
                "<p>r</p>\n",
                "[r]: JAVASCRIPT:alert(21)",
            ),
            (
                "[x](javascript&#58;alert(21))",
                "<p>x</p>\n",
                "[x](javascript&#58;alert(21))",
            ),
            (
                "[x](data:text/html,<b>x</b>)",
                "<p>x</p>\n",
                "[x](data:text/html,<b>x</b>)",
            ),
            (
                "![Ảnh](javascript:alert(21))",
                "<p>Ảnh</p>\n",
                "![Ảnh](javascript:alert(21))",
            ),
            (
                "[![Ảnh](/logo.png)](javascript:alert(21))",
                "<p><img src=\"/logo.png\" alt=\"Ảnh\" /></p>\n",
                "[![Ảnh](/logo.png)](javascript:alert(21))",
            ),
            (
                "![Ảnh [x](javascript:alert(21))](/logo.png)",
                "<p><img src=\"/logo.png\" alt=\"Ảnh x\" /></p>\n",
                "[x](javascript:alert(21))",
            ),
            (
                "## [x](javascript:alert(21))",
                "<h2 id=\"x\">x</h2>\n",
                "[x](javascript:alert(21))",
            ),
        ];
        for (markdown, html, written) in cases {
            let rendered = crate::markdown::render(
                markdown,
                false,
                &|_| None,
                &crate::markdown::Pictures::default(),
                &|_| Err(Default::default()),
            );
            assert_eq!(rendered.html.text(), *html, "{markdown}");
            if let Some(summary) = &rendered.first_paragraph {
                assert_eq!(summary, html, "{markdown}");
            }
            let refused: Vec<&str> = rendered
                .refused
                .iter()
                .map(|r| &markdown[r.offset..r.offset + r.len])
                .map(str::trim_end)
                .collect();
            assert_eq!(refused, [*written], "{markdown}");
        }
    }

    #[test]
    fn no_refused_address_reaches_the_html_with_raw_html_trusted_or_not() {
        let markdown = "[a](javascript:alert(1)) <vbscript:x> [b][c] ![d](data:text/html,x) \
            [e](https://example.gov.vn/) ![f](data:image/png;base64,AA==)\n\n[c]: data:text/html,x\n";
        for allow_raw_html in [false, true] {
            let rendered = crate::markdown::render(
                markdown,
                allow_raw_html,
                &|_| None,
                &crate::markdown::Pictures::default(),
                &|_| Err(Default::default()),
            );
            let html = rendered.html.text();
            let found = addresses(&html);
            assert_eq!(found.len(), 2, "{html}");
            for (used, address) in found {
                assert_eq!(refused_scheme(&address, used), None, "{html}");
            }
            assert_eq!(rendered.refused.len(), 4);
        }
    }

    #[test]
    fn a_reference_used_twice_is_refused_once() {
        let markdown = "[a][r] [b][r]\n\n[r]: javascript:alert(1)\n";
        let rendered = crate::markdown::render(
            markdown,
            false,
            &|_| None,
            &crate::markdown::Pictures::default(),
            &|_| Err(Default::default()),
        );
        assert_eq!(rendered.html.text(), "<p>a b</p>\n");
        assert_eq!(rendered.refused.len(), 1);
    }

    #[test]
    fn an_email_autolink_is_a_mailto_link() {
        let rendered = crate::markdown::render(
            "<ban@example.gov.vn>",
            false,
            &|_| None,
            &crate::markdown::Pictures::default(),
            &|_| Err(Default::default()),
        );
        assert!(rendered.refused.is_empty());
        assert!(
            rendered
                .html
                .text()
                .contains("href=\"mailto:ban@example.gov.vn\"")
        );
    }
}
