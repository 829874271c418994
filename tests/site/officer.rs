//! An officer's day without a programmer (issue 27): an article with the eight mistakes
//! officers make shows all eight in one `build`, in Vietnamese, each at its line; once
//! they are fixed, the next build publishes it.

use crate::support::{SiteTest, jpeg};

const ARTICLE: &str = "content/tin-tuc/le-ra-mat-dak-lak/index.md";

/// The article as the officer first wrote it, and the line of each mistake.
const WITH_MISTAKES: &str = "---
title: Đắk Lắk: ra mắt lực lượng bảo vệ ANTT ở cơ sở
date: 1/7/2024
kind: ceremony
province: Dak Lak
\tlocation: TP Buôn Ma Thuột
tag: [lễ ra mắt, Tây Nguyên]
stats:
  teams: 2.199
image: { src: anh.jpg }
---

Sáng 1/7, tỉnh ra mắt 2.199 tổ bảo vệ ANTT ở cơ sở. Xem [kế hoạch](@/tin-tuc/ke-hoach.md).
";

/// The same article with every mistake fixed as the messages advise.
const FIXED: &str = "---
title: \"Đắk Lắk: ra mắt lực lượng bảo vệ ANTT ở cơ sở\"
date: 2024-07-01
kind: ceremony
province: Đắk Lắk
location: TP Buôn Ma Thuột
tags: [lễ ra mắt, Tây Nguyên]
stats:
  teams: 2199
image: { src: anh.jpg, alt: Lễ ra mắt tại Buôn Ma Thuột }
---

Sáng 1/7, tỉnh ra mắt 2.199 tổ bảo vệ ANTT ở cơ sở. Xem [kế hoạch](@/tin-tuc/ke-hoach-2024.md).
";

const PLAN: &str = "---\ntitle: Kế hoạch 2024\ndate: 2024-06-20\n---\nNội dung.\n";

/// The line numbers of the places `stderr` points at in `file`, in order.
fn lines_pointed_at(stderr: &str, file: &str) -> Vec<usize> {
    let marker = format!("--> {file}:");
    stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix(marker.as_str()))
        .filter_map(|rest| rest.split(':').next()?.parse().ok())
        .collect()
}

#[test]
fn eight_mistakes_in_one_article_come_in_one_build_in_vietnamese() {
    let site = SiteTest::new()
        .file(ARTICLE, WITH_MISTAKES)
        .bytes("content/tin-tuc/le-ra-mat-dak-lak/anh.jpg", &jpeg(40, 30))
        .file("content/tin-tuc/ke-hoach-2024.md", PLAN);
    let run = site.run_with_lang(&["build"], "vi_VN.UTF-8");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        lines_pointed_at(&run.stderr, ARTICLE),
        [2, 3, 5, 6, 7, 9, 10, 13],
        "{}",
        run.stderr
    );
    for said in [
        "lỗi: giá trị có dấu hai chấm và dấu cách phía sau thì phải đặt trong ngoặc kép",
        "`1/7/2024`",
        "Đắk Lắk",
        "dấu Tab (hiện là →)",
        "→location: TP Buôn Ma Thuột",
        "loa không biết mục `tag`",
        "có phải ý bạn là `tags`?",
        "2199",
        "image: { src: anh.jpg, alt: … }",
        "ke-hoach-2024.md",
        "8 lỗi",
    ] {
        assert!(run.stderr.contains(said), "{said:?} in\n{}", run.stderr);
    }
    for english in ["error:", "help:", "found character", "invalid type", "u64"] {
        assert!(
            !run.stderr.contains(english),
            "{english:?} in\n{}",
            run.stderr
        );
    }

    let site = site.file(ARTICLE, FIXED);
    let run = site.run_with_lang(&["build"], "vi_VN.UTF-8");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("/tin-tuc/dak-lak-ra-mat-luc-luong-bao-ve-antt-o-co-so/"));
}

const DATED: &str = "---\ntitle: Bài mẫu\ndate: 2024-07-01\n---\n";

