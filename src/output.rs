//! Writing the built site: into a staging folder beside the output, swapped in whole
//! only when every page succeeded, so that a failed build leaves the published site as
//! it was.
//!
//! The only module that writes or deletes. It deletes nothing but its own staging and
//! previous-output folders, and refuses an output folder that holds the site itself or
//! that it did not create.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

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
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Refused(message) => f.write_str(message),
            Self::Io { context, error } => write!(f, "{context}\ncaused by: {error}"),
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
}

/// Checks that `out` may receive a build of the site at `root` and prepares an empty
/// staging folder beside it.
pub fn stage(root: &Path, out: &Path, force: bool) -> Result<Staging, OutputError> {
    let root = absolute(root);
    let target = absolute(out);
    if root.starts_with(&target) {
        return Err(OutputError::Refused(format!(
            "refusing to write into {}: it contains the site itself, which a build would replace",
            target.display()
        )));
    }
    if target.starts_with(root.join(crate::content::CONTENT_DIR)) {
        return Err(OutputError::Refused(format!(
            "refusing to write into {}: it is inside content/, which the next build would read back",
            target.display()
        )));
    }
    if target.is_file() {
        return Err(OutputError::Refused(format!(
            "refusing to write into {}: it is a file, not a folder",
            target.display()
        )));
    }
    if target.is_dir() && !target.join(MARKER).is_file() && !force {
        let is_empty = fs::read_dir(&target)
            .map_err(io_context(format!("reading {}", target.display())))?
            .next()
            .is_none();
        if !is_empty {
            return Err(OutputError::Refused(format!(
                "refusing to replace {}: it is not empty and was not made by loa; choose another --out, or pass --force to replace it",
                target.display()
            )));
        }
    }
    let dir = sibling(&target, "staging");
    remove_if_present(&dir)?;
    fs::create_dir_all(&dir).map_err(io_context(format!("creating {}", dir.display())))?;
    Ok(Staging { dir, target })
}

impl Staging {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `relative` (forward slashes) inside the staging folder.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| write_failed(&path, e))?;
        }
        fs::write(&path, bytes).map_err(|e| write_failed(&path, e))
    }

    /// Copies the file at `source` to `relative` inside the staging folder.
    pub fn copy(&self, relative: &str, source: &Path) -> Result<(), Diagnostic> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| write_failed(&path, e))?;
        }
        fs::copy(source, &path)
            .map(|_| ())
            .map_err(|e| write_failed(&path, e))
    }

    /// Replaces the output folder with the staging folder.
    pub fn publish(self) -> Result<(), OutputError> {
        fs::write(
            self.dir.join(MARKER),
            concat!("loa ", env!("CARGO_PKG_VERSION"), "\n"),
        )
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

    /// Removes the staging folder after a failed build.
    pub fn discard(self) -> Result<(), OutputError> {
        remove_if_present(&self.dir)
    }
}

fn write_failed(path: &Path, error: io::Error) -> Diagnostic {
    Diagnostic::new(path, format!("cannot write this file: {error}"))
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
mod tests {
    use super::*;

    #[test]
    fn an_output_folder_containing_the_site_is_refused() {
        let site = tempfile::tempdir().unwrap();
        let error = stage(site.path(), site.path(), false).unwrap_err();
        assert!(matches!(error, OutputError::Refused(_)), "{error}");
        let parent = site.path().parent().unwrap();
        assert!(matches!(
            stage(site.path(), parent, false),
            Err(OutputError::Refused(_))
        ));
        let inside_content = site.path().join("content/public");
        assert!(matches!(
            stage(site.path(), &inside_content, false),
            Err(OutputError::Refused(_))
        ));
    }

    #[test]
    fn a_foreign_non_empty_folder_is_refused_unless_forced() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            stage(site.path(), &out, false),
            Err(OutputError::Refused(_))
        ));
        let staging = stage(site.path(), &out, true).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.publish().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
        assert!(!out.join("notes.txt").exists());
        assert!(
            stage(site.path(), &out, false).is_ok(),
            "loa's own output may be replaced"
        );
    }
}
