//! Finding a site's templates and theme files: the site's `templates/` over
//! `themes/<theme>/`, over the default theme compiled into the binary.
//!
//! Reads files, never writes. Hands templates to `render` as text.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, relative};
use crate::load::names;

/// The default theme, compiled in so that a site made anywhere builds without a copy.
/// `the_embedded_default_theme_matches_the_folder` keeps this list in step with
/// `themes/default/`.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "alias.html",
        include_str!("../../themes/default/templates/alias.html"),
    ),
    (
        "article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "atom.xml",
        include_str!("../../themes/default/templates/atom.xml"),
    ),
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "partials/article_card.html",
        include_str!("../../themes/default/templates/partials/article_card.html"),
    ),
    (
        "partials/figure.html",
        include_str!("../../themes/default/templates/partials/figure.html"),
    ),
    (
        "partials/origin.html",
        include_str!("../../themes/default/templates/partials/origin.html"),
    ),
    (
        "partials/pager_links.html",
        include_str!("../../themes/default/templates/partials/pager_links.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../themes/default/templates/partials/pagination.html"),
    ),
    (
        "partials/stats_chart.html",
        include_str!("../../themes/default/templates/partials/stats_chart.html"),
    ),
    (
        "partials/stats_history.html",
        include_str!("../../themes/default/templates/partials/stats_history.html"),
    ),
    (
        "partials/tile_map.html",
        include_str!("../../themes/default/templates/partials/tile_map.html"),
    ),
    (
        "partials/toc.html",
        include_str!("../../themes/default/templates/partials/toc.html"),
    ),
    (
        "robots.txt",
        include_str!("../../themes/default/templates/robots.txt"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "section.html",
        include_str!("../../themes/default/templates/section.html"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "stats.html",
        include_str!("../../themes/default/templates/stats.html"),
    ),
    (
        "stats_province.html",
        include_str!("../../themes/default/templates/stats_province.html"),
    ),
    (
        "taxonomy.html",
        include_str!("../../themes/default/templates/taxonomy.html"),
    ),
    (
        "term.html",
        include_str!("../../themes/default/templates/term.html"),
    ),
];

pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
];

/// A file copied into the output as it is.
#[derive(Debug, Clone)]
pub enum StaticFile {
    OnDisk {
        source: PathBuf,
        output: String,
    },
    Embedded {
        bytes: &'static [u8],
        output: String,
    },
}

impl StaticFile {
    pub fn output(&self) -> &str {
        match self {
            Self::OnDisk { output, .. } | Self::Embedded { output, .. } => output,
        }
    }
}

/// One template, as text, with the path shown in messages.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub name: String,
    pub path: String,
    pub text: String,
}

pub struct Theme {
    pub templates: Vec<TemplateSource>,
    pub static_files: Vec<StaticFile>,
    /// Static files left out because their names cannot be published: problems of the
    /// site's files (exit code 1), not of its settings.
    pub refused: Diagnostics,
}

/// Collects templates and static files for the theme `name` of the site at `root`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
    let mut problems = Diagnostics::default();
    let mut refused = Diagnostics::default();
    let theme_dir = root.join("themes").join(name);
    let mut templates = Vec::new();
    let mut static_files = Vec::new();
    if theme_dir.is_dir() {
        templates.extend(read_templates(
            root,
            &theme_dir.join("templates"),
            &mut problems,
        ));
        static_files.extend(list_static(
            root,
            &theme_dir.join("static"),
            &mut problems,
            &mut refused,
        ));
    } else if name == "default" {
        templates.extend(DEFAULT_TEMPLATES.iter().map(|(name, text)| TemplateSource {
            name: name.to_string(),
            path: format!("(built-in default theme)/templates/{name}"),
            text: text.to_string(),
        }));
        static_files.extend(
            DEFAULT_STATIC
                .iter()
                .map(|(output, bytes)| StaticFile::Embedded {
                    bytes,
                    output: output.to_string(),
                }),
        );
    } else {
        problems.push(
            Diagnostic::new(
                relative(root, &theme_dir),
                format!("the theme `{name}` does not exist"),
            )
            .help("write `theme: default` in site.yaml, or add the theme under themes/"),
        );
    }
    templates.extend(read_templates(root, &root.join("templates"), &mut problems));
    static_files.extend(list_static(
        root,
        &root.join("static"),
        &mut problems,
        &mut refused,
    ));
    problems.into_result()?;
    Ok(Theme {
        refused,
        templates,
        static_files,
    })
}

/// Every file under `dir` with its path inside it (forward slashes). With `refused`, a
/// file whose name cannot be published is left out and reported there.
fn files_under(
    root: &Path,
    dir: &Path,
    problems: &mut Diagnostics,
    refused: Option<&mut Diagnostics>,
) -> Vec<(PathBuf, String)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let (mut files, dirs) = super::walk(root, dir, true, problems);
    if let Some(refused) = refused {
        let names = names::check(root, &files, &dirs);
        if !names.paths.is_empty() {
            files.retain(|file| !names.covers(file));
        }
        refused.extend(names.problems);
    }
    files
        .into_iter()
        .map(|file| {
            let name = file
                .strip_prefix(dir)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            (file, name)
        })
        .collect()
}

fn read_templates(root: &Path, dir: &Path, problems: &mut Diagnostics) -> Vec<TemplateSource> {
    files_under(root, dir, problems, None)
        .into_iter()
        .filter_map(|(path, name)| {
            let shown = relative(root, &path);
            match std::fs::read(&path).map(|bytes| crate::load::content::decode(&bytes)) {
                Ok(Ok(text)) => Some(TemplateSource {
                    name,
                    path: shown.to_string_lossy().replace('\\', "/"),
                    text,
                }),
                Ok(Err(_)) => {
                    problems.push(
                        Diagnostic::new(shown, "this template is not UTF-8 text")
                            .help("save it again with the encoding \"UTF-8\""),
                    );
                    None
                }
                Err(error) => {
                    problems.push(Diagnostic::new(
                        shown,
                        format!("cannot read this file: {error}"),
                    ));
                    None
                }
            }
        })
        .collect()
}

/// The files under a `static/` folder, copied under their own names: one whose name
/// cannot be published is reported in `refused` and left out.
fn list_static(
    root: &Path,
    dir: &Path,
    problems: &mut Diagnostics,
    refused: &mut Diagnostics,
) -> Vec<StaticFile> {
    files_under(root, dir, problems, Some(refused))
        .into_iter()
        .map(|(source, output)| StaticFile::OnDisk { source, output })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_default_theme_matches_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut problems = Diagnostics::default();
        let on_disk: Vec<(String, String)> =
            read_templates(&dir, &dir.join("templates"), &mut problems)
                .into_iter()
                .map(|t| (t.name, t.text))
                .collect();
        let embedded: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        assert_eq!(on_disk, embedded);
        let mut refused = Diagnostics::default();
        let statics: Vec<String> =
            list_static(&dir, &dir.join("static"), &mut problems, &mut refused)
                .iter()
                .map(|f| f.output().to_string())
                .collect();
        let embedded_statics: Vec<&str> = DEFAULT_STATIC.iter().map(|(n, _)| *n).collect();
        assert_eq!(statics, embedded_statics);
        assert!(problems.is_empty() && refused.is_empty());
    }
}
