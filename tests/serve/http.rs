//! What the server answers, and what it refuses.

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use crate::support::SiteTest;

#[test]
fn pages_are_served_with_their_types_and_the_live_reload_script() {
    let site = SiteTest::new().file("static/ghi-chu.txt", "chữ");
    let served = site.serve();
    let home = served.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.text().contains("/__loa/reload"),
        "the script is injected"
    );
    let article = served.get("/tin-tuc/bai-mot/");
    assert!(article.contains("Nội dung bài một."), "{}", article.text());
    let text = served.get("/ghi-chu.txt");
    assert_eq!(
        text.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(text.text(), "chữ", "no script outside HTML");
    let feed = served.get("/atom.xml");
    assert_eq!(
        feed.header("content-type"),
        Some("application/xml; charset=utf-8")
    );
    assert!(!feed.text().contains("__loa"));
}

#[test]
fn missing_pages_get_404_html_with_status_404() {
    let served = SiteTest::new().serve();
    let missing = served.get("/khong-co/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(missing.text().contains("<html"), "{}", missing.text());
}

#[test]
fn folders_serve_their_index_and_redirect_without_the_slash() {
    let served = SiteTest::new().serve();
    assert_eq!(served.get("/tin-tuc/").status, 200);
    let redirect = served.get("/tin-tuc");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/tin-tuc/"));
}

#[test]
fn head_is_answered_without_a_body_and_other_methods_get_405() {
    let served = SiteTest::new().serve();
    let head = served.request("HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert!(head.header("content-length").is_some());
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let reply = served.request(method, "/");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("allow"), Some("GET, HEAD"));
    }
}

#[test]
fn no_path_outside_the_site_can_be_read() {
    let site = SiteTest::new().file("static/ok.txt", "ok");
    let secret = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(secret.path(), "BÍ MẬT").expect("writing");
    #[cfg(unix)]
    std::os::unix::fs::symlink(secret.path(), site.path("static/link.txt")).expect("a link");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc", site.path("static/etc")).expect("a link");
    let served = site.serve();
    let attempts = [
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e/",
        "/../../etc/passwd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/static/../../etc/passwd",
        "/ok.txt/../../../etc/passwd",
        "/ok.txt%00.html",
        "/link.txt",
        "/etc/passwd",
        "/site.yaml",
        "/content/tin-tuc/mot.md",
        "http://127.0.0.1/etc/passwd",
        "http://example.com/",
    ];
    for attempt in attempts {
        let reply = served.get(attempt);
        assert!(
            [400, 404].contains(&reply.status),
            "{attempt} got {}",
            reply.status
        );
        let text = reply.text();
        assert!(
            !text.contains("root:") && !text.contains("BÍ MẬT") && !text.contains("base_url"),
            "{attempt}"
        );
    }
    assert_eq!(
        served.get("/ok.txt").text(),
        "ok",
        "the site itself is still served"
    );
}

#[test]
fn malformed_and_oversized_requests_get_an_error() {
    let served = SiteTest::new().serve();
    let status = |raw: &[u8]| crate::support::Reply::parse(&served.raw(raw)).status;
    assert_eq!(status(b"NONSENSE\r\n\r\n"), 400);
    assert_eq!(status(b"GET / HTTP/1.1\r\nno colon here\r\n\r\n"), 400);
    assert_eq!(
        status(b"GET /%zz HTTP/1.1\r\nConnection: close\r\n\r\n"),
        400
    );
    assert_eq!(
        status(b"GET /__loa/reload HTTP/1.1\r\nConnection: close\r\n\r\n"),
        400
    );
    let big = format!(
        "GET / HTTP/1.1\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(status(big.as_bytes()), 431);
    let long_url = format!(
        "GET /{} HTTP/1.1\r\nConnection: close\r\n\r\n",
        "a".repeat(40 * 1024)
    );
    assert_eq!(status(long_url.as_bytes()), 431);
    assert_eq!(served.get("/").status, 200, "still serving");
}

#[test]
fn many_open_pages_long_polling_do_not_hold_up_the_others() {
    let served = SiteTest::new().serve();
    let (generation, hash) = served.get("/").live_state();
    let mut polls = Vec::new();
    for _ in 0..16 {
        let mut stream = TcpStream::connect(("127.0.0.1", served.port)).expect("connecting");
        let request = format!(
            "GET /__loa/reload?since={generation}&hash={hash}&path=%2F HTTP/1.1\r\nHost: x\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).expect("writing");
        polls.push(stream);
    }
    std::thread::sleep(Duration::from_millis(200));
    // They wait 25 s for a change; this must not wait for them.
    let raw = served.raw_within(
        b"GET /tin-tuc/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    assert_eq!(crate::support::Reply::parse(&raw).status, 200);
    drop(polls);
}
