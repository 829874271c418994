//! The end-to-end test in a real browser: headless Chromium, driven by the Node script
//! tests/tools/live_reload.mjs through playwright-core. Fails, never skips, when the
//! browser or the Node modules are missing.

use std::path::Path;
use std::process::Command;

use crate::support::SiteTest;

const INSTALL: &str = "install them with `scripts/install-test-deps.sh` (Debian's chromium and playwright-core from npm)";

#[test]
fn a_saved_change_a_broken_file_and_its_fix_show_in_the_browser() {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: {INSTALL}"
    );
    assert!(
        tools.join("node_modules/playwright-core").is_dir(),
        "tests/tools/node_modules/playwright-core is missing: {INSTALL}"
    );
    let site = SiteTest::new();
    let served = site.serve();
    let output = Command::new("node")
        .arg(tools.join("live_reload.mjs"))
        .arg(format!("http://127.0.0.1:{}/", served.port))
        .arg(site.root())
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}): {INSTALL}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{stderr}\nserver output:\n{}",
        served.output.lock().expect("output")
    );
    assert!(
        stdout.contains("the fixed file removes the message"),
        "{stdout}"
    );
}

/// Issue 27: a video shortcode requests nothing from the video's site until a click.
#[test]
fn a_video_requests_nothing_from_its_site_until_a_click() {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: {INSTALL}"
    );
    let site = SiteTest::new().file(
        "content/tin-tuc/video.md",
        "---\ntitle: Video lễ ra mắt\ndate: 2024-07-03\n---\nĐoạn đầu.\n\n{{ youtube(id=\"dQw4w9WgXcQ\", title=\"Lễ ra mắt\") }}\n",
    );
    let served = site.serve();
    let output = Command::new("node")
        .arg(tools.join("video-e2e.mjs"))
        .arg(format!(
            "http://127.0.0.1:{}/tin-tuc/video-le-ra-mat/",
            served.port
        ))
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}): {INSTALL}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("a click puts the player"), "{stdout}");
}
