//! Why loa will not write the output folder, or could not, or stopped before it did.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::RefuseContainsSite { path } => match lang {
            En => Cow::Owned(format!(
                "refusing to write into {path}: it contains the site itself, which a build would replace"
            )),
            Vi => Cow::Owned(format!(
                "không ghi vào {path}: thư mục này chứa chính trang, mà bản dựng sẽ thay thế nó"
            )),
        },
        Msg::RefuseInsideContent { path } => match lang {
            En => Cow::Owned(format!(
                "refusing to write into {path}: it is inside content/, which the next build would read back"
            )),
            Vi => Cow::Owned(format!(
                "không ghi vào {path}: thư mục này nằm trong content/, lần dựng sau sẽ đọc lại nó"
            )),
        },
        Msg::RefuseFile { path } => match lang {
            En => Cow::Owned(format!(
                "refusing to write into {path}: it is a file, not a folder"
            )),
            Vi => Cow::Owned(format!(
                "không ghi vào {path}: đây là một tệp, không phải thư mục"
            )),
        },
        Msg::RefuseForeign { path } => match lang {
            En => Cow::Owned(format!(
                "refusing to replace {path}: it is not empty and was not made by loa; choose another --out, or pass --force to replace it"
            )),
            Vi => Cow::Owned(format!(
                "không thay thế {path}: thư mục này không trống và không do loa tạo; chọn --out khác, hoặc thêm --force để thay thế"
            )),
        },
        Msg::RefuseBusy { path } => match lang {
            En => Cow::Owned(format!(
                "refusing to write into {path}: another loa build is writing into it now; wait until that build ends, then build again"
            )),
            Vi => Cow::Owned(format!(
                "không ghi vào {path}: một lần dựng loa khác đang ghi vào thư mục này; đợi lần dựng đó xong rồi dựng lại"
            )),
        },
        Msg::CannotWriteOutput { path } => match lang {
            En => Cow::Owned(format!(
                "cannot write {path}; nothing was published, the output folder is as it was"
            )),
            Vi => Cow::Owned(format!(
                "không ghi được {path}; chưa xuất bản gì, thư mục đầu ra vẫn như cũ"
            )),
        },
        Msg::OutputNameTooLong { path, bytes, max } => match lang {
            En => Cow::Owned(format!(
                "the output file `{path}` would have a name of {bytes} bytes; a file name takes at most {max}"
            )),
            Vi => Cow::Owned(format!(
                "tệp `{path}` sẽ có tên dài {bytes} byte, trong khi tên tệp chỉ được dài tối đa {max} byte"
            )),
        },
        Msg::OutputNameControl { path } => match lang {
            En => Cow::Owned(format!(
                "the output file `{path}` would have a control character in its name"
            )),
            Vi => Cow::Owned(format!("tên tệp `{path}` sẽ có ký tự điều khiển")),
        },
        Msg::OutputNameHelp => match lang {
            En => {
                Cow::Borrowed("shorten the name of the file, folder, title or tag it is made from")
            }
            Vi => Cow::Borrowed(
                "đặt tên ngắn hơn cho tệp, thư mục, tiêu đề hoặc chủ đề tạo ra tệp này",
            ),
        },
        Msg::CannotTidyUp { path } => match lang {
            En => Cow::Owned(format!(
                "the new site is published, but tidying up {path} afterwards failed; the next build tries again"
            )),
            Vi => Cow::Owned(format!(
                "trang mới đã được xuất bản, nhưng không dọn được {path} sau đó; lần dựng sau sẽ thử lại"
            )),
        },
        Msg::Interrupted => match lang {
            En => Cow::Borrowed(
                "stopped (Ctrl-C); nothing was published, the output folder is as it was",
            ),
            Vi => Cow::Borrowed("đã dừng (Ctrl-C); chưa xuất bản gì, thư mục đầu ra vẫn như cũ"),
        },
        other => elsewhere(other),
    }
}
