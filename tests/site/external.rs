//! `loa check --external` requests links to other sites, boundedly, and only on request.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::SiteTest;

/// A local "other site": /ok answers 200, /gone 404, /no-head 405 to HEAD and 200 to GET.
fn other_site() -> (String, Arc<AtomicUsize>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a local server");
    let address = format!(
        "http://{}",
        server.server_addr().to_ip().expect("an ip address")
    );
    let requests = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&requests);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            counted.fetch_add(1, Ordering::SeqCst);
            let path = request
                .url()
                .split('?')
                .next()
                .unwrap_or_default()
                .to_string();
            let status = match (request.method(), path.as_str()) {
                (_, "/ok") => 200,
                (tiny_http::Method::Head, "/no-head") => 405,
                (_, "/no-head") => 200,
                _ => 404,
            };
            let _ = request.respond(tiny_http::Response::empty(status));
        }
    });
    (address, requests)
}

fn site_linking_to(address: &str) -> SiteTest {
    let body = format!(
        "[a]({address}/ok) [b]({address}/gone)\n\n[c]({address}/no-head) [a again]({address}/ok)\n"
    );
    SiteTest::new().article("content/tin-tuc/a.md", "Bài A", "2024-07-01", "", &body)
}

#[test]
fn external_links_are_checked_only_on_request_and_broken_ones_reported() {
    let (address, requests) = other_site();
    let site = site_linking_to(&address);
    assert_eq!(site.run(&["check"]).code, 0);
    assert_eq!(
        requests.load(Ordering::SeqCst),
        0,
        "no request without --external"
    );

    let run = site.run(&["check", "--external"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let stderr = run.stderr.replace(&address, "[OTHER]");
    assert!(
        stderr.contains(
            "error: the link to [OTHER]/gone is broken: the server answered 404 Not Found"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/tin-tuc/a.md:5:"), "{stderr}");
    assert!(
        !stderr.contains("/ok is broken") && !stderr.contains("/no-head is broken"),
        "{stderr}"
    );
    assert!(stderr.contains("1 problem found"), "{stderr}");
}

#[test]
fn the_number_of_external_requests_is_bounded() {
    let (address, requests) = other_site();
    let site = SiteTest::new().article(
        "content/tin-tuc/a.md",
        "Bài A",
        "2024-07-01",
        "",
        &format!("[a]({address}/ok) [b]({address}/ok?x=1) [c]({address}/ok?x=2)"),
    );
    let run = site.run(&["check", "--external", "--external-limit", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Checked 2 of 3 links to other sites."),
        "{}",
        run.stdout
    );
    assert_eq!(requests.load(Ordering::SeqCst), 2);
}
