//! Finding a site's templates and theme files: the site's `templates/` over
//! `themes/<theme>/`, over the default theme compiled into the binary.
//!
//! Reads files, never writes. Hands templates to `render` as text.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, relative};
use crate::i18n::Msg;
use crate::load::config::Config;
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
        "archive.html",
        include_str!("../../themes/default/templates/archive.html"),
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
        "partials/archive_years.html",
        include_str!("../../themes/default/templates/partials/archive_years.html"),
    ),
    (
        "partials/article_card.html",
        include_str!("../../themes/default/templates/partials/article_card.html"),
    ),
    (
        "partials/at_a_glance.html",
        include_str!("../../themes/default/templates/partials/at_a_glance.html"),
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
        "partials/video.html",
        include_str!("../../themes/default/templates/partials/video.html"),
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
        "shortcodes/document.html",
        include_str!("../../themes/default/templates/shortcodes/document.html"),
    ),
    (
        "shortcodes/facebook.html",
        include_str!("../../themes/default/templates/shortcodes/facebook.html"),
    ),
    (
        "shortcodes/figures.html",
        include_str!("../../themes/default/templates/shortcodes/figures.html"),
    ),
    (
        "shortcodes/youtube.html",
        include_str!("../../themes/default/templates/shortcodes/youtube.html"),
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
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
];

/// A site's own stylesheet in `static/`, linked after the theme's by the default theme.
pub const SITE_CSS: &str = "site.css";

/// The problem with the logo of `config`: an image that `static_files` lacks. At the
/// line of `src` in `site_yaml`, the text of site.yaml.
pub fn logo_problem(
    config: &Config,
    site_yaml: &str,
    static_files: &[StaticFile],
) -> Option<Diagnostic> {
    let logo = config.logo.as_ref()?;
    if static_files
        .iter()
        .any(|file| file.output() == logo.output())
    {
        return None;
    }
    let mut problem = Diagnostic::new(
        crate::load::config::FILE_NAME,
        Msg::LogoMissing {
            src: logo.src.clone(),
        }
        .to_string(),
    )
    .help(Msg::LogoNotStaticHelp.to_string());
    problem.location = crate::load::config::locate_key(site_yaml, 1, &["logo", "src"]);
    Some(problem)
}

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
    /// The site has `static/site.css`, its own styles, which pages link after the
    /// theme's.
    pub site_css: bool,
    /// A file of the site's `static/` that replaces one of the theme's.
    pub warnings: Diagnostics,
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
        // The built-in shortcodes work with any theme; a theme may restyle them.
        templates.extend(
            DEFAULT_TEMPLATES
                .iter()
                .filter(|(name, _)| {
                    name.starts_with("shortcodes/") || *name == "partials/video.html"
                })
                .map(|(name, text)| TemplateSource {
                    name: name.to_string(),
                    path: format!("(built-in default theme)/templates/{name}"),
                    text: text.to_string(),
                }),
        );
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
    let site_static = list_static(root, &root.join("static"), &mut problems, &mut refused);
    let mut warnings = Diagnostics::default();
    for file in &site_static {
        if static_files
            .iter()
            .any(|theirs| theirs.output() == file.output())
        {
            warnings.push(
                Diagnostic::new(
                    format!("static/{}", file.output()),
                    Msg::ThemeFileReplaced {
                        path: file.output().to_string(),
                    }
                    .to_string(),
                )
                .help(Msg::ThemeFileReplacedHelp.to_string())
                .warning(),
            );
        }
    }
    let site_css = site_static.iter().any(|file| file.output() == SITE_CSS);
    static_files.extend(site_static);
    problems.into_result()?;
    Ok(Theme {
        refused,
        templates,
        static_files,
        site_css,
        warnings,
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
