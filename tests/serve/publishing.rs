//! Issue 27: the preview server shows articles dated after today, marked, and previews a
//! site published under a path (`base_url: https://host/antt/`) under the same path.

use crate::support::{SITE_YAML, SiteTest, article};

#[test]
fn an_article_dated_after_today_is_shown_marked() {
    let site = SiteTest::new().file(
        "content/tin-tuc/sap-dang.md",
        &article("Bài sắp đăng", "2999-09-02", "Sắp đăng."),
    );
    let served = site.serve();
    let page = served.get("/tin-tuc/bai-sap-dang/");
    assert_eq!(page.status, 200);
    assert!(
        page.contains("Hẹn giờ: bài này chỉ được đăng từ ngày 2/9/2999."),
        "{}",
        page.text()
    );
}

#[test]
fn a_site_under_a_path_is_previewed_under_it() {
    let yaml = SITE_YAML.replace(
        "base_url: https://example.gov.vn",
        "base_url: https://congan.daklak.gov.vn/antt/",
    );
    let site = SiteTest::new().file("site.yaml", &yaml);
    let served = site.serve();
    let article = served.get("/antt/tin-tuc/bai-mot/");
    assert_eq!(article.status, 200);
    assert!(
        article.contains(r#"href="/antt/style.css""#),
        "{}",
        article.text()
    );
    assert_eq!(served.get("/antt/style.css").status, 200);
    let home = served.get("/");
    assert_eq!(
        (home.status, home.header("location")),
        (302, Some("/antt/"))
    );
    let folder = served.get("/antt/tin-tuc");
    assert_eq!(
        (folder.status, folder.header("location")),
        (301, Some("/antt/tin-tuc/"))
    );
    assert_eq!(served.get("/tin-tuc/bai-mot/").status, 404);
    assert!(served.printed().contains("/antt/"), "{}", served.printed());
}
