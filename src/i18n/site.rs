//! What is wrong with the site as a whole, seen only once every file is read: two files
//! for one page, links and menu entries to nothing or to addresses that could run code,
//! two figures for one day, a tag written without the tone marks other articles give it.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::TwoFilesOnePage { url } => match lang {
            En => Cow::Owned(format!("two files produce the same page `{url}`")),
            Vi => Cow::Owned(format!("hai tệp cùng tạo ra một trang `{url}`")),
        },
        Msg::TheOtherOne { path } => match lang {
            En => Cow::Owned(format!("the other one is {path}")),
            Vi => Cow::Owned(format!("tệp kia là {path}")),
        },
        Msg::TwoFilesHelp => match lang {
            En => Cow::Borrowed(
                "an article's address comes from its title: change the title of one of them, or give it a line `slug: …` with another address",
            ),
            Vi => Cow::Borrowed(
                "địa chỉ của bài lấy từ tiêu đề: đổi tiêu đề của một trong hai bài, hoặc thêm cho bài đó một dòng `slug: …` với địa chỉ khác",
            ),
        },
        Msg::YearArchiveTaken { url, year } => match lang {
            En => Cow::Owned(format!(
                "this article's address `{url}` is the page loa makes to list the section's articles of {year}"
            )),
            Vi => Cow::Owned(format!(
                "địa chỉ `{url}` của bài trùng với trang loa tự tạo để liệt kê các bài năm {year} của chuyên mục"
            )),
        },
        Msg::YearArchiveHelp { slug } => match lang {
            En => Cow::Owned(format!(
                "an address that is only a year is kept for that list: write `slug: {slug}` in the article, in place of its `slug:` line if it has one"
            )),
            Vi => Cow::Owned(format!(
                "địa chỉ chỉ có số năm được dành cho trang liệt kê đó: ghi `slug: {slug}` trong bài, thay cho dòng `slug:` cũ nếu có"
            )),
        },
        Msg::MenuEntryBroken { name, url } => match lang {
            En => Cow::Owned(format!(
                "the menu entry `{name}` points to `{url}`, a page this site does not produce"
            )),
            Vi => Cow::Owned(format!(
                "mục trình đơn `{name}` trỏ tới `{url}`, một trang không có trong trang này"
            )),
        },
        Msg::MenuEntryHelp => match lang {
            En => Cow::Borrowed(
                "point it at a section, a page or a taxonomy of this site, such as `/tin-tuc/`",
            ),
            Vi => Cow::Borrowed(
                "trỏ mục này tới một mục bài, một trang hoặc một trang gom bài của trang, ví dụ `/tin-tuc/`",
            ),
        },
        Msg::LinkMissingFile { path } => match lang {
            En => Cow::Owned(format!(
                "the link points to `@/{path}`, which does not exist"
            )),
            Vi => Cow::Owned(format!(
                "liên kết trỏ tới `@/{path}`, tệp này không tồn tại"
            )),
        },
        Msg::LinkMissingFileHelp => match lang {
            En => Cow::Borrowed(
                "write the path of a file under content/, such as `@/tin-tuc/bai-viet.md` or `@/tin-tuc/bai-viet/ke-hoach.pdf`",
            ),
            Vi => Cow::Borrowed(
                "ghi đường dẫn của một tệp trong content/, ví dụ `@/tin-tuc/bai-viet.md` hoặc `@/tin-tuc/bai-viet/ke-hoach.pdf`",
            ),
        },
        Msg::LinkToDraft { path } => match lang {
            En => Cow::Owned(format!(
                "the link points to `@/{path}`, a draft, which this build leaves out"
            )),
            Vi => Cow::Owned(format!(
                "liên kết trỏ tới `@/{path}`, một bản nháp chưa đăng"
            )),
        },
        Msg::LinkToDraftHelp => match lang {
            En => Cow::Borrowed(
                "publish that article first (remove `draft: true`), or build with `--drafts` to preview both",
            ),
            Vi => Cow::Borrowed(
                "đăng bài đó trước (bỏ `draft: true`), hoặc xem thử cả hai bằng `--drafts`",
            ),
        },
        Msg::NoAnchor { target, anchor } => match lang {
            En => Cow::Owned(format!(
                "`{target}` has no heading with the anchor `#{anchor}`"
            )),
            Vi => Cow::Owned(format!(
                "`{target}` không có đề mục nào mang mã `#{anchor}`"
            )),
        },
        Msg::LinkMissingPage { path } => match lang {
            En => Cow::Owned(format!(
                "the link points to `{path}`, a page this site does not produce"
            )),
            Vi => Cow::Owned(format!(
                "liên kết trỏ tới `{path}`, một trang không có trong trang này"
            )),
        },
        Msg::LinkMissingRelative { path, url } => match lang {
            En => Cow::Owned(format!(
                "the link points to `{path}`, that is `{url}`, which this site does not publish"
            )),
            Vi => Cow::Owned(format!(
                "liên kết trỏ tới `{path}`, tức là `{url}`, nhưng trang web không có trang hay tệp này"
            )),
        },
        Msg::LinkMissingRelativeHelp => match lang {
            En => Cow::Borrowed(
                "put the file beside the article (an article with files is a folder holding index.md), or link to a file under content/ with `@/section/file`",
            ),
            Vi => Cow::Borrowed(
                "đặt tệp cạnh bài viết (bài có tệp kèm là một thư mục chứa index.md), hoặc liên kết tới tệp trong content/ bằng `@/chuyen-muc/tep`",
            ),
        },
        Msg::LinkMissingPageHelp => match lang {
            En => Cow::Borrowed(
                "link to a file with `@/section/file.md` so that loa finds its address for you",
            ),
            Vi => Cow::Borrowed(
                "liên kết tới tệp bằng `@/mục/tệp.md` để loa tự tìm địa chỉ của trang",
            ),
        },
        Msg::SamePageNoAnchor { anchor } => match lang {
            En => Cow::Owned(format!(
                "this page has no heading with the anchor `#{anchor}`"
            )),
            Vi => Cow::Owned(format!("trang này không có đề mục nào mang mã `#{anchor}`")),
        },
        Msg::FigureConflict {
            metric,
            province,
            as_of,
            here,
            there,
            first,
        } => match lang {
            En => Cow::Owned(format!(
                "`{metric}` for {province} as of {as_of} is {here} here, but {there} in {first}"
            )),
            Vi => Cow::Owned(format!(
                "`{metric}` của {province} tính đến {as_of} ở đây là {here}, nhưng trong {first} là {there}"
            )),
        },
        Msg::FigureConflictNote {
            place,
            metric,
            value,
            province,
            as_of,
        } => match lang {
            En => Cow::Owned(format!(
                "{place} reports `{metric}: {value}` for {province} as of {as_of}"
            )),
            Vi => Cow::Owned(format!(
                "{place} ghi `{metric}: {value}` cho {province} tính đến {as_of}"
            )),
        },
        Msg::FigureConflictHelp => match lang {
            En => Cow::Borrowed(
                "one province cannot have two figures for the same day: correct the wrong one, or give the newer figure its own `as_of` date",
            ),
            Vi => Cow::Borrowed(
                "một tỉnh không thể có hai con số cho cùng một ngày: sửa con số sai, hoặc ghi ngày `as_of` riêng cho con số mới hơn",
            ),
        },
        Msg::ProseDisagrees {
            metric,
            prose,
            figure,
        } => match lang {
            En => Cow::Owned(format!(
                "the text says {prose} for `{metric}`, but the article's figure is {figure}"
            )),
            Vi => Cow::Owned(format!(
                "bài viết ghi {prose} cho `{metric}`, nhưng số liệu của bài là {figure}"
            )),
        },
        Msg::ProseDisagreesNote {
            place,
            metric,
            figure,
        } => match lang {
            En => Cow::Owned(format!("{place} gives `{metric}: {figure}`")),
            Vi => Cow::Owned(format!("{place} ghi `{metric}: {figure}`")),
        },
        Msg::ProseDisagreesHelp => match lang {
            En => Cow::Borrowed(
                "make the text and the figure say the same, with the same word (trên, khoảng, …) if the source has one",
            ),
            Vi => Cow::Borrowed(
                "sửa để lời văn và số liệu giống nhau, kể cả từ chỉ mức (trên, khoảng, …) nếu nguồn có",
            ),
        },
        Msg::UrlRefused { scheme, image } => match (lang, image) {
            (En, false) => Cow::Owned(format!("links to `{scheme}:` addresses are not allowed")),
            (En, true) => Cow::Owned(format!("images from `{scheme}:` addresses are not allowed")),
            (Vi, false) => Cow::Owned(format!("không được đặt liên kết tới địa chỉ `{scheme}:`")),
            (Vi, true) => Cow::Owned(format!("không được lấy ảnh từ địa chỉ `{scheme}:`")),
        },
        Msg::UrlRefusedHelp { image } => match (lang, image) {
            (En, false) => Cow::Borrowed(
                "link to a web page (https://…), an e-mail address (mailto:…), a telephone number (tel:…) or a page of this site (/tin-tuc/…), or remove the link and keep its words",
            ),
            (En, true) => Cow::Borrowed(
                "show a photo from a file beside the article (anh.jpg), from this site (/anh/hoi-truong.jpg) or from a web address (https://…)",
            ),
            (Vi, false) => Cow::Borrowed(
                "hãy liên kết tới một trang web (https://…), một địa chỉ thư điện tử (mailto:…), một số điện thoại (tel:…) hoặc một trang trong website này (/tin-tuc/…), hoặc bỏ liên kết và chỉ giữ lại chữ",
            ),
            (Vi, true) => Cow::Borrowed(
                "hãy lấy ảnh từ một tệp bên cạnh bài (anh.jpg), từ website này (/anh/hoi-truong.jpg) hoặc từ một địa chỉ web (https://…)",
            ),
        },
        Msg::UrlRunsCode => match lang {
            En => Cow::Borrowed("such an address can run a program in the reader's browser"),
            Vi => Cow::Borrowed(
                "địa chỉ như vậy có thể chạy một chương trình trong trình duyệt của người đọc",
            ),
        },
        Msg::TagWithoutMarks { tag } => match lang {
            En => Cow::Owned(format!("the tag `{tag}` is written without its tone marks")),
            Vi => Cow::Owned(format!("chủ đề `{tag}` được viết không dấu")),
        },
        Msg::TagWithoutMarksHelp { tag } => match lang {
            En => Cow::Owned(format!("write it with its tone marks: `{tag}`")),
            Vi => Cow::Owned(format!("hãy viết có đủ dấu: `{tag}`")),
        },
        other => elsewhere(other),
    }
}
