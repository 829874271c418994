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
    let plan = prepared.plan(options.today);
    let files = std::sync::Mutex::new(BTreeMap::new());
    plan.render_all(
        &|path: &str, bytes: Vec<u8>| {
            files.lock().expect("files").insert(path.to_string(), bytes);
        },
        None,
    )
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
    let on_disk = read_tree(&out.path().join("public"));
    for (path, bytes) in &on_disk {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("__loa"),
            "build wrote the live-reload script into {path}"
        );
    }
    // The preview server leaves the search index to built sites: rebuilding it on every
    // save would cost more than the save itself.
    on_disk
        .into_iter()
        .filter(|(path, _)| {
            !path.starts_with("tim-kiem/k/")
                && !path.starts_with("tim-kiem/d/")
                && path != "tim-kiem/index.json"
        })
        .collect()
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

/// Everything the server's session would serve, without the live-reload script.
fn served(snapshot: &loa::serve::live::Snapshot) -> BTreeMap<String, Vec<u8>> {
    snapshot
        .paths()
        .into_iter()
        .map(|path| match snapshot.get(&path) {
            loa::serve::live::Found::Bytes(bytes) => (path, bytes.to_vec()),
            _ => panic!("{path} cannot be served"),
        })
        .collect()
}

#[test]
fn the_servers_session_serves_what_a_full_build_writes_after_every_edit() {
    use loa::serve::watch::{Batch, Change};
    // Bài bốn reports figures: the statistics pages show it too. `more` is front matter
    // added before the figures.
    let with_figures = |more: &str, body: &str| {
        format!(
            "---\ntitle: Bài bốn\ndate: 2024-07-04\nprovince: Đắk Lắk\n{more}stats:\n  teams: 12\n---\n{body}\n"
        )
    };
    let site = SiteTest::new()
        .file("static/a.txt", "a")
        .file(
            "content/tin-tuc/ba.md",
            &article(
                "Bài ba",
                "2024-07-03",
                "## Mục\n\nXem [bài một](@/tin-tuc/mot.md).",
            ),
        )
        .file("content/tin-tuc/bon.md", &with_figures("", "Bốn."));
    let mut options = loa::BuildOptions::new(site.root());
    options.today = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
    let mut session = loa::serve::session::Session::new(options.clone());
    let first = session
        .rebuild(&Batch::default())
        .unwrap_or_else(|e| panic!("{}", e.render()));
    assert_same(
        &served(&first.snapshot),
        &full_build(&options),
        "the first build",
    );

    let content = |path: &str| Change::Content(path.into());
    type Edit = Box<dyn Fn(&SiteTest)>;
    // (what, the edit, what the watcher reports, whether the quick patch applies)
    let edits: Vec<(&str, Edit, Change, bool)> = vec![
        (
            "a body edit",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/mot.md",
                    &article("Bài một", "2024-07-01", "Thân bài mới, đoạn đầu."),
                )
            }),
            content("content/tin-tuc/mot.md"),
            true,
        ),
        (
            "a second body edit",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/mot.md",
                    &article("Bài một", "2024-07-01", "Đoạn đầu khác.\n\nĐoạn hai."),
                )
            }),
            content("content/tin-tuc/mot.md"),
            true,
        ),
        (
            "a body edit with a link",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/ba.md",
                    &article(
                        "Bài ba",
                        "2024-07-03",
                        "## Mục\n\nXem [bài hai](@/tin-tuc/hai.md) và [mục](#muc).",
                    ),
                )
            }),
            content("content/tin-tuc/ba.md"),
            true,
        ),
        (
            "a body edit of an article with figures",
            Box::new(move |s| {
                s.write("content/tin-tuc/bon.md", &with_figures("", "Bốn, sửa lại."))
            }),
            content("content/tin-tuc/bon.md"),
            true,
        ),
        (
            "a summary and place edit of an article with figures",
            Box::new(move |s| {
                let more = "summary: Tóm tắt mới.\nlocation: xã Hòa Phú\n";
                s.write("content/tin-tuc/bon.md", &with_figures(more, "Bốn."))
            }),
            content("content/tin-tuc/bon.md"),
            true,
        ),
        (
            "a tag added",
            Box::new(move |s| {
                let more = "summary: Tóm tắt mới.\ntags: [Thi đua]\n";
                s.write("content/tin-tuc/bon.md", &with_figures(more, "Bốn."))
            }),
            content("content/tin-tuc/bon.md"),
            false,
        ),
        (
            "a new heading",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/mot.md",
                    &article("Bài một", "2024-07-01", "## Đầu đề mới\n\nĐoạn."),
                )
            }),
            content("content/tin-tuc/mot.md"),
            false,
        ),
        (
            "a front matter edit",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/hai.md",
                    &article("Bài hai đã đổi", "2024-07-05", "Nội dung bài hai."),
                )
            }),
            content("content/tin-tuc/hai.md"),
            false,
        ),
        (
            "a body edit after it",
            Box::new(|s| {
                s.write(
                    "content/tin-tuc/hai.md",
                    &article("Bài hai đã đổi", "2024-07-05", "Hai, sửa."),
                )
            }),
            content("content/tin-tuc/hai.md"),
            true,
        ),
        (
            "a template",
            Box::new(|s| {
                s.write(
                    "templates/404.html",
                    "<html lang=\"vi\"><body>404</body></html>",
                )
            }),
            Change::Template,
            false,
        ),
        (
            "a static file",
            Box::new(|s| s.write("static/a.txt", "b")),
            Change::Static,
            false,
        ),
    ];
    for (step, edit, change, quick) in edits {
        edit(&site);
        let mut batch = Batch::default();
        batch.changes.insert(change);
        let rebuilt = session
            .rebuild(&batch)
            .unwrap_or_else(|e| panic!("{step}: {}", e.render()));
        assert_eq!(rebuilt.patched, quick, "{step}: patched in place or not");
        if quick {
            // Every page was rendered by the previous step: the patch keeps those it did
            // not remake, and the comparison below checks them.
            let kept = rebuilt.snapshot.rendered_count();
            let all = rebuilt.snapshot.paths().len();
            assert!(kept > 0 && kept < all, "{step}: kept {kept} of {all}");
        }
        assert_same(&served(&rebuilt.snapshot), &full_build(&options), step);
    }

    // A broken file, then a body edit elsewhere: the patch must not hide the failure.
    site.write("content/tin-tuc/hai.md", "---\ntitel: x\n---\n");
    let mut batch = Batch::default();
    batch.changes.insert(content("content/tin-tuc/hai.md"));
    assert!(session.rebuild(&batch).is_err());
    site.write(
        "content/tin-tuc/mot.md",
        &article("Bài một", "2024-07-01", "## Đầu đề mới\n\nKhác."),
    );
    let mut batch = Batch::default();
    batch.changes.insert(content("content/tin-tuc/mot.md"));
    assert!(session.rebuild(&batch).is_err(), "still broken");
}

