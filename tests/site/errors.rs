//! An officer's mistake gets one clear message, the right exit code, and the site
//! published before it stays exactly as it was.

use crate::support::{SITE_YAML, SiteTest, snapshot};

const GOOD: &str =
    "---\ntitle: Lễ ra mắt Đắk Lắk\ndate: 2024-07-01\nprovince: Đắk Lắk\n---\nNội dung.\n";

/// A mistake: the files that make it, and the exit code it must give.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    code: i32,
}

const fn case(
    name: &'static str,
    code: i32,
    files: &'static [(&'static str, &'static [u8])],
) -> Case {
    Case { name, files, code }
}

const A: &str = "content/tin-tuc/a.md";

const CASES: &[Case] = &[
    case("empty_file", 1, &[(A, b"")]),
    case("only_blank_lines", 1, &[(A, b"\n  \n")]),
    case("no_front_matter", 1, &[(A, b"# L\xe1\xbb\x85 ra m\xe1\xba\xaft\n")]),
    case("front_matter_never_closed", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nN\xe1\xbb\x99i dung.\n")]),
    case("not_utf8", 1, &[(A, b"---\ntitle: L\xea ra m\xe3t\ndate: 2024-07-01\n---\n")]),
    case("unknown_key_suggests_the_nearest", 1, &[(A, b"---\ntitel: A\ndate: 2024-07-01\n---\n")]),
    case("missing_title", 1, &[(A, b"---\ndate: 2024-07-01\n---\n")]),
    case("missing_date", 1, &[(A, b"---\ntitle: A\n---\n")]),
    case("impossible_date", 1, &[(A, b"---\ntitle: A\ndate: 2024-13-45\n---\n")]),
    case("vietnamese_date", 1, &[(A, b"---\ntitle: A\ndate: 1/7/2024\n---\n")]),
    case("unknown_kind", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nkind: ceremoni\n---\n")]),
    case("province_without_tone_marks", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: Dak Lakk\n---\n")]),
    case("province_near_miss", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: Can Tho\n---\n")]),
    case("province_unknown", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: Paris\n---\n")]),
    case("figure_with_thousands_dot", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: \xc4\x90\xe1\xba\xafk L\xe1\xba\xafk\nstats:\n  teams: 2.199\n---\n")]),
    case("figure_negative", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: \xc4\x90\xe1\xba\xafk L\xe1\xba\xafk\nstats:\n  teams: -3\n---\n")]),
    case("figure_in_quotes", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: \xc4\x90\xe1\xba\xafk L\xe1\xba\xafk\nstats:\n  members: \"4.248\"\n---\n")]),
    case("metric_not_declared", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nprovince: \xc4\x90\xe1\xba\xafk L\xe1\xba\xafk\nstats:\n  team: 2199\n---\n")]),
    case("figures_without_province", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nstats:\n  teams: 2199\n---\n")]),
    case("two_files_with_one_url", 1, &[(A, b"---\ntitle: Tr\xc3\xb9ng\ndate: 2024-07-01\n---\n"), ("content/tin-tuc/b.md", b"---\ntitle: Tr\xc3\xb9ng\ndate: 2024-07-02\n---\n")]),
    case("slug_leaving_the_folder", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nslug: ../../etc\n---\n")]),
    case("slug_with_capitals_and_spaces", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nslug: L\xe1\xbb\x85 Ra M\xe1\xba\xaft\n---\n")]),
    case("alias_leaving_the_site", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\naliases: [/../../etc/]\n---\n")]),
    case("link_to_missing_file", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\n---\nXem [b\xc3\xa0i](@/tin-tuc/khong-co.md).\n")]),
    case("link_to_missing_anchor", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\n---\n## K\xe1\xba\xbft qu\xe1\xba\xa3\n"), ("content/tin-tuc/b.md", b"---\ntitle: B\ndate: 2024-07-01\n---\n\nXem [A](@/tin-tuc/a.md#so-lieu).\n")]),
    case("link_to_a_file_with_its_own_problem", 1, &[("content/tin-tuc/b.md", b"---\ntitle: B\ntitle: B\ndate: 2024-07-01\n---\n"), ("content/tin-tuc/c.md", b"---\ntitle: C\ndate: 2024-07-02\n---\nXem [B](@/tin-tuc/b.md).\n")]),
    case("link_to_a_draft", 1, &[("content/tin-tuc/b.md", b"---\ntitle: B\ndate: 2024-07-01\ndraft: true\n---\n"), ("content/tin-tuc/c.md", b"---\ntitle: C\ndate: 2024-07-02\n---\nXem [B](@/tin-tuc/b.md).\n")]),
    case("root_relative_link_to_missing_page", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\n---\nXem [trang](/tin-tuc/khong-co/).\n")]),
    case("image_without_alt", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nimage: { src: a.jpg }\n---\n")]),
    case("image_with_empty_alt", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nimage: { src: a.jpg, alt: \"\" }\n---\n")]),
    case("tags_not_a_list", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\ntags: 5\n---\n")]),
    case("yaml_syntax_error", 1, &[(A, b"---\ntitle: \"A\ndate: 2024-07-01\n---\n")]),
    case("campaign_without_motto", 1, &[(A, b"---\ntitle: A\ndate: 2024-07-01\nkind: campaign\ncampaign:\n  starts: 2024-08-19\n---\n")]),
    case("markdown_in_the_wrong_place", 1, &[("content/tin-tuc/2024/07/a.md", b"---\ntitle: A\ndate: 2024-07-01\n---\n")]),
    case("every_problem_at_once", 1, &[(A, b"---\ntitel: A\ndate: 2024-07-01\n---\n"), ("content/tin-tuc/b.md", b"---\ntitle: B\ndate: 2024-02-30\n---\n"), ("content/tin-tuc/c.md", b"")]),
    case("site_yaml_unknown_key", 2, &[("site.yaml", b"title: T\nbase_url: https://example.gov.vn\npaginte_by: 10\n")]),
    case("site_yaml_bad_base_url", 2, &[("site.yaml", b"title: T\nbase_url: example.gov.vn\n")]),
    case("site_yaml_unknown_taxonomy", 2, &[("site.yaml", b"title: T\nbase_url: https://example.gov.vn\ntaxonomies:\n  - { name: tag, path: chu-de }\n")]),
    case("template_syntax_error", 2, &[("templates/page.html", b"<main>{{ page.title </main>\n"), ("content/gioi-thieu.md", b"---\ntitle: A\n---\n")]),
    case("template_rendering_error", 1, &[("templates/page.html", b"<main>\n{{ page.title | date }}\n</main>\n"), ("content/gioi-thieu.md", b"---\ntitle: A\n---\n")]),
];

/// A good site, built once, then broken by `case`: the message is pinned, the exit code
/// checked, and the published output must be byte-for-byte what it was.
fn run_case(case: &Case) {
    let mut site = SiteTest::new().file(A, GOOD).build();
    let before = snapshot(&site.out());
    for (path, bytes) in case.files {
        site = site.bytes(path, bytes);
    }
    let run = site.run(&["build"]);
    assert_eq!(
        run.code, case.code,
        "{}: exit code\n{}",
        case.name, run.stderr
    );
    assert_eq!(run.stdout, "", "{}: nothing on stdout", case.name);
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(case.name, run.stderr);
    });
    assert!(
        snapshot(&site.out()) == before,
        "{}: the published site changed",
        case.name
    );
}

#[test]
fn each_mistake_gives_its_message_and_exit_code_and_keeps_the_published_site() {
    assert!(CASES.len() >= 30);
    for case in CASES {
        run_case(case);
    }
}

#[test]
fn a_file_that_cannot_be_written_stops_the_build_with_one_message() {
    let site = SiteTest::new()
        .file(A, GOOD)
        .file(
            "content/tin-tuc/b.md",
            GOOD.replace("Đắk Lắk\n", "Gia Lai\n").as_str(),
        )
        .build();
    let before = snapshot(&site.out());
    std::fs::write(
        site.root().join(A),
        GOOD.replace("Nội dung.", "Nội dung mới."),
    )
    .unwrap();
    // Every page of the default theme is larger than 1 KiB.
    let run = site.run_with_file_limit(&["build"], 1024);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("nothing was published"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("File too large"), "{}", run.stderr);
    assert!(
        snapshot(&site.out()) == before,
        "the published site changed"
    );
    assert!(
        !site.root().join(".public.loa-staging").exists(),
        "the staging folder was left behind"
    );
    assert_eq!(
        site.run(&["build"]).code,
        0,
        "a build with room succeeds again"
    );
}

#[test]
fn ctrl_c_stops_the_build_and_leaves_the_published_site_as_it_was() {
    // Enough pages that the build is still rendering when Ctrl-C arrives.
    let mut site = SiteTest::new();
    for n in 0..2000 {
        site = site.article(
            &format!("content/tin-tuc/bai-{n}.md"),
            &format!("Bài số {n}"),
            "2024-07-01",
            "",
            "Nội dung.",
        );
    }
    let site = site.build();
    let before = snapshot(&site.out());
    // A new title for the site changes every page, so every page is written again.
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    std::fs::write(
        site.root().join("site.yaml"),
        yaml.replace("Trang thử nghiệm", "Trang mới"),
    )
    .unwrap();
    let staging = site.root().join(".public.loa-staging");
    let run = site.run_interrupted(&["build"], || staging.exists());
    assert_eq!(run.code, 130, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("stopped (Ctrl-C); nothing was published, the output folder is as it was"),
        "{}",
        run.stderr
    );
    assert!(!staging.exists(), "the staging folder was left behind");
    assert!(
        snapshot(&site.out()) == before,
        "the published site changed"
    );
}

#[test]
fn check_reports_the_same_problems_and_writes_nothing() {
    let site = SiteTest::new().file(A, "---\ntitel: A\ndate: 2024-07-01\n---\n");
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1);
    assert!(!site.out().exists(), "check wrote an output folder");
    let build = site.run(&["build"]);
    assert_eq!(check.stderr, build.stderr);
}

#[test]
fn check_renders_templates_too() {
    let site = SiteTest::new()
        .file(
            "templates/page.html",
            "<main>{{ page.title | date }}</main>",
        )
        .file("content/gioi-thieu.md", "---\ntitle: A\n---\n");
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains("templates/page.html:1:"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_byte_order_mark_crlf_and_nfd_are_accepted_silently() {
    let text = "\u{feff}---\r\ntitle: Le\u{302}\u{303} ra ma\u{306}\u{301}t\r\ndate: 2024-07-01\r\nprovince: Đa\u{306}\u{301}k La\u{306}\u{301}k\r\n---\r\nNội dung.\r\n";
    let site = SiteTest::new().file(A, text);
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        site.main("/tin-tuc/le-ra-mat/")
            .contains("<h1>Lễ ra mắt</h1>")
    );
}

#[test]
fn common_province_variants_are_the_same_unit() {
    for written in [
        "TP. Hồ Chí Minh",
        "Thành phố Hồ Chí Minh",
        "TP.HCM",
        "Thừa Thiên - Huế",
        "tỉnh Đắk Lắk",
        "Cần Thơ",
    ] {
        let site = SiteTest::new().file(
            A,
            &format!("---\ntitle: A\ndate: 2024-07-01\nprovince: {written}\n---\n"),
        );
        let run = site.run(&["check"]);
        assert_eq!(run.code, 0, "{written}: {}", run.stderr);
    }
}

#[test]
fn an_output_folder_that_holds_the_site_is_refused() {
    let site = SiteTest::new().file(A, GOOD);
    let run = site.run(&["build", "--out", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("it contains the site itself"),
        "{}",
        run.stderr
    );
    assert!(site.root().join(A).is_file());
}

#[test]
fn a_foreign_folder_is_not_replaced_without_force() {
    let site = SiteTest::new()
        .file(A, GOOD)
        .file("public/ghi-chu.txt", "của tôi");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("was not made by loa"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.out().join("ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    assert_eq!(site.run(&["build", "--force"]).code, 0);
    assert!(!site.out().join("ghi-chu.txt").exists());
}

#[test]
fn a_site_yaml_without_metrics_rejects_figures() {
    let site = SiteTest::new()
        .file("site.yaml", &SITE_YAML.replace("stats:\n  path: thong-ke\n  metrics:\n    teams: { label: Tổ bảo vệ ANTT }\n    members: { label: Thành viên }\n", ""))
        .file(A, "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  teams: 5\n---\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("declare it under `stats: metrics:` in site.yaml"),
        "{}",
        run.stderr
    );
}
