//! The example site's guide, "Hướng dẫn soạn bài" (content/huong-dan/), cannot go stale:
//! it explains every front-matter key loa accepts, and quotes the messages loa really
//! gives. It is built, checked with the Nu Html Checker and link-checked with the rest
//! of the example site (example.rs).

use std::path::Path;
use std::process::Command;

use loa::load::content::front::{ArticleFront, Campaign, Image};
use loa::load::yaml::parse;
use serde::de::DeserializeOwned;

use crate::support::{SiteTest, jpeg};

fn guide(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/huong-dan")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keys a front-matter struct accepts, as its own "unknown key" error lists them.
fn keys_of<T: DeserializeOwned>() -> Vec<String> {
    let error = parse::<T>("khong_phai_muc_nao: 1\n")
        .err()
        .expect("an unknown key is refused");
    error.unknown_key.expect("the keys allowed here").expected
}

#[test]
fn the_guide_explains_every_front_matter_key() {
    let text = guide("thong-tin-dau-bai.md");
    let keys = keys_of::<ArticleFront>();
    assert!(keys.len() >= 15, "{keys:?}");
    for key in &keys {
        assert!(
            text.contains(&format!("### `{key}`")),
            "the guide has no heading for `{key}`"
        );
        assert!(
            text.contains(&format!("    {key}:")) || text.contains(&format!("  {key}:")),
            "the guide has no example of `{key}`"
        );
    }
    let nested = keys_of::<Campaign>()
        .into_iter()
        .chain(keys_of::<Image>())
        .chain(["as_of".to_string()]);
    for key in nested {
        assert!(
            text.contains(&format!("`{key}`")) && text.contains(&format!("{key}:")),
            "the guide neither explains nor shows `{key}`"
        );
    }
}

/// The lines of a report an officer reads: each error, help and note, without the
/// numbering and the frame.
fn quoted_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            for label in ["lỗi", "cảnh báo"] {
                if let Some((number, rest)) = line.split_once(&format!(". {label}: "))
                    && number.chars().all(|c| c.is_ascii_digit())
                {
                    return Some(format!("{label}: {rest}"));
                }
            }
            line.strip_prefix("= gợi ý: ")
                .map(|help| format!("gợi ý: {help}"))
                .or_else(|| {
                    line.strip_prefix("= ghi chú: ")
                        .map(|n| format!("ghi chú: {n}"))
                })
        })
        .collect()
}

