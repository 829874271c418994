//! Listings, feeds and crawler files: sections, pagination, taxonomies, home page,
//! neighbours, Atom, sitemap, robots.txt and 404.

use crate::support::{SiteTest, card_links};

fn three_articles() -> SiteTest {
    SiteTest::new()
        .file(
            "content/tin-tuc/_index.md",
            "---\ntitle: Tin tức\n---\nTin mới nhất.\n",
        )
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "tags: [lễ ra mắt]\nprovince: Đắk Lắk\n",
            "A",
        )
        .article(
            "content/tin-tuc/b.md",
            "Bài B",
            "2024-07-03",
            "tags: [Lễ Ra Mắt, Tây Nguyên]\n",
            "B",
        )
        .article(
            "content/tin-tuc/c.md",
            "Bài C",
            "2024-07-02",
            "tags: [\"Le\u{302}\u{303} ra ma\u{306}\u{301}t\"]\n",
            "C",
        )
        .article(
            "content/le-ra-mat/d.md",
            "Bài D",
            "2024-06-30",
            "province: Cần Thơ\n",
            "D",
        )
}

#[test]
fn a_section_lists_newest_first_and_paginates() {
    let site = three_articles().build();
    let first = site.main("/tin-tuc/");
    assert!(first.contains("<h1>Tin tức</h1>"));
    assert_eq!(card_links(&first), ["/tin-tuc/bai-b/", "/tin-tuc/bai-c/"]);
    assert!(first.contains(r#"href="/tin-tuc/page/2/""#), "{first}");
    let second = site.main("/tin-tuc/page/2/");
    assert_eq!(card_links(&second), ["/tin-tuc/bai-a/"]);
    assert!(second.contains(r#"href="/tin-tuc/""#));
    assert!(!site.exists("/tin-tuc/page/3/"));
}

/// `days` articles in `tin-tuc`, "Bài số 01" on 1/7/2024 and one a day after, each
/// with `body`.
fn july_articles(days: u32, body: &str) -> SiteTest {
    (1..=days).fold(SiteTest::new(), |site, day| {
        site.article(
            &format!("content/tin-tuc/bai-{day:02}.md"),
            &format!("Bài số {day:02}"),
            &format!("2024-07-{day:02}"),
            "",
            body,
        )
    })
}

/// The page numbers a listing page links to, `…` for a gap.
fn page_numbers(main: &str) -> Vec<String> {
    let nav = &main[main.find("class=\"pagination\"").expect("a pagination")..];
    let nav = &nav[..nav.find("</nav>").expect("its end")];
    nav.split("<li")
        .skip(1)
        .filter_map(|item| {
            if item.contains("class=\"gap\"") {
                return Some("…".to_string());
            }
            let label = item.split("aria-label=\"Trang ").nth(1)?;
            let number = &label[..label.find('"')?];
            let current = if item.contains("aria-current=\"page\"") {
                "*"
            } else {
                ""
            };
            Some(format!("{number}{current}"))
        })
        .collect()
}

#[test]
fn a_long_listing_links_to_its_ends_and_two_pages_each_side() {
    let site = july_articles(24, "Nội dung.").build();
    let numbers = |url: &str| page_numbers(&site.main(url)).join(" ");
    assert_eq!(numbers("/tin-tuc/"), "1* 2 3 … 12");
    assert_eq!(numbers("/tin-tuc/page/4/"), "1 2 3 4* 5 6 … 12");
    assert_eq!(numbers("/tin-tuc/page/5/"), "1 … 3 4 5* 6 7 … 12");
    assert_eq!(numbers("/tin-tuc/page/8/"), "1 … 6 7 8* 9 10 … 12");
    assert_eq!(numbers("/tin-tuc/page/9/"), "1 … 7 8 9* 10 11 12");
    assert_eq!(numbers("/tin-tuc/page/12/"), "1 … 10 11 12*");
}

#[test]
fn articles_link_to_their_older_and_newer_neighbours() {
    let site = three_articles().build();
    let middle = site.main("/tin-tuc/bai-c/");
    assert!(middle.contains(r#"href="/tin-tuc/bai-b/""#), "{middle}");
    assert!(middle.contains(r#"href="/tin-tuc/bai-a/""#));
    let newest = site.main("/tin-tuc/bai-b/");
    assert!(!newest.contains("Bài mới hơn"), "{newest}");
}

#[test]
fn terms_that_differ_only_by_case_or_unicode_form_are_one_term() {
    let site = three_articles().build();
    let index = site.main("/chu-de/");
    assert_eq!(
        index.matches("href=\"/chu-de/le-ra-mat/\"").count(),
        1,
        "{index}"
    );
    assert!(
        index.contains(r#"<span class="term-count">3 bài</span>"#),
        "{index}"
    );
    let term = site.main("/chu-de/le-ra-mat/");
    assert_eq!(card_links(&term), ["/tin-tuc/bai-b/", "/tin-tuc/bai-c/"]);
    assert_eq!(
        card_links(&site.main("/chu-de/le-ra-mat/page/2/")),
        ["/tin-tuc/bai-a/"]
    );
}

#[test]
fn the_terms_index_is_in_vietnamese_order() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "A",
            "2024-07-01",
            "tags: [Đồng Tháp, Dân phòng, Ấp, An ninh, Bảo vệ, Ăn ở]\n",
            "A",
        )
        .build();
    let index = site.main("/chu-de/");
    let order: Vec<&str> = ["An ninh", "Ăn ở", "Ấp", "Bảo vệ", "Dân phòng", "Đồng Tháp"]
        .into_iter()
        .collect();
    let positions: Vec<usize> = order
        .iter()
        .map(|t| {
            index
                .find(&format!(">{t}</a>"))
                .unwrap_or_else(|| panic!("{t} in {index}"))
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "{index}");
}

#[test]
fn province_terms_use_the_official_name() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "A",
            "2024-07-01",
            "province: TP. Hồ Chí Minh\n",
            "A",
        )
        .article(
            "content/tin-tuc/b.md",
            "B",
            "2024-07-02",
            "province: thành phố Cần Thơ\n",
            "B",
        )
        .build();
    let index = site.main("/tinh-thanh/");
    assert!(
        index.contains(r#"<a href="/tinh-thanh/can-tho/">Cần Thơ</a>"#),
        "{index}"
    );
    assert!(index.contains(r#"<a href="/tinh-thanh/ho-chi-minh/">Hồ Chí Minh</a>"#));
}

#[test]
fn the_home_page_shows_the_latest_articles_of_every_section() {
    let site = three_articles().build();
    let home = site.main("/");
    assert!(
        home.contains(r#"<a href="/tin-tuc/">Tin tức</a>"#),
        "{home}"
    );
    assert!(home.contains(r#"<a href="/le-ra-mat/bai-d/">Bài D</a>"#));
    assert!(home.contains(r#"<a href="/tin-tuc/bai-b/">Bài B</a>"#));
}

#[test]
fn atom_feeds_hold_the_latest_twenty_with_absolute_urls() {
    let site = july_articles(25, "Nội dung <b>đậm</b>.").build();
    for feed_url in ["/atom.xml", "/tin-tuc/atom.xml"] {
        let feed = site.page(feed_url);
        let document = roxmltree::Document::parse(&feed).expect("well-formed XML");
        let root = document.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        let entries: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), 20, "{feed_url}");
        let first_link = entries[0]
            .children()
            .find(|n| n.has_tag_name("link"))
            .and_then(|n| n.attribute("href"));
        assert_eq!(
            first_link,
            Some("https://example.gov.vn/tin-tuc/bai-so-25/")
        );
        for entry in &entries {
            for required in ["id", "title", "updated"] {
                assert!(
                    entry.children().any(|n| n.has_tag_name(required)),
                    "{required} in {feed_url}"
                );
            }
        }
    }
}

#[test]
fn sitemap_robots_and_404_are_produced() {
    let site = three_articles().build();
    let sitemap = site.page("/sitemap.xml");
    roxmltree::Document::parse(&sitemap).expect("well-formed sitemap");
    for url in [
        "/",
        "/tin-tuc/",
        "/tin-tuc/page/2/",
        "/tin-tuc/bai-a/",
        "/le-ra-mat/bai-d/",
        "/chu-de/",
        "/chu-de/le-ra-mat/",
        "/tinh-thanh/dak-lak/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.gov.vn{url}</loc>")),
            "{url} in {sitemap}"
        );
    }
    assert!(!sitemap.contains("404"));
    assert!(
        site.page("/robots.txt")
            .contains("Sitemap: https://example.gov.vn/sitemap.xml")
    );
    assert!(site.page("/404.html").contains("Không tìm thấy trang"));
}
