//! What is wrong with a photo an article shows: no alt text, no file, a file that cannot
//! be read or resized, a photo too large to decode.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};
use crate::vi::format_integer;

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::ImageNoAlt { src } => match lang {
            En => Cow::Owned(format!("the image `{src}` has no alt text")),
            Vi => Cow::Owned(format!("ảnh `{src}` chưa có lời mô tả (alt)")),
        },
        Msg::ImageNoAltHelp { src } => match lang {
            En => Cow::Owned(format!(
                "describe the photo between the brackets, for readers who cannot see it: ![Lực lượng ra mắt tại hội trường]({src})"
            )),
            Vi => Cow::Owned(format!(
                "mô tả ảnh trong cặp ngoặc vuông, cho người đọc không xem được ảnh: ![Lực lượng ra mắt tại hội trường]({src})"
            )),
        },
        Msg::ImageMissing { src } => match lang {
            En => Cow::Owned(format!("the image `{src}` is not beside this article")),
            Vi => Cow::Owned(format!("không có ảnh `{src}` bên cạnh bài này")),
        },
        Msg::ImageMissingHelpEmpty { dir } => match lang {
            En => Cow::Owned(format!(
                "put the photo in the folder {dir}, or correct its name"
            )),
            Vi => Cow::Owned(format!(
                "đặt tệp ảnh vào thư mục {dir}, hoặc sửa lại tên ảnh"
            )),
        },
        Msg::ImageMissingHelpBeside { dir, files } => match lang {
            En => Cow::Owned(format!(
                "the folder {dir} has: {files}; names must match exactly, capitals included"
            )),
            Vi => Cow::Owned(format!(
                "thư mục {dir} có: {files}; tên phải viết đúng hệt, kể cả chữ hoa"
            )),
        },
        Msg::ImageMissingHelpNotBundle { bundle } => match lang {
            En => Cow::Owned(format!(
                "an article with photos is a folder: move this file to {bundle}/index.md and put the photos beside it (`loa new --bundle` makes one)"
            )),
            Vi => Cow::Owned(format!(
                "bài có ảnh là một thư mục: chuyển tệp này thành {bundle}/index.md rồi đặt ảnh bên cạnh (`loa new --bundle` tạo sẵn thư mục)"
            )),
        },
        Msg::ImageMissingHelpPage => match lang {
            En => Cow::Borrowed(
                "put the photo in the folder static/ and write its address from there, such as ![…](/anh/hoi-truong.jpg)",
            ),
            Vi => Cow::Borrowed(
                "đặt ảnh vào thư mục static/ rồi ghi địa chỉ tính từ đó, ví dụ ![…](/anh/hoi-truong.jpg)",
            ),
        },
        Msg::ImageUnreadable { src, error } => match lang {
            En => Cow::Owned(format!("the image `{src}` cannot be read: {error}")),
            Vi => Cow::Owned(format!("không đọc được ảnh `{src}`: {error}")),
        },
        Msg::ImageUnreadableHelp => match lang {
            En => Cow::Borrowed("open it in a photo editor and save it again as JPEG"),
            Vi => Cow::Borrowed("mở ảnh bằng phần mềm xem ảnh rồi lưu lại dưới dạng JPEG"),
        },
        Msg::ImageTooLarge { src, width, height } => {
            let megapixels = (u64::from(*width) * u64::from(*height)).div_ceil(1_000_000);
            match lang {
                En => Cow::Owned(format!(
                    "the photo `{src}` is {width} × {height} pixels ({megapixels} megapixels), more than loa resizes"
                )),
                Vi => Cow::Owned(format!(
                    "ảnh `{src}` có {} × {} điểm ảnh ({} megapixel), lớn quá mức loa thu nhỏ được",
                    format_integer(i64::from(*width)),
                    format_integer(i64::from(*height)),
                    format_integer(megapixels as i64),
                )),
            }
        }
        Msg::ImageTooLargeHelp { megapixels, side } => match lang {
            En => Cow::Owned(format!(
                "make it smaller than {megapixels} megapixels and {side} pixels a side in a photo editor, such as 6000 × 4000 pixels: pages show photos at most 1600 pixels wide"
            )),
            Vi => Cow::Owned(format!(
                "dùng phần mềm sửa ảnh thu nhỏ ảnh xuống dưới {megapixels} megapixel, mỗi cạnh dưới {} điểm ảnh, ví dụ 6.000 × 4.000 điểm ảnh: trang chỉ hiện ảnh rộng tối đa 1.600 điểm ảnh",
                format_integer(i64::from(*side)),
            )),
        },
        Msg::ImageCacheFailed { path, error } => match lang {
            En => Cow::Owned(format!("cannot write the resized photo {path}: {error}")),
            Vi => Cow::Owned(format!("không ghi được ảnh đã thu nhỏ {path}: {error}")),
        },
        Msg::PhotoNameTooLong {
            src,
            copy,
            bytes,
            max,
        } => match lang {
            En => Cow::Owned(format!(
                "the photo `{src}` has too long a name for its resized copies: `{copy}` would be {bytes} bytes; a file name takes at most {max}"
            )),
            Vi => Cow::Owned(format!(
                "tên ảnh `{src}` quá dài cho các bản thu nhỏ: `{copy}` sẽ dài {bytes} byte, trong khi tên tệp chỉ được dài tối đa {max} byte"
            )),
        },
        Msg::PhotoNameTooLongHelp => match lang {
            En => {
                Cow::Borrowed("give the photo a shorter name, and write that name in the article")
            }
            Vi => Cow::Borrowed("đặt tên ảnh ngắn hơn, rồi sửa tên đó trong bài"),
        },
        other => elsewhere(other),
    }
}
