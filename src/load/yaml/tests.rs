use super::*;
use serde::Deserialize;

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
