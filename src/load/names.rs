//! What the name of a file or folder under `content/` or `static/` must be for loa to
//! publish it under that name: no control character (a name with a line break was
//! published, and recorded in the output's marker as two lines, so that it outlived its
//! source), and no sibling that is the same name once both are NFC (Windows and macOS
//! take the two for one file; Linux published both).
//!
//! Pure over the paths a walk found: no I/O. A refused name is reported at its file or
//! folder, and neither it nor what a refused folder holds is loaded, so that it causes
//! no second message.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::{Diagnostic, Diagnostics, relative, shown_name};
use crate::i18n::Msg;
use crate::vi;

/// The longest file or folder name, in bytes, that ext4, APFS and NTFS all take.
pub const NAME_MAX: usize = 255;

/// The names under one folder that cannot be published, and the paths not to load.
#[derive(Debug, Default)]
pub struct Refused {
    pub problems: Diagnostics,
    /// Files and folders to leave out, with everything under them.
    pub paths: Vec<PathBuf>,
}

impl Refused {
    /// Whether `path` is refused or lies in a refused folder.
    pub fn covers(&self, path: &Path) -> bool {
        !self.paths.is_empty() && self.paths.iter().any(|refused| path.starts_with(refused))
    }
}

/// Checks the names of `files` and `dirs` (everything a walk found under one folder,
/// that folder left out); messages name them relative to `root`.
pub fn check(root: &Path, files: &[PathBuf], dirs: &[PathBuf]) -> Refused {
    let mut refused = Refused::default();
    let entries = || {
        files
            .iter()
            .map(|path| (path, false))
            .chain(dirs.iter().map(|path| (path, true)))
    };
    // Two names are one once NFC only if one of them is not NFC: most sites have none.
    let mut not_nfc: HashSet<(&Path, String)> = HashSet::new();
    for (path, _) in entries() {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            continue;
        };
        let name = name.to_string_lossy();
        if name.chars().any(char::is_control) {
            refused.problems.push(
                Diagnostic::new(
                    relative(root, path),
                    Msg::NameControlChar {
                        name: shown_name(&name),
                    }
                    .to_string(),
                )
                .help(
                    Msg::NameControlCharHelp {
                        example: without_control(&name),
                    }
                    .to_string(),
                ),
            );
            refused.paths.push(path.clone());
            continue;
        }
        if let std::borrow::Cow::Owned(nfc) = vi::nfc(&name) {
            not_nfc.insert((parent, nfc));
        }
    }
    if not_nfc.is_empty() {
        return refused;
    }
    let mut twins: BTreeMap<(&Path, String), Vec<(&PathBuf, bool)>> = BTreeMap::new();
    for (path, is_dir) in entries() {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            continue;
        };
        let key = (parent, vi::nfc(&name.to_string_lossy()).into_owned());
        if not_nfc.contains(&key) {
            twins.entry(key).or_default().push((path, is_dir));
        }
    }
    for ((_, name), mut group) in twins {
        if group.len() < 2 {
            continue;
        }
        // The one kept: NFC if there is one, then the first by bytes.
        group.sort_by_key(|(path, _)| (form(path) != "NFC", path.as_os_str().to_owned()));
        let (kept, _) = group[0];
        for &(other, is_dir) in &group[1..] {
            let kept_shown = relative(root, kept).to_string_lossy().replace('\\', "/");
            refused.problems.push(
                Diagnostic::new(
                    relative(root, other),
                    Msg::TwinNames {
                        name: name.clone(),
                        folder: is_dir,
                        form: form(other),
                        other: form(kept),
                    }
                    .to_string(),
                )
                .note(
                    Msg::TwinOther {
                        path: kept_shown,
                        folder: is_dir,
                    }
                    .to_string(),
                )
                .help(Msg::TwinNamesHelp { folder: is_dir }.to_string()),
            );
            refused.paths.push(other.clone());
        }
    }
    refused
}

/// The Unicode form a path's last name is written in: `NFC`, `NFD`, or `mixed`.
fn form(path: &Path) -> &'static str {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if matches!(vi::nfc(&name), std::borrow::Cow::Borrowed(_)) {
        "NFC"
    } else if name.nfd().eq(name.chars()) {
        "NFD"
    } else {
        "mixed"
    }
}

/// `name` with each run of control characters made a `-`, where that leaves a name:
/// `a\nb.md` -> `a-b.md`, `anh\u{1b}.jpg` -> `anh.jpg`.
fn without_control(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !c.is_control() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.replace("-.", ".");
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_one_dash_where_they_part_words() {
        let cases = [
            ("a\nb.md", "a-b.md"),
            ("anh\u{1b}.jpg", "anh.jpg"),
            ("\tbai\r\n.md", "bai.md"),
            ("tin\ntuc", "tin-tuc"),
        ];
        for (name, example) in cases {
            assert_eq!(without_control(name), example, "{name:?}");
        }
    }

    #[test]
    fn forms_are_told_apart() {
        assert_eq!(form(Path::new("a/\u{1ea3}nh.jpg")), "NFC");
        assert_eq!(form(Path::new("a/a\u{309}nh.jpg")), "NFD");
        assert_eq!(form(Path::new("a/\u{1ec5}a\u{309}")), "mixed");
    }

    #[test]
    fn twins_keep_the_nfc_one_and_refuse_the_others() {
        let root = Path::new("/site");
        let nfc = PathBuf::from("/site/content/\u{1ea3}nh.jpg");
        let nfd = PathBuf::from("/site/content/a\u{309}nh.jpg");
        let other = PathBuf::from("/site/content/anh.jpg");
        let refused = check(root, &[nfd.clone(), other, nfc], &[]);
        assert_eq!(refused.paths, std::slice::from_ref(&nfd));
        assert_eq!(refused.problems.len(), 1);
        assert!(refused.covers(&nfd));
        let nfd_dir = PathBuf::from("/site/content/le\u{302}\u{303}");
        let nfc_dir = PathBuf::from("/site/content/l\u{1ec5}");
        let refused = check(
            root,
            &[nfd_dir.join("a.md"), nfc_dir.join("b.md")],
            &[nfd_dir.clone(), nfc_dir],
        );
        assert_eq!(refused.paths, std::slice::from_ref(&nfd_dir));
        assert!(refused.covers(&nfd_dir.join("a.md")));
    }
}
