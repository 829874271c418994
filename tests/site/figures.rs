//! Figures as their articles give them (issue 26): every qualifier shown with its word on
//! every page and in both data files, totals that say what they are, units, the source
//! a figure was first published in, the prose check, a provincial portal's wording and
//! the tile map.

use crate::support::SiteTest;

const SITE_YAML: &str = "\
title: Trang thử nghiệm
base_url: https://example.gov.vn
taxonomies:
  - { name: provinces, path: tinh-thanh }
stats:
  path: thong-ke
  metrics:
    teams: { label: Tổ bảo vệ ANTT, words: [Tổ bảo vệ ANTT, tổ] }
    members: { label: Thành viên, words: [thành viên] }
    funding: { label: Kinh phí, unit: tỷ đồng/năm, decimals: 1, words: [tỷ đồng] }
";

/// One article per qualifier, in both forms, and their sums worked by hand:
/// - members: trên 9000 (Đắk Lắk) + hơn 3000 (Cần Thơ) + ít nhất 100 (Hải Dương)
///   + gần 500 (Sóc Trăng) + dưới 50 (Hậu Giang) = khoảng 12650 (an at-most part);
/// - teams: 2199 (Đắk Lắk) + trên 10 (Cần Thơ) = trên 2209 (exact and at-least);
/// - funding: khoảng 4.6 (Hải Dương) alone: khoảng 4,6 tỷ đồng/năm.
///
/// Rolled up: Cần Thơ today (Cần Thơ, Sóc Trăng, Hậu Giang) has members hơn 3000 +
/// gần 500 + dưới 50 = khoảng 3550, complete, and teams trên 10 from Cần Thơ alone,
/// partial; Hải Phòng today has members ít nhất 100 from Hải Dương alone, partial.
fn qualified_site() -> SiteTest {
    SiteTest::empty()
        .file("site.yaml", SITE_YAML)
        .article(
            "content/tin-tuc/dak-lak.md",
            "Đắk Lắk",
            "2024-07-01",
            "province: Đắk Lắk\nstats:\n  teams: 2199\n  members: trên 9000\n  origin: { name: Báo Tiền Phong, url: https://tienphong.vn/ }\n",
            "Toàn tỉnh có 2.199 Tổ bảo vệ ANTT với trên 9.000 thành viên.",
        )
        .article(
            "content/tin-tuc/can-tho.md",
            "Cần Thơ",
            "2024-07-01",
            "province: Cần Thơ\nstats:\n  teams: { value: 10, qualifier: trên }\n  members: { value: 3000, qualifier: hơn }\n",
            "Nội dung.",
        )
        .article(
            "content/tin-tuc/hai-duong.md",
            "Hải Dương",
            "2024-06-12",
            "province: Hải Dương\nstats:\n  members: ít nhất 100\n  funding: khoảng 4.6\n",
            "Nội dung.",
        )
        .article(
            "content/tin-tuc/soc-trang.md",
            "Sóc Trăng",
            "2024-07-01",
            "province: Sóc Trăng\nstats:\n  members: gần 500\n",
            "Nội dung.",
        )
        .article(
            "content/tin-tuc/hau-giang.md",
            "Hậu Giang",
            "2024-07-01",
            "province: Hậu Giang\nstats:\n  members: { value: 50, qualifier: dưới }\n",
            "Nội dung.",
        )
}

fn assert_contains(page: &str, expected: &[&str]) {
    for text in expected {
        assert!(page.contains(text), "missing {text:?} in\n{page}");
    }
}

