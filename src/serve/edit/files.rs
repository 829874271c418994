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
    /// For a file that is not UTF-8, where its first fault is: `text` has it replaced,
    /// and saving would change bytes the officer never saw.
    pub not_utf8_at: Option<usize>,
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

/// Where an article's photos and documents go: the folder of its bundle, made from
/// the article's file when it is one file (`content/tin-tuc/a.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// As the page names the article.
    article: String,
    /// The article's file on disk, when it is still one file to move.
    single: Option<PathBuf>,
    /// The folder on disk.
    folder: PathBuf,
}

/// The bundle of `file`: an article of a section, one file or a folder already. A
/// section's `_index.md` and a page outside a section have none.
pub fn bundle_of(file: &ArticleFile) -> Option<Bundle> {
    let inside = file.path.strip_prefix(&format!("{CONTENT_DIR}/"))?;
    let parts: Vec<&str> = inside.split('/').collect();
    match parts.as_slice() {
        [_, _, "index.md"] => Some(Bundle {
            article: file.path.clone(),
            single: None,
            folder: file.file.parent()?.to_path_buf(),
        }),
        [section, name] if *name != "_index.md" && *name != "index.md" => {
            let stem = name.strip_suffix(".md")?;
            Some(Bundle {
                article: format!("{CONTENT_DIR}/{section}/{stem}/index.md"),
                single: Some(file.file.clone()),
                folder: file.file.parent()?.join(stem),
            })
        }
        _ => None,
    }
}

impl Bundle {
    /// The folder as the page names paths: `content/tin-tuc/a`.
    pub fn folder_path(&self) -> String {
        self.article.trim_end_matches("/index.md").to_string()
    }

    /// Makes the article a folder of its own, when it is one file: the folder is made
    /// and the file moved into it as `index.md`, in one rename. The article's path then.
    pub fn become_bundle(&self) -> std::io::Result<String> {
        if let Some(single) = &self.single {
            std::fs::create_dir(&self.folder)?;
            let moved = crate::output::save::move_file(single, &self.folder.join("index.md"));
            if let Err(error) = moved {
                let _ = std::fs::remove_dir(&self.folder);
                return Err(error);
            }
        }
        Ok(self.article.clone())
    }

    /// Writes `bytes` as `name` in the folder, or as `name` with `-2`, `-3`, … before
    /// its extension when that is taken; the name written.
    pub fn write_new(&self, name: &str, bytes: &[u8]) -> std::io::Result<String> {
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
        for n in 1.. {
            let candidate = match n {
                1 => name.to_string(),
                n => format!("{stem}-{n}.{extension}"),
            };
            match crate::output::save::write(&self.folder.join(&candidate), bytes, false) {
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
                Ok(()) => return Ok(candidate),
            }
        }
        Err(std::io::ErrorKind::AlreadyExists.into())
    }
}

/// The name an upload is saved under: its name made an ASCII slug as `build` makes
/// addresses, its extension in lower case; `None` unless it is a photo `build`
/// resizes or a document the `document` shortcode shows.
pub fn safe_name(name: &str) -> Option<String> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    let photo = crate::output::photos::is_photo_name(&format!("x.{extension}"));
    let document = crate::load::content::is_document(Path::new(&format!("x.{extension}")));
    if !photo && !document {
        return None;
    }
    let mut stem = crate::vi::slugify(stem);
    if stem.is_empty() {
        stem = if photo { "anh" } else { "tai-lieu" }.to_string();
    }
    // Room for `-NN` and the extension within a slug's 100 bytes.
    crate::vi::cut_slug(&mut stem, 90);
    Some(format!("{stem}.{extension}"))
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
        not_utf8_at: std::str::from_utf8(bytes).err().map(|e| e.valid_up_to()),
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
    fn upload_names_are_made_safe() {
        let cases = [
            ("Ảnh Lễ ra mắt.JPG", Some("anh-le-ra-mat.jpg")),
            ("../../etc/passwd.png", Some("passwd.png")),
            ("C:\\Users\\a\\Kế hoạch 2024.PDF", Some("ke-hoach-2024.pdf")),
            (".hidden.jpeg", Some("hidden.jpeg")),
            (".JPG", Some("anh.jpg")),
            ("script.js", None),
            ("khong-co-duoi", None),
            ("ảnh.webp", Some("anh.webp")),
        ];
        for (name, safe) in cases {
            assert_eq!(safe_name(name).as_deref(), safe, "{name}");
        }
    }

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