#[test]
fn links_in_the_home_page_and_sections_are_checked_with_a_suggestion() {
    let site = SiteTest::new()
        .file(
            "content/_index.md",
            "---\ntitle: Trang chủ\n---\nXem [bài mẫu](@/tin-tuc/bai-viet-mau.md).\n",
        )
        .file(
            "content/tin-tuc/_index.md",
            "---\ntitle: Tin tức\n---\n\nXem [kế hoạch](../ke-hoach.pdf).\n",
        )
        .file("content/tin-tuc/bai-viet-mau-2.md", DATED);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "--> content/_index.md:4:5",
        "the link points to `@/tin-tuc/bai-viet-mau.md`, which does not exist",
        "did you mean `@/tin-tuc/bai-viet-mau-2.md`?",
        "--> content/tin-tuc/_index.md:5:5",
        "the link points to `../ke-hoach.pdf`, that is `/ke-hoach.pdf`, which this site does not publish",
    ] {
        assert!(run.stderr.contains(said), "{said:?} in\n{}", run.stderr);
    }
}

#[test]
fn links_to_files_beside_an_article_and_in_static_are_checked() {
    let bundle = "content/tin-tuc/le-ra-mat";
    let body = "Tải [kế hoạch](ke-hoach.pdf), [sơ đồ](/anh/so-do.png), [bản @/](@/tin-tuc/le-ra-mat/ke-hoach.pdf).\n";
    let site = SiteTest::new()
        .file(&format!("{bundle}/index.md"), &format!("{DATED}{body}"))
        .file(&format!("{bundle}/ke-hoach.pdf"), "%PDF-1.4\n")
        .file("static/anh/so-do.png", "png");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("/tin-tuc/bai-mau/");
    assert!(
        page.contains("href=\"/tin-tuc/bai-mau/ke-hoach.pdf\""),
        "an @/ link to a file reaches its published address"
    );

    let broken = "Tải [kế hoạch](ke-hoach-2024.pdf) và [sơ đồ](/anh/so-do-moi.png).\n";
    let site = site.file(&format!("{bundle}/index.md"), &format!("{DATED}{broken}"));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "the link points to `ke-hoach-2024.pdf`, that is `/tin-tuc/bai-mau/ke-hoach-2024.pdf`",
        "did you mean `/tin-tuc/bai-mau/ke-hoach.pdf`?",
        "the link points to `/anh/so-do-moi.png`, a page this site does not produce",
        "did you mean `/anh/so-do.png`?",
    ] {
        assert!(run.stderr.contains(said), "{said:?} in\n{}", run.stderr);
    }
}

#[test]
fn a_link_to_an_article_with_photos_suggests_its_index_md() {
    let site = SiteTest::new()
        .file("content/tin-tuc/le-ra-mat/index.md", DATED)
        .file(
            "content/gioi-thieu.md",
            "---\ntitle: Giới thiệu\n---\nXem [lễ ra mắt](@/tin-tuc/le-ra-mat.md).\n",
        );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("did you mean `@/tin-tuc/le-ra-mat/index.md`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn advice_fits_the_mistake_menu_slash_and_two_articles_with_one_address() {
    let site = SiteTest::empty()
        .file(
            "site.yaml",
            "title: T\nbase_url: https://example.gov.vn\nmenu:\n  - { name: Tin tức, url: /tin-tuc }\n",
        )
        .file("content/tin-tuc/a.md", DATED)
        .file("content/tin-tuc/b.md", "---\ndate: 2024-07-02\ntitle: Bài mẫu\n---\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "the menu entry `Tin tức` points to `/tin-tuc`",
        "--> site.yaml:4:27",
        "did you mean `/tin-tuc/`?",
        "--> content/tin-tuc/a.md:2:1",
        "the other one is content/tin-tuc/b.md:3",
        "change the title of one of them, or give it a line `slug: …`",
    ] {
        assert!(run.stderr.contains(said), "{said:?} in\n{}", run.stderr);
    }
}

#[test]
fn a_relative_link_with_an_escaped_space_reaches_its_file() {
    let bundle = "content/tin-tuc/le-ra-mat";
    let site = SiteTest::new()
        .file(
            &format!("{bundle}/index.md"),
            &format!("{DATED}Tải [kế hoạch](ke%20hoach.pdf).\n"),
        )
        .file(&format!("{bundle}/ke hoach.pdf"), "%PDF-1.4\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
