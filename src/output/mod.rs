//! Writing the built site: every file goes to a staging folder beside the output, and
//! the output changes only when the whole build succeeded, so that a failed build leaves
//! the published site byte for byte as it was.
//!
//! Publishing moves only what changed: a file whose bytes equal the published one is
//! not written at all, a changed or new file is renamed into place (each rename is
//! atomic), and files the build no longer produces are removed. Into an empty or new
//! output folder the staging folder is renamed whole. A second build of unchanged
//! content therefore writes nothing.
//!
//! The only module that writes or deletes. It deletes nothing outside the output folder
//! and its own staging folder, and refuses an output folder that holds the site itself
//! or that it did not create.

pub mod photos;

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Msg;

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

/// Where a build writes before it is published.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The output held files before this build: compare and move file by file.
    incremental: bool,
    /// The produced paths whose bytes differ from the published ones, when the output
    /// folder held files before.
    changed: Mutex<Vec<String>>,
    /// What the published pages were rendered from, as the previous build recorded it.
    published: Manifest,
    /// The same for this build, written with the marker when it publishes.
    manifest: Mutex<Manifest>,
    /// The first file that could not be written. Nothing more is written after it, and
    /// the build fails with this one error: a full disk would refuse every file, and
    /// 50,000 messages hide the cause.
    failure: OnceLock<OutputError>,
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

/// Checks that `out` may receive a build of the site at `root` and prepares an empty
/// staging folder beside it.
pub fn stage(root: &Path, out: &Path, force: bool) -> Result<Staging, OutputError> {
    let root = absolute(root);
    let target = absolute(out);
    if root.starts_with(&target) {
        return Err(OutputError::Refused(
            Msg::RefuseContainsSite {
                path: target.display().to_string(),
            }
            .to_string(),
        ));
    }
    if target.starts_with(root.join(crate::load::content::CONTENT_DIR)) {
        return Err(OutputError::Refused(
            Msg::RefuseInsideContent {
                path: target.display().to_string(),
            }
            .to_string(),
        ));
    }
    if target.is_file() {
        return Err(OutputError::Refused(
            Msg::RefuseFile {
                path: target.display().to_string(),
            }
            .to_string(),
        ));
    }
    if target.is_dir() && !target.join(MARKER).is_file() && !force {
        let is_empty = fs::read_dir(&target)
            .map_err(io_context(format!("reading {}", target.display())))?
            .next()
            .is_none();
        if !is_empty {
            return Err(OutputError::Refused(
                Msg::RefuseForeign {
                    path: target.display().to_string(),
                }
                .to_string(),
            ));
        }
    }
    let dir = sibling(&target, "staging");
    remove_if_present(&dir)?;
    fs::create_dir_all(&dir).map_err(io_context(format!("creating {}", dir.display())))?;
    let incremental = target.join(MARKER).is_file();
    Ok(Staging {
        published: if incremental {
            read_manifest(&target)
        } else {
            Manifest::new()
        },
        dir,
        target,
        incremental,
        changed: Mutex::new(Vec::new()),
        manifest: Mutex::new(Manifest::new()),
        failure: OnceLock::new(),
    })
}

