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
    assert_eq!(*lock(&second.changed), ["a/index.html", "d/index.html"]);
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
