//! Issue 27, "A site published under a path": with `base_url:
//! https://congan.daklak.gov.vn/antt/`, every internal link, asset, feed entry, sitemap
//! entry and search result carries `/antt/`.

use crate::support::SiteTest;

fn site() -> SiteTest {
    SiteTest::empty()
        .file(
            "site.yaml",
            "title: Công an tỉnh Đắk Lắk\nbase_url: https://congan.daklak.gov.vn/antt/\ntaxonomies:\n  - { name: tags, path: chu-de }\nmenu:\n  - { name: Tin tức, url: /tin-tuc/ }\n",
        )
        .file("static/ke-hoach.pdf", "%PDF-1.4\n")
        .article(
            "content/tin-tuc/a.md",
            "Lễ ra mắt",
            "2024-07-01",
            "tags: [lễ ra mắt]\naliases: [/cu/le-ra-mat/]\n",
            "Xem [bài kia](@/tin-tuc/b.md), [kế hoạch](/ke-hoach.pdf) và [mục](/tin-tuc/).",
        )
        .article("content/tin-tuc/b.md", "Bài kia", "2024-06-01", "", "Nội dung.")
}

/// Every root-relative address written in `text` as an attribute value.
fn root_relative(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for opener in [
        "href=\"",
        "src=\"",
        "action=\"",
        "data-index=\"",
        "href=&quot;",
        "url=",
    ] {
        for (at, _) in text.match_indices(opener) {
            let value = &text[at + opener.len()..];
            if value.starts_with('/') && !value.starts_with("//") {
                let end = value.find(['"', '&', ' ']).unwrap_or(value.len());
                found.push(value[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn every_internal_address_carries_the_path() {
    let site = site().build();
    let mut outside = Vec::new();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(site.out()) {
        let entry = entry.expect("walk the output");
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for address in root_relative(&text) {
            seen += 1;
            if !address.starts_with("/antt/") {
                outside.push(format!("{}: {address}", entry.path().display()));
            }
        }
    }
    assert!(seen > 20, "only {seen} addresses found");
    assert_eq!(outside, Vec::<String>::new());

    let article = site.page("/tin-tuc/le-ra-mat/");
    for expected in [
        r#"href="/antt/tin-tuc/bai-kia/""#,
        r#"href="/antt/ke-hoach.pdf""#,
        r#"href="/antt/style.css""#,
        r#"<link rel="canonical" href="https://congan.daklak.gov.vn/antt/tin-tuc/le-ra-mat/">"#,
    ] {
        assert!(article.contains(expected), "{expected} not in {article}");
    }
    assert!(
        site.page("/cu/le-ra-mat/")
            .contains("url=https://congan.daklak.gov.vn/antt/tin-tuc/le-ra-mat/")
    );
    let sitemap = site.page("/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://congan.daklak.gov.vn/antt/tin-tuc/le-ra-mat/</loc>"),
        "{sitemap}"
    );
    let feed = site.page("/atom.xml");
    assert!(
        feed.contains("https://congan.daklak.gov.vn/antt/tin-tuc/le-ra-mat/"),
        "{feed}"
    );
    let documents =
        std::fs::read_to_string(site.out().join("tim-kiem/d/0.txt")).expect("search documents");
    assert!(
        documents.contains(r#""url":"/antt/tin-tuc/le-ra-mat/""#),
        "{documents}"
    );
}

#[test]
fn a_site_at_the_root_of_its_host_is_unchanged() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "A",
            "2024-07-01",
            "",
            "[B](@/tin-tuc/b.md)",
        )
        .article("content/tin-tuc/b.md", "B", "2024-07-01", "", "B")
        .build();
    assert!(site.page("/tin-tuc/a/").contains(r#"href="/tin-tuc/b/""#));
}
