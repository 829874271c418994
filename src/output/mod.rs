//! Writing the built site so that the output folder is, at every instant, the whole
//! previous site or the whole new one, whatever stops the build.
//!
//! A build first claims the output ([`claim`]): an exclusive lock on a file beside it,
//! so that one build at a time writes into it. It then stages the new site, complete, in
//! a folder beside the output: files that changed are written; files whose bytes equal
//! the published ones, and pages kept by fingerprint, are hard links to the published
//! files (the same file, so its bytes and modification time are kept and nothing is
//! written); the marker, which describes every file, is written last inside it. After a
//! `syncfs` the staging folder trades places with the output in one
//! `renameat2(RENAME_EXCHANGE)`. A build that changes no file swaps nothing.
//!
//! The site swapped out is kept beside the output, and the next build stages in it: its
//! folders are there and most of its files are the published ones, so that a build
//! costs what changed, not the size of the site. A file there is unlinked and made
//! anew, never written into, since it may be a published file too. A build killed while
//! staging leaves a staging folder that the next build removes.
//!
//! The only module that writes or deletes. It deletes nothing outside the output folder
//! and its own folders beside it, and refuses an output folder that holds the site
//! itself or that it did not create.

pub mod photos;

pub mod save;
mod tree;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::{self, File, TryLockError};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::parallel::SHARE;

/// Written at the top of every output folder: proof that loa made it and may replace it.
pub const MARKER: &str = ".loa-output";

#[derive(Debug)]
pub enum OutputError {
    /// The output folder is unsafe to replace; a usage error.
    Refused(String),
    Io {
        context: String,
        error: io::Error,
    },
    /// The user stopped the build.
    Interrupted,
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Refused(message) => f.write_str(message),
            Self::Io { context, error } => write!(f, "{context}\n{}: {error}", Msg::CausedBy),
            Self::Interrupted => write!(f, "{}", Msg::Interrupted),
        }
    }
}

fn io_context(context: impl Into<String>) -> impl FnOnce(io::Error) -> OutputError {
    let context = context.into();
    move |error| OutputError::Io { context, error }
}

/// A failure before the new site is swapped in: it says that nothing was published.
fn cannot_write(path: &Path) -> impl FnOnce(io::Error) -> OutputError {
    io_context(
        Msg::CannotWriteOutput {
            path: path.display().to_string(),
        }
        .to_string(),
    )
}

/// Where a build writes before it is published: a folder beside the output that becomes
/// the whole new site, marker included, before it takes the output's place.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Where the site published before the current one is kept between builds.
    previous: PathBuf,
    /// Where the published site is moved aside where folders cannot be exchanged.
    aside: PathBuf,
    /// What the staging folder held when the build began: the site published before the
    /// current one, as its marker describes it. Empty when the staging folder began empty.
    standby: Manifest,
    /// The staging folder is still exactly that site, which can be kept again.
    intact: AtomicBool,
    /// The output held loa's files before this build: compare with them and keep those
    /// that did not change.
    incremental: bool,
    /// Produced paths whose published file goes into the new site as it is.
    kept: Mutex<Vec<String>>,
    /// How many files were written into the staging folder.
    written: AtomicUsize,
    /// What the published pages were rendered from, as the previous build recorded it.
    published: Manifest,
    /// The same for this build, written with the marker when it publishes.
    manifest: Mutex<Manifest>,
    /// The first file that could not be written. Nothing more is written after it, and
    /// the build fails with this one error: a full disk would refuse every file, and
    /// 50,000 messages hide the cause.
    failure: OnceLock<OutputError>,
    /// The claim on the output, held until the build ends.
    _lock: File,
}

/// Output path -> (fingerprint of the page's inputs, size in bytes). Every file a build
/// publishes is listed, so that the next one knows what to remove.
type Manifest = HashMap<String, (u128, u64)>;

/// The fingerprint recorded for a file written or copied without one (static files,
/// photos, open data): it is compared byte for byte instead.
const COPIED: u128 = 0;

