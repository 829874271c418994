//! Issue 28, "Hardening": tags that lead to the same page are one tag everywhere (the
//! article's chips, the term page, the list of tags), shown in the spelling most articles
//! use, ties going to a spelling with tone marks, then to Vietnamese order. A tag written
//! without its tone marks, where another article writes them, is a warning at its line.

use crate::support::SiteTest;

const A: &str = "content/tin-tuc/a.md";
const B: &str = "content/tin-tuc/b.md";
const C: &str = "content/tin-tuc/c.md";

/// Each link that follows `opening` in `html` (which ends with the `href="` of the
/// link), as "href name", in order.
fn links(html: &str, opening: &str) -> Vec<String> {
    html.split(opening)
        .skip(1)
        .filter_map(|rest| {
            let (href, rest) = rest.split_once("\">")?;
            let (name, _) = rest.split_once("</a>")?;
            Some(format!("{href} {name}"))
        })
        .collect()
}

/// The text of each tag chip in the `<main>` of an article page, in order.
fn chips(main: &str) -> Vec<String> {
    links(main, "class=\"tag\" href=\"")
}

/// The entries of the list of tags: link and name.
fn terms(main: &str) -> Vec<String> {
    let list = main
        .split_once("<ul class=\"terms\">")
        .map_or("", |(_, list)| list);
    links(list, "<li><a href=\"")
}

#[test]
fn one_tag_written_three_ways_in_one_article_is_one_chip_and_one_term() {
    let site = SiteTest::new().article(
        A,
        "Lễ ra mắt",
        "2024-07-01",
        "tags: [Lễ ra mắt, Le ra mat, LỄ RA MẮT]\n",
        "Nội dung.",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "\
1. warning: the tag `Le ra mat` is written without its tone marks
 --> content/tin-tuc/a.md:4:19
  |
4 | tags: [Lễ ra mắt, Le ra mat, LỄ RA MẮT]
  |                   ^^^^^^^^^
  |
  = help: write it with its tone marks: `Lễ ra mắt`

1 warning: not an error, but worth a look.
"
    );
    assert_eq!(
        chips(&site.main("/tin-tuc/le-ra-mat/")),
        ["/chu-de/le-ra-mat/ Lễ ra mắt"]
    );
    let term = site.main("/chu-de/le-ra-mat/");
    assert!(term.contains("<h1>Lễ ra mắt</h1>"), "{term}");
    assert!(term.contains("1 bài viết"), "{term}");
    assert_eq!(
        terms(&site.main("/chu-de/")),
        ["/chu-de/le-ra-mat/ Lễ ra mắt"]
    );
}

#[test]
fn a_tag_is_shown_everywhere_as_most_articles_write_it() {
    let site = SiteTest::new()
        .article(A, "A", "2024-07-01", "tags: [LỄ RA MẮT]\n", "")
        .article(B, "B", "2024-07-02", "tags: [LỄ RA MẮT]\n", "")
        .article(C, "C", "2024-07-03", "tags: [Lễ ra mắt, Đắk Lắk]\n", "");
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    for url in ["/tin-tuc/a/", "/tin-tuc/b/"] {
        assert_eq!(
            chips(&site.main(url)),
            ["/chu-de/le-ra-mat/ LỄ RA MẮT"],
            "{url}"
        );
    }
    assert_eq!(
        chips(&site.main("/tin-tuc/c/")),
        ["/chu-de/le-ra-mat/ LỄ RA MẮT", "/chu-de/dak-lak/ Đắk Lắk"]
    );
    let term = site.main("/chu-de/le-ra-mat/");
    assert!(term.contains("<h1>LỄ RA MẮT</h1>"), "{term}");
    assert!(term.contains("3 bài viết"), "{term}");
    assert_eq!(
        terms(&site.main("/chu-de/")),
        ["/chu-de/dak-lak/ Đắk Lắk", "/chu-de/le-ra-mat/ LỄ RA MẮT"]
    );
}

#[test]
fn a_tie_goes_to_tone_marks_then_to_vietnamese_order() {
    let site = SiteTest::new()
        .article(A, "A", "2024-07-01", "tags: [Le ra mat]\n", "")
        .article(B, "B", "2024-07-02", "tags: [LỄ RA MẮT]\n", "")
        .article(C, "C", "2024-07-03", "tags:\n  - lễ ra mắt\n", "");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "\
1. warning: the tag `Le ra mat` is written without its tone marks
 --> content/tin-tuc/a.md:4:8
  |
4 | tags: [Le ra mat]
  |        ^^^^^^^^^
  |
  = help: write it with its tone marks: `lễ ra mắt`

1 warning: not an error, but worth a look.
"
    );
    for url in ["/tin-tuc/a/", "/tin-tuc/b/", "/tin-tuc/c/"] {
        assert_eq!(
            chips(&site.main(url)),
            ["/chu-de/le-ra-mat/ lễ ra mắt"],
            "{url}"
        );
    }
}

#[test]
fn a_tag_without_tone_marks_that_most_articles_use_is_shown_and_warned_about() {
    let site = SiteTest::new()
        .article(A, "A", "2024-07-01", "tags:\n  - Le ra mat\n", "")
        .article(B, "B", "2024-07-02", "tags: [Le ra mat]\n", "")
        .article(C, "C", "2024-07-03", "tags: [Lễ ra mắt]\n", "");
    let run = site.run(&["check", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "\
1. cảnh báo: chủ đề `Le ra mat` được viết không dấu
 --> content/tin-tuc/a.md:5:5
  |
5 |   - Le ra mat
  |     ^^^^^^^^^
  |
  = gợi ý: hãy viết có đủ dấu: `Lễ ra mắt`

2. cảnh báo: chủ đề `Le ra mat` được viết không dấu
 --> content/tin-tuc/b.md:4:8
  |
4 | tags: [Le ra mat]
  |        ^^^^^^^^^
  |
  = gợi ý: hãy viết có đủ dấu: `Lễ ra mắt`

Có 2 cảnh báo: không phải lỗi, nhưng nên xem lại.
"
    );
}

#[test]
fn a_tag_only_ever_written_without_tone_marks_is_no_warning() {
    let site = SiteTest::new()
        .article(A, "A", "2024-07-01", "tags: [ANTT, Le ra mat]\n", "")
        .article(B, "B", "2024-07-02", "tags: [antt]\n", "")
        .article(C, "C", "2024-07-03", "tags: [ANTT]\n", "");
    let run = site.run(&["build"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(chips(&site.main("/tin-tuc/b/")), ["/chu-de/antt/ ANTT"]);
}
