//! Saving, creating, renaming, deleting and breaking files while the server runs.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::support::{Reply, SiteTest, article};

#[test]
fn an_edited_article_is_served_after_the_save() {
    let site = SiteTest::new();
    let served = site.serve();
    assert!(
        served
            .get("/tin-tuc/bai-mot/")
            .contains("Nội dung bài một.")
    );
    site.write(
        "content/tin-tuc/mot.md",
        &article("Bài một", "2024-07-01", "Nội dung đã sửa."),
    );
    served.poll("/tin-tuc/bai-mot/", "the new text", |r| {
        r.contains("Nội dung đã sửa.")
    });
    // The listing shows the new summary too.
    served.poll("/tin-tuc/", "the new summary", |r| {
        r.contains("Nội dung đã sửa.")
    });
}

#[test]
fn a_new_article_in_a_new_section_appears_and_a_deleted_one_goes() {
    let site = SiteTest::new();
    let served = site.serve();
    site.write(
        "content/phong-trao/moi.md",
        &article("Phong trào mới", "2024-08-19", "Thi đua."),
    );
    served.poll("/phong-trao/phong-trao-moi/", "the new article", |r| {
        r.contains("Thi đua.")
    });
    served.poll("/phong-trao/", "the new section", |r| {
        r.contains("Phong trào mới")
    });
    site.remove("content/tin-tuc/hai.md");
    served.poll("/tin-tuc/bai-hai/", "a 404", |r| r.status == 404);
    served.poll("/tin-tuc/", "the listing without it", |r| {
        r.status == 200 && !r.text().contains("Bài hai")
    });
}

#[test]
fn a_renamed_file_and_a_renamed_folder_are_followed() {
    let site = SiteTest::new();
    let served = site.serve();
    std::fs::rename(
        site.path("content/tin-tuc/mot.md"),
        site.path("content/tin-tuc/ba.md"),
    )
    .expect("renaming");
    site.write(
        "content/tin-tuc/ba.md",
        &article("Bài ba", "2024-07-01", "Đổi tên."),
    );
    served.poll("/tin-tuc/bai-ba/", "the renamed article", |r| {
        r.contains("Đổi tên.")
    });
    served.poll("/tin-tuc/bai-mot/", "the old address gone", |r| {
        r.status == 404
    });
    std::fs::rename(site.path("content/tin-tuc"), site.path("content/thong-bao"))
        .expect("renaming a folder");
    served.poll("/thong-bao/bai-ba/", "the moved section", |r| {
        r.contains("Đổi tên.")
    });
    served.poll("/tin-tuc/", "the old section gone", |r| r.status == 404);
}

#[test]
fn a_broken_file_shows_its_error_over_the_last_good_page_until_fixed() {
    let site = SiteTest::new();
    let served = site.serve();
    site.write(
        "content/tin-tuc/mot.md",
        "---\ntitel: <b>Bài một</b>\ndate: 2024-07-01\n---\nNội dung.\n",
    );
    let broken = served.poll("/tin-tuc/bai-mot/", "the error overlay", |r| {
        r.text().contains("__loa_overlay\" role")
    });
    let text = broken.text();
    assert_eq!(broken.status, 200, "the last good page stays");
    assert!(text.contains("Nội dung bài một."), "{text}");
    assert!(text.contains("content/tin-tuc/mot.md:2:1"), "{text}");
    assert!(
        text.contains("titel: &lt;b&gt;Bài một&lt;/b&gt;"),
        "escaped: {text}"
    );
    assert!(text.contains("did you mean `title`?"), "{text}");
    assert!(!text.contains("titel: <b>"), "{text}");
    let started = std::time::Instant::now();
    let printed = || served.output.lock().expect("output").clone();
    while !printed().contains("unknown key `titel`") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the terminal: {}",
            printed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    site.write(
        "content/tin-tuc/mot.md",
        &article("Bài một", "2024-07-01", "Đã sửa lỗi."),
    );
    let fixed = served.poll("/tin-tuc/bai-mot/", "the fixed page", |r| {
        r.contains("Đã sửa lỗi.")
    });
    assert!(!fixed.text().contains("__loa_overlay\" role"));
}

