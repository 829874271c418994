//! The check that an article's text and its figures agree: where the body states a
//! number next to a phrase that names a metric (`words` in site.yaml), that number and
//! its word (`trên`, `khoảng`, …) must be the article's own figure for the metric.
//!
//! A number belongs to a metric when the metric's phrase follows it ("2.199 Tổ bảo vệ
//! ANTT", "trên 9.000 thành viên") or, failing that, comes just before it with at most a
//! linking word between ("thành viên là trên 9.000"). Left alone: sentences that name
//! another province (they report someone else), dates and numbers joined to `/` or `-`
//! (1/7/2024, 44-KL/TW), numbers after `số`, `ngày`, `tháng`, `năm`, and code.
//!
//! Pure: reads the text it is given; returns warnings, never errors.

use super::Source;
use super::figure::{Figure, Number, Qualifier};
use super::front::ArticleFront;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::Msg;
use crate::load::config::{Config, locate_key};
use crate::provinces::Registry;

/// Words that may stand between a metric's phrase and its number.
const LINKS: &[&str] = &["là", "có", "gồm", "đạt", "với", "lên", "tới", "được"];

/// Words after which a number is not a figure: a numbered document, a date.
const NOT_FIGURES: &[&str] = &["số", "ngày", "tháng", "năm", "khóa", "khoá", "lần", "thứ"];

/// A number found in the text, with the word before it when that is a qualifier.
#[derive(Debug, PartialEq)]
struct Mention {
    metric: usize,
    figure: Figure,
    /// Byte offset in the line where the mention starts (its qualifier, else its number).
    start: usize,
    end: usize,
}

/// Warns, for each sentence of `source`'s body that states a figure of a metric the
/// article reports, when the number or its word differs from the figure.
pub(super) fn check(
    source: &Source,
    front: &ArticleFront,
    config: &Config,
    registry: &Registry,
    problems: &mut Diagnostics,
) {
    let (Some(stats), Some(settings)) = (&front.stats, &config.stats) else {
        return;
    };
    let metrics: Vec<(&str, Vec<String>, Figure)> = settings
        .metrics
        .iter()
        .filter_map(|m| {
            let figure = stats.figures.get(&m.name)?;
            let words: Vec<String> = m.words.iter().map(|w| w.to_lowercase()).collect();
            (!words.is_empty()).then_some((m.name.as_str(), words, *figure))
        })
        .collect();
    if metrics.is_empty() {
        return;
    }
    let own = front.province.as_deref().and_then(|p| registry.lookup(p));
    let others: Vec<&str> = registry
        .old_units()
        .chain(registry.current_units())
        .filter(|unit| own.is_none_or(|own| own.name != unit.name))
        .map(|unit| unit.name.as_str())
        .collect();
    let body = source.body();
    let first_line = source.front.lines().count() + 1;
    let file = format!("{}{body}", source.front);
    let mut in_code = false;
    for (index, line) in body.lines().enumerate() {
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || line.starts_with("    ") {
            continue;
        }
        let lower = line.to_lowercase();
        // Sentences are cut in the lower-case line and shown from the line itself: the
        // same bytes, as for every Vietnamese letter in NFC.
        if lower.len() != line.len() {
            continue;
        }
        for (start, end) in sentences(&lower) {
            let sentence = &line[start..end];
            let lower_sentence = &lower[start..end];
            if others.iter().any(|name| sentence.contains(name)) {
                continue;
            }
            let words: Vec<&[String]> = metrics.iter().map(|(_, w, _)| w.as_slice()).collect();
            for mention in mentions(lower_sentence, &words) {
                let (name, _, figure) = &metrics[mention.metric];
                if agrees(&mention.figure, figure) {
                    continue;
                }
                let line_number = first_line + index;
                let at = &line[start + mention.start..start + mention.end];
                let place = match locate_key(&source.front, 2, &["stats", name]) {
                    Some(at) => format!("{}:{}", source.path_string(), at.line),
                    None => source.path_string(),
                };
                let warning = Diagnostic::new(
                    &source.path,
                    Msg::ProseDisagrees {
                        metric: name.to_string(),
                        prose: format!("“{at}”"),
                        figure: figure.text(),
                    }
                    .to_string(),
                )
                .at(Location::of_text_on_line(&file, line_number, at))
                .note(
                    Msg::ProseDisagreesNote {
                        place,
                        metric: name.to_string(),
                        figure: figure.written(),
                    }
                    .to_string(),
                )
                .help(Msg::ProseDisagreesHelp.to_string())
                .warning();
                problems.push(warning);
            }
        }
    }
}

