//! Changing some keys of a front matter's YAML text and nothing else: the lines of the
//! keys whose value changed are written again, a removed key's lines go, a new key is
//! put after the key that precedes it in the usual order; every other byte (other keys,
//! comments, blank lines, quoting, line endings) stays as it was.
//!
//! Works on the text line by line, reading a key's entry as its line and the lines
//! indented under it, and checks every value it writes with the YAML reader, quoting it
//! when written plain it would read as something else. Pure: no I/O.

/// A value to write, in the shape of the YAML it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yaml {
    /// Text, quoted only when YAML needs it.
    Text(String),
    /// Written as it is: a date or a number the caller has checked.
    Raw(String),
    Bool(bool),
    /// A list of texts, written `[a, b]`.
    List(Vec<String>),
    /// A mapping in this order, written as a block.
    Map(Vec<(String, Yaml)>),
}

/// `yaml` with the keys of `old` and `new` (what the text held, what it must hold)
/// that differ written again. `order` is the usual order of the keys at this level,
/// where a new key is placed; `newline` ends the lines written.
pub fn edit(
    yaml: &str,
    old: &[(String, Yaml)],
    new: &[(String, Yaml)],
    order: &[&str],
    newline: &str,
) -> String {
    let indent = entries_indent(yaml);
    let mut segments = segments(yaml, indent);
    let find = |key: &str| -> Option<&Yaml> { new.iter().find(|(k, _)| k == key).map(|(_, v)| v) };
    let was = |key: &str| -> Option<&Yaml> { old.iter().find(|(k, _)| k == key).map(|(_, v)| v) };
    let mut keys: Vec<&str> = order.to_vec();
    for (key, _) in old.iter().chain(new) {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    for key in &keys {
        let (before, after) = (was(key), find(key));
        if before == after {
            continue;
        }
        let at = segments.iter().position(|s| s.key.as_deref() == Some(*key));
        match (at, after) {
            (Some(at), None) => {
                segments.remove(at);
            }
            (Some(at), Some(value)) => {
                let text = replace_entry(&segments[at].text, key, before, value, indent, newline);
                segments[at].text = text;
            }
            (None, Some(value)) => {
                let text = render(key, value, indent, newline);
                let rank = |k: &str| keys.iter().position(|o| *o == k);
                let mine = rank(key);
                // After the last entry of a key that comes before this one; else before
                // the first entry of a key that comes after it; else at the end.
                let place = segments
                    .iter()
                    .rposition(
                        |s| matches!(s.key.as_deref().and_then(rank), Some(r) if Some(r) < mine),
                    )
                    .map(|i| i + 1)
                    .or_else(|| segments.iter().position(|s| s.key.is_some()))
                    .unwrap_or(segments.len());
                segments.insert(
                    place,
                    Segment {
                        key: Some(key.to_string()),
                        text,
                    },
                );
            }
            (None, None) => {}
        }
    }
    segments.into_iter().map(|s| s.text).collect()
}

/// A run of lines of the text: one key's entry, or lines of no entry (comments, blank).
struct Segment {
    key: Option<String>,
    text: String,
}

/// The indentation of the first line that holds a key.
fn entries_indent(yaml: &str) -> usize {
    yaml.lines()
        .find(|line| {
            let trimmed = line.trim_start();
            !trimmed.is_empty() && !trimmed.starts_with('#')
        })
        .map_or(0, |line| line.len() - line.trim_start().len())
}

/// The key a line at `indent` starts, if it starts one.
fn key_of(line: &str, indent: usize) -> Option<String> {
    let rest = line.get(indent..)?;
    if line[..indent].chars().any(|c| c != ' ') || rest.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = rest.find(':')?;
    let after = &rest[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t', '\r', '\n'])) {
        return None;
    }
    let key = rest[..colon].trim();
    (!key.is_empty() && !key.contains(['"', '\'', '{', '[', '#'])).then(|| key.to_string())
}

/// Cuts `yaml` into entries at `indent` and the lines between them. An entry holds its
/// key's line and the lines indented more under it; blank lines belong to it only when
/// more of it follows them.
fn segments(yaml: &str, indent: usize) -> Vec<Segment> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let indented = |line: &str| {
        let content = line.trim_end_matches(['\r', '\n']);
        let width = content.len() - content.trim_start().len();
        !content.trim().is_empty() && width > indent
    };
    let blank = |line: &str| line.trim().is_empty();
    let mut segments: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match key_of(lines[i], indent) {
            Some(key) => {
                let mut end = i + 1;
                let mut j = i + 1;
                while j < lines.len() && (indented(lines[j]) || blank(lines[j])) {
                    j += 1;
                    if indented(lines[j - 1]) {
                        end = j;
                    }
                }
                segments.push(Segment {
                    key: Some(key),
                    text: lines[i..end].concat(),
                });
                i = end;
            }
            None => {
                match segments.last_mut() {
                    Some(last) if last.key.is_none() => last.text.push_str(lines[i]),
                    _ => segments.push(Segment {
                        key: None,
                        text: lines[i].to_string(),
                    }),
                }
                i += 1;
            }
        }
    }
    segments
}