const MARKER_FIRST_LINE: &str = concat!("loa ", env!("CARGO_PKG_VERSION"));

/// The manifest the marker of `dir` holds; empty when it was written by another
/// version of loa or cannot be read, so that every page is rendered again.
fn read_manifest(dir: &Path) -> Manifest {
    let Ok(text) = fs::read_to_string(dir.join(MARKER)) else {
        return Manifest::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_FIRST_LINE) {
        return Manifest::new();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let fingerprint = u128::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), (fingerprint, size)))
        })
        .collect()
}

/// The marker's lines, sorted by path. Written into one buffer: a line made apart and
/// copied in took the marker of 150,000 files twice as long (130 ms against 65 ms).
fn marker_text(manifest: &Manifest) -> String {
    let mut entries: Vec<_> = manifest.iter().collect();
    entries.sort_unstable_by_key(|(path, _)| path.as_str());
    let mut text = format!("{MARKER_FIRST_LINE}\n");
    for (path, (fingerprint, size)) in entries {
        let _ = writeln!(text, "{fingerprint:032x} {size} {path}");
    }
    text
}

/// Output paths (forward slashes) that a file system could not hold: a part longer than
/// [`NAME_MAX`](crate::load::names::NAME_MAX) bytes, or a control character, which would
/// also break the marker's lines. Every name is checked where it is made (slugs, file
/// names, aliases, photo copies); this last look, before anything is written, makes sure
/// that `check` finds whatever `build` would fail on.
pub fn unwritable<S: AsRef<str>>(paths: impl IntoIterator<Item = S>) -> Diagnostics {
    let max = crate::load::names::NAME_MAX;
    paths
        .into_iter()
        .filter_map(|path| {
            let path = path.as_ref();
            let message = if path.chars().any(char::is_control) {
                Msg::OutputNameControl {
                    path: crate::diagnostics::shown_name(path),
                }
            } else {
                let part = path.split('/').find(|part| part.len() > max)?;
                Msg::OutputNameTooLong {
                    path: path.to_string(),
                    bytes: part.len(),
                    max,
                }
            };
            Some(Diagnostic::new(path, message.to_string()).help(Msg::OutputNameHelp.to_string()))
        })
        .collect()
}

/// A claim on one output folder for the length of a build: the folder may receive this
/// site, and no other build writes into it until the claim is dropped.
///
/// The claim is an exclusive lock on a file beside the output (`.public.loa-lock`),
/// which the system releases when the process ends, however it ends: a killed build
/// never blocks the next one. The lock file itself stays; removing it would let a third
/// build lock a new file while a second still holds the old one.
#[derive(Debug)]
pub struct Claim {
    target: PathBuf,
    lock: File,
}

/// Checks that `out` may receive a build of the site at `root` and claims it, refusing
/// when another build holds it.
pub fn claim(root: &Path, out: &Path, force: bool) -> Result<Claim, OutputError> {
    let root = absolute(root);
    let target = absolute(out);
    let refuse = |msg: Msg| Err(OutputError::Refused(msg.to_string()));
    let path = target.display().to_string();
    if root.starts_with(&target) {
        return refuse(Msg::RefuseContainsSite { path });
    }
    if target.starts_with(root.join(crate::load::content::CONTENT_DIR)) {
        return refuse(Msg::RefuseInsideContent { path });
    }
    if target.is_file() {
        return refuse(Msg::RefuseFile { path });
    }
    let lock_path = sibling(&target, "lock");
    let lock = make_parent(&lock_path)
        .and_then(|()| {
            File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
        })
        .map_err(cannot_write(&lock_path))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return refuse(Msg::RefuseBusy { path }),
        Err(TryLockError::Error(error)) => return Err(cannot_write(&lock_path)(error)),
    }
    // Judged under the lock: another build may have just published into the folder.
    if target.is_dir() && !target.join(MARKER).is_file() && !force {
        let is_empty = fs::read_dir(&target)
            .map_err(io_context(format!("reading {}", target.display())))?
            .next()
            .is_none();
        if !is_empty {
            return refuse(Msg::RefuseForeign { path });
        }
    }
    Ok(Claim { target, lock })
}

