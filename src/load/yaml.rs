//! Splitting a Markdown file into its YAML front matter and body, and reading YAML into
//! typed structs.
//!
//! The only module that touches serde_yaml (archived upstream), so that it can be
//! replaced here alone. Returns errors as plain values with a line and column inside
//! the YAML text; turning them into diagnostics is the caller's job. No I/O.

use serde::de::DeserializeOwned;

pub mod edit;

use crate::diagnostics::nearest;
use crate::i18n::Msg;

/// A Markdown file cut at its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file holds nothing but white space.
    Empty,
    /// The file does not start with a `---` line.
    NoFrontMatter,
    /// The opening `---` has no closing `---`.
    Unclosed,
}

/// Cuts `source` (already without a byte-order mark) at its front matter. Lines may end
/// in `\n` or `\r\n`.
pub fn split(source: &str) -> Result<Split<'_>, SplitError> {
    if source.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first_end = source.find('\n').map_or(source.len(), |i| i + 1);
    if source[..first_end].trim_end() != "---" {
        return Err(SplitError::NoFrontMatter);
    }
    let mut offset = first_end;
    while offset < source.len() {
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i + 1);
        if source[offset..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &source[first_end..offset],
                yaml_line: 2,
                body: &source[end..],
                body_offset: end,
            });
        }
        offset = end;
    }
    Err(SplitError::Unclosed)
}

/// Separates a message from its fix inside a serde error, so that the fix survives the
/// trip through the YAML reader and becomes the diagnostic's help line.
pub const HELP_SEPARATOR: &str = "\nhelp: ";

/// Why some YAML could not be read into the expected struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, without the position.
    pub message: String,
    /// How to fix it, when the reader knows.
    pub help: Option<String>,
    /// The YAML reader's own words, for a slip loa names in its own.
    pub note: Option<String>,
    /// 1-based line and column inside the YAML text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// How many characters from the column the mistake spans: 1 when only its start
    /// is known.
    pub width: usize,
    /// For an unknown key: the key and the keys allowed at that place.
    pub unknown_key: Option<UnknownKey>,
    /// The key at the top of the text whose value holds the mistake, when known: the
    /// checks that run after reading leave that key alone, so that one slip gives one
    /// message.
    pub key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub key: String,
    /// An enum value such as `kind: ceremoni` rather than a key.
    pub is_value: bool,
    pub expected: Vec<String>,
}

/// Reads `yaml` into `T`, stopping at the first problem. An empty text reads as an
/// empty mapping, so that a file with an empty front matter reports the missing
/// required keys rather than a YAML error.
pub fn parse<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(text).map_err(|error| read_error(text, &error).0)
}

/// At most this many problems are reported from one text: each costs a reading of it.
const MOST_PROBLEMS: usize = 40;

/// What [`parse_all`] read.
#[derive(Debug)]
pub struct Reading<T> {
    /// The value, when one could be made.
    pub value: Option<T>,
    /// Every problem, in the order of the text.
    pub errors: Vec<YamlError>,
    /// The keys at the top of the text whose value is not what was written: a problem
    /// was reported in it, or it was missing and is empty in `value`. Checks that run
    /// on `value` leave them alone.
    pub broken: Vec<String>,
}

impl<T> Reading<T> {
    fn new(value: Option<T>, mut errors: Vec<YamlError>, placed: Vec<String>) -> Self {
        errors.sort_by_key(|e| (e.line, e.column));
        let mut broken: Vec<String> = errors.iter().filter_map(|e| e.key.clone()).collect();
        broken.extend(placed);
        Self {
            value,
            errors,
            broken,
        }
    }
}

