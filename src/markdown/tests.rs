use super::*;

fn render_plain(markdown: &str) -> Rendered {
    render(
        markdown,
        false,
        &|path| (path == "tin-tuc/a.md").then(|| "/tin-tuc/a/".to_string()),
        &Pictures::default(),
    )
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
    assert!(rendered.html.text().contains("<table>"));
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
    let safe = render(markdown, false, &|_| None, &Pictures::default())
        .html
        .text();
    assert!(!safe.contains("script"));
    assert!(!safe.contains("onerror"));
    assert!(safe.contains("<figcaption>Ảnh</figcaption>"));
    let trusted = render(markdown, true, &|_| None, &Pictures::default())
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
