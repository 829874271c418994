//! Issue 28: whatever stops a build, the output folder is the whole previous site or the
//! whole new one, and the next build repairs nothing because nothing is broken; one
//! build at a time writes into a folder; unchanged files keep their bytes and times.

use std::fs::{self, File};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::{Run, SiteTest};

/// Every folder and file under `dir`, with each file's bytes: two outputs are the same
/// site when these are equal. Nothing is left out, the marker included.
type Tree = Vec<(PathBuf, Option<Vec<u8>>)>;

fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| {
            let entry = entry.expect("walk the output");
            let path = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_path_buf();
            let bytes = entry
                .file_type()
                .is_file()
                .then(|| fs::read(entry.path()).expect("read"));
            (path, bytes)
        })
        .collect()
}

/// How many paths differ between two trees, for a message.
fn differences(a: &Tree, b: &Tree) -> usize {
    let a: std::collections::HashSet<_> = a.iter().collect();
    let b: std::collections::HashSet<_> = b.iter().collect();
    a.symmetric_difference(&b).count()
}

/// The site built into a new folder `name` inside it: what a clean build makes.
fn clean_build(site: &SiteTest, name: &str) -> Tree {
    let run = site.run(&["build", "--out", name]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    tree(&site.root().join(name))
}

/// `count` short articles. Every other one's body says `version`, a letter, so that two
/// versions have pages of the same sizes: half the articles and the listings change,
/// the other half is kept.
fn write_articles(site: &SiteTest, count: usize, version: char) {
    for n in 0..count {
        let section = if n % 3 == 0 { "le-ra-mat" } else { "tin-tuc" };
        let letter = if n % 2 == 0 { version } else { 'A' };
        let text = format!(
            "---\ntitle: Bài số {n}\ndate: 2024-07-{:02}\ntags: [nhom-{}]\n---\nNội dung của bài số {n}, phiên bản {letter}.\n",
            n % 28 + 1,
            n % 7
        );
        let path = site.root().join(format!("content/{section}/bai-{n}.md"));
        fs::create_dir_all(path.parent().expect("a parent")).expect("create the section");
        fs::write(path, text).expect("write an article");
    }
}

fn staging(site: &SiteTest) -> PathBuf {
    site.root().join(".public.loa-staging")
}

/// When a build is killed.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This long after it started.
    After(Duration),
    /// As soon as a file the two versions share is linked into a staging folder made
    /// afresh (as after a kill): while the new site is completed with the files it keeps.
    Linking,
    /// As soon as the new site's marker is in the staging folder: just before the swap.
    Staged,
    /// As soon as the output folder is another folder: while the previous site is put
    /// aside for the next build.
    Swapped,
}

/// Starts `loa build` and kills it (SIGKILL) at `moment`, or lets it end if it ends first.
/// `shared` is a file that both versions of the site have the same.
fn kill_build_at(site: &SiteTest, moment: Moment, shared: &Path) {
    let folder = || fs::metadata(site.out()).map(|m| m.ino()).ok();
    let before = folder();
    // A file in the staging folder counts once this build wrote or linked it, which sets
    // its status-change time: what was there before is a site an earlier build left.
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970");
    let staged = |path: &Path| {
        fs::metadata(staging(site).join(path))
            .is_ok_and(|m| Duration::new(m.ctime() as u64, m.ctime_nsec() as u32) >= since)
    };
    let marker = Path::new(".loa-output");
    let mut child = site
        .command(&["build", "--quiet"])
        .spawn()
        .expect("start loa");
    let started = Instant::now();
    loop {
        let now = match moment {
            Moment::After(delay) => started.elapsed() >= delay,
            Moment::Linking => staged(shared) && !staged(marker),
            Moment::Staged => staged(marker),
            Moment::Swapped => folder() != before,
        };
        if now || child.try_wait().expect("poll loa").is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "loa hangs");
        std::thread::sleep(Duration::from_micros(200));
    }
    // An error when it has already ended: then there is nothing to kill.
    let _ = child.kill();
    child.wait().expect("wait for loa");
}