/// [`claim`] then [`Claim::stage`], for tests.
#[cfg(test)]
fn stage(root: &Path, out: &Path, force: bool) -> Result<Staging, OutputError> {
    claim(root, out, force)?.stage()
}

impl Claim {
    /// Prepares the staging folder beside the output, after removing what a killed build
    /// left there. It begins as the site published before the current one, when that was
    /// kept: most of the new site's folders are there already, and most of its files are
    /// the same files as the published ones.
    pub fn stage(self) -> Result<Staging, OutputError> {
        let Claim { target, lock } = self;
        let dir = sibling(&target, "staging");
        let previous = sibling(&target, "previous");
        let aside = sibling(&target, "aside");
        // A build killed between moving the published site aside and moving the new one
        // in (only where the system cannot exchange folders) left it aside: put it back.
        if !target.exists() && aside.join(MARKER).is_file() {
            tree::rename(&aside, &target).map_err(cannot_write(&target))?;
        }
        for leftover in [&aside, &dir, &sibling(&target, "marker")] {
            tree::remove(leftover).map_err(cannot_write(leftover))?;
        }
        let incremental = target.join(MARKER).is_file();
        let standby = if incremental {
            read_manifest(&previous)
        } else {
            Manifest::new()
        };
        if standby.is_empty() {
            tree::remove(&previous).map_err(cannot_write(&previous))?;
            fs::create_dir_all(&dir).map_err(cannot_write(&dir))?;
        } else {
            tree::rename(&previous, &dir).map_err(cannot_write(&dir))?;
        }
        Ok(Staging {
            published: if incremental {
                read_manifest(&target)
            } else {
                Manifest::new()
            },
            intact: AtomicBool::new(!standby.is_empty()),
            standby,
            dir,
            previous,
            aside,
            target,
            incremental,
            kept: Mutex::new(Vec::new()),
            written: AtomicUsize::new(0),
            manifest: Mutex::new(Manifest::new()),
            failure: OnceLock::new(),
            _lock: lock,
        })
    }
}