/// Whether a number in the text says what the figure says: the same number, and a word
/// on the same side of the count (`hơn` and `trên` agree; a word and none do not).
fn agrees(said: &Figure, figure: &Figure) -> bool {
    said.value == figure.value
        && said.qualifier.map(Qualifier::bound) == figure.qualifier.map(Qualifier::bound)
}

/// The byte ranges of the sentences of a line. A table row is one sentence, so that a
/// figure in one cell belongs to the phrase in the cell before it.
fn sentences(line: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b';' | b'!' | b'?' => true,
            // A dot ends a sentence when a space or the line's end follows: 2.199 goes on.
            b'.' => bytes
                .get(i + 1)
                .is_none_or(|next| next.is_ascii_whitespace()),
            _ => false,
        };
        if ends {
            ranges.push((start, i));
            start = i + 1;
        }
    }
    ranges.push((start, line.len()));
    ranges.retain(|(s, e)| s < e);
    ranges
}

/// The figures a sentence (lower case) states for the metrics whose phrases are `words`.
fn mentions(sentence: &str, words: &[&[String]]) -> Vec<Mention> {
    let mut found = Vec::new();
    for (start, end, value) in numbers(sentence) {
        let before = sentence[..start].trim_end();
        if let Some(word) = before.rsplit(|c: char| !c.is_alphanumeric()).next()
            && NOT_FIGURES.contains(&word)
        {
            continue;
        }
        let (qualifier, mention_start) = qualifier_before(sentence, start);
        let after = sentence[end..].trim_start();
        let following = words
            .iter()
            .position(|phrases| phrases.iter().any(|p| starts_with_phrase(after, p)));
        let metric = following.or_else(|| preceding_metric(&sentence[..mention_start], words));
        if let Some(metric) = metric {
            found.push(Mention {
                metric,
                figure: Figure { value, qualifier },
                start: mention_start,
                end,
            });
        }
    }
    found
}

/// Whether `text` opens with `phrase` as whole words.
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// The metric whose phrase ends `before`, give or take one linking word.
fn preceding_metric(before: &str, words: &[&[String]]) -> Option<usize> {
    let mut text = before.trim_end().trim_end_matches([':', '|']).trim_end();
    if let Some((head, last)) = text.rsplit_once(' ')
        && LINKS.contains(&last)
    {
        text = head.trim_end();
    }
    words.iter().position(|phrases| {
        phrases.iter().any(|p| {
            text.strip_suffix(p.as_str())
                .is_some_and(|head| !head.ends_with(char::is_alphanumeric))
        })
    })
}

/// The qualifier written just before the number at `start`, and where the mention
/// starts.
fn qualifier_before(sentence: &str, start: usize) -> (Option<Qualifier>, usize) {
    let before = sentence[..start].trim_end();
    for qualifier in Qualifier::ALL {
        if let Some(head) = before.strip_suffix(qualifier.word())
            && !head.ends_with(char::is_alphanumeric)
        {
            return (Some(qualifier), head.len());
        }
    }
    (None, start)
}

