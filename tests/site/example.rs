//! The bundled example site builds with no warnings, every page passes the Nu Html
//! Checker, and every internal link and anchor resolves.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example site built into `public` in a temporary folder, which also receives the
/// lock file loa leaves beside an output folder.
struct Built {
    _folder: tempfile::TempDir,
    out: PathBuf,
}

impl Built {
    fn path(&self) -> &Path {
        &self.out
    }
}

/// Builds the example site into a temporary folder and returns it.
fn build_example() -> Built {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = Built {
        out: folder.path().join("public"),
        _folder: folder,
    };
    let output = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--out"])
        .arg(out.path())
        .current_dir(repository())
        .output()
        .expect("run loa");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the example site fails to build:\n{stderr}"
    );
    assert_eq!(stderr, "", "the example site builds with warnings");
    out
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn every_example_page_passes_the_nu_html_checker() {
    let jar = repository().join("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "the Nu Html Checker is missing at {}: run scripts/install-test-deps.sh",
        jar.display()
    );
    let out = build_example();
    let output = Command::new("java")
        .args(["-jar"])
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "text"])
        .arg(out.path())
        .output()
        .unwrap_or_else(|e| panic!("java is missing ({e}): run scripts/install-test-deps.sh"));
    let report = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the Nu Html Checker found errors:\n{report}"
    );
    assert!(
        html_files(out.path()).len() > 40,
        "the example site is complete"
    );
}

/// The `name="value"` attributes of every tag in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn every_internal_link_and_anchor_of_the_example_site_resolves() {
    let out = build_example();
    let root = out.path();
    let pages: HashMap<PathBuf, String> = html_files(root)
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("read a page");
            (path, text)
        })
        .collect();
    let ids: HashMap<&PathBuf, HashSet<&str>> = pages
        .iter()
        .map(|(path, html)| (path, attribute_values(html, "id").into_iter().collect()))
        .collect();
    let mut broken = Vec::new();
    for (path, html) in &pages {
        let links = attribute_values(html, "href")
            .into_iter()
            .chain(attribute_values(html, "src"));
        for link in links {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with("tel:") {
                continue;
            }
            let link = link.replace("&amp;", "&");
            let (target, anchor) = match link.split_once('#') {
                Some((target, anchor)) => (target.to_string(), Some(anchor.to_string())),
                None => (link.clone(), None),
            };
            let file = if target.is_empty() {
                path.clone()
            } else if let Some(absolute) = target.strip_prefix('/') {
                root.join(absolute)
            } else {
                path.parent().expect("a folder").join(&target)
            };
            let file = if file.is_dir() {
                file.join("index.html")
            } else {
                file
            };
            if !file.is_file() {
                broken.push(format!("{} -> {link} (no such file)", path.display()));
                continue;
            }
            if let Some(anchor) = anchor.filter(|a| !a.is_empty()) {
                let known = ids
                    .get(&file)
                    .is_some_and(|ids| ids.contains(anchor.as_str()));
                if !known {
                    broken.push(format!("{} -> {link} (no such anchor)", path.display()));
                }
            }
        }
    }
    broken.sort();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

const BROWSER_TOOLS: &str = "install them with `scripts/install-test-deps.sh` (Debian's chromium, playwright-core and axe-core from npm)";

/// Runs tests/tools/axe.mjs (axe-core in headless Chromium, every rule, at 390 and
/// 1280 pixels wide) over `pages` of the site built in `root`.
fn axe(root: &Path, pages: &[&str]) -> std::process::Output {
    let tools = repository().join("tests/tools");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: {BROWSER_TOOLS}"
    );
    assert!(
        tools.join("node_modules/axe-core").is_dir(),
        "tests/tools/node_modules/axe-core is missing: {BROWSER_TOOLS}"
    );
    Command::new("node")
        .arg(tools.join("axe.mjs"))
        .arg(root)
        .args(pages)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}): {BROWSER_TOOLS}"))
}

/// Issue 30: one page of each template of the example site, and the guide's page with
/// wide code blocks, pass every axe rule on a phone and on a desktop.
#[test]
fn one_page_of_each_template_has_no_axe_violation() {
    let out = build_example();
    let pages = [
        "/",
        "/le-ra-mat/",
        "/le-ra-mat/2024/",
        "/le-ra-mat/dak-lak-ra-mat-luc-luong-tham-gia-bao-ve-antt-o-co-so/",
        "/gioi-thieu/",
        "/chu-de/",
        "/tinh-thanh/dak-lak/",
        "/thong-ke/",
        "/thong-ke/dak-lak/",
        "/tim-kiem/",
        "/404.html",
        "/huong-dan/cac-loi-thuong-gap/",
    ];
    for page in pages {
        assert!(
            out.path().join(page.trim_start_matches('/')).exists(),
            "the example site has no {page}"
        );
    }
    let output = axe(out.path(), &pages);
    let report = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "axe found problems:\n{report}");
    assert!(
        report.contains("12 pages at 2 widths: 0 violations"),
        "{report}"
    );
}

/// The audit above can fail: a page with a photo without a text alternative and a code
/// block that scrolls sideways out of the keyboard's reach is reported, rule by rule.
#[test]
fn axe_reports_a_page_that_fails_its_rules() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        folder.path().join("index.html"),
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Thử</title></head>\
         <body><main><h1>Thử</h1><img src=\"anh.jpg\">\
         <pre style=\"width:10rem;overflow-x:auto\">mot-dong-rat-dai-khong-co-cho-nao-de-xuong-dong-ca-mot-dong-rat-dai</pre>\
         </main></body></html>",
    )
    .expect("write the page");
    let output = axe(folder.path(), &["/"]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("/ at 390 px: image-alt (critical)"),
        "{report}"
    );
    assert!(
        report.contains("/ at 390 px: scrollable-region-focusable (serious)"),
        "{report}"
    );
}
