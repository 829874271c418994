//! The editor's server side (issue 29): its address and the checks on it, and its API
//! over the site's Markdown files, spoken to as the editing pages speak to it.

use crate::support::{Reply, Served, SiteTest};

/// A request as the editing pages send it: the right `Host`, and for a `POST` the token
/// and the origin.
fn ask(served: &Served, method: &str, path: &str, body: &[u8]) -> Reply {
    let host = format!("127.0.0.1:{}", served.port);
    let token = editor(served)
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string();
    ask_with(
        served,
        method,
        path,
        body,
        &[
            ("Host", host.as_str()),
            ("X-Loa-Token", token.as_str()),
            ("Origin", &format!("http://{host}")),
        ],
    )
}

fn ask_with(
    served: &Served,
    method: &str,
    path: &str,
    body: &[u8],
    headers: &[(&str, &str)],
) -> Reply {
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut raw = head.into_bytes();
    raw.extend_from_slice(body);
    Reply::parse(&served.raw(&raw))
}

fn editor(served: &Served) -> &str {
    served.editor.as_deref().expect("the editor's address")
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_slice(&reply.body)
        .unwrap_or_else(|_| panic!("not JSON ({}): {}", reply.status, reply.text()))
}

fn api(served: &Served, rest: &str) -> serde_json::Value {
    let reply = ask(served, "GET", &format!("{}api/{rest}", editor(served)), b"");
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    json(&reply)
}

#[test]
fn serve_prints_the_editors_address_with_a_fresh_token_and_no_edit_turns_it_off() {
    let site = SiteTest::new();
    let served = site.serve();
    let address = editor(&served).to_string();
    assert!(address.starts_with("/__loa/edit/"), "{address}");
    assert!(
        served.printed().contains(&format!(
            "Write and edit articles at http://127.0.0.1:{}{address}",
            served.port
        )),
        "{}",
        served.printed()
    );
    let page = ask(&served, "GET", &address, b"");
    assert_eq!(page.status, 200);
    assert!(page.text().starts_with("<!DOCTYPE html>"));
    let again = site.serve();
    assert_ne!(editor(&again), address, "a token for each run");

    let off = Served::start_with(site.root(), &["--port", "0", "--no-edit"]);
    assert_eq!(off.editor, None, "{}", off.printed());
    assert!(!off.printed().contains("/__loa/edit/"));
    let host = format!("127.0.0.1:{}", off.port);
    let reply = ask_with(&off, "GET", &address, b"", &[("Host", &host)]);
    assert_eq!(reply.status, 404);
}

#[test]
fn a_wrong_token_is_a_missing_page_and_a_wrong_host_is_refused() {
    let site = SiteTest::new();
    let served = site.serve();
    let host = format!("127.0.0.1:{}", served.port);
    let missing = ask_with(&served, "GET", "/__loa/nothing", b"", &[("Host", &host)]);
    assert_eq!(missing.status, 404);
    let address = editor(&served).to_string();
    let token = address.split('/').nth(3).unwrap_or_default();
    let mut wrong = token.to_string();
    wrong.replace_range(..1, if token.starts_with('0') { "1" } else { "0" });
    for guessed in [
        address.replace(token, &wrong),
        "/__loa/edit/".to_string(),
        "/__loa/edit/api/site".to_string(),
        address.replace(token, &token[..31]),
    ] {
        let reply = ask_with(&served, "GET", &guessed, b"", &[("Host", &host)]);
        assert_eq!(
            (reply.status, reply.body.clone()),
            (404, missing.body.clone()),
            "{guessed}"
        );
    }
    for host in [
        "rebinding.example:80",
        "127.0.0.1",
        "localhost:1",
        "evil.test",
    ] {
        let reply = ask_with(
            &served,
            "GET",
            &format!("{address}api/site"),
            b"",
            &[("Host", host)],
        );
        assert_eq!(reply.status, 403, "{host}");
        assert!(
            json(&reply)["message"]
                .as_str()
                .is_some_and(|m| m.contains("loa serve"))
        );
    }
    let localhost = format!("localhost:{}", served.port);
    let reply = ask_with(
        &served,
        "GET",
        &format!("{address}api/site"),
        b"",
        &[("Host", &localhost)],
    );
    assert_eq!(reply.status, 200);
}

#[test]
fn the_site_gives_the_form_its_choices() {
    let site = SiteTest::new();
    let served = site.serve();
    let answer = api(&served, "site");
    assert_eq!(answer["lang"], "en");
    assert_eq!(
        answer["sections"],
        serde_json::json!([{"dir": "tin-tuc", "title": "Tin tức"}])
    );
    assert_eq!(
        answer["kinds"][0],
        serde_json::json!({"value": "ceremony", "label": "Lễ ra mắt"})
    );
    let provinces = answer["provinces"].as_array().expect("provinces");
    let dak_lak = provinces
        .iter()
        .find(|p| p["name"] == "Đắk Lắk")
        .expect("Đắk Lắk");
    assert!(
        dak_lak["keys"]
            .as_array()
            .expect("keys")
            .contains(&"dak lak".into())
    );
    assert_eq!(
        answer["tags"],
        serde_json::json!([{"name": "lễ ra mắt", "count": 2}])
    );
    assert_eq!(
        answer["metrics"],
        serde_json::json!([{"key": "teams", "label": "Tổ bảo vệ ANTT", "unit": null, "decimals": 0}])
    );
    assert_eq!(answer["qualifiers"][0], "trên");
    assert!(
        answer["limits"]["upload_bytes"]
            .as_u64()
            .is_some_and(|n| n > 1_000_000)
    );
    assert_eq!(answer["limits"]["photo_pixels"], 50_000_000);
}

