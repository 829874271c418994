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
    assert_eq!(
        page.header("content-security-policy"),
        Some("default-src 'self'")
    );
    let without_slash = ask(&served, "GET", address.trim_end_matches('/'), b"");
    assert_eq!(
        (without_slash.status, without_slash.header("location")),
        (301, Some(address.as_str()))
    );
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
fn the_form_keeps_its_choices_while_the_site_does_not_build() {
    let site = SiteTest::new();
    let served = site.serve();
    assert_eq!(api(&served, "site")["metrics"][0]["key"], "teams");
    site.write(
        "content/tin-tuc/mot.md",
        "---\ntitle: Một\ndate: 1/7/2024\n---\nA\n",
    );
    served.poll("/", "the failed build's problems", |reply| {
        reply.contains("id=\"__loa_overlay\" role")
    });
    let answer = api(&served, "site");
    assert_eq!(answer["metrics"][0]["key"], "teams", "{answer}");
    assert!(
        answer["failing"]
            .as_str()
            .is_some_and(|m| m.contains("fix the problems")),
        "{answer}"
    );
    assert!(answer["provinces"].as_array().is_some_and(|p| p.len() > 30));
}

#[test]
fn the_list_holds_every_article_newest_first_drafts_too() {
    let site = SiteTest::new()
        .file(
            "content/tin-tuc/nhap.md",
            "---\ntitle: Bản nháp\ndate: 2024-07-03\ndraft: true\n---\nChưa xong.\n",
        )
        .file(
            "content/tin-tuc/sap-dang.md",
            "---\ntitle: Sắp đăng\ndate: 2999-01-01\ndraft: true\n---\nSau này.\n",
        )
        .file(
            "content/tin-tuc/hen-gio.md",
            "---\ntitle: Hẹn giờ\ndate: 2998-01-01\n---\nSau này.\n",
        );
    let served = site.serve();
    let answer = api(&served, "articles");
    let articles = answer["articles"].as_array().expect("articles");
    let paths: Vec<&str> = articles.iter().filter_map(|a| a["path"].as_str()).collect();
    assert_eq!(
        paths[..5],
        [
            "content/tin-tuc/sap-dang.md",
            "content/tin-tuc/hen-gio.md",
            "content/tin-tuc/nhap.md",
            "content/tin-tuc/hai.md",
            "content/tin-tuc/mot.md"
        ]
    );
    assert!(paths.contains(&"content/tin-tuc/_index.md"), "{paths:?}");
    assert!(paths.contains(&"content/_index.md"), "{paths:?}");
    let scheduled: Vec<bool> = articles[..3]
        .iter()
        .map(|a| a["scheduled"] == true)
        .collect();
    assert_eq!(
        scheduled,
        [true, true, false],
        "a waiting draft is scheduled too"
    );
    assert_eq!(articles[1]["url"], "/tin-tuc/hen-gio/");
    assert_eq!(
        articles[2],
        serde_json::json!({"path": "content/tin-tuc/nhap.md", "title": "Bản nháp", "section": "tin-tuc",
            "kind": null, "province": null, "date": "2024-07-03", "draft": true, "scheduled": false,
            "url": null, "link": "@/tin-tuc/nhap.md"})
    );
    assert_eq!(
        articles[3],
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

/// Opens `path` in the editor: its answer to `api/article`.
fn open(served: &Served, path: &str) -> serde_json::Value {
    api(
        served,
        &format!("article?path={}", path.replace('/', "%2F")),
    )
}

fn post(served: &Served, route: &str, body: &serde_json::Value) -> Reply {
    ask(
        served,
        "POST",
        &format!("{}api/{route}", editor(served)),
        body.to_string().as_bytes(),
    )
}

/// Saves `path` as the form sends it after `change`.
fn save(served: &Served, path: &str, change: impl Fn(&mut serde_json::Value)) -> Reply {
    let mut opened = open(served, path);
    change(&mut opened);
    post(
        served,
        "save",
        &serde_json::json!({
            "path": path, "version": opened["version"], "fields": opened["fields"], "body": opened["body"],
        }),
    )
}

/// Every Markdown file under `root/content`, as the editor names them.
fn markdown_files(root: &std::path::Path) -> Vec<String> {
    let mut paths: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let inside = e.path().strip_prefix(root).ok()?;
            Some(inside.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    paths.sort();
    paths
}

/// Opens and saves every Markdown file of the site at `root` without a change, and
/// finds each byte for byte as it was.
fn assert_round_trip(root: &std::path::Path) {
    let served = Served::start(root);
    let paths = markdown_files(root);
    assert!(paths.len() > 10, "{paths:?}");
    for path in paths {
        let before = std::fs::read(root.join(&path)).expect("the file");
        let modified = std::fs::metadata(root.join(&path)).and_then(|m| m.modified());
        let reply = save(&served, &path, |_| {});
        assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        let after = std::fs::read(root.join(&path)).expect("the file");
        assert!(
            before == after,
            "{path} changed:\n{}",
            String::from_utf8_lossy(&after)
        );
        let now = std::fs::metadata(root.join(&path)).and_then(|m| m.modified());
        assert_eq!(now.ok(), modified.ok(), "{path} was written again");
    }
}

/// A copy of the repository's example site.
fn example_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    let repository = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repository.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    for folder in ["content", "themes", "static", "templates", "data"] {
        for entry in walkdir::WalkDir::new(repository.join(folder))
            .into_iter()
            .filter_map(Result::ok)
        {
            let inside = entry.path().strip_prefix(repository).expect("inside");
            let target = dir.path().join(inside);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("a folder");
            } else {
                std::fs::copy(entry.path(), &target).expect("a file");
            }
        }
    }
    dir
}

#[test]
fn saving_without_a_change_leaves_every_file_of_the_example_site_as_it_was() {
    let site = example_site();
    assert_round_trip(site.path());
}

#[test]
fn saving_without_a_change_leaves_every_file_of_a_generated_site_as_it_was() {
    let dir = tempfile::tempdir().expect("a folder");
    crate::generate::site(dir.path(), 40).expect("a generated site");
    assert_round_trip(dir.path());
}

#[test]
fn a_changed_field_changes_its_lines_and_nothing_else() {
    let text = "---\ntitle: Bài một   # tiêu đề\n# ghi chú giữa các khoá\ndate: 2024-07-01\nprovince: 'Đắk Lắk'\ntags: [lễ ra mắt]\nextra: { x: 1 }\n---\nNội dung bài một.\n";
    let site = SiteTest::new().file("content/tin-tuc/mot.md", text);
    let served = site.serve();
    let reply = save(&served, "content/tin-tuc/mot.md", |opened| {
        opened["fields"]["title"] = "Đắk Lắk: lễ ra mắt".into();
        opened["fields"]["location"] = "TP Buôn Ma Thuột".into();
        opened["body"] = "Nội dung mới.\n".into();
    });
    assert_eq!(reply.status, 200, "{}", reply.text());
    let saved = std::fs::read_to_string(site.path("content/tin-tuc/mot.md")).expect("saved");
    assert_eq!(
        saved,
        "---\ntitle: \"Đắk Lắk: lễ ra mắt\" # tiêu đề\n# ghi chú giữa các khoá\ndate: 2024-07-01\nprovince: 'Đắk Lắk'\nlocation: TP Buôn Ma Thuột\ntags: [lễ ra mắt]\nextra: { x: 1 }\n---\nNội dung mới.\n"
    );
    let answer = json(&reply);
    assert_eq!(answer["url"], "/tin-tuc/dak-lak-le-ra-mat/");
    assert_eq!(
        answer["version"],
        open(&served, "content/tin-tuc/mot.md")["version"]
    );
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_not_overwritten() {
    let site = SiteTest::new();
    let served = site.serve();
    let path = "content/tin-tuc/mot.md";
    let opened = open(&served, path);
    let theirs =
        crate::support::article("Bài một", "2024-07-01", "Sửa trong trình soạn thảo khác.");
    site.write(path, &theirs);
    let mut fields = opened["fields"].clone();
    fields["title"] = "Bài một, sửa trong trình duyệt".into();
    let edit = |version: &serde_json::Value| serde_json::json!({"path": path, "version": version, "fields": fields, "body": opened["body"]});
    let reply = post(&served, "save", &edit(&opened["version"]));
    assert_eq!(reply.status, 409, "{}", reply.text());
    let answer = json(&reply);
    assert_eq!(answer["conflict"]["text"], theirs.as_str());
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("changed on disk"))
    );
    assert_eq!(
        std::fs::read_to_string(site.path(path)).expect("theirs"),
        theirs
    );
    // The officer chose theirs to be replaced: sent again with the disk's version.
    let reply = post(&served, "save", &edit(&answer["conflict"]["version"]));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let saved = std::fs::read_to_string(site.path(path)).expect("saved");
    assert!(
        saved.starts_with("---\ntitle: Bài một, sửa trong trình duyệt\n"),
        "{saved}"
    );
}

