//! A build over a folder loa published before renders and writes only what changed, and
//! always leaves exactly what a clean build would.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::support::{SiteTest, snapshot};

fn three_articles() -> SiteTest {
    SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "tags: [x]\n",
            "A",
        )
        .article(
            "content/tin-tuc/b.md",
            "Bài B",
            "2024-07-02",
            "tags: [y]\n",
            "B",
        )
        .article("content/le-ra-mat/c.md", "Bài C", "2024-07-03", "", "C")
        .build()
}

/// The published files but the marker, whose manifest records how they were made.
fn published(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| path != Path::new(".loa-output"))
        .collect()
}

fn inode(site: &SiteTest, path: &str) -> u64 {
    fs::metadata(site.out().join(path))
        .expect("published")
        .ino()
}

#[test]
fn unchanged_pages_are_left_in_place_and_edited_ones_replaced() {
    let site = three_articles();
    let a = inode(&site, "tin-tuc/bai-a/index.html");
    let b = inode(&site, "tin-tuc/bai-b/index.html");
    let site = site.article(
        "content/tin-tuc/b.md",
        "Bài B",
        "2024-07-02",
        "tags: [y]\n",
        "B, sửa lại",
    );
    site.rebuild();
    assert_eq!(
        inode(&site, "tin-tuc/bai-a/index.html"),
        a,
        "an unchanged page is not rewritten"
    );
    assert_ne!(
        inode(&site, "tin-tuc/bai-b/index.html"),
        b,
        "an edited page is replaced"
    );
    assert!(site.main("/tin-tuc/bai-b/").contains("B, sửa lại"));
}

#[test]
fn a_page_removed_by_hand_is_written_again() {
    let site = three_articles();
    fs::remove_file(site.out().join("tin-tuc/bai-a/index.html")).expect("remove");
    site.rebuild();
    assert!(site.main("/tin-tuc/bai-a/").contains("<h1>Bài A</h1>"));
}

#[test]
fn after_edits_of_every_kind_the_output_equals_a_clean_build() {
    let site = three_articles()
        .article("content/tin-tuc/b.md", "Bài B mới", "2024-07-05", "tags: [x, z]\n", "B")
        .article("content/phong-trao/d.md", "Bài D", "2024-07-04", "", "D")
        .file("templates/partials/article_card.html", "<article><h2 class=\"card-title\"><a href=\"{{ p.url }}\">{{ p.title }}</a></h2></article>");
    fs::remove_file(site.root().join("content/le-ra-mat/c.md")).expect("remove");
    site.rebuild();
    let clean = site.run(&["build", "--out", "clean"]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert_eq!(
        published(&site.out()),
        published(&site.root().join("clean"))
    );
    assert!(!site.out().join("le-ra-mat/bai-c").exists());
    assert!(
        site.main("/tin-tuc/")
            .contains(r#"<a href="/tin-tuc/bai-b-moi/">Bài B mới</a>"#)
    );
}

#[test]
fn a_search_file_removed_by_hand_is_written_again() {
    let site = three_articles();
    let documents = site.out().join("tim-kiem/d/0.txt");
    let written = fs::read(&documents).expect("the index has a document file");
    fs::remove_file(&documents).expect("remove");
    site.rebuild();
    assert_eq!(fs::read(&documents).expect("written again"), written);
}
