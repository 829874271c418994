//! Saving one file of the site for the editor: the new bytes are written to a hidden
//! file beside it, made durable, then renamed over it, so that the file is at every
//! instant its old text or its new one, whatever stops the save; a reader (the
//! preview's watcher, a text editor) never sees half of it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A name beside `path` that no one else uses: hidden (a leading `.`), so that the
/// watcher and a build take it for an editor's file and leave it alone.
fn beside(path: &Path) -> PathBuf {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.loa-save-{}-{count}", std::process::id()))
}

/// Writes `bytes` at `path` in one step. With `replace` false an existing file is left
/// as it is and the save fails with `AlreadyExists`.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let temporary = beside(path);
    let written = (|| {
        let mut file = fs::File::create_new(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(metadata) = fs::metadata(path) {
            fs::set_permissions(&temporary, metadata.permissions())?;
        }
        if replace {
            super::tree::rename(&temporary, path)
        } else {
            // A hard link fails rather than replace what is there.
            fs::hard_link(&temporary, path).or_else(|error| match error.kind() {
                io::ErrorKind::AlreadyExists => Err(error),
                _ => fs::File::create_new(path).and_then(|mut file| file.write_all(bytes)),
            })
        }
    })();
    let _ = fs::remove_file(&temporary);
    written?;
    if let Some(folder) = path.parent() {
        // The rename is durable once its folder is; where folders cannot be synced
        // (Windows), the rename is what the system gives.
        let _ = super::tree::sync_folder(folder);
    }
    Ok(())
}

/// Moves the file at `from` to `to`, a path where nothing is, in one rename: an article
/// that becomes a folder of its own (`a.md` to `a/index.md`).
pub fn move_file(from: &Path, to: &Path) -> io::Result<()> {
    if fs::symlink_metadata(to).is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    super::tree::rename(from, to)?;
    if let Some(folder) = to.parent() {
        let _ = super::tree::sync_folder(folder);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_replaces_the_bytes_and_leaves_nothing_beside() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("a.md");
        fs::write(&path, "cũ").expect("the old text");
        write(&path, "mới".as_bytes(), true).expect("saved");
        assert_eq!(fs::read_to_string(&path).expect("read"), "mới");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["a.md"]);
        let refused = write(&path, b"x", false).expect_err("exists");
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).expect("read"), "mới");
    }
}