/// Reads `yaml` into `T` and reports every problem, not only the first: after each, the
/// text is mended so that the reader can go on (the line of a syntax error, or the
/// entry holding a wrong value, is emptied; a value with a colon or an unclosed quote
/// is quoted; a required key emptied that way gets an empty value) and read again.
/// Lines keep their numbers, so every problem is at its place in `yaml`. The value is
/// what was left after mending, `None` when nothing could be made of the text; it is
/// meant for the checks that run after reading, never for publishing.
pub fn parse_all<T: DeserializeOwned>(yaml: &str) -> Reading<T> {
    let mut text = if yaml.trim().is_empty() {
        "{}".to_string()
    } else {
        yaml.to_string()
    };
    let mut errors: Vec<YamlError> = Vec::new();
    let mut emptied: Vec<String> = Vec::new();
    let mut mended: Vec<usize> = Vec::new();
    let mut placed: Vec<String> = Vec::new();
    // Entries emptied for a problem with a path: path, line, indentation.
    let mut emptied_entries: Vec<(String, usize, String)> = Vec::new();
    let mut trying: Option<Trying> = None;
    for _ in 0..MOST_PROBLEMS * 2 {
        let serde_error = match serde_yaml::from_str::<T>(&text) {
            Ok(value) => return Reading::new(Some(value), errors, placed),
            Err(error) => error,
        };
        let full = serde_error.to_string();
        if let Some(attempt) = trying.as_mut() {
            if serde_path(&full) == Some(attempt.path.as_str()) {
                attempt.next += 1;
                let Some(value) = PLACEHOLDERS.get(attempt.next) else {
                    return Reading::new(None, errors, placed);
                };
                let replacement = format!("{}{}: {value}", attempt.indent, attempt.key);
                set_line(&mut text, attempt.line, &replacement);
                continue;
            }
            trying = None;
        }
        if errors.len() >= MOST_PROBLEMS {
            break;
        }
        let (error, mend) = read_error(&text, &serde_error);
        let mend = match mend {
            Mend::Blank(line) | Mend::Quote(line) | Mend::CloseQuote(line)
                if mended.contains(&line) =>
            {
                Mend::Blank(line)
            }
            mend => mend,
        };
        if let Mend::AddKey(key) = &mend {
            // A key emptied for a problem already reported is missing for that reason
            // only: it is given an empty value, once.
            if placed.contains(key) {
                return Reading::new(None, errors, placed);
            }
            // `titel: A` reported as unknown suggests `title` already.
            let misspelt = errors
                .iter()
                .filter_map(|e| e.unknown_key.as_ref())
                .any(|u| {
                    !u.is_value
                        && nearest(&u.key, u.expected.iter().map(String::as_str)) == Some(key)
                });
            if !emptied.contains(key) && !misspelt {
                errors.push(error);
            }
            add_key(&mut text, key);
            placed.push(key.clone());
            continue;
        }
        if let Mend::Missing { path, key, .. } = &mend {
            let full_path = format!("{path}.{key}");
            if let Some((_, line, indent)) = emptied_entries.iter().find(|e| e.0 == full_path) {
                let replacement = format!("{indent}{key}: {}", PLACEHOLDERS[0]);
                set_line(&mut text, *line, &replacement);
                trying = Some(Trying {
                    path: full_path,
                    line: *line,
                    indent: indent.clone(),
                    key: key.clone(),
                    next: 0,
                });
                continue;
            }
        }
        if let Some(key) = &error.key
            && !emptied.contains(key)
        {
            emptied.push(key.clone());
        }
        errors.push(error);
        if let (Mend::Blank(line), Some(path)) = (&mend, serde_path(&full)) {
            let own = text.lines().nth(line - 1).unwrap_or("");
            let indent = own[..own.len() - own.trim_start().len()].to_string();
            emptied_entries.push((path.to_string(), *line, indent));
        }
        let changed = match mend {
            Mend::Blank(line) | Mend::Missing { owner: line, .. } => blank_entry(&mut text, line),
            Mend::Quote(line) => quote_value(&mut text, line),
            Mend::CloseQuote(line) => close_quote(&mut text, line),
            Mend::AddKey(_) => false,
        };
        if !changed {
            return Reading::new(None, errors, placed);
        }
        if let Mend::Blank(line) | Mend::Quote(line) | Mend::CloseQuote(line) = mend {
            mended.push(line);
        }
    }
    Reading::new(None, errors, placed)
}

