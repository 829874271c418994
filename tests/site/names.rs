//! Issue 28, "Hardening": every output path is checked where it is made. A name with a
//! control character is refused at its file, two names that are one once both are NFC are
//! reported together, slugs are cut to a length every file system takes, and `check`
//! finds every name `build` would fail on.

use crate::support::{SiteTest, jpeg, snapshot};

const GOOD: &str = "---\ntitle: Lễ ra mắt\ndate: 2024-07-01\n---\nNội dung.\n";

/// A name that cannot be published: the file that has it, and the error pinned whole.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    stderr: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "an article whose name holds a line break",
        files: &[("content/tin-tuc/a\nb.md", b"---\ntitle: B\ndate: 2024-07-02\n---\n")],
        stderr: "\
1. error: the name `a\\nb.md` holds a control character, which no address can carry
--> content/tin-tuc/a\\nb.md
 = help: rename it without line breaks or tabs, such as `a-b.md`

1 problem found; nothing was written.
",
    },
    Case {
        name: "a file beside the articles whose name holds a tab",
        files: &[("content/tin-tuc/ke\thoach.pdf", b"%PDF")],
        stderr: "\
1. error: the name `ke\\thoach.pdf` holds a control character, which no address can carry
--> content/tin-tuc/ke\\thoach.pdf
 = help: rename it without line breaks or tabs, such as `ke-hoach.pdf`

1 problem found; nothing was written.
",
    },
    Case {
        name: "a bundle's photo whose name holds an escape",
        files: &[
            ("content/tin-tuc/bai/index.md", b"---\ntitle: Bai\ndate: 2024-07-02\n---\n"),
            ("content/tin-tuc/bai/anh\x1b.jpg", b"JPEG"),
        ],
        stderr: "\
1. error: the name `anh\\u{1b}.jpg` holds a control character, which no address can carry
--> content/tin-tuc/bai/anh\\u{1b}.jpg
 = help: rename it without line breaks or tabs, such as `anh.jpg`

1 problem found; nothing was written.
",
    },
    Case {
        name: "a folder whose name holds a line break",
        files: &[("content/tin\ntuc/a.md", b"---\ntitle: B\ndate: 2024-07-02\n---\n")],
        stderr: "\
1. error: the name `tin\\ntuc` holds a control character, which no address can carry
--> content/tin\\ntuc
 = help: rename it without line breaks or tabs, such as `tin-tuc`

1 problem found; nothing was written.
",
    },
    Case {
        name: "a static file whose name holds a line break",
        files: &[("static/a\nb.css", b"body {}")],
        stderr: "\
1. error: the name `a\\nb.css` holds a control character, which no address can carry
--> static/a\\nb.css
 = help: rename it without line breaks or tabs, such as `a-b.css`

1 problem found; nothing was written.
",
    },
    Case {
        name: "two photos whose names differ only in Unicode form",
        files: &[
            ("content/tin-tuc/a\u{309}nh.jpg", b"JPEG"),
            ("content/tin-tuc/\u{1ea3}nh.jpg", b"JPEG"),
        ],
        stderr: "\
1. error: two files are named `ảnh.jpg`: this one in the Unicode form NFD, the other in NFC
--> content/tin-tuc/a\u{309}nh.jpg
 = help: the two names look the same, and Windows and macOS take them for one file: keep one and delete the other
 = note: the other one is content/tin-tuc/ảnh.jpg

1 problem found; nothing was written.
",
    },
    Case {
        name: "two section folders whose names differ only in Unicode form",
        files: &[
            ("content/le\u{302}\u{303}/a.md", b"---\ntitle: A\ndate: 2024-07-02\n---\n"),
            ("content/l\u{1ec5}/b.md", b"---\ntitle: B\ndate: 2024-07-02\n---\n"),
        ],
        stderr: "\
1. error: two folders are named `lễ`: this one in the Unicode form NFD, the other in NFC
--> content/le\u{302}\u{303}
 = help: the two names look the same, and Windows and macOS take them for one folder: keep one and move what it holds into the other
 = note: the other one is content/lễ

1 problem found; nothing was written.
",
    },
    Case {
        name: "two static files whose names differ only in Unicode form",
        files: &[
            ("static/a\u{309}nh.css", b"body {}"),
            ("static/\u{1ea3}nh.css", b"body {}"),
        ],
        stderr: "\
1. error: two files are named `ảnh.css`: this one in the Unicode form NFD, the other in NFC
--> static/a\u{309}nh.css
 = help: the two names look the same, and Windows and macOS take them for one file: keep one and delete the other
 = note: the other one is static/ảnh.css

1 problem found; nothing was written.
",
    },
];

#[test]
fn a_name_that_cannot_be_published_is_an_error_at_its_file_and_nothing_is_published() {
    for case in CASES {
        let mut site = SiteTest::new().file("content/tin-tuc/a.md", GOOD).build();
        let before = snapshot(&site.out());
        for (path, bytes) in case.files {
            site = site.bytes(path, bytes);
        }
        let check = site.run(&["check"]);
        assert_eq!(check.code, 1, "{}: {}", case.name, check.stderr);
        assert_eq!(check.stderr, case.stderr, "{}", case.name);
        let build = site.run(&["build"]);
        assert_eq!(
            (build.code, build.stderr.as_str()),
            (1, case.stderr),
            "{}: build",
            case.name
        );
        assert!(
            snapshot(&site.out()) == before,
            "{}: the published site changed",
            case.name
        );
    }
}

