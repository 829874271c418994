//! A site published under a path (`base_url: https://host/antt/`): every address inside
//! the site that a page, feed or sitemap writes from its root (`/tin-tuc/`) is given the
//! path in front (`/antt/tin-tuc/`), whoever wrote it: a template, loa's Markdown pass or
//! an officer's link. Done once, on each rendered file, so that no template and no view
//! has to know.
//!
//! Pure: text in, text out.

/// The attributes whose value is an address.
const ADDRESS_ATTRIBUTES: &[&str] = &["href", "src", "action", "poster", "data-index", "srcset"];

/// What opens an attribute's value: a quote, or a quote escaped inside a feed's HTML.
const OPENERS: &[&str] = &["\"", "'", "&quot;", "&#39;"];

/// `html` with `base_path` (`/antt`, no final slash) in front of every root-relative
/// address of an attribute of [`ADDRESS_ATTRIBUTES`], each address of a `srcset` and the
/// address of a `<meta http-equiv="refresh">`. Addresses that start with `//` name
/// another host and are left alone.
pub fn rebase(html: &str, base_path: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while let Some(equals) = rest.find('=') {
        let (before, after) = rest.split_at(equals + 1);
        out.push_str(before);
        rest = after;
        let name_start = before[..equals]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(0, |i| i + 1);
        let name = &before[name_start..equals];
        let refresh = name.eq_ignore_ascii_case("content")
            && out[out.rfind('<').unwrap_or(0)..].contains("http-equiv");
        if !refresh
            && !ADDRESS_ATTRIBUTES
                .iter()
                .any(|a| a.eq_ignore_ascii_case(name))
        {
            continue;
        }
        let Some(opener) = OPENERS.iter().find(|o| rest.starts_with(**o)) else {
            continue;
        };
        out.push_str(opener);
        rest = &rest[opener.len()..];
        let end = rest.find(&opener[..1]).unwrap_or(rest.len());
        let value = &rest[..end];
        if name.eq_ignore_ascii_case("srcset") {
            let entries: Vec<String> = value
                .split(',')
                .map(|entry| {
                    let trimmed = entry.trim_start();
                    let space = &entry[..entry.len() - trimmed.len()];
                    format!("{space}{}", prefixed(trimmed, base_path))
                })
                .collect();
            out.push_str(&entries.join(","));
        } else if refresh {
            match value.split_once("url=") {
                Some((delay, address)) => {
                    out.push_str(delay);
                    out.push_str("url=");
                    out.push_str(&prefixed(address, base_path));
                }
                None => out.push_str(value),
            }
        } else {
            out.push_str(&prefixed(value, base_path));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn prefixed(address: &str, base_path: &str) -> String {
    if address.starts_with('/') && !address.starts_with("//") {
        format!("{base_path}{address}")
    } else {
        address.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::rebase;

    #[test]
    fn root_relative_addresses_get_the_base_path() {
        let cases = [
            (r#"<a href="/tin-tuc/">"#, r#"<a href="/antt/tin-tuc/">"#),
            (r#"<a href='/'>"#, r#"<a href='/antt/'>"#),
            (
                r#"<img src="/a.jpg" alt="/b">"#,
                r#"<img src="/antt/a.jpg" alt="/b">"#,
            ),
            (
                r#"<img srcset="/a-480.jpg 480w, /a-960.jpg 960w">"#,
                r#"<img srcset="/antt/a-480.jpg 480w, /antt/a-960.jpg 960w">"#,
            ),
            (
                r#"<meta http-equiv="refresh" content="0; url=/moi/">"#,
                r#"<meta http-equiv="refresh" content="0; url=/antt/moi/">"#,
            ),
            (
                "<content>&lt;a href=&quot;/tin-tuc/&quot;&gt;</content>",
                "<content>&lt;a href=&quot;/antt/tin-tuc/&quot;&gt;</content>",
            ),
            (
                r#"<form action="/tim-kiem/" data-index="/tim-kiem/index.json">"#,
                r#"<form action="/antt/tim-kiem/" data-index="/antt/tim-kiem/index.json">"#,
            ),
            (
                r#"<a href="//cdn.example/x">"#,
                r#"<a href="//cdn.example/x">"#,
            ),
            (r#"<a href="https://a.vn/">"#, r#"<a href="https://a.vn/">"#),
            (r##"<a href="#muc">"##, r##"<a href="#muc">"##),
            (r#"<p>a = b, x="/y"</p>"#, r#"<p>a = b, x="/y"</p>"#),
        ];
        for (html, expected) in cases {
            assert_eq!(rebase(html, "/antt"), expected, "{html}");
        }
    }
}
