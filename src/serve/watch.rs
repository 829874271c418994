//! Watching the site's files: notify events turned into [`Change`] values by a pure
//! function, and bursts of them gathered into one batch per rebuild.
//!
//! Never builds and never listens: the server decides what a batch of changes means.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use crate::load::content::is_ignored_name;

/// The folders of a site that are watched, recursively.
pub const WATCHED_DIRS: &[&str] = &["content", "templates", "themes", "static", "data"];

/// What one changed path means for the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A file or folder under `content/`, relative to the root.
    Content(PathBuf),
    /// A template, of the site or of a theme.
    Template,
    /// A file copied as it is: `static/` or a theme's `static/`.
    Static,
    /// `site.yaml`: everything is built again.
    Config,
    /// `data/`: everything is built again.
    Data,
    /// Editor temp files, the output folder, anything outside the watched places.
    Ignored,
}

/// Editor temp, swap and back-up files, beyond what the content walk ignores: vim's
/// `4913` probe, KDE's `.kate-swp`, partial downloads.
pub fn is_editor_temp(name: &str) -> bool {
    is_ignored_name(name)
        || name == "4913"
        || name.ends_with(".kate-swp")
        || name.ends_with(".part")
        || name.ends_with(".crdownload")
        || name.ends_with(".orig")
}

/// What the path `path` (absolute, as notify reports it) means for the site at `root`
/// (absolute) whose output folder is `out` (absolute, never watched).
pub fn classify_path(root: &Path, out: &Path, path: &Path) -> Change {
    if path.starts_with(out) {
        return Change::Ignored;
    }
    let Ok(relative) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let parts: Vec<&str> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    if parts.len() != relative.components().count() || parts.iter().any(|p| is_editor_temp(p)) {
        return Change::Ignored;
    }
    match parts.as_slice() {
        ["site.yaml"] => Change::Config,
        ["content", ..] => Change::Content(relative.to_path_buf()),
        ["templates", ..] => Change::Template,
        ["static", ..] => Change::Static,
        ["data", ..] => Change::Data,
        ["themes", _, "static", ..] => Change::Static,
        ["themes", ..] => Change::Template,
        _ => Change::Ignored,
    }
}

/// What a notify event means: one change per path, none for events that change nothing
/// (opening, reading, closing a file without writing).
pub fn classify(root: &Path, out: &Path, event: &Event) -> Vec<Change> {
    let changes_something = match &event.kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Any | EventKind::Other => true,
    };
    if !changes_something {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .map(|path| classify_path(root, out, path))
        .filter(|change| *change != Change::Ignored)
        .collect()
}

/// The changes of one burst of events, merged.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    pub changes: BTreeSet<Change>,
    /// The watcher lost events (queue overflow): nothing cached can be trusted.
    pub rescan: bool,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && !self.rescan
    }

    /// Whether the whole site must be read again, caches dropped.
    pub fn needs_everything(&self) -> bool {
        self.rescan
            || self.changes.contains(&Change::Config)
            || self.changes.contains(&Change::Data)
    }

    /// Whether pages may look different without their HTML changing (a stylesheet).
    pub fn touches_static(&self) -> bool {
        self.rescan
            || self.changes.iter().any(|change| match change {
                Change::Content(path) => path.extension().is_none_or(|e| e != "md"),
                _ => true,
            })
    }
}

/// Watches the site at `root` and sends its events to the returned receiver.
pub struct SiteWatcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
    watched: BTreeSet<String>,
    pub events: Receiver<notify::Result<Event>>,
}

impl SiteWatcher {
    /// Watches `root` itself (for `site.yaml` and new top folders) and each folder of
    /// [`WATCHED_DIRS`] that exists, recursively.
    pub fn new(root: &Path) -> notify::Result<Self> {
        let (sender, events) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when the server is stopping.
            let _ = sender.send(event);
        })?;
        let mut watcher = Self {
            watcher,
            root: root.to_path_buf(),
            watched: BTreeSet::new(),
            events,
        };
        watcher.watcher.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_new_dirs()?;
        Ok(watcher)
    }

    /// Starts watching the folders of [`WATCHED_DIRS`] that appeared since last time.
    pub fn watch_new_dirs(&mut self) -> notify::Result<()> {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if !self.watched.contains(*dir) && path.is_dir() {
                self.watcher.watch(&path, RecursiveMode::Recursive)?;
                self.watched.insert(dir.to_string());
            } else if self.watched.contains(*dir) && !path.is_dir() {
                // Removed: notify forgets it; watch it again when it comes back.
                let _ = self.watcher.unwatch(&path);
                self.watched.remove(*dir);
            }
        }
        Ok(())
    }
}

/// How long the files must stay quiet before a rebuild starts, and the longest a burst
/// can hold one back.
#[derive(Debug, Clone, Copy)]
pub struct Debounce {
    pub quiet: Duration,
    pub longest: Duration,
}

impl Default for Debounce {
    fn default() -> Self {
        Self {
            quiet: Duration::from_millis(8),
            longest: Duration::from_millis(400),
        }
    }
}

/// Waits up to `wait` for a burst of events, then gathers it until the files have been
/// quiet for `debounce.quiet`. Returns an empty batch when nothing happened, `None` when
/// the watcher is gone.
pub fn next_batch(
    events: &Receiver<notify::Result<Event>>,
    root: &Path,
    out: &Path,
    wait: Duration,
    debounce: Debounce,
) -> Option<Batch> {
    let mut batch = Batch::default();
    let first = match events.recv_timeout(wait) {
        Ok(event) => event,
        Err(RecvTimeoutError::Timeout) => return Some(batch),
        Err(RecvTimeoutError::Disconnected) => return None,
    };
    add(&mut batch, root, out, first);
    let started = Instant::now();
    loop {
        let left = debounce.longest.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Some(batch);
        }
        match events.recv_timeout(debounce.quiet.min(left)) {
            Ok(event) => add(&mut batch, root, out, event),
            Err(RecvTimeoutError::Timeout) => return Some(batch),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

fn add(batch: &mut Batch, root: &Path, out: &Path, event: notify::Result<Event>) {
    match event {
        Ok(event) => {
            if event.need_rescan() {
                batch.rescan = true;
            }
            batch.changes.extend(classify(root, out, &event));
        }
        // An error from the watcher (queue overflow, a folder gone): read everything.
        Err(_) => batch.rescan = true,
    }
}

#[cfg(test)]
mod tests;
