//! Addresses that would run code in a reader's browser (issue 28): a Markdown link or
//! image to `javascript:`, `vbscript:` or `data:` (images of `data:image/…` aside), in
//! any of Markdown's syntaxes, is an error at its line, so that none is ever published;
//! raw HTML keeps its own rules (`unsafe_html`).

use crate::support::{SiteTest, snapshot};

const ARTICLE: &str = "content/tin-tuc/a.md";

/// What an article's body may hold, with where the error points (line, column: the
/// body starts on line 5) and the scheme it names.
const SYNTAXES: &[(&str, &str, usize, usize, &str)] = &[
    ("inline", "[x](javascript:alert(21))", 5, 1, "javascript"),
    (
        "inside a sentence",
        "Xem [x](javascript:alert(21)).",
        5,
        5,
        "javascript",
    ),
    (
        "with a title",
        "[x](javascript:alert(21) \"Xem\")",
        5,
        1,
        "javascript",
    ),
    (
        "in angle brackets",
        "[x](<javascript:alert(21)>)",
        5,
        1,
        "javascript",
    ),
    ("autolink", "<javascript:alert(21)>", 5, 1, "javascript"),
    (
        "reference",
        "Xem [x][r].\n\n[r]: javascript:alert(21)",
        7,
        1,
        "javascript",
    ),
    (
        "collapsed reference",
        "[r][]\n\n[r]: javascript:alert(21)",
        7,
        1,
        "javascript",
    ),
    (
        "shortcut reference",
        "[r]\n\n[r]: javascript:alert(21)",
        7,
        1,
        "javascript",
    ),
    (
        "character reference",
        "[x](javascript&#58;alert(21))",
        5,
        1,
        "javascript",
    ),
    (
        "named reference",
        "[x](javascript&colon;alert(21))",
        5,
        1,
        "javascript",
    ),
    (
        "mixed case",
        "[x](JaVaScRiPt:alert(21))",
        5,
        1,
        "javascript",
    ),
    (
        "mixed-case autolink",
        "<JaVaScRiPt:alert(21)>",
        5,
        1,
        "javascript",
    ),
    (
        "percent escape",
        "[x](java%73cript:alert(21))",
        5,
        1,
        "javascript",
    ),
    (
        "data",
        "[x](data:text/html,<script>alert(21)</script>)",
        5,
        1,
        "data",
    ),
    (
        "data image as a link",
        "[x](data:image/svg+xml,<svg/>)",
        5,
        1,
        "data",
    ),
    ("vbscript", "[x](vbscript:msgbox(21))", 5, 1, "vbscript"),
    (
        "link around an image",
        "[![x](/logo.png)](javascript:alert(21))",
        5,
        1,
        "javascript",
    ),
    (
        "heading",
        "## [x](javascript:alert(21))",
        5,
        4,
        "javascript",
    ),
    (
        "list item",
        "- [x](javascript:alert(21))",
        5,
        3,
        "javascript",
    ),
    (
        "table cell",
        "| a |\n|---|\n| [x](javascript:alert(21)) |",
        7,
        3,
        "javascript",
    ),
    ("image", "![x](javascript:alert(21))", 5, 1, "javascript"),
    (
        "data image of HTML",
        "![x](data:text/html,<script>alert(21)</script>)",
        5,
        1,
        "data",
    ),
];

