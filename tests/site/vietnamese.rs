//! Every message an officer sees is available in Vietnamese, chosen by `--lang vi` or a
//! Vietnamese `LANG`; English stays the default.

use crate::support::{SiteTest, jpeg};

const A: &str = "content/tin-tuc/a.md";

fn assert_vietnamese(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

/// A site with `file` at content/tin-tuc/a.md, built with `--lang vi`: exit code 1.
fn vi_build_error(text: &str) -> String {
    let site = SiteTest::new().file(A, text);
    let run = site.run(&["build", "--lang", "vi"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    run.stderr
}

#[test]
fn an_unknown_key_in_vietnamese() {
    let stderr = vi_build_error("---\ntitel: A\ndate: 2024-07-01\n---\n");
    assert_vietnamese("vi_unknown_key", &stderr);
}

#[test]
fn a_province_suggestion_in_vietnamese_from_lang() {
    let site = SiteTest::new().file(
        A,
        "---\ntitle: A\ndate: 2024-07-01\nprovince: Can Tho\n---\n",
    );
    let run = site.run_with_lang(&["check"], "vi_VN.UTF-8");
    assert_eq!(run.code, 1);
    assert_vietnamese("vi_province_near_miss", &run.stderr);
}

#[test]
fn a_figure_with_a_dot_in_vietnamese() {
    let stderr = vi_build_error(
        "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  teams: 2.199\n---\n",
    );
    assert_vietnamese("vi_figure_with_thousands_dot", &stderr);
}

#[test]
fn every_problem_at_once_in_vietnamese() {
    let site = SiteTest::new()
        .file(A, "---\ntitle: A\n---\nXem [bài](@/tin-tuc/khong-co.md).\n")
        .file("content/tin-tuc/b.md", "")
        .file(
            "content/tin-tuc/c.md",
            "---\ntitle: C\ndate: 1/7/2024\ntags: 5\n---\n",
        )
        .file(
            "content/tin-tuc/d/index.md",
            "---\ntitle: D\ndate: 2024-07-01\n---\n![](anh.jpg)\n\n![Hội trường](hoi-truong.jpg)\n",
        )
        .bytes("content/tin-tuc/d/anh.jpg", &jpeg(8, 8));
    let run = site.run(&["build", "--lang", "vi"]);
    assert_eq!(run.code, 1);
    assert_vietnamese("vi_every_problem_at_once", &run.stderr);
}

#[test]
fn a_site_yaml_mistake_in_vietnamese() {
    let site = SiteTest::new().file(
        "site.yaml",
        "title: T\nbase_url: example.gov.vn\npaginate_by: 0\ntaxonomies:\n  - { name: tag, path: chu-de }\n",
    );
    let run = site.run(&["check", "--lang", "vi"]);
    assert_eq!(run.code, 2);
    assert_vietnamese("vi_site_yaml", &run.stderr);
}

#[test]
fn the_build_and_check_summaries_in_vietnamese() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a/index.md",
            "Bài A",
            "2024-07-01",
            "",
            "![Hội trường](anh.jpg)",
        )
        .bytes("content/tin-tuc/a/anh.jpg", &jpeg(600, 400));
    let run = site.run(&["build", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("Đã tạo 13 trang và chép 6 tệp vào "),
        "{}",
        run.stdout
    );
    assert!(lines[0].ends_with(" ms."), "{}", run.stdout);
    assert_eq!(
        lines[1],
        "Ảnh: thu nhỏ 2 cỡ ảnh mới, dùng lại 0 cỡ ảnh đã có."
    );
    let run = site.run_with_lang(&["check", "-v"], "vi_VN.UTF-8");
    assert!(
        run.stdout.starts_with("Đã kiểm tra 13 trang trong "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with(" ms: không có lỗi nào.\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("        tạo và ghi trang: "),
        "{}",
        run.stderr
    );
}

#[test]
fn init_and_new_speak_vietnamese() {
    let site = SiteTest::empty();
    let run = site.run(&["init", "trang", "--lang", "vi"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("Đã tạo trang mới trong trang:\n"),
        "{}",
        run.stdout
    );
    let run = site.run_with_lang(
        &["new", "--root", "trang", "le-ra-mat", "Lễ ra mắt"],
        "vi_VN.UTF-8",
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "Đã tạo mục mới trang/content/le-ra-mat/_index.md\nĐã tạo trang/content/le-ra-mat/le-ra-mat.md\nBài đang là bản nháp: điền thông tin đầu bài và nội dung, rồi đổi thành `draft: false` để đăng.\n"
    );
    let run = site.run(&[
        "new",
        "--lang",
        "vi",
        "--root",
        "trang",
        "le-ra-mat",
        "Lễ ra mắt",
    ]);
    assert_eq!(run.code, 2);
    assert_vietnamese("vi_new_exists", &run.stderr);
    let run = site.run(&["init", "trang", "--lang", "vi"]);
    assert_eq!(run.code, 2);
    assert_vietnamese("vi_init_not_empty", &run.stderr);
}

#[test]
fn english_stays_the_default_and_lang_en_wins_over_a_vietnamese_locale() {
    let site = SiteTest::new().file(A, "---\ntitel: A\ndate: 2024-07-01\n---\n");
    for run in [
        site.run_with_lang(&["check"], "en_US.UTF-8"),
        site.run_with_lang(&["check"], ""),
        site.run_with_lang(&["check", "--lang", "en"], "vi_VN.UTF-8"),
    ] {
        assert!(
            run.stderr.starts_with("1. error: unknown key `titel`"),
            "{}",
            run.stderr
        );
    }
    let run = site.run(&["check", "--lang", "fr"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("use one of en, vi"), "{}", run.stderr);
}