#[test]
fn every_qualifier_is_shown_with_its_word_on_every_page() {
    let site = qualified_site().build();

    assert_contains(
        &site.main("/tin-tuc/dak-lak/"),
        &[
            "<dt>Tổ bảo vệ ANTT</dt><dd>2.199</dd>",
            "<dt>Thành viên</dt><dd>trên 9.000</dd>",
            "Số liệu theo <a href=\"https://tienphong.vn/\" rel=\"external\">Báo Tiền Phong</a>",
        ],
    );
    // The box follows site.yaml's order: teams before members, though `members` sorts
    // first by name.
    let box_html = site.main("/tin-tuc/can-tho/");
    let teams = box_html.find("<dd>trên 10</dd>").expect("teams");
    let members = box_html.find("<dd>hơn 3.000</dd>").expect("members");
    assert!(teams < members);
    assert_contains(
        &site.main("/tin-tuc/hai-duong/"),
        &["<dd>ít nhất 100</dd>", "<dd>khoảng 4,6 tỷ đồng/năm</dd>"],
    );
    assert_contains(&site.main("/tin-tuc/soc-trang/"), &["<dd>gần 500</dd>"]);
    assert_contains(&site.main("/tin-tuc/hau-giang/"), &["<dd>dưới 50</dd>"]);

    let national = site.main("/thong-ke/");
    assert_contains(
        &national,
        &[
            // Totals.
            "<dt>Tổ bảo vệ ANTT</dt><dd>trên 2.209</dd>",
            "<dt>Thành viên</dt><dd>khoảng 12.650</dd>",
            "<dt>Kinh phí</dt><dd>khoảng 4,6 tỷ đồng/năm</dd>",
            // The table of reporting provinces, with the origin beside our source.
            "<td>trên 9.000<br><small>tính đến 1/7/2024, <a href=\"/tin-tuc/dak-lak/\">nguồn</a>, theo <a href=\"https://tienphong.vn/\" rel=\"external\">Báo Tiền Phong</a></small></td>",
            "<td>gần 500<br>",
            "<td>dưới 50<br>",
            // The roll-ups.
            "<td>khoảng 3.550</td>",
            "<td>trên 10<br><small>chưa đủ: thiếu Sóc Trăng, Hậu Giang</small></td>",
            "<td>ít nhất 100<br><small>chưa đủ: thiếu Hải Phòng</small></td>",
            // Chart labels and their text alternative.
            ">trên 9.000</text>",
            ">khoảng 4,6 tỷ đồng/năm</text>",
            "Đắk Lắk: trên 9.000; Cần Thơ: hơn 3.000; Sóc Trăng: gần 500; Hải Dương: ít nhất 100; Hậu Giang: dưới 50.",
        ],
    );

    let province = site.main("/thong-ke/dak-lak/");
    assert_contains(
        &province,
        &[
            "<dd>trên 9.000 <small>(tính đến 1/7/2024, theo bài <a href=\"/tin-tuc/dak-lak/\">Đắk Lắk</a>; số liệu theo <a href=\"https://tienphong.vn/\" rel=\"external\">Báo Tiền Phong</a>)</small></dd>",
            "<td>trên 9.000</td>",
            "<desc id=\"bieu-do-members-desc\">1/7/2024: trên 9.000.</desc>",
        ],
    );
    assert_contains(&site.main("/thong-ke/can-tho/"), &["<td>khoảng 3.550</td>"]);
}

