//! Issue 28, "Hardening": dates that cannot be true, a listing of no articles a page and
//! figures for a province that no longer existed are not accepted without a word. A date
//! that cannot be true is an error at its line, as a date that does not exist is; a
//! figure for a unit merged on 1/7/2025 may be meant, and is a warning.

use crate::support::{SITE_YAML, SiteTest};

const A: &str = "content/tin-tuc/a.md";

/// A mistake, the file that makes it, and the whole of what `build` says about it.
struct Case {
    name: &'static str,
    path: &'static str,
    text: &'static str,
    stderr: &'static str,
}

const ERRORS: &[Case] = &[
    Case {
        name: "updated before date",
        path: A,
        text: "---\ntitle: A\ndate: 2024-07-01\nupdated: 2024-06-30\n---\n",
        stderr: "\
1. error: `updated: 2024-06-30` is before the article's `date: 2024-07-01`
 --> content/tin-tuc/a.md:4:1
  |
4 | updated: 2024-06-30
  | ^^^^^^^
  |
  = help: an article is updated after it is published: correct whichever date is wrong

1 problem found; nothing was written.
",
    },
    Case {
        name: "campaign that ends before it starts",
        path: A,
        text: "---\ntitle: A\ndate: 2024-07-01\nkind: campaign\ncampaign:\n  motto: Toàn dân\n  starts: 2024-08-19\n  ends: 2024-08-01\n---\n",
        stderr: "\
1. error: the campaign ends (`ends: 2024-08-01`) before it starts (`starts: 2024-08-19`)
 --> content/tin-tuc/a.md:8:3
  |
8 |   ends: 2024-08-01
  |   ^^^^
  |
  = help: correct whichever date is wrong; a campaign of one day starts and ends on the same date

1 problem found; nothing was written.
",
    },
    Case {
        name: "the year 0000",
        path: A,
        text: "---\ntitle: A\ndate: 0000-01-01\n---\n",
        stderr: "\
1. error: `0000-01-01` is in the year 0: loa takes no date before 1900
 --> content/tin-tuc/a.md:3:1
  |
3 | date: 0000-01-01
  | ^^^^
  |
  = help: write the year in full, with its four digits, such as 2024-07-01

1 problem found; nothing was written.
",
    },
    Case {
        name: "a year before 1900 in updated",
        path: A,
        text: "---\ntitle: A\ndate: 2024-07-01\nupdated: 0202-07-02\n---\n",
        stderr: "\
1. error: `0202-07-02` is in the year 202: loa takes no date before 1900
 --> content/tin-tuc/a.md:4:1
  |
4 | updated: 0202-07-02
  | ^^^^^^^
  |
  = help: write the year in full, with its four digits, such as 2024-07-01

1 problem found; nothing was written.
",
    },
    Case {
        name: "as_of in the future",
        path: A,
        text: "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  as_of: 2999-07-01\n  teams: 5\n---\n",
        stderr: "\
1. error: `as_of: 2999-07-01` is after today ([TODAY]): figures cannot be counted on a day that has not come
 --> content/tin-tuc/a.md:6:3
  |
6 |   as_of: 2999-07-01
  |   ^^^^^
  |
  = help: write the day the figures were counted, such as the day of the report

1 problem found; nothing was written.
",
    },
    Case {
        name: "a section of no articles a page",
        path: "content/tin-tuc/_index.md",
        text: "---\ntitle: Tin tức\npaginate_by: 0\n---\n",
        stderr: "\
1. error: `paginate_by` must be at least 1
 --> content/tin-tuc/_index.md:3:1
  |
3 | paginate_by: 0
  | ^^^^^^^^^^^
  |
  = help: write how many articles one page of the list shows, such as `paginate_by: 20`

1 problem found; nothing was written.
",
    },
];

/// Today as the messages write it, so that a pinned message can name it.
fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

#[test]
fn dates_that_cannot_be_true_are_errors_at_their_line() {
    for case in ERRORS {
        let site = SiteTest::new()
            .article(A, "A", "2024-07-01", "", "")
            .file(case.path, case.text);
        let build = site.run(&["build"]);
        assert_eq!(build.code, 1, "{}: {}", case.name, build.stderr);
        assert_eq!(
            build.stderr.replace(&today(), "[TODAY]"),
            case.stderr,
            "{}",
            case.name
        );
        let check = site.run(&["check"]);
        assert_eq!(
            (check.code, check.stderr),
            (1, build.stderr),
            "{}: check",
            case.name
        );
    }
}

