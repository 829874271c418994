//! Issue 27, "Videos and documents, safely": shortcodes in the style of Zola's embed a
//! video privacy-first, a document beside the article and a province's latest figures;
//! a site adds its own in `templates/shortcodes/`; raw HTML that sanitising removes is a
//! warning at its line naming the shortcode to use.

use crate::support::SiteTest;

const BUNDLE: &str = "content/tin-tuc/le-ra-mat/index.md";

fn article(body: &str) -> SiteTest {
    SiteTest::new().file(
        BUNDLE,
        &format!("---\ntitle: Lễ ra mắt\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  teams: 2199\n  members: 9000\n---\nĐoạn đầu.\n\n{body}\n"),
    )
}

#[test]
fn a_video_loads_nothing_from_its_site_until_a_click() {
    let site = article(
        "{{ youtube(id=\"dQw4w9WgXcQ\", title=\"Lễ ra mắt lực lượng\") }}\n\n{{ facebook(url=\"https://www.facebook.com/congan/videos/123\") }}",
    )
    .build();
    let main = site.main("/tin-tuc/le-ra-mat/");
    assert!(
        main.contains(r#"<a class="video-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1">"#),
        "{main}"
    );
    assert!(main.contains("Xem video: Lễ ra mắt lực lượng"), "{main}");
    assert!(
        main.contains("data-embed=\"https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcongan%2Fvideos%2F123&amp;show_text=false&amp;autoplay=1\""),
        "{main}"
    );
    // Nothing on the page makes the browser request the video's site on load.
    for tag in ["<iframe", "<img src=\"https://", "<link rel=\"preconnect"] {
        assert!(!site.page("/tin-tuc/le-ra-mat/").contains(tag), "{tag}");
    }
}

#[test]
fn a_document_shows_its_type_and_size_and_must_exist() {
    let site = article("{{ document(src=\"ke-hoach.pdf\", title=\"Kế hoạch triển khai\") }}")
        .bytes(
            "content/tin-tuc/le-ra-mat/ke-hoach.pdf",
            &vec![b'%'; 1_258_291],
        )
        .build();
    assert!(
        site.main("/tin-tuc/le-ra-mat/").contains(
            r#"<p class="document"><a href="/tin-tuc/le-ra-mat/ke-hoach.pdf">Kế hoạch triển khai</a> <span class="document-meta">(PDF, 1,2 MB)</span></p>"#
        )
    );
    let run = article("{{ document(src=\"ke-hoach.docx\") }}").run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "1. error: the document `ke-hoach.docx` does not exist\n  --> content/tin-tuc/le-ra-mat/index.md:11:1"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_figures_box_shows_the_latest_figures_of_a_province() {
    let site = article("{{ figures(province=\"Đắk Lắk\") }}").build();
    let main = site.main("/tin-tuc/le-ra-mat/");
    assert!(
        main.contains(r#"Số liệu mới nhất của <a href="/thong-ke/dak-lak/">Đắk Lắk</a>"#),
        "{main}"
    );
    assert!(
        main.contains("<dt>Tổ bảo vệ ANTT</dt><dd>2.199 <small>(tính đến 1/7/2024)</small></dd>"),
        "{main}"
    );
    let run = article("{{ figures(province=\"Cần Thơ\") }}").run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: no article reports figures for `Cần Thơ`"),
        "{}",
        run.stderr
    );
}

#[test]
fn mistakes_in_a_call_are_errors_at_its_line_with_the_fix() {
    let run = article("{{ youtub(id=\"dQw4w9WgXcQ\") }}\n\n{{ youtube(video=\"dQw4w9WgXcQ\") }}\n\n{{ youtube(id=\"dQw4w9WgXcQ) }}")
        .run_with_lang(&["build"], "vi_VN.UTF-8");
    assert_eq!(run.code, 1);
    let expected = [
        "1. lỗi: không có mã nhúng `youtub`\n  --> content/tin-tuc/le-ra-mat/index.md:11:1",
        "= gợi ý: có phải ý bạn là `youtube`?",
        "2. lỗi: mã nhúng `youtube` không nhận `video=\"dQw4w9WgXcQ\"`\n  --> content/tin-tuc/le-ra-mat/index.md:13:1",
        "3. lỗi: loa không đọc được mã nhúng `{{ youtube(id=\"dQw4w9WgXcQ) }}`\n  --> content/tin-tuc/le-ra-mat/index.md:15:1",
    ];
    for line in expected {
        assert!(run.stderr.contains(line), "{line}\nnot in\n{}", run.stderr);
    }
}

#[test]
fn a_site_adds_its_own_shortcodes() {
    let site = article("{{ lich(ngay=\"19/8\", gio=8) }}")
        .file(
            "templates/shortcodes/lich.html",
            "<p class=\"lich\">Ngày {{ ngay }}, {{ gio }} giờ</p>",
        )
        .build();
    assert!(
        site.main("/tin-tuc/le-ra-mat/")
            .contains(r#"<p class="lich">Ngày 19/8, 8 giờ</p>"#)
    );
}

#[test]
fn a_call_inside_code_or_text_stays_as_written_and_text_is_warned() {
    let site =
        article("Viết `{{ youtube(id=\"…\") }}` để nhúng video, như {{ youtube(id=\"x\") }} này.");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "1. warning: `{{ youtube(id=\"x\") }}` is inside running text, so the page shows it as text, not as what it makes\n  --> content/tin-tuc/le-ra-mat/index.md:11:50"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "= help: put the call on a line of its own, with an empty line before and after it"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("2. warning"), "{}", run.stderr);
    let main = site.main("/tin-tuc/le-ra-mat/");
    assert!(
        main.contains("<code>{{ youtube(id=\"…\") }}</code>"),
        "{main}"
    );
    assert!(!main.contains("video-link"), "{main}");
}

#[test]
fn raw_html_that_sanitising_removes_is_a_warning_naming_the_shortcode() {
    let site = article(
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n\n<p onclick=\"alert(1)\">Bấm</p>",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "1. warning: `<iframe` is removed from the page: raw HTML that runs or loads something from another site is not published\n  --> content/tin-tuc/le-ra-mat/index.md:11:1"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("= help: use the shortcode {{ youtube(id=\"…\") }} on a line of its own"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2. warning: `onclick=` is removed"),
        "{}",
        run.stderr
    );
    let main = site.main("/tin-tuc/le-ra-mat/");
    assert!(
        !main.contains("iframe") && !main.contains("onclick"),
        "{main}"
    );
    let trusted = SiteTest::empty()
        .file("site.yaml", "title: T\nbase_url: https://example.gov.vn\nunsafe_html: true\n")
        .file(BUNDLE, "---\ntitle: A\ndate: 2024-07-01\n---\n<iframe src=\"https://example.gov.vn/\"></iframe>\n");
    assert!(!trusted.run(&["build"]).stderr.contains("warning"));
}

#[test]
fn the_guide_quotes_the_warning_loa_really_gives() {
    let run = article("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>")
        .run(&["check", "--lang", "vi"]);
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/huong-dan/nhung-video-tai-lieu-so-lieu.md"),
    )
    .expect("the guide's page");
    for line in run
        .stderr
        .lines()
        .filter(|l| l.contains(". cảnh báo: ") || l.contains("= gợi ý: "))
    {
        let quoted = line.trim_start_matches(|c: char| !c.is_alphabetic());
        let quoted = quoted.strip_prefix("= ").unwrap_or(quoted);
        assert!(
            guide.contains(&format!("    {quoted}\n")),
            "the guide does not quote\n{quoted}"
        );
    }
}