/// Issue 28's worst case: bodies changed without changing their length, the build
/// killed while publishing, the change reverted, and builds that never repaired the mix.
/// Each kill must leave exactly a clean build of one version, marker included.
#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new() {
    const COUNT: usize = 800;
    let site = SiteTest::new().file(
        "site.yaml",
        &crate::support::SITE_YAML.replace("paginate_by: 2", "paginate_by: 10"),
    );
    write_articles(&site, COUNT, 'A');
    site.rebuild();
    let old = tree(&site.out());
    write_articles(&site, COUNT, 'B');
    let new = clean_build(&site, "sach");
    assert!(differences(&old, &new) > COUNT / 2, "the versions differ");
    let shared = old
        .iter()
        .find(|(path, bytes)| bytes.is_some() && new.contains(&(path.clone(), bytes.clone())))
        .map(|(path, _)| path.clone())
        .expect("a file the versions share");
    site.rebuild();
    assert!(tree(&site.out()) == new, "a build over the old site");
    // Timed once the replaced site is kept to stage in, as for the builds killed.
    write_articles(&site, COUNT, 'A');
    let started = Instant::now();
    site.rebuild();
    let whole = started.elapsed();
    assert!(tree(&site.out()) == old, "a build back");

    // Spread over the whole build and a little past it, and at the moments publishing
    // is most fragile.
    let mut moments: Vec<Moment> = (1..=12)
        .map(|tenth| Moment::After(whole * tenth / 10))
        .collect();
    moments.extend([Moment::Linking, Moment::Staged, Moment::Swapped].repeat(2));
    let (mut saw_old, mut saw_new) = (0, 0);
    let mut published_new = false;
    for moment in moments {
        // Always towards the site that is not published, so that every build has half
        // the articles to write and the rest to keep.
        write_articles(&site, COUNT, if published_new { 'A' } else { 'B' });
        kill_build_at(&site, moment, &shared);
        let now = tree(&site.out());
        published_new = if now == old {
            saw_old += 1;
            false
        } else if now == new {
            saw_new += 1;
            true
        } else {
            panic!(
                "killed at {moment:?}, the output is neither site: {} paths differ from the old, {} from the new",
                differences(&now, &old),
                differences(&now, &new)
            );
        };
    }
    assert!(
        saw_old > 0 && saw_new > 0,
        "builds were killed before and after publishing: {saw_old} old, {saw_new} new"
    );

    write_articles(&site, COUNT, 'B');
    site.rebuild();
    assert!(tree(&site.out()) == new, "a build after the kills");
    write_articles(&site, COUNT, 'A');
    site.rebuild();
    assert!(tree(&site.out()) == old, "a build of the reverted content");
    assert!(!staging(&site).exists());
}

const ARTICLE: &str = "content/tin-tuc/a.md";

fn small_site() -> SiteTest {
    SiteTest::new()
        .article(ARTICLE, "Bài A", "2024-07-01", "tags: [x]\n", "Nội dung A.")
        .article(
            "content/tin-tuc/b.md",
            "Bài B",
            "2024-07-02",
            "",
            "Nội dung B.",
        )
        .article(
            "content/le-ra-mat/c.md",
            "Bài C",
            "2024-07-03",
            "",
            "Nội dung C.",
        )
}

fn edit(site: &SiteTest, body: &str) {
    let text = format!("---\ntitle: Bài A\ndate: 2024-07-01\ntags: [x]\n---\n{body}\n");
    fs::write(site.root().join(ARTICLE), text).expect("edit the article");
}

#[test]
fn a_full_disk_when_the_marker_is_written_publishes_nothing() {
    // Enough files that the marker, a line for each, is the largest file of the site,
    // larger than the search index's pack of the hundred articles' texts: static files
    // have a line but, unlike pages, no address in the sitemap.
    let mut site = SiteTest::new();
    for n in 0..700 {
        site = site.file(&format!("static/tai-lieu/{n}.txt"), "Tài liệu.");
    }
    write_articles(&site, 100, 'A');
    site.rebuild();
    let before = tree(&site.out());
    let marker = fs::metadata(site.out().join(".loa-output")).unwrap().len();
    let largest = before
        .iter()
        .filter(|(path, _)| path != Path::new(".loa-output"))
        .filter_map(|(_, bytes)| bytes.as_ref().map(Vec::len))
        .max()
        .unwrap() as u64;
    assert!(largest < marker, "{largest} < {marker}");
    write_articles(&site, 100, 'B');
    let run = site.run_with_file_limit(&["build"], (largest + marker) / 2);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: cannot write [ROOT]/.public.loa-staging/.loa-output; nothing was published, the output folder is as it was\ncaused by: File too large (os error 27)\n"
    );
    assert!(tree(&site.out()) == before, "the published site changed");
    assert!(!staging(&site).exists(), "the staging folder was left");
    site.rebuild();
    assert!(tree(&site.out()) == clean_build(&site, "sach"));
}

/// `loa` as an ordinary user, for whom permissions bite: the tests run as root here,
/// and root writes into read-only folders. The site's files are given to `nobody`.
fn run_unprivileged(site: &SiteTest, args: &[&str]) -> Run {
    use std::os::unix::process::CommandExt;
    let mut command = site.command(args);
    // SAFETY: geteuid reads the process's user id and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        const NOBODY: u32 = 65534;
        for entry in walkdir::WalkDir::new(site.root()) {
            let entry = entry.expect("walk the site");
            std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY))
                .expect("give the site to nobody");
        }
        command.uid(NOBODY).gid(NOBODY);
    }
    site.finished(command.spawn().expect("start loa"))
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_read_only_output_is_replaced_whole_and_a_read_only_site_folder_publishes_nothing() {
    let site = small_site();
    let built = run_unprivileged(&site, &["build"]);
    assert_eq!(built.code, 0, "{}", built.stderr);

    // Someone made the output and one of its folders read-only: the new site takes
    // their place whole, and the previous one is removed all the same.
    set_mode(&site.out().join("tin-tuc"), 0o555);
    set_mode(&site.out(), 0o555);
    edit(&site, "Nội dung A, sửa lần một.");
    let run = run_unprivileged(&site, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.main("/tin-tuc/bai-a/").contains("sửa lần một"));
    assert!(!staging(&site).exists(), "the previous site was left");
    assert!(tree(&site.out()) == clean_build(&site, "sach"));
    fs::remove_dir_all(site.root().join("sach")).unwrap();

    // The next build stages in the site it replaced, read-only folders and all.
    edit(&site, "Nội dung A, sửa lần hai.");
    let run = run_unprivileged(&site, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let published = tree(&site.out());
    assert!(published == clean_build(&site, "sach"));
    fs::remove_dir_all(site.root().join("sach")).unwrap();

    // The folder that holds the output is read-only: there is nowhere to stage.
    set_mode(site.root(), 0o555);
    edit(&site, "Nội dung A, sửa lần ba.");
    let run = run_unprivileged(&site, &["build"]);
    set_mode(site.root(), 0o755);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: cannot write [ROOT]/.public.loa-staging; nothing was published, the output folder is as it was\ncaused by: Permission denied (os error 13)\n"
    );
    assert!(tree(&site.out()) == published, "the published site changed");
}

