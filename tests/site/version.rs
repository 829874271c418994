//! `loa --version` says which loa it is, down to the commit; pages say only the version,
//! so that publishing the same content with a later build of one version changes nothing.

use std::process::Command;

use crate::support::SiteTest;

/// The commit this test binary's `loa` was built from, as build.rs reads it.
fn commit() -> String {
    let manifest_dir = env!("CARGO_MANIFEST_DIR");
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(manifest_dir)
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let in_own_work_tree = git(&["rev-parse", "--show-toplevel"]).is_some_and(|top| {
        std::fs::canonicalize(top).ok() == std::fs::canonicalize(manifest_dir).ok()
    });
    in_own_work_tree
        .then(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .flatten()
        .unwrap_or_else(|| "unknown".to_string())
}

#[test]
fn version_names_the_release_the_commit_and_the_day_it_was_built() {
    let run = SiteTest::empty().run(&["--version"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let prefix = format!("loa {} ({} ", env!("CARGO_PKG_VERSION"), commit());
    let date = run
        .stdout
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(")\n"))
        .unwrap_or_else(|| panic!("`{}` does not start with `{prefix}`", run.stdout));
    assert!(
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        "`{date}` is not a date"
    );
}

#[test]
fn pages_name_the_version_of_loa_and_nothing_more() {
    let site = SiteTest::new()
        .article(
            "content/tin-tuc/a.md",
            "Bài A",
            "2024-07-01",
            "",
            "Nội dung.",
        )
        .build();
    let home = site.page("/");
    let tag = format!(
        "<meta name=\"generator\" content=\"loa {}\">",
        env!("CARGO_PKG_VERSION")
    );
    assert!(home.contains(&tag), "{home}");
}
