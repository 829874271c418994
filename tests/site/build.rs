//! `loa build` turns a site into pages: URLs, articles, bundles, drafts, aliases,
//! summaries, Markdown features and the closing line.

use crate::support::{SiteTest, card_links, jpeg};

#[test]
fn an_article_gets_a_pretty_ascii_url_from_its_title() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/bai-1.md",
            "Lễ ra mắt lực lượng Đắk Lắk",
            "2024-07-01",
            "",
            "Nội dung.",
        )
        .build();
    let main = site.main("/tin-tuc/le-ra-mat-luc-luong-dak-lak/");
    assert!(
        main.contains("<h1>Lễ ra mắt lực lượng Đắk Lắk</h1>"),
        "{main}"
    );
    assert!(main.contains("<p>Nội dung.</p>"));
}

#[test]
fn a_slug_in_front_matter_overrides_the_title() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "slug: dak-lak-2024\n",
            "A",
        )
        .build();
    assert!(site.exists("/tin-tuc/dak-lak-2024/"));
    assert!(!site.exists("/tin-tuc/bai-a/"));
}

#[test]
fn nfd_text_is_normalised_to_nfc_in_pages_and_urls() {
    let nfd_title = "Le\u{302}\u{303} ra ma\u{306}\u{301}t";
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            nfd_title,
            "2024-07-01",
            "",
            "Đa\u{306}\u{301}k La\u{306}\u{301}k",
        )
        .build();
    let main = site.main("/tin-tuc/le-ra-mat/");
    assert!(main.contains("<h1>Lễ ra mắt</h1>"), "{main}");
    assert!(main.contains("Đắk Lắk"));
}

#[test]
fn a_bundle_article_has_its_images_copied_beside_it() {
    let photo = jpeg(64, 48);
    let site = SiteTest::new()
        .article(
            "content/le-ra-mat/dak-lak/index.md",
            "Lễ ra mắt Đắk Lắk",
            "2024-07-01",
            "image: { src: anh-le.jpg, alt: Lực lượng diễu hành }\n",
            "![Lực lượng diễu hành](anh-le.jpg)",
        )
        .bytes("content/le-ra-mat/dak-lak/anh-le.jpg", &photo)
        .bytes("content/le-ra-mat/dak-lak/anh/phu.jpg", b"JPEG2")
        .build();
    assert_eq!(
        std::fs::read(site.out().join("le-ra-mat/le-ra-mat-dak-lak/anh-le.jpg")).unwrap(),
        photo
    );
    assert_eq!(
        std::fs::read(site.out().join("le-ra-mat/le-ra-mat-dak-lak/anh/phu.jpg")).unwrap(),
        b"JPEG2"
    );
    let main = site.main("/le-ra-mat/le-ra-mat-dak-lak/");
    assert!(
        main.contains(r#"href="/le-ra-mat/le-ra-mat-dak-lak/anh-le.jpg">Tải ảnh gốc</a>"#),
        "{main}"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bản nháp",
            "2024-07-01",
            "draft: true\n",
            "A",
        )
        .article("content/tin-tuc/b.md", "Đã đăng", "2024-07-02", "", "B")
        .build();
    assert!(!site.exists("/tin-tuc/ban-nhap/"));
    assert!(!site.page("/tin-tuc/").contains("Bản nháp"));
    assert!(!site.page("/sitemap.xml").contains("ban-nhap"));
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("/tin-tuc/ban-nhap/"));
}

#[test]
fn aliases_redirect_to_the_article() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "aliases: [/tin-cu/bai-a/, /cu.html]\n",
            "A",
        )
        .build();
    for alias in ["/tin-cu/bai-a/", "/cu.html"] {
        let page = site.page(alias);
        assert!(page.contains(r#"<meta http-equiv="refresh" content="0; url=https://example.gov.vn/tin-tuc/bai-a/">"#), "{page}");
        assert!(
            page.contains(r#"<link rel="canonical" href="https://example.gov.vn/tin-tuc/bai-a/">"#)
        );
    }
}

#[test]
fn summaries_come_from_front_matter_or_the_first_paragraph() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Có tóm tắt",
            "2024-07-02",
            "summary: Tóm tắt <riêng> & gọn\n",
            "Đoạn một.",
        )
        .article(
            "content/tin-tuc/b.md",
            "Không tóm tắt",
            "2024-07-01",
            "",
            "## Mở đầu\n\nĐoạn *đầu* tiên.\n\nĐoạn hai.",
        )
        .build();
    let list = site.main("/tin-tuc/");
    assert!(
        list.contains("<p>Tóm tắt &lt;riêng&gt; &amp; gọn</p>"),
        "{list}"
    );
    assert!(list.contains("<p>Đoạn <em>đầu</em> tiên.</p>"));
    assert!(!list.contains("Đoạn hai."));
}