/// Replaces the text of 1-based `line`.
fn set_line(text: &mut String, line: usize, replacement: &str) {
    if let Some(range) = line_ranges(text).get(line - 1).cloned() {
        text.replace_range(range, replacement);
    }
}

/// How the text is mended after a problem, so that reading it again finds the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mend {
    /// Empty this 1-based line and the lines indented under it.
    Blank(usize),
    /// Put the value of this line's `key: value` in quotation marks.
    Quote(usize),
    /// Close the quotation mark this line opens.
    CloseQuote(usize),
    /// Add `key: ""` for a required key that is missing.
    AddKey(String),
    /// `key` is missing from the mapping at `path`, whose entry starts on `owner`.
    Missing {
        path: String,
        key: String,
        owner: usize,
    },
}

/// Values tried, in turn, for a required key emptied for a problem already reported,
/// until one reads: the problem is reported once, and the rest of its mapping is read.
const PLACEHOLDERS: &[&str] = &["\"\"", "2000-01-01", "0", "[]", "{}", "false"];

/// A required key emptied for its problem and given a placeholder.
struct Trying {
    /// Its serde path: `campaign.starts`.
    path: String,
    line: usize,
    /// The line as written before the key, its indentation.
    indent: String,
    key: String,
    next: usize,
}

/// The problem serde_yaml reports, in loa's words, and how to mend the text past it.
fn read_error(text: &str, error: &serde_yaml::Error) -> (YamlError, Mend) {
    let location = error.location();
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) if location.is_some() => &full[..i],
        _ => &full,
    };
    let mut line = location.as_ref().map(|l| l.line());
    let mut column = location.as_ref().map(|l| l.column());
    if let Some(slip) = syntax_slip(text, &full, line.unwrap_or(1), column.unwrap_or(1)) {
        let error = YamlError {
            message: slip.message.to_string(),
            help: Some(slip.help.to_string()),
            note: slip
                .note
                .then(|| Msg::YamlReaderSaid { text: full.clone() }.to_string()),
            line: Some(slip.line),
            column: Some(slip.column),
            width: slip.width,
            unknown_key: None,
            key: if slip.own_key {
                own_key(text, slip.line)
            } else {
                top_key(text, slip.line)
            },
        };
        return (error, slip.mend);
    }
    let (message, mut help) = match message.split_once(HELP_SEPARATOR) {
        Some((message, help)) => (message.to_string(), Some(help.to_string())),
        None => plain_words(message),
    };
    let path = serde_path(&full);
    let mut width = 1;
    let mut mend = Mend::Blank(line.unwrap_or(1));
    // serde_yaml places a repeated key at the start of its mapping; the second
    // line is the one to delete.
    if let Some(key) = duplicate_key(&full)
        && let Some((twice_line, twice_column)) = second_occurrence(text, line.unwrap_or(1), key)
    {
        line = Some(twice_line);
        column = Some(twice_column);
        width = key.chars().count();
        mend = Mend::Blank(twice_line);
    } else if let Some(key) = missing_key(&full)
        && let Some(at) = path.and(line)
        && let Some((misplaced, spaces)) = misindented_key(text, at, key)
    {
        let own = text.lines().nth(misplaced - 1).unwrap_or("");
        let error = YamlError {
            message: Msg::YamlIndent.to_string(),
            help: Some(Msg::YamlIndentHelp { spaces }.to_string()),
            note: None,
            line: Some(misplaced),
            column: Some(own.len() - own.trim_start().len() + 1),
            width: own.trim().chars().count(),
            unknown_key: None,
            key: top_key(text, misplaced),
        };
        return (
            error,
            Mend::Blank(owner_line(text, at, column.unwrap_or(1))),
        );
    } else if let Some(key) = missing_key(&full) {
        if path.is_some()
            && let Some(example) = inline_example(text, line.unwrap_or(1), column.unwrap_or(1), key)
        {
            help = Some(Msg::AddInsideBraces { example }.to_string());
        }
        mend = match path {
            None => Mend::AddKey(key.to_string()),
            Some(path) => Mend::Missing {
                path: path.to_string(),
                key: key.to_string(),
                owner: owner_line(text, line.unwrap_or(1), column.unwrap_or(1)),
            },
        };
    } else if let (Some(path), Some(at)) = (path, line) {
        let last = path.rsplit('.').next().unwrap_or(path);
        mend = Mend::Blank(key_line(text, at, last).unwrap_or(at));
    }
    let key = match (&mend, path) {
        (Mend::AddKey(key), None) => Some(key.clone()),
        (_, Some(path)) => Some(path.split(['.', '[']).next().unwrap_or(path).to_string()),
        (Mend::Blank(at), None) => top_key(text, *at),
        _ => None,
    };
    let error = YamlError {
        help,
        note: None,
        unknown_key: unknown_key(&message),
        line,
        column,
        width,
        message,
        key,
    };
    (error, mend)
}

