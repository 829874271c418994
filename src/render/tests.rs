use super::engine::{percent_encode, register_filters, strip_tags};
use super::pages::{sitemap_index, sitemap_parts};
use super::*;
use crate::load::config::Config;
use tera::{Context, Tera};

#[test]
fn a_sitemap_past_the_limit_is_split_and_indexed() {
    assert_eq!(
        sitemap_parts(3, 3),
        vec![("/sitemap.xml".to_string(), 0..3)]
    );
    assert_eq!(
        sitemap_parts(7, 3),
        vec![
            ("/sitemap-1.xml".to_string(), 0..3),
            ("/sitemap-2.xml".to_string(), 3..6),
            ("/sitemap-3.xml".to_string(), 6..7),
        ]
    );
    let index = sitemap_index(
        [
            "https://a.gov.vn/sitemap-1.xml",
            "https://a.gov.vn/?x=1&y=2",
        ]
        .into_iter()
        .map(String::from),
    );
    let index = String::from_utf8(index).expect("UTF-8");
    let document = roxmltree::Document::parse(&index).expect("well-formed XML");
    let locs: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        locs,
        [
            "https://a.gov.vn/sitemap-1.xml",
            "https://a.gov.vn/?x=1&y=2"
        ]
    );
    assert_eq!(document.root_element().tag_name().name(), "sitemapindex");
}

#[test]
fn output_paths_for_pretty_urls_and_files() {
    assert_eq!(output_path("/"), "index.html");
    assert_eq!(output_path("/tin-tuc/"), "tin-tuc/index.html");
    assert_eq!(output_path("/tin-tuc/page/2/"), "tin-tuc/page/2/index.html");
    assert_eq!(output_path("/atom.xml"), "atom.xml");
    assert_eq!(output_path("/tin-tuc/atom.xml"), "tin-tuc/atom.xml");
    assert_eq!(output_path("/old/url"), "old/url/index.html");
}

#[test]
fn striptags_drops_tags_and_decodes_the_entities_markdown_writes() {
    let cases = [
        ("<p>Hỏi &amp; đáp</p>", "Hỏi & đáp"),
        (
            "<p>a &lt;b&gt; &quot;c&quot; d&#39;e &#x27;f&#x27;</p>",
            "a <b> \"c\" d'e 'f'",
        ),
        ("<p>1.341 <em>tổ</em></p>\n", "1.341 tổ"),
        (
            "AT&T &unknown; & &#xZZ; &#1114112;",
            "AT&T &unknown; & &#xZZ; &#1114112;",
        ),
        ("&amp;lt;", "&lt;"),
    ];
    for (html, text) in cases {
        assert_eq!(strip_tags(html), text, "{html}");
    }
}

#[test]
fn json_filter_writes_map_keys_in_sorted_order() {
    let mut tera = Tera::new();
    register_filters(
        &mut tera,
        &Config::parse("site.yaml", "title: T\nbase_url: https://example.gov.vn\n").unwrap(),
    );
    tera.add_raw_template(
        "t",
        r#"{{ {"b": 1, "@type": "X", "a": "</script>"} | json }}"#,
    )
    .unwrap();
    let out = tera.render("t", &Context::new()).unwrap();
    assert_eq!(out, r#"{"@type":"X","a":"\u003c/script>","b":1}"#);
}

#[test]
fn urlencode_leaves_only_unreserved_characters_as_they_are() {
    assert_eq!(
        percent_encode("https://example.gov.vn/le-ra-mat/a_b.c~d/?x=1&y=Đắk Lắk"),
        "https%3A%2F%2Fexample.gov.vn%2Fle-ra-mat%2Fa_b.c~d%2F%3Fx%3D1%26y%3D%C4%90%E1%BA%AFk%20L%E1%BA%AFk"
    );
}
