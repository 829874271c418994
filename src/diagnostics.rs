//! Problems found in a site, with where they are: file, line, column and the offending
//! line, plus a suggestion when there is one.
//!
//! Owns the `Diagnostic` value and how it is shown. Never prints: the caller decides
//! where a message goes (terminal, browser overlay, test snapshot).
//!
//! A diagnostic is an error (the build stops) or a warning (the build goes on, and the
//! command line shows it after the build). Most are errors; see docs/design.md,
//! "Decisions", for which are warnings and why.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// Where in a file a problem is: 1-based line and column (in characters), and the
/// text of that line so that the message can show it with a marker under the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub line_text: String,
}

impl Location {
    /// The location of byte `offset` in `source`, marking `width` characters.
    pub fn at_offset(source: &str, offset: usize, width: usize) -> Self {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        Self {
            line: source[..line_start].matches('\n').count() + 1,
            column: source[line_start..offset].chars().count() + 1,
            width: width.max(1),
            line_text: line_text.to_string(),
        }
    }

    /// The location of 1-based `line` and `column` in `source`.
    pub fn at_line(source: &str, line: usize, column: usize, width: usize) -> Self {
        let line_text = source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r');
        Self {
            line: line.max(1),
            column: column.max(1),
            width: width.max(1),
            line_text: line_text.to_string(),
        }
    }

    /// The location of the first occurrence of `needle` on the 1-based `line`, or the
    /// whole line when it is not there.
    pub fn of_text_on_line(source: &str, line: usize, needle: &str) -> Self {
        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
        match text.find(needle) {
            Some(byte) if !needle.is_empty() => Self::at_line(
                source,
                line,
                text[..byte].chars().count() + 1,
                needle.chars().count(),
            ),
            _ => Self::at_line(
                source,
                line,
                text.len() - text.trim_start().len() + 1,
                text.trim().chars().count(),
            ),
        }
    }

    /// The line as shown: a tab drawn as `→`, since a renderer draws it as spaces and a
    /// line indented with one would look right when YAML refuses it.
    fn shown_line(&self) -> String {
        self.line_text.replace('\t', TAB_SHOWN)
    }

    /// The bytes of [`Location::shown_line`] under the marker.
    fn marked_bytes(&self, shown: &str) -> Range<usize> {
        let start = shown
            .char_indices()
            .nth(self.column - 1)
            .map_or(shown.len(), |(i, _)| i);
        let end = shown[start..]
            .char_indices()
            .nth(self.width)
            .map_or(shown.len(), |(i, _)| start + i);
        start..end
    }
}

/// How a tab is drawn in the line a message quotes.
pub const TAB_SHOWN: &str = "→";

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The build stops and publishes nothing.
    #[default]
    Error,
    /// Probably not what the officer meant, but it may be: the build goes on.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    pub location: Option<Location>,
    pub message: String,
    /// A fix the user can apply, in plain words: "did you mean `title`?".
    pub help: Option<String>,
    /// Other places involved, such as the second file producing the same URL.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            location: None,
            message: message.into(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// The same problem as a warning, which does not stop the build.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The path shown to the user, with forward slashes on every platform and control
    /// characters written out (`\n`), so that a file named with a line break cannot break
    /// the message in two.
    pub fn display_path(&self) -> String {
        shown_name(&self.path.to_string_lossy().replace('\\', "/"))
    }

    /// The message as plain text: title, `--> file:line:col`, the line with a marker,
    /// then help and notes.
    pub fn render(&self) -> String {
        let path = self.display_path();
        let mut report = Vec::new();
        let (error, warning, help, note) = labels();
        let level = match self.severity {
            Severity::Error => error,
            Severity::Warning => warning,
        };
        let title = level.primary_title(&self.message);
        let shown = self.location.as_ref().map(Location::shown_line);
        let mut group = match (&self.location, &shown) {
            (Some(location), Some(shown)) => title.element(
                Snippet::source(shown)
                    .line_start(location.line)
                    .path(&path)
                    .annotation(AnnotationKind::Primary.span(location.marked_bytes(shown))),
            ),
            _ => title.element(annotate_snippets::Origin::path(&path)),
        };
        if let Some(text) = &self.help {
            group = group.element(help.clone().message(text));
        }
        for text in &self.notes {
            group = group.element(note.clone().message(text));
        }
        report.push(group);
        Renderer::plain().render(&report).to_string()
    }
}

