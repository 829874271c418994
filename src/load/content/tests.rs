use super::*;
use walkdir::WalkDir;

#[test]
fn files_sorted_after_the_walk_come_in_the_order_of_a_walk_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "a.md",
        "a/b.md",
        "a/b/c.md",
        "a-b/c.md",
        "ab.md",
        "a b.md",
        "tin-tuc/lễ-ra-mắt.md",
        "tin-tuc/le-ra-mat.md",
        "tin-tuc/đồng-nai.md",
        "tin-tuc/Đồng-Nai.md",
        "tin-tuc/dong-nai/index.md",
        "tin-tuc.md",
        "Z.md",
    ];
    for name in names {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "").unwrap();
    }
    let walked_by_name: Vec<PathBuf> = WalkDir::new(dir.path())
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let mut files = walked_by_name.clone();
    files.reverse();
    sort_as_walked(&mut files);
    assert_eq!(files, walked_by_name);
}

#[test]
fn files_are_classified_by_their_place() {
    let no_bundles = |_: &Path| false;
    let cases = [
        ("_index.md", Entry::Home),
        ("gioi-thieu.md", Entry::Page),
        (
            "tin-tuc/_index.md",
            Entry::SectionIndex {
                section: "tin-tuc".into(),
            },
        ),
        (
            "tin-tuc/a.md",
            Entry::Article {
                section: "tin-tuc".into(),
            },
        ),
        (
            "tin-tuc/a/index.md",
            Entry::Bundle {
                section: "tin-tuc".into(),
                dir: PathBuf::from("tin-tuc/a"),
            },
        ),
        ("tin-tuc/a/b/c.md", Entry::Misplaced),
        ("tin-tuc/logo.png", Entry::Asset),
    ];
    for (path, expected) in cases {
        assert_eq!(classify(Path::new(path), no_bundles), expected, "{path}");
    }
    let bundle = |dir: &Path| dir == Path::new("tin-tuc/a");
    assert_eq!(
        classify(Path::new("tin-tuc/a/anh.jpg"), bundle),
        Entry::BundleFile {
            bundle: PathBuf::from("tin-tuc/a")
        }
    );
}

#[test]
fn editor_temp_files_are_ignored() {
    for name in [".a.md.swp", "a.md~", "#a.md#", ".DS_Store", "a.tmp"] {
        assert!(is_ignored_name(name), "{name}");
    }
    assert!(!is_ignored_name("a.md"));
}

#[test]
fn decoding_strips_the_byte_order_mark_and_normalises() {
    let nfd = "Đa\u{301}".as_bytes().to_vec();
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(nfd);
    assert_eq!(decode(&with_bom).unwrap(), "Đá");
    assert_eq!(decode(&[b'a', 0xff]).unwrap_err(), 1);
}
