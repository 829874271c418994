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
