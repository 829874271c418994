//! Which files the editor may read and write, and reading them: a path the page sends
//! is taken only when it names a Markdown file under `content/` by a name `build`
//! accepts, and only when, symbolic links resolved, it is still there.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::fields::Fields;
use crate::load::content::{CONTENT_DIR, is_ignored_name};
use crate::load::yaml;

/// The largest upload taken: a photo of 50 megapixels as a camera's JPEG, with room.
pub const UPLOAD_BYTES: usize = 64 * 1024 * 1024;

/// A Markdown file under `content/` that the editor may read and write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// As the page names it: `content/tin-tuc/a.md`.
    pub path: String,
    /// On disk, symbolic links resolved.
    pub file: PathBuf,
}

/// The file opened in the form.
pub struct Opened {
    /// What the file holds, whole, as on disk.
    pub text: String,
    /// The hash of the file's bytes.
    pub version: String,
    pub fields: Fields,
    /// Where the body starts in `text`.
    pub body_offset: usize,
    pub body: String,
}

/// Whether `path` is a relative path of plain names, each one `build` would publish.
pub fn is_plain(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', '\0'])
        && !path.chars().any(char::is_control)
        && Path::new(path).components().all(|c| match c {
            Component::Normal(name) => name.to_str().is_some_and(|name| {
                !is_ignored_name(name) && name.len() <= crate::load::names::NAME_MAX
            }),
            _ => false,
        })
        && !path.split('/').any(str::is_empty)
}

/// The Markdown file `path` names under `content/` of `root` (canonical), when it is one.
pub fn article(root: &Path, path: &str) -> Option<ArticleFile> {
    let inside = path.strip_prefix(&format!("{CONTENT_DIR}/"))?;
    if !is_plain(inside) || !inside.ends_with(".md") || inside.split('/').count() > 3 {
        return None;
    }
    let content = root.join(CONTENT_DIR).canonicalize().ok()?;
    let file = root.join(path).canonicalize().ok()?;
    (file.starts_with(&content) && file.is_file()).then(|| ArticleFile {
        path: path.to_string(),
        file,
    })
}

/// The hash of a file's bytes, which a save must name to overwrite it.
pub fn version(bytes: &[u8]) -> String {
    format!(
        "{:032x}",
        crate::fingerprint::Fingerprint::new().bytes(bytes).finish()
    )
}

impl ArticleFile {
    /// Reads the file as the form shows it.
    pub fn read(&self) -> std::io::Result<Opened> {
        let bytes = std::fs::read(&self.file)?;
        Ok(opened(&bytes))
    }
}

/// What a Markdown file of `bytes` shows in the form. A file that is not UTF-8 is read
/// with its faults replaced; one without a front matter has empty fields and all its
/// text as its body.
pub fn opened(bytes: &[u8]) -> Opened {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (fields, body_offset) = match yaml::split(&text[start..]) {
        Ok(split) => (Fields::read(split.yaml), start + split.body_offset),
        Err(_) => (Fields::default(), start),
    };
    Opened {
        version: version(bytes),
        fields,
        body: text[body_offset..].to_string(),
        body_offset,
        text,
    }
}

/// Every Markdown file under `content/` of `root` but those in `known`, with its
/// fields: the drafts a build leaves out, and files it could not read.
pub fn other_articles(root: &Path, known: &HashSet<String>) -> Vec<(String, Fields)> {
    let content = root.join(CONTENT_DIR);
    walkdir::WalkDir::new(&content)
        .max_depth(3)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let inside = e.path().strip_prefix(&content).ok()?;
            let path = format!(
                "{CONTENT_DIR}/{}",
                inside.to_string_lossy().replace('\\', "/")
            );
            if known.contains(&path) {
                return None;
            }
            let bytes = std::fs::read(e.path()).ok()?;
            Some((path, opened(&bytes).fields))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_under_content_are_articles() {
        let dir = tempfile::tempdir().expect("a folder");
        let root = dir.path().canonicalize().expect("canonical");
        std::fs::create_dir_all(root.join("content/tin-tuc")).expect("folders");
        std::fs::write(root.join("content/tin-tuc/a.md"), "---\ntitle: A\n---\n").expect("a");
        std::fs::write(root.join("site.yaml"), "title: x\n").expect("site.yaml");
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("site.yaml"), root.join("content/tin-tuc/ra.md"))
            .expect("a link");
        assert!(article(&root, "content/tin-tuc/a.md").is_some());
        for refused in [
            "content/tin-tuc/../tin-tuc/a.md",
            "content/./tin-tuc/a.md",
            "/content/tin-tuc/a.md",
            "content//tin-tuc/a.md",
            "content\\tin-tuc\\a.md",
            "content/tin-tuc/b.md",
            "content/tin-tuc/ra.md",
            "content/tin-tuc/.a.md",
            "site.yaml",
            "content/tin-tuc",
            "static/a.md",
        ] {
            assert_eq!(article(&root, refused), None, "{refused}");
        }
    }
}
