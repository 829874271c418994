//! From a request target to the output path of a file of the site, refusing anything
//! that could name a file outside it.
//!
//! Pure: no I/O. The server then looks the output path up among the files the build
//! produced, so even a path this module let through can only name one of those.

/// What a request target asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An output path such as `tin-tuc/index.html`, and whether the request named a
    /// folder without its final slash (`/tin-tuc`), which is then redirected.
    File { path: String, folder_like: bool },
    /// `/__loa/...`: the server's own endpoints, with the query string.
    Internal { endpoint: String, query: String },
}

/// Why a request target is refused, answered with 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a path starting with `/` (an absolute URI, `*`, empty).
    NotAPath,
    /// A `%` not followed by two hex digits, or bytes that are not UTF-8 once decoded.
    BadEscape,
    /// `..` or `.` segments, backslashes, doubled slashes, NUL or control characters.
    Traversal,
}

/// The prefix of the server's own endpoints, which no site page may use.
pub const INTERNAL_PREFIX: &str = "/__loa/";

/// Resolves the request target `raw` (as it appears on the request line).
pub fn resolve(raw: &str) -> Result<Target, Refused> {
    if !raw.starts_with('/') {
        return Err(Refused::NotAPath);
    }
    let (path, query) = match raw.split_once('?') {
        Some((path, query)) => (path, query),
        None => (raw, ""),
    };
    let path = path.split('#').next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0']) || decoded.chars().any(char::is_control) {
        return Err(Refused::Traversal);
    }
    if decoded.contains("//") {
        return Err(Refused::Traversal);
    }
    let inner = &decoded[1..];
    if inner
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return Err(Refused::Traversal);
    }
    if let Some(endpoint) = decoded.strip_prefix(INTERNAL_PREFIX) {
        return Ok(Target::Internal {
            endpoint: endpoint.to_string(),
            query: query.to_string(),
        });
    }
    let path = if inner.is_empty() || inner.ends_with('/') {
        format!("{inner}index.html")
    } else {
        return Ok(Target::File {
            path: inner.to_string(),
            folder_like: true,
        });
    };
    Ok(Target::File {
        path,
        folder_like: false,
    })
}

fn percent_decode(text: &str) -> Result<String, Refused> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(Refused::BadEscape)?;
            let hex = std::str::from_utf8(hex).map_err(|_| Refused::BadEscape)?;
            let byte = u8::from_str_radix(hex, 16).map_err(|_| Refused::BadEscape)?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Refused::BadEscape)
}

/// The value of `name` in a query string such as `since=3&path=%2F`.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| percent_decode(&value.replace('+', " ")).ok())
}

/// Where a request for output path `path` lands in a site published under
/// `base_path` (`/antt`; empty at a host's root), served under the same path as it is
/// published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InBase {
    /// The output path inside the site.
    Inside(String),
    /// The address of the site without its final slash, or the host's root: sent to
    /// the site's home page.
    ToHome,
    /// Outside the site's path.
    Outside,
}

pub fn in_base(path: &str, base_path: &str) -> InBase {
    let base = base_path.trim_start_matches('/');
    if base.is_empty() {
        return InBase::Inside(path.to_string());
    }
    match path.strip_prefix(base) {
        Some(rest) if rest.starts_with('/') => InBase::Inside(rest[1..].to_string()),
        Some("") => InBase::ToHome,
        _ if path == "index.html" => InBase::ToHome,
        _ => InBase::Outside,
    }
}

/// The content type of an output path, with the charset for text.
pub fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("svg") => "image/svg+xml; charset=utf-8",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("ttf") => "font/ttf",
        Some("mp4") => "video/mp4",
        Some("webm") => "video/webm",
        Some("mp3") => "audio/mpeg",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, folder_like: bool) -> Result<Target, Refused> {
        Ok(Target::File {
            path: path.into(),
            folder_like,
        })
    }

    #[test]
    fn request_targets_map_to_output_paths_or_are_refused() {
        let table: &[(&str, Result<Target, Refused>)] = &[
            ("/", file("index.html", false)),
            ("/tin-tuc/", file("tin-tuc/index.html", false)),
            ("/tin-tuc", file("tin-tuc", true)),
            ("/style.css", file("style.css", true)),
            ("/tin-tuc/?page=2#top", file("tin-tuc/index.html", false)),
            (
                "/ch%E1%BB%A7-%C4%91%E1%BB%81/",
                file("chủ-đề/index.html", false),
            ),
            ("/..%2f..%2fetc/passwd", Err(Refused::Traversal)),
            ("/%2e%2e/", Err(Refused::Traversal)),
            ("/%2E%2E/%2E%2E/etc/passwd", Err(Refused::Traversal)),
            ("/../etc/passwd", Err(Refused::Traversal)),
            ("/a/./b", Err(Refused::Traversal)),
            ("/..\\..\\etc\\passwd", Err(Refused::Traversal)),
            ("/%5c..%5cetc", Err(Refused::Traversal)),
            ("//etc/passwd", Err(Refused::Traversal)),
            ("/a//b/", Err(Refused::Traversal)),
            ("/a%00.html", Err(Refused::Traversal)),
            ("/a%0d%0aSet-Cookie:x", Err(Refused::Traversal)),
            ("http://example.com/etc/passwd", Err(Refused::NotAPath)),
            ("*", Err(Refused::NotAPath)),
            ("", Err(Refused::NotAPath)),
            ("/%zz", Err(Refused::BadEscape)),
            ("/%e", Err(Refused::BadEscape)),
            ("/%ff%fe", Err(Refused::BadEscape)),
            (
                "/__loa/reload?since=3",
                Ok(Target::Internal {
                    endpoint: "reload".into(),
                    query: "since=3".into(),
                }),
            ),
        ];
        for (raw, expected) in table {
            assert_eq!(&resolve(raw), expected, "for {raw:?}");
        }
    }

    #[test]
    fn a_site_under_a_path_is_served_under_it() {
        let table = [
            (
                "antt/tin-tuc/index.html",
                "/antt",
                InBase::Inside("tin-tuc/index.html".into()),
            ),
            (
                "antt/index.html",
                "/antt",
                InBase::Inside("index.html".into()),
            ),
            ("antt", "/antt", InBase::ToHome),
            ("index.html", "/antt", InBase::ToHome),
            ("tin-tuc/index.html", "/antt", InBase::Outside),
            ("anttx/index.html", "/antt", InBase::Outside),
            (
                "tin-tuc/index.html",
                "",
                InBase::Inside("tin-tuc/index.html".into()),
            ),
        ];
        for (path, base, expected) in table {
            assert_eq!(in_base(path, base), expected, "{path} under {base}");
        }
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_value("since=3&path=%2Ftin-tuc%2F", "path").as_deref(),
            Some("/tin-tuc/")
        );
        assert_eq!(query_value("since=3", "path"), None);
    }

    #[test]
    fn text_types_carry_their_charset() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("atom.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("anh.JPG"), "image/jpeg");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