/// The entry `text` of `key` made to hold `value`: a block mapping that was one and
/// stays one is edited key by key; a one-line entry keeps its comment; any other is
/// written again.
fn replace_entry(
    text: &str,
    key: &str,
    old: Option<&Yaml>,
    value: &Yaml,
    indent: usize,
    newline: &str,
) -> String {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = &text[..first_end];
    let after_colon = first[indent..]
        .split_once(':')
        .map_or("", |(_, rest)| rest)
        .trim_end_matches(['\r', '\n']);
    let comment = comment_of(after_colon);
    let value_text = match comment {
        Some(at) => &after_colon[..at],
        None => after_colon,
    };
    let rest = &text[first_end..];
    if let (Yaml::Map(new), Some(Yaml::Map(old))) = (value, old)
        && value_text.trim().is_empty()
        && !rest.trim().is_empty()
    {
        let order: Vec<&str> = new.iter().map(|(k, _)| k.as_str()).collect();
        return format!("{first}{}", edit(rest, old, new, &order, newline));
    }
    let rendered = render(key, value, indent, newline);
    match (comment, value) {
        (Some(at), Yaml::Text(_) | Yaml::Raw(_) | Yaml::Bool(_) | Yaml::List(_))
            if rest.trim().is_empty() =>
        {
            let line = rendered.trim_end_matches(['\r', '\n']);
            let column = indent + key.len() + 1 + at;
            let width = line.chars().count();
            let pad = " ".repeat(column.saturating_sub(width).max(1));
            format!(
                "{line}{pad}{}{newline}{rest}",
                after_colon[at..].trim_start()
            )
        }
        _ => rendered,
    }
}

/// Where a comment starts in the text after a key's colon: a `#` after white space,
/// outside quotes.
fn comment_of(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => return Some(at),
            None if (c == '"' || c == '\'') && previous.is_whitespace() => quote = Some(c),
            None => {}
        }
        previous = c;
    }
    None
}

/// `key: value` at `indent`, with the lines under it for a mapping.
fn render(key: &str, value: &Yaml, indent: usize, newline: &str) -> String {
    let pad = " ".repeat(indent);
    match value {
        Yaml::Text(text) => format!("{pad}{key}: {}{newline}", scalar(text, false)),
        Yaml::Raw(text) => format!("{pad}{key}: {text}{newline}"),
        Yaml::Bool(flag) => format!("{pad}{key}: {flag}{newline}"),
        Yaml::List(items) => {
            let items: Vec<String> = items.iter().map(|item| scalar(item, true)).collect();
            format!("{pad}{key}: [{}]{newline}", items.join(", "))
        }
        Yaml::Map(entries) => {
            let mut text = format!("{pad}{key}:{newline}");
            for (key, value) in entries {
                text.push_str(&render(key, value, indent + 2, newline));
            }
            text
        }
    }
}

