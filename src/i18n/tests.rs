use super::*;

#[test]
fn the_locale_chooses_vietnamese_for_vi_only() {
    let cases = [
        ("vi_VN.UTF-8", Lang::Vi),
        ("vi", Lang::Vi),
        ("VI_VN", Lang::Vi),
        ("vi_VN@tcvn", Lang::Vi),
        ("en_US.UTF-8", Lang::En),
        ("C", Lang::En),
        ("", Lang::En),
        ("vie", Lang::En),
    ];
    for (value, lang) in cases {
        assert_eq!(Lang::from_locale(value), lang, "{value}");
    }
}
