use super::*;

fn builtin() -> &'static Registry {
    Registry::builtin()
}

fn old(name: &str) -> &'static Unit {
    builtin()
        .old_units()
        .find(|unit| unit.name == name)
        .unwrap_or_else(|| panic!("no old unit {name}"))
}

fn current(name: &str) -> &'static Unit {
    builtin()
        .current_units()
        .find(|unit| unit.name == name)
        .unwrap_or_else(|| panic!("no current unit {name}"))
}

#[test]
fn the_builtin_registry_has_63_old_and_34_current_units() {
    let registry = Registry::from_yaml(BUILTIN_YAML).expect("provinces.yaml parses");
    assert_eq!(registry.old_units().len(), 63);
    assert_eq!(registry.current_units().len(), 34);
    let cities = |units: Vec<&Unit>| units.iter().filter(|u| u.kind == "thành phố").count();
    let provinces = |units: Vec<&Unit>| units.iter().filter(|u| u.kind == "tỉnh").count();
    assert_eq!(cities(registry.old_units().collect()), 5);
    assert_eq!(provinces(registry.old_units().collect()), 58);
    assert_eq!(cities(registry.current_units().collect()), 6);
    assert_eq!(provinces(registry.current_units().collect()), 28);
}

#[test]
fn every_old_unit_is_absorbed_by_exactly_one_current_unit() {
    let registry = builtin();
    let mut absorbers: HashMap<&str, Vec<&str>> = HashMap::new();
    for unit in registry.current_units() {
        assert!(!unit.absorbed.is_empty(), "{} absorbs nothing", unit.name);
        for name in &unit.absorbed {
            assert!(
                registry.old_units().any(|old| &old.name == name),
                "{} absorbs {name}, which is not an old unit",
                unit.name
            );
            absorbers.entry(name).or_default().push(&unit.name);
        }
    }
    for unit in registry.old_units() {
        assert_eq!(
            absorbers.get(unit.name.as_str()).map(Vec::len),
            Some(1),
            "{} is absorbed by {:?}",
            unit.name,
            absorbers.get(unit.name.as_str())
        );
    }
}

