//! Splitting a Markdown file into its YAML front matter and body, and reading YAML into
//! typed structs.
//!
//! The only module that touches serde_yaml (archived upstream), so that it can be
//! replaced here alone. Returns errors as plain values with a line and column inside
//! the YAML text; turning them into diagnostics is the caller's job. No I/O.

use serde::de::DeserializeOwned;

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
    /// 1-based line and column inside the YAML text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// How many characters from the column the mistake spans: 1 when only its start
    /// is known.
    pub width: usize,
    /// For an unknown key: the key and the keys allowed at that place.
    pub unknown_key: Option<UnknownKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub key: String,
    /// An enum value such as `kind: ceremoni` rather than a key.
    pub is_value: bool,
    pub expected: Vec<String>,
}

/// Reads `yaml` into `T`. An empty text reads as an empty mapping, so that a file with
/// an empty front matter reports the missing required keys rather than a YAML error.
pub fn parse<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(text).map_err(|error| {
        let location = error.location();
        let full = error.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) if location.is_some() => &full[..i],
            _ => &full,
        };
        let (message, help) = match message.split_once(HELP_SEPARATOR) {
            Some((message, help)) => (message.to_string(), Some(help.to_string())),
            None => plain_words(message),
        };
        let mut line = location.as_ref().map(|l| l.line());
        let mut column = location.as_ref().map(|l| l.column());
        let mut width = 1;
        // An unclosed quote is found at the end of the text; the quote itself is what
        // the user must fix, and serde_yaml names its place only in the message.
        if let Some((quote_line, quote_column)) =
            trailing_position(&full).filter(|_| full.contains("while scanning a quoted scalar"))
        {
            line = Some(quote_line);
            column = Some(quote_column);
        }
        // serde_yaml places a repeated key at the start of its mapping; the second
        // line is the one to delete.
        if let Some(key) = duplicate_key(&full)
            && let Some((twice_line, twice_column)) =
                second_occurrence(text, line.unwrap_or(1), key)
        {
            line = Some(twice_line);
            column = Some(twice_column);
            width = key.chars().count();
        }
        YamlError {
            help,
            unknown_key: unknown_key(&message),
            line,
            column,
            width,
            message,
        }
    })
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
    if let Some((found, expected)) = detail
        .strip_prefix("invalid type: ")
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

/// The last "at line L column C" in a serde_yaml message.
fn trailing_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.rfind(" at line ")? + " at line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
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