impl Staging {
    /// Records that the build produces `relative` (forward slashes); returns whether it
    /// must be staged, which is when it is not already published with the same bytes.
    fn produce(&self, relative: &str, same_as_published: impl FnOnce(&Path) -> bool) -> bool {
        lock(&self.manifest)
            .entry(relative.to_string())
            .or_insert((COPIED, 0));
        if !self.incremental {
            return true;
        }
        if same_as_published(&self.target.join(relative)) {
            return false;
        }
        lock(&self.changed).push(relative.to_string());
        true
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
        if let Err(error) = make_parent(&path).and_then(|()| fs::write(&path, bytes)) {
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
        if let Err(error) = make_parent(&path).and_then(|()| fs::copy(source, &path).map(|_| ())) {
            self.fail(&path, error);
        }
    }

    /// Stops the build: nothing more is written, and [`Staging::publish`] removes the
    /// staging folder and reports the interruption.
    pub fn interrupt(&self) {
        let _ = self.failure.set(OutputError::Interrupted);
    }

    fn fail(&self, path: &Path, error: io::Error) {
        let context = Msg::CannotWriteOutput {
            path: path.display().to_string(),
        };
        let _ = self.failure.set(io_context(context.to_string())(error));
    }

    /// Replaces the output folder with the staging folder, unless a file could not be
    /// written: then the staging folder goes and the output stays as it was.
    pub fn publish(mut self) -> Result<(), OutputError> {
        if let Some(failure) = self.failure.take() {
            remove_if_present(&self.dir)?;
            return Err(failure);
        }
        if self.incremental {
            return self.publish_changes();
        }
        fs::write(self.dir.join(MARKER), marker_text(&lock(&self.manifest)))
            .map_err(io_context(format!("writing {}", self.dir.display())))?;
        let previous = sibling(&self.target, "previous");
        remove_if_present(&previous)?;
        if self.target.exists() {
            fs::rename(&self.target, &previous).map_err(io_context(format!(
                "moving the previous output {} aside",
                self.target.display()
            )))?;
        }
        if let Err(error) = fs::rename(&self.dir, &self.target) {
            // Put the published site back before reporting, so that it is never lost.
            if previous.exists() {
                let _ = fs::rename(&previous, &self.target);
            }
            return Err(io_context(format!("publishing {}", self.target.display()))(
                error,
            ));
        }
        remove_if_present(&previous)
    }

    fn publish_changes(self) -> Result<(), OutputError> {
        let changed = std::mem::take(&mut *lock(&self.changed));
        for relative in &changed {
            let from = self.dir.join(relative);
            let to = self.target.join(relative);
            if let Some(parent) = to.parent() {
                // A published file may stand where a folder is now needed.
                if parent.is_file() {
                    fs::remove_file(parent)
                        .map_err(io_context(format!("replacing {}", parent.display())))?;
                }
                fs::create_dir_all(parent)
                    .map_err(io_context(format!("creating {}", parent.display())))?;
            }
            if to.is_dir() {
                remove_if_present(&to)?;
            }
            fs::rename(&from, &to).map_err(io_context(format!("publishing {}", to.display())))?;
        }
        let manifest = std::mem::take(&mut *lock(&self.manifest));
        if self.published.is_empty() {
            remove_stale(&self.target, &self.target, &manifest)?;
        } else {
            self.remove_unproduced(&manifest)?;
        }
        // The marker is replaced whole, so that a crash leaves the old one or the new.
        let marker = self.dir.join(MARKER);
        fs::write(&marker, marker_text(&manifest))
            .map_err(io_context(format!("writing {}", marker.display())))?;
        fs::rename(&marker, self.target.join(MARKER))
            .map_err(io_context(format!("publishing {}", marker.display())))?;
        remove_if_present(&self.dir)
    }

    /// Removes what the previous build published and this one did not produce, and the
    /// folders that leaves empty, from the manifest: no walk of a large output folder.
    fn remove_unproduced(&self, produced: &Manifest) -> Result<(), OutputError> {
        for relative in self.published.keys().filter(|p| !produced.contains_key(*p)) {
            let path = self.target.join(relative);
            match fs::remove_file(&path) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => {
                    return Err(io_context(format!("removing {}", path.display()))(error));
                }
                _ => {}
            }
            let mut folder = path.parent();
            while let Some(dir) = folder.filter(|d| *d != self.target) {
                // Only an empty folder can be removed; the first that is not ends the climb.
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
        Ok(())
    }

    /// Removes the staging folder after a failed build.
    pub fn discard(self) -> Result<(), OutputError> {
        remove_if_present(&self.dir)
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

/// Removes, under `dir`, every file the build did not produce and every folder left
/// empty, keeping the marker.
fn remove_stale(top: &Path, dir: &Path, produced: &Manifest) -> Result<bool, OutputError> {
    let entries = fs::read_dir(dir).map_err(io_context(format!("reading {}", dir.display())))?;
    let mut empty = true;
    for entry in entries {
        let entry = entry.map_err(io_context(format!("reading {}", dir.display())))?;
        let path = entry.path();
        let relative = path
            .strip_prefix(top)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            if remove_stale(top, &path, produced)? {
                fs::remove_dir(&path)
                    .map_err(io_context(format!("removing {}", path.display())))?;
            } else {
                empty = false;
            }
        } else if relative == MARKER || produced.contains_key(&relative) {
            empty = false;
        } else {
            fs::remove_file(&path).map_err(io_context(format!("removing {}", path.display())))?;
        }
    }
    Ok(empty)
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

fn remove_if_present(dir: &Path) -> Result<(), OutputError> {
    match fs::remove_dir_all(dir) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            Err(io_context(format!("removing {}", dir.display()))(error))
        }
        _ => Ok(()),
    }
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
    fs::canonicalize(&clean).unwrap_or(clean)
}

#[cfg(test)]
mod tests;
