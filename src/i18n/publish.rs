//! What loa says about what a site publishes and how it looks: articles waiting for
//! their date, shortcodes (videos, documents, figures) and the raw HTML they replace, a
//! site's logo, colours and stylesheet.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::ScheduledWaiting { count, next } => match lang {
            En => Cow::Owned(format!(
                "{count} article(s) dated after today wait for their date, the next on {next}: a build on or after that day publishes it (`--future` includes them now)."
            )),
            Vi => Cow::Owned(format!(
                "{count} bài hẹn ngày đăng sau hôm nay đang chờ, bài gần nhất vào ngày {}: lần dựng trang từ ngày đó trở đi sẽ đăng bài (`--future` để đăng ngay).",
                vietnamese_date(next)
            )),
        },
        Msg::LinkToScheduled { path } => match lang {
            En => Cow::Owned(format!(
                "the link points to `@/{path}`, dated after today, which this build leaves out until its date"
            )),
            Vi => Cow::Owned(format!(
                "liên kết trỏ tới `@/{path}`, bài hẹn ngày đăng sau hôm nay, chưa được đăng"
            )),
        },
        Msg::LinkToScheduledHelp => match lang {
            En => Cow::Borrowed(
                "date this article on or after that one, or build with `--future` to preview both",
            ),
            Vi => Cow::Borrowed(
                "đặt ngày của bài này bằng hoặc sau ngày bài kia, hoặc xem thử cả hai bằng `--future`",
            ),
        },
        Msg::PlaceholderLeft { text } => match lang {
            En => Cow::Owned(format!(
                "this line is still the text `loa new` wrote as an example: `{text}`"
            )),
            Vi => Cow::Owned(format!(
                "dòng này vẫn là chữ mẫu do `loa new` viết sẵn: `{text}`"
            )),
        },
        Msg::PlaceholderLeftHelp => match lang {
            En => Cow::Borrowed("replace it with the article's own words, or delete the line"),
            Vi => Cow::Borrowed("thay bằng nội dung của bài, hoặc xóa dòng này"),
        },
        Msg::LogoNoAlt => match lang {
            En => Cow::Borrowed("the logo has no alt text"),
            Vi => Cow::Borrowed("logo chưa có lời mô tả (`alt`)"),
        },
        Msg::LogoNoAltHelp => match lang {
            En => Cow::Borrowed(
                "write what the logo says for readers who cannot see it, such as `alt: Công an tỉnh Đắk Lắk`",
            ),
            Vi => Cow::Borrowed(
                "ghi điều logo thể hiện cho người không xem được ảnh, ví dụ `alt: Công an tỉnh Đắk Lắk`",
            ),
        },
        Msg::LogoNotStatic { src } => match lang {
            En => Cow::Owned(format!(
                "the logo `{src}` is not a file of the site's static/ folder"
            )),
            Vi => Cow::Owned(format!(
                "logo `{src}` không phải là tệp trong thư mục static/ của trang"
            )),
        },
        Msg::LogoNotStaticHelp => match lang {
            En => Cow::Borrowed(
                "put the image in static/ and write its name, such as `src: logo.png`",
            ),
            Vi => Cow::Borrowed("đặt ảnh vào static/ rồi ghi tên tệp, ví dụ `src: logo.png`"),
        },
        Msg::LogoMissing { src } => match lang {
            En => Cow::Owned(format!(
                "the logo `{src}` is not in static/: there is no file static/{}",
                src.trim_start_matches('/')
            )),
            Vi => Cow::Owned(format!(
                "không có tệp logo `{src}`: thư mục static/ không có tệp {}",
                src.trim_start_matches('/')
            )),
        },
        Msg::ColorInvalid { name, value } => match lang {
            En => Cow::Owned(format!("`{name}: {value}` is not a colour loa can read")),
            Vi => Cow::Owned(format!(
                "`{name}: {value}` không phải là một mã màu loa đọc được"
            )),
        },
        Msg::ColorInvalidHelp => match lang {
            En => Cow::Borrowed(
                "write it as # and six hexadecimal digits, in quotes (YAML reads what follows an unquoted # as a comment): `\"#0b4a8b\"`",
            ),
            Vi => Cow::Borrowed(
                "viết dấu # và sáu chữ số hệ 16, đặt trong ngoặc kép (không có ngoặc, YAML coi phần sau # là ghi chú): `\"#0b4a8b\"`",
            ),
        },
        Msg::ColorContrast {
            name,
            value,
            ratio,
            background,
        } => match lang {
            En => Cow::Owned(format!(
                "`{name}: {value}` has a contrast of {ratio}:1 against {background}: text needs at least 4.5:1 to be readable (WCAG AA)"
            )),
            Vi => Cow::Owned(format!(
                "màu `{name}: {value}` chỉ có độ tương phản {}:1 so với nền {background}: chữ cần tối thiểu 4,5:1 mới dễ đọc (WCAG AA)",
                ratio.replace('.', ",")
            )),
        },
        Msg::ColorContrastHelp => match lang {
            En => Cow::Borrowed(
                "the theme shows this colour as text on white and white text on it: choose a darker shade",
            ),
            Vi => Cow::Borrowed(
                "giao diện dùng màu này cho chữ trên nền trắng và làm nền cho chữ trắng: hãy chọn màu đậm hơn",
            ),
        },
        Msg::ThemeFileReplaced { path } => match lang {
            En => Cow::Owned(format!(
                "static/{path} replaces the theme's own {path}, which every page uses"
            )),
            Vi => Cow::Owned(format!(
                "static/{path} thay thế tệp {path} của giao diện, tệp mọi trang đều dùng"
            )),
        },
        Msg::ThemeFileReplacedHelp => match lang {
            En => Cow::Borrowed(
                "to add styles to the theme's rather than replace them, name the file static/site.css: every page links it after the theme's stylesheet",
            ),
            Vi => Cow::Borrowed(
                "để thêm kiểu trình bày mà vẫn giữ của giao diện, đặt tên tệp là static/site.css: mọi trang đều nạp tệp này sau tệp của giao diện",
            ),
        },
        Msg::ShortcodeUnreadable { written } => match lang {
            En => Cow::Owned(format!("loa cannot read the shortcode `{written}`")),
            Vi => Cow::Owned(format!("loa không đọc được mã nhúng `{written}`")),
        },
        Msg::ShortcodeUnreadableHelp => match lang {
            En => Cow::Borrowed(
                "write it on a line of its own as `{{ name(key=\"value\") }}`, such as `{{ youtube(id=\"dQw4w9WgXcQ\") }}`",
            ),
            Vi => Cow::Borrowed(
                "viết riêng một dòng theo mẫu `{{ tên(khóa=\"giá trị\") }}`, ví dụ `{{ youtube(id=\"dQw4w9WgXcQ\") }}`",
            ),
        },
        Msg::ShortcodeInline { written } => match lang {
            En => Cow::Owned(format!(
                "`{written}` is inside running text, so the page shows it as text, not as what it makes"
            )),
            Vi => Cow::Owned(format!(
                "`{written}` nằm giữa đoạn văn nên trang hiện nguyên dòng chữ này, không hiện nội dung nhúng"
            )),
        },
        Msg::ShortcodeInlineHelp => match lang {
            En => Cow::Borrowed(
                "put the call on a line of its own, with an empty line before and after it",
            ),
            Vi => Cow::Borrowed("viết mã nhúng riêng một dòng, có một dòng trống trước và sau"),
        },
        Msg::ShortcodeUnknown { name } => match lang {
            En => Cow::Owned(format!("there is no shortcode `{name}`")),
            Vi => Cow::Owned(format!("không có mã nhúng `{name}`")),
        },
        Msg::ShortcodeKnown { list } => match lang {
            En => Cow::Owned(format!(
                "the shortcodes are {list}; a site adds its own as templates/shortcodes/NAME.html"
            )),
            Vi => Cow::Owned(format!(
                "các mã nhúng có sẵn: {list}; trang tự thêm mã nhúng bằng tệp templates/shortcodes/TÊN.html"
            )),
        },
        Msg::ShortcodeMissingArg { name, arg } => match lang {
            En => Cow::Owned(format!("the shortcode `{name}` needs `{arg}`")),
            Vi => Cow::Owned(format!("mã nhúng `{name}` cần có `{arg}`")),
        },
        Msg::ShortcodeBadArg { name, arg, value } => match lang {
            En => Cow::Owned(format!(
                "`{arg}=\"{value}\"` is not what the shortcode `{name}` takes"
            )),
            Vi => Cow::Owned(format!("mã nhúng `{name}` không nhận `{arg}=\"{value}\"`")),
        },
        Msg::ShortcodeExample { example } => match lang {
            En => Cow::Owned(format!("write it as `{example}`")),
            Vi => Cow::Owned(format!("viết theo mẫu `{example}`")),
        },
        Msg::ShortcodeFailed { name, error } => match lang {
            En => Cow::Owned(format!(
                "the template of the shortcode `{name}` failed: {error}"
            )),
            Vi => Cow::Owned(format!("mẫu của mã nhúng `{name}` bị lỗi: {error}")),
        },
        Msg::DocumentMissing { src } => match lang {
            En => Cow::Owned(format!("the document `{src}` does not exist")),
            Vi => Cow::Owned(format!("không có tệp tài liệu `{src}`")),
        },
        Msg::DocumentMissingHelp => match lang {
            En => Cow::Borrowed(
                "put the file beside the article (an article with its own folder, `…/index.md`) and write its name, or write its address under the site, such as `/tai-lieu/ke-hoach.pdf` for content/tai-lieu/ke-hoach.pdf",
            ),
            Vi => Cow::Borrowed(
                "đặt tệp cạnh bài viết (bài có thư mục riêng, `…/index.md`) rồi ghi tên tệp, hoặc ghi địa chỉ trong trang, ví dụ `/tai-lieu/ke-hoach.pdf` cho tệp content/tai-lieu/ke-hoach.pdf",
            ),
        },
        Msg::FiguresNone { province } => match lang {
            En => Cow::Owned(format!("no article reports figures for `{province}`")),
            Vi => Cow::Owned(format!("chưa có bài nào công bố số liệu của `{province}`")),
        },
        Msg::FiguresNoneHelp => match lang {
            En => Cow::Borrowed(
                "write the province as an article's `province:` names it, such as `Đắk Lắk`, once an article gives its figures under `stats:`",
            ),
            Vi => Cow::Borrowed(
                "ghi tên tỉnh như trường `province:` của bài viết, ví dụ `Đắk Lắk`, khi đã có bài ghi số liệu trong `stats:`",
            ),
        },
        Msg::RawHtmlRemoved { what } => match lang {
            En => Cow::Owned(format!(
                "`{what}` is removed from the page: raw HTML that runs or loads something from another site is not published"
            )),
            Vi => Cow::Owned(format!(
                "`{what}` bị bỏ khỏi trang: mã HTML chạy lệnh hoặc tải nội dung từ trang khác không được đăng"
            )),
        },
        Msg::RawHtmlUseShortcode { instead } => match lang {
            En => Cow::Owned(format!("use the shortcode {instead} on a line of its own")),
            Vi => Cow::Owned(format!("dùng mã nhúng {instead}, viết riêng một dòng")),
        },
        Msg::RawHtmlNoScripts => match lang {
            En => Cow::Borrowed(
                "delete it; for a video write `{{ youtube(id=\"…\") }}` or `{{ facebook(url=\"…\") }}`, for a file `{{ document(src=\"…\") }}`",
            ),
            Vi => Cow::Borrowed(
                "xóa phần này; muốn nhúng video thì viết `{{ youtube(id=\"…\") }}` hoặc `{{ facebook(url=\"…\") }}`, tệp tài liệu thì `{{ document(src=\"…\") }}`",
            ),
        },
        _ => elsewhere(msg),
    }
}

/// `2024-07-01` as Vietnamese readers write it: 1/7/2024.
fn vietnamese_date(iso: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(date) => date.format("%-d/%-m/%Y").to_string(),
        Err(_) => iso.to_string(),
    }
}
