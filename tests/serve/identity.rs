//! The incremental rebuild gives exactly what a full `loa build` gives.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{SiteTest, article};

fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != ".loa-output")
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read(e.path()).expect("reading"))
        })
        .collect()
}

/// Everything an incremental rebuild produces, rendered into memory.
fn incremental(options: &loa::BuildOptions, caches: &mut loa::Caches) -> BTreeMap<String, Vec<u8>> {
    let prepared = loa::prepare(options, caches).unwrap_or_else(|e| panic!("{}", e.render()));
    let plan = loa::render::Plan::new(&prepared.site, &prepared.renderer, options.today);
    let files = std::sync::Mutex::new(BTreeMap::new());
    plan.render_all(&|path: &str, bytes: Vec<u8>| {
        files.lock().expect("files").insert(path.to_string(), bytes);
        Ok(())
    })
    .unwrap_or_else(|e| panic!("{}", e.render()));
    let mut files = files.into_inner().expect("files");
    for (output, source) in prepared.copied_files() {
        let bytes = match source {
            loa::CopiedFile::Disk(path) => std::fs::read(path).expect("reading"),
            loa::CopiedFile::Embedded(bytes) => bytes.to_vec(),
        };
        files.insert(output, bytes);
    }
    files
}

fn full_build(options: &loa::BuildOptions) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().expect("a folder");
    let mut options = options.clone();
    options.out = Some(out.path().join("public"));
    loa::build(&options).unwrap_or_else(|e| panic!("{}", e.render()));
    let (_, in_memory) =
        loa::build_in_memory(&options).unwrap_or_else(|e| panic!("{}", e.render()));
    let on_disk = read_tree(&out.path().join("public"));
    assert_eq!(
        in_memory.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );
    assert!(
        in_memory == on_disk,
        "build_in_memory gives what build writes"
    );
    on_disk
}

fn assert_same(
    incremental: &BTreeMap<String, Vec<u8>>,
    full: &BTreeMap<String, Vec<u8>>,
    step: &str,
) {
    assert_eq!(
        incremental.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "after {step}"
    );
    for (path, bytes) in full {
        assert!(incremental[path] == *bytes, "{path} differs after {step}");
    }
}

#[test]
fn incremental_rebuilds_equal_a_full_build_after_every_edit() {
    let site = SiteTest::new().file("static/a.txt", "a");
    let mut options = loa::BuildOptions::new(site.root());
    options.today = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
    let mut caches = loa::Caches::default();
    assert_same(
        &incremental(&options, &mut caches),
        &full_build(&options),
        "the first build",
    );

    type Edit = Box<dyn Fn(&SiteTest)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a body edit",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/mot.md",
                    &article("Bài một", "2024-07-01", "Sửa thân bài."),
                )
            }),
        ),
        (
            "a title and date edit",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/mot.md",
                    &article("Bài một mới", "2024-07-09", "Sửa thân bài."),
                )
            }),
        ),
        (
            "a new article",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/ba.md",
                    &article("Bài ba", "2024-07-03", "Có [liên kết](@/tin-tuc/hai.md)."),
                )
            }),
        ),
        (
            "a retitled link target",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/hai.md",
                    &article("Bài hai đổi tên", "2024-07-02", "Hai."),
                )
            }),
        ),
        (
            "a new section",
            Box::new(|s| {
                s.write(
                    "content/phong-trao/a.md",
                    &article("Thi đua", "2024-08-19", "Thi đua."),
                )
            }),
        ),
        (
            "a deleted article",
            Box::new(|s| s.remove("content/tin-tuc/mot.md")),
        ),
        (
            "a template",
            Box::new(|s| {
                s.write(
                    "templates/404.html",
                    "<html lang=\"vi\"><body>404</body></html>",
                )
            }),
        ),
        ("a static file", Box::new(|s| s.write("static/a.txt", "b"))),
        (
            "site.yaml",
            Box::new(|s| {
                s.write(
                    "site.yaml",
                    &crate::support::SITE_YAML.replace("paginate_by: 2", "paginate_by: 1"),
                )
            }),
        ),
    ];
    for (step, edit) in edits {
        edit(&site);
        // No help from a watcher here: the caches must notice changes by themselves.
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_same(
            &incremental(&options, &mut caches),
            &full_build(&options),
            step,
        );
    }
}