/// A published site whose article gains `body`, as the lead of its text: the build
/// must refuse it at its line, and leave what it published before as it was.
fn refused(body: &str, line: usize, column: usize, scheme: &str, case: &str) {
    let site = SiteTest::new()
        .article(
            ARTICLE,
            "Bài A",
            "2024-07-01",
            "",
            "[Cổng thông tin](https://example.gov.vn/)\n\nĐoạn sau.",
        )
        .build();
    let published = snapshot(&site.out());
    let site = site.article(
        ARTICLE,
        "Bài A",
        "2024-07-01",
        "",
        &format!("{body}\n\nĐoạn sau."),
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{case}: {}", run.stderr);
    let what = if body.starts_with("![") || case.starts_with("data image of") {
        "images from"
    } else {
        "links to"
    };
    let expected = format!(
        "error: {what} `{scheme}:` addresses are not allowed\n --> {ARTICLE}:{line}:{column}\n"
    );
    assert!(run.stderr.contains(&expected), "{case}: {}", run.stderr);
    assert!(
        run.stderr
            .ends_with("1 problem found; nothing was written.\n"),
        "{case}: {}",
        run.stderr
    );
    assert!(
        snapshot(&site.out()) == published,
        "{case}: the output changed"
    );
    for url in ["/tin-tuc/bai-a/", "/tin-tuc/", "/", "/atom.xml"] {
        let page = site.page(url);
        assert!(
            page.contains("href=\"https://example.gov.vn/\""),
            "{case}: {url} shows the article as published before"
        );
    }
    assert_no_dangerous_address(&site);
}

/// No file of the output (pages, lists, feeds, the search index) holds an address of a
/// refused scheme.
fn assert_no_dangerous_address(site: &SiteTest) {
    for (path, bytes) in snapshot(&site.out()) {
        let text = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:text"] {
            assert!(!text.contains(scheme), "{} holds {scheme}", path.display());
        }
    }
}

#[test]
fn a_link_that_would_run_code_is_refused_at_its_line_whatever_the_syntax() {
    for (case, body, line, column, scheme) in SYNTAXES {
        refused(body, *line, *column, scheme, case);
    }
}