/// A slip in the YAML's syntax, named for the officer.
struct Slip {
    /// Whether the problem's key is the one on its own line rather than the one at the
    /// top above it: a line read as part of the value above loses its own key.
    own_key: bool,
    message: Msg,
    help: Msg,
    /// Whether the YAML reader's own words follow, for a slip loa has no name for.
    note: bool,
    line: usize,
    column: usize,
    width: usize,
    mend: Mend,
}

/// The syntax slip that serde_yaml's `full` message reports at `line` and `column` of
/// `text`, or `None` when the text's syntax is fine and its values are not.
fn syntax_slip(text: &str, full: &str, line: usize, column: usize) -> Option<Slip> {
    let at_line = |n: usize| text.lines().nth(n.saturating_sub(1)).unwrap_or("");
    let indent = |s: &str| s.len() - s.trim_start_matches(' ').len();
    let slip = |message, help, line, column, width, mend| Slip {
        own_key: false,
        message,
        help,
        note: false,
        line,
        column,
        width,
        mend,
    };
    // A tab anywhere in the lines the reader stopped on.
    let tab_line = [
        line,
        column_line(full, "while scanning a plain scalar").map_or(line, |l| l.0),
    ]
    .into_iter()
    .find(|&n| {
        at_line(n).trim_end().contains('\t')
            && (full.contains("tab character") || full.contains("cannot start any token"))
    });
    if let Some(n) = tab_line {
        let text_of = at_line(n);
        let byte = text_of.find('\t').unwrap_or(0);
        let column = text_of[..byte].chars().count() + 1;
        return Some(slip(
            Msg::YamlTab,
            Msg::YamlTabHelp,
            n,
            column,
            1,
            Mend::Blank(n),
        ));
    }
    if let Some((quote_line, quote_column)) = column_line(full, "while scanning a quoted scalar") {
        return Some(slip(
            Msg::QuoteNotClosed,
            Msg::QuoteNotClosedHelp,
            quote_line,
            quote_column,
            1,
            Mend::CloseQuote(quote_line),
        ));
    }
    if let Some((open_line, open_column)) = column_line(full, "while parsing a flow sequence")
        .or_else(|| column_line(full, "while parsing a flow mapping"))
    {
        let bracket = at_line(open_line)
            .chars()
            .nth(open_column - 1)
            .unwrap_or('[');
        return Some(slip(
            Msg::YamlBracketNotClosed { bracket },
            Msg::YamlBracketNotClosedHelp {
                close: if bracket == '{' { '}' } else { ']' },
            },
            open_line,
            open_column,
            1,
            Mend::Blank(open_line),
        ));
    }
    let this = at_line(line);
    let content_column = indent(this) + 1;
    let above = (1..line)
        .rev()
        .map(|n| (n, at_line(n)))
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if full.contains("mapping values are not allowed") {
        // A line indented under a `key: value` line reads as the rest of that value,
        // until its own colon.
        if let Some((_, above_text)) = above
            && indent(this) > indent(above_text)
            && let Some((key, value)) = above_text.split_once(": ")
            && !value.trim().is_empty()
        {
            let mut slip = slip(
                Msg::YamlIndentDeeper {
                    key: key.trim().trim_start_matches("- ").to_string(),
                },
                Msg::YamlIndentHelp {
                    spaces: indent(above_text),
                },
                line,
                content_column,
                this.trim().chars().count(),
                Mend::Blank(line),
            );
            slip.own_key = true;
            return Some(slip);
        }
        return Some(slip(
            Msg::ColonInValue,
            Msg::ColonInValueHelp,
            line,
            column,
            1,
            Mend::Quote(line),
        ));
    }
    if full.contains("did not find expected key") || full.contains("did not find expected '-'") {
        if this.trim_start().starts_with('-') {
            return Some(slip(
                Msg::YamlListItemOutside,
                Msg::YamlListItemOutsideHelp,
                line,
                content_column,
                1,
                Mend::Blank(line),
            ));
        }
        let siblings = above.map_or(0, |(_, l)| indent(l));
        return Some(slip(
            Msg::YamlIndent,
            Msg::YamlIndentHelp { spaces: siblings },
            line,
            content_column,
            this.trim().chars().count(),
            Mend::Blank(line),
        ));
    }
    if full.contains("while parsing")
        || full.contains("while scanning")
        || full.contains("found ") && serde_path(full).is_none() && !full.contains("invalid type")
    {
        let mut slip = slip(
            Msg::YamlSyntax,
            Msg::YamlSyntaxHelp,
            line,
            column,
            1,
            Mend::Blank(line),
        );
        slip.note = true;
        return Some(slip);
    }
    None
}

