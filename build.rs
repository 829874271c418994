//! Tells the binary what it was built from, for `loa --version`: `LOA_COMMIT`, the
//! commit (its first 12 hex digits), and `LOA_BUILD_DATE`, the day of the build in UTC.
//!
//! The commit is asked of `git` only when this package is the top of a work tree, so a
//! source archive unpacked inside some other repository does not take that repository's
//! commit; without one it is `unknown`. The date is `SOURCE_DATE_EPOCH` when set, so that
//! two builds of one commit can be byte for byte the same; else today's.
//!
//! Pages never carry either (their generator tag says the version only): the example
//! site's output stays the same from one commit to the next.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let commit = match git(&manifest_dir, &["rev-parse", "--show-toplevel"]) {
        Some(top) if same_folder(Path::new(&top), &manifest_dir) => {
            watch_head(&manifest_dir);
            git(&manifest_dir, &["rev-parse", "--short=12", "HEAD"])
        }
        _ => None,
    };
    println!(
        "cargo:rustc-env=LOA_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
    println!("cargo:rustc-env=LOA_BUILD_DATE={}", build_date());
}

/// The trimmed output of `git ARGS` run in `dir`, if git is there and succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Runs this script again when HEAD moves: a checkout (HEAD itself), a commit on the
/// branch (its ref file) or a `git pack-refs` (packed-refs). Only files that exist are
/// named, since Cargo runs a script again every time for a file that is missing.
fn watch_head(dir: &Path) {
    let mut files = vec!["HEAD".to_string(), "packed-refs".to_string()];
    files.extend(git(dir, &["symbolic-ref", "-q", "HEAD"]));
    for file in files {
        if let Some(path) = git(
            dir,
            &["rev-parse", "--path-format=absolute", "--git-path", &file],
        ) && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// `YYYY-MM-DD` of `SOURCE_DATE_EPOCH` (seconds since 1970 in UTC), else of now.
fn build_date() -> String {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value.trim().parse::<i64>().unwrap_or_else(|_| {
            panic!("SOURCE_DATE_EPOCH must be a whole number of seconds, got `{value}`")
        }),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs() as i64),
    };
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of the day `days` after 1970-01-01: Howard Hinnant's
/// `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html), which counts
/// in 400-year eras starting on 1 March so that the leap day ends each year.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