#[test]
fn a_stand_alone_page_is_not_listed_and_needs_no_date() {
    let site = SiteTest::new()
        .file(
            "content/gioi-thieu.md",
            "---\ntitle: Giới thiệu\n---\nVề trang.\n",
        )
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", "A")
        .build();
    assert!(site.main("/gioi-thieu/").contains("Về trang."));
    assert!(!site.page("/atom.xml").contains("gioi-thieu"));
    assert!(!site.main("/").contains("Giới thiệu</a></h3>"));
}

#[test]
fn markdown_has_tables_footnotes_strikethrough_smart_quotes_and_heading_anchors() {
    let body = "## Số liệu Đắk Lắk\n\n| Tỉnh | Tổ |\n|---|---:|\n| Đắk Lắk | 2.199 |\n\nChữ ~~cũ~~ và \"mới\"[^1].\n\n[^1]: Theo báo cáo.\n\n[Về số liệu](#so-lieu-dak-lak)\n";
    let site = SiteTest::new()
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", body)
        .build();
    let main = site.main("/tin-tuc/bai-a/");
    assert!(
        main.contains(r#"<h2 id="so-lieu-dak-lak">Số liệu Đắk Lắk</h2>"#),
        "{main}"
    );
    assert!(main.contains("<table>"));
    assert!(main.contains("<del>cũ</del>"));
    assert!(main.contains("“mới”"));
    assert!(main.contains("footnote-definition"));
    assert!(main.contains(r##"<a href="#so-lieu-dak-lak">"##));
}

#[test]
fn internal_links_to_files_become_urls() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "",
            "## Kết quả\n\nA",
        )
        .article(
            "content/le-ra-mat/b.md",
            "Bài B",
            "2024-07-01",
            "",
            "Xem [bài A](@/tin-tuc/a.md#ket-qua) và [mục](@/tin-tuc/_index.md).",
        )
        .file("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n")
        .build();
    let main = site.main("/le-ra-mat/bai-b/");
    assert!(
        main.contains(r##"<a href="/tin-tuc/bai-a/#ket-qua">bài A</a>"##),
        "{main}"
    );
    assert!(main.contains(r#"<a href="/tin-tuc/">mục</a>"#));
}

#[test]
fn raw_html_is_sanitised_unless_the_site_trusts_it() {
    let body = "<script>alert('x')</script>\n\n<p onclick=\"x()\">Chữ</p>\n";
    let site = SiteTest::new()
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", body)
        .build();
    let main = site.main("/tin-tuc/bai-a/");
    assert!(!main.contains("<script>alert"), "{main}");
    assert!(!main.contains("onclick"));
    assert!(main.contains("<p>Chữ</p>"));

    let trusted = SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}unsafe_html: true\n", crate::support::SITE_YAML),
        )
        .article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", body)
        .build();
    assert!(
        trusted
            .main("/tin-tuc/bai-a/")
            .contains("<script>alert('x')</script>")
    );
}

#[test]
fn front_matter_text_is_escaped_in_pages() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "\"<b>Đậm</b> & nhạt\"",
            "2024-07-01",
            "location: <i>Buôn Ma Thuột</i>\n",
            "A",
        )
        .build();
    let page = site.page("/tin-tuc/b-dam-b-nhat/");
    assert!(
        page.contains("<h1>&lt;b&gt;Đậm&lt;/b&gt; &amp; nhạt</h1>"),
        "{page}"
    );
    assert!(!page.contains("<i>Buôn"));
}