/// The error, warning, help and note levels, named in the language of the messages.
fn labels() -> (
    Level<'static>,
    Level<'static>,
    Level<'static>,
    Level<'static>,
) {
    use crate::i18n::{Lang, Msg, language};
    match language() {
        Lang::En => (Level::ERROR, Level::WARNING, Level::HELP, Level::NOTE),
        Lang::Vi => (
            Level::ERROR.with_name(Msg::LabelError.to_string()),
            Level::WARNING.with_name(Msg::LabelWarning.to_string()),
            Level::HELP.with_name(Msg::LabelHelp.to_string()),
            Level::NOTE.with_name(Msg::LabelNote.to_string()),
        ),
    }
}

/// `name` with each control character written as an escape (`\n`, `\t`, `\u{1b}`), as
/// messages show a file name that holds one.
pub fn shown_name(name: &str) -> String {
    if !name.chars().any(char::is_control) {
        return name.to_string();
    }
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// Every problem found in one run, in the order found, so that the user can fix them
/// all before the next run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every warning made an error, for `check --strict`.
    pub fn make_errors(&mut self) {
        for diagnostic in &mut self.0 {
            diagnostic.severity = Severity::Error;
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file and line, so that the list reads like the files do and two runs
    /// over the same files print the same list.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            let line = |d: &Diagnostic| d.location.as_ref().map_or(0, |l| l.line);
            (&a.path, line(a), &a.message).cmp(&(&b.path, line(b), &b.message))
        });
        self
    }

    /// The numbered list a user reads: "1. error: …".
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("{}. {}\n", i + 1, diagnostic.render()));
        }
        out
    }

    /// Result of a step that may have found problems.
    pub fn into_result(self) -> Result<(), Diagnostics> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// Whether any of them stops the build.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| !d.is_warning())
    }

    /// The errors, then the warnings.
    pub fn split(self) -> (Diagnostics, Diagnostics) {
        let (warnings, errors) = self.0.into_iter().partition(Diagnostic::is_warning);
        (Self(errors), Self(warnings))
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// `path` relative to `root` when it is inside it, for shorter messages.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The known name closest to `written`, when it is close enough to be a likely typo.
pub fn nearest<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(written, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_shows_the_line_with_a_marker_under_the_problem() {
        let source = "---\ntitel: Lễ ra mắt\n---\n";
        let diagnostic = Diagnostic::new("content/a.md", "unknown key `titel`")
            .at(Location::at_offset(source, 4, 5))
            .help("did you mean `title`?");
        assert_eq!(
            diagnostic.render(),
            "error: unknown key `titel`\n --> content/a.md:2:1\n  |\n2 | titel: Lễ ra mắt\n  | ^^^^^\n  |\n  = help: did you mean `title`?"
        );
    }

    #[test]
    fn a_warning_is_shown_as_one_and_kept_apart_from_errors() {
        let source = "---\ntags: [Le ra mat]\n---\n";
        let warning = Diagnostic::new("content/a.md", "written without tone marks")
            .at(Location::at_offset(source, 11, 9))
            .warning();
        assert_eq!(
            warning.render(),
            "warning: written without tone marks\n --> content/a.md:2:8\n  |\n2 | tags: [Le ra mat]\n  |        ^^^^^^^^^"
        );
        let all: Diagnostics = [Diagnostic::new("content/b.md", "wrong"), warning]
            .into_iter()
            .collect();
        assert!(all.has_errors());
        let (errors, warnings) = all.split();
        assert_eq!((errors.len(), warnings.len()), (1, 1));
        assert!(!warnings.has_errors());
    }

    #[test]
    fn a_path_with_a_control_character_is_shown_on_one_line() {
        let diagnostic = Diagnostic::new("content/a\nb.md", "bad name");
        assert_eq!(diagnostic.display_path(), "content/a\\nb.md");
        assert!(!diagnostic.render().contains("a\nb"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let location = Location::at_offset("tỉnh: Đắk Lắk", "tỉnh: ".len(), 7);
        assert_eq!((location.line, location.column), (1, 7));
        let shown = location.shown_line();
        assert_eq!(&shown[location.marked_bytes(&shown)], "Đắk Lắk");
    }

    #[test]
    fn nearest_suggests_only_close_names() {
        let known = ["title", "date", "tags"];
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("zzz", known), None);
    }
}