/// Sends a long poll and returns the reply once it comes.
fn long_poll(port: u16, generation: u64, hash: &str, path: &str) -> std::thread::JoinHandle<Reply> {
    let request = format!(
        "GET /__loa/reload?since={generation}&hash={hash}&path={path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    );
    std::thread::spawn(move || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connecting");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        stream.write_all(request.as_bytes()).expect("writing");
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply);
        Reply::parse(&reply)
    })
}

#[test]
fn only_pages_whose_content_changed_are_told_to_reload() {
    let site = SiteTest::new();
    let served = site.serve();
    let (generation, hash) = served.get("/tin-tuc/bai-hai/").live_state();
    let unchanged = long_poll(served.port, generation, &hash, "%2Ftin-tuc%2Fbai-hai%2F");
    let (generation, hash) = served.get("/tin-tuc/bai-mot/").live_state();
    let changed = long_poll(served.port, generation, &hash, "%2Ftin-tuc%2Fbai-mot%2F");
    std::thread::sleep(Duration::from_millis(200));
    // Bài hai lists bài một among its related articles, with its first paragraph: the
    // edit is to the second, which only bài một's own page shows.
    site.write(
        "content/tin-tuc/mot.md",
        &article(
            "Bài một",
            "2024-07-01",
            "Nội dung bài một.\n\nThân bài mới.",
        ),
    );
    let reply = changed.join().expect("the poll");
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("\"reload\":true"), "{}", reply.text());
    let reply = unchanged.join().expect("the poll");
    assert!(
        reply.text().contains("\"reload\":false"),
        "{}",
        reply.text()
    );
}

#[test]
fn a_template_change_rerenders_the_pages() {
    let site = SiteTest::new();
    let served = site.serve();
    site.write(
        "templates/404.html",
        "<!DOCTYPE html><html lang=\"vi\"><body><p>Trang riêng cho lỗi 404</p></body></html>",
    );
    served.poll("/khong-co/", "the new 404 page", |r| {
        r.status == 404 && r.text().contains("Trang riêng cho lỗi 404")
    });
}

#[test]
fn a_change_to_site_yaml_rebuilds_everything() {
    let site = SiteTest::new();
    let served = site.serve();
    site.write(
        "site.yaml",
        &crate::support::SITE_YAML.replace("Thử nghiệm", "Tên mới của trang"),
    );
    served.poll("/tin-tuc/bai-mot/", "the new site title", |r| {
        r.contains("Tên mới của trang")
    });
    site.write("site.yaml", "title: [unclosed\n");
    served.poll("/", "the error", |r| r.text().contains("site.yaml"));
}

#[test]
fn editor_temp_files_cause_no_rebuild() {
    let site = SiteTest::new();
    let served = site.serve();
    let before = served.get("/").live_state().0;
    site.write("content/tin-tuc/.mot.md.swp", "rác");
    site.write("content/tin-tuc/mot.md~", "rác");
    site.write("public/index.html", "rác");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(served.get("/").live_state().0, before);
    assert!(!site.path("public/.loa").exists());
}

#[test]
fn a_page_left_open_across_a_restart_is_judged_against_the_new_build() {
    let site = SiteTest::new();
    let (generation, hash) = site.serve().get("/tin-tuc/bai-mot/").live_state();
    site.write(
        "content/tin-tuc/mot.md",
        &article("Bài một", "2024-07-01", "Sửa khi máy chủ tắt."),
    );
    let served = site.serve();
    // Judged at once: a poll that waited its 25 s out would say `"reload":false`.
    let reply = long_poll(served.port, generation, &hash, "%2Ftin-tuc%2Fbai-mot%2F")
        .join()
        .expect("the poll");
    assert!(reply.text().contains("\"reload\":true"), "{}", reply.text());
}