impl Staging {
    /// Records that the build produces `relative` (forward slashes); returns whether it
    /// must be written, which is when it is not already published with the same bytes.
    fn produce(&self, relative: &str, same_as_published: impl FnOnce(&Path) -> bool) -> bool {
        lock(&self.manifest)
            .entry(relative.to_string())
            .or_insert((COPIED, 0));
        if self.incremental && same_as_published(&self.target.join(relative)) {
            self.keep(relative);
            return false;
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        true
    }

    /// The published file at `relative` goes into the new tree as it is.
    fn keep(&self, relative: &str) {
        lock(&self.kept).push(relative.to_string());
    }

    /// Writes `bytes` at `relative` (forward slashes) inside the staging folder. A failure
    /// is kept for [`Staging::publish`] to report.
    pub fn write(&self, relative: &str, bytes: &[u8]) {
        let unchanged = |published: &Path| {
            fs::metadata(published).is_ok_and(|m| m.len() == bytes.len() as u64)
                && fs::read(published).is_ok_and(|old| old == bytes)
        };
        if self.failure.get().is_some() || !self.produce(relative, unchanged) {
            return;
        }
        let path = self.dir.join(relative);
        let written = self.put(&path, || {
            self.make_room(&path)?;
            make_parent(&path)?;
            fs::write(&path, bytes)
        });
        if let Err(error) = written {
            self.fail(&path, error);
        }
    }

    /// Copies the file at `source` to `relative` inside the staging folder. A failure is
    /// kept for [`Staging::publish`] to report.
    pub fn copy(&self, relative: &str, source: &Path) {
        let unchanged = |published: &Path| match (fs::read(published), fs::read(source)) {
            (Ok(old), Ok(new)) => old == new,
            _ => false,
        };
        if self.failure.get().is_some() || !self.produce(relative, unchanged) {
            return;
        }
        let path = self.dir.join(relative);
        let copied = self.put(&path, || {
            self.make_room(&path)?;
            make_parent(&path)?;
            fs::copy(source, &path).map(|_| ())
        });
        if let Err(error) = copied {
            self.fail(&path, error);
        }
    }

    /// Runs `change`, which puts or removes the file at `path` in the staging folder; when
    /// that folder began as the previous site and `change` is refused, runs it again after
    /// making the folders above `path` writable: someone may have made a folder of the
    /// site read-only, and the site loa replaced is its own to change.
    fn put(&self, path: &Path, change: impl Fn() -> io::Result<()>) -> io::Result<()> {
        match change() {
            Err(error)
                if error.kind() == io::ErrorKind::PermissionDenied && !self.standby.is_empty() =>
            {
                let relative = path.strip_prefix(&self.dir).unwrap_or(path);
                let mut folder = self.dir.clone();
                tree::make_writable(&folder)?;
                for part in relative.parent().into_iter().flat_map(Path::components) {
                    folder.push(part);
                    if !folder.is_dir() {
                        break;
                    }
                    tree::make_writable(&folder)?;
                }
                change()
            }
            done => done,
        }
    }

    /// Clears the way for a new file at `path` in a staging folder that began as the
    /// previous site: removes the file or folder that stands there, and a file that stands
    /// where one of its folders must go. A file is unlinked, never written into: it may be
    /// the same file as a published one.
    fn make_room(&self, path: &Path) -> io::Result<()> {
        if self.standby.is_empty() {
            return Ok(());
        }
        self.intact.store(false, Ordering::Relaxed);
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.is_dir() => tree::remove(path),
            Ok(_) => fs::remove_file(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotADirectory => {
                let relative = path.strip_prefix(&self.dir).unwrap_or(path);
                let mut folder = self.dir.clone();
                for part in relative.parent().into_iter().flat_map(Path::components) {
                    folder.push(part);
                    match fs::symlink_metadata(&folder) {
                        Ok(meta) if meta.is_dir() => {}
                        Ok(_) => return gone(fs::remove_file(&folder)),
                        Err(_) => break,
                    }
                }
                Ok(())
            }
            Err(error) => Err(error),
        }
    }

    /// Stops the build: nothing more is written, and [`Staging::publish`] removes the
    /// staging folder and reports the interruption.
    pub fn interrupt(&self) {
        let _ = self.failure.set(OutputError::Interrupted);
    }

    fn fail(&self, path: &Path, error: io::Error) {
        let _ = self.failure.set(cannot_write(path)(error));
    }

    /// Puts the staged site in the place of the published one, in one step, unless a
    /// file could not be written: then the staging folder goes and the output stays as
    /// it was. Until the swap nothing in the output folder changes, so any failure on
    /// the way says that nothing was published.
    pub fn publish(mut self) -> Result<(), OutputError> {
        if let Some(failure) = self.failure.take() {
            self.discard()?;
            return Err(failure);
        }
        let manifest = std::mem::take(&mut *lock(&self.manifest));
        let same_files = self.written.load(Ordering::Relaxed) == 0
            && !self.published.is_empty()
            && manifest.len() == self.published.len()
            && manifest
                .keys()
                .all(|path| self.published.contains_key(path));
        let before_swap = if same_files {
            self.replace_marker(&manifest)
        } else {
            self.complete(&manifest).and_then(|()| self.swap())
        };
        match before_swap {
            Err(error) => {
                self.discard()?;
                Err(error)
            }
            Ok(old) => self.tidy_up(old),
        }
    }

    /// After publishing: makes the swap durable, and keeps the site that was published
    /// until now, at `old`, for the next build to stage in when it is a whole site of
    /// this version of loa, else removes it. A failure says that the site is published,
    /// and the next build tries again.
    fn tidy_up(&self, old: Option<(&Path, bool)>) -> Result<(), OutputError> {
        let parent = self.target.parent().unwrap_or(&self.target);
        let tidy = |dir: &Path, done: io::Result<()>| {
            done.map_err(|error| OutputError::Io {
                context: Msg::CannotTidyUp {
                    path: dir.display().to_string(),
                }
                .to_string(),
                error,
            })
        };
        tidy(parent, tree::sync_folder(parent))?;
        let Some((old, whole)) = old else {
            return Ok(());
        };
        if whole {
            tidy(old, tree::rename(old, &self.previous))
        } else {
            tidy(old, tree::remove(old))
        }
    }

    /// Every published file is kept and none is added or removed: the output already is
    /// the new site, but for the fingerprints in its marker if those changed. The marker
    /// is replaced whole by a rename, and the old one and the new describe the same files.
    /// The staging folder, untouched, is what is left to keep or remove.
    fn replace_marker(&self, manifest: &Manifest) -> Result<Option<(&Path, bool)>, OutputError> {
        if *manifest != self.published {
            let staged = sibling(&self.target, "marker");
            let published = self.target.join(MARKER);
            File::create(&staged)
                .and_then(|mut file| {
                    file.write_all(marker_text(manifest).as_bytes())?;
                    file.sync_all()
                })
                .map_err(cannot_write(&staged))?;
            tree::rename(&staged, &published).map_err(cannot_write(&published))?;
            tree::sync_folder(&self.target).map_err(cannot_write(&self.target))?;
        }
        Ok(Some((&self.dir, self.intact.load(Ordering::Relaxed))))
    }

    /// Completes the staging folder into the whole new site: the published files this
    /// build keeps, linked in unless the previous site already had the same file there;
    /// none of that site's other files; and the marker that describes them all.
    fn complete(&self, manifest: &Manifest) -> Result<(), OutputError> {
        self.intact.store(false, Ordering::Relaxed);
        let kept = std::mem::take(&mut *lock(&self.kept));
        kept.par_iter()
            .with_max_len(SHARE)
            .try_for_each(|relative| {
                let from = self.target.join(relative);
                let to = self.dir.join(relative);
                if !self.standby.is_empty() && tree::same_file(&from, &to) {
                    return Ok(());
                }
                self.put(&to, || {
                    self.make_room(&to)?;
                    make_parent(&to)?;
                    tree::keep(&from, &to)
                })
                .map_err(cannot_write(&to))
            })?;
        self.remove_unproduced(manifest)?;
        let marker = self.dir.join(MARKER);
        let text = marker_text(manifest);
        self.put(&marker, || {
            gone(fs::remove_file(&marker))?;
            fs::write(&marker, &text)
        })
        .map_err(cannot_write(&marker))?;
        tree::sync_file_system(&self.dir).map_err(cannot_write(&self.dir))
    }

    /// Removes from the staging folder the files of the previous site that this build
    /// does not produce, and the folders that leaves empty: from the manifest, with no
    /// walk of a large folder.
    fn remove_unproduced(&self, produced: &Manifest) -> Result<(), OutputError> {
        let unproduced = self.standby.keys().filter(|p| !produced.contains_key(*p));
        for relative in unproduced {
            let path = self.dir.join(relative);
            match self.put(&path, || gone(fs::remove_file(&path))) {
                // A folder of this build stands where the file was, or a file where one of
                // its folders was: the file went when that was made.
                Err(error)
                    if matches!(
                        error.kind(),
                        io::ErrorKind::IsADirectory | io::ErrorKind::NotADirectory
                    ) =>
                {
                    continue;
                }
                done => done.map_err(cannot_write(&path))?,
            }
            let mut folder = path.parent();
            while let Some(dir) = folder.filter(|d| *d != self.dir) {
                // Only an empty folder can be removed; the first that is not ends the climb.
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
        Ok(())
    }

    /// Swaps the staging folder with the published site; returns where the previous
    /// site now is, and whether it is a whole site of this version of loa, described by
    /// its marker.
    fn swap(&self) -> Result<Option<(&Path, bool)>, OutputError> {
        let swapped =
            tree::swap(&self.dir, &self.target, &self.aside).map_err(cannot_write(&self.target))?;
        let whole = !self.published.is_empty();
        Ok(match swapped {
            tree::Swapped::Nothing => None,
            tree::Swapped::Exchanged => Some((&self.dir, whole)),
            tree::Swapped::MovedAside => Some((&self.aside, whole)),
        })
    }

    /// Removes the staging folder after a failed build, or keeps it as the previous site
    /// if the build changed nothing in it.
    pub fn discard(&self) -> Result<(), OutputError> {
        if self.intact.load(Ordering::Relaxed) {
            return tree::rename(&self.dir, &self.previous)
                .map_err(io_context(format!("keeping {}", self.previous.display())));
        }
        tree::remove(&self.dir).map_err(io_context(format!("removing {}", self.dir.display())))
    }
}

// Once a write failed or the build was stopped, nothing more will be published: every
// page and set of files counts as current, so that none is rendered for nothing.
impl crate::render::Reuse for Staging {
    fn is_current(&self, path: &str, fingerprint: u128) -> bool {
        if self.failure.get().is_some() {
            return true;
        }
        if fingerprint == COPIED {
            return false;
        }
        let Some(&(published, size)) = self.published.get(path) else {
            return false;
        };
        let still_there = fs::metadata(self.target.join(path)).is_ok_and(|m| m.len() == size);
        if published != fingerprint || !still_there {
            return false;
        }
        lock(&self.manifest).insert(path.to_string(), (fingerprint, size));
        self.keep(path);
        true
    }

    fn record(&self, path: &str, fingerprint: u128, size: u64) {
        lock(&self.manifest).insert(path.to_string(), (fingerprint, size));
    }

    fn is_current_set(&self, folder: &str, fingerprint: u128) -> bool {
        if self.failure.get().is_some() {
            return true;
        }
        if fingerprint == COPIED {
            return false;
        }
        let made: Vec<(&String, u64)> = self
            .published
            .iter()
            .filter(|(path, (print, _))| *print == fingerprint && path.starts_with(folder))
            .map(|(path, &(_, size))| (path, size))
            .collect();
        let still_there = |(path, size): &(&String, u64)| {
            fs::metadata(self.target.join(path)).is_ok_and(|m| m.len() == *size)
        };
        if made.is_empty() || !made.iter().all(still_there) {
            return false;
        }
        let mut manifest = lock(&self.manifest);
        for (path, size) in made {
            manifest.insert(path.clone(), (fingerprint, size));
            self.keep(path);
        }
        true
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave a set of paths half-updated in a way
    // that matters: the build fails anyway and nothing is published.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A removal that found nothing to remove succeeded.
fn gone(removed: io::Result<()>) -> io::Result<()> {
    match removed {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

fn make_parent(path: &Path) -> io::Result<()> {
    path.parent().map_or(Ok(()), fs::create_dir_all)
}

/// `.public.loa-staging` beside `public`.
fn sibling(target: &Path, role: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.loa-{role}"))
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve `..` without requiring the path to exist, so `--out ../x` is judged right.
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    canonical(clean)
}

/// `path` with its symbolic links resolved, if it exists. On Windows, only made absolute:
/// there `fs::canonicalize` gives the extended form `\\?\C:\Users\…`, which every
/// message naming the output folder would show to an officer who typed `C:\Users\…`
/// (`std::path::absolute` keeps the form they know; Windows has few symbolic links).
fn canonical(path: PathBuf) -> PathBuf {
    if cfg!(windows) {
        std::path::absolute(&path).unwrap_or(path)
    } else {
        fs::canonicalize(&path).unwrap_or(path)
    }
}

#[cfg(test)]
mod tests;