#[test]
fn a_post_without_the_token_or_from_another_origin_changes_nothing() {
    let site = SiteTest::new();
    let served = site.serve();
    let path = "content/tin-tuc/mot.md";
    let before = std::fs::read(site.path(path)).expect("the file");
    let opened = open(&served, path);
    let mut fields = opened["fields"].clone();
    fields["title"] = "Bị đổi".into();
    let body = serde_json::json!({"path": path, "version": opened["version"], "fields": fields, "body": ""})
        .to_string();
    let host = format!("127.0.0.1:{}", served.port);
    let origin = format!("http://{host}");
    let token = editor(&served)
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string();
    let address = format!("{}api/save", editor(&served));
    let cases: [&[(&str, &str)]; 4] = [
        &[("Host", &host), ("Origin", &origin)],
        &[
            ("Host", &host),
            ("Origin", &origin),
            ("X-Loa-Token", "0123"),
        ],
        &[("Host", &host), ("X-Loa-Token", &token)],
        &[
            ("Host", &host),
            ("X-Loa-Token", &token),
            ("Origin", "http://evil.test"),
        ],
    ];
    for headers in cases {
        let reply = ask_with(&served, "POST", &address, body.as_bytes(), headers);
        assert_eq!(reply.status, 403, "{headers:?}");
        assert!(json(&reply)["message"].is_string());
    }
    assert_eq!(std::fs::read(site.path(path)).expect("the file"), before);
}