#[test]
fn the_guide_quotes_the_messages_loa_really_gives() {
    const A: &str = "content/tin-tuc/a.md";
    let good = "---\ntitle: Lễ ra mắt\ndate: 2024-07-01\n---\n";
    let cases: Vec<(&str, SiteTest)> = vec![
        (
            "unknown key",
            SiteTest::new().file(A, "---\ntitel: Lễ ra mắt\ndate: 2024-07-01\n---\n"),
        ),
        (
            "colon",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nsummary: Đắk Lắk: 2.199 tổ\n---\n",
            ),
        ),
        ("no date", SiteTest::new().file(A, "---\ntitle: A\n---\n")),
        (
            "date",
            SiteTest::new().file(A, "---\ntitle: A\ndate: 1/7/2024\n---\n"),
        ),
        (
            "province",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nprovince: Dak Lak\n---\n",
            ),
        ),
        (
            "dot",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  teams: 2.199\n---\n",
            ),
        ),
        (
            "qualifier",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  members: tren 9000\n---\n",
            ),
        ),
        (
            "prose",
            SiteTest::new()
                .file(
                    "site.yaml",
                    &crate::support::SITE_YAML.replace(
                        "members: { label: Thành viên }",
                        "members: { label: Thành viên, words: [thành viên] }",
                    ),
                )
                .file(
                    A,
                    "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  members: 9000\n---\nToàn tỉnh có trên 9.000 thành viên.\n",
                ),
        ),
        (
            "metric",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  team: 5\n---\n",
            ),
        ),
        (
            "link",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\n---\nXem [bài](@/tin-tuc/khong-co.md).\n",
            ),
        ),
        (
            "tab",
            SiteTest::new().file(A, "---\ntitle: A\ndate: 2024-07-01\nstats:\n\tteams: 5\n---\n"),
        ),
        (
            "indent",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\ncampaign:\n  motto: M\n starts: 2024-08-19\n---\n",
            ),
        ),
        (
            "deeper",
            SiteTest::new().file(A, "---\ntitle: A\n  date: 2024-07-01\n---\n"),
        ),
        (
            "list item",
            SiteTest::new().file(
                A,
                "---\ntitle: A\n- lễ ra mắt\ndate: 2024-07-01\n---\n",
            ),
        ),
        (
            "bracket",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\ntags: [lễ ra mắt, Tây Nguyên\n---\n",
            ),
        ),
        (
            "quote",
            SiteTest::new().file(A, "---\ntitle: \"Lễ ra mắt\ndate: 2024-07-01\n---\n"),
        ),
        (
            "inline alt",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nimage: { src: anh.jpg }\n---\n",
            ),
        ),
        (
            "no alt",
            SiteTest::new()
                .file(
                    "content/tin-tuc/anh-le/index.md",
                    "---\ntitle: A\ndate: 2024-07-01\n---\n![](anh.jpg)\n",
                )
                .bytes("content/tin-tuc/anh-le/anh.jpg", &jpeg(8, 8)),
        ),
        (
            "no photo",
            SiteTest::new()
                .file(
                    "content/tin-tuc/anh-le/index.md",
                    "---\ntitle: A\ndate: 2024-07-01\n---\n![Hội trường](hoi-truong.jpg)\n",
                )
                .bytes("content/tin-tuc/anh-le/Hoi-truong.JPG", &jpeg(8, 8)),
        ),
        (
            "year",
            SiteTest::new().file(A, "---\ntitle: A\ndate: 0202-07-01\n---\n"),
        ),
        (
            "updated",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nupdated: 2024-06-30\n---\n",
            ),
        ),
        (
            "campaign",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nkind: campaign\ncampaign:\n  motto: M\n  starts: 2024-08-19\n  ends: 2024-08-01\n---\n",
            ),
        ),
        (
            "as_of",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  as_of: 2052-07-01\n  teams: 5\n---\n",
            ),
        ),
        (
            "merged",
            SiteTest::new().file(
                A,
                "---\ntitle: A\ndate: 2025-08-01\nprovince: Phú Yên\nstats:\n  teams: 5\n---\n",
            ),
        ),
        (
            "tag",
            SiteTest::new()
                .file(A, "---\ntitle: A\ndate: 2024-07-01\ntags: [Le ra mat]\n---\n")
                .file(
                    "content/tin-tuc/b.md",
                    "---\ntitle: B\ndate: 2024-07-01\ntags: [Lễ ra mắt]\n---\n",
                ),
        ),
        (
            "twin names",
            SiteTest::new()
                .bytes("content/tin-tuc/a\u{309}nh.jpg", b"JPEG")
                .bytes("content/tin-tuc/\u{1ea3}nh.jpg", b"JPEG"),
        ),
        (
            "control character",
            SiteTest::new().file("content/tin-tuc/a\nb.md", good),
        ),
        ("no front matter", SiteTest::new().file(A, "# Lễ ra mắt\n")),
        (
            "not UTF-8",
            SiteTest::new().bytes(A, b"---\ntitle: A\xff\n---\n"),
        ),
        (
            "same page",
            SiteTest::new()
                .file(A, good)
                .file("content/tin-tuc/b.md", good),
        ),
    ];
    let text = guide("cac-loi-thuong-gap.md");
    for (name, site) in cases {
        let run = site.run(&["check", "--lang", "vi"]);
        // An error fails the check; a warning alone does not.
        let errors = run.stderr.contains(". lỗi: ");
        assert_eq!(run.code != 0, errors, "{name}: {}", run.stderr);
        assert!(!run.stderr.is_empty(), "{name}: nothing said");
        // The guide cannot know the day it is read on.
        let today = chrono::Local::now().date_naive().to_string();
        let lines = quoted_lines(&run.stderr.replace(&today, "…"));
        assert!(!lines.is_empty(), "{name}: {}", run.stderr);
        for line in lines {
            assert!(
                text.contains(&format!("{line}\n")),
                "{name}: the guide does not quote\n{line}"
            );
        }
    }
    // A broken photo's message ends with the decoder's own words, which the guide
    // leaves out.
    let broken = SiteTest::new()
        .file(
            "content/tin-tuc/anh-le/index.md",
            "---\ntitle: A\ndate: 2024-07-01\n---\n![Hội trường](anh.jpg)\n",
        )
        .bytes("content/tin-tuc/anh-le/anh.jpg", b"JPEG");
    let lines = quoted_lines(&broken.run(&["check", "--lang", "vi"]).stderr);
    assert!(
        lines[0].starts_with("lỗi: không đọc được ảnh `anh.jpg`: "),
        "{lines:?}"
    );
    assert!(text.contains("    lỗi: không đọc được ảnh `anh.jpg`: …\n"));
    assert!(
        text.contains(&format!("    {}\n", lines[1])),
        "{}",
        lines[1]
    );
}

#[test]
fn the_guide_is_part_of_the_example_site() {
    let output = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["check", "--lang", "en"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run loa");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Issue 30: the guide is for officers, not readers: off the menu and the home
    // page, linked from every page's footer.
    let site_yaml =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("site.yaml"))
            .expect("site.yaml");
    assert!(
        !site_yaml.contains("url: /huong-dan/"),
        "the guide is not in the menu"
    );
    assert!(
        guide("_index.md").contains("\nlisted: false\n"),
        "the guide is an unlisted section"
    );
}

/// Issue 29: every button and field the editor's guide names in bold is one the editing
/// pages show, word for word, so that an officer finds what the guide says to press.
#[test]
fn the_editor_guide_names_what_the_editing_pages_show() {
    use loa::i18n::{Label, Lang, Msg};
    let text = guide("soan-bai-tren-trinh-duyet/index.md");
    let shown: Vec<String> = Label::ALL
        .iter()
        .map(|label| Msg::Editor(*label).text(Lang::Vi).into_owned())
        .chain([Msg::EditThisArticle.text(Lang::Vi).into_owned()])
        .collect();
    let named: Vec<&str> = text.split("**").skip(1).step_by(2).collect();
    assert!(named.len() >= 20, "{named:?}");
    for name in named {
        assert!(
            shown.iter().any(|label| label == name),
            "the guide names **{name}**, which no editing page shows"
        );
    }
}
