use super::*;
use serde::Deserialize;

use crate::i18n::Msg;

#[test]
fn split_cases() {
    type Expected = Result<(&'static str, &'static str), SplitError>;
    let cases: &[(&str, Expected)] = &[
        ("---\ntitle: A\n---\nBody\n", Ok(("title: A\n", "Body\n"))),
        (
            "---\r\ntitle: A\r\n---\r\nBody",
            Ok(("title: A\r\n", "Body")),
        ),
        ("---\ntitle: A\n---", Ok(("title: A\n", ""))),
        ("---\n---\nBody", Ok(("", "Body"))),
        ("", Err(SplitError::Empty)),
        ("  \n\n", Err(SplitError::Empty)),
        ("# Title\n", Err(SplitError::NoFrontMatter)),
        ("---\ntitle: A\nBody\n", Err(SplitError::Unclosed)),
    ];
    for (source, expected) in cases {
        let got = split(source).map(|s| (s.yaml, s.body));
        assert_eq!(&got, expected, "{source:?}");
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Sample {
    title: String,
    date: Option<String>,
}

#[test]
fn an_unknown_key_reports_its_position_and_the_known_keys() {
    let error = parse::<Sample>("title: A\ntitel: B\n").unwrap_err();
    assert_eq!(error.line, Some(2));
    assert_eq!(
        error.unknown_key,
        Some(UnknownKey {
            key: "titel".into(),
            is_value: false,
            expected: vec!["title".into(), "date".into()]
        })
    );
}

#[test]
fn a_key_written_twice_points_at_the_second_line() {
    let error = parse::<Sample>("date: 2024-07-01\ntitle: A\ntitle: B\n").unwrap_err();
    assert_eq!(error.message, "`title` is written twice");
    assert_eq!(
        (error.line, error.column, error.width),
        (Some(3), Some(1), 5)
    );
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Outer {
    campaign: Sample,
}

#[test]
fn a_nested_key_written_twice_points_at_the_second_line() {
    let yaml = "campaign:\n  title: A\n  date: x\n  title: B\n";
    let error = parse::<Outer>(yaml).unwrap_err();
    assert_eq!(error.message, "`title` is written twice in `campaign`");
    assert_eq!((error.line, error.column), (Some(4), Some(3)));
}

#[test]
fn a_missing_key_in_empty_yaml_is_reported_as_missing() {
    let error = parse::<Sample>("").unwrap_err();
    assert_eq!(error.message, "the front matter has no `title`");
    assert_eq!(error.help.as_deref(), Some("add a line `title: …`"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Front {
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    stats: Option<std::collections::BTreeMap<String, u64>>,
    #[serde(default)]
    image: Option<Img>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Img {
    src: String,
    alt: String,
}

/// Every problem of `yaml`, as `(line, column, message)`, and whether a value was read.
/// Messages are in the test's language, English; `tests/site/errors.rs` reads them in
/// Vietnamese.
fn all_problems(yaml: &str) -> (bool, Vec<(usize, usize, String)>) {
    let reading = parse_all::<Front>(yaml);
    let problems = reading
        .errors
        .into_iter()
        .map(|e| (e.line.unwrap_or(0), e.column.unwrap_or(0), e.message))
        .collect();
    (reading.value.is_some(), problems)
}

#[test]
fn every_yaml_slip_is_named_at_its_place_and_reading_goes_on() {
    let cases: &[(&str, (usize, usize, Msg))] = &[
        ("title: A\n\tdate: x\n", (2, 1, Msg::YamlTab)),
        ("title: A\nstats:\n  a: 1\n\tb: 2\n", (4, 1, Msg::YamlTab)),
        ("title: \"Lễ ra mắt\ndate: x\n", (1, 8, Msg::QuoteNotClosed)),
        (
            "title: Đắk Lắk: ra mắt lực lượng\n",
            (1, 15, Msg::ColonInValue),
        ),
        ("title: A\nstats:\n  a: 1\n b: 2\n", (4, 2, Msg::YamlIndent)),
        (
            "title: A\n  date: x\n",
            (
                2,
                3,
                Msg::YamlIndentDeeper {
                    key: "title".into(),
                },
            ),
        ),
        ("title: A\n- Tây Nguyên\n", (2, 1, Msg::YamlListItemOutside)),
        (
            "title: A\ntags: [a, b\ndate: x\n",
            (2, 7, Msg::YamlBracketNotClosed { bracket: '[' }),
        ),
        (
            "title: A\ncount: 100000000000000000000\n",
            (
                2,
                8,
                Msg::NumberTooLarge {
                    value: "100000000000000000000".into(),
                },
            ),
        ),
    ];
    for (yaml, (line, column, message)) in cases {
        let (read, problems) = all_problems(yaml);
        assert_eq!(
            problems,
            [(*line, *column, message.to_string())],
            "{yaml:?}"
        );
        assert!(read, "{yaml:?} is read past its slip");
    }
}

#[test]
fn every_problem_of_a_text_comes_in_one_reading() {
    let yaml = "title: Lễ ra mắt: Đắk Lắk\ndate: x\n\tcount: 5\ntitel: B\nstats:\n  a: 2.199\n  b: -1\nimage: { src: a.jpg }\n";
    let (read, problems) = all_problems(yaml);
    let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
    assert_eq!(lines, [1, 3, 4, 6, 7, 8], "{problems:#?}");
    assert!(read);
}

#[test]
fn a_required_key_emptied_by_its_own_slip_is_not_reported_missing_again() {
    let (read, problems) = all_problems("title: [a\ndate: 2024\n");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(read);
    let (_, problems) = all_problems("date: x\n");
    assert_eq!(
        problems,
        [(1, 1, "the front matter has no `title`".to_string())]
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct WithCampaign {
    title: String,
    #[serde(default)]
    campaign: Option<Campaign>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Campaign {
    motto: String,
    starts: u64,
    #[serde(default)]
    ends: Option<u64>,
}

#[test]
fn two_problems_in_one_mapping_are_both_reported() {
    let yaml = "title: A\ncampaign:\n  motto: M\n  starts: x\n  ends: y\n";
    let reading = parse_all::<WithCampaign>(yaml);
    let lines: Vec<Option<usize>> = reading.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(4), Some(5)], "{:#?}", reading.errors);
    assert!(reading.value.is_some());
    assert_eq!(reading.broken, ["campaign", "campaign"]);
}