#[test]
fn a_save_names_only_markdown_files_under_content() {
    let site = SiteTest::new().file("static/a.md", "---\ntitle: x\n---\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path("site.yaml"), site.path("content/tin-tuc/ra.md"))
        .expect("a link");
    let served = site.serve();
    let before = std::fs::read(site.path("site.yaml")).expect("site.yaml");
    for path in [
        "content/tin-tuc/../../site.yaml",
        "/etc/passwd",
        "site.yaml",
        "static/a.md",
        "content/tin-tuc/ra.md",
        "content/tin-tuc/.an.md",
        "content/tin-tuc/moi.md",
    ] {
        let reply = post(
            &served,
            "save",
            &serde_json::json!({"path": path, "version": "x", "fields": {"title": "x"}, "body": ""}),
        );
        assert_eq!(reply.status, 404, "{path}: {}", reply.text());
    }
    assert_eq!(
        std::fs::read(site.path("site.yaml")).expect("site.yaml"),
        before
    );
    assert!(!site.path("content/tin-tuc/moi.md").exists());
    assert!(!site.path("content/tin-tuc/.an.md").exists());
}

#[test]
fn an_article_with_problems_is_saved_only_as_a_draft() {
    let site = SiteTest::new();
    let served = site.serve();
    let path = "content/tin-tuc/mot.md";
    let before = std::fs::read(site.path(path)).expect("the file");
    let broken = |draft: bool| {
        move |opened: &mut serde_json::Value| {
            opened["fields"]["date"] = "1/7/2024".into();
            opened["fields"]["draft"] = draft.into();
        }
    };
    let reply = save(&served, path, broken(false));
    assert_eq!(reply.status, 422, "{}", reply.text());
    let answer = json(&reply);
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("draft"))
    );
    let problem = &answer["problems"][0];
    assert_eq!(problem["field"], "date", "{answer}");
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["severity"], "error");
    assert_eq!(std::fs::read(site.path(path)).expect("unchanged"), before);

    let reply = save(&served, path, |opened| {
        opened["fields"]["date"] = serde_json::Value::Null
    });
    assert_eq!(reply.status, 422, "{}", reply.text());
    let problem = &json(&reply)["problems"][0];
    assert_eq!(
        (&problem["field"], &problem["message"]),
        (&"date".into(), &"an article needs a `date`".into())
    );

    let reply = save(&served, path, broken(true));
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(json(&reply)["problems"][0]["field"], "date");
    let saved = std::fs::read_to_string(site.path(path)).expect("saved");
    assert!(
        saved.contains("date: \"1/7/2024\"\n") && saved.contains("draft: true\n"),
        "{saved}"
    );
}

