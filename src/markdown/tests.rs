use super::*;

fn render_plain(markdown: &str) -> Rendered {
    render(
        markdown,
        false,
        &|path| (path == "tin-tuc/a.md").then(|| "/tin-tuc/a/".to_string()),
        &Pictures::default(),
        &no_shortcodes,
    )
}

/// Makes every call into a paragraph naming it, refusing `broken`.
fn no_shortcodes(call: &shortcodes::Call) -> Result<shortcodes::Expanded, shortcodes::Refusal> {
    match call.name.as_str() {
        "broken" => Err(shortcodes::Refusal {
            message: "broken".into(),
            help: None,
        }),
        name => Ok(shortcodes::Expanded {
            html: format!("<p class=\"made\">{name}</p>"),
            text: name.to_string(),
        }),
    }
}

#[test]
fn a_paragraph_of_calls_becomes_their_html_even_beside_sanitised_html() {
    let markdown = "Đoạn đầu.\n\n{{ video(id=\"a\") }}\n\n<iframe src=\"https://www.youtube.com/embed/a\"></iframe>\n\n{{ broken() }}\n\n`{{ code() }}`\n";
    let rendered = render(
        markdown,
        false,
        &|_| None,
        &Pictures::default(),
        &no_shortcodes,
    );
    let html = rendered.html.text();
    assert!(html.contains("<p class=\"made\">video</p>"), "{html}");
    assert!(!html.contains("iframe"), "{html}");
    assert!(html.contains("<code>{{ code() }}</code>"), "{html}");
    assert!(rendered.has_shortcodes);
    let failed: Vec<&str> = rendered
        .failed
        .iter()
        .map(|f| &markdown[f.offset..f.offset + f.len])
        .collect();
    assert_eq!(failed, ["{{ broken() }}"]);
    let removed: Vec<&str> = rendered.removed.iter().map(|r| r.what.as_str()).collect();
    assert_eq!(removed, ["<iframe"]);
    assert!(
        text_of(&rendered).contains("video"),
        "{}",
        text_of(&rendered)
    );
}

