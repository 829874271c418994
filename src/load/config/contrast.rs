//! Colour contrast as WCAG 2.2 computes it, for the colours a site gives the default
//! theme: each is shown as text on the page's light backgrounds, and white text is shown
//! on it, so each must reach AA for normal text against all of them.

/// WCAG 2.2 AA for normal text.
pub const AA_TEXT: f64 = 4.5;

/// The light colours of the default theme that text in a site's colour stands on: the
/// page, white text (the same white), and the panels of figures and campaigns.
const LIGHT: &[&str] = &["#ffffff", "#f7f3ec"];

/// `#rrggbb` or `#rgb` as red, green and blue.
pub fn parse(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
    match hex.len() {
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        _ => None,
    }
}

/// The lowest contrast of `color` against the theme's light colours, and that colour.
pub fn worst_on_light(color: [u8; 3]) -> (f64, &'static str) {
    LIGHT
        .iter()
        .filter_map(|light| parse(light).map(|l| (ratio(color, l), *light)))
        .fold((f64::INFINITY, LIGHT[0]), |worst, this| {
            if this.0 < worst.0 { this } else { worst }
        })
}

/// The contrast ratio of two colours, from 1 to 21.
pub fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

fn luminance(color: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color[0]) + 0.7152 * channel(color[1]) + 0.0722 * channel(color[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_theme_notes() {
        let cases = [
            ("#1a1a1a", "#ffffff", "17.40"),
            ("#0b4a8b", "#ffffff", "8.87"),
            ("#9b1c1c", "#f7f3ec", "7.37"),
            ("#fff", "#000", "21.00"),
        ];
        for (a, b, expected) in cases {
            let ratio = ratio(parse(a).unwrap(), parse(b).unwrap());
            assert_eq!(format!("{ratio:.2}"), expected, "{a} on {b}");
        }
    }

    #[test]
    fn only_hex_colours_parse() {
        assert_eq!(parse("#0B4A8B"), Some([11, 74, 139]));
        assert_eq!(parse("#abc"), Some([0xaa, 0xbb, 0xcc]));
        for text in ["red", "0b4a8b", "#0b4a8", "#ggg", "rgb(0,0,0)"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn the_worst_background_is_the_panel() {
        let (ratio, background) = worst_on_light(parse("#6fa8dc").unwrap());
        assert_eq!(
            (format!("{ratio:.2}"), background),
            ("2.28".into(), "#f7f3ec")
        );
    }
}