#[test]
fn the_preview_is_the_page_a_build_of_the_text_gives() {
    let site = SiteTest::new();
    let served = site.serve();
    let path = "content/tin-tuc/mot.md";
    let mut opened = open(&served, path);
    opened["fields"]["title"] = "Tiêu đề xem trước".into();
    opened["body"] = "Đoạn **mới**.\n".into();
    let reply = post(
        &served,
        "preview",
        &serde_json::json!({"path": path, "fields": opened["fields"], "body": opened["body"]}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let answer = json(&reply);
    let html = answer["html"].as_str().expect("html");
    assert!(
        html.contains("Tiêu đề xem trước") && html.contains("<strong>mới</strong>"),
        "{html}"
    );
    assert!(!html.contains("__loa"), "no live reload script");
    assert_eq!(answer["problems"], serde_json::json!([]));
    // Nothing was written, and the served page is the saved one.
    assert!(
        std::fs::read_to_string(site.path(path))
            .expect("file")
            .contains("title: Bài một")
    );
    assert!(
        served
            .get("/tin-tuc/bai-mot/")
            .contains("Nội dung bài một.")
    );

    opened["fields"]["province"] = "Dak Lak".into();
    let reply = post(
        &served,
        "preview",
        &serde_json::json!({"path": path, "fields": opened["fields"], "body": opened["body"]}),
    );
    let answer = json(&reply);
    assert_eq!(answer["problems"][0]["field"], "province", "{answer}");
    assert!(
        answer["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Dak Lak"))
    );
    assert!(
        answer["html"]
            .as_str()
            .is_some_and(|h| h.contains("Nội dung bài một."))
    );
}

#[test]
fn bodies_must_say_their_length_and_stay_within_the_limit() {
    let site = SiteTest::new();
    let served = site.serve();
    let address = format!("{}api/preview", editor(&served));
    let host = format!("127.0.0.1:{}", served.port);
    let token = editor(&served)
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string();
    let head = |extra: &str| {
        format!(
            "POST {address} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nX-Loa-Token: {token}\r\n{extra}\r\n"
        )
    };
    let chunked = Reply::parse(
        &served.raw(
            format!(
                "{}5\r\nhello\r\n0\r\n\r\n",
                head("Transfer-Encoding: chunked\r\n")
            )
            .as_bytes(),
        ),
    );
    assert_eq!(chunked.status, 411);
    assert!(
        json(&chunked)["message"]
            .as_str()
            .is_some_and(|m| m.contains("Content-Length"))
    );
    let large = Reply::parse(&served.raw(head("Content-Length: 3000000\r\n").as_bytes()));
    assert_eq!(large.status, 413);
    assert!(
        json(&large)["message"]
            .as_str()
            .is_some_and(|m| m.contains("2 MiB"))
    );
    let broken =
        Reply::parse(&served.raw(format!("{}{{x", head("Content-Length: 2\r\n")).as_bytes()));
    assert_eq!(broken.status, 400);
    assert!(json(&broken)["message"].is_string());
    // What is not the editor's still gets no body through.
    let elsewhere = Reply::parse(
        &served.raw(
            format!("POST /tin-tuc/ HTTP/1.1\r\nHost: {host}\r\nContent-Length: 2\r\n\r\nab")
                .as_bytes(),
        ),
    );
    assert_eq!(elsewhere.status, 405);
}

#[test]
fn a_new_article_is_made_as_loa_new_makes_it() {
    let site = SiteTest::new();
    let served = site.serve();
    let asked = serde_json::json!({"section": "tin-tuc", "title": "Đắk Lắk ra mắt lực lượng"});
    let reply = post(&served, "new", &asked);
    assert_eq!(reply.status, 201, "{}", reply.text());
    let path = "content/tin-tuc/dak-lak-ra-mat-luc-luong.md";
    assert_eq!(json(&reply), serde_json::json!({ "path": path }));

    let other = SiteTest::new();
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["new", "tin-tuc", "Đắk Lắk ra mắt lực lượng", "--root"])
        .arg(other.root())
        .output()
        .expect("loa new");
    assert!(made.status.success());
    assert_eq!(
        std::fs::read(site.path(path)).expect("made by the editor"),
        std::fs::read(other.path(path)).expect("made by loa new")
    );

    let again = post(&served, "new", &asked);
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(
        json(&again)["message"]
            .as_str()
            .is_some_and(|m| m.contains(path))
    );
    for section in ["khong-co", "../content", "tin-tuc/x"] {
        let reply = post(
            &served,
            "new",
            &serde_json::json!({"section": section, "title": "Bài"}),
        );
        assert_eq!(reply.status, 422, "{section}");
    }
    assert!(!site.path("content/khong-co").exists());
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(width, height)
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("a PNG");
    bytes.into_inner()
}