#[test]
fn a_photo_losing_its_alt_text_in_a_body_edit_fails_as_a_full_build_does() {
    use loa::serve::watch::{Batch, Change};
    let bundle = |alt: &str| {
        format!("---\ntitle: Bài ảnh\ndate: 2024-07-05\n---\nẢnh:\n\n![{alt}](anh.png)\n")
    };
    let site = SiteTest::new().file("content/tin-tuc/anh/index.md", &bundle("Buổi lễ"));
    let mut photo = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(4, 3)
        .write_to(&mut photo, image::ImageFormat::Png)
        .expect("a PNG");
    std::fs::write(site.path("content/tin-tuc/anh/anh.png"), photo.into_inner())
        .expect("the photo");
    let mut options = loa::BuildOptions::new(site.root());
    options.out = None;
    let mut session = loa::serve::session::Session::new(options.clone());
    session
        .rebuild(&Batch::default())
        .unwrap_or_else(|e| panic!("{}", e.render()));
    site.write("content/tin-tuc/anh/index.md", &bundle(""));
    let mut batch = Batch::default();
    batch
        .changes
        .insert(Change::Content("content/tin-tuc/anh/index.md".into()));
    let error = match session.rebuild(&batch) {
        Ok(_) => panic!("the edit was patched in place without its error"),
        Err(error) => error.render(),
    };
    assert!(error.contains("no alt text"), "{error}");
    assert!(
        loa::build::build(&options).is_err(),
        "a full build fails too"
    );
}