#[test]
fn each_current_unit_absorbed_the_units_named_in_nghi_quyet_202() {
    let cases: [(&str, &[&str]); 34] = [
        ("Hà Nội", &["Hà Nội"]),
        ("Huế", &["Thừa Thiên Huế"]),
        ("Lai Châu", &["Lai Châu"]),
        ("Điện Biên", &["Điện Biên"]),
        ("Sơn La", &["Sơn La"]),
        ("Lạng Sơn", &["Lạng Sơn"]),
        ("Quảng Ninh", &["Quảng Ninh"]),
        ("Thanh Hóa", &["Thanh Hóa"]),
        ("Nghệ An", &["Nghệ An"]),
        ("Hà Tĩnh", &["Hà Tĩnh"]),
        ("Cao Bằng", &["Cao Bằng"]),
        ("Tuyên Quang", &["Tuyên Quang", "Hà Giang"]),
        ("Lào Cai", &["Lào Cai", "Yên Bái"]),
        ("Thái Nguyên", &["Thái Nguyên", "Bắc Kạn"]),
        ("Phú Thọ", &["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
        ("Bắc Ninh", &["Bắc Ninh", "Bắc Giang"]),
        ("Hưng Yên", &["Hưng Yên", "Thái Bình"]),
        ("Hải Phòng", &["Hải Phòng", "Hải Dương"]),
        ("Ninh Bình", &["Ninh Bình", "Hà Nam", "Nam Định"]),
        ("Quảng Trị", &["Quảng Trị", "Quảng Bình"]),
        ("Đà Nẵng", &["Đà Nẵng", "Quảng Nam"]),
        ("Quảng Ngãi", &["Quảng Ngãi", "Kon Tum"]),
        ("Gia Lai", &["Gia Lai", "Bình Định"]),
        ("Khánh Hòa", &["Khánh Hòa", "Ninh Thuận"]),
        ("Lâm Đồng", &["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
        ("Đắk Lắk", &["Đắk Lắk", "Phú Yên"]),
        (
            "Hồ Chí Minh",
            &["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"],
        ),
        ("Đồng Nai", &["Đồng Nai", "Bình Phước"]),
        ("Tây Ninh", &["Tây Ninh", "Long An"]),
        ("Cần Thơ", &["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
        ("Vĩnh Long", &["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
        ("Đồng Tháp", &["Đồng Tháp", "Tiền Giang"]),
        ("Cà Mau", &["Cà Mau", "Bạc Liêu"]),
        ("An Giang", &["An Giang", "Kiên Giang"]),
    ];
    for (name, absorbed) in cases {
        let unit = current(name);
        let mut got: Vec<&str> = unit.absorbed.iter().map(String::as_str).collect();
        let mut want = absorbed.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{name}");
        let via: Vec<&str> = builtin()
            .absorbed_units(unit)
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(via.len(), absorbed.len(), "{name}");
    }
}

#[test]
fn old_units_fall_in_the_six_regions() {
    let cases = [
        ("Trung du và miền núi phía Bắc", 14),
        ("Đồng bằng sông Hồng", 11),
        ("Bắc Trung Bộ và Duyên hải miền Trung", 14),
        ("Tây Nguyên", 5),
        ("Đông Nam Bộ", 6),
        ("Đồng bằng sông Cửu Long", 13),
    ];
    for (region, count) in cases {
        let got = builtin().old_units().filter(|u| u.region == region).count();
        assert_eq!(got, count, "{region}");
    }
    let regions: Vec<&str> = cases.iter().map(|(region, _)| *region).collect();
    for unit in builtin().old_units().chain(builtin().current_units()) {
        assert!(regions.contains(&unit.region.as_str()), "{}", unit.name);
    }
}

#[test]
fn names_variants_and_prefixes_find_the_unit() {
    let nfd_dak_lak: String = "Đắk Lắk".nfd().collect();
    let nfd_prefixed: String = "Tỉnh Thừa Thiên Huế".nfd().collect();
    let cases = [
        ("Đắk Lắk", "Đắk Lắk"),
        (nfd_dak_lak.as_str(), "Đắk Lắk"),
        (nfd_prefixed.as_str(), "Thừa Thiên Huế"),
        ("tỉnh Đắk Lắk", "Đắk Lắk"),
        ("TỈNH ĐẮK LẮK", "Đắk Lắk"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("Tp HCM", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("Sài Gòn", "Hồ Chí Minh"),
        ("Thành phố Cần Thơ", "Cần Thơ"),
        ("T.P. Cần Thơ", "Cần Thơ"),
        ("TP Đà Nẵng", "Đà Nẵng"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên-Huế", "Thừa Thiên Huế"),
        ("TT-Huế", "Thừa Thiên Huế"),
        ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("  Hải   Dương ", "Hải Dương"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("tỉnh Hoà Bình", "Hòa Bình"),
        ("ĐỒNG THÁP", "Đồng Tháp"),
        ("Ðồng Tháp", "Đồng Tháp"),
    ];
    for (written, name) in cases {
        let found = builtin().lookup(written).map(|unit| unit.name.as_str());
        assert_eq!(found, Some(name), "{written:?}");
    }
}

#[test]
fn names_without_their_tone_marks_are_not_accepted() {
    let cases = [
        "Dak Lak",
        "Can Tho",
        "Ha Noi",
        "Hai Duong",
        "Thanh Hoa",
        "Cân Thơ",
        "tinh Đắk Lắk",
        "Tỉnh",
        "TP.",
        "",
        "Paris",
    ];
    for written in cases {
        assert_eq!(builtin().lookup(written), None, "{written:?}");
    }
}

#[test]
fn a_name_of_both_eras_finds_the_old_unit() {
    let cases = [
        ("Cần Thơ", "Cần Thơ"),
        ("Hải Phòng", "Hải Phòng"),
        ("Hồ Chí Minh", "Hồ Chí Minh"),
        ("Huế", "Thừa Thiên Huế"),
        ("Thành phố Huế", "Thừa Thiên Huế"),
    ];
    for (written, name) in cases {
        let unit = builtin().lookup(written);
        assert_eq!(
            unit.map(|u| (u.name.as_str(), u.era)),
            Some((name, Era::Old))
        );
    }
}

#[test]
fn near_misses_suggest_the_official_name() {
    let cases = [
        ("Dak Lakk", Some("Đắk Lắk")),
        ("Can Tho", Some("Cần Thơ")),
        ("Ha Noi", Some("Hà Nội")),
        ("Hai Duong", Some("Hải Dương")),
        ("Daklak", Some("Đắk Lắk")),
        ("tinh Dak Lak", Some("Đắk Lắk")),
        ("Thanh Hoa", Some("Thanh Hóa")),
        ("Sai Gon", Some("Hồ Chí Minh")),
        ("Hue", Some("Huế")),
        ("Ba Ria Vung Tau", Some("Bà Rịa - Vũng Tàu")),
        ("Cân Thơ", Some("Cần Thơ")),
        ("Paris", None),
        ("", None),
    ];
    for (written, name) in cases {
        assert_eq!(builtin().suggest(written), name, "{written:?}");
    }
}

#[test]
fn old_units_roll_up_into_the_current_unit_that_absorbed_them() {
    let cases = [
        ("Sóc Trăng", "Cần Thơ"),
        ("Hậu Giang", "Cần Thơ"),
        ("Cần Thơ", "Cần Thơ"),
        ("Hải Dương", "Hải Phòng"),
        ("Long An", "Tây Ninh"),
        ("Bạc Liêu", "Cà Mau"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Phú Yên", "Đắk Lắk"),
        ("Thừa Thiên Huế", "Huế"),
    ];
    for (name, into) in cases {
        let rolled = builtin().current_of(old(name));
        assert_eq!(
            (rolled.name.as_str(), rolled.era),
            (into, Era::Current),
            "{name}"
        );
    }
    let today = current("Cần Thơ");
    assert!(std::ptr::eq(builtin().current_of(today), today));
}

#[test]
fn units_are_listed_in_vietnamese_alphabetical_order() {
    for units in [
        builtin().old_units().collect::<Vec<_>>(),
        builtin().current_units().collect(),
    ] {
        assert_eq!(units[0].name, "An Giang");
        assert!(units.is_sorted_by(|a, b| vi::compare(&a.name, &b.name).is_le()));
    }
    let d: Vec<&str> = builtin()
        .current_units()
        .map(|u| u.name.as_str())
        .filter(|n| n.starts_with('Đ'))
        .collect();
    assert_eq!(
        d,
        ["Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp"]
    );
}

#[test]
fn slugs_are_ascii_names() {
    let cases = [
        ("Đắk Lắk", "dak-lak"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
        ("Hồ Chí Minh", "ho-chi-minh"),
    ];
    for (name, slug) in cases {
        assert_eq!(old(name).slug, slug);
    }
}

#[test]
fn units_serialise_with_their_era_in_lower_case() {
    let text = serde_yaml::to_string(current("Cà Mau")).expect("a unit serialises");
    assert!(text.contains("era: current"), "{text}");
    assert!(text.contains("slug: ca-mau"), "{text}");
    assert!(text.contains("- Bạc Liêu"), "{text}");
}

#[test]
fn a_site_file_adds_a_unit_and_overrides_a_region() {
    let mut registry = builtin().clone();
    let site = "\
# Đặc khu Phú Quốc reported on its own before the merger.
old:
  - { name: Phú Quốc, kind: đặc khu, region: Đồng bằng sông Cửu Long, variants: [Đảo Ngọc] }
current:
  - { name: Gia Lai, region: Bắc Trung Bộ và Duyên hải miền Trung }
  - name: An Giang
    absorbed: [An Giang, Kiên Giang, Phú Quốc]
";
    registry.extend(site).expect("the site file is valid");
    assert_eq!(registry.old_units().len(), 64);
    assert_eq!(registry.current_units().len(), 34);

    let gia_lai = registry.lookup("Gia Lai").map(|u| registry.current_of(u));
    assert_eq!(
        gia_lai.map(|u| u.region.as_str()),
        Some("Bắc Trung Bộ và Duyên hải miền Trung")
    );
    assert_eq!(gia_lai.map(|u| u.kind.as_str()), Some("tỉnh"));

    let phu_quoc = registry
        .lookup("Đảo Ngọc")
        .expect("the site's variant is known");
    assert_eq!(phu_quoc.slug, "phu-quoc");
    assert_eq!(registry.current_of(phu_quoc).name, "An Giang");
    assert_eq!(
        builtin().lookup("Phú Quốc"),
        None,
        "the builtin is untouched"
    );
}

#[test]
fn a_site_file_may_be_empty_or_only_comments() {
    for text in ["", "# nothing to add\n", "old: []\ncurrent: []\n"] {
        let mut registry = builtin().clone();
        assert_eq!(registry.extend(text), Ok(()), "{text:?}");
        assert_eq!(registry.old_units().len(), 63);
    }
}

#[test]
fn a_bad_site_file_reports_a_line() {
    let cases = [
        // YAML syntax
        ("current:\n  - { name: Gia Lai, region: [Tây Nguyên }\n", 2),
        // a misspelt field
        (
            "old:\n  - name: Hải Dương\n    regon: Đồng bằng sông Hồng\n",
            3,
        ),
        // a new unit without its kind
        (
            "old:\n  - name: Hải Dương\n  - name: Côn Đảo\n    region: Đông Nam Bộ\n",
            3,
        ),
        // absorbing a unit that does not exist
        (
            "current:\n  - name: Cà Mau\n    absorbed: [Cà Mau, Bac Lieu]\n",
            3,
        ),
        // two units claiming one old unit
        (
            "current:\n  - { name: Cần Thơ, absorbed: [Cần Thơ, Sóc Trăng, Hậu Giang, Bạc Liêu] }\n",
            2,
        ),
        // one unit listed twice
        (
            "old:\n  - { name: Hải Dương }\n  - { name: Hải Dương }\n",
            3,
        ),
    ];
    for (text, line) in cases {
        let mut registry = builtin().clone();
        let error = registry.extend(text).expect_err(text);
        assert_eq!(error.line, Some(line), "{text}\n{error}");
        assert!(error.column.is_some(), "{error}");
        assert!(!error.message.contains("at line"), "{error}");
    }
}

#[test]
fn an_unknown_absorbed_name_is_answered_with_a_suggestion() {
    let mut registry = builtin().clone();
    let text = "current:\n  - name: Cà Mau\n    absorbed: [Cà Mau, Bac Lieu]\n";
    let error = registry.extend(text).expect_err("Bac Lieu is not a name");
    assert!(error.message.contains("did you mean “Bạc Liêu”"), "{error}");
    assert_eq!((error.line, error.column), (Some(3), Some(24)));
}

#[test]
fn a_site_file_that_leaves_an_old_unit_unabsorbed_is_refused_and_changes_nothing() {
    let mut registry = builtin().clone();
    let text = "current:\n  - { name: Cần Thơ, absorbed: [Cần Thơ, Sóc Trăng] }\n";
    let error = registry.extend(text).expect_err("Hậu Giang is left out");
    assert!(error.message.contains("Hậu Giang"), "{error}");
    assert_eq!(
        registry.current_of(old("Hậu Giang")).name,
        "Cần Thơ",
        "the registry is as it was"
    );
    assert_eq!(current("Cần Thơ").absorbed.len(), 3);
}

#[test]
fn a_spelling_shared_by_two_units_of_one_era_is_refused() {
    let mut registry = builtin().clone();
    let text = "old:\n  - { name: Hà Nam, variants: [Hà Nội] }\n";
    let error = registry.extend(text).expect_err("Hà Nội is taken");
    assert!(error.message.contains("Hà Nội"), "{error}");
    assert_eq!(error.line, Some(2));
}