#[test]
fn headings_get_unique_ascii_ids() {
    let rendered = render_plain("## Đắk Lắk\n\n## Đắk Lắk\n\n### Số liệu {#so-lieu-2024}\n");
    assert!(
        rendered
            .html
            .text()
            .contains(r#"<h2 id="dak-lak">Đắk Lắk</h2>"#)
    );
    assert!(
        rendered
            .html
            .text()
            .contains(r#"<h2 id="dak-lak-1">Đắk Lắk</h2>"#)
    );
    assert!(
        rendered
            .html
            .text()
            .contains(r#"<h3 id="so-lieu-2024">Số liệu</h3>"#)
    );
    assert_eq!(rendered.headings.len(), 3);
}

#[test]
fn tables_footnotes_strikethrough_and_smart_quotes() {
    let rendered = render_plain(
        "| Tỉnh | Tổ |\n|---|---|\n| Đắk Lắk | 2.199 |\n\nChữ ~~cũ~~ \"mới\"[^1]\n\n[^1]: Ghi chú.\n",
    );
    assert!(
        rendered
            .html
            .text()
            .contains("<div class=\"table-wrap\" tabindex=\"0\"><table>")
    );
    assert!(rendered.html.text().contains("</table></div>"));
    assert!(rendered.html.text().contains("<del>cũ</del>"));
    assert!(rendered.html.text().contains("“mới”"));
    assert!(rendered.html.text().contains("footnote-definition"));
}

#[test]
fn internal_links_resolve_and_missing_ones_are_reported() {
    let rendered = render_plain(
        "Xem [bài](@/tin-tuc/a.md#so-lieu), [bài khác](@/tin-tuc/b.md) và [trang](/le-ra-mat/).",
    );
    assert!(
        rendered
            .html
            .text()
            .contains(r#"href="/tin-tuc/a/#so-lieu""#)
    );
    let targets: Vec<_> = rendered.links.iter().map(|l| &l.target).collect();
    assert_eq!(
        targets,
        [
            &LinkTarget::File {
                path: "tin-tuc/a.md".into(),
                url: "/tin-tuc/a/".into(),
                anchor: Some("so-lieu".into())
            },
            &LinkTarget::MissingFile {
                path: "tin-tuc/b.md".into()
            },
            &LinkTarget::RootRelative {
                path: "/le-ra-mat/".into(),
                anchor: None
            },
        ]
    );
    assert_eq!(
        rendered.links[1].offset,
        "Xem [bài](@/tin-tuc/a.md#so-lieu), ".len()
    );
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let markdown = "<script>alert(1)</script>\n\n<figure><img src=\"a.jpg\" alt=\"Lễ\" onerror=\"x()\"><figcaption>Ảnh</figcaption></figure>\n";
    let safe = render(
        markdown,
        false,
        &|_| None,
        &Pictures::default(),
        &no_shortcodes,
    )
    .html
    .text();
    assert!(!safe.contains("script"));
    assert!(!safe.contains("onerror"));
    assert!(safe.contains("<figcaption>Ảnh</figcaption>"));
    let trusted = render(
        markdown,
        true,
        &|_| None,
        &Pictures::default(),
        &no_shortcodes,
    )
    .html
    .text();
    assert!(trusted.contains("<script>"));
}

#[test]
fn the_first_paragraph_is_the_summary() {
    let rendered = render_plain("## Tiêu đề\n\nĐoạn *đầu*.\n\nĐoạn sau.\n");
    assert_eq!(
        rendered.first_paragraph.as_deref(),
        Some("<p>Đoạn <em>đầu</em>.</p>\n")
    );
    assert_eq!(rendered.words, 6);
}

fn text_of(rendered: &Rendered) -> String {
    rendered.text.text(&rendered.html.text())
}

/// The photo `anh.jpg`, resized as a build resizes it.
fn with_photo() -> Pictures {
    let picture = Picture {
        src: "/a/anh-480.jpg".into(),
        srcset: "/a/anh-480.jpg 480w, /a/anh-960.jpg 960w".into(),
        width: 960,
        height: 640,
        original: "/a/anh.jpg".into(),
    };
    Pictures {
        by_src: HashMap::from([("anh.jpg".to_string(), picture)]),
        eager: 1,
    }
}

/// Markdown and the text a reader sees of it, as search reads it.
const TEXTS: [(&str, &str); 14] = [
    (
        "Lực lượng **tham gia**\nbảo  vệ.\n",
        "Lực lượng tham gia bảo vệ.\n",
    ),
    ("# Tiêu đề {#tieu-de}\n\nĐoạn.\n", "Tiêu đề\nĐoạn.\n"),
    // Alt text is an attribute, not text; an image stands apart from the text around it.
    ("Trước ![ảnh diễu hành](a.jpg) sau.\n", "Trước\nsau.\n"),
    ("Trước ![ảnh diễu hành](anh.jpg) sau.\n", "Trước\nsau.\n"),
    // A photo alone in its paragraph is a figure, and its caption is text.
    (
        "![ảnh diễu hành](anh.jpg \"Lễ ra mắt, sáng 1/7\")\n",
        "Lễ ra mắt, sáng 1/7 Tải ảnh gốc\n",
    ),
    ("![ảnh diễu hành](b.jpg \"Lễ & hội\")\n", "Lễ & hội\n"),
    // Code is text; its white space collapses like any other.
    (
        "Gõ `loa  build`:\n\n```\nloa build\n    --out x\n```\n",
        "Gõ loa build:\nloa build --out x\n",
    ),
    // A footnote's number shows where it is referred to, and before the note.
    (
        "Số liệu[^1].\n\n[^1]: Theo *Bộ Công an*.\n",
        "Số liệu1.\n1\nTheo Bộ Công an.\n",
    ),
    // Hard breaks, list items, table cells, quotes and rules separate text.
    (
        "Dòng một  \ndòng hai\\\ndòng ba\n",
        "Dòng một\ndòng hai\ndòng ba\n",
    ),
    (
        "| Tỉnh | Tổ |\n|---|--:|\n| Đắk Lắk | 2.199 |\n",
        "Tỉnh\nTổ\nĐắk Lắk\n2.199\n",
    ),
    (
        "- một\n- hai\n\n> trích\n\n---\n\nhết\n",
        "một\nhai\ntrích\nhết\n",
    ),
    // Entities are the characters they stand for.
    (
        "Q&amp;A: hỏi &#39;đáp&#39;, 1&nbsp;000\n",
        "Q&A: hỏi 'đáp', 1\u{a0}000\n",
    ),
    (
        "[Liên kết](https://example.gov.vn) ~~cũ~~\n",
        "Liên kết cũ\n",
    ),
    ("", ""),
];

#[test]
fn the_text_is_what_a_reader_sees_with_each_block_on_its_own_line() {
    for (markdown, text) in TEXTS {
        let rendered = render(markdown, false, &|_| None, &with_photo(), &no_shortcodes);
        assert_eq!(text_of(&rendered), text, "{markdown}");
    }
}

#[test]
fn the_text_of_raw_html_is_read_from_the_html_as_published() {
    let markdown = "Trước <b>đậm</b> &eacute; sau.\n\n<script>var bi_mat = 1;</script>\n\n\
                    <div title=\"a > b\">khối</div>\n\n![ảnh](a.jpg \"Chú thích\")\n";
    for allowed in [false, true] {
        let rendered = render(
            markdown,
            allowed,
            &|_| None,
            &Pictures::default(),
            &no_shortcodes,
        );
        assert_eq!(
            text_of(&rendered),
            "Trước đậm é sau.\nkhối\nChú thích\n",
            "raw HTML allowed: {allowed}"
        );
    }
}

/// Markdown without raw HTML has its text made from the events that make its HTML,
/// following what `push_html` writes for each: reading that HTML must give the same.
fn text_from_events_is_text_from_html(markdown: &str) {
    for pictures in [Pictures::default(), with_photo()] {
        let rendered = render(markdown, false, &|_| None, &pictures, &no_shortcodes);
        let html = rendered.html.text();
        assert_eq!(
            text_of(&rendered),
            text::from_html(&html),
            "{markdown}\n{html}"
        );
    }
}

#[test]
fn the_text_of_markdown_is_the_text_of_its_html() {
    for (markdown, _) in TEXTS {
        text_from_events_is_text_from_html(markdown);
    }
}

/// Pieces of Markdown that the proptest below puts together.
const PIECES: [&str; 30] = [
    "Đắk Lắk",
    "2.199",
    "*nghiêng*",
    "**đậm**",
    "`mã  x`",
    "[liên kết](https://x.vn \"t\")",
    "![ảnh](anh.jpg)",
    "![ảnh *đẹp*](b.png \"Tiêu đề\")",
    "![a ![b](c.png)[^1]](anh.jpg)",
    "[^1]",
    "[^ghi]",
    "[^1]: ghi chú",
    "[^ghi]: ghi *chú*",
    "| a | b |\n|---|---|\n| c | d |",
    "> trích",
    "- mục",
    "3. mục",
    "```\nmã  khối\n\n x\n```",
    "    thụt  lề",
    "&amp; &#39; &nbsp; &eacute; &#x110;",
    "# Tiêu đề",
    "## H2 {#id}",
    "---",
    "a\\\nb",
    "a  \nb",
    "x > y < z",
    "\"trích\" don't",
    "~~gạch~~",
    "<https://vi.wikipedia.org>",
    "\t",
];

const BETWEEN: [&str; 8] = [" ", "\n", "\n\n", "  \n", "", "\n> ", "\n- ", "\n\n    "];

proptest::proptest! {
    #[test]
    fn any_markdown_gives_the_text_of_its_html(
        parts in proptest::collection::vec((0..PIECES.len(), 0..BETWEEN.len()), 0..12)
    ) {
        let markdown: String = parts.iter().map(|&(p, b)| format!("{}{}", PIECES[p], BETWEEN[b])).collect();
        text_from_events_is_text_from_html(&markdown);
    }
}

#[test]
fn a_table_of_raw_html_is_framed_too_and_its_frame_survives_sanitising() {
    let rendered = render_plain(
        "<table class=\"x\"><tr><td>Đắk Lắk</td></tr></table>\n\n<tablet>chữ</tablet>\n",
    );
    let html = rendered.html.text();
    assert!(
        html.starts_with("<div class=\"table-wrap\" tabindex=\"0\"><table class=\"x\">"),
        "{html}"
    );
    assert_eq!(html.matches("table-wrap").count(), 1, "{html}");
    assert_eq!(html.matches("</table></div>").count(), 1, "{html}");
}