fn upload(served: &Served, path: &str, name: &str, bytes: &[u8]) -> Reply {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let query = format!("path={}&name={}", encode(path), encode(name));
    ask(
        served,
        "POST",
        &format!("{}api/upload?{query}", editor(served)),
        bytes,
    )
}

#[test]
fn a_photo_is_checked_by_decoding_and_saved_beside_its_article() {
    let site = SiteTest::new();
    let served = site.serve();
    let before = std::fs::read(site.path("content/tin-tuc/mot.md")).expect("the article");
    let reply = upload(
        &served,
        "content/tin-tuc/mot.md",
        "Ảnh Lễ ra mắt.PNG",
        &png(4, 3),
    );
    assert_eq!(reply.status, 201, "{}", reply.text());
    let photo = png(4, 3);
    assert_eq!(
        json(&reply),
        serde_json::json!({"path": "content/tin-tuc/mot/index.md", "src": "anh-le-ra-mat.png",
            "width": 4, "height": 3, "bytes": photo.len()})
    );
    assert!(!site.path("content/tin-tuc/mot.md").exists());
    assert_eq!(
        std::fs::read(site.path("content/tin-tuc/mot/index.md")).expect("moved"),
        before
    );
    assert_eq!(
        std::fs::read(site.path("content/tin-tuc/mot/anh-le-ra-mat.png")).expect("the photo"),
        photo
    );

    let again = upload(
        &served,
        "content/tin-tuc/mot/index.md",
        "anh le ra mat.png",
        &png(2, 2),
    );
    assert_eq!(json(&again)["src"], "anh-le-ra-mat-2.png");
    let document = upload(
        &served,
        "content/tin-tuc/mot/index.md",
        "Kế hoạch.PDF",
        b"%PDF-1.4\n",
    );
    assert_eq!(
        (document.status, json(&document)["src"].clone()),
        (201, "ke-hoach.pdf".into())
    );
    assert_eq!(json(&document)["width"], serde_json::Value::Null);

    let refused = [
        ("anh.jpg", b"not a photo".to_vec(), 422, "cannot be read"),
        ("rong.png", png(20_001, 1), 422, "20001"),
        ("script.js", b"alert(1)".to_vec(), 422, "neither a photo"),
    ];
    for (name, bytes, status, said) in refused {
        let reply = upload(&served, "content/tin-tuc/mot/index.md", name, &bytes);
        assert_eq!(reply.status, status, "{name}: {}", reply.text());
        assert!(
            json(&reply)["message"]
                .as_str()
                .is_some_and(|m| m.contains(said)),
            "{name}: {}",
            reply.text()
        );
        assert!(!site.path(&format!("content/tin-tuc/mot/{name}")).exists());
    }
    let index = upload(&served, "content/tin-tuc/_index.md", "anh.png", &png(2, 2));
    assert_eq!(index.status, 422);
    let outside = upload(&served, "content/tin-tuc/../../x.md", "anh.png", &png(2, 2));
    assert_eq!(outside.status, 404);
    let host = format!("127.0.0.1:{}", served.port);
    let token = editor(&served)
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string();
    let huge = Reply::parse(&served.raw(
        format!(
            "POST {}api/upload?path=content%2Ftin-tuc%2Fhai.md&name=a.jpg HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nX-Loa-Token: {token}\r\nContent-Length: 100000000\r\n\r\n",
            editor(&served)
        )
        .as_bytes(),
    ));
    assert_eq!(huge.status, 413);
    assert!(site.path("content/tin-tuc/hai.md").exists());
}

