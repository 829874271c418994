//! Every sentence loa prints comes from the catalogue (`src/i18n/`), in English and in
//! Vietnamese: a sentence written where it is printed would reach a Vietnamese officer
//! in English.

use std::path::Path;

use crate::support::SiteTest;

/// The macros and calls that print to the terminal.
const PRINTERS: &[&str] = &[
    "print!(",
    "println!(",
    "eprint!(",
    "eprintln!(",
    ".println(",
];

/// The words a format string holds once its `{…}` placeholders are taken out.
fn words_outside_placeholders(literal: &str) -> String {
    let mut words = String::new();
    let mut depth = 0;
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        match c {
            // `\n`, `\"`: an escape, not a word.
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => words.push(c),
            _ => {}
        }
    }
    words
}

/// `file:line: literal` for each printing call of `text` whose format string holds words.
fn sentences_printed_in(file: &Path, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for printer in PRINTERS {
        for (at, _) in text.match_indices(printer) {
            // `println!(` inside `eprintln!(` is the same call.
            let joined = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let after = text[at + printer.len()..].trim_start();
            let (true, Some(rest)) = (!joined, after.strip_prefix('"')) else {
                continue;
            };
            let mut end = rest.len();
            let mut escaped = false;
            for (index, c) in rest.char_indices() {
                match c {
                    '"' if !escaped => {
                        end = index;
                        break;
                    }
                    '\\' => escaped = !escaped,
                    _ => escaped = false,
                }
            }
            let literal = &rest[..end];
            if !words_outside_placeholders(literal).is_empty() {
                let line = text[..at].matches('\n').count() + 1;
                found.push(format!("{}:{line}: {literal}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_scan_finds_a_sentence_written_where_it_is_printed() {
    let sample = "fn f() {\n    println!(\"{}\", Msg::ServeStopped);\n    eprintln!(\n        \"Stopped after {n} files\"\n    );\n}\n";
    assert_eq!(
        sentences_printed_in(Path::new("a.rs"), sample),
        ["a.rs:3: Stopped after {n} files"]
    );
}

#[test]
fn no_sentence_is_printed_outside_the_catalogue() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src/");
        let path = entry.path();
        let in_catalogue = path.starts_with(src.join("i18n"));
        if in_catalogue || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read a source file");
        let shown = path.strip_prefix(&src).unwrap_or(path);
        found.extend(sentences_printed_in(shown, &text));
    }
    assert!(
        found.is_empty(),
        "print through the catalogue (src/i18n/):\n{}",
        found.join("\n")
    );
}

#[test]
fn help_and_usage_errors_are_in_vietnamese() {
    let site = SiteTest::new();
    let help = site.run_with_lang(&["--help"], "vi_VN.UTF-8");
    assert_eq!(help.code, 0, "{}", help.stderr);
    for said in [
        "Cách dùng: loa",
        "Lệnh:",
        "Tuỳ chọn:",
        "Dựng trang web vào thư mục đầu ra",
    ] {
        assert!(help.stdout.contains(said), "{said:?} in\n{}", help.stdout);
    }
    let build_help = site.run_with_lang(&["build", "--help"], "vi_VN.UTF-8");
    assert!(
        build_help
            .stdout
            .contains("--drafts               Gồm cả các bài ghi `draft: true`"),
        "{}",
        build_help.stdout
    );
    for english in ["Usage", "Options", "Print help", "Include articles"] {
        assert!(
            !help.stdout.contains(english),
            "{english:?} in\n{}",
            help.stdout
        );
        assert!(
            !build_help.stdout.contains(english),
            "{english:?} in\n{}",
            build_help.stdout
        );
    }
    let typo = site.run_with_lang(&["buidl"], "vi_VN.UTF-8");
    assert_eq!(typo.code, 2);
    assert_eq!(
        typo.stderr,
        "lỗi: loa không biết lệnh `buidl`\n  = gợi ý: chạy `loa --help` để xem các lệnh, hoặc `loa build --help` cho một lệnh\n"
    );
    let missing = site.run_with_lang(&["new", "tin-tuc"], "vi_VN.UTF-8");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.starts_with("lỗi: lệnh này cần <TITLE>"),
        "{}",
        missing.stderr
    );
}