#[test]
fn the_list_holds_every_article_newest_first_drafts_too() {
    let site = SiteTest::new().file(
        "content/tin-tuc/nhap.md",
        "---\ntitle: Bản nháp\ndate: 2024-07-03\ndraft: true\n---\nChưa xong.\n",
    );
    let served = site.serve();
    let answer = api(&served, "articles");
    let articles = answer["articles"].as_array().expect("articles");
    let paths: Vec<&str> = articles.iter().filter_map(|a| a["path"].as_str()).collect();
    assert_eq!(
        paths[..3],
        [
            "content/tin-tuc/nhap.md",
            "content/tin-tuc/hai.md",
            "content/tin-tuc/mot.md"
        ]
    );
    assert!(paths.contains(&"content/tin-tuc/_index.md"), "{paths:?}");
    assert!(paths.contains(&"content/_index.md"), "{paths:?}");
    assert_eq!(
        articles[0],
        serde_json::json!({"path": "content/tin-tuc/nhap.md", "title": "Bản nháp", "section": "tin-tuc",
            "kind": null, "province": null, "date": "2024-07-03", "draft": true, "scheduled": false,
            "url": null, "link": "@/tin-tuc/nhap.md"})
    );
    assert_eq!(
        articles[1],
        serde_json::json!({"path": "content/tin-tuc/hai.md", "title": "Bài hai", "section": "tin-tuc",
            "kind": null, "province": "Đắk Lắk", "date": "2024-07-02", "draft": false, "scheduled": false,
            "url": "/tin-tuc/bai-hai/", "link": "@/tin-tuc/hai.md"})
    );
}

#[test]
fn an_article_opens_with_its_fields_body_and_version() {
    let text = "---\ntitle: \"Đắk Lắk: lễ ra mắt\"   # tiêu đề\ndate: 2024-07-01\nkind: ceremony\nprovince: Đắk Lắk\ntags: [lễ ra mắt]\nstats:\n  as_of: 2024-07-01\n  teams: 2199\n  members: trên 9000\nimage: { src: anh.jpg, alt: Ảnh buổi lễ }\nupdated: 2024-07-02\n---\nThân bài.\n";
    let site = SiteTest::new()
        .file(
            "site.yaml",
            &crate::support::SITE_YAML.replace(
                "teams: { label: Tổ bảo vệ ANTT }",
                "teams: { label: Tổ bảo vệ ANTT }\n    members: { label: Thành viên }",
            ),
        )
        .file("content/tin-tuc/le/index.md", text);
    std::fs::write(site.path("content/tin-tuc/le/anh.jpg"), b"").expect("a photo");
    let served = site.serve();
    let answer = api(&served, "article?path=content%2Ftin-tuc%2Fle%2Findex.md");
    assert_eq!(answer["path"], "content/tin-tuc/le/index.md");
    assert_eq!(answer["body"], "Thân bài.\n");
    assert_eq!(answer["version"].as_str().map(str::len), Some(32));
    assert_eq!(
        answer["fields"],
        serde_json::json!({
            "title": "Đắk Lắk: lễ ra mắt", "date": "2024-07-01", "kind": "ceremony",
            "province": "Đắk Lắk", "location": null, "tags": ["lễ ra mắt"], "summary": null,
            "stats": {"as_of": "2024-07-01", "origin": null, "figures": {
                "members": {"value": "9000", "qualifier": "trên"},
                "teams": {"value": "2199", "qualifier": null}}},
            "campaign": null,
            "image": {"src": "anh.jpg", "alt": "Ảnh buổi lễ", "caption": null},
            "draft": false, "slug": null,
        })
    );
}

#[test]
fn only_markdown_files_under_content_can_be_opened() {
    let site = SiteTest::new();
    let served = site.serve();
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path("site.yaml"), site.path("content/tin-tuc/ra.md"))
        .expect("a link");
    for path in [
        "content/tin-tuc/../../site.yaml",
        "content%2Ftin-tuc%2F..%2F..%2Fsite.yaml",
        "%2Fetc%2Fpasswd",
        "site.yaml",
        "content/tin-tuc/khong-co.md",
        "content/tin-tuc/ra.md",
        "content/tin-tuc",
    ] {
        let reply = ask(
            &served,
            "GET",
            &format!("{}api/article?path={path}", editor(&served)),
            b"",
        );
        assert_eq!(reply.status, 404, "{path}: {}", reply.text());
        assert!(
            json(&reply)["message"]
                .as_str()
                .is_some_and(|m| m.contains("content/"))
        );
    }
}
