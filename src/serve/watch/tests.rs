use super::*;
use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode};

fn change(path: &str) -> Change {
    classify_path(
        Path::new("/site"),
        Path::new("/site/public"),
        Path::new(path),
    )
}

#[test]
fn paths_are_classified_by_their_place_in_the_site() {
    let table: &[(&str, Change)] = &[
        ("/site/site.yaml", Change::Config),
        (
            "/site/content/tin-tuc/a.md",
            Change::Content("content/tin-tuc/a.md".into()),
        ),
        ("/site/content/moi", Change::Content("content/moi".into())),
        ("/site/content", Change::Content("content".into())),
        (
            "/site/content/a/anh.jpg",
            Change::Content("content/a/anh.jpg".into()),
        ),
        ("/site/templates/article.html", Change::Template),
        ("/site/themes/default/templates/base.html", Change::Template),
        ("/site/themes/default/static/style.css", Change::Static),
        ("/site/static/logo.png", Change::Static),
        ("/site/data/provinces.yaml", Change::Data),
        ("/site/public/index.html", Change::Ignored),
        ("/site/public", Change::Ignored),
        ("/site/.git/index", Change::Ignored),
        ("/site/target/debug/loa", Change::Ignored),
        ("/site/README.md", Change::Ignored),
        ("/site/site.yaml.bak", Change::Ignored),
        ("/elsewhere/site.yaml", Change::Ignored),
    ];
    for (path, expected) in table {
        assert_eq!(&change(path), expected, "for {path}");
    }
}

#[test]
fn editor_temp_and_swap_files_are_ignored() {
    let names = [
        ".a.md.swp",        // vim
        ".a.md.swx",        // vim
        "a.md~",            // vim, emacs back-up
        "4913",             // vim's write probe
        ".#a.md",           // emacs lock
        "#a.md#",           // emacs auto-save
        ".goutputstream-X", // gedit
        "a.md.kate-swp",    // kate
        "a.md.tmp",         // many
        "a.md.bak",         // many
        ".DS_Store",        // macOS
        "a.md.crdownload",  // a download in progress
    ];
    for name in names {
        let path = format!("/site/content/tin-tuc/{name}");
        assert_eq!(change(&path), Change::Ignored, "for {name}");
    }
    assert_eq!(
        change("/site/content/.hidden/a.md"),
        Change::Ignored,
        "a file in a hidden folder"
    );
}

#[test]
fn events_that_change_nothing_are_dropped() {
    let root = Path::new("/site");
    let out = Path::new("/site/public");
    let event = |kind: EventKind, paths: &[&str]| Event::new(kind).add_some_paths(paths);
    let a = "/site/content/a.md";
    let table: &[(Event, Vec<Change>)] = &[
        (event(EventKind::Access(AccessKind::Any), &[a]), vec![]),
        (
            event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
                &[a],
            ),
            vec![],
        ),
        (
            event(EventKind::Create(CreateKind::File), &[a]),
            vec![Change::Content("content/a.md".into())],
        ),
        (
            event(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &[a]),
            vec![Change::Content("content/a.md".into())],
        ),
        (
            event(EventKind::Remove(RemoveKind::File), &[a]),
            vec![Change::Content("content/a.md".into())],
        ),
        (
            // vim: write a.md~ … then rename the new file over a.md
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/site/content/.a.md.swp", a],
            ),
            vec![Change::Content("content/a.md".into())],
        ),
        (
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/site/content/cu", "/site/content/moi"],
            ),
            vec![
                Change::Content("content/cu".into()),
                Change::Content("content/moi".into()),
            ],
        ),
        (
            event(
                EventKind::Create(CreateKind::File),
                &["/site/public/a.html"],
            ),
            vec![],
        ),
        (
            event(EventKind::Any, &["/site/site.yaml"]),
            vec![Change::Config],
        ),
    ];
    for (event, expected) in table {
        assert_eq!(&classify(root, out, event), expected, "for {event:?}");
    }
}

trait AddPaths {
    fn add_some_paths(self, paths: &[&str]) -> Self;
}

impl AddPaths for Event {
    fn add_some_paths(mut self, paths: &[&str]) -> Self {
        for path in paths {
            self = self.add_path(PathBuf::from(path));
        }
        self
    }
}

#[test]
fn a_batch_with_site_yaml_or_data_rebuilds_everything() {
    let mut batch = Batch::default();
    batch.changes.insert(Change::Content("content/a.md".into()));
    assert!(!batch.needs_everything());
    assert!(!batch.touches_static());
    batch.changes.insert(Change::Static);
    assert!(batch.touches_static());
    batch.changes.insert(Change::Config);
    assert!(batch.needs_everything());
}