#[test]
fn a_link_that_would_run_code_is_refused_with_a_fix_in_the_officers_language() {
    let site = SiteTest::new().article(
        ARTICLE,
        "Bài A",
        "2024-07-01",
        "",
        "Xem [x][r] và [y](vbscript:msgbox(21)).\n\n[r]: javascript:alert(21)",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "1. error: links to `vbscript:` addresses are not allowed
 --> content/tin-tuc/a.md:5:15
  |
5 | Xem [x][r] và [y](vbscript:msgbox(21)).
  |               ^^^^^^^^^^^^^^^^^^^^^^^^
  |
  = help: link to a web page (https://…), an e-mail address (mailto:…), a telephone number (tel:…) or a page of this site (/tin-tuc/…), or remove the link and keep its words
  = note: such an address can run a program in the reader's browser

2. error: links to `javascript:` addresses are not allowed
 --> content/tin-tuc/a.md:7:1
  |
7 | [r]: javascript:alert(21)
  | ^^^^^^^^^^^^^^^^^^^^^^^^^
  |
  = help: link to a web page (https://…), an e-mail address (mailto:…), a telephone number (tel:…) or a page of this site (/tin-tuc/…), or remove the link and keep its words
  = note: such an address can run a program in the reader's browser

2 problems found; nothing was written.
"
    );
    let run = site.run(&["--lang", "vi", "build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "1. lỗi: không được đặt liên kết tới địa chỉ `vbscript:`
 --> content/tin-tuc/a.md:5:15"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "= gợi ý: hãy liên kết tới một trang web (https://…), một địa chỉ thư điện tử (mailto:…), một số điện thoại (tel:…) hoặc một trang trong website này (/tin-tuc/…), hoặc bỏ liên kết và chỉ giữ lại chữ"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn links_and_images_that_are_safe_are_published_as_written() {
    let body = "[Web](HTTPS://example.gov.vn/) [thư](mailto:ban@example.gov.vn) \
        [gọi](tel:+842838290000) <ban@example.gov.vn> [mục](/tin-tuc/) [đầu](#so-lieu) \
        [tệp](../bao-cao.pdf)\n\n## Số liệu {#so-lieu}\n\n![Chấm](data:image/gif;base64,R0lGODlhAQABAAAAACw=)\n";
    let site = SiteTest::new()
        .article(ARTICLE, "Bài A", "2024-07-01", "", body)
        .file("content/tin-tuc/bao-cao.pdf", "%PDF")
        .build();
    let main = site.main("/tin-tuc/bai-a/");
    for href in [
        "HTTPS://example.gov.vn/",
        "mailto:ban@example.gov.vn",
        "tel:+842838290000",
        "/tin-tuc/",
        "#so-lieu",
        "../bao-cao.pdf",
    ] {
        assert!(main.contains(&format!("href=\"{href}\"")), "{href}: {main}");
    }
    assert!(
        main.contains(r#"<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Chấm" />"#),
        "{main}"
    );
}

#[test]
fn raw_html_keeps_its_rules_and_markdown_links_are_checked_either_way() {
    let raw = "<p><a href=\"javascript:alert(21)\">x</a></p>";
    // Trusted raw HTML is published as written.
    let site = SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}unsafe_html: true\n", crate::support::SITE_YAML),
        )
        .article(ARTICLE, "Bài A", "2024-07-01", "", raw)
        .build();
    assert!(site.main("/tin-tuc/bai-a/").contains(raw));
    // Untrusted raw HTML is sanitised, without an error.
    let site = SiteTest::new()
        .article(ARTICLE, "Bài A", "2024-07-01", "", raw)
        .build();
    let main = site.main("/tin-tuc/bai-a/");
    assert!(main.contains("<p><a>x</a></p>"), "{main}");
    assert_no_dangerous_address(&site);
    // A Markdown link is not raw HTML: it is refused even where raw HTML is trusted.
    let site = SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}unsafe_html: true\n", crate::support::SITE_YAML),
        )
        .article(
            ARTICLE,
            "Bài A",
            "2024-07-01",
            "",
            "[x](javascript:alert(21))",
        );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(" --> content/tin-tuc/a.md:5:1\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_that_would_run_code_in_a_section_or_home_page_is_refused_too() {
    for path in ["content/_index.md", "content/tin-tuc/_index.md"] {
        let site = SiteTest::new().file(
            path,
            "---\ntitle: Trang\n---\nXem [x](javascript:alert(21)).\n",
        );
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{path}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(" --> {path}:4:5\n")),
            "{path}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_lead_image_that_would_run_code_is_refused_at_its_line() {
    let site = SiteTest::new().article(
        ARTICLE,
        "Bài A",
        "2024-07-01",
        "image: { src: \"javascript:alert(21)\", alt: Toàn cảnh }\n",
        "Chữ.",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "1. error: images from `javascript:` addresses are not allowed
 --> content/tin-tuc/a.md:4:10
  |
4 | image: { src: \"javascript:alert(21)\", alt: Toàn cảnh }
  |          ^^^
  |
  = help: show a photo from a file beside the article (anh.jpg), from this site (/anh/hoi-truong.jpg) or from a web address (https://…)
  = note: such an address can run a program in the reader's browser

1 problem found; nothing was written.
"
    );
}

#[test]
fn a_menu_entry_that_would_run_code_is_refused() {
    let site = SiteTest::new().file(
        "site.yaml",
        &format!(
            "{}menu:\n  - {{ name: Trang chủ, url: / }}\n  - {{ name: Xem, url: \"javascript:alert(21)\" }}\n",
            crate::support::SITE_YAML
        ),
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "1. error: links to `javascript:` addresses are not allowed
  --> site.yaml:14:24
   |
14 |   - { name: Xem, url: \"javascript:alert(21)\" }
   |                        ^^^^^^^^^^^^^^^^^^^^
   |
   = help: link to a web page (https://…), an e-mail address (mailto:…), a telephone number (tel:…) or a page of this site (/tin-tuc/…), or remove the link and keep its words
   = note: such an address can run a program in the reader's browser

1 problem found; nothing was written.
"
    );
}