/// The numbers of a sentence written the Vietnamese way (2.199, 4,6, 945) with their
/// byte ranges; numbers joined to a `/`, `-` or letter are not figures.
fn numbers(sentence: &str) -> Vec<(usize, usize, Number)> {
    let bytes = sentence.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let end = i;
        let joined = |b: Option<&u8>| {
            b.is_some_and(|b| matches!(b, b'/' | b'-' | b'_') || b.is_ascii_alphanumeric())
        };
        let before = start.checked_sub(1).and_then(|p| bytes.get(p));
        if joined(before) || joined(bytes.get(end)) {
            continue;
        }
        if let Some(value) = vietnamese_number(&sentence[start..end]) {
            found.push((start, end, value));
        }
    }
    found
}

/// `2.199` (dots between thousands) or `4,6` (a decimal comma) as a number.
fn vietnamese_number(text: &str) -> Option<Number> {
    let (whole, fraction) = text.split_once(',').unwrap_or((text, ""));
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || fraction.contains([',', '.']) {
        return None;
    }
    let plain = match fraction {
        "" => groups.concat(),
        _ => format!("{}.{fraction}", groups.concat()),
    };
    Number::parse(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(sentence: &str, words: &[&[&str]]) -> Vec<(usize, String)> {
        let words: Vec<Vec<String>> = words
            .iter()
            .map(|w| w.iter().map(|p| p.to_lowercase()).collect())
            .collect();
        let words: Vec<&[String]> = words.iter().map(Vec::as_slice).collect();
        mentions(&sentence.to_lowercase(), &words)
            .into_iter()
            .map(|m| (m.metric, m.figure.text()))
            .collect()
    }

    const TEAMS_MEMBERS: &[&[&str]] = &[&["Tổ bảo vệ ANTT", "tổ"], &["thành viên"]];

    #[test]
    fn a_number_belongs_to_the_phrase_after_it_else_the_one_before() {
        assert_eq!(
            said(
                "Toàn tỉnh có 2.199 Tổ bảo vệ ANTT với trên 9.000 thành viên",
                TEAMS_MEMBERS
            ),
            [(0, "2.199".into()), (1, "trên 9.000".into())]
        );
        assert_eq!(
            said("Số lượng thành viên là hơn 9.000 người", TEAMS_MEMBERS),
            [(1, "hơn 9.000".into())]
        );
        assert_eq!(
            said("kinh phí hơn 4,6 tỷ đồng", &[&["tỷ đồng"]]),
            [(0, "hơn 4,6".into())]
        );
        assert_eq!(
            said("| Thành viên | 4.248 | 9.000 |", TEAMS_MEMBERS),
            [(1, "4.248".into())],
            "a table row: the cell after the phrase"
        );
    }

    #[test]
    fn dates_documents_and_lone_numbers_are_not_figures() {
        for sentence in [
            "Ngày 1/7/2024, tổ chức lễ ra mắt",
            "Kết luận số 44-KL/TW về thành viên",
            "thực hiện Nghị quyết số 12 về tổ",
            "năm 2024 thành viên",
            "1 trong 12 tỉnh được chọn",
            "hơn 800 người dự lễ",
        ] {
            assert_eq!(said(sentence, TEAMS_MEMBERS), [], "{sentence}");
        }
    }

    #[test]
    fn sentences_end_at_a_dot_and_a_space_not_inside_a_number() {
        let line = "Có 2.199 tổ. Có 9.000 thành viên | 945";
        let parts: Vec<&str> = sentences(line).iter().map(|&(s, e)| &line[s..e]).collect();
        assert_eq!(parts, ["Có 2.199 tổ", " Có 9.000 thành viên | 945"]);
    }

    #[test]
    fn words_on_the_same_side_agree_and_a_dropped_word_does_not() {
        let figure = |q: Option<Qualifier>| Figure {
            value: Number::whole(9000),
            qualifier: q,
        };
        assert!(agrees(
            &figure(Some(Qualifier::Hon)),
            &figure(Some(Qualifier::Tren))
        ));
        assert!(!agrees(&figure(None), &figure(Some(Qualifier::Tren))));
        assert!(!agrees(
            &figure(Some(Qualifier::Khoang)),
            &figure(Some(Qualifier::Tren))
        ));
        assert!(!agrees(&Figure::exact(9001), &figure(None)));
    }
}
