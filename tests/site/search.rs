//! Search (issue 7): the page and its index as `loa build` writes them, and the page
//! driven in headless Chromium as a reader drives it: typing "dak lak" finds the Đắk Lắk
//! article first.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::{SITE_YAML, SiteTest, jpeg};

const DAK_LAK: &str = "/le-ra-mat/dak-lak-ra-mat-luc-luong-tham-gia-bao-ve-antt-o-co-so/";
const CAN_THO: &str = "/tin-tuc/can-tho-hoc-tap-kinh-nghiem/";
const CAMPAIGN: &str = "/phong-trao/phat-dong-phong-trao-thi-dua/";
const THI_HANH: &str = "/tin-tuc/thi-hanh-luat/";
const DRAFT: &str = "/tin-tuc/ban-nhap-ve-dak-lak/";

/// Five articles: Đắk Lắk's own (the oldest), a newer one from Cần Thơ that names Đắk
/// Lắk in its body, a campaign with the phrase "thi đua", one with "thi" and "đua" apart,
/// and a draft about Đắk Lắk.
fn fixture() -> SiteTest {
    SiteTest::new()
        .article(
            "content/le-ra-mat/dak-lak.md",
            "Đắk Lắk ra mắt lực lượng tham gia bảo vệ ANTT ở cơ sở",
            "2024-07-01",
            "kind: ceremony\nprovince: Đắk Lắk\n",
            "Ngày 1/7/2024, tại TP Buôn Ma Thuột, tỉnh ra mắt 2.199 tổ bảo vệ ANTT.",
        )
        .article(
            "content/tin-tuc/can-tho.md",
            "Cần Thơ học tập kinh nghiệm",
            "2024-09-01",
            "province: Cần Thơ\n",
            "Đoàn công tác của Cần Thơ đến Đắk Lắk học tập cách tổ chức lực lượng.",
        )
        .article(
            "content/phong-trao/thi-dua.md",
            "Phát động phong trào thi đua",
            "2024-08-19",
            "kind: campaign\nprovince: Đồng Tháp\ncampaign:\n  motto: Lực lượng mới\n  starts: 2024-08-19\n",
            "Phong trào thi đua đặc biệt trong lực lượng tham gia bảo vệ ANTT ở cơ sở.",
        )
        .article(
            "content/tin-tuc/thi-hanh.md",
            "Thi hành luật",
            "2024-08-01",
            "",
            "Ba tháng thi hành luật; giải đua thuyền truyền thống.",
        )
        .article(
            "content/tin-tuc/nhap.md",
            "Bản nháp về Đắk Lắk",
            "2024-10-01",
            "draft: true\nprovince: Đắk Lắk\n",
            "Chưa đăng: Đắk Lắk.",
        )
}

/// Every record of the index, in the order of its ids: the lines after the header of
/// each pack.
fn records(site: &SiteTest) -> Vec<serde_json::Value> {
    let mut records = Vec::new();
    for pack in 0.. {
        let path = format!("/tim-kiem/d/{pack}.txt");
        if !site.exists(&path) {
            break;
        }
        for line in site.page(&path).lines().skip(1) {
            records.push(serde_json::from_str(line).unwrap());
        }
    }
    records
}