#[test]
fn previewed_articles_link_to_their_form_and_built_pages_never_do() {
    let site = SiteTest::new();
    let served = site.serve();
    let page = served.get("/tin-tuc/bai-mot/");
    let link = format!(
        "href=\"{}article?path=content/tin-tuc/mot.md\"",
        editor(&served)
    );
    assert!(page.contains(&link), "{}", page.text());
    assert!(page.contains(">Edit this article</a>"));
    assert!(!served.get("/").text().contains("__loa_edit"));
    assert!(!served.get("/tin-tuc/").text().contains("__loa_edit"));

    let off = Served::start_with(site.root(), &["--port", "0", "--no-edit"]);
    assert!(!off.get("/tin-tuc/bai-mot/").text().contains("__loa_edit"));

    let out = tempfile::tempdir().expect("a folder");
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(out.path().join("public"))
        .output()
        .expect("loa build");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out.path())
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages += 1;
            let html = std::fs::read_to_string(entry.path()).expect("a page");
            assert!(
                !html.contains("__loa") && !html.contains("Edit this article"),
                "{}",
                entry.path().display()
            );
        }
    }
    assert!(pages > 3);
}

#[test]
fn a_save_shows_in_the_preview_as_a_text_editors_save_does() {
    let site = SiteTest::new();
    let served = site.serve();
    let reply = save(&served, "content/tin-tuc/mot.md", |opened| {
        opened["body"] = "Đã lưu từ trình soạn bài.\n".into();
        opened["fields"]["title"] = "Bài một đã sửa".into();
    });
    assert_eq!(reply.status, 200, "{}", reply.text());
    served.poll("/tin-tuc/bai-mot-da-sua/", "the saved article", |reply| {
        reply.contains("Đã lưu từ trình soạn bài.")
    });
    let names: Vec<String> = std::fs::read_dir(site.path("content/tin-tuc"))
        .expect("the section")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert_eq!(names, Vec::<String>::new(), "nothing left beside the file");
}

/// The page as served, without what the preview server adds to it.
fn without_additions(served: &str) -> String {
    match (
        served.find("<a id=\"__loa_edit\""),
        served.rfind("</script>"),
    ) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{}", &served[..start], &served[end + "</script>".len()..])
        }
        _ => served.to_string(),
    }
}

#[test]
fn the_preview_is_the_page_served_once_the_edit_is_saved() {
    let site = SiteTest::new();
    let served = site.serve();
    let path = "content/tin-tuc/mot.md";
    let edits: [(&str, &str, &str); 2] = [
        // The body alone: the quick way, as a save is patched in place.
        ("Bài một", "Thân bài mới, **đậm**.\n", "/tin-tuc/bai-mot/"),
        // The title: the site built again.
        (
            "Bài một, tiêu đề mới",
            "Thân bài mới, **đậm**.\n",
            "/tin-tuc/bai-mot-tieu-de-moi/",
        ),
    ];
    for (title, body, url) in edits {
        let mut opened = open(&served, path);
        opened["fields"]["title"] = title.into();
        opened["body"] = body.into();
        let preview = json(&post(
            &served,
            "preview",
            &serde_json::json!({"path": path, "fields": opened["fields"], "body": opened["body"]}),
        ));
        let reply = post(
            &served,
            "save",
            &serde_json::json!({"path": path, "version": opened["version"], "fields": opened["fields"], "body": opened["body"]}),
        );
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(json(&reply)["url"], url);
        let page = served.poll(url, "the saved article", |reply| {
            reply.contains("<strong>đậm</strong>") && reply.contains(title)
        });
        assert_eq!(
            preview["html"].as_str(),
            Some(without_additions(&page.text()).as_str()),
            "{title}"
        );
    }
}

#[test]
fn a_figure_written_the_vietnamese_way_is_a_problem_at_its_field() {
    let site = SiteTest::new();
    let served = site.serve();
    let reply = save(&served, "content/tin-tuc/mot.md", |opened| {
        opened["fields"]["stats"] =
            serde_json::json!({"as_of": "2024-07-01", "figures": {"teams": {"value": "2.199"}}});
    });
    assert_eq!(reply.status, 422, "{}", reply.text());
    let problem = &json(&reply)["problems"][0];
    assert_eq!(problem["field"], "stats.figures.teams", "{problem}");
    assert!(
        problem["help"].as_str().is_some_and(|h| h.contains("2199")),
        "{problem}"
    );
}

