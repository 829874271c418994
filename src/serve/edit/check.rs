//! What the editor shows beside the form: the article's page as a build of the text
//! would render it, and every problem `build` would report in that text, each with
//! the field of the form it belongs to.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::content::Overlay;
use crate::load::yaml;
use crate::serve::session::Session;

/// The outcome of building the site with one file's text replaced.
pub struct Checked {
    /// The article's page, when the site built.
    pub html: Option<Vec<u8>>,
    /// Its address, when it has a page.
    pub url: Option<String>,
    /// The problems in the file, as the editor's API gives them.
    pub problems: Vec<Value>,
    /// Whether any of them is an error.
    pub errors: bool,
}

/// Builds the site of `session` with the file at `path` (`content/…`) holding `text`.
pub fn check(session: &mut Session, path: &str, text: &str) -> Checked {
    if let Some(quick) = session.preview_body(Path::new(path), text) {
        return Checked {
            html: Some(quick.html),
            url: Some(quick.url),
            problems: quick.problems.iter().map(|d| problem(text, d)).collect(),
            errors: false,
        };
    }
    let outcome = session.preview(Overlay {
        path: PathBuf::from(path),
        text: text.to_string(),
    });
    let mine = |d: &&Diagnostic| d.display_path() == path;
    let (found, html, url): (Vec<Diagnostic>, _, _) = match outcome {
        Ok(prepared) => {
            let page = super::read::page_of(&prepared, path);
            let html = page.as_ref().and_then(|url| {
                let plan = prepared.plan(session.options().today);
                plan.render(&crate::render::output_path(url))?.ok()
            });
            let base = prepared.renderer.base_path().to_string();
            let found = prepared.warnings.iter().filter(mine).cloned().collect();
            (found, html, page.map(|url| format!("{base}{url}")))
        }
        Err(crate::build::Error::Content(problems) | crate::build::Error::Config(problems)) => {
            (problems.iter().filter(mine).cloned().collect(), None, None)
        }
        Err(crate::build::Error::Output(_)) => (Vec::new(), None, None),
    };
    let errors = found.iter().any(|d| d.severity == Severity::Error);
    Checked {
        html,
        url,
        problems: found.iter().map(|d| problem(text, d)).collect(),
        errors,
    }
}

/// A problem as the editor's API gives it (P of the contract).
fn problem(text: &str, diagnostic: &Diagnostic) -> Value {
    let (line, column) = match &diagnostic.location {
        Some(location) => (Some(location.line), Some(location.column)),
        None => (None, None),
    };
    // A missing date is told at the title's line, where there is no date to point at.
    let field = if diagnostic.message == crate::i18n::Msg::NeedsDate.to_string() {
        Some("date".to_string())
    } else {
        line.and_then(|line| field_at(text, line, column.unwrap_or(1)))
    };
    json!({
        "field": field,
        "line": line,
        "column": column,
        "message": diagnostic.message,
        "help": diagnostic.help,
        "severity": match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
    })
}

/// The field of the form that holds line `line`, column `column` (both from 1) of the
/// file `text`: `title`, `stats.figures.teams`, `image.alt`, or `body` for a line after
/// the front matter.
pub fn field_at(text: &str, line: usize, column: usize) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let split = yaml::split(text).ok()?;
    let yaml_lines = split.yaml.lines().count();
    // Line 1 is the opening fence, the YAML follows, then the closing fence.
    if line > yaml_lines + 2 {
        return Some("body".into());
    }
    let index = line.checked_sub(split.yaml_line)?;
    let lines: Vec<&str> = split.yaml.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let key = |l: &str| -> Option<String> {
        let trimmed = l.trim_start();
        if trimmed.starts_with('#') || trimmed.starts_with('-') {
            return None;
        }
        let (key, _) = trimmed.split_once(':')?;
        (!key.is_empty() && !key.contains([' ', '{', '[', '"', '\''])).then(|| key.to_string())
    };
    let here = *lines.get(index)?;
    // The entry at the top that holds the line, and the one under it, if any.
    let top = lines[..=index]
        .iter()
        .rev()
        .find(|l| indent(l) == 0 && key(l).is_some())
        .and_then(|l| key(l))?;
    let inner = if indent(here) > 0 {
        // The key one level under the top one whose entry holds the line.
        let entry = lines[..=index]
            .iter()
            .rposition(|l| indent(l) == 0 && key(l).is_some())?;
        let level = lines[entry + 1..=index]
            .iter()
            .find(|l| !l.trim().is_empty())
            .map(|l| indent(l))?;
        lines[entry + 1..=index]
            .iter()
            .rev()
            .find(|l| indent(l) == level && key(l).is_some())
            .and_then(|l| key(l))
    } else {
        // In a one-line mapping (`image: { src: a, alt: }`), the key before the column.
        let before: String = here.chars().take(column.saturating_sub(1)).collect();
        before.split_once('{').and_then(|(_, flow)| {
            flow.rsplit(',')
                .next()
                .and_then(|part| part.split_once(':'))
                .map(|(k, _)| k.trim().to_string())
                .filter(|k| !k.is_empty())
        })
    };
    Some(match (top.as_str(), inner) {
        ("stats", Some(inner)) if inner == "as_of" || inner == "origin" => {
            format!("stats.{inner}")
        }
        ("stats", Some(metric)) => format!("stats.figures.{metric}"),
        (top @ ("campaign" | "image"), Some(inner)) => format!("{top}.{inner}"),
        (top, _) => top.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_belongs_to_its_field() {
        let text = "---\ntitle: A\ndate: 1/7/2024\nstats:\n  as_of: 2024-07-01\n  teams: 2.199\n  origin:\n    name: Báo\nimage: { src: a.jpg, alt: }\ncampaign:\n  motto: x\n---\nThân bài.\n";
        let cases = [
            (2, 1, Some("title")),
            (3, 7, Some("date")),
            (5, 3, Some("stats.as_of")),
            (6, 10, Some("stats.figures.teams")),
            (8, 5, Some("stats.origin")),
            (9, 27, Some("image.alt")),
            (9, 1, Some("image")),
            (11, 3, Some("campaign.motto")),
            (13, 1, Some("body")),
        ];
        for (line, column, field) in cases {
            assert_eq!(
                field_at(text, line, column).as_deref(),
                field,
                "{line}:{column}"
            );
        }
    }
}
