//! Issue 30, what a reader meets beyond one article: the home page led by the campaign
//! at a glance, sections kept off the reader's path (`listed: false`), thumbnails in
//! lists and feeds, archives by year, related articles, sharing and printing, and the
//! statistics table led by the provinces with figures.

use crate::support::{SiteTest, card_links, jpeg};

const GUIDE: &str = "---\ntitle: Hướng dẫn soạn bài\nlisted: false\n---\nCho cán bộ.\n";

fn news_and_guide() -> SiteTest {
    SiteTest::new()
        .file("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n")
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", "A")
        .file("content/huong-dan/_index.md", GUIDE)
        .article(
            "content/huong-dan/viet-bai.md",
            "Viết bài",
            "2024-08-01",
            "",
            "Cách viết.",
        )
}

/// `html` without its tags.
fn without_tags(html: &str) -> String {
    html.split('<')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('>').map_or("", |(_, text)| text)
            }
        })
        .collect()
}

/// The text of the element that starts at the first `start` of `html`, up to `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn an_unlisted_section_stays_off_the_home_page_the_menu_and_the_site_feed() {
    let site = news_and_guide().build();
    let home = site.page("/");
    assert_eq!(card_links(&site.main("/")), ["/tin-tuc/bai-a/"]);
    let menu = between(&home, "<nav class=\"site-nav\"", "</nav>");
    assert!(menu.contains(r#"href="/tin-tuc/""#), "{menu}");
    assert!(!menu.contains("/huong-dan/"), "{menu}");
    let footer = between(&home, "<footer class=\"site-footer\"", "</footer>");
    assert!(
        footer.contains(r#"<a href="/huong-dan/">Hướng dẫn soạn bài</a>"#),
        "{footer}"
    );
    let feed = site.page("/atom.xml");
    assert!(feed.contains("/tin-tuc/bai-a/"), "{feed}");
    assert!(!feed.contains("/huong-dan/"), "{feed}");
    // The section itself, its feed and its articles are published as before.
    assert_eq!(
        card_links(&site.main("/huong-dan/")),
        ["/huong-dan/viet-bai/"]
    );
    assert!(
        site.page("/huong-dan/atom.xml")
            .contains("/huong-dan/viet-bai/")
    );
}

#[test]
fn listed_must_be_true_or_false() {
    let run = SiteTest::new()
        .file(
            "content/huong-dan/_index.md",
            "---\ntitle: Hướng dẫn\nlisted: khong\n---\n",
        )
        .run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/huong-dan/_index.md:3:"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_home_page_leads_with_the_national_totals_and_their_date() {
    let site = SiteTest::new()
        .article(
            "content/le-ra-mat/dak-lak.md",
            "Lễ ra mắt Đắk Lắk",
            "2024-07-01",
            "province: Đắk Lắk\nstats: { teams: 2199, members: 9000 }\n",
            "Buổi lễ.",
        )
        .article(
            "content/le-ra-mat/hai-duong.md",
            "Lễ ra mắt Hải Dương",
            "2024-06-12",
            "province: Hải Dương\nstats: { teams: 1341 }\n",
            "Buổi lễ.",
        )
        .build();
    let main = site.main("/");
    let glance = between(&main, "<section class=\"at-a-glance\"", "</section>");
    assert!(
        glance.contains("<div><dt>Tổ bảo vệ ANTT</dt><dd>3.540</dd></div>"),
        "{glance}"
    );
    assert!(
        glance.contains("<div><dt>Thành viên</dt><dd>9.000</dd></div>"),
        "{glance}"
    );
    assert!(
        glance.contains(
            r#"của 2 tỉnh, thành phố đã công bố, tính đến <time datetime="2024-07-01">1/7/2024</time>."#
        ),
        "{glance}"
    );
    assert!(glance.contains(r#"<a href="/thong-ke/">"#), "{glance}");
    assert!(
        main.find("at-a-glance") < main.find("home-section"),
        "the totals come before the lists: {main}"
    );
}

#[test]
fn a_home_page_without_figures_shows_no_totals() {
    let main = news_and_guide().build().main("/");
    assert!(!main.contains("at-a-glance"), "{main}");
}

/// Two articles with a lead photo beside them (a bundle) and one without.
fn photos_in_a_section() -> SiteTest {
    let photo = jpeg(1200, 900);
    SiteTest::new()
        .article(
            "content/le-ra-mat/dak-lak/index.md",
            "Lễ ra mắt Đắk Lắk",
            "2024-07-03",
            "image: { src: anh.jpg, alt: Toàn cảnh buổi lễ }\n",
            "Buổi lễ.",
        )
        .bytes("content/le-ra-mat/dak-lak/anh.jpg", &photo)
        .article(
            "content/le-ra-mat/ca-mau/index.md",
            "Lễ ra mắt Cà Mau",
            "2024-07-02",
            "image: { src: anh.jpg, alt: Các tổ xếp hàng }\n",
            "Buổi lễ.",
        )
        .bytes("content/le-ra-mat/ca-mau/anh.jpg", &photo)
        .article(
            "content/le-ra-mat/long-an.md",
            "Lễ ra mắt Long An",
            "2024-07-01",
            "",
            "Buổi lễ.",
        )
}

#[test]
fn lists_show_each_lead_photo_as_a_thumbnail_lazy_after_the_first() {
    let site = photos_in_a_section()
        .file(
            "site.yaml",
            &crate::support::SITE_YAML.replace("paginate_by: 2", "paginate_by: 5"),
        )
        .build();
    let main = site.main("/le-ra-mat/");
    let thumbnails: Vec<&str> = main
        .split("<img class=\"card-photo\" ")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').expect("the end of the tag")])
        .collect();
    assert_eq!(
        thumbnails,
        [
            r#"src="/le-ra-mat/le-ra-mat-dak-lak/anh-960.jpg" srcset="/le-ra-mat/le-ra-mat-dak-lak/anh-480.jpg 480w, /le-ra-mat/le-ra-mat-dak-lak/anh-960.jpg 960w, /le-ra-mat/le-ra-mat-dak-lak/anh-1200.jpg 1200w" sizes="(min-width: 40rem) 12rem, 7rem" width="1200" height="900" alt="" decoding="async""#,
            r#"src="/le-ra-mat/le-ra-mat-ca-mau/anh-960.jpg" srcset="/le-ra-mat/le-ra-mat-ca-mau/anh-480.jpg 480w, /le-ra-mat/le-ra-mat-ca-mau/anh-960.jpg 960w, /le-ra-mat/le-ra-mat-ca-mau/anh-1200.jpg 1200w" sizes="(min-width: 40rem) 12rem, 7rem" width="1200" height="900" alt="" loading="lazy" decoding="async""#,
        ]
    );
    assert!(
        main.contains(r#"<article class="card">"#),
        "the article without a photo keeps the plain card: {main}"
    );
    let home = site.main("/");
    assert_eq!(home.matches("class=\"card-photo\"").count(), 2, "{home}");
    assert_eq!(
        home.matches(r#"loading="lazy""#).count(),
        2,
        "the home page's lists are below its totals: {home}"
    );
}

#[test]
fn feed_entries_carry_their_lead_photo() {
    let site = photos_in_a_section().build();
    let feed = site.page("/atom.xml");
    let document = roxmltree::Document::parse(&feed).expect("well-formed XML");
    let enclosures: Vec<(&str, Option<&str>)> = document
        .descendants()
        .filter(|n| n.has_tag_name("link") && n.attribute("rel") == Some("enclosure"))
        .map(|n| (n.attribute("href").unwrap_or(""), n.attribute("type")))
        .collect();
    assert_eq!(
        enclosures,
        [
            (
                "https://example.gov.vn/le-ra-mat/le-ra-mat-dak-lak/anh-960.jpg",
                Some("image/jpeg")
            ),
            (
                "https://example.gov.vn/le-ra-mat/le-ra-mat-ca-mau/anh-960.jpg",
                Some("image/jpeg")
            ),
        ]
    );
    let thumbnails = document
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some("http://search.yahoo.com/mrss/"))
        .count();
    assert_eq!(thumbnails, 2);
}

#[test]
fn a_section_links_its_years_and_each_year_lists_its_months() {
    let site = SiteTest::new()
        .article("content/tin-tuc/a.md", "Bài A", "2023-12-30", "", "A")
        .article("content/tin-tuc/b.md", "Bài B", "2024-06-12", "", "B")
        .article(
            "content/tin-tuc/c.md",
            "Bài C",
            "2024-07-01",
            "province: Đắk Lắk\n",
            "C",
        )
        .article("content/tin-tuc/d.md", "Bài D", "2024-07-20", "", "D")
        .build();
    let section = site.main("/tin-tuc/");
    let years = between(&section, "<nav class=\"archive-years\"", "</nav>");
    assert!(
        years.contains(
            r#"<li><a href="/tin-tuc/2024/">2024</a> <span class="term-count">(3 bài)</span></li>"#
        ),
        "{years}"
    );
    assert!(
        years.find("/tin-tuc/2024/") < years.find("/tin-tuc/2023/"),
        "{years}"
    );
    let archive = site.main("/tin-tuc/2024/");
    let months: Vec<&str> = archive
        .split("<h2 id=\"thang_")
        .skip(1)
        .map(|rest| &rest[rest.find('>').expect("end") + 1..rest.find("</h2>").expect("end")])
        .collect();
    assert_eq!(months, ["Tháng 7/2024", "Tháng 6/2024"]);
    assert!(archive.find("/tin-tuc/bai-d/") < archive.find("/tin-tuc/bai-c/"));
    assert!(
        archive.contains(r#"<li><a href="/tin-tuc/bai-c/">Bài C</a> <span class="term-count"><time datetime="2024-07-01">1/7/2024</time> · Đắk Lắk</span></li>"#),
        "{archive}"
    );
    assert!(
        archive.contains(r#"<a href="/tin-tuc/2024/" aria-current="page">2024</a>"#),
        "{archive}"
    );
    assert!(site.main("/tin-tuc/2023/").contains("/tin-tuc/bai-a/"));
    let sitemap = site.page("/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/tin-tuc/2023/</loc>"));
}

#[test]
fn an_article_whose_address_is_a_year_is_told_the_slug_that_works() {
    let site = SiteTest::new().article("content/tin-tuc/a.md", "2024", "2024-07-01", "", "A");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "this article's address `/tin-tuc/2024/` is the page loa makes to list the section's articles of 2024",
        "--> content/tin-tuc/a.md:2:1",
        "write `slug: tong-ket-2024` in the article",
    ] {
        assert!(run.stderr.contains(said), "{said:?} in\n{}", run.stderr);
    }
    let fixed = site.file(
        "content/tin-tuc/a.md",
        "---\ntitle: \"2024\"\nslug: tong-ket-2024\ndate: 2024-07-01\n---\nA\n",
    );
    assert_eq!(fixed.run(&["check"]).code, 0);
}

/// The related articles' links at the end of the article at `url`.
fn related(site: &SiteTest, url: &str) -> Vec<String> {
    let main = site.main(url);
    match main.find("<aside class=\"related\"") {
        Some(start) => card_links(&main[start..]),
        None => Vec::new(),
    }
}

#[test]
fn related_articles_are_of_the_same_province_first_then_share_a_tag_newest_first() {
    let build = || {
        SiteTest::new()
            .article(
                "content/tin-tuc/goc.md",
                "Bài gốc",
                "2024-07-10",
                "province: Đắk Lắk\ntags: [lễ ra mắt, Tây Nguyên]\n",
                "Gốc.",
            )
            .article(
                "content/tin-tuc/cung-tinh.md",
                "Cùng tỉnh",
                "2024-01-01",
                "province: Đắk Lắk\n",
                "X",
            )
            .article(
                "content/le-ra-mat/cung-the-moi.md",
                "Cùng thẻ mới",
                "2024-07-05",
                "tags: [Tây Nguyên]\n",
                "X",
            )
            .article(
                "content/le-ra-mat/cung-the-b.md",
                "Cùng thẻ B",
                "2024-07-02",
                "tags: [lễ ra mắt]\n",
                "X",
            )
            .article(
                "content/le-ra-mat/cung-the-a.md",
                "Cùng thẻ A",
                "2024-07-02",
                "tags: [lễ ra mắt]\n",
                "X",
            )
            .article(
                "content/tin-tuc/khong-lien-quan.md",
                "Không liên quan",
                "2024-07-09",
                "tags: [khác]\n",
                "X",
            )
            .file("content/huong-dan/_index.md", GUIDE)
            .article(
                "content/huong-dan/cung-tinh.md",
                "Hướng dẫn",
                "2024-07-09",
                "province: Đắk Lắk\n",
                "X",
            )
            .build()
    };
    let site = build();
    let expected = [
        "/tin-tuc/cung-tinh/",
        "/le-ra-mat/cung-the-moi/",
        "/le-ra-mat/cung-the-a/",
    ];
    assert_eq!(related(&site, "/tin-tuc/bai-goc/"), expected);
    assert_eq!(
        related(&build(), "/tin-tuc/bai-goc/"),
        expected,
        "every build"
    );
    assert!(
        related(&site, "/tin-tuc/khong-lien-quan/").is_empty(),
        "nothing in common, nothing shown"
    );
    assert_eq!(
        related(&site, "/huong-dan/huong-dan/"),
        ["/tin-tuc/bai-goc/", "/tin-tuc/cung-tinh/"],
        "an unlisted section's article may point to readers' articles"
    );
}

#[test]
fn an_article_has_plain_share_links_and_a_print_button_for_scripts_only() {
    let site = SiteTest::new()
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", "A")
        .build();
    let main = site.main("/tin-tuc/bai-a/");
    let address = "https%3A%2F%2Fexample.gov.vn%2Ftin-tuc%2Fbai-a%2F";
    assert!(
        main.contains(&format!(
            r#"<a class="share-link" href="https://www.facebook.com/sharer/sharer.php?u={address}">Facebook</a>"#
        )),
        "{main}"
    );
    assert!(
        main.contains(&format!(
            r#"<a class="share-link" href="https://sp.zalo.me/share_inline?url={address}">Zalo</a>"#
        )),
        "{main}"
    );
    assert!(
        main.contains(r#"<button type="button" class="print-button" hidden>In bài viết</button>"#),
        "{main}"
    );
    let page = site.page("/tin-tuc/bai-a/");
    for external in ["<script src=", "<iframe", "facebook.net", "zalo.me/plugins"] {
        assert!(
            !page.contains(external),
            "nothing is fetched before a click: {external}"
        );
    }
}

#[test]
fn the_table_of_todays_provinces_leads_with_those_that_have_figures() {
    let site = SiteTest::new()
        .article(
            "content/le-ra-mat/hai-duong.md",
            "Lễ ra mắt Hải Dương",
            "2024-06-12",
            "province: Hải Dương\nstats: { teams: 1341 }\n",
            "Buổi lễ.",
        )
        .build();
    let main = site.main("/thong-ke/");
    let table = between(&main, "<section aria-labelledby=\"hien-nay\"", "</section>");
    let rows: Vec<String> = table
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|row| without_tags(&row[..row.find("</th>").expect("the end of the cell")]))
        .collect();
    assert_eq!(rows.len(), 34, "{table}");
    assert_eq!(rows[0], "Hải Phòng");
    assert_eq!(&rows[1..3], ["An Giang", "Bắc Ninh"]);
    assert!(
        table.contains(r#"<div class="table-wrap" tabindex="0">"#),
        "a table that scrolls is reachable from the keyboard: {table}"
    );
}
