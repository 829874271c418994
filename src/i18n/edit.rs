//! What the editor's server says: its address in the terminal, the link it adds to
//! previewed articles, and the sentence of every error answer of its API, which the
//! editing pages show to the officer.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::ServeEditing { url } => match lang {
            En => Cow::Owned(format!("Write and edit articles at {url}")),
            Vi => Cow::Owned(format!("Soạn và sửa bài tại {url}")),
        },
        Msg::EditThisArticle => match lang {
            En => Cow::Borrowed("Edit this article"),
            Vi => Cow::Borrowed("Sửa bài này"),
        },
        Msg::EditWrongHost => match lang {
            En => Cow::Borrowed(
                "The editor answers only at the address `loa serve` printed: open that one",
            ),
            Vi => Cow::Borrowed(
                "Trình soạn bài chỉ mở tại địa chỉ `loa serve` đã in ra: hãy mở địa chỉ đó",
            ),
        },
        Msg::EditNoToken => match lang {
            En => Cow::Borrowed(
                "The request does not carry this run's key: reload the editor from the address `loa serve` printed",
            ),
            Vi => Cow::Borrowed(
                "Yêu cầu không mang khoá của lần chạy này: hãy mở lại trình soạn bài từ địa chỉ `loa serve` đã in ra",
            ),
        },
        Msg::EditWrongOrigin => match lang {
            En => Cow::Borrowed(
                "The request did not come from the editor's own page, so nothing was changed",
            ),
            Vi => Cow::Borrowed(
                "Yêu cầu không đến từ chính trang soạn bài nên không có gì bị thay đổi",
            ),
        },
        Msg::EditNotAnArticle { path } => match lang {
            En => Cow::Owned(format!("`{path}` is not a Markdown file under content/")),
            Vi => Cow::Owned(format!(
                "`{path}` không phải một tệp Markdown trong thư mục content/"
            )),
        },
        Msg::EditBadRequest { error } => match lang {
            En => Cow::Owned(format!("The request could not be read: {error}")),
            Vi => Cow::Owned(format!("Không đọc được yêu cầu: {error}")),
        },
        Msg::EditLengthRequired => match lang {
            En => Cow::Borrowed("A request that sends data must say its length (Content-Length)"),
            Vi => Cow::Borrowed("Yêu cầu gửi dữ liệu phải ghi rõ độ dài (Content-Length)"),
        },
        Msg::EditTooLarge { limit } => match lang {
            En => Cow::Owned(format!("Too large: at most {limit} may be sent at once")),
            Vi => Cow::Owned(format!("Quá lớn: mỗi lần chỉ gửi được tối đa {limit}")),
        },
        Msg::EditNotBuilt => match lang {
            En => Cow::Borrowed(
                "The site has not built yet: fix the problems `loa serve` shows, then reload",
            ),
            Vi => Cow::Borrowed(
                "Trang web chưa dựng được: hãy sửa các lỗi `loa serve` báo, rồi tải lại trang",
            ),
        },
        Msg::EditConflict => match lang {
            En => Cow::Borrowed(
                "The file was changed on disk after you opened it: compare both versions and choose which to keep",
            ),
            Vi => Cow::Borrowed(
                "Tệp đã bị thay đổi trên máy sau khi bạn mở: hãy so sánh hai bản và chọn bản cần giữ",
            ),
        },
        Msg::EditHasProblems => match lang {
            En => Cow::Borrowed(
                "The article has problems and cannot be published: fix them, or save it as a draft",
            ),
            Vi => Cow::Borrowed(
                "Bài còn lỗi nên chưa thể đăng: hãy sửa các lỗi, hoặc lưu bài dưới dạng bản nháp",
            ),
        },
        Msg::EditCannotWrite { error } => match lang {
            En => Cow::Owned(format!("The file could not be saved: {error}")),
            Vi => Cow::Owned(format!("Không lưu được tệp: {error}")),
        },
        Msg::EditExists { path } => match lang {
            En => Cow::Owned(format!("`{path}` exists already: open it to edit it")),
            Vi => Cow::Owned(format!("`{path}` đã có: hãy mở tệp đó để sửa")),
        },
        Msg::EditNoSection { section } => match lang {
            En => Cow::Owned(format!(
                "`{section}` is not a section's folder: choose one from the list"
            )),
            Vi => Cow::Owned(format!(
                "`{section}` không phải thư mục của một chuyên mục: hãy chọn trong danh sách"
            )),
        },
        Msg::EditOutside { path } => match lang {
            En => Cow::Owned(format!(
                "`{path}` is not a place the editor may write: only files under content/ and static/, with names `loa build` can publish"
            )),
            Vi => Cow::Owned(format!(
                "Trình soạn bài không được ghi vào `{path}`: chỉ được ghi tệp trong content/ và static/, với tên `loa build` đăng được"
            )),
        },
        Msg::EditUploadKind { name } => match lang {
            En => Cow::Owned(format!(
                "`{name}` is neither a photo (JPEG, PNG, WebP) nor a document (PDF, Word, Excel, …)"
            )),
            Vi => Cow::Owned(format!(
                "`{name}` không phải ảnh (JPEG, PNG, WebP) cũng không phải tài liệu (PDF, Word, Excel, …)"
            )),
        },
        other => elsewhere(other),
    }
}
