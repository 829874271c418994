use super::*;

#[test]
fn an_output_folder_containing_the_site_is_refused() {
    let site = tempfile::tempdir().unwrap();
    let error = stage(site.path(), site.path(), false).unwrap_err();
    assert!(matches!(error, OutputError::Refused(_)), "{error}");
    let parent = site.path().parent().unwrap();
    assert!(matches!(
        stage(site.path(), parent, false),
        Err(OutputError::Refused(_))
    ));
    let inside_content = site.path().join("content/public");
    assert!(matches!(
        stage(site.path(), &inside_content, false),
        Err(OutputError::Refused(_))
    ));
}

#[test]
fn a_foreign_non_empty_folder_is_refused_unless_forced() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    assert!(matches!(
        stage(site.path(), &out, false),
        Err(OutputError::Refused(_))
    ));
    let staging = stage(site.path(), &out, true).unwrap();
    staging.write("index.html", b"new");
    staging.publish().unwrap();
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
    assert!(!out.join("notes.txt").exists());
    assert!(
        stage(site.path(), &out, false).is_ok(),
        "loa's own output may be replaced"
    );
}

// Told apart by inode numbers, which only Unix gives.
#[cfg(unix)]
#[test]
fn publishing_again_moves_only_changes_and_removes_what_is_gone() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let first = stage(site.path(), &out, false).unwrap();
    first.write("index.html", b"home");
    first.write("a/index.html", b"a");
    first.write("b/c/index.html", b"c");
    first.publish().unwrap();
    let inode = |p: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(p)).unwrap());
    let home_before = inode("index.html");

    let second = stage(site.path(), &out, false).unwrap();
    second.write("index.html", b"home");
    second.write("a/index.html", b"a, edited");
    second.write("d/index.html", b"d");
    assert_eq!(*lock(&second.kept), ["index.html"]);
    assert_eq!(second.written.load(Ordering::Relaxed), 2);
    second.publish().unwrap();

    assert_eq!(
        inode("index.html"),
        home_before,
        "an unchanged file is not rewritten"
    );
    assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"a, edited");
    assert_eq!(fs::read(out.join("d/index.html")).unwrap(), b"d");
    assert!(
        !out.join("b").exists(),
        "what the build no longer produces is removed"
    );
    assert!(out.join(MARKER).is_file());
    assert!(!sibling(&out, "staging").exists());
}

#[test]
fn output_paths_that_no_file_system_holds_are_found_before_anything_is_written() {
    let long = format!("tin-tuc/{}/index.html", "a".repeat(256));
    let fits = format!("tin-tuc/{}/index.html", "a".repeat(255));
    let paths = [
        "index.html",
        fits.as_str(),
        long.as_str(),
        "tin-tuc/a\nb.jpg",
    ];
    let found: Vec<String> = unwritable(paths)
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(
        found,
        [
            format!(
                "the output file `{long}` would have a name of 256 bytes; a file name takes at most 255"
            ),
            "the output file `tin-tuc/a\\nb.jpg` would have a control character in its name".into(),
        ]
    );
}

#[test]
fn a_second_claim_on_one_output_is_refused_until_the_first_ends() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let first = claim(site.path(), &out, false).unwrap();
    let error = claim(site.path(), &out, false).unwrap_err();
    assert!(matches!(error, OutputError::Refused(_)), "{error}");
    assert!(error.to_string().contains("another loa build"), "{error}");
    drop(first);
    claim(site.path(), &out, false).expect("the lock goes with the claim");
}

// Told apart by inode numbers, which only Unix gives.
#[cfg(unix)]
#[test]
fn publishing_unchanged_files_leaves_the_output_alone() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let first = stage(site.path(), &out, false).unwrap();
    first.write("index.html", b"home");
    first.publish().unwrap();
    let inode = || std::os::unix::fs::MetadataExt::ino(&fs::metadata(&out).unwrap());
    let folder_before = inode();

    let second = stage(site.path(), &out, false).unwrap();
    second.write("index.html", b"home");
    second.publish().unwrap();
    assert_eq!(inode(), folder_before, "the output folder was not swapped");
    assert!(!sibling(&out, "staging").exists());
}

#[test]
fn a_failed_build_leaves_the_output_and_no_staging_folder() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let first = stage(site.path(), &out, false).unwrap();
    first.write("index.html", b"home");
    first.publish().unwrap();

    let second = stage(site.path(), &out, false).unwrap();
    second.write("index.html", b"new home");
    second.fail(Path::new("x"), io::Error::other("the disk is full"));
    let error = second.publish().unwrap_err();
    assert!(
        error.to_string().contains("nothing was published"),
        "{error}"
    );
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"home");
    assert!(!sibling(&out, "staging").exists());
}

