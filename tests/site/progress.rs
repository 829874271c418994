//! `--quiet`, `--verbose` and the progress a build reports while it runs.

use std::sync::Mutex;
use std::time::Duration;

use loa::progress::{Progress, Step};

use crate::support::SiteTest;

fn small_site() -> SiteTest {
    SiteTest::new().article(
        "content/tin-tuc/a.md",
        "Bài A",
        "2024-07-01",
        "",
        "Nội dung.",
    )
}

#[test]
fn quiet_prints_nothing_but_errors() {
    let site = small_site();
    let run = site.run(&["build", "--quiet"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let run = site.run(&["-q", "check"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let broken = site.file("content/tin-tuc/b.md", "---\ntitel: B\n---\n");
    let run = broken.run(&["build", "--quiet"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("unknown key `titel`"), "{}", run.stderr);
}

#[test]
fn quiet_init_and_new_print_nothing() {
    let site = SiteTest::empty();
    let run = site.run(&["--quiet", "init", "trang"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    let run = site.run(&["new", "-q", "--root", "trang", "tin-tuc", "Bài mới"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert!(
        site.root()
            .join("trang/content/tin-tuc/bai-moi.md")
            .is_file()
    );
}

#[test]
fn verbose_prints_every_step_with_its_time_as_plain_lines_off_a_terminal() {
    let site = small_site();
    for command in ["build", "check"] {
        let run = site.run(&[command, "--verbose"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let steps: Vec<&str> = run
            .stderr
            .lines()
            .map(|line| line.split(':').next().unwrap_or("").trim())
            .collect();
        let mut expected = vec![
            "load config and theme",
            "load content",
            "find photos",
            "aggregate statistics",
            "resolve",
            "resize photos",
            "render and write pages",
            "copy files",
            "publish",
        ];
        if command == "build" {
            expected.insert(7, "write the search index");
        }
        assert_eq!(steps, expected, "{command}: {}", run.stderr);
        assert!(
            run.stderr.lines().all(|line| line.ends_with(" ms")),
            "{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains('\u{1b}'),
            "no terminal codes off a terminal"
        );
        assert_eq!(run.stdout.lines().count(), 1, "the closing line");
    }
}

#[test]
fn without_verbose_a_build_off_a_terminal_prints_only_its_closing_line() {
    let run = small_site().run(&["build"]);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.starts_with("Built "), "{}", run.stdout);
}

#[test]
fn quiet_and_verbose_together_are_a_usage_error() {
    let run = small_site().run(&["build", "--quiet", "--verbose"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

/// Records what a build reports.
#[derive(Default)]
struct Recorder {
    events: Mutex<Vec<String>>,
    items: Mutex<usize>,
}

impl Progress for Recorder {
    fn step_done(&self, step: Step, _took: Duration) {
        self.events.lock().unwrap().push(format!("done {step}"));
    }
    fn items(&self, step: Step, total: Option<usize>) {
        self.events
            .lock()
            .unwrap()
            .push(format!("items {step} {total:?}"));
    }
    fn item_done(&self) {
        *self.items.lock().unwrap() += 1;
    }
}

#[test]
fn the_library_reports_each_step_and_each_page_to_the_caller() {
    let site = small_site();
    let recorder = Recorder::default();
    let summary =
        loa::build::run(&loa::BuildOptions::new(site.root()), &recorder).expect("the site builds");
    let events = recorder.events.lock().unwrap().clone();
    assert_eq!(
        events,
        [
            "done load config and theme",
            "done load content",
            "done find photos",
            "done aggregate statistics",
            "done resolve",
            "items resize photos Some(0)",
            "done resize photos",
            "items render and write pages None",
            "done render and write pages",
            "done write the search index",
            "done copy files",
            "done publish",
        ]
    );
    // Every page, the two open-data files of the statistics and the search index (its
    // manifest and postings in JSON, its packs of records in text).
    let index_files = walkdir::WalkDir::new(site.out().join("tim-kiem"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "json" || x == "txt")
        })
        .count();
    assert!(index_files > 0);
    assert_eq!(
        *recorder.items.lock().unwrap(),
        summary.pages + 2 + index_files
    );
    let steps: Vec<&str> = summary.steps.iter().map(|(step, _)| step.name()).collect();
    assert_eq!(steps.len(), 10);
}
