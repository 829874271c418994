//! Whole folders of files: keeping a published file in a new tree without writing it,
//! making a tree durable, putting it in place of another, and removing the one replaced.
//!
//! Knows nothing of sites: paths in, `io::Result` out. What each failure means for the
//! build is decided in `mod.rs`.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use rayon::prelude::*;

/// Puts the published file `from` at `to` in a tree being staged. A hard link: the same
/// file, so its bytes and modification time are kept and nothing is written. Where the
/// file system has no hard links (FAT on a USB stick, some network shares), a copy that
/// is given the same modification time.
pub fn keep(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    // Whatever the reason the link failed, a copy says better than it whether the file
    // can be kept at all: the file is missing, or the disk is full.
    let modified = fs::metadata(from)?.modified()?;
    fs::copy(from, to)?;
    File::options().write(true).open(to)?.set_modified(modified)
}

/// Whether `a` and `b` are the same file (hard links to one inode). Always `false` off
/// Unix, where the standard library cannot tell: the file is then linked again.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Makes everything written on the file system holding `dir` durable, so that a power
/// cut after the tree is swapped in cannot leave it with files the disk never received.
/// One `syncfs` is cheaper than a `fsync` per file, each of which would wait for its own
/// journal commit. Elsewhere than on Linux, nothing: publishing there is best effort.
pub fn sync_file_system(dir: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let folder = File::open(dir)?;
        // SAFETY: syncfs takes a file descriptor we own for the duration of the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// Makes the entries of `dir` durable: after a rename in it, the rename itself.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `fs::rename`, tried again on Windows for up to two seconds while another program has
/// a file open. Windows refuses to rename a folder while any file inside it is open, and
/// a file while it is open without delete sharing, with "access denied" or a sharing
/// violation; virus scanners and the search indexer open each new file for a moment
/// after it is written, which would fail a build now and then for no reason an officer
/// could see. LLVM's `sys::fs::rename` retries the same errors for the same cause. A
/// program that keeps a file of the output open (a web server, an editor) still fails
/// the build once the time is up, and nothing is published.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(windows)]
    {
        use std::time::Duration;
        const GIVE_UP_AFTER: Duration = Duration::from_secs(2);
        let mut pause = Duration::from_millis(5);
        let mut waited = Duration::ZERO;
        loop {
            match fs::rename(from, to) {
                Err(error) if is_held_open(&error) && waited < GIVE_UP_AFTER => {
                    std::thread::sleep(pause);
                    waited += pause;
                    pause = (pause * 2).min(Duration::from_millis(250));
                }
                done => return done,
            }
        }
    }
    #[cfg(not(windows))]
    fs::rename(from, to)
}

/// ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: what Windows
/// answers while another process has the file, or a file inside the folder, open.
#[cfg(windows)]
fn is_held_open(error: &io::Error) -> bool {
    matches!(error.raw_os_error(), Some(5 | 32 | 33))
}

/// How the previous tree left the output's place.
#[derive(Debug, PartialEq, Eq)]
pub enum Swapped {
    /// There was none: the new tree was renamed into place.
    Nothing,
    /// The two trees traded places in one step; the previous one is where the new was.
    /// Only on Linux.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Exchanged,
    /// The previous tree was renamed to `aside`, then the new one into place: between
    /// the two renames, the output folder did not exist.
    MovedAside,
}

/// Puts the tree at `new` in the place of `target`, a folder beside it or nothing.
///
/// On Linux, `renameat2(RENAME_EXCHANGE)` swaps them in one step, so that whoever looks
/// at `target`, a web server or a build killed at any instant, sees the whole of one tree
/// or the whole of the other. Where the file system cannot exchange (before Linux 3.15,
/// some network file systems) and on other systems, the previous tree is renamed to
/// `aside` and the new one into place: each tree stays whole, but for an instant
/// `target` is missing, and a crash then leaves the previous site at `aside`, where
/// the next build finds it.
pub fn swap(new: &Path, target: &Path, aside: &Path) -> io::Result<Swapped> {
    if fs::symlink_metadata(target).is_err() {
        rename(new, target)?;
        return Ok(Swapped::Nothing);
    }
    #[cfg(target_os = "linux")]
    match exchange(new, target) {
        Ok(()) => return Ok(Swapped::Exchanged),
        Err(error) if !matches!(error.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {
            return Err(error);
        }
        // The file system cannot exchange: fall through to the two renames.
        Err(_) => {}
    }
    rename(target, aside)?;
    if let Err(error) = rename(new, target) {
        // Put the published site back before reporting, so that it is never lost.
        let _restored = rename(aside, target);
        return Err(error);
    }
    Ok(Swapped::MovedAside)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c_path = |path: &Path| {
        CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in a path"))
    };
    let (a, b) = (c_path(a)?, c_path(b)?);
    // The system call rather than the C library's wrapper: musl, which the static Linux
    // package is built with, has no renameat2 function (the link fails), while every
    // kernel since 3.15 has the call.
    // SAFETY: two NUL-terminated paths that live across the call, relative to nothing.
    let done = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Removes the tree at `dir`, if there is one, on every core: what a killed build left
/// beside the output, or a previous output not worth keeping, all loa's own. A folder someone made
/// read-only is made writable first, as `rm -rf` would not but the owner may. Symbolic
/// links are removed, never followed.
pub fn remove(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
        Ok(meta) if !meta.is_dir() => fs::remove_file(dir),
        Ok(meta) => {
            writable(dir, &meta)?;
            remove_contents(dir)?;
            fs::remove_dir(dir)
        }
    }
}

fn remove_contents(dir: &Path) -> io::Result<()> {
    let entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            writable(&path, &fs::symlink_metadata(&path)?)?;
            remove_contents(&path)?;
            fs::remove_dir(&path)
        } else {
            fs::remove_file(&path)
        }
    })
}

/// Lets the owner list and change the folder `dir`.
pub fn make_writable(dir: &Path) -> io::Result<()> {
    writable(dir, &fs::symlink_metadata(dir)?)
}

fn writable(dir: &Path, meta: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o700 != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(mode | 0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta);
    Ok(())
}
