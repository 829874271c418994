//! `loa init` makes a site that builds at once; `loa new` starts a draft article with its
//! front matter filled in. Both refuse to overwrite anything.

use std::fs;

use crate::support::{SiteTest, assert_valid_html};

fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn init_makes_a_site_that_builds_with_no_warnings() {
    let site = SiteTest::empty();
    let run = site.run(&["init", "trang"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "Created a new site in trang:\n  site.yaml\n  .gitignore\n  content/_index.md\n  content/tin-tuc/_index.md\n  content/tin-tuc/bai-viet-mau.md\nNext: `loa serve --root trang` shows the site in your browser and follows your changes; `loa new --root trang tin-tuc \"Tiêu đề\"` starts an article; `loa build --root trang` writes the site to publish into trang/public.\n"
    );
    assert!(
        !site.root().join("trang/themes").exists(),
        "no theme copy needed"
    );
    let build = site.run(&["build", "--root", "trang"]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""));
    let article = fs::read_to_string(
        site.root()
            .join("trang/public/tin-tuc/bai-viet-mau/index.html"),
    )
    .expect("the sample article is published");
    assert!(article.contains("<h1>Bài viết mẫu</h1>"), "{article}");
    assert!(
        site.root()
            .join("trang/public/thong-ke/index.html")
            .is_file()
    );
    let check = site.run(&["check", "--root", "trang"]);
    assert_eq!((check.code, check.stderr.as_str()), (0, ""));
    assert_valid_html(&site.root().join("trang/public"));
}