#[test]
fn a_client_that_waits_to_send_its_body_is_told_to_go_on() {
    use std::io::{Read, Write};
    let site = SiteTest::new();
    let served = site.serve();
    let host = format!("127.0.0.1:{}", served.port);
    let token = editor(&served)
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string();
    let body = serde_json::json!({"path": "content/tin-tuc/mot.md", "fields": {"title": "Bài một"}, "body": "x\n"})
        .to_string();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", served.port)).expect("connecting");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("a timeout");
    let head = format!(
        "POST {}api/preview HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nX-Loa-Token: {token}\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        editor(&served),
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("the head");
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).expect("an interim answer");
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    stream.write_all(body.as_bytes()).expect("the body");
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let reply = Reply::parse(&rest);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(
        json(&reply)["html"]
            .as_str()
            .is_some_and(|h| h.contains("Bài một"))
    );
}

#[test]
fn an_upload_never_lands_outside_content_nor_over_a_folder() {
    let site = SiteTest::new();
    let outside = tempfile::tempdir().expect("a folder outside the site");
    std::fs::write(
        outside.path().join("index.md"),
        "---\ntitle: Ngoài\ndate: 2024-07-01\n---\n",
    )
    .expect("a file outside");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), site.path("content/tin-tuc/ngoai"))
        .expect("a link out");
    std::fs::create_dir_all(site.path("content/tin-tuc/hai"))
        .expect("a folder named as the article");
    let served = site.serve();
    let reply = upload(
        &served,
        "content/tin-tuc/ngoai/index.md",
        "anh.png",
        &png(2, 2),
    );
    assert_eq!(reply.status, 404, "{}", reply.text());
    assert!(!outside.path().join("anh.png").exists());
    let reply = upload(&served, "content/tin-tuc/hai.md", "anh.png", &png(2, 2));
    assert_eq!(reply.status, 409, "{}", reply.text());
    assert!(site.path("content/tin-tuc/hai.md").exists());
    assert!(!site.path("content/tin-tuc/hai/index.md").exists());
    assert!(!site.path("content/tin-tuc/hai/anh.png").exists());
}

#[test]
fn a_section_and_the_home_page_are_previewed_too() {
    let site = SiteTest::new();
    let served = site.serve();
    for (path, url, title) in [
        ("content/tin-tuc/_index.md", "/tin-tuc/", "Tin tức mới"),
        ("content/_index.md", "/", "Trang chủ mới"),
    ] {
        let mut opened = open(&served, path);
        assert_eq!(opened["url"], url);
        opened["fields"]["title"] = title.into();
        let preview = json(&post(
            &served,
            "preview",
            &serde_json::json!({"path": path, "fields": opened["fields"], "body": "Lời mới.\n"}),
        ));
        let html = preview["html"].as_str().expect("html");
        assert!(html.contains("Lời mới."), "{path}: {html}");
    }
}

#[test]
fn a_file_that_is_not_utf8_is_not_saved_over() {
    let site = SiteTest::new();
    let bytes = b"---\ntitle: B\xe0i ba\ndate: 2024-07-03\n---\nC\xf3.\n".to_vec();
    std::fs::write(site.path("content/tin-tuc/ba.md"), &bytes).expect("a Windows-1258 file");
    let served = site.serve();
    let reply = save(&served, "content/tin-tuc/ba.md", |opened| {
        opened["fields"]["title"] = "Bài ba".into();
    });
    assert_eq!(reply.status, 422, "{}", reply.text());
    assert!(
        json(&reply)["message"]
            .as_str()
            .is_some_and(|m| m.contains("UTF-8")),
        "{}",
        reply.text()
    );
    assert_eq!(
        std::fs::read(site.path("content/tin-tuc/ba.md")).expect("the file"),
        bytes
    );
}

#[test]
fn bound_to_every_address_the_editor_is_given_at_the_loopback_one() {
    let site = SiteTest::new();
    let served = Served::start_with(site.root(), &["--port", "0", "--bind", "0.0.0.0"]);
    let printed = served.printed();
    let line = printed
        .lines()
        .find(|l| l.starts_with("Write and edit articles at "))
        .unwrap_or_else(|| panic!("{printed}"));
    assert!(
        line.starts_with(&format!(
            "Write and edit articles at http://127.0.0.1:{}/__loa/edit/",
            served.port
        )),
        "{line}"
    );
    assert_eq!(api(&served, "site")["sections"][0]["dir"], "tin-tuc");
}