#[test]
fn stats_json_and_csv_carry_qualifiers_and_origins() {
    let site = qualified_site().build();
    let json: serde_json::Value =
        serde_json::from_str(&site.page("/thong-ke/stats.json")).expect("JSON");
    assert_eq!(
        json["totals"],
        serde_json::json!({
            "teams": {"value": 2209, "qualifier": "trên"},
            "members": {"value": 12650, "qualifier": "khoảng"},
            "funding": {"value": 4.6, "qualifier": "khoảng"}
        })
    );
    assert_eq!(
        json["metrics"]["funding"],
        serde_json::json!({"label": "Kinh phí", "unit": "tỷ đồng/năm", "decimals": 1})
    );
    let dak_lak = json["provinces"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|p| p["slug"] == "dak-lak")
        .expect("Đắk Lắk");
    assert_eq!(
        dak_lak["figures"]["members"],
        serde_json::json!({"value": 9000, "qualifier": "trên", "as_of": "2024-07-01",
            "source": "/tin-tuc/dak-lak/",
            "origin": {"name": "Báo Tiền Phong", "url": "https://tienphong.vn/"}})
    );
    assert_eq!(
        dak_lak["figures"]["teams"],
        serde_json::json!({"value": 2199, "as_of": "2024-07-01", "source": "/tin-tuc/dak-lak/",
            "origin": {"name": "Báo Tiền Phong", "url": "https://tienphong.vn/"}}),
        "an exact figure has no qualifier"
    );
    let can_tho = json["current_provinces"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["slug"] == "can-tho")
        .expect("Cần Thơ");
    assert_eq!(
        can_tho["figures"],
        serde_json::json!({
            "members": {"value": 3550, "qualifier": "khoảng", "partial": false},
            "teams": {"value": 10, "qualifier": "trên", "partial": true}
        })
    );

    let csv = std::fs::read(site.out().join("thong-ke/stats.csv")).expect("stats.csv");
    assert!(
        csv.starts_with(b"\xef\xbb\xbf"),
        "a byte-order mark for Excel"
    );
    let csv = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert_eq!(
        csv,
        "province,province_slug,current_province,metric,value,qualifier,origin_name,origin_url,as_of,source\n\
         Cần Thơ,can-tho,Cần Thơ,teams,10,trên,,,2024-07-01,/tin-tuc/can-tho/\n\
         Cần Thơ,can-tho,Cần Thơ,members,3000,hơn,,,2024-07-01,/tin-tuc/can-tho/\n\
         Đắk Lắk,dak-lak,Đắk Lắk,teams,2199,,Báo Tiền Phong,https://tienphong.vn/,2024-07-01,/tin-tuc/dak-lak/\n\
         Đắk Lắk,dak-lak,Đắk Lắk,members,9000,trên,Báo Tiền Phong,https://tienphong.vn/,2024-07-01,/tin-tuc/dak-lak/\n\
         Hải Dương,hai-duong,Hải Phòng,members,100,ít nhất,,,2024-06-12,/tin-tuc/hai-duong/\n\
         Hải Dương,hai-duong,Hải Phòng,funding,4.6,khoảng,,,2024-06-12,/tin-tuc/hai-duong/\n\
         Hậu Giang,hau-giang,Cần Thơ,members,50,dưới,,,2024-07-01,/tin-tuc/hau-giang/\n\
         Sóc Trăng,soc-trang,Cần Thơ,members,500,gần,,,2024-07-01,/tin-tuc/soc-trang/\n"
    );
}

#[test]
fn a_misspelt_qualifier_and_too_many_decimals_are_errors_at_their_lines() {
    let site = SiteTest::empty().file("site.yaml", SITE_YAML).article(
        "content/tin-tuc/a.md",
        "A",
        "2024-07-01",
        "province: Đắk Lắk\nstats:\n  members: tren 9000\n  funding: 4.65\n",
        "",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        &[
            "error: stats.members: unknown qualifier `tren`\n --> content/tin-tuc/a.md:6:",
            "= help: did you mean `trên`?",
        ],
    );
    // The first error stops the YAML reader; the decimals are checked once it reads.
    let site = SiteTest::empty().file("site.yaml", SITE_YAML).article(
        "content/tin-tuc/a.md",
        "A",
        "2024-07-01",
        "province: Đắk Lắk\nstats:\n  funding: 4.65\n",
        "",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        &[
            "error: stats.funding: `funding` takes at most 1 decimals, got 4,65\n --> content/tin-tuc/a.md:6:12",
        ],
    );
}

/// The article reports `members: 9000`, `teams: 2199`; lines of its file are numbered
/// in the comments.
const PROSE: &str = "---
title: A
date: 2024-07-01
province: Đắk Lắk
stats:
  members: 9000
  teams: 2199
---
Toàn tỉnh có 2.199 Tổ bảo vệ ANTT.
Ngày 1/7/2024, 12 tỉnh ra mắt lực lượng; Phú Yên có trên 9.000 thành viên.
Có 800 người dự lễ, theo Kế hoạch số 9000 về thành viên.
Toàn tỉnh có trên 9.000 thành viên và 2.200 tổ.
";

