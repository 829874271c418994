//! What a build says as it runs and when it ends: its steps, its summary, broken links to
//! other sites, and the labels (`error`, `warning`, `help`) every diagnostic is printed
//! with.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};
use crate::progress::Step;

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::Built {
            pages,
            files,
            out,
            ms,
        } => match lang {
            En => Cow::Owned(format!(
                "Built {pages} pages and copied {files} files into {out} in {ms} ms."
            )),
            Vi => Cow::Owned(format!(
                "Đã tạo {} trang và chép {} tệp vào {out} trong {} ms.",
                number(*pages),
                number(*files),
                number(*ms)
            )),
        },
        Msg::Checked { pages, ms } => match lang {
            En => Cow::Owned(format!(
                "Checked {pages} pages in {ms} ms: no problems found."
            )),
            Vi => Cow::Owned(format!(
                "Đã kiểm tra {} trang trong {} ms: không có lỗi nào.",
                number(*pages),
                number(*ms)
            )),
        },
        Msg::ExternalChecked { checked, total } => match lang {
            En => Cow::Owned(format!(
                "Checked {checked} of {total} links to other sites."
            )),
            Vi => Cow::Owned(format!(
                "Đã kiểm tra {} trong số {} liên kết đến trang khác.",
                number(*checked),
                number(*total)
            )),
        },
        Msg::ExternalBroken { url, problem } => match lang {
            En => Cow::Owned(format!("the link to {url} is broken: {problem}")),
            Vi => Cow::Owned(format!("liên kết đến {url} bị hỏng: {problem}")),
        },
        Msg::ExternalBrokenHelp => match lang {
            En => Cow::Borrowed("correct the address, or remove the link if the page is gone"),
            Vi => Cow::Borrowed("sửa lại địa chỉ, hoặc bỏ liên kết nếu trang đó không còn"),
        },
        Msg::Photos { resized, reused } => match lang {
            En => Cow::Owned(format!(
                "Photos: {resized} sizes resized, {reused} reused from the cache."
            )),
            Vi => Cow::Owned(format!(
                "Ảnh: thu nhỏ {} cỡ ảnh mới, dùng lại {} cỡ ảnh đã có.",
                number(*resized),
                number(*reused)
            )),
        },
        Msg::ProblemsFound { count } => match lang {
            En => Cow::Owned(format!(
                "{count} {} found; nothing was written.",
                if *count == 1 { "problem" } else { "problems" }
            )),
            Vi => Cow::Owned(format!("Có {} lỗi; chưa ghi gì cả.", number(*count))),
        },
        Msg::WarningsFound { count } => match lang {
            En => Cow::Owned(format!(
                "{count} {}: not an error, but worth a look.",
                if *count == 1 { "warning" } else { "warnings" }
            )),
            Vi => Cow::Owned(format!(
                "Có {} cảnh báo: không phải lỗi, nhưng nên xem lại.",
                number(*count)
            )),
        },
        Msg::LabelError => match lang {
            En => Cow::Borrowed("error"),
            Vi => Cow::Borrowed("lỗi"),
        },
        Msg::LabelWarning => match lang {
            En => Cow::Borrowed("warning"),
            Vi => Cow::Borrowed("cảnh báo"),
        },
        Msg::LabelHelp => match lang {
            En => Cow::Borrowed("help"),
            Vi => Cow::Borrowed("gợi ý"),
        },
        Msg::LabelNote => match lang {
            En => Cow::Borrowed("note"),
            Vi => Cow::Borrowed("ghi chú"),
        },
        Msg::CausedBy => match lang {
            En => Cow::Borrowed("caused by"),
            Vi => Cow::Borrowed("nguyên nhân"),
        },
        Msg::Step { step } => match lang {
            En => Cow::Borrowed(step.name()),
            Vi => Cow::Borrowed(match step {
                Step::LoadConfig => "đọc cấu hình và giao diện",
                Step::LoadContent => "đọc bài viết",
                Step::FindPhotos => "tìm ảnh",
                Step::AggregateStatistics => "cộng số liệu",
                Step::Resolve => "xử lý liên kết",
                Step::ResizePhotos => "thu nhỏ ảnh",
                Step::Render => "tạo và ghi trang",
                Step::SearchIndex => "ghi chỉ mục tìm kiếm",
                Step::CheckExternalLinks => "kiểm tra liên kết đến trang khác",
                Step::CopyFiles => "chép tệp",
                Step::Publish => "đăng",
            }),
        },
        other => elsewhere(other),
    }
}

/// A count in the Vietnamese way: 1.341.
fn number(value: impl TryInto<i64>) -> String {
    crate::vi::format_integer(value.try_into().unwrap_or(i64::MAX))
}