#[test]
fn what_a_killed_build_left_beside_the_output_is_cleared_or_put_back() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let first = stage(site.path(), &out, false).unwrap();
    first.write("index.html", b"home");
    first.publish().unwrap();
    // Killed while staging: a half-made tree.
    fs::create_dir_all(sibling(&out, "staging").join("a")).unwrap();
    fs::write(sibling(&out, "staging").join("a/index.html"), "half").unwrap();
    // Killed between moving the site aside and the new one in, where folders cannot be
    // exchanged: no output, the published site aside.
    fs::rename(&out, sibling(&out, "aside")).unwrap();

    let second = stage(site.path(), &out, false).unwrap();
    assert!(second.incremental, "the published site is back in place");
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"home");
    assert!(!sibling(&out, "aside").exists());
    assert!(
        !second.dir.join("a").exists(),
        "the staging folder starts empty"
    );
    second.discard().unwrap();
}

/// Publishes `files` into `out`, each page written as a build writes it.
fn publish(site: &Path, out: &Path, files: &[(&str, &str)]) {
    let staging = stage(site, out, false).unwrap();
    for (path, text) in files {
        staging.write(path, text.as_bytes());
    }
    staging.publish().unwrap();
}

#[cfg(unix)]
fn ino(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::symlink_metadata(path).unwrap())
}

// Told apart by inode numbers, which only Unix gives.
#[cfg(unix)]
#[test]
fn the_previous_site_is_kept_and_staged_into_the_next_without_leaking_into_it() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let previous = sibling(&out, "previous");
    publish(
        site.path(),
        &out,
        &[
            ("index.html", "home"),
            ("a/index.html", "a1"),
            ("c/index.html", "c1"),
            ("x", "a file"),
        ],
    );
    let home = ino(&out.join("index.html"));
    assert!(!previous.exists(), "a first build has no previous site");
    publish(
        site.path(),
        &out,
        &[
            ("index.html", "home"),
            ("a/index.html", "a2"),
            ("c/index.html", "c1"),
            ("x", "a file"),
        ],
    );
    assert_eq!(fs::read(previous.join("a/index.html")).unwrap(), b"a1");
    assert_eq!(
        ino(&previous.join("index.html")),
        home,
        "one file for both sites"
    );

    // Staged in the first site: its `a` is older than the published one, its `c` and `x`
    // are no longer made, and a folder must go where `x` was.
    publish(
        site.path(),
        &out,
        &[
            ("index.html", "home"),
            ("a/index.html", "a2"),
            ("b/index.html", "b1"),
            ("x/index.html", "x"),
        ],
    );
    let files = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file() && e.file_name() != MARKER)
            .map(|e| {
                let path = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (path, fs::read(e.path()).unwrap())
            })
            .collect()
    };
    let expected = |list: &[(&str, &str)]| -> Vec<(String, Vec<u8>)> {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    };
    assert_eq!(
        files(&out),
        expected(&[
            ("a/index.html", "a2"),
            ("b/index.html", "b1"),
            ("index.html", "home"),
            ("x/index.html", "x")
        ])
    );
    assert!(!out.join("c").exists(), "no empty folder is left");
    assert_eq!(
        files(&previous),
        expected(&[
            ("a/index.html", "a2"),
            ("c/index.html", "c1"),
            ("index.html", "home"),
            ("x", "a file")
        ])
    );
    assert_eq!(ino(&out.join("index.html")), home);
    assert_eq!(
        ino(&out.join("a/index.html")),
        ino(&previous.join("a/index.html"))
    );
    assert_eq!(read_manifest(&out).len(), 4);
    assert!(!sibling(&out, "staging").exists());
}

#[test]
fn a_failed_build_keeps_the_previous_site_only_if_it_wrote_nothing_into_it() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    let previous = sibling(&out, "previous");
    publish(site.path(), &out, &[("index.html", "home")]);
    publish(site.path(), &out, &[("index.html", "home, 2")]);
    assert!(previous.exists());

    let stopped = stage(site.path(), &out, false).unwrap();
    stopped.interrupt();
    assert!(matches!(stopped.publish(), Err(OutputError::Interrupted)));
    assert_eq!(fs::read(previous.join("index.html")).unwrap(), b"home");

    let failed = stage(site.path(), &out, false).unwrap();
    failed.write("index.html", b"home, 3");
    failed.fail(Path::new("x"), io::Error::other("the disk is full"));
    assert!(failed.publish().is_err());
    assert!(
        !previous.exists(),
        "a site half made into the next is not kept"
    );
    assert!(!sibling(&out, "staging").exists());
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"home, 2");
}

/// The exchange is made by the system call itself, which the static (musl) build needs
/// as much as the glibc one; a fallback to two renames would pass every other test.
#[cfg(target_os = "linux")]
#[test]
fn on_linux_two_trees_trade_places_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (new, target, aside) = (
        dir.path().join("new"),
        dir.path().join("public"),
        dir.path().join("aside"),
    );
    for (tree, text) in [(&new, "new"), (&target, "old")] {
        fs::create_dir(tree).unwrap();
        fs::write(tree.join("index.html"), text).unwrap();
    }
    assert_eq!(
        tree::swap(&new, &target, &aside).unwrap(),
        tree::Swapped::Exchanged
    );
    assert_eq!(fs::read(target.join("index.html")).unwrap(), b"new");
    assert_eq!(fs::read(new.join("index.html")).unwrap(), b"old");
    assert!(!aside.exists());
}
