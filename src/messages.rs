//! Every sentence an officer reads, in English and in Vietnamese, in one catalogue: the
//! errors and their fixes, the build summary, what `init` and `new` say.
//!
//! A message is a value (`Msg`) that becomes text in a language. The language is chosen
//! once per process by the command line (`--lang`, else `LANG`) with [`set_language`];
//! `Msg`'s `Display` uses it, so that code deep in the pipeline builds its messages
//! without a language passed through every function. English is the default.
//! Owns no I/O; never prints.

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language loa speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const NAMES: &'static [&'static str] = &["en", "vi"];

    /// `en` or `vi`, as given to `--lang`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Self::En),
            "vi" | "vietnamese" | "tiếng việt" => Some(Self::Vi),
            _ => None,
        }
    }

    /// The language of a locale variable such as `LANG=vi_VN.UTF-8`: Vietnamese for
    /// `vi` in any region or encoding, English for anything else.
    pub fn from_locale(value: &str) -> Self {
        let language = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("vi") {
            Self::Vi
        } else {
            Self::En
        }
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message this process shows.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(
        match lang {
            Lang::En => 0,
            Lang::Vi => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language set with [`set_language`]; English until then.
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

/// One message, with what it says about the case at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // ---- init and new ----
    InitNotEmpty { dir: String },
    InitNotEmptyHelp,
    InitNotAFolder { dir: String },
    InitDone { dir: String },
    InitNext { dir: String },
    NoSiteHere { path: String },
    NoSiteHereHelp,
    NewBadSection { section: String },
    NewBadSectionHelp,
    NewSectionIsStats { section: String },
    NewSectionIsStatsHelp,
    NewEmptyTitle,
    NewEmptyTitleHelp,
    NewExists { path: String },
    NewExistsHelp,
    NewDone { path: String },
    NewSectionDone { path: String },
    NewNext,
    Writing { path: String },

    // ---- photos ----
    ImageNoAlt { src: String },
    ImageNoAltHelp { src: String },
    ImageMissing { src: String },
    ImageMissingHelpEmpty { dir: String },
    ImageMissingHelpBeside { dir: String, files: String },
    ImageMissingHelpNotBundle { bundle: String },
    ImageMissingHelpPage,
    ImageUnreadable { src: String, error: String },
    ImageUnreadableHelp,
    ImageCacheFailed { path: String, error: String },
}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Vi};
        let text: String = match (self, lang) {
            (Self::InitNotEmpty { dir }, En) => {
                format!(
                    "the folder {dir} is not empty; loa init makes a site only in a new or empty folder"
                )
            }
            (Self::InitNotEmpty { dir }, Vi) => {
                format!(
                    "thư mục {dir} không trống; loa init chỉ tạo trang trong thư mục mới hoặc trống"
                )
            }
            (Self::InitNotEmptyHelp, En) => {
                return "give the name of a folder that does not exist yet, such as `loa init trang-moi`".into();
            }
            (Self::InitNotEmptyHelp, Vi) => {
                return "hãy ghi tên một thư mục chưa có, ví dụ `loa init trang-moi`".into();
            }
            (Self::InitNotAFolder { dir }, En) => format!("{dir} is a file, not a folder"),
            (Self::InitNotAFolder { dir }, Vi) => format!("{dir} là một tệp, không phải thư mục"),
            (Self::InitDone { dir }, En) => format!("Created a new site in {dir}:"),
            (Self::InitDone { dir }, Vi) => format!("Đã tạo trang mới trong {dir}:"),
            (Self::InitNext { dir }, En) => format!(
                "Next: `loa build --root {dir}` writes the site into {dir}/public; `loa new --root {dir} tin-tuc \"Tiêu đề\"` starts an article."
            ),
            (Self::InitNext { dir }, Vi) => format!(
                "Tiếp theo: `loa build --root {dir}` xuất trang vào {dir}/public; `loa new --root {dir} tin-tuc \"Tiêu đề\"` tạo bài mới."
            ),
            (Self::NoSiteHere { path }, En) => format!("there is no site here: {path} is missing"),
            (Self::NoSiteHere { path }, Vi) => {
                format!("ở đây không có trang nào: thiếu tệp {path}")
            }
            (Self::NoSiteHereHelp, En) => {
                return "run `loa init DIR` to make a new site, or pass --root with the site's folder".into();
            }
            (Self::NoSiteHereHelp, Vi) => {
                return "chạy `loa init THƯ_MỤC` để tạo trang mới, hoặc ghi --root với thư mục của trang".into();
            }
            (Self::NewBadSection { section }, En) => {
                format!("`{section}` cannot be the name of a section")
            }
            (Self::NewBadSection { section }, Vi) => {
                format!("`{section}` không dùng làm tên mục được")
            }
            (Self::NewBadSectionHelp, En) => {
                return "name the section's folder under content/, such as `tin-tuc` or `le-ra-mat`".into();
            }
            (Self::NewBadSectionHelp, Vi) => {
                return "ghi tên thư mục của mục trong content/, ví dụ `tin-tuc` hoặc `le-ra-mat`"
                    .into();
            }
            (Self::NewSectionIsStats { section }, En) => format!(
                "/{section}/ is where loa puts the statistics pages (`stats: path` in site.yaml), not a section"
            ),
            (Self::NewSectionIsStats { section }, Vi) => format!(
                "/{section}/ là nơi loa đặt các trang thống kê (`stats: path` trong site.yaml), không phải một mục"
            ),
            (Self::NewSectionIsStatsHelp, En) => {
                return "write articles with figures in another section, such as `so-lieu` or `tin-tuc`; the statistics pages add up their `stats`".into();
            }
            (Self::NewSectionIsStatsHelp, Vi) => {
                return "viết bài có số liệu trong mục khác, ví dụ `so-lieu` hoặc `tin-tuc`; trang thống kê sẽ cộng mục `stats` của các bài".into();
            }
            (Self::NewEmptyTitle, En) => return "the title has no letters or digits".into(),
            (Self::NewEmptyTitle, Vi) => return "tiêu đề không có chữ hay số nào".into(),
            (Self::NewEmptyTitleHelp, En) => {
                return "write the title in quotes, such as `loa new tin-tuc \"Lễ ra mắt tại Đắk Lắk\"`".into();
            }
            (Self::NewEmptyTitleHelp, Vi) => {
                return "viết tiêu đề trong dấu ngoặc kép, ví dụ `loa new tin-tuc \"Lễ ra mắt tại Đắk Lắk\"`".into();
            }
            (Self::NewExists { path }, En) => {
                format!("{path} already exists; loa new never overwrites an article")
            }
            (Self::NewExists { path }, Vi) => {
                format!("đã có tệp {path}; loa new không bao giờ ghi đè lên bài đã có")
            }
            (Self::NewExistsHelp, En) => {
                return "open that file to edit it, or choose another title".into();
            }
            (Self::NewExistsHelp, Vi) => {
                return "mở tệp đó để sửa, hoặc chọn tiêu đề khác".into();
            }
            (Self::NewDone { path }, En) => format!("Created {path}"),
            (Self::NewDone { path }, Vi) => format!("Đã tạo {path}"),
            (Self::NewSectionDone { path }, En) => format!("Created the new section {path}"),
            (Self::NewSectionDone { path }, Vi) => format!("Đã tạo mục mới {path}"),
            (Self::NewNext, En) => {
                return "The article is a draft: fill in its front matter and text, then set `draft: false` to publish it.".into();
            }
            (Self::NewNext, Vi) => {
                return "Bài đang là bản nháp: điền thông tin đầu bài và nội dung, rồi đổi thành `draft: false` để đăng.".into();
            }
            (Self::Writing { path }, En) => format!("writing {path}"),
            (Self::Writing { path }, Vi) => format!("khi ghi {path}"),
            (Self::ImageNoAlt { src }, En) => format!("the image `{src}` has no alt text"),
            (Self::ImageNoAlt { src }, Vi) => format!("ảnh `{src}` chưa có lời mô tả (alt)"),
            (Self::ImageNoAltHelp { src }, En) => format!(
                "describe the photo between the brackets, for readers who cannot see it: ![Lực lượng ra mắt tại hội trường]({src})"
            ),
            (Self::ImageNoAltHelp { src }, Vi) => format!(
                "mô tả ảnh trong cặp ngoặc vuông, cho người đọc không xem được ảnh: ![Lực lượng ra mắt tại hội trường]({src})"
            ),
            (Self::ImageMissing { src }, En) => {
                format!("the image `{src}` is not beside this article")
            }
            (Self::ImageMissing { src }, Vi) => {
                format!("không có ảnh `{src}` bên cạnh bài này")
            }
            (Self::ImageMissingHelpEmpty { dir }, En) => {
                format!("put the photo in the folder {dir}, or correct its name")
            }
            (Self::ImageMissingHelpEmpty { dir }, Vi) => {
                format!("đặt tệp ảnh vào thư mục {dir}, hoặc sửa lại tên ảnh")
            }
            (Self::ImageMissingHelpBeside { dir, files }, En) => {
                format!(
                    "the folder {dir} has: {files}; names must match exactly, capitals included"
                )
            }
            (Self::ImageMissingHelpBeside { dir, files }, Vi) => {
                format!("thư mục {dir} có: {files}; tên phải viết đúng hệt, kể cả chữ hoa")
            }
            (Self::ImageMissingHelpNotBundle { bundle }, En) => format!(
                "an article with photos is a folder: move this file to {bundle}/index.md and put the photos beside it (`loa new --bundle` makes one)"
            ),
            (Self::ImageMissingHelpNotBundle { bundle }, Vi) => format!(
                "bài có ảnh là một thư mục: chuyển tệp này thành {bundle}/index.md rồi đặt ảnh bên cạnh (`loa new --bundle` tạo sẵn thư mục)"
            ),
            (Self::ImageMissingHelpPage, En) => {
                return "put the photo in the folder static/ and write its address from there, such as ![…](/anh/hoi-truong.jpg)".into();
            }
            (Self::ImageMissingHelpPage, Vi) => {
                return "đặt ảnh vào thư mục static/ rồi ghi địa chỉ tính từ đó, ví dụ ![…](/anh/hoi-truong.jpg)".into();
            }
            (Self::ImageUnreadable { src, error }, En) => {
                format!("the image `{src}` cannot be read: {error}")
            }
            (Self::ImageUnreadable { src, error }, Vi) => {
                format!("không đọc được ảnh `{src}`: {error}")
            }
            (Self::ImageUnreadableHelp, En) => {
                return "open it in a photo editor and save it again as JPEG".into();
            }
            (Self::ImageUnreadableHelp, Vi) => {
                return "mở ảnh bằng phần mềm xem ảnh rồi lưu lại dưới dạng JPEG".into();
            }
            (Self::ImageCacheFailed { path, error }, En) => {
                format!("cannot write the resized photo {path}: {error}")
            }
            (Self::ImageCacheFailed { path, error }, Vi) => {
                format!("không ghi được ảnh đã thu nhỏ {path}: {error}")
            }
        };
        Cow::Owned(text)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(language()))
    }
}

#[cfg(test)]
mod tests {
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
}