#[test]
fn build_options_out_and_base_url_are_honoured() {
    let site = SiteTest::new().article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", "A");
    let run = site.run(&[
        "build",
        "--out",
        "dist",
        "--base-url",
        "https://antt.gov.vn/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.root().join("dist/tin-tuc/bai-a/index.html")).unwrap();
    assert!(page.contains(r#"<link rel="canonical" href="https://antt.gov.vn/tin-tuc/bai-a/">"#));
}

#[test]
fn build_ends_with_one_line_of_pages_and_time() {
    let site = SiteTest::new().article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", "A");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].starts_with("Built "), "{}", lines[0]);
    assert!(
        lines[0].contains(" pages ") && lines[0].ends_with(" ms."),
        "{}",
        lines[0]
    );
}

#[test]
fn site_templates_override_the_theme() {
    let site = SiteTest::new()
        .file(
            "templates/page.html",
            "<main>Riêng: {{ page.title }}</main>",
        )
        .file("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n")
        .build();
    assert_eq!(site.main("/gioi-thieu/"), "<main>Riêng: Giới thiệu</main>");
}

#[test]
fn vietnamese_number_and_date_filters() {
    let template = "<main>{{ 2199 | number }}|{{ 1234567 | number }}|{{ 4.6 | number }}|{{ page.date | date }}|{{ page.date | date_short }}|{{ page.date | date_weekday }}|{{ page.date | date_admin }}|{{ \"2025-02-09\" | date_admin }}</main>";
    let site = SiteTest::new()
        .file("templates/page.html", template)
        .file(
            "content/gioi-thieu.md",
            "---\ntitle: Giới thiệu\ndate: 2024-07-01\n---\n",
        )
        .build();
    assert_eq!(
        site.main("/gioi-thieu/"),
        "<main>2.199|1.234.567|4,6|1/7/2024|1/7/2024|Thứ Hai, 01/07/2024|ngày 01 tháng 7 năm 2024|ngày 09 tháng 02 năm 2025</main>"
    );
}

#[test]
fn shorten_cuts_a_text_at_a_word_and_marks_the_cut() {
    let template =
        "<main>{{ page.title | shorten(length=12) }}|{{ page.title | shorten(length=40) }}</main>";
    let site = SiteTest::new()
        .file("templates/page.html", template)
        .file(
            "content/gioi-thieu.md",
            "---\ntitle: Lễ ra mắt tổ bảo vệ an ninh\n---\n",
        )
        .build();
    assert_eq!(
        site.main("/le-ra-mat-to-bao-ve-an-ninh/"),
        "<main>Lễ ra mắt…|Lễ ra mắt tổ bảo vệ an ninh</main>"
    );
}

#[test]
fn an_articles_description_is_its_opening_cut_at_a_word() {
    let opening = "Sáng 1/7/2024, tỉnh ra mắt 1.341 tổ bảo vệ an ninh, trật tự ở cơ sở với 4.023 thành viên; các tổ nhận nhiệm vụ tuần tra, hòa giải và nắm tình hình ở từng thôn, tổ dân phố trên toàn tỉnh.";
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/ra-mat.md",
            "Ra mắt lực lượng",
            "2024-07-01",
            "",
            &format!("{opening}\n\nĐoạn thứ hai.\n"),
        )
        .build();
    let page = site.page("/tin-tuc/ra-mat-luc-luong/");
    let description = "Sáng 1/7/2024, tỉnh ra mắt 1.341 tổ bảo vệ an ninh, trật tự ở cơ sở với 4.023 thành viên; các tổ nhận nhiệm vụ tuần tra, hòa giải và nắm tình hình ở từng thôn,…";
    assert!(
        page.contains(&format!(
            "<meta name=\"description\" content=\"{description}\">"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "<meta property=\"og:description\" content=\"{description}\">"
    )));
    assert!(page.contains(&format!("\"description\":\"{description}\"")));
    assert!(
        page.contains(&format!("<p>{opening}</p>")),
        "the article keeps its whole opening"
    );
}

#[test]
fn the_site_chooses_its_default_date_style() {
    let site = SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}date_format: admin\n", crate::support::SITE_YAML),
        )
        .file("templates/page.html", "<main>{{ page.date | date }}</main>")
        .file(
            "content/gioi-thieu.md",
            "---\ntitle: Giới thiệu\ndate: 2024-07-01\n---\n",
        )
        .build();
    assert_eq!(
        site.main("/gioi-thieu/"),
        "<main>ngày 01 tháng 7 năm 2024</main>"
    );
}

#[test]
fn a_repeated_build_gives_the_same_files() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "tags: [x, y]\n",
            "A",
        )
        .article(
            "content/tin-tuc/b.md",
            "Bài B",
            "2024-07-01",
            "tags: [y]\n",
            "B",
        )
        .build();
    let first = crate::support::snapshot(&site.out());
    site.rebuild();
    assert_eq!(first, crate::support::snapshot(&site.out()));
    assert_eq!(
        card_links(&site.page("/tin-tuc/")),
        ["/tin-tuc/bai-a/", "/tin-tuc/bai-b/"]
    );
}