#[test]
fn a_site_of_no_articles_a_page_says_how_to_write_it() {
    let site = SiteTest::new().file(
        "site.yaml",
        &SITE_YAML.replace("paginate_by: 2", "paginate_by: 0"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "\
1. error: `paginate_by` must be at least 1
 --> site.yaml:3:1
  |
3 | paginate_by: 0
  | ^^^^^^^^^^^
  |
  = help: write how many articles one page of the list shows, such as `paginate_by: 20`

1 problem found; nothing was written.
"
    );
}

#[test]
fn dates_that_can_be_true_are_accepted() {
    let site = SiteTest::new().file(
        A,
        "---\ntitle: A\ndate: 2024-07-01 08:30\nupdated: 2024-07-01\nprovince: Đắk Lắk\nkind: campaign\ncampaign:\n  motto: Toàn dân\n  starts: 2024-08-19\n  ends: 2024-08-19\nstats:\n  as_of: 1975-04-30\n  teams: 5\n---\n",
    );
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

const MERGED: &str = "\
1. warning: these figures are as of 2025-08-01, after `Phú Yên` was merged: since 1/7/2025 it is part of Đắk Lắk, formed from Đắk Lắk and Phú Yên
 --> content/tin-tuc/a.md:4:1
  |
4 | province: Phú Yên
  | ^^^^^^^^
  |
  = help: loa adds them into the figures of Đắk Lắk as those of the former Phú Yên; if they count all of Đắk Lắk, give the figures of each former unit instead

1 warning: not an error, but worth a look.
";

#[test]
fn figures_of_a_merged_province_after_1_7_2025_are_a_warning_naming_the_unit_it_belongs_to() {
    let site = SiteTest::new().file(
        A,
        "---\ntitle: A\ndate: 2025-08-15\nprovince: Phú Yên\nstats:\n  as_of: 2025-08-01\n  teams: 5\n---\n",
    );
    let build = site.run(&["build"]);
    assert_eq!((build.code, build.stderr.as_str()), (0, MERGED));
    assert!(build.stdout.starts_with("Built "), "{}", build.stdout);
    assert!(site.exists("/thong-ke/phu-yen/"));
    let check = site.run(&["check"]);
    assert_eq!((check.code, check.stderr.as_str()), (0, MERGED));
    let quiet = site.run(&["build", "--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
}

#[test]
fn the_warning_for_a_merged_province_in_vietnamese() {
    let site = SiteTest::new().file(
        A,
        "---\ntitle: A\ndate: 2025-08-15\nprovince: Cần Thơ\nstats:\n  teams: 5\n---\n",
    );
    let run = site.run(&["check", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "\
1. cảnh báo: số liệu này tính đến ngày 2025-08-15, sau khi `Cần Thơ` đã được sáp nhập: từ ngày 1/7/2025, đơn vị này thuộc thành phố Cần Thơ, hợp thành từ Cần Thơ, Sóc Trăng và Hậu Giang
 --> content/tin-tuc/a.md:4:1
  |
4 | province: Cần Thơ
  | ^^^^^^^^
  |
  = gợi ý: loa cộng số liệu này vào số liệu của Cần Thơ như phần của Cần Thơ cũ; nếu đây là số liệu của cả Cần Thơ, hãy ghi số liệu riêng của từng đơn vị cũ

Có 1 cảnh báo: không phải lỗi, nhưng nên xem lại.
"
    );
}

#[test]
fn figures_of_an_unchanged_province_or_from_before_the_merger_are_no_warning() {
    for (province, as_of) in [("Hà Nội", "2025-08-01"), ("Phú Yên", "2025-06-30")] {
        let site = SiteTest::new().file(
            A,
            &format!(
                "---\ntitle: A\ndate: 2025-08-15\nprovince: {province}\nstats:\n  as_of: {as_of}\n  teams: 5\n---\n"
            ),
        );
        let run = site.run(&["check"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{province}");
    }
}