/// `text` as a YAML scalar: plain when it reads back as this text, else double-quoted.
/// In a flow list (`flow`), commas and brackets need quotes too.
pub fn scalar(text: &str, flow: bool) -> String {
    if plain_is_safe(text, flow) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Whether YAML reads `c` as it is inside quotes: not a control character, and not one
/// of the characters a YAML 1.1 reader takes for a line break or a byte-order mark.
fn printable(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// `text` double-quoted, every character YAML would not read as itself escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if !printable(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn plain_is_safe(text: &str, flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text
        || !text.chars().all(printable)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || (flow && text.contains([',', '[', ']', '{', '}']))
    {
        return false;
    }
    // Numbers, dates and words YAML reads as something else read as text only quoted.
    if first.is_ascii_digit() || first == '+' || first == '.' {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) {
        return false;
    }
    let document = if flow {
        format!("k: [{text}]")
    } else {
        format!("k: {text}")
    };
    let expected = if flow {
        serde_json::json!({ "k": [text] })
    } else {
        serde_json::json!({ "k": text })
    };
    super::parse::<serde_json::Value>(&document).is_ok_and(|read| read == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Yaml {
        Yaml::Text(value.to_string())
    }

    fn pairs(entries: &[(&str, Yaml)]) -> Vec<(String, Yaml)> {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    const ORDER: &[&str] = &[
        "title", "date", "kind", "province", "tags", "stats", "draft",
    ];

    #[test]
    fn a_changed_value_changes_its_line_only() {
        let yaml = "title: Cũ   # giữ\n# ghi chú\ndate: 2024-07-01\nextra: { a: 1 }\n";
        let old = pairs(&[
            ("title", text("Cũ")),
            ("date", Yaml::Raw("2024-07-01".into())),
        ]);
        let new = pairs(&[
            ("title", text("Mới: Đắk Lắk")),
            ("date", Yaml::Raw("2024-07-01".into())),
        ]);
        assert_eq!(
            edit(yaml, &old, &new, ORDER, "\n"),
            "title: \"Mới: Đắk Lắk\" # giữ\n# ghi chú\ndate: 2024-07-01\nextra: { a: 1 }\n"
        );
    }

    #[test]
    fn a_removed_key_goes_and_a_new_one_takes_its_place_in_the_order() {
        let yaml = "title: A\ndraft: true          # đổi thành false\ndate: 2024-07-01\n";
        let old = pairs(&[("title", text("A")), ("draft", Yaml::Bool(true))]);
        let new = pairs(&[("title", text("A")), ("kind", text("ceremony"))]);
        assert_eq!(
            edit(yaml, &old, &new, ORDER, "\n"),
            "title: A\ndate: 2024-07-01\nkind: ceremony\n"
        );
    }

    #[test]
    fn a_block_mapping_is_edited_key_by_key() {
        let yaml = "title: A\nstats:\n  as_of: 2024-07-01 # ngày\n  teams: 12\n\n  # số thành viên\n  members: 30\n";
        let figures = |teams: &str| {
            Yaml::Map(pairs(&[
                ("as_of", Yaml::Raw("2024-07-01".into())),
                ("teams", Yaml::Raw(teams.into())),
                ("members", Yaml::Raw("30".into())),
            ]))
        };
        let old = pairs(&[("title", text("A")), ("stats", figures("12"))]);
        let new = pairs(&[("title", text("A")), ("stats", figures("13"))]);
        assert_eq!(
            edit(yaml, &old, &new, ORDER, "\n"),
            "title: A\nstats:\n  as_of: 2024-07-01 # ngày\n  teams: 13\n\n  # số thành viên\n  members: 30\n"
        );
    }

    #[test]
    fn an_empty_value_with_a_comment_keeps_the_comment_in_its_column() {
        let yaml = "title: A\nprovince:            # tỉnh\n";
        let old = pairs(&[("title", text("A"))]);
        let new = pairs(&[("title", text("A")), ("province", text("Đắk Lắk"))]);
        assert_eq!(
            edit(yaml, &old, &new, ORDER, "\n"),
            "title: A\nprovince: Đắk Lắk    # tỉnh\n"
        );
    }

    #[test]
    fn scalars_are_quoted_only_when_yaml_needs_it() {
        let cases = [
            (
                "Đắk Lắk ra mắt lực lượng",
                false,
                "Đắk Lắk ra mắt lực lượng",
            ),
            ("Lễ ra mắt: Đắk Lắk", false, "\"Lễ ra mắt: Đắk Lắk\""),
            ("- gạch đầu dòng", false, "\"- gạch đầu dòng\""),
            ("#1 tin", false, "\"#1 tin\""),
            ("tin #1", false, "\"tin #1\""),
            ("2024-07-01", false, "\"2024-07-01\""),
            ("2199", false, "\"2199\""),
            ("true", false, "\"true\""),
            ("\"trích\"", false, "\"\\\"trích\\\"\""),
            ("a, b", true, "\"a, b\""),
            ("a, b", false, "a, b"),
            ("hai\ndòng", false, "\"hai\\ndòng\""),
            ("", false, "\"\""),
        ];
        for (input, flow, written) in cases {
            assert_eq!(scalar(input, flow), written, "{input:?}");
        }
    }
}