#[test]
fn the_marker_never_records_a_name_other_than_the_one_published() {
    // Issue 28: a name with a line break was published, and recorded in the marker as
    // two lines, so that it stayed in the output after its source was deleted.
    let site = SiteTest::new().file("content/tin-tuc/a.md", GOOD).build();
    let marker = std::fs::read_to_string(site.out().join(".loa-output")).unwrap();
    for line in marker.lines().skip(1) {
        let path = line.splitn(3, ' ').nth(2).expect("fingerprint, size, path");
        assert!(site.out().join(path).is_file(), "{line}");
    }
}

/// A title of 300 characters: its slug, over 255 bytes, failed the build with "File
/// name too long" (exit 3) while `check` saw no problem.
fn long_title() -> String {
    "Lễ ra mắt mô hình Tổ bảo vệ an ninh trật tự ở cơ sở ".repeat(6)
}

#[test]
fn a_slug_made_from_a_long_title_is_cut_at_a_word_to_100_bytes() {
    let title = long_title();
    let site = SiteTest::new().article("content/tin-tuc/a.md", &title, "2024-07-01", "", "");
    assert_eq!(site.run(&["check"]).code, 0);
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let slug = "le-ra-mat-mo-hinh-to-bao-ve-an-ninh-trat-tu-o-co-so-le-ra-mat-mo-hinh-to-bao-ve-an-ninh-trat-tu-o-co";
    assert_eq!(slug.len(), 100);
    assert!(
        site.main(&format!("/tin-tuc/{slug}/"))
            .contains(title.trim())
    );
}

#[test]
fn a_tag_or_a_section_with_a_long_name_gets_a_cut_slug_too() {
    let long = long_title();
    let site = SiteTest::new().article(
        &format!(
            "content/{}/a.md",
            "tin-tuc-".repeat(20).trim_end_matches('-')
        ),
        "A",
        "2024-07-01",
        &format!("tags: [\"{}\"]\n", long.trim()),
        "",
    );
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // Cut after the last whole word: 12 times `tin-tuc-`, then `tin`, 99 bytes.
    let section = "tin-tuc-".repeat(12) + "tin";
    assert!(site.exists(&format!("/{section}/a/")), "{section}");
    let tag = "le-ra-mat-mo-hinh-to-bao-ve-an-ninh-trat-tu-o-co-so-le-ra-mat-mo-hinh-to-bao-ve-an-ninh-trat-tu-o-co";
    assert!(site.exists(&format!("/chu-de/{tag}/")));
}

#[test]
fn a_slug_written_too_long_is_an_error_in_check_as_in_build() {
    let slug = "le-ra-mat-".repeat(12) + "dak-lak";
    let site = SiteTest::new().article(
        "content/tin-tuc/a.md",
        "A",
        "2024-07-01",
        &format!("slug: {slug}\n"),
        "",
    );
    let expected = format!(
        "\
1. error: `slug: {slug}` is 127 bytes long; an address takes at most 100
 --> content/tin-tuc/a.md:4:1
  |
4 | slug: {slug}
  | ^^^^
  |
  = help: choose a shorter slug, such as `le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat-le-ra-mat`

1 problem found; nothing was written.
"
    );
    let check = site.run(&["check"]);
    assert_eq!((check.code, check.stderr.as_str()), (1, expected.as_str()));
    let build = site.run(&["build"]);
    assert_eq!((build.code, build.stderr.as_str()), (1, expected.as_str()));
}

#[test]
fn an_alias_with_a_part_too_long_for_a_file_name_is_an_error() {
    let part = "a".repeat(256);
    let site = SiteTest::new().article(
        "content/tin-tuc/a.md",
        "A",
        "2024-07-01",
        &format!("aliases: [/cu/{part}/]\n"),
        "",
    );
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains(&format!(
            "error: the part `{part}` of alias `/cu/{part}/` is 256 bytes long; a file name takes at most 255\n"
        )),
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains(" --> content/tin-tuc/a.md:4:1\n"));
    assert_eq!(site.run(&["build"]).stderr, check.stderr);
}

#[test]
fn a_photo_whose_resized_copies_would_have_too_long_a_name_is_found_by_check() {
    // 251 bytes is a valid name; `-1600.jpg` makes the largest copy's 256.
    let photo = format!("{}.jpg", "a".repeat(247));
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/bai/index.md",
            "Bài",
            "2024-07-01",
            "",
            &format!("![Hội trường]({photo})"),
        )
        .bytes(&format!("content/tin-tuc/bai/{photo}"), &jpeg(1700, 10));
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains(&format!(
            "error: the photo `{photo}` has too long a name for its resized copies: `{}-1600.jpg` would be 256 bytes; a file name takes at most 255\n",
            "a".repeat(247)
        )),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains(" --> content/tin-tuc/bai/index.md:5:1\n")
    );
    let build = site.run(&["build"]);
    assert_eq!((build.code, build.stderr), (1, check.stderr));
}