#[test]
fn init_explains_every_setting_of_site_yaml_in_vietnamese() {
    let site = SiteTest::empty();
    assert_eq!(site.run(&["init", "trang"]).code, 0);
    let yaml = fs::read_to_string(site.root().join("trang/site.yaml")).unwrap();
    let lines: Vec<&str> = yaml.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let is_setting = !line.starts_with([' ', '#', '-']) && line.contains(':');
        if is_setting {
            assert!(
                i > 0 && lines[i - 1].starts_with('#'),
                "`{line}` has no comment above it"
            );
        }
    }
    assert!(yaml.contains("# Địa chỉ của trang khi đăng lên mạng"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = SiteTest::empty().file("trang/ghi-chu.txt", "của tôi");
    let run = site.run(&["init", "trang"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "1. error: the folder trang is not empty; loa init makes a site only in a new or empty folder\n--> trang\n = help: give the name of a folder that does not exist yet, such as `loa init trang-moi`\n\n1 problem found; nothing was written.\n"
    );
    let files: Vec<_> = fs::read_dir(site.root().join("trang")).unwrap().collect();
    assert_eq!(files.len(), 1, "nothing was added");
}

#[test]
fn init_refuses_a_file() {
    let site = SiteTest::empty().file("trang", "một tệp");
    let run = site.run(&["init", "trang"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("trang is a file, not a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_writes_a_draft_with_its_front_matter_and_prints_its_path() {
    let site = SiteTest::new().file(
        "content/le-ra-mat/_index.md",
        "---\ntitle: Lễ ra mắt\n---\n",
    );
    let run = site.run(&["new", "le-ra-mat", "Lễ ra mắt lực lượng Đắk Lắk"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "Created content/le-ra-mat/le-ra-mat-luc-luong-dak-lak.md\nThe article is a draft: fill in its front matter and text, then set `draft: false` to publish it.\n"
    );
    let text = fs::read_to_string(
        site.root()
            .join("content/le-ra-mat/le-ra-mat-luc-luong-dak-lak.md"),
    )
    .unwrap();
    for line in [
        "title: \"Lễ ra mắt lực lượng Đắk Lắk\"".to_string(),
        format!("date: {}", today()),
        "kind: ceremony".into(),
        "province:".into(),
        "tags: []".into(),
        "draft: true".into(),
    ] {
        assert!(text.contains(&line), "`{line}` missing from:\n{text}");
    }
    // A draft builds, and is published only with --drafts.
    site.rebuild();
    assert!(!site.exists("/le-ra-mat/le-ra-mat-luc-luong-dak-lak/"));
    let drafts = site.run(&["build", "--drafts"]);
    assert_eq!((drafts.code, drafts.stderr.as_str()), (0, ""));
    assert!(site.exists("/le-ra-mat/le-ra-mat-luc-luong-dak-lak/"));
}

#[test]
fn new_guesses_the_kind_from_the_section() {
    let site = SiteTest::new();
    for (section, kind) in [
        ("le-ra-mat", "ceremony"),
        ("phong-trao", "campaign"),
        ("so-lieu", "statistics"),
        ("tin-tuc", "news"),
    ] {
        assert_eq!(site.run(&["new", section, "Bài thử"]).code, 0);
        let text =
            fs::read_to_string(site.root().join(format!("content/{section}/bai-thu.md"))).unwrap();
        assert!(
            text.contains(&format!("\nkind: {kind}\n")),
            "{section}: {text}"
        );
    }
    let drafts = site.run(&["check", "--drafts"]);
    assert_eq!((drafts.code, drafts.stderr.as_str()), (0, ""));
}

#[test]
fn new_refuses_the_statistics_path_as_a_section() {
    let site = SiteTest::new();
    let run = site.run(&["new", "thong-ke", "Số liệu"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("/thong-ke/ is where loa puts the statistics pages"),
        "{}",
        run.stderr
    );
    assert!(!site.root().join("content/thong-ke").exists());
    // In a site without statistics pages it is a section like any other.
    let site = SiteTest::new().file("site.yaml", "title: T\nbase_url: https://example.gov.vn\n");
    let run = site.run(&["new", "thong-ke", "Số liệu"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(site.root().join("content/thong-ke/so-lieu.md")).unwrap();
    assert!(text.contains("\nkind: statistics\n"), "{text}");
}

#[test]
fn new_creates_an_unknown_section_with_its_title() {
    let site = SiteTest::new();
    let run = site.run(&["new", "Hỏi đáp", "Câu hỏi thường gặp"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Created the new section content/hoi-dap/_index.md\nCreated content/hoi-dap/cau-hoi-thuong-gap.md\n"),
        "{}",
        run.stdout
    );
    let index = fs::read_to_string(site.root().join("content/hoi-dap/_index.md")).unwrap();
    assert_eq!(index, "---\ntitle: \"Hỏi đáp\"\n---\n");
}

#[test]
fn new_with_bundle_makes_a_folder_for_the_photos() {
    let site = SiteTest::new();
    let run = site.run(&["new", "--bundle", "le-ra-mat", "Lễ ra mắt Cà Mau"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = site
        .root()
        .join("content/le-ra-mat/le-ra-mat-ca-mau/index.md");
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains("# image: { src: anh.jpg"), "{text}");
    let drafts = site.run(&["build", "--drafts"]);
    assert_eq!((drafts.code, drafts.stderr.as_str()), (0, ""));
    assert!(site.exists("/le-ra-mat/le-ra-mat-ca-mau/"));
}

#[test]
fn new_never_overwrites_an_article() {
    let site = SiteTest::new().file("content/tin-tuc/bai-thu.md", "của tôi");
    let run = site.run(&["new", "tin-tuc", "Bài thử"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "1. error: content/tin-tuc/bai-thu.md already exists; loa new never overwrites an article\n--> content/tin-tuc/bai-thu.md\n = help: open that file to edit it, or choose another title\n\n1 problem found; nothing was written.\n"
    );
    assert_eq!(
        fs::read_to_string(site.root().join("content/tin-tuc/bai-thu.md")).unwrap(),
        "của tôi"
    );
    // The same page as a bundle would collide too.
    let bundle = site.run(&["new", "--bundle", "tin-tuc", "Bài thử"]);
    assert_eq!(bundle.code, 2);
    assert!(!site.root().join("content/tin-tuc/bai-thu").exists());
}

#[test]
fn new_needs_a_site_and_a_title() {
    let site = SiteTest::empty();
    let run = site.run(&["new", "tin-tuc", "Bài thử"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there is no site here"),
        "{}",
        run.stderr
    );
    assert!(!site.root().join("content").exists());

    let site = SiteTest::new();
    let run = site.run(&["new", "tin-tuc", " ?! "]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the title has no letters or digits"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_takes_the_site_folder_with_root() {
    let site = SiteTest::empty();
    assert_eq!(site.run(&["init", "trang"]).code, 0);
    let run = site.run(&["new", "--root", "trang", "tin-tuc", "Bài hai"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Created trang/content/tin-tuc/bai-hai.md\n"),
        "{}",
        run.stdout
    );
    assert!(
        site.root()
            .join("trang/content/tin-tuc/bai-hai.md")
            .is_file()
    );
}
