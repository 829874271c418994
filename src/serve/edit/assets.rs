//! The editing pages: HTML, scripts and styles served under the editor's address.

use crate::i18n::Lang;

/// A file of the editing pages.
pub struct Asset {
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// The page or file at `rest` (the address after the editor's base, without its query).
pub fn page(rest: &str, lang: Lang) -> Option<Asset> {
    let lang = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    (rest.is_empty()).then(|| Asset {
        content_type: "text/html; charset=utf-8",
        body: format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>loa</title></head><body><main><h1>loa</h1></main></body></html>"
        )
        .into_bytes(),
    })
}
