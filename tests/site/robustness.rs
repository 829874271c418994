//! No input makes loa panic: arbitrary bytes and arbitrary YAML, through the
//! front-matter reader and through a whole build of a one-file site.

use proptest::prelude::*;

use crate::support::SiteTest;

fn build_one_file_site(bytes: &[u8]) {
    let site = SiteTest::new().bytes("content/tin-tuc/a.md", bytes);
    let mut options = loa::BuildOptions::new(site.root());
    options.out = Some(site.out());
    // Ok or a reported problem are both fine; a panic fails the test.
    let _outcome = loa::build(&options);
}

/// YAML-looking front matter: keys loa knows and keys it does not, values of every
/// shape, indentation and quotes in odd places.
fn yamlish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "title", "date", "kind", "province", "stats", "  teams", "  as_of", "tags", "image",
        "  alt", "slug", "aliases", "campaign", "  motto", "extra", "titel", "- x",
    ]);
    let value = prop::sample::select(vec![
        "",
        "A",
        "2024-07-01",
        "2024-13-45",
        "2.199",
        "-1",
        "[a, b]",
        "{ src: a.jpg }",
        "\"",
        "'",
        "Đắk Lắk",
        "Dak Lak",
        "../..",
        "~",
        "*a",
        "&a x",
        "|",
        "ceremony",
        "99999999999999999999",
    ]);
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        let lines: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        format!(
            "---\n{}\n---\nNội dung [x](@/a.md#b) [y](/c/).\n",
            lines.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_front_matter_reader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = loa::load::content::decode(&bytes).unwrap_or_default();
        if let Ok(split) = loa::load::yaml::split(&text) {
            let _ = loa::load::yaml::parse::<loa::load::content::front::ArticleFront>(split.yaml);
        }
    }

    #[test]
    fn arbitrary_yaml_never_panics_the_front_matter_reader(text in yamlish()) {
        let split = loa::load::yaml::split(&text).expect("the generator closes the front matter");
        let _ = loa::load::yaml::parse::<loa::load::content::front::ArticleFront>(split.yaml);
    }

    #[test]
    fn arbitrary_yaml_never_panics_a_build(text in yamlish()) {
        build_one_file_site(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic_a_build(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        build_one_file_site(&bytes);
    }
}
