//! Issue 27, "Scheduled articles": an article dated after the build's day waits. It is
//! in no page, list, feed, sitemap or search index until a build on or after its date;
//! `build` says how many wait and the next date; `--future` includes them; the preview
//! server shows them, marked. A date with an offset keeps its moment, and the text `loa
//! new` writes as a placeholder, left in a published article, is a warning.

use crate::support::SiteTest;

fn site() -> SiteTest {
    SiteTest::new()
        .article(
            "content/tin-tuc/da-dang.md",
            "Bài đã đăng",
            "2024-07-01",
            "",
            "Nội dung.",
        )
        .article(
            "content/tin-tuc/hen-gio.md",
            "Bài hẹn giờ",
            "2999-09-02",
            "",
            "Sắp đăng.",
        )
        .article(
            "content/tin-tuc/hen-sau.md",
            "Bài hẹn sau",
            "2999-12-31 08:00",
            "",
            "Còn lâu.",
        )
}

#[test]
fn an_article_dated_after_today_is_in_no_output_file() {
    let site = site();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("/tin-tuc/bai-da-dang/"));
    assert!(!site.exists("/tin-tuc/bai-hen-gio/"));
    let mut leaks = Vec::new();
    for entry in walkdir::WalkDir::new(site.out()) {
        let entry = entry.expect("walk the output");
        if entry.file_type().is_file()
            && let Ok(text) = std::fs::read_to_string(entry.path())
            && (text.contains("hen-gio") || text.contains("hẹn giờ") || text.contains("hen gio"))
        {
            leaks.push(entry.path().display().to_string());
        }
    }
    assert_eq!(
        leaks,
        Vec::<String>::new(),
        "files that name the waiting article"
    );
    assert!(
        run.stdout.contains(
            "2 article(s) dated after today wait for their date, the next on 2999-09-02: a build on or after that day publishes it (`--future` includes them now)."
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn build_says_in_vietnamese_how_many_wait_and_the_next_date() {
    let run = site().run_with_lang(&["build"], "vi_VN.UTF-8");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("2 bài hẹn ngày đăng sau hôm nay đang chờ, bài gần nhất vào ngày 2/9/2999"),
        "{}",
        run.stdout
    );
}

#[test]
fn future_includes_them_marked() {
    let site = site();
    let run = site.run(&["build", "--future"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stdout.contains("wait for their date"),
        "{}",
        run.stdout
    );
    let page = site.main("/tin-tuc/bai-hen-gio/");
    assert!(
        page.contains("Hẹn giờ: bài này chỉ được đăng từ ngày 2/9/2999."),
        "{page}"
    );
    assert!(site.page("/sitemap.xml").contains("/tin-tuc/bai-hen-gio/"));
    assert!(!site.main("/tin-tuc/bai-da-dang/").contains("Hẹn giờ"));
}

#[test]
fn a_link_to_a_waiting_article_is_an_error_until_its_date() {
    let site = site().article(
        "content/tin-tuc/lien-ket.md",
        "Liên kết",
        "2024-07-02",
        "",
        "Xem [bài sắp đăng](@/tin-tuc/hen-gio.md).",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "error: the link points to `@/tin-tuc/hen-gio.md`, dated after today, which this build leaves out until its date"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(site.run(&["build", "--future"]).code, 0);
}

#[test]
fn a_date_with_an_offset_keeps_its_moment() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Lễ ra mắt",
            "2024-07-01T23:30:00-05:00",
            "",
            "Nội dung.",
        )
        .build();
    let page = site.main("/tin-tuc/le-ra-mat/");
    assert!(
        page.contains(r#"<time datetime="2024-07-02T11:30:00+07:00">"#),
        "{page}"
    );
}

#[test]
fn the_placeholder_of_loa_new_left_in_a_published_article_is_a_warning() {
    let site = SiteTest::new().file(
        "content/tin-tuc/a.md",
        "---\ntitle: A\ndate: 2024-07-01\n---\nViết đoạn mở đầu của bài ở đây: việc gì, ở đâu, khi nào.\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "1. warning: this line is still the text `loa new` wrote as an example: `Viết đoạn mở đầu của bài ở đây: việc gì, ở đâu, khi nào.`\n --> content/tin-tuc/a.md:5:1"
        ),
        "{}",
        run.stderr
    );
    let draft = SiteTest::new().file(
        "content/tin-tuc/a.md",
        "---\ntitle: A\ndate: 2024-07-01\ndraft: true\n---\nViết đoạn mở đầu của bài ở đây: việc gì, ở đâu, khi nào.\n",
    );
    let run = draft.run(&["build", "--drafts"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn the_guide_quotes_what_loa_really_says() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/huong-dan/hen-gio-dang-bai.md"),
    )
    .expect("the guide's page");
    let waiting = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "A",
            "2999-12-19 08:00",
            "",
            "Sắp đăng.",
        )
        .run_with_lang(&["build"], "vi_VN.UTF-8");
    let said = waiting
        .stdout
        .lines()
        .find(|l| l.contains("đang chờ"))
        .expect("the line");
    assert!(guide.contains(&said.replace("2999", "2026")), "{said}");
    let placeholder = SiteTest::new()
        .file(
            "content/tin-tuc/a.md",
            "---\ntitle: A\ndate: 2024-07-01\n---\nViết đoạn mở đầu của bài ở đây: việc gì, ở đâu, khi nào.\n",
        )
        .run(&["check", "--lang", "vi"]);
    for line in placeholder
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
