//! What is wrong with a file before its YAML is read: it cannot be read, is not UTF-8, is
//! in the wrong place, has no front matter around its text, or has a name that cannot be
//! published.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::CannotRead { path, error } => match lang {
            En => Cow::Owned(format!("cannot read {path}: {error}")),
            Vi => Cow::Owned(format!("không đọc được {path}: {error}")),
        },
        Msg::FileCannotRead { error } => match lang {
            En => Cow::Owned(format!("cannot read this file: {error}")),
            Vi => Cow::Owned(format!("không đọc được tệp này: {error}")),
        },
        Msg::FolderCannotRead { error } => match lang {
            En => Cow::Owned(format!("cannot read this folder: {error}")),
            Vi => Cow::Owned(format!("không đọc được thư mục này: {error}")),
        },
        Msg::SiteYamlNotUtf8 => match lang {
            En => Cow::Borrowed("site.yaml is not UTF-8 text"),
            Vi => Cow::Borrowed("site.yaml không phải văn bản UTF-8"),
        },
        Msg::FileNotUtf8 => match lang {
            En => Cow::Borrowed("this file is not UTF-8 text"),
            Vi => Cow::Borrowed("tệp này không phải văn bản UTF-8"),
        },
        Msg::FileNotUtf8At { byte } => match lang {
            En => Cow::Owned(format!(
                "this file is not UTF-8 text (the first bad byte is at byte {byte})"
            )),
            Vi => Cow::Owned(format!(
                "tệp này không phải văn bản UTF-8 (byte sai đầu tiên ở vị trí {byte})"
            )),
        },
        Msg::SaveAsUtf8Help => match lang {
            En => Cow::Borrowed("save it again with the encoding \"UTF-8\""),
            Vi => Cow::Borrowed("lưu lại tệp với bảng mã \"UTF-8\""),
        },
        Msg::EditorSaveAsUtf8Help => match lang {
            En => Cow::Borrowed(
                "open it in your editor and save it again with the encoding \"UTF-8\"",
            ),
            Vi => Cow::Borrowed("mở tệp bằng trình soạn thảo rồi lưu lại với bảng mã \"UTF-8\""),
        },
        Msg::ProvincesFileHelp => match lang {
            En => Cow::Borrowed(
                "each entry of the lists `old` and `current` is { name, kind, region, variants, absorbed }, as in loa's built-in src/provinces.yaml",
            ),
            Vi => Cow::Borrowed(
                "mỗi mục của danh sách `old` và `current` gồm { name, kind, region, variants, absorbed }, như trong tệp src/provinces.yaml có sẵn của loa",
            ),
        },
        Msg::Misplaced => match lang {
            En => Cow::Borrowed("this Markdown file is not in a place loa reads"),
            Vi => Cow::Borrowed("tệp Markdown này không nằm ở chỗ loa đọc"),
        },
        Msg::MisplacedHelp => match lang {
            En => Cow::Borrowed(
                "put articles in content/<section>/<name>.md, or content/<section>/<name>/index.md for an article with its own photos",
            ),
            Vi => Cow::Borrowed(
                "đặt bài viết ở content/<mục>/<tên>.md, hoặc content/<mục>/<tên>/index.md cho bài có ảnh riêng",
            ),
        },
        Msg::EmptyFile => match lang {
            En => Cow::Borrowed("this file is empty"),
            Vi => Cow::Borrowed("tệp này trống"),
        },
        Msg::EmptyFileHelp => match lang {
            En => Cow::Borrowed(
                "start it with front matter between two `---` lines, such as:\n---\ntitle: Tiêu đề bài viết\ndate: 2024-07-01\n---",
            ),
            Vi => Cow::Borrowed(
                "mở đầu tệp bằng phần thông tin đầu bài giữa hai dòng `---`, ví dụ:\n---\ntitle: Tiêu đề bài viết\ndate: 2024-07-01\n---",
            ),
        },
        Msg::NoFrontMatter => match lang {
            En => Cow::Borrowed("this file has no front matter"),
            Vi => Cow::Borrowed("tệp này không có phần thông tin đầu bài"),
        },
        Msg::NoFrontMatterHelp => match lang {
            En => Cow::Borrowed(
                "the first line must be `---`, followed by the front matter and another `---` line",
            ),
            Vi => Cow::Borrowed(
                "dòng đầu tiên phải là `---`, tiếp theo là phần thông tin đầu bài và một dòng `---` nữa",
            ),
        },
        Msg::Unclosed => match lang {
            En => Cow::Borrowed("the front matter is never closed"),
            Vi => Cow::Borrowed("phần thông tin đầu bài không có dòng `---` đóng lại"),
        },
        Msg::UnclosedHelp => match lang {
            En => Cow::Borrowed("add a line with only `---` after the last front-matter line"),
            Vi => Cow::Borrowed("thêm một dòng chỉ có `---` sau dòng thông tin cuối cùng"),
        },
        Msg::NameControlChar { name } => match lang {
            En => Cow::Owned(format!(
                "the name `{name}` holds a control character, which no address can carry"
            )),
            Vi => Cow::Owned(format!(
                "tên `{name}` có ký tự điều khiển, không địa chỉ nào chứa được"
            )),
        },
        Msg::NameControlCharHelp { example } => match lang {
            En => Cow::Owned(format!(
                "rename it without line breaks or tabs, such as `{example}`"
            )),
            Vi => Cow::Owned(format!(
                "đổi tên, bỏ dấu xuống dòng và dấu tab, ví dụ `{example}`"
            )),
        },
        Msg::TwinNames {
            name,
            folder,
            form,
            other,
        } => match lang {
            En => Cow::Owned(format!(
                "two {} are named `{name}`: this one in {}, the other in {}",
                if *folder { "folders" } else { "files" },
                form_en(form, true),
                form_en(other, false)
            )),
            Vi => {
                let what = if *folder { "thư mục" } else { "tệp" };
                Cow::Owned(format!(
                    "hai {what} cùng tên `{name}`: {what} này viết theo {}, {what} kia theo {}",
                    form_vi(form, true),
                    form_vi(other, false)
                ))
            }
        },
        Msg::TwinOther { path, folder } => match lang {
            En => Cow::Owned(format!("the other one is {path}")),
            Vi => Cow::Owned(format!(
                "{} kia là {path}",
                if *folder { "thư mục" } else { "tệp" }
            )),
        },
        Msg::TwinNamesHelp { folder: false } => match lang {
            En => Cow::Borrowed(
                "the two names look the same, and Windows and macOS take them for one file: keep one and delete the other",
            ),
            Vi => Cow::Borrowed(
                "hai tên trông giống hệt nhau, Windows và macOS coi là một tệp: giữ lại một tệp và xoá tệp kia",
            ),
        },
        Msg::TwinNamesHelp { folder: true } => match lang {
            En => Cow::Borrowed(
                "the two names look the same, and Windows and macOS take them for one folder: keep one and move what it holds into the other",
            ),
            Vi => Cow::Borrowed(
                "hai tên trông giống hệt nhau, Windows và macOS coi là một thư mục: giữ lại một thư mục và chuyển những gì trong thư mục này sang thư mục kia",
            ),
        },
        other => elsewhere(other),
    }
}

/// A Unicode form (`NFC`, `NFD` or `mixed`) in a sentence: "the Unicode form NFD" the
/// first time, "NFC" after.
fn form_en(form: &str, first: bool) -> String {
    match (form, first) {
        ("mixed", _) => "a mix of Unicode forms".into(),
        (form, true) => format!("the Unicode form {form}"),
        (form, false) => form.into(),
    }
}

fn form_vi(form: &str, first: bool) -> String {
    match (form, first) {
        ("mixed", _) => "nhiều dạng Unicode lẫn lộn".into(),
        (form, true) => format!("dạng Unicode {form}"),
        (form, false) => format!("dạng {form}"),
    }
}
