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
    fs::rename(&out, sibling(&out, "previous")).unwrap();

    let second = stage(site.path(), &out, false).unwrap();
    assert!(second.incremental, "the published site is back in place");
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"home");
    assert!(!sibling(&out, "previous").exists());
    assert!(
        !second.dir.join("a").exists(),
        "the staging folder starts empty"
    );
    second.discard().unwrap();
}
