//! Text kept LZ4-compressed in memory. A build holds the Markdown of every article until
//! its HTML is made, and the HTML and plain text of every article until its last page
//! and the search index are made; compressed, each takes about a third of the memory,
//! for a few milliseconds of CPU per thousand articles to compress and to read back. The
//! plain text, compressed against the HTML that holds the same words, takes an eighth
//! of its size.

use std::sync::Arc;

/// Compressed text. Equal texts give equal bytes. A clone shares the bytes: the preview
/// server's content cache and the site it builds hold the same bodies.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Packed(Arc<[u8]>);

impl Packed {
    pub fn new(text: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        Packed(lz4_flex::compress_prepend_size(text.as_bytes()).into())
    }

    pub fn text(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let bytes = lz4_flex::decompress_size_prepended(&self.0)
            .expect("loa's own compressed text decompresses");
        // std's check reads Vietnamese text at about 0.5 GB/s, a tenth of a build's CPU;
        // the SIMD one is many times faster, and a copy of the checked text costs less.
        simdutf8::basic::from_utf8(&bytes)
            .expect("loa's own compressed text is UTF-8")
            .to_owned()
    }

    /// The compressed bytes, which are equal when the texts are: for fingerprints.
    pub fn compressed(&self) -> &[u8] {
        &self.0
    }
}

/// Text compressed against another that it largely repeats, such as an article's plain
/// text against its HTML: each run that the other holds costs a few bytes, so the text
/// takes a third of what [`Packed`] would. Read back only with the same other text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PackedAgainst(Arc<[u8]>);

impl PackedAgainst {
    pub fn new(text: &str, base: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        let bytes =
            lz4_flex::block::compress_prepend_size_with_dict(text.as_bytes(), base.as_bytes());
        PackedAgainst(bytes.into())
    }

    /// The text, given the `base` it was compressed against.
    pub fn text(&self, base: &str) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let bytes = lz4_flex::block::decompress_size_prepended_with_dict(&self.0, base.as_bytes())
            .expect("loa's own compressed text decompresses against its base");
        simdutf8::basic::from_utf8(&bytes)
            .expect("loa's own compressed text is UTF-8")
            .to_owned()
    }
}

impl std::fmt::Debug for PackedAgainst {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PackedAgainst({} bytes)", self.0.len())
    }
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Packed").field(&self.text()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{Packed, PackedAgainst};

    #[test]
    fn text_comes_back_as_it_was_written() {
        for text in [
            "",
            "Đắk Lắk: 1.341 tổ, 4,6 tỷ đồng.",
            &"lực lượng ".repeat(500),
        ] {
            assert_eq!(Packed::new(text).text(), text);
        }
        assert_eq!(Packed::new("a"), Packed::new("a"));
        assert_ne!(Packed::new("a"), Packed::new("b"));
    }

    #[test]
    fn text_packed_against_another_comes_back_with_it_and_smaller() {
        let html = format!(
            "<p>{}</p>\n",
            "Lực lượng tham gia bảo vệ ANTT ở cơ sở. ".repeat(20)
        );
        let text = format!(
            "{}\n",
            "Lực lượng tham gia bảo vệ ANTT ở cơ sở. ".repeat(20)
        );
        let packed = PackedAgainst::new(&text, &html);
        assert_eq!(packed.text(&html), text);
        assert!(packed.0.len() < Packed::new(&text).0.len() / 2);
        assert_eq!(PackedAgainst::new("", &html).text(&html), "");
    }
}
