use std::path::{Path, PathBuf};

use super::*;
use crate::load::config::Config;

const SITE_YAML: &str = "title: Thử\nbase_url: https://example.gov.vn\ntaxonomies:\n  - { name: provinces, path: tinh-thanh }\nstats:\n  path: thong-ke\n  metrics:\n    teams: { label: Tổ bảo vệ ANTT }\n    members: { label: Thành viên }\n";

/// A site made of in-memory files, written to a temporary folder.
struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    fn new() -> Self {
        let site = Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        site.file("site.yaml", SITE_YAML)
    }

    fn file(self, path: &str, text: &str) -> Self {
        let path = self.dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// An article of `section` reporting `stats` (YAML lines under `stats:`).
    fn article(self, path: &str, date: &str, province: &str, stats: &str) -> Self {
        let stats: String = stats.lines().map(|l| format!("  {l}\n")).collect();
        let title = Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = format!(
            "---\ntitle: Bài {title}\ndate: {date}\nprovince: {province}\nstats:\n{stats}---\nNội dung.\n"
        );
        self.file(path, &text)
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Loads the site as `build` does (drafts and articles after the day included, so
    /// that the rules, not the loader, are what leaves them out) and aggregates its
    /// figures.
    fn aggregate(&self) -> Result<Statistics, Diagnostics> {
        let config = crate::load::site_yaml(self.root()).expect("site.yaml is valid");
        let registry = crate::load::registry(self.root()).expect("the registry loads");
        let checks = crate::load::content::Checks {
            config: &config,
            registry: &registry,
            today: NaiveDate::from_ymd_opt(2025, 1, 15).expect("a date"),
            overlay: None,
        };
        let (content, problems) = crate::load::content::load(
            self.root(),
            checks,
            crate::load::content::Include {
                drafts: true,
                future: true,
            },
        );
        assert!(problems.is_empty(), "{}", problems.render());
        aggregate(stats_config(&config), &registry, &content.articles)
    }

    fn statistics(&self) -> Statistics {
        self.aggregate()
            .unwrap_or_else(|problems| panic!("{}", problems.render()))
    }

    /// Builds into `public/` with a fixed date.
    fn build(&self) -> Result<PathBuf, crate::build::Error> {
        let mut options = crate::build::BuildOptions::new(self.root());
        options.today = NaiveDate::from_ymd_opt(2025, 1, 15).expect("a date");
        crate::build::build(&options)?;
        Ok(self.root().join("public"))
    }

    fn built(&self) -> PathBuf {
        self.build()
            .unwrap_or_else(|error| panic!("{}", error.render()))
    }
}

fn stats_config(config: &Config) -> &StatsConfig {
    config.stats.as_ref().expect("site.yaml has stats")
}

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// The seed figures: Hải Dương 1341 teams / 4248 members as of 12/6/2024, Đắk Lắk
/// 2199 / trên 9000 as of 1/7/2024 (after an earlier 2000 teams as of 1/6/2024), Cần
/// Thơ trên 3000 members only.
fn seed_site() -> TestSite {
    TestSite::new()
        .article(
            "content/tin-tuc/hai-duong.md",
            "2024-06-17",
            "Hải Dương",
            "as_of: 2024-06-12\nteams: 1341\nmembers: 4248",
        )
        .article(
            "content/tin-tuc/dak-lak-truoc.md",
            "2024-06-05",
            "Đắk Lắk",
            "as_of: 2024-06-01\nteams: 2000",
        )
        .article(
            "content/le-ra-mat/dak-lak.md",
            "2024-07-01",
            "Đắk Lắk",
            "teams: 2199\nmembers: trên 9000",
        )
        .article(
            "content/le-ra-mat/can-tho.md",
            "2024-07-01",
            "Cần Thơ",
            "as_of: 2024-07-01\nmembers: { value: 3000, qualifier: trên }",
        )
}

#[test]
fn figures_add_per_metric_and_keep_unreported_apart_from_zero() {
    let exact = Figure::exact;
    let mut sum = Figures::from_iter([("teams", exact(1341)), ("members", exact(4248))]);
    sum += Figures::from_iter([("teams", exact(2199)), ("reports", exact(0))]);
    sum += &Figures::default();
    assert_eq!(sum.get("teams"), Some(exact(3540)));
    assert_eq!(sum.get("members"), Some(exact(4248)));
    assert_eq!(sum.get("reports"), Some(exact(0)));
    assert_eq!(sum.get("units"), None);
    let mut huge = Figures::from_iter([("teams", exact(u64::MAX))]);
    huge += Figures::from_iter([("teams", exact(1))]);
    assert_eq!(huge.get("teams"), Some(exact(u64::MAX)));
}

#[test]
fn a_sum_of_one_part_keeps_its_word_and_of_more_follows_the_rules() {
    let figure = |text: &str| crate::load::yaml::parse::<Figure>(text).unwrap();
    let mut sum = Figures::default();
    sum += Figures::from_iter([("members", figure("hơn 800"))]);
    assert_eq!(sum.get("members").unwrap().text(), "hơn 800");
    sum += Figures::from_iter([("members", figure("728"))]);
    assert_eq!(sum.get("members").unwrap().text(), "trên 1.528");
    sum += Figures::from_iter([("members", figure("gần 100"))]);
    assert_eq!(sum.get("members").unwrap().text(), "khoảng 1.628");
}

#[test]
fn national_totals_sum_the_latest_figure_of_each_province() {
    let statistics = seed_site().statistics();
    // teams: 1341 (Hải Dương) + 2199 (Đắk Lắk, not the older 2000) = 3540
    // members: 4248 + trên 9000 + trên 3000 = trên 16248
    assert_eq!(statistics.total("teams"), 3540);
    assert_eq!(statistics.total("members").written(), "trên 16248");
    let dak_lak = statistics.province("dak-lak").expect("Đắk Lắk reported");
    let shown = &dak_lak.shown["teams"];
    assert_eq!(shown.value, Figure::exact(2199));
    // No `as_of`: the article's date.
    assert_eq!(shown.as_of, date("2024-07-01"));
    assert_eq!(shown.source.url, "/le-ra-mat/bai-dak-lak/");
    assert_eq!(shown.source.path, "content/le-ra-mat/dak-lak.md");
    let history: Vec<(String, NaiveDate)> = dak_lak.history["teams"]
        .iter()
        .map(|r| (r.value.text(), r.as_of))
        .collect();
    assert_eq!(
        history,
        [
            ("2.000".to_string(), date("2024-06-01")),
            ("2.199".to_string(), date("2024-07-01"))
        ]
    );
    assert_eq!(statistics.as_of(), Some(date("2024-07-01")));
    assert_eq!(statistics.old_unit_count, 63);
}

#[test]
fn a_newer_article_with_an_older_as_of_does_not_replace_the_figure() {
    let statistics = seed_site()
        .article(
            "content/tin-tuc/nhac-lai.md",
            "2024-09-01",
            "Hải Dương",
            "as_of: 2024-05-01\nteams: 900",
        )
        .statistics();
    assert_eq!(
        statistics.province("hai-duong").unwrap().shown["teams"].value,
        1341
    );
    assert_eq!(statistics.total("teams"), 3540);
}

#[test]
fn drafts_and_stand_alone_pages_do_not_count() {
    let draft = "---\ntitle: Nháp\ndate: 2024-07-02\nprovince: Hải Dương\ndraft: true\nstats:\n  teams: 5000\n---\n";
    let page = "---\ntitle: Trang riêng\nprovince: Long An\nstats:\n  as_of: 2024-07-01\n  teams: 700\n---\n";
    let statistics = seed_site()
        .file("content/tin-tuc/nhap.md", draft)
        .file("content/trang-rieng.md", page)
        .statistics();
    assert_eq!(statistics.total("teams"), 3540);
    assert!(statistics.province("long-an").is_none());
}

#[test]
fn provinces_are_listed_in_vietnamese_order() {
    let statistics = seed_site()
        .article(
            "content/tin-tuc/dt.md",
            "2024-07-01",
            "Đồng Tháp",
            "teams: 1",
        )
        .article(
            "content/tin-tuc/bn.md",
            "2024-07-01",
            "Bắc Ninh",
            "teams: 1",
        )
        .statistics();
    let names: Vec<&str> = statistics.provinces.iter().map(|p| p.name()).collect();
    // In code-point order Đ (U+0110) would come after H.
    assert_eq!(
        names,
        ["Bắc Ninh", "Cần Thơ", "Đắk Lắk", "Đồng Tháp", "Hải Dương"]
    );
    let current: Vec<&str> = statistics
        .current_provinces
        .iter()
        .map(|c| c.name())
        .take(6)
        .collect();
    assert_eq!(
        current,
        [
            "An Giang",
            "Bắc Ninh",
            "Cà Mau",
            "Cao Bằng",
            "Cần Thơ",
            "Đà Nẵng"
        ]
    );
}

#[test]
fn current_provinces_sum_their_absorbed_units_and_say_when_some_are_missing() {
    // Cần Thơ today = Cần Thơ + Sóc Trăng + Hậu Giang; Hải Phòng = Hải Phòng + Hải
    // Dương; Đắk Lắk = Đắk Lắk + Phú Yên.
    let statistics = seed_site()
        .article(
            "content/tin-tuc/soc-trang.md",
            "2024-07-01",
            "Sóc Trăng",
            "teams: 50\nmembers: 1200",
        )
        .article(
            "content/tin-tuc/hai-phong.md",
            "2024-07-01",
            "TP Hải Phòng",
            "teams: 10",
        )
        .statistics();
    let current = |slug: &str| {
        statistics
            .current_provinces
            .iter()
            .find(|c| c.slug() == slug)
            .unwrap_or_else(|| panic!("no current {slug}"))
    };

    let can_tho = current("can-tho");
    // members: trên 3000 (Cần Thơ) + 1200 (Sóc Trăng) = trên 4200; Hậu Giang reported
    // none.
    assert_eq!(
        can_tho
            .figures
            .get("members")
            .map(|f| f.written())
            .as_deref(),
        Some("trên 4200")
    );
    assert_eq!(can_tho.missing["members"], ["Hậu Giang"]);
    // teams: only Sóc Trăng's 50.
    assert_eq!(
        can_tho.figures.get("teams").map(|f| f.written()).as_deref(),
        Some("50")
    );
    assert_eq!(can_tho.missing["teams"], ["Cần Thơ", "Hậu Giang"]);
    assert!(can_tho.is_partial("teams"));

    let hai_phong = current("hai-phong");
    // teams: 10 + 1341 = 1351, both units reported: complete.
    assert_eq!(
        hai_phong
            .figures
            .get("teams")
            .map(|f| f.written())
            .as_deref(),
        Some("1351")
    );
    assert!(!hai_phong.is_partial("teams"));
    // members: Hải Dương's 4248 only.
    assert_eq!(
        hai_phong
            .figures
            .get("members")
            .map(|f| f.written())
            .as_deref(),
        Some("4248")
    );
    assert!(hai_phong.is_partial("members"));

    let dak_lak = current("dak-lak");
    assert_eq!(
        dak_lak.figures.get("teams").map(|f| f.written()).as_deref(),
        Some("2199")
    );
    assert_eq!(dak_lak.missing["teams"], ["Phú Yên"]);

    let ca_mau = current("ca-mau");
    assert!(ca_mau.figures.is_empty());
    assert!(!ca_mau.is_partial("teams"));

    // The national total is the same whichever way it is summed.
    let mut rolled_up = Figures::default();
    for current in &statistics.current_provinces {
        rolled_up += &current.figures;
    }
    assert_eq!(rolled_up, statistics.totals);
    assert_eq!(statistics.total("teams"), 1341 + 2199 + 50 + 10);
}

#[test]
fn different_figures_for_one_day_are_an_error_naming_both_files() {
    let problems = seed_site()
        .article(
            "content/tin-tuc/dak-lak-sau.md",
            "2024-07-03",
            "Đắk Lắk",
            "as_of: 2024-07-01\nteams: 2200\nmembers: trên 9000",
        )
        .aggregate()
        .unwrap_err();
    let problems: Vec<&Diagnostic> = problems.iter().collect();
    assert_eq!(problems.len(), 1, "only teams differ");
    let problem = problems[0];
    assert_eq!(problem.display_path(), "content/tin-tuc/dak-lak-sau.md");
    assert_eq!(
        problem.message,
        "`teams` for Đắk Lắk as of 2024-07-01 is 2200 here, but 2199 in content/le-ra-mat/dak-lak.md"
    );
    assert_eq!(
        problem.notes,
        ["content/le-ra-mat/dak-lak.md:6 reports `teams: 2199` for Đắk Lắk as of 2024-07-01"]
    );
    let location = problem.location.as_ref().expect("a line");
    assert_eq!((location.line, location.column), (7, 3));
    assert_eq!(location.line_text, "  teams: 2200");
}

#[test]
fn the_same_figure_twice_for_one_day_is_shown_from_the_earlier_article() {
    let statistics = seed_site()
        .article(
            "content/tin-tuc/a-nhac-lai.md",
            "2024-07-05",
            "Cần Thơ",
            "as_of: 2024-07-01\nmembers: trên 3000",
        )
        .statistics();
    let can_tho = statistics.province("can-tho").unwrap();
    assert_eq!(
        can_tho.shown["members"].source.path,
        "content/le-ra-mat/can-tho.md"
    );
    assert_eq!(can_tho.history["members"].len(), 2);
    assert_eq!(statistics.total("members").written(), "trên 16248");
}

#[test]
fn a_conflict_stops_the_build_with_the_other_problems() {
    let error = seed_site()
            .article(
                "content/tin-tuc/sai.md",
                "2024-07-02",
                "Cần Thơ",
                "as_of: 2024-07-01\nmembers: 3100",
            )
            .file(
                "content/tin-tuc/lien-ket.md",
                "---\ntitle: Liên kết\ndate: 2024-07-02\n---\n[Số liệu Cần Thơ](/thong-ke/can-tho/), [sai](/thong-ke/khong-co/)\n",
            )
            .build()
            .unwrap_err();
    let crate::build::Error::Content(problems) = &error else {
        panic!("{}", error.render());
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    // The statistics pages are still known, so only the truly broken link is one.
    assert_eq!(
        messages,
        [
            "the link points to `/thong-ke/khong-co/`, a page this site does not produce",
            "`members` for Cần Thơ as of 2024-07-01 is 3100 here, but trên 3000 in content/le-ra-mat/can-tho.md",
        ]
    );
}

#[test]
fn stats_json_is_shaped_as_the_design_says() {
    let site = seed_site();
    let out = site.built();
    let json: serde_json::Value =
        serde_json::from_str(&read(&out, "thong-ke/stats.json")).expect("valid JSON");
    let current = json["current_provinces"].as_array().expect("a list");
    assert_eq!(current.len(), 34);
    let with_figures: Vec<&serde_json::Value> = current
        .iter()
        .filter(|c| c["figures"] != serde_json::json!({}))
        .collect();
    let expected = serde_json::json!({
        "metrics": {
            "members": {"label": "Thành viên"},
            "teams": {"label": "Tổ bảo vệ ANTT"}
        },
        "totals": {"members": {"value": 16248, "qualifier": "trên"}, "teams": {"value": 3540}},
        "provinces": [
            {"name": "Cần Thơ", "slug": "can-tho", "current": "Cần Thơ", "figures": {
                "members": {"value": 3000, "qualifier": "trên", "as_of": "2024-07-01", "source": "/le-ra-mat/bai-can-tho/"}
            }},
            {"name": "Đắk Lắk", "slug": "dak-lak", "current": "Đắk Lắk", "figures": {
                "members": {"value": 9000, "qualifier": "trên", "as_of": "2024-07-01", "source": "/le-ra-mat/bai-dak-lak/"},
                "teams": {"value": 2199, "as_of": "2024-07-01", "source": "/le-ra-mat/bai-dak-lak/"}
            }},
            {"name": "Hải Dương", "slug": "hai-duong", "current": "Hải Phòng", "figures": {
                "members": {"value": 4248, "as_of": "2024-06-12", "source": "/tin-tuc/bai-hai-duong/"},
                "teams": {"value": 1341, "as_of": "2024-06-12", "source": "/tin-tuc/bai-hai-duong/"}
            }}
        ]
    });
    for key in ["metrics", "totals", "provinces"] {
        assert_eq!(json[key], expected[key], "{key}");
    }
    assert_eq!(
        with_figures,
        [
            &serde_json::json!({"name": "Cần Thơ", "slug": "can-tho",
                    "absorbed": ["Cần Thơ", "Sóc Trăng", "Hậu Giang"],
                    "figures": {"members": {"value": 3000, "qualifier": "trên", "partial": true}}}),
            &serde_json::json!({"name": "Đắk Lắk", "slug": "dak-lak",
                    "absorbed": ["Đắk Lắk", "Phú Yên"],
                    "figures": {"members": {"value": 9000, "qualifier": "trên", "partial": true},
                                "teams": {"value": 2199, "partial": true}}}),
            &serde_json::json!({"name": "Hải Phòng", "slug": "hai-phong",
                    "absorbed": ["Hải Phòng", "Hải Dương"],
                    "figures": {"members": {"value": 4248, "partial": true},
                                "teams": {"value": 1341, "partial": true}}}),
        ]
    );
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4, "nothing beyond the design's four keys");
}

#[test]
fn stats_csv_has_one_row_per_province_and_metric() {
    let site = seed_site();
    let out = site.built();
    assert_eq!(
        read(&out, "thong-ke/stats.csv"),
        "\u{feff}province,province_slug,current_province,metric,value,qualifier,origin_name,origin_url,as_of,source\n\
             Cần Thơ,can-tho,Cần Thơ,members,3000,trên,,,2024-07-01,/le-ra-mat/bai-can-tho/\n\
             Đắk Lắk,dak-lak,Đắk Lắk,teams,2199,,,,2024-07-01,/le-ra-mat/bai-dak-lak/\n\
             Đắk Lắk,dak-lak,Đắk Lắk,members,9000,trên,,,2024-07-01,/le-ra-mat/bai-dak-lak/\n\
             Hải Dương,hai-duong,Hải Phòng,teams,1341,,,,2024-06-12,/tin-tuc/bai-hai-duong/\n\
             Hải Dương,hai-duong,Hải Phòng,members,4248,,,,2024-06-12,/tin-tuc/bai-hai-duong/\n"
    );
}

/// A site's own unit whose name holds a comma, absorbed into Hà Nội.
const EXTRA_UNIT: &str = "old:\n  - { name: \"Thử, Nghiệm\", kind: tỉnh, region: Đồng bằng sông Hồng }\ncurrent:\n  - { name: Hà Nội, absorbed: [Hà Nội, \"Thử, Nghiệm\"] }\n";

#[test]
fn a_site_registry_extends_the_builtin_one_and_csv_quotes_its_names() {
    let site = TestSite::new()
        .file("data/provinces.yaml", EXTRA_UNIT)
        .article(
            "content/tin-tuc/thu.md",
            "2024-07-01",
            "Thử, Nghiệm",
            "teams: 7",
        );
    let statistics = site.statistics();
    let ha_noi = statistics
        .current_provinces
        .iter()
        .find(|c| c.slug() == "ha-noi")
        .unwrap();
    assert_eq!(
        ha_noi.figures.get("teams").map(|f| f.written()).as_deref(),
        Some("7")
    );
    assert_eq!(ha_noi.missing["teams"], ["Hà Nội"]);
    assert_eq!(statistics.old_unit_count, 64);
    let csv = String::from_utf8(statistics.to_csv().unwrap()).unwrap();
    assert_eq!(
        csv.lines().nth(1),
        Some("\"Thử, Nghiệm\",thu-nghiem,Hà Nội,teams,7,,,,2024-07-01,/tin-tuc/bai-thu/")
    );
}

#[test]
fn a_bad_site_registry_is_a_configuration_error_at_its_line() {
    let error = TestSite::new()
        .file(
            "data/provinces.yaml",
            "old:\n  - { name: Hải Dương, region: Bắc Bộ }\n  - { name: Vùng Mới, kind: tỉnh }\n",
        )
        .build()
        .unwrap_err();
    assert_eq!(error.exit_code(), 2);
    let crate::build::Error::Config(problems) = &error else {
        panic!("{}", error.render());
    };
    let problem = problems.iter().next().unwrap();
    assert_eq!(problem.display_path(), "data/provinces.yaml");
    assert_eq!(
        problem.message,
        "Vùng Mới is a new unit, so it needs `region` (an existing unit is matched by its name)"
    );
    assert_eq!(problem.location.as_ref().map(|l| l.line), Some(3));
}

#[test]
fn a_current_unit_named_directly_reports_for_the_whole_of_itself() {
    // A site splits Côn Đảo off as a current unit formed from Bà Rịa - Vũng Tàu.
    let registry = "current:\n  - { name: Hồ Chí Minh, absorbed: [Hồ Chí Minh, Bình Dương] }\n  - { name: Côn Đảo, kind: tỉnh, region: Đông Nam Bộ, absorbed: [Bà Rịa - Vũng Tàu] }\n";
    let statistics = TestSite::new()
        .file("data/provinces.yaml", registry)
        .article(
            "content/tin-tuc/brvt.md",
            "2024-07-01",
            "Bà Rịa - Vũng Tàu",
            "teams: 100",
        )
        .article(
            "content/tin-tuc/con-dao.md",
            "2025-08-01",
            "Côn Đảo",
            "teams: 150\nmembers: 600",
        )
        .statistics();
    let con_dao = statistics
        .current_provinces
        .iter()
        .find(|c| c.slug() == "con-dao")
        .unwrap();
    assert_eq!(
        con_dao.figures.get("teams").map(|f| f.written()).as_deref(),
        Some("150")
    );
    assert!(!con_dao.is_partial("teams"));
    assert_eq!(
        con_dao
            .figures
            .get("members")
            .map(|f| f.written())
            .as_deref(),
        Some("600")
    );
    assert_eq!(
        statistics.province("con-dao").unwrap().current.name,
        "Côn Đảo"
    );
}

#[test]
fn the_pages_show_the_figures_and_link_both_ways() {
    let site = seed_site()
            .file(
                "content/tin-tuc/lien-ket.md",
                "---\ntitle: Liên kết\ndate: 2024-07-02\n---\n[Hải Phòng](/thong-ke/hai-phong/) và [dữ liệu](/thong-ke/stats.csv).\n",
            )
            .file("templates/index.html", "{{ stats.totals.teams | figure }} tổ, {{ stats.totals.members | number }} người");
    let out = site.built();
    assert_eq!(read(&out, "index.html"), "3.540 tổ, trên 16.248 người");

    let national = read(&out, "thong-ke/index.html");
    for expected in [
        "<dd>3.540</dd>",
        "<dd>trên 16.248</dd>",
        "Đã có 3 trên 63 tỉnh, thành phố",
        "3 trên 34 tỉnh, thành phố hiện nay",
        "href=\"/thong-ke/stats.json\"",
        "href=\"/thong-ke/stats.csv\"",
        "<desc id=\"bieu-do-teams-desc\">Đắk Lắk: 2.199; Hải Dương: 1.341.</desc>",
        "<th scope=\"row\"><a href=\"/thong-ke/hai-phong/\">Hải Phòng</a></th>",
        "chưa đủ: thiếu Hải Phòng",
    ] {
        assert!(national.contains(expected), "{expected}\n{national}");
    }

    let hai_duong = read(&out, "thong-ke/hai-duong/index.html");
    assert!(hai_duong.contains("href=\"/tinh-thanh/hai-duong/\""));
    assert!(hai_duong.contains("<td>1.341</td>"));
    assert!(hai_duong.contains("href=\"/thong-ke/hai-phong/\">Hải Phòng</a>"));
    let term = read(&out, "tinh-thanh/hai-duong/index.html");
    assert!(term.contains("href=\"/thong-ke/hai-duong/\""));
    // A province without figures has no statistics page to link to.
    assert!(!out.join("thong-ke/ca-mau").exists());
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("https://example.gov.vn/thong-ke/hai-phong/"));
}

#[test]
fn ceremonies_read_oldest_first_and_campaigns_say_whether_they_are_under_way() {
    let ceremony = |title: &str, date: &str| {
        format!("---\ntitle: {title}\ndate: {date}\nkind: ceremony\n---\n")
    };
    let campaign = |title: &str, starts: &str, ends: &str| {
        format!(
            "---\ntitle: {title}\ndate: {starts}\nkind: campaign\ncampaign:\n  motto: Khẩu hiệu {title}\n  starts: {starts}\n  ends: {ends}\n---\n"
        )
    };
    let site = TestSite::new()
        .file(
            "content/le-ra-mat/b.md",
            &ceremony("Lễ Đắk Lắk", "2024-07-01"),
        )
        .file(
            "content/le-ra-mat/a.md",
            &ceremony("Lễ Cà Mau", "2024-07-01"),
        )
        .file(
            "content/le-ra-mat/c.md",
            &ceremony("Lễ Hải Dương", "2024-06-20"),
        )
        .file(
            "content/phong-trao/a.md",
            &campaign("Đang", "2024-08-19", "2025-08-19"),
        )
        .file(
            "content/phong-trao/b.md",
            &campaign("Xong", "2023-01-01", "2023-12-31"),
        );
    let out = site.built();
    let page = read(&out, "thong-ke/index.html");
    let order: Vec<usize> = ["Lễ Hải Dương", "Lễ Cà Mau", "Lễ Đắk Lắk"]
        .iter()
        .map(|title| page.find(title).unwrap_or_else(|| panic!("{title}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Built on 15/1/2025.
    assert!(page.contains(
        "Khẩu hiệu Đang”</p>\n    <p>Từ 19/8/2024 đến 19/8/2025: <strong>đang diễn ra</strong>"
    ));
    assert!(page.contains("Từ 1/1/2023 đến 31/12/2023: <strong>đã kết thúc</strong>"));
    assert!(page.find("Khẩu hiệu Đang") < page.find("Khẩu hiệu Xong"));
    assert!(page.contains("Chưa có tỉnh, thành phố nào công bố số liệu."));
}

#[test]
fn the_national_page_lists_the_latest_hundred_ceremonies_and_campaigns() {
    let first = date("2024-01-01");
    let mut site = TestSite::new();
    for day in 0..101 {
        let date = first + chrono::Days::new(day);
        site = site
            .file(
                &format!("content/le-ra-mat/{day}.md"),
                &format!("---\ntitle: Lễ số {day}\ndate: {date}\nkind: ceremony\n---\n"),
            )
            .file(
                &format!("content/phong-trao/{day}.md"),
                &format!("---\ntitle: Phong trào số {day}\ndate: {date}\nkind: campaign\n---\n"),
            );
    }
    let page = read(&site.built(), "thong-ke/index.html");
    let ceremonies = page.matches(">Lễ số ").count();
    let campaigns = page.matches(">Phong trào số ").count();
    assert_eq!((ceremonies, campaigns), (100, 100));
    assert!(!page.contains(">Lễ số 0<") && !page.contains(">Phong trào số 0<"));
    assert!(page.find(">Lễ số 1<") < page.find(">Lễ số 100<"));
    assert!(page.contains("100 lễ ra mắt gần đây nhất, trong tổng số 101 bài viết"));
    assert!(page.contains("100 phong trào bắt đầu gần đây nhất, trong tổng số 101 bài viết"));
}

#[test]
fn a_province_page_lists_a_page_of_its_latest_articles_and_links_to_all_of_them() {
    let three_reports = |site: TestSite| {
        site.article("content/tin-tuc/a.md", "2024-06-01", "Đắk Lắk", "teams: 1")
            .article("content/tin-tuc/b.md", "2024-06-02", "Đắk Lắk", "teams: 2")
            .article("content/tin-tuc/c.md", "2024-06-03", "Đắk Lắk", "teams: 3")
    };
    let with_terms = three_reports(TestSite::new().file(
        "site.yaml",
        &SITE_YAML.replace("taxonomies:", "paginate_by: 2\ntaxonomies:"),
    ));
    let page = read(&with_terms.built(), "thong-ke/dak-lak/index.html");
    let listed = &page[page.find("id=\"bai-viet\"").expect("the article list")..];
    assert!(
        listed.contains(">Bài c<") && listed.contains(">Bài b<"),
        "{listed}"
    );
    assert!(!listed.contains(">Bài a<"), "{listed}");
    assert!(
        listed.contains("<a href=\"/tinh-thanh/dak-lak/\">Xem tất cả 3 bài viết về Đắk Lắk</a>")
    );

    // Without a provinces taxonomy no other page lists them, so this one lists all.
    let without_terms = three_reports(TestSite::new().file(
        "site.yaml",
        &SITE_YAML.replace(
            "taxonomies:\n  - { name: provinces, path: tinh-thanh }\n",
            "paginate_by: 2\n",
        ),
    ));
    let page = read(&without_terms.built(), "thong-ke/dak-lak/index.html");
    let listed = &page[page.find("id=\"bai-viet\"").expect("the article list")..];
    assert!(
        listed.contains(">Bài a<") && !listed.contains("Xem tất cả"),
        "{listed}"
    );
}