/// The position serde_yaml names after `context` ("while scanning a quoted scalar at
/// line 1 column 8").
fn column_line(full: &str, context: &str) -> Option<(usize, usize)> {
    let rest = &full[full.find(context)? + context.len()..];
    let rest = rest.strip_prefix(" at line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The path serde_yaml puts before a message about a value: `stats.teams` of
/// "stats.teams: invalid type: …".
fn serde_path(full: &str) -> Option<&str> {
    let (path, _) = full.split_once(": ")?;
    let plain = path
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'));
    (plain && !path.is_empty()).then_some(path)
}

/// The key of serde's "missing field `alt`".
fn missing_key(full: &str) -> Option<&str> {
    full.split_once("missing field `")?
        .1
        .split_once('`')
        .map(|(key, _)| key)
}

/// The key written on 1-based `line`.
fn own_key(text: &str, line: usize) -> Option<String> {
    let this = text.lines().nth(line.checked_sub(1)?)?;
    let (key, _) = this.trim_start().trim_start_matches("- ").split_once(':')?;
    Some(key.trim().to_string())
}

/// The key at the top of `text` under which 1-based `line` lies. A line indented with
/// a tab is taken for a key of its own: its place under the others is unknown.
fn top_key(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let this = lines.get(line.checked_sub(1)?)?;
    let top = if this.starts_with('\t') {
        this
    } else {
        lines[..line.min(lines.len())]
            .iter()
            .rev()
            .find(|l| !l.starts_with([' ', '\t', '#', '-']) && !l.trim().is_empty())?
    };
    top.split_once(':').map(|(key, _)| key.trim().to_string())
}

/// For a mapping written inline (`image: { src: a.jpg }`) that lacks `key`, the line as
/// it should read: a line `alt: …` of its own would be a key of the outer mapping.
fn inline_example(text: &str, line: usize, column: usize, key: &str) -> Option<String> {
    let own = text.lines().nth(line.checked_sub(1)?)?;
    let start = own.char_indices().nth(column.checked_sub(1)?)?.0;
    if !own[start..].starts_with('{') {
        return None;
    }
    let close = start + own[start..].find('}')?;
    let before = own[..close].trim_end();
    let comma = if before.ends_with('{') { " " } else { ", " };
    Some(format!(
        "{}{comma}{key}: … {}",
        before.trim_start(),
        own[close..].trim_end()
    ))
}

/// The line of the entry that holds the mapping starting at `line` and `column`: the
/// line itself for a mapping written inline (`image: { src: a.jpg }`), else the line
/// of the key above it.
fn owner_line(text: &str, line: usize, column: usize) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let Some(this) = lines.get(line - 1) else {
        return line;
    };
    let indent = this.len() - this.trim_start().len();
    if column > indent + 1 {
        return line;
    }
    (1..line)
        .rev()
        .find(|&n| {
            let l = lines[n - 1];
            !l.trim().is_empty() && l.len() - l.trim_start().len() < indent
        })
        .unwrap_or(line)
}

/// For a `key` missing from the mapping whose first entry is on 1-based `line`: the line
/// where `key:` is written after it at another indentation, and the indentation of the
/// mapping's keys. YAML reads such a line as outside the mapping.
fn misindented_key(text: &str, line: usize, key: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let spaces = indent(lines.get(line - 1)?);
    lines
        .iter()
        .enumerate()
        .skip(line)
        .take_while(|(_, l)| l.trim().is_empty() || indent(l) > 0)
        .find(|(_, l)| {
            indent(l) != spaces
                && l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(index, _)| (index + 1, spaces))
}

/// The line at or above `line` on which `key:` is written: a value may start on the
/// line after its key.
fn key_line(text: &str, line: usize, key: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    (1..=line.min(lines.len())).rev().find(|&n| {
        let trimmed = lines[n - 1].trim_start().trim_start_matches("- ");
        trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// The byte ranges of each line of `text`, without its line break.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let content = piece.trim_end_matches('\n').trim_end_matches('\r');
        ranges.push(start..start + content.len());
        start += piece.len();
    }
    ranges
}

/// Empties 1-based `line` and the lines indented under it; whether anything changed.
fn blank_entry(text: &mut String, line: usize) -> bool {
    let ranges = line_ranges(text);
    let Some(first) = ranges.get(line - 1).cloned() else {
        return false;
    };
    let own = &text[first.clone()];
    let indent = own.len() - own.trim_start().len();
    let mut last = line - 1;
    for (index, range) in ranges.iter().enumerate().skip(line) {
        let other = &text[range.clone()];
        let other_indent = other.len() - other.trim_start().len();
        if !other.trim().is_empty() && other_indent <= indent {
            break;
        }
        last = index;
    }
    let blanks: Vec<std::ops::Range<usize>> = ranges[line - 1..=last].to_vec();
    let mut changed = false;
    for range in blanks.into_iter().rev() {
        changed |= !range.is_empty();
        text.replace_range(range, "");
    }
    changed
}

/// Quotes the value of `key: value` on 1-based `line`; else empties the line.
fn quote_value(text: &mut String, line: usize) -> bool {
    let ranges = line_ranges(text);
    let Some(range) = ranges.get(line - 1).cloned() else {
        return false;
    };
    let own = text[range.clone()].to_string();
    let Some((key, value)) = own.split_once(": ") else {
        return blank_entry(text, line);
    };
    let escaped = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
    text.replace_range(range, &format!("{key}: \"{escaped}\""));
    true
}

/// Closes at the end of 1-based `line` the quotation mark it opens.
fn close_quote(text: &mut String, line: usize) -> bool {
    let ranges = line_ranges(text);
    let Some(range) = ranges.get(line - 1).cloned() else {
        return false;
    };
    let own = text[range.clone()].trim_end().to_string();
    let quote = own.chars().find(|c| matches!(c, '"' | '\'')).unwrap_or('"');
    text.replace_range(range, &format!("{own}{quote}"));
    true
}

/// Adds `key: ""` at the end of `text`, for a required key left empty.
fn add_key(text: &mut String, key: &str) {
    if text.trim() == "{}" {
        text.clear();
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("{key}: \"\"\n"));
}

/// serde's wording, said for someone who does not program: the message and a fix.
fn plain_words(message: &str) -> (String, Option<String>) {
    let (path, detail) = match message.split_once(": ") {
        Some((path, detail)) if !path.contains(' ') => (Some(path), detail),
        _ => (None, message),
    };
    if let Some(key) = detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return (
            Msg::HasNoKey {
                path: path.map(str::to_string),
                key: key.to_string(),
            }
            .to_string(),
            Some(Msg::AddALine { key: key.into() }.to_string()),
        );
    }
    if let Some(value) = detail
        .strip_prefix("invalid type: integer `")
        .and_then(|rest| rest.split_once("` as "))
        .map(|(value, _)| value)
    {
        return (
            Msg::NumberTooLarge {
                value: value.to_string(),
            }
            .to_string(),
            Some(Msg::NumberTooLargeHelp.to_string()),
        );
    }
    if let Some((found, expected)) = detail
        .strip_prefix("invalid type: ")
        .or_else(|| detail.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        let message = Msg::MustBe {
            path: path.map(str::to_string),
            expected: expected.to_string(),
            found: found.to_string(),
        };
        return (message.to_string(), None);
    }
    if let Some(key) = duplicate_key(detail) {
        return (
            Msg::KeyTwice {
                path: path.map(str::to_string),
                key: key.into(),
            }
            .to_string(),
            Some(Msg::KeyTwiceHelp { key: key.into() }.to_string()),
        );
    }
    if message.contains("mapping values are not allowed in this context") {
        return (
            Msg::ColonInValue.to_string(),
            Some(Msg::ColonInValueHelp.to_string()),
        );
    }
    if message.contains("while scanning a quoted scalar") {
        return (
            Msg::QuoteNotClosed.to_string(),
            Some(Msg::QuoteNotClosedHelp.to_string()),
        );
    }
    (message.to_string(), None)
}

/// The key of serde's "duplicate field `title`", after any `campaign: ` path.
fn duplicate_key(message: &str) -> Option<&str> {
    message
        .split_once("duplicate field `")?
        .1
        .split_once('`')
        .map(|(key, _)| key)
}

/// The 1-based line and column of the second `key:` at one indentation in `yaml`,
/// looking from line `from` on.
fn second_occurrence(yaml: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_indent = None;
    for (index, line) in yaml.lines().enumerate().skip(from.saturating_sub(1)) {
        let trimmed = line.trim_start();
        let Some(after) = trimmed.strip_prefix(key) else {
            continue;
        };
        if !after.trim_start().starts_with(':') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        match first_indent {
            None => first_indent = Some(indent),
            Some(first) if first == indent => return Some((index + 1, indent + 1)),
            Some(_) => {}
        }
    }
    None
}

/// serde reports an unknown key as "unknown field `titel`, expected one of `title`, …"
/// and an unknown enum value as "unknown variant `…`, expected …"; the word and the
/// list are what a suggestion needs.
fn unknown_key(message: &str) -> Option<UnknownKey> {
    let (is_value, rest) = match message.split_once("unknown field `") {
        Some((_, rest)) => (false, rest),
        None => (true, message.split_once("unknown variant `")?.1),
    };
    let (key, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some(UnknownKey {
        key: key.to_string(),
        is_value,
        expected,
    })
}

#[cfg(test)]
mod tests;