/// Holds the lock a build holds, as another build would.
fn hold_lock(site: &SiteTest) -> File {
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.root().join(".public.loa-lock"))
        .expect("open the lock file");
    lock.try_lock().expect("nobody holds it");
    lock
}

#[test]
fn a_second_build_into_the_same_folder_is_refused_at_once() {
    let site = small_site().build();
    let before = tree(&site.out());
    edit(&site, "Nội dung A, sửa lại.");
    let lock = hold_lock(&site);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: refusing to write into [ROOT]/public: another loa build is writing into it now; wait until that build ends, then build again\n"
    );
    let run = site.run_with_lang(&["build"], "vi_VN.UTF-8");
    assert_eq!(
        run.stderr,
        "lỗi: không ghi vào [ROOT]/public: một lần dựng loa khác đang ghi vào thư mục này; đợi lần dựng đó xong rồi dựng lại\n"
    );
    assert!(tree(&site.out()) == before, "the published site changed");
    assert_eq!(site.run(&["check"]).code, 0, "check writes nothing");
    drop(lock);
    site.rebuild();
    assert!(site.main("/tin-tuc/bai-a/").contains("sửa lại"));
}

#[test]
fn two_builds_started_together_leave_one_whole_site() {
    let site = SiteTest::new();
    write_articles(&site, 300, 'A');
    let first = site.command(&["build"]).spawn().expect("start loa");
    let second = site.command(&["build"]).spawn().expect("start loa");
    let runs = [site.finished(first), site.finished(second)];
    for run in &runs {
        assert!(
            run.code == 0 || run.stderr.contains("another loa build is writing"),
            "{}: {}",
            run.code,
            run.stderr
        );
    }
    assert!(runs.iter().any(|run| run.code == 0));
    assert!(tree(&site.out()) == clean_build(&site, "sach"));
    assert!(!staging(&site).exists());
}

#[test]
fn a_lock_left_by_a_killed_build_does_not_block_the_next() {
    let site = SiteTest::new();
    write_articles(&site, 300, 'A');
    let mut child = site.command(&["build"]).spawn().expect("start loa");
    let started = Instant::now();
    while !staging(&site).exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "loa never staged"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().expect("kill loa");
    child.wait().expect("wait for loa");
    assert!(site.root().join(".public.loa-lock").exists());
    site.rebuild();
    assert!(tree(&site.out()) == clean_build(&site, "sach"));
    assert!(!staging(&site).exists());
}

/// Each file's bytes, modification time and inode.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>, i64, i64, u64)> {
    tree(dir)
        .into_iter()
        .filter_map(|(path, bytes)| {
            let meta = fs::metadata(dir.join(&path)).expect("published");
            Some((path, bytes?, meta.mtime(), meta.mtime_nsec(), meta.ino()))
        })
        .collect()
}

#[test]
fn unchanged_files_keep_their_bytes_and_times_when_a_neighbour_changes() {
    let site = small_site().build();
    let before = files(&site.out());
    // A hundredth of a second, so that a file written again would get another time.
    std::thread::sleep(Duration::from_millis(10));
    edit(&site, "Nội dung A, sửa lại.");
    site.rebuild();
    let after = files(&site.out());
    assert_eq!(before.len(), after.len());
    let mut changed = Vec::new();
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(old.0, new.0);
        if old.1 == new.1 {
            assert_eq!(old, new, "{}: time or inode changed", old.0.display());
        } else {
            changed.push(old.0.to_string_lossy().into_owned());
        }
    }
    assert!(changed.contains(&"tin-tuc/bai-a/index.html".to_string()));
    assert!(
        changed.len() < before.len() / 2,
        "only the article and the pages that show it change: {changed:?}"
    );

    // A build of unchanged content changes nothing at all, not even the folder.
    let folder = fs::metadata(site.out()).unwrap().ino();
    site.rebuild();
    assert!(files(&site.out()) == after);
    assert_eq!(fs::metadata(site.out()).unwrap().ino(), folder);
}
