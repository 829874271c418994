//! Loading: everything a build reads before it resolves anything. `site.yaml` (config),
//! the YAML reader every YAML file goes through (yaml), the files under `content/`
//! (content), the theme's templates and static files (theme), the rules every file name
//! meets to be published (names), and the site's own province file.
//!
//! Reads files and checks each one on its own; knows nothing of templates' output,
//! links between pages or figures added up, which are resolved later.

pub mod config;
pub mod content;
pub mod names;
pub(crate) mod theme;
pub mod yaml;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{self, Diagnostic, Diagnostics, relative};
use crate::i18n::Msg;
use crate::provinces::Registry;
use config::Config;

/// Reads and checks `site.yaml` at `root`. Its problems are the site's configuration's.
pub fn site_yaml(root: &Path) -> Result<Config, Diagnostics> {
    site_yaml_text(root).map(|(config, _)| config)
}

/// The checked configuration and the text it was read from.
pub fn site_yaml_text(root: &Path) -> Result<(Config, String), Diagnostics> {
    let path = root.join(config::FILE_NAME);
    let source = std::fs::read(&path).map_err(|error| {
        let path = path.display().to_string();
        let message = if error.kind() == std::io::ErrorKind::NotFound {
            Msg::NoSiteHere { path }
        } else {
            Msg::CannotRead {
                path,
                error: error.to_string(),
            }
        };
        Diagnostics::from(
            Diagnostic::new(config::FILE_NAME, message.to_string())
                .help(Msg::NoSiteHereHelp.to_string()),
        )
    })?;
    let text = content::decode(&source).map_err(|_| {
        Diagnostics::from(
            Diagnostic::new(config::FILE_NAME, Msg::SiteYamlNotUtf8.to_string())
                .help(Msg::SaveAsUtf8Help.to_string()),
        )
    })?;
    let config = Config::parse(config::FILE_NAME, &text)?;
    Ok((config, text))
}

/// Where a site extends or overrides the province registry.
pub const PROVINCES_FILE: &str = "data/provinces.yaml";

/// The built-in province registry, extended by the site's `data/provinces.yaml` when it
/// has one. A file that cannot be read or used is a problem at its line.
pub fn registry(root: &Path) -> Result<Registry, Diagnostics> {
    let path = root.join(PROVINCES_FILE);
    let mut registry = Registry::builtin().clone();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(registry),
        Err(error) => {
            return Err(Diagnostic::new(
                PROVINCES_FILE,
                Msg::FileCannotRead {
                    error: error.to_string(),
                }
                .to_string(),
            )
            .into());
        }
    };
    let text = content::decode(&bytes).map_err(|_| {
        Diagnostics::from(
            Diagnostic::new(PROVINCES_FILE, Msg::FileNotUtf8.to_string())
                .help(Msg::SaveAsUtf8Help.to_string()),
        )
    })?;
    registry.extend(&text).map_err(|error| {
        let mut diagnostic =
            Diagnostic::new(PROVINCES_FILE, error.message).help(Msg::ProvincesFileHelp.to_string());
        if let Some(line) = error.line {
            diagnostic = diagnostic.at(diagnostics::Location::at_line(
                &text,
                line,
                error.column.unwrap_or(1),
                1,
            ));
        }
        Diagnostics::from(diagnostic)
    })?;
    Ok(registry)
}

/// Every file and every folder under `dir`, editor files (`content::is_ignored_name`)
/// left out, in the walk's order or, with `sorted`, by name; a folder that cannot be read
/// is a problem at its path.
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    sorted: bool,
    problems: &mut Diagnostics,
) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let walker = if sorted {
        WalkDir::new(dir).sort_by_file_name()
    } else {
        WalkDir::new(dir)
    };
    let shown = |e: &walkdir::DirEntry| {
        e.depth() == 0 || !content::is_ignored_name(&e.file_name().to_string_lossy())
    };
    for entry in walker.into_iter().filter_entry(shown) {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(entry) if entry.file_type().is_dir() && entry.depth() > 0 => {
                dirs.push(entry.into_path())
            }
            Ok(_) => {}
            Err(error) => problems.push(Diagnostic::new(
                relative(root, error.path().unwrap_or(dir)),
                Msg::FolderCannotRead {
                    error: error.to_string(),
                }
                .to_string(),
            )),
        }
    }
    (files, dirs)
}