/// Every record's address.
fn indexed_urls(site: &SiteTest) -> Vec<String> {
    records(site)
        .iter()
        .map(|record| record["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_page_links_to_the_search_page_and_drafts_stay_out_of_the_index() {
    let site = fixture();
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The draft is rendered for preview, but not indexed.
    assert!(site.exists(DRAFT));
    for url in ["/", DAK_LAK, "/tinh-thanh/", DRAFT] {
        let page = site.page(url);
        assert!(
            page.contains(r#"<a class="search-link" href="/tim-kiem/">Tìm kiếm</a>"#),
            "{url} has no link to the search page"
        );
    }
    let search = site.page("/tim-kiem/");
    assert!(search.contains(r#"<a class="search-link" href="/tim-kiem/" aria-current="page">"#));
    let mut urls = indexed_urls(&site);
    urls.sort();
    let mut expected = [DAK_LAK, CAN_THO, CAMPAIGN, THI_HANH];
    expected.sort();
    assert_eq!(urls, expected);
    let manifest: serde_json::Value =
        serde_json::from_str(&site.page("/tim-kiem/index.json")).unwrap();
    assert_eq!(manifest["docs"], 4);
}

/// The version that the script adds to the addresses it fetches, so that a browser
/// does not answer from its cache with files of an older index.
fn index_version(site: &SiteTest) -> String {
    let manifest: serde_json::Value =
        serde_json::from_str(&site.page("/tim-kiem/index.json")).unwrap();
    manifest["version"].as_str().unwrap().to_string()
}

#[test]
fn the_index_version_changes_with_the_articles_and_only_then() {
    let site = fixture().build();
    let first = index_version(&site);
    site.rebuild();
    assert_eq!(index_version(&site), first);
    let edited = site.file(
        "content/tin-tuc/thi-hanh.md",
        "---\ntitle: Thi hành luật\ndate: 2024-08-01\n---\nBốn tháng thi hành luật.\n",
    );
    edited.rebuild();
    assert_ne!(index_version(&edited), first);
}

#[test]
fn without_javascript_the_search_page_says_so_and_offers_the_listings() {
    let site = fixture().build();
    let main = site.main("/tim-kiem/");
    assert!(
        main.contains("<p>Tìm kiếm cần JavaScript; xem theo tỉnh, thành, chủ đề hoặc năm:</p>"),
        "{main}"
    );
    assert!(main.contains(r#"<a href="/tinh-thanh/">Tỉnh, thành phố</a>"#));
    assert!(main.contains(r#"<a href="/chu-de/">Chủ đề</a>"#));
    // Each section's years lead to its archive pages.
    assert!(
        main.contains(r#"<li>tin-tuc: <a href="/tin-tuc/2024/">2024</a> (2)</li>"#),
        "{main}"
    );
    assert!(site.exists("/tin-tuc/2024/"));
    // The form waits, hidden, for the script; the filters list what the site has.
    assert!(
        main.contains(r#"method="get" role="search" data-index="/tim-kiem/index.json" hidden>"#)
    );
    assert!(main.contains(r#"<option value="ceremony">Lễ ra mắt (1)</option>"#));
    assert!(main.contains(r#"<option value="dak-lak">Đắk Lắk (1)</option>"#));
    assert!(main.contains(r#"<option value="2024">2024 (4)</option>"#));
    assert!(
        site.page("/tim-kiem/")
            .contains(r#"<script src="/search.js" defer></script>"#)
    );
}

#[test]
fn search_false_in_site_yaml_writes_no_search_page_index_or_link() {
    let site = fixture()
        .file("site.yaml", &format!("{SITE_YAML}search: false\n"))
        .build();
    assert!(!site.exists("/tim-kiem/"));
    assert!(!site.exists("/tim-kiem/index.json"));
    assert!(!site.page("/").contains("/tim-kiem/"));
    assert!(!site.page(DAK_LAK).contains("search-link"));
}

#[test]
fn a_link_to_the_search_page_from_an_article_resolves() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "",
            "Xem [trang tìm kiếm](/tim-kiem/).",
        )
        .build();
    assert!(
        site.main("/tin-tuc/bai-a/")
            .contains(r#"href="/tim-kiem/""#)
    );
}

/// Every key of the index, with the ids of the documents it finds.
fn index_keys(site: &SiteTest) -> std::collections::BTreeSet<String> {
    let mut keys = std::collections::BTreeSet::new();
    for chunk in 0.. {
        let path = format!("/tim-kiem/k/{chunk}.json");
        if !site.exists(&path) {
            break;
        }
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&site.page(&path)).unwrap();
        keys.extend(map.into_iter().map(|(key, _)| key));
    }
    keys
}

/// Issue "The house in order": search reads the text that the Markdown pass makes.
/// A reader finds what the page shows, as its blocks separate it, and nothing of its
/// attributes or scripts: not an image's alt text, not a script in raw HTML.
#[test]
fn search_finds_what_the_page_shows_and_not_alt_text_or_scripts() {
    let markdown = "Lực lượng **tham gia**  \nbảo\nvệ Q&amp;A &#39;trích&#39;.\n\n\
                    ![Xe cứu thương](anh.jpg \"Lễ ra mắt tại hội trường\")\n\n\
                    Gõ `loa build`:\n\n    loa build\n      --out x\n\n\
                    | Tỉnh | Tổ |\n|---|---|\n| Đắk Lắk | 2.199 |\n\n\
                    Số liệu.[^1]\n\n[^1]: Theo Bộ Công an.";
    let raw_html = "Trước <b>đậm</b> &eacute; sau.\n\n\
                    <script>var bimat = \"không hiện\";</script>\n\n\
                    <div title=\"Xe cứu thương\">khối</div>\n\n\
                    ![Xe cứu thương](https://example.gov.vn/xe.jpg \"Chú thích ảnh\")";
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/markdown/index.md",
            "Bài Markdown",
            "2024-07-02",
            "",
            markdown,
        )
        .bytes("content/tin-tuc/markdown/anh.jpg", &jpeg(800, 600))
        .article(
            "content/tin-tuc/html.md",
            "Bài HTML",
            "2024-07-01",
            "",
            raw_html,
        )
        .build();
    let records = records(&site);
    assert_eq!(
        records[0]["text"],
        "Lực lượng tham gia\nbảo vệ Q&A 'trích'.\n\
         Lễ ra mắt tại hội trường Tải ảnh gốc\n\
         Gõ loa build:\nloa build --out x\n\
         Tỉnh\nTổ\nĐắk Lắk\n2.199\n\
         Số liệu.1\n1\nTheo Bộ Công an."
    );
    assert_eq!(records[1]["text"], "Trước đậm é sau.\nkhối\nChú thích ảnh");
    let keys = index_keys(&site);
    // Pairs form within a block (a soft line break is a space) and not across blocks:
    // a hard break, a photo, table cells.
    for key in [
        "bao ve",
        "hoi truong",
        "anh goc",
        "loa build",
        "dak lak",
        "2199",
        "cong an",
        "dam",
        "khoi",
        "chu thich",
    ] {
        assert!(keys.contains(key), "{key} is not in the index");
    }
    for key in [
        "gia bao", "trich le", "goc go", "to dak", "xe", "cuu", "thuong", "bimat", "hien",
    ] {
        assert!(!keys.contains(key), "{key} is in the index");
    }
}

// ---- In the browser. ----

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `root` over HTTP on a free port of 127.0.0.1, until dropped.
struct Server {
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
    port: u16,
    /// How many requests were answered with part of a file.
    partial: Arc<AtomicUsize>,
    /// How many requests for a pack of the index's records were answered with all of it.
    whole_packs: Arc<AtomicUsize>,
}

impl Server {
    /// A server that answers Range requests, as static hosts do.
    fn start(root: PathBuf) -> Self {
        Self::with_ranges(root, true)
    }

    /// A server that answers a Range request with the whole file, as Python's
    /// `http.server` does.
    fn without_ranges(root: PathBuf) -> Self {
        Self::with_ranges(root, false)
    }

    fn with_ranges(root: PathBuf, ranges: bool) -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("a free port"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let serving = Arc::clone(&server);
        let partial = Arc::new(AtomicUsize::new(0));
        let whole_packs = Arc::new(AtomicUsize::new(0));
        let (counting, counting_packs) = (Arc::clone(&partial), Arc::clone(&whole_packs));
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let response = respond(&request, &root, ranges);
                match response.status_code().0 {
                    206 => counting.fetch_add(1, Ordering::Relaxed),
                    200 if request.url().starts_with("/tim-kiem/d/") => {
                        counting_packs.fetch_add(1, Ordering::Relaxed)
                    }
                    _ => 0,
                };
                // A browser that went away mid-response is no failure of the page.
                let _ = request.respond(response);
            }
        });
        Self {
            server,
            thread: Some(thread),
            port,
            partial,
            whole_packs,
        }
    }
}

fn respond(
    request: &tiny_http::Request,
    root: &Path,
    ranges: bool,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = request.url().split(['?', '#']).next().unwrap_or("/");
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let bytes = match std::fs::read(&file) {
        Ok(bytes) if !path.contains("..") => bytes,
        _ => return tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
    };
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
    let range = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Range"))
        .and_then(|h| h.value.as_str().strip_prefix("bytes="))
        .and_then(|range| range.split_once('-'))
        .and_then(|(from, to)| Some((from.parse::<usize>().ok()?, to.parse::<usize>().ok()?)))
        .filter(|&(from, to)| ranges && from <= to && to < bytes.len());
    match range {
        Some((from, to)) => {
            let whole = bytes.len();
            tiny_http::Response::from_data(bytes[from..=to].to_vec())
                .with_status_code(206)
                .with_header(header("Content-Type", kind))
                .with_header(header(
                    "Content-Range",
                    &format!("bytes {from}-{to}/{whole}"),
                ))
        }
        None => tiny_http::Response::from_data(bytes).with_header(header("Content-Type", kind)),
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs tests/tools/search-e2e.mjs with `input` and returns what it printed.
fn drive_browser(input: serde_json::Value) -> serde_json::Value {
    let tools = repository().join("tests/tools");
    let help = "run scripts/install-test-deps.sh";
    assert!(
        tools
            .join("node_modules/playwright-core/package.json")
            .is_file(),
        "playwright-core is missing from tests/tools/node_modules: {help}"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).is_file(),
        "Chromium is missing at {chromium}: {help}"
    );
    let output = Command::new("node")
        .arg(tools.join("search-e2e.mjs"))
        .arg(input.to_string())
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| panic!("node is missing ({e}): {help}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the browser script failed:\n{}{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn result_links(query: &serde_json::Value) -> Vec<String> {
    query["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["href"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn typing_dak_lak_in_chromium_finds_the_dak_lak_article_first() {
    let site = fixture().build();
    // Results show though the server sends a whole pack where a record was asked for.
    let server = Server::without_ranges(site.out());
    let nfd = "\u{110}a\u{306}\u{301}k La\u{306}\u{301}k";
    assert_ne!(nfd, "Đắk Lắk", "the query is typed in NFD");
    let samples = [
        "Đắk Lắk",
        nfd,
        "Bà Rịa - Vũng Tàu",
        "Cần Thơ: 3.000 thành viên",
        "“Lực lượng mới, khí thế mới”",
        "ngày 1/7/2024, COVID-19",
    ];
    let report = drive_browser(serde_json::json!({
        "url": format!("http://127.0.0.1:{}/tim-kiem/", server.port),
        "queries": [
            "dak lak",
            nfd,
            "\"thi dua\"",
            "thi dua",
            {"text": "luc luong", "filters": {"kind": "campaign"}},
            {"text": "", "filters": {"province": "dak-lak"}},
        ],
        "samples": samples,
    }));
    // The one pack of the four articles was sent once, though every result asked.
    assert_eq!(server.partial.load(Ordering::Relaxed), 0);
    assert_eq!(server.whole_packs.load(Ordering::Relaxed), 1);
    drop(server);

    assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["nojs"]["formVisible"], false);
    assert!(
        report["nojs"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Tìm kiếm cần JavaScript; xem theo tỉnh, thành, chủ đề hoặc năm:")
    );
    assert_eq!(report["nojsHiddenWithScript"], true);

    let queries = report["queries"].as_array().unwrap();
    // "dak lak": Đắk Lắk's article first, though Cần Thơ's is newer; no draft.
    let dak_lak = &queries[0];
    assert_eq!(result_links(dak_lak), [DAK_LAK, CAN_THO], "{dak_lak:#}");
    assert_eq!(dak_lak["status"], "Có 2 bài cho «dak lak».");
    assert_eq!(
        dak_lak["results"][0]["title"],
        "Đắk Lắk ra mắt lực lượng tham gia bảo vệ ANTT ở cơ sở"
    );
    assert_eq!(dak_lak["results"][0]["marks"][0], "Đắk");
    assert_eq!(dak_lak["results"][0]["marks"][1], "Lắk");
    assert!(
        dak_lak["url"]
            .as_str()
            .unwrap()
            .ends_with("/tim-kiem/?q=dak+lak"),
        "the query is kept in the address: {}",
        dak_lak["url"]
    );
    // The same typed in NFD.
    assert_eq!(result_links(&queries[1]), [DAK_LAK, CAN_THO]);
    // A quoted phrase needs its syllables side by side; unquoted, anywhere.
    assert_eq!(result_links(&queries[2]), [CAMPAIGN]);
    assert_eq!(result_links(&queries[3]), [CAMPAIGN, THI_HANH]);
    // Filters: by kind, and a province alone with no words.
    assert_eq!(result_links(&queries[4]), [CAMPAIGN]);
    assert_eq!(result_links(&queries[5]), [DAK_LAK]);

    // The script cuts and folds text as the index does.
    let in_browser = report["tokens"].as_array().unwrap();
    for (sample, tokens) in samples.iter().zip(in_browser) {
        let expected: Vec<serde_json::Value> = loa::search::tokens(sample)
            .into_iter()
            .map(|(key, joined)| serde_json::json!([key, joined]))
            .collect();
        assert_eq!(tokens.as_array().unwrap(), &expected, "{sample}");
    }
}

// ---- Issue 31: search that finds what a reader means. ----

const CT_2024: &str = "/le-ra-mat/can-tho-ra-mat-to-bao-ve-antt/";
const CT_2023: &str = "/phong-trao/can-tho-so-ket-phong-trao/";
const NT_2024: &str = "/tin-tuc/ninh-thuan-tong-ket-cong-tac/";
const DL_2024: &str = "/le-ra-mat/dak-lak-ra-mat-luc-luong/";
const HOA_BINH: &str = "/tin-tuc/hoa-binh-huan-luyen-nghiep-vu/";
const PHRASE: &str = "/tin-tuc/hoi-nghi-so-ket/";
const PAIRS_APART: &str = "/tin-tuc/hop-ban-quoc-phong/";
const TITLE_MATCH: &str = "/tin-tuc/tuan-tra-bien-gioi/";
const BODY_MATCH: &str = "/tin-tuc/ra-quan-dau-nam/";
const SIDE_BY_SIDE: &str = "/tin-tuc/khen-thuong-tap-the/";
const SCATTERED: &str = "/tin-tuc/quy-dinh-moi/";
const THUY_AN: &str = "/tin-tuc/xa-thuy-an-ra-mat/";
const LONG_READ: &str = "/tin-tuc/bao-cao-ca-nam/";

/// Thirteen articles, each there to be found by one kind of query and to stand in the
/// way of another: Cần Thơ's of 2024 and of 2023, and Ninh Thuận's of 2024 that names
/// Cần Thơ and 2024 in its text; a phrase whole and its pairs apart; words in a title and
/// the same words in a newer article's body; words side by side and scattered in a
/// newer one; old-style tone marks; a match two thousand bytes into an article.
fn meaning_fixture() -> SiteTest {
    let filler = "Các đơn vị báo cáo kết quả công tác trong năm. ".repeat(45);
    SiteTest::new()
        .file(
            "content/le-ra-mat/_index.md",
            "---\ntitle: Lễ ra mắt\n---\n",
        )
        .file(
            "content/phong-trao/_index.md",
            "---\ntitle: Phong trào thi đua\n---\n",
        )
        .file("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n")
        .article(
            "content/le-ra-mat/ct-2024.md",
            "Cần Thơ ra mắt tổ bảo vệ ANTT",
            "2024-07-01",
            "kind: ceremony\nprovince: Cần Thơ\n",
            "Buổi lễ diễn ra tại quận Ninh Kiều.",
        )
        .article(
            "content/phong-trao/ct-2023.md",
            "Cần Thơ sơ kết phong trào",
            "2023-05-10",
            "kind: campaign\nprovince: Cần Thơ\n",
            "Sơ kết sau một năm thực hiện.",
        )
        .article(
            "content/tin-tuc/nt-2024.md",
            "Ninh Thuận tổng kết công tác",
            "2024-12-20",
            "province: Ninh Thuận\n",
            "Đoàn của Cần Thơ đến dự; kế hoạch 2024 đã xong. Phong trào lan rộng.",
        )
        .article(
            "content/le-ra-mat/dl-2024.md",
            "Đắk Lắk ra mắt lực lượng",
            "2024-07-01",
            "kind: ceremony\nprovince: Đắk Lắk\n",
            "Lễ ra mắt tại TP Buôn Ma Thuột.",
        )
        .article(
            "content/tin-tuc/hoa-binh.md",
            "Hoà Bình huấn luyện nghiệp vụ",
            "2024-03-02",
            "province: Hòa Bình\n",
            "Lớp học kéo dài ba ngày.",
        )
        .article(
            "content/tin-tuc/phrase.md",
            "Hội nghị sơ kết",
            "2024-02-01",
            "",
            "Nhiệm vụ bảo vệ an ninh trật tự ở cơ sở.",
        )
        .article(
            "content/tin-tuc/pairs-apart.md",
            "Họp bàn quốc phòng",
            "2024-02-02",
            "",
            "Lực lượng bảo vệ an ninh quốc gia và giữ an ninh trật tự xã hội.",
        )
        .article(
            "content/tin-tuc/title-match.md",
            "Tuần tra biên giới",
            "2024-04-01",
            "",
            "Các tổ đi theo lịch.",
        )
        .article(
            "content/tin-tuc/body-match.md",
            "Ra quân đầu năm",
            "2024-04-02",
            "",
            "Các tổ tuần tra biên giới theo lịch mới.",
        )
        .article(
            "content/tin-tuc/side-by-side.md",
            "Khen thưởng tập thể",
            "2024-05-01",
            "",
            "Tổng kết thi đua khen thưởng.",
        )
        .article(
            "content/tin-tuc/scattered.md",
            "Quy định mới",
            "2024-05-02",
            "",
            "Thi hành quy định, giải đua thuyền, thi đấu và đua xe; thi và đua.",
        )
        .article(
            "content/tin-tuc/thuy-an.md",
            "Xã Thuỷ An ra mắt",
            "2024-06-01",
            "",
            "Thuỷ An là xã ven biển.",
        )
        .article(
            "content/tin-tuc/long-read.md",
            "Báo cáo cả năm",
            "2024-08-01",
            "",
            &format!("{filler}\n\nCuối cùng, đội xe cứu hỏa được tăng cường."),
        )
}

#[test]
fn queries_find_what_the_reader_means_in_chromium() {
    let site = meaning_fixture().build();
    let server = Server::start(site.out());
    // (query, filters, the results expected first, in order)
    let table: &[(&str, serde_json::Value, &[&str])] = &[
        // A province and a year: that province's articles of that year first, though
        // another's names both in its text.
        ("cần thơ 2024", serde_json::json!({}), &[CT_2024, NT_2024]),
        (
            "can tho nam 2024",
            serde_json::json!({}),
            &[CT_2024, NT_2024],
        ),
        (
            "Cần Thơ",
            serde_json::json!({}),
            &[CT_2024, CT_2023, NT_2024],
        ),
        // A date the Vietnamese way restricts to that day.
        ("1/7/2024", serde_json::json!({}), &[CT_2024, DL_2024]),
        ("tháng 12/2024", serde_json::json!({}), &[NT_2024]),
        // A section's name favours its articles.
        ("phong trào", serde_json::json!({}), &[CT_2023, NT_2024]),
        // A quoted phrase only where it stands whole.
        (
            "\"bảo vệ an ninh trật tự\"",
            serde_json::json!({}),
            &[PHRASE],
        ),
        // Tone placement, marks, case, đ, one letter wrong.
        ("hòa bình", serde_json::json!({}), &[HOA_BINH]),
        ("HOÀ BÌNH", serde_json::json!({}), &[HOA_BINH]),
        ("thủy an", serde_json::json!({}), &[THUY_AN]),
        ("Đắk Lắk", serde_json::json!({}), &[DL_2024]),
        ("dak lak", serde_json::json!({}), &[DL_2024]),
        ("Dak Lac", serde_json::json!({}), &[DL_2024]),
        ("ngiep vu", serde_json::json!({}), &[HOA_BINH]),
        // A title outranks a newer body; side by side outranks a newer scattering.
        (
            "tuần tra biên giới",
            serde_json::json!({}),
            &[TITLE_MATCH, BODY_MATCH],
        ),
        ("thi đua", serde_json::json!({}), &[SIDE_BY_SIDE, SCATTERED]),
        // Filters combine, with or without words.
        (
            "",
            serde_json::json!({"province": "can-tho", "year": "2024"}),
            &[CT_2024],
        ),
        (
            "ra mắt",
            serde_json::json!({"section": "tin-tuc"}),
            &[THUY_AN],
        ),
        // A snippet from deep in the article.
        ("cứu hỏa", serde_json::json!({}), &[LONG_READ]),
    ];
    let queries: Vec<serde_json::Value> = table
        .iter()
        .map(|(text, filters, _)| serde_json::json!({"text": text, "filters": filters}))
        .collect();
    let report = drive_browser(serde_json::json!({
        "url": format!("http://127.0.0.1:{}/tim-kiem/", server.port),
        "queries": queries,
    }));
    // The records were read out of their pack, not fetched whole.
    assert!(server.partial.load(Ordering::Relaxed) > 0);
    drop(server);
    assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
    let shown = report["queries"].as_array().unwrap();
    for ((text, filters, expected), query) in table.iter().zip(shown) {
        let links = result_links(query);
        assert!(
            links.len() >= expected.len() && links[..expected.len()] == **expected,
            "{text} {filters}: {links:#?}"
        );
    }
    let by_query = |text: &str| {
        shown
            .iter()
            .find(|q| q["query"] == text)
            .unwrap_or_else(|| panic!("{text} was not asked"))
    };
    // The phrase, quoted, finds the one article that holds it whole and says so, though
    // another holds each of its pairs.
    let quoted = by_query("\"bảo vệ an ninh trật tự\"");
    assert!(!result_links(quoted).contains(&PAIRS_APART.to_string()));
    assert_eq!(
        quoted["status"],
        "Có 1 bài cho «\"bảo vệ an ninh trật tự\"»."
    );
    // Each result shows its date and province; the snippet comes from where the words
    // are, with the words marked.
    let first = &by_query("cần thơ 2024")["results"][0];
    assert_eq!(first["meta"], "1/7/2024 · Cần Thơ · Lễ ra mắt");
    assert_eq!(first["marks"], serde_json::json!(["Cần", "Thơ"]));
    let deep = &by_query("cứu hỏa")["results"][0];
    assert!(
        deep["snippet"]
            .as_str()
            .unwrap()
            .contains("đội xe cứu hỏa được tăng cường"),
        "{deep:#}"
    );
    assert_eq!(deep["marks"], serde_json::json!(["cứu", "hỏa"]));
}
