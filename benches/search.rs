//! `cargo bench --bench search -- [N ...] [--rounds=K] [--weight]`: the search index
//! alone, on the generated site of N articles (default 10,000) that `cargo bench --bench
//! build` uses. The site is loaded and resolved once; the index is then made K times
//! (default 5), its files counted and dropped, so that the figures are the index's CPU and nothing of
//! the disk. At 100,000 articles this is the step that grows fastest.
//!
//! With `--weight`, the site is also built with the release binary and served, and a
//! reader's first query of one to six syllables is typed into its search page in
//! headless Chromium (`tests/tools/search-e2e.mjs`, which the tests use too), each in a
//! fresh page with an empty cache: the table gives the bytes of the page (HTML, style
//! sheet, script), of the index files the query fetched until its first page of ten
//! results was complete, and the page's and the index's bytes together until the first
//! results showed and until the ten did (a quoted phrase shows its first results before
//! it has checked ten candidates whole).

#[allow(dead_code)] // Shared with the build benchmark, which uses all of it.
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    let rounds = std::env::args()
        .find_map(|a| a.strip_prefix("--rounds=")?.parse().ok())
        .unwrap_or(5usize)
        .max(1);
    let mut weights = Vec::new();
    println!("| articles | index files | index bytes | fastest | median |");
    println!("|---:|---:|---:|---:|---:|");
    for articles in sizes {
        let root = generate::site_for(articles);
        let options = loa::BuildOptions::new(&root);
        let prepared = match loa::prepare(&options, &mut loa::Caches::default()) {
            Ok(prepared) => prepared,
            Err(error) => panic!("the generated site does not build:\n{}", error.render()),
        };
        let docs = loa::search::documents(&prepared.site);
        let date_style = prepared.site.config.date_style;
        let names = loa::search::Names::of(&docs, &prepared.registry);
        let (files, bytes) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let mut times: Vec<Duration> = (0..rounds)
            .map(|_| {
                files.store(0, Ordering::Relaxed);
                bytes.store(0, Ordering::Relaxed);
                let started = Instant::now();
                loa::search::index(&docs, &names, date_style, 0, &|(_, file)| {
                    files.fetch_add(1, Ordering::Relaxed);
                    bytes.fetch_add(file.len(), Ordering::Relaxed);
                });
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "| {articles} | {} | {} | {:.0} ms | {:.0} ms |",
            files.into_inner(),
            bytes.into_inner(),
            times[0].as_secs_f64() * 1000.0,
            times[rounds / 2].as_secs_f64() * 1000.0,
        );
        if std::env::args().any(|a| a == "--weight") {
            weights.push((articles, root));
        }
    }
    for (articles, root) in weights {
        weight(articles, &root);
    }
}

/// Queries of one to six syllables, with their syllable counts, as a reader types them.
const QUERIES: [(&str, usize); 7] = [
    ("phường", 1),
    ("Cần Thơ", 2),
    ("cần thơ 2024", 3),
    ("lực lượng tham gia", 4),
    ("huấn luyện nghiệp vụ xã", 5),
    ("bảo vệ an ninh trật tự", 6),
    ("\"bảo vệ an ninh trật tự\"", 6),
];

/// The bytes of each query of `QUERIES`, typed first on the search page of the site at
/// `root`, built into the target's temporary folder.
fn weight(articles: usize, root: &Path) {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("search-weight-{articles}"));
    let built = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--out"])
        .arg(&out)
        .current_dir(root)
        .output()
        .expect("run loa build");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("a free port"));
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let serving = Arc::clone(&server);
    let thread = std::thread::spawn(move || serve(&serving, &out));
    let queries: Vec<&str> = QUERIES.iter().map(|(q, _)| *q).collect();
    let input = serde_json::json!({
        "url": format!("http://127.0.0.1:{port}/tim-kiem/"),
        "queries": queries,
        "fresh": true,
    });
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools");
    let report = Command::new("node")
        .arg(tools.join("search-e2e.mjs"))
        .arg(input.to_string())
        .output()
        .expect("run node: scripts/install-test-deps.sh installs what it needs");
    server.unblock();
    let _ = thread.join();
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    let page = report["pageBytes"].as_u64().unwrap_or(0);
    println!("\nA first query on {articles} articles (page: {page} bytes):\n");
    println!("| query | syllables | results | index bytes | first results | ten results |");
    println!("|---|---:|---:|---:|---:|---:|");
    for ((query, syllables), result) in QUERIES
        .iter()
        .zip(report["queries"].as_array().into_iter().flatten())
    {
        let bytes = result["bytes"].as_u64().unwrap_or(0);
        let first = result["firstBytes"].as_u64().unwrap_or(bytes);
        println!(
            "| {query} | {syllables} | {} | {bytes} | {:.0} KB | {:.0} KB |",
            result["status"].as_str().unwrap_or(""),
            (page + first) as f64 / 1024.0,
            (page + bytes) as f64 / 1024.0,
        );
    }
}

/// The files under `root` over HTTP, as a static host serves a built site: each request
/// on a thread of its own, as the browser fetches a page of results' files at once.
fn serve(server: &tiny_http::Server, root: &Path) {
    std::thread::scope(|threads| {
        for request in server.incoming_requests() {
            threads.spawn(move || respond(request, root));
        }
    });
}

/// A file, or the part of it that a Range request asks for, as static hosts answer.
fn respond(request: tiny_http::Request, root: &Path) {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let mut file: PathBuf = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name, value).expect("a valid header")
    };
    let response = match std::fs::read(&file) {
        Ok(bytes) if !path.contains("..") => {
            let range = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Range"))
                .and_then(|h| h.value.as_str().strip_prefix("bytes="))
                .and_then(|range| range.split_once('-'))
                .and_then(|(from, to)| Some((from.parse::<usize>().ok()?, to.parse().ok()?)))
                .filter(|&(from, to)| from <= to && to < bytes.len());
            match range {
                Some((from, to)) => {
                    let whole = bytes.len();
                    tiny_http::Response::from_data(bytes[from..=to].to_vec())
                        .with_status_code(206)
                        .with_header(header(
                            "Content-Range",
                            &format!("bytes {from}-{to}/{whole}"),
                        ))
                }
                None => tiny_http::Response::from_data(bytes),
            }
            .with_header(header("Content-Type", kind))
        }
        _ => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
    };
    // A browser that went away mid-response is no failure of the benchmark.
    let _ = request.respond(response);
}
