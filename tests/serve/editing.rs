//! The editing pages in a real browser (issue 29): tests/tools/editor-e2e.mjs drives
//! headless Chromium through playwright-core on a small site served in Vietnamese, from
//! the address `loa serve` prints; after each save, the script runs `loa build` and
//! compares the article's <main> with the preview's. The editing pages must pass axe
//! there and the Nu Html Checker here. Fails, never skips, when the browser, Node's
//! modules or java are missing.
//!
//! `LOA_EDITOR_SCREENSHOTS=DIR` also saves the screenshots the README shows into DIR
//! (scripts/screenshots.sh passes docs/screenshots).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::SiteTest;

const INSTALL: &str = "install them with `scripts/install-test-deps.sh` (Debian's chromium and java, playwright-core, axe-core and vnu-jar from npm)";

/// `loa serve --lang vi` on a free port, stopped when dropped.
struct Editing {
    child: Child,
    /// The editor's address as printed: `http://127.0.0.1:PORT/__loa/edit/TOKEN/`.
    address: String,
}

impl Editing {
    fn start(root: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_loa"))
            .args(["--lang", "vi", "serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting loa serve");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // The sentence is Vietnamese; the address in it is what matters.
                if let Some(at) = line
                    .find("http://")
                    .filter(|_| line.contains("/__loa/edit/"))
                {
                    let address = line[at..].split_whitespace().next().unwrap_or_default();
                    let _ = sender.send(address.to_string());
                }
            }
        });
        let address = receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("loa serve printed the editor's address");
        Self { child, address }
    }
}

impl Drop for Editing {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools")
}

/// A site with two sections, an article to link to, a draft, one waiting for its date,
/// and three metrics.
fn site() -> SiteTest {
    SiteTest::new()
        .file(
            "site.yaml",
            "title: Thử nghiệm\nbase_url: https://example.gov.vn\nlanguage: vi\ntheme: default\n\
taxonomies:\n  - { name: tags, path: chu-de }\n  - { name: provinces, path: tinh-thanh }\n\
stats:\n  path: thong-ke\n  metrics:\n    teams: { label: Tổ bảo vệ ANTT }\n    members: { label: Thành viên }\n    attendance: { label: Người dự lễ ra mắt }\n",
        )
        .file(
            "content/le-ra-mat/_index.md",
            "---\ntitle: Lễ ra mắt\n---\nCác lễ ra mắt.\n",
        )
        .file(
            "content/tin-tuc/hen-gio.md",
            "---\ntitle: Bài hẹn giờ đăng\ndate: 2099-01-01\n---\nĐăng sau.\n",
        )
        .file(
            "content/tin-tuc/nhap.md",
            "---\ntitle: Bài còn nháp\ndate: 2024-06-01\ndraft: true\n---\nChưa xong.\n",
        )
        .file(
            "content/tin-tuc/to-bao-ve-antt.md",
            "---\ntitle: Tổ bảo vệ ANTT ở cơ sở là gì?\ndate: 2024-06-20\ntags: [lễ ra mắt]\n---\nNội dung về tổ bảo vệ.\n",
        )
}

/// Runs the Nu Html Checker on the HTML files of `dir`.
fn assert_valid_html(dir: &Path) {
    let jar = tools().join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(jar.is_file(), "{} is missing: {INSTALL}", jar.display());
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "text"])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("java is missing ({e}): {INSTALL}"));
    assert!(
        output.status.success(),
        "the Nu Html Checker found errors in the editing pages:\n{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn an_officer_writes_two_articles_in_the_browser_and_the_build_shows_what_the_preview_did() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: {INSTALL}"
    );
    let site = site();
    let work = tempfile::tempdir().expect("a temporary folder");
    let photo = work.path().join("Lễ ra mắt.jpg");
    // The example site's drawn illustration, under the name a camera's copy might have.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/le-ra-mat/le-ra-mat-dak-lak/minh-hoa.jpg"),
        &photo,
    )
    .expect("the photo");
    let out = work.path().join("out");
    let editing = Editing::start(site.root());
    let mut node = Command::new("node");
    node.arg(tools().join("editor-e2e.mjs"))
        .arg(&editing.address)
        .arg(site.root())
        .arg(&photo)
        .arg(&out)
        .env("CHROMIUM", &chromium)
        .env("LOA", env!("CARGO_BIN_EXE_loa"));
    if let Ok(shots) = std::env::var("LOA_EDITOR_SCREENSHOTS") {
        node.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(shots));
    }
    let output = node
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}): {INSTALL}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        "saved the Đắk Lắk article at 1280 px; the build shows it as the preview did",
        "saved the Cần Thơ article at 360 px; the build shows it as the preview did",
        "a conflict showed both versions and overwrote only when asked",
        "leaving with unsaved changes asked first",
        "the text of a crashed tab was offered back",
        "the previewed article's “Sửa bài này” opened its form",
        "the list was searched without tone marks and filtered; drafts and scheduled articles are marked",
        "problems showed beside their fields, and the article was saved only as a draft",
        "with the build broken, the editor still opened the article and mended it",
        "a photo chosen but not uploaded was saved with the article, now a bundle",
        "axe: 0 violations",
    ] {
        assert!(stdout.contains(step), "no \"{step}\" in:\n{stdout}");
    }
    drop(editing);

    assert_valid_html(&out.join("pages"));
}

/// Issue 29: every Markdown file of the example site, opened in the form and saved
/// without an edit, stays byte for byte as it was: what the form sends back for the
/// fields an officer did not touch is what it was given.
#[test]
fn every_example_article_saved_from_the_form_without_an_edit_is_unchanged() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: {INSTALL}"
    );
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(repository.join("site.yaml"), site.path().join("site.yaml")).expect("site.yaml");
    let mut before = Vec::new();
    for entry in walkdir::WalkDir::new(repository.join("content")) {
        let entry = entry.expect("a file of content/");
        let relative = entry
            .path()
            .strip_prefix(repository)
            .expect("inside the repository");
        let copy = site.path().join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&copy).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &copy).expect("a file");
            if relative.extension().is_some_and(|e| e == "md") {
                before.push((copy, std::fs::read(entry.path()).expect("a file")));
            }
        }
    }
    let editing = Editing::start(site.path());
    let output = Command::new("node")
        .arg(tools().join("editor-roundtrip.mjs"))
        .arg(&editing.address)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}): {INSTALL}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!("{} files opened and saved", before.len())),
        "not every Markdown file was saved:\n{stdout}"
    );
    for (file, bytes) in before {
        assert!(
            std::fs::read(&file).expect("the saved file") == bytes,
            "{} changed when saved without an edit",
            file.display()
        );
    }
}
