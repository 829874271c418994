//! What `loa init` and `loa new` tell the officer: the site or article made, what to do next,
//! and why one could not be made.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::InitNotEmpty { dir } => match lang {
            En => Cow::Owned(format!(
                "the folder {dir} is not empty; loa init makes a site only in a new or empty folder"
            )),
            Vi => Cow::Owned(format!(
                "thư mục {dir} không trống; loa init chỉ tạo trang trong thư mục mới hoặc trống"
            )),
        },
        Msg::InitNotEmptyHelp => match lang {
            En => Cow::Borrowed(
                "give the name of a folder that does not exist yet, such as `loa init trang-moi`",
            ),
            Vi => Cow::Borrowed("hãy ghi tên một thư mục chưa có, ví dụ `loa init trang-moi`"),
        },
        Msg::InitNotAFolder { dir } => match lang {
            En => Cow::Owned(format!("{dir} is a file, not a folder")),
            Vi => Cow::Owned(format!("{dir} là một tệp, không phải thư mục")),
        },
        Msg::InitDone { dir } => match lang {
            En => Cow::Owned(format!("Created a new site in {dir}:")),
            Vi => Cow::Owned(format!("Đã tạo trang mới trong {dir}:")),
        },
        Msg::InitNext { dir } => match lang {
            En => Cow::Owned(format!(
                "Next: `loa serve --root {dir}` shows the site in your browser and follows your changes; `loa new --root {dir} tin-tuc \"Tiêu đề\"` starts an article; `loa build --root {dir}` writes the site to publish into {dir}/public."
            )),
            Vi => Cow::Owned(format!(
                "Tiếp theo: `loa serve --root {dir}` mở trang trong trình duyệt và cập nhật theo từng thay đổi; `loa new --root {dir} tin-tuc \"Tiêu đề\"` tạo bài mới; `loa build --root {dir}` xuất trang để đăng vào {dir}/public."
            )),
        },
        Msg::NoSiteHere { path } => match lang {
            En => Cow::Owned(format!("there is no site here: {path} is missing")),
            Vi => Cow::Owned(format!("ở đây không có trang nào: thiếu tệp {path}")),
        },
        Msg::NoSiteHereHelp => match lang {
            En => Cow::Borrowed(
                "run `loa init DIR` to make a new site, or pass --root with the site's folder",
            ),
            Vi => Cow::Borrowed(
                "chạy `loa init THƯ_MỤC` để tạo trang mới, hoặc ghi --root với thư mục của trang",
            ),
        },
        Msg::NewBadSection { section } => match lang {
            En => Cow::Owned(format!("`{section}` cannot be the name of a section")),
            Vi => Cow::Owned(format!("`{section}` không dùng làm tên mục được")),
        },
        Msg::NewBadSectionHelp => match lang {
            En => Cow::Borrowed(
                "name the section's folder under content/, such as `tin-tuc` or `le-ra-mat`",
            ),
            Vi => Cow::Borrowed(
                "ghi tên thư mục của mục trong content/, ví dụ `tin-tuc` hoặc `le-ra-mat`",
            ),
        },
        Msg::NewSectionIsStats { section } => match lang {
            En => Cow::Owned(format!(
                "/{section}/ is where loa puts the statistics pages (`stats: path` in site.yaml), not a section"
            )),
            Vi => Cow::Owned(format!(
                "/{section}/ là nơi loa đặt các trang thống kê (`stats: path` trong site.yaml), không phải một mục"
            )),
        },
        Msg::NewSectionIsStatsHelp => match lang {
            En => Cow::Borrowed(
                "write articles with figures in another section, such as `so-lieu` or `tin-tuc`; the statistics pages add up their `stats`",
            ),
            Vi => Cow::Borrowed(
                "viết bài có số liệu trong mục khác, ví dụ `so-lieu` hoặc `tin-tuc`; trang thống kê sẽ cộng mục `stats` của các bài",
            ),
        },
        Msg::NewEmptyTitle => match lang {
            En => Cow::Borrowed("the title has no letters or digits"),
            Vi => Cow::Borrowed("tiêu đề không có chữ hay số nào"),
        },
        Msg::NewEmptyTitleHelp => match lang {
            En => Cow::Borrowed(
                "write the title in quotes, such as `loa new tin-tuc \"Lễ ra mắt tại Đắk Lắk\"`",
            ),
            Vi => Cow::Borrowed(
                "viết tiêu đề trong dấu ngoặc kép, ví dụ `loa new tin-tuc \"Lễ ra mắt tại Đắk Lắk\"`",
            ),
        },
        Msg::NewExists { path } => match lang {
            En => Cow::Owned(format!(
                "{path} already exists; loa new never overwrites an article"
            )),
            Vi => Cow::Owned(format!(
                "đã có tệp {path}; loa new không bao giờ ghi đè lên bài đã có"
            )),
        },
        Msg::NewExistsHelp => match lang {
            En => Cow::Borrowed("open that file to edit it, or choose another title"),
            Vi => Cow::Borrowed("mở tệp đó để sửa, hoặc chọn tiêu đề khác"),
        },
        Msg::NewDone { path } => match lang {
            En => Cow::Owned(format!("Created {path}")),
            Vi => Cow::Owned(format!("Đã tạo {path}")),
        },
        Msg::NewSectionDone { path } => match lang {
            En => Cow::Owned(format!("Created the new section {path}")),
            Vi => Cow::Owned(format!("Đã tạo mục mới {path}")),
        },
        Msg::NewNext => match lang {
            En => Cow::Borrowed(
                "The article is a draft: fill in its front matter and text, then set `draft: false` to publish it.",
            ),
            Vi => Cow::Borrowed(
                "Bài đang là bản nháp: điền thông tin đầu bài và nội dung, rồi đổi thành `draft: false` để đăng.",
            ),
        },
        Msg::Writing { path } => match lang {
            En => Cow::Owned(format!("writing {path}")),
            Vi => Cow::Owned(format!("khi ghi {path}")),
        },
        other => elsewhere(other),
    }
}