#[test]
fn prose_that_disagrees_with_the_figures_is_a_warning_naming_both_places() {
    let site = SiteTest::empty()
        .file("site.yaml", SITE_YAML)
        .file("content/tin-tuc/a.md", PROSE);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "warnings never fail: {}", run.stderr);
    // Line 9 agrees; line 10 has a date and another province; line 11 numbers that
    // are not next to a metric's words, or are a document's number: none warn.
    assert_eq!(
        run.stderr,
        "1. warning: the text says “2.200” for `teams`, but the article's figure is 2.199
  --> content/tin-tuc/a.md:12:39
   |
12 | Toàn tỉnh có trên 9.000 thành viên và 2.200 tổ.
   |                                       ^^^^^
   |
   = help: make the text and the figure say the same, with the same word (trên, khoảng, …) if the source has one
   = note: content/tin-tuc/a.md:7 gives `teams: 2199`

2. warning: the text says “trên 9.000” for `members`, but the article's figure is 9.000
  --> content/tin-tuc/a.md:12:14
   |
12 | Toàn tỉnh có trên 9.000 thành viên và 2.200 tổ.
   |              ^^^^^^^^^^
   |
   = help: make the text and the figure say the same, with the same word (trên, khoảng, …) if the source has one
   = note: content/tin-tuc/a.md:6 gives `members: 9000`

2 warnings: not an error, but worth a look.
"
    );
    let build = site.run(&["build"]);
    assert_eq!(build.code, 0);
    assert!(build.stderr.contains("2 warnings"), "{}", build.stderr);
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict.stderr.starts_with("1. error: the text says “2.200”"),
        "{}",
        strict.stderr
    );
}

#[test]
fn a_provincial_portal_leads_with_its_province_and_never_says_ca_nuoc() {
    let yaml = SITE_YAML.replace(
        "  path: thong-ke\n",
        "  path: thong-ke\n  scope: tỉnh Đắk Lắk\n",
    );
    let site = qualified_site().file("site.yaml", &yaml).build();
    let page = site.main("/thong-ke/");
    assert!(!page.to_lowercase().contains("cả nước"), "{page}");
    assert!(
        !page.contains("class=\"tile-map\""),
        "no map of the country"
    );
    let heading = page
        .find("<h2 id=\"so-lieu\">Đắk Lắk</h2>")
        .expect("the province first");
    let history = page
        .find("Thành viên qua các lần công bố")
        .expect("its history");
    let others = page
        .find("Theo tỉnh, thành phố đã công bố")
        .expect("the table");
    assert!(heading < history && history < others);

    let unknown = SITE_YAML.replace("  path: thong-ke\n", "  path: thong-ke\n  scope: Dak Lak\n");
    let run = qualified_site().file("site.yaml", &unknown).run(&["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &["site.yaml:7:", "did you mean `Đắk Lắk`?"]);
}

#[test]
fn the_national_page_maps_the_34_provinces_with_names_and_links() {
    let site = qualified_site().build();
    let page = site.main("/thong-ke/");
    let tiles: Vec<&str> = page
        .split("class=\"tile tile-")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a class")])
        .collect();
    assert_eq!(tiles.len(), 34);
    assert_eq!(tiles.iter().filter(|t| **t == "all").count(), 1, "Cần Thơ");
    assert_eq!(
        tiles.iter().filter(|t| **t == "some").count(),
        2,
        "Đắk Lắk, Hải Phòng"
    );
    assert_contains(
        &page,
        &[
            "<a href=\"/thong-ke/can-tho/\" aria-label=\"Cần Thơ: 3/3 đơn vị hợp thành đã công bố số liệu\" class=\"tile tile-all\">",
            "<a href=\"/thong-ke/dak-lak/\" aria-label=\"Đắk Lắk: 1/2 đơn vị hợp thành đã công bố số liệu\" class=\"tile tile-some\">",
            "<g role=\"img\" aria-label=\"Hà Nội: 0/1 đơn vị hợp thành đã công bố số liệu\" class=\"tile tile-none\">",
            "<tspan x=\"158\" dy=\"0\">Hồ Chí </tspan><tspan x=\"158\" dy=\"13\">Minh</tspan>",
        ],
    );
}

#[test]
fn a_count_written_with_a_thousands_dot_is_quoted_as_typed() {
    let site = SiteTest::empty().file("site.yaml", SITE_YAML).file(
        "content/tin-tuc/a.md",
        "---\ntitle: A\ndate: 2024-07-01\nprovince: Đắk Lắk\nstats:\n  members: 9.000\n---\nNội dung.\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("stats.members: a figure must be a whole number, got 9.000\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("9000"), "{}", run.stderr);
    assert!(!run.stderr.contains("9.0\n"), "{}", run.stderr);
}
