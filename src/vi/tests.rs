use super::*;

#[test]
fn slugs_drop_tone_marks_and_map_d_bar_to_d() {
    let cases = [
        ("Lễ ra mắt lực lượng Đắk Lắk", "le-ra-mat-luc-luong-dak-lak"),
        ("Lễ ra mắt Đắk Lắk", "le-ra-mat-dak-lak"),
        ("Cần Thơ: 3.000 thành viên!", "can-tho-3-000-thanh-vien"),
        ("  Thừa Thiên - Huế  ", "thua-thien-hue"),
        ("ĐỒNG THÁP", "dong-thap"),
        ("???", ""),
    ];
    for (title, slug) in cases {
        assert_eq!(slugify(title), slug, "{title}");
    }
}

#[test]
fn nfd_input_gives_the_same_slug_and_fold_as_nfc() {
    let nfd: String = "Đắk Lắk".nfd().collect();
    assert_ne!(nfd, "Đắk Lắk");
    assert_eq!(nfc(&nfd), "Đắk Lắk");
    assert_eq!(fold(&nfd), "dak lak");
    assert_eq!(slugify(&nfd), "dak-lak");
}

#[test]
fn the_byte_scan_lets_through_only_text_that_is_nfc() {
    let cases = [
        ("Lễ ra mắt Đắk Lắk “ANTT” – 2.199", true),
        ("a\u{301}", false),
        ("\u{2000}", false),
        ("한국", false),
        ("ÀÁÂ ơư", true),
        ("\u{2ff} \u{1e00}\u{1eff} \u{2002}\u{203f}", true),
        ("\u{300}", false),
        ("\u{1dff}", false),
        ("\u{1f00}", false),
        ("\u{2001}", false),
        ("\u{2040}", false),
        ("ệ\u{323}", false),
    ];
    for (text, plain) in cases {
        assert_eq!(plainly_nfc(text), plain, "{text:?}");
        if plain {
            assert_eq!(text.nfc().collect::<String>(), text);
        }
    }
}

#[test]
fn numbers_use_dot_thousands_and_comma_decimals() {
    assert_eq!(format_integer(2199), "2.199");
    assert_eq!(format_integer(1_234_567), "1.234.567");
    assert_eq!(format_integer(999), "999");
    assert_eq!(format_integer(-4248), "-4.248");
    assert_eq!(format_decimal(4.6, 2), "4,6");
    assert_eq!(format_decimal(5.5, 2), "5,5");
    assert_eq!(format_decimal(12500.25, 2), "12.500,25");
    assert_eq!(format_decimal(3.0, 2), "3");
}

#[test]
fn dates_in_the_three_styles() {
    let date = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    assert_eq!(DateStyle::Short.format(date), "1/7/2024");
    assert_eq!(DateStyle::Weekday.format(date), "Thứ Hai, 01/07/2024");
    assert_eq!(DateStyle::Admin.format(date), "ngày 01 tháng 7 năm 2024");
    let february = NaiveDate::from_ymd_opt(2025, 2, 19).unwrap();
    assert_eq!(
        DateStyle::Admin.format(february),
        "ngày 19 tháng 02 năm 2025"
    );
    let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
    assert_eq!(DateStyle::Weekday.format(sunday), "Chủ Nhật, 17/08/2025");
}

#[test]
fn sorting_follows_the_vietnamese_alphabet() {
    let mut words = vec!["Đồng Tháp", "Dung", "Ân", "Ăn", "An", "Bình", "Êm", "Em"];
    words.sort_by(|a, b| compare(a, b));
    assert_eq!(
        words,
        ["An", "Ăn", "Ân", "Bình", "Dung", "Đồng Tháp", "Em", "Êm"]
    );
}
