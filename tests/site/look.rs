//! Issue 27, "Logo and colours without touching templates": `site.yaml`'s `logo:` and
//! `colors:` style the default theme; a colour too pale for text is an error stating the
//! ratio; a site's own CSS, `static/site.css`, is added after the theme's, and a file of
//! `static/` that replaces one of the theme's is a warning.

use crate::support::SiteTest;

const SITE: &str = "title: Công an tỉnh Đắk Lắk\nbase_url: https://example.gov.vn\n";

fn site(more_yaml: &str) -> SiteTest {
    SiteTest::empty()
        .file("site.yaml", &format!("{SITE}{more_yaml}"))
        .article("content/tin-tuc/a.md", "A", "2024-07-01", "", "Nội dung.")
}

#[test]
fn the_logo_and_colours_show_on_every_page() {
    let site = site(
        "logo: { src: logo.png, alt: Công an tỉnh Đắk Lắk }\ncolors:\n  primary: \"#0b3d6e\"\n  accent: \"#7a1616\"\n",
    )
    .bytes("static/logo.png", &crate::support::jpeg(8, 8))
    .build();
    let page = site.page("/tin-tuc/a/");
    assert!(
        page.contains(r#"<img class="site-logo" src="/logo.png" alt="Công an tỉnh Đắk Lắk">"#),
        "{page}"
    );
    assert!(
        page.contains("<style>:root{--link:#0b3d6e;--accent:#7a1616;}</style>"),
        "{page}"
    );
    assert!(site.exists("/logo.png"));
}

#[test]
fn a_site_without_them_gets_no_extra_markup() {
    let site = site("").build();
    let page = site.page("/tin-tuc/a/");
    assert!(
        !page.contains("<style>") && !page.contains("site-logo"),
        "{page}"
    );
}

#[test]
fn a_colour_too_pale_for_text_is_an_error_stating_the_ratio() {
    let run = site("colors:\n  primary: \"#6fa8dc\"\n").run(&["build"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "\
1. error: `primary: #6fa8dc` has a contrast of 2.28:1 against #f7f3ec: text needs at least 4.5:1 to be readable (WCAG AA)
 --> site.yaml:4:3
  |
4 |   primary: \"#6fa8dc\"
  |   ^^^^^^^
  |
  = help: the theme shows this colour as text on white and white text on it: choose a darker shade

1 problem found; nothing was written.
"
    );
    let vietnamese =
        site("colors:\n  primary: \"#6fa8dc\"\n").run_with_lang(&["build"], "vi_VN.UTF-8");
    assert!(
        vietnamese
            .stderr
            .contains("chỉ có độ tương phản 2,28:1 so với nền #f7f3ec"),
        "{}",
        vietnamese.stderr
    );
}

#[test]
fn a_colour_written_without_quotes_is_an_error_not_ignored() {
    let run = site("colors:\n  accent: #7a1616\n").run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("1. error: `accent: ` is not a colour loa can read\n --> site.yaml:4:3"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("in quotes"), "{}", run.stderr);
}

#[test]
fn a_logo_must_exist_and_say_what_it_shows() {
    let run = site("logo: { src: logo.png, alt: \"\" }\n").run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("1. error: the logo has no alt text\n --> site.yaml:3:"),
        "{}",
        run.stderr
    );
    let run = site("logo:\n  src: /logo.png\n  alt: Logo\n").run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "1. error: the logo `/logo.png` is not in static/: there is no file static/logo.png\n --> site.yaml:4:3"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_sites_own_css_comes_after_the_themes() {
    let site = site("")
        .file(
            "static/site.css",
            ".site-name { letter-spacing: 0.02em; }\n",
        )
        .build();
    let page = site.page("/tin-tuc/a/");
    let theme = page
        .find(r#"href="/style.css""#)
        .expect("the theme's stylesheet");
    let own = page
        .find(r#"href="/site.css""#)
        .expect("the site's stylesheet");
    assert!(theme < own, "{page}");
}

#[test]
fn replacing_a_theme_file_is_a_warning_that_says_how_to_add() {
    let site = site("").file("static/style.css", "body { color: red; }\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "1. warning: static/style.css replaces the theme's own style.css, which every page uses\n--> static/style.css"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("name the file static/site.css"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_guide_quotes_the_contrast_error() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/huong-dan/logo-mau-sac-va-dia-chi-trang.md"),
    )
    .expect("the guide's page");
    let run = site("colors:\n  primary: \"#6fa8dc\"\n").run(&["check", "--lang", "vi"]);
    for line in run
        .stderr
        .lines()
        .filter(|l| l.contains(". lỗi: ") || l.contains("= gợi ý: "))
    {
        let quoted = line.trim_start_matches(|c: char| !c.is_alphabetic());
        assert!(
            guide.contains(&format!("    {quoted}\n")),
            "the guide does not quote\n{quoted}"
        );
    }
}
