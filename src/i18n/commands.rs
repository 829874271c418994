//! What the command line and the preview server say around the build: the preview's
//! lines, its page of errors and its plain answers, `check --external`'s summary, and
//! the command line's help and usage errors.
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::ServeServing { url } => match lang {
            En => Cow::Owned(format!("Serving the site at {url} (Ctrl-C to stop).")),
            Vi => Cow::Owned(format!(
                "Đang xem trước trang web tại {url} (nhấn Ctrl-C để dừng)."
            )),
        },
        Msg::ServeExposed { address } => match lang {
            En => Cow::Owned(format!(
                "listening on {address}, which is not a loopback address: other machines can see this preview"
            )),
            Vi => Cow::Owned(format!(
                "đang nghe ở {address}, không phải địa chỉ nội bộ: máy khác cũng xem được bản xem trước này"
            )),
        },
        Msg::ServeBuilt {
            generation,
            pages,
            ms,
            changes: 0,
        } => match lang {
            En => Cow::Owned(format!("[{generation}] built {pages} pages in {ms} ms")),
            Vi => Cow::Owned(format!(
                "[{generation}] đã dựng {pages} trang trong {ms} ms"
            )),
        },
        Msg::ServeBuilt {
            generation,
            pages,
            ms,
            changes,
        } => match lang {
            En => Cow::Owned(format!(
                "[{generation}] built {pages} pages in {ms} ms after {changes} {}",
                if *changes == 1 {
                    "changed file"
                } else {
                    "changed files"
                }
            )),
            Vi => Cow::Owned(format!(
                "[{generation}] đã dựng {pages} trang trong {ms} ms sau {changes} tệp thay đổi"
            )),
        },
        Msg::ServeWatchFailed { message } => match lang {
            En => Cow::Owned(format!(
                "cannot watch the site's files ({message}); restart `loa serve` to see changes"
            )),
            Vi => Cow::Owned(format!(
                "không theo dõi được các tệp của trang ({message}); chạy lại `loa serve` để thấy thay đổi"
            )),
        },
        Msg::ServeStopped => match lang {
            En => Cow::Borrowed("Stopped."),
            Vi => Cow::Borrowed("Đã dừng."),
        },
        Msg::CtrlCNotHandled { error } => match lang {
            En => Cow::Owned(format!("Ctrl-C will not stop the server cleanly: {error}")),
            Vi => Cow::Owned(format!(
                "Ctrl-C sẽ không dừng máy chủ một cách gọn gàng: {error}"
            )),
        },
        Msg::BrowserNotOpened { opener, error } => match lang {
            En => Cow::Owned(format!("cannot open the browser with {opener}: {error}")),
            Vi => Cow::Owned(format!("không mở được trình duyệt bằng {opener}: {error}")),
        },
        Msg::OverlayTitle => match lang {
            En => Cow::Borrowed("loa: the last change could not be built"),
            Vi => Cow::Borrowed("loa: chưa dựng được thay đổi vừa rồi"),
        },
        Msg::OverlayText => match lang {
            En => Cow::Borrowed(
                "The page below is the last version that built. Fix the file and save: this message goes away by itself.",
            ),
            Vi => Cow::Borrowed(
                "Trang bên dưới là bản dựng được gần nhất. Sửa tệp rồi lưu lại: thông báo này sẽ tự biến mất.",
            ),
        },
        Msg::HttpNotFound => match lang {
            En => Cow::Borrowed("Not found"),
            Vi => Cow::Borrowed("Không tìm thấy trang"),
        },
        Msg::HttpForbidden => match lang {
            En => Cow::Borrowed("Forbidden"),
            Vi => Cow::Borrowed("Không được phép"),
        },
        Msg::HttpBadRequest => match lang {
            En => Cow::Borrowed("Bad request"),
            Vi => Cow::Borrowed("Yêu cầu không hợp lệ"),
        },
        Msg::HttpMethodNotAllowed => match lang {
            En => Cow::Borrowed("Method not allowed: use GET or HEAD"),
            Vi => Cow::Borrowed("Không nhận phương thức này: hãy dùng GET hoặc HEAD"),
        },
        Msg::HttpHeadTooLarge => match lang {
            En => Cow::Borrowed("Request header fields too large"),
            Vi => Cow::Borrowed("Phần đầu của yêu cầu quá lớn"),
        },
        Msg::HttpTooManyPages => match lang {
            En => Cow::Borrowed("Too many open pages"),
            Vi => Cow::Borrowed("Đang mở quá nhiều trang"),
        },
        Msg::HttpStopping => match lang {
            En => Cow::Borrowed("The preview server is stopping"),
            Vi => Cow::Borrowed("Máy chủ xem trước đang dừng"),
        },
        Msg::HttpTooSlow => match lang {
            En => Cow::Borrowed("The request came too slowly: reload the page"),
            Vi => Cow::Borrowed("Yêu cầu đến quá chậm: hãy tải lại trang"),
        },
        Msg::HttpNoAnswer => match lang {
            En => Cow::Borrowed("The preview server did not answer: reload the page"),
            Vi => Cow::Borrowed("Máy chủ xem trước không trả lời: hãy tải lại trang"),
        },
        Msg::ExternalSummary { checked, total } => match lang {
            En => Cow::Owned(format!(
                "Checked {checked} of {total} links to other sites."
            )),
            Vi => Cow::Owned(format!(
                "Đã kiểm tra {checked} trong {total} liên kết tới trang web khác."
            )),
        },
        Msg::LangUnknown { list } => match lang {
            En => Cow::Owned(format!("use one of {list}")),
            Vi => Cow::Owned(format!("hãy dùng một trong các giá trị {list}")),
        },
        Msg::CliAbout => match lang {
            En => {
                Cow::Borrowed("A static-site generator for Vietnamese public-communication sites")
            }
            Vi => Cow::Borrowed(
                "Trình tạo trang web tĩnh cho các trang thông tin, tuyên truyền tiếng Việt",
            ),
        },
        Msg::CliHelp { arg } => match lang {
            En => Cow::Borrowed(cli_help_en(arg)),
            Vi => Cow::Borrowed(cli_help_vi(arg)),
        },
        Msg::CliHeading { heading } => match lang {
            En => Cow::Borrowed(match heading.as_str() {
                "usage" => "Usage",
                "commands" => "Commands",
                "arguments" => "Arguments",
                _ => "Options",
            }),
            Vi => Cow::Borrowed(match heading.as_str() {
                "usage" => "Cách dùng",
                "commands" => "Lệnh",
                "arguments" => "Tham số",
                _ => "Tuỳ chọn",
            }),
        },
        Msg::CliUnknownArgument { arg } => match lang {
            En => Cow::Owned(format!("loa does not know the argument `{arg}`")),
            Vi => Cow::Owned(format!("loa không biết tham số `{arg}`")),
        },
        Msg::CliUnknownCommand { command } => match lang {
            En => Cow::Owned(format!("loa does not know the command `{command}`")),
            Vi => Cow::Owned(format!("loa không biết lệnh `{command}`")),
        },
        Msg::CliMissing { what } => match lang {
            En => Cow::Owned(format!("this command needs {what}")),
            Vi => Cow::Owned(format!("lệnh này cần {what}")),
        },
        Msg::CliNoCommand => match lang {
            En => Cow::Borrowed("say what loa should do: build, serve, check, new or init"),
            Vi => {
                Cow::Borrowed("hãy cho loa biết việc cần làm: build, serve, check, new hoặc init")
            }
        },
        Msg::CliInvalidValue { arg, value } => match lang {
            En => Cow::Owned(format!("`{value}` is not a valid value for {arg}")),
            Vi => Cow::Owned(format!("`{value}` không phải giá trị hợp lệ cho {arg}")),
        },
        Msg::CliConflict { arg, other } => match lang {
            En => Cow::Owned(format!("{arg} cannot be used with {other}")),
            Vi => Cow::Owned(format!("không dùng được {arg} cùng với {other}")),
        },
        Msg::CliOther => match lang {
            En => Cow::Borrowed("the command line cannot be read"),
            Vi => Cow::Borrowed("không đọc được dòng lệnh"),
        },
        Msg::CliSeeHelp => match lang {
            En => Cow::Borrowed(
                "run `loa --help` to see the commands, or `loa build --help` for one command",
            ),
            Vi => Cow::Borrowed(
                "chạy `loa --help` để xem các lệnh, hoặc `loa build --help` cho một lệnh",
            ),
        },
        other => elsewhere(other),
    }
}

/// The help line of each command and option, by its name in the command line.
fn cli_help_en(arg: &str) -> &'static str {
    match arg {
        "build" => "Build the site into the output folder (default: ROOT/public)",
        "serve" => "Build the site into memory, serve it, and rebuild it on every change",
        "check" => "Check the whole site, templates included, without writing anything",
        "init" => "Make a new site in DIR, a folder that is empty or does not exist yet",
        "new" => "Start a new draft article: content/SECTION/<slug>.md with its front matter",
        "help" => "Print this help, or the help of a command",
        "version" => "Print loa's version",
        "quiet" => "Print only errors",
        "verbose" => "Print each step of a build as it ends, with how long it took",
        "lang" => {
            "The language of messages: en or vi. Default: Vietnamese when LANG (or LC_ALL, LC_MESSAGES) names it, such as vi_VN.UTF-8, else English"
        }
        "root" => "The site's folder (default: the current folder)",
        "out" => "The output folder (default: ROOT/public)",
        "drafts" => "Include articles marked `draft: true`",
        "future" => "Include articles dated after today",
        "strict" => "Treat warnings as errors: exit with code 1 if there is any",
        "base_url" => "Override `base_url` from site.yaml",
        "force" => "Replace an output folder that loa did not create",
        "bind" => {
            "The address to listen on; anything but a loopback address shows the preview to other machines"
        }
        "port" => "The port to listen on, or the next free one; 0 lets the system choose",
        "open" => "Open the site in the browser",
        "max_connections" => {
            "The most connections served at once; more are answered 503 Service Unavailable. Default 1024"
        }
        "no_edit" => "Serve no editing pages: the preview only",
        "external" => "Also request every link to another site (at most --external-limit of them)",
        "external_limit" => "The most links to other sites requested",
        "dir" => "The folder of the new site",
        "section" => "The section's folder under content/, such as `tin-tuc` or `le-ra-mat`",
        "title" => "The article's title, in quotes: \"Lễ ra mắt tại Đắk Lắk\"",
        "bundle" => "Make <slug>/index.md, a folder for an article with its photos beside it",
        _ => "",
    }
}

fn cli_help_vi(arg: &str) -> &'static str {
    match arg {
        "build" => "Dựng trang web vào thư mục đầu ra (mặc định: ROOT/public)",
        "serve" => "Dựng trang web trong bộ nhớ, mở để xem trước và dựng lại mỗi khi có thay đổi",
        "check" => "Kiểm tra toàn bộ trang web, cả giao diện, mà không ghi gì",
        "init" => "Tạo một trang web mới trong DIR, một thư mục trống hoặc chưa có",
        "new" => "Tạo một bài nháp mới: content/SECTION/<slug>.md với phần thông tin đầu bài",
        "help" => "In phần hướng dẫn này, hoặc hướng dẫn của một lệnh",
        "version" => "In phiên bản của loa",
        "quiet" => "Chỉ in lỗi",
        "verbose" => "In từng bước của lần dựng khi xong, kèm thời gian",
        "lang" => {
            "Ngôn ngữ của thông báo: en hoặc vi. Mặc định: tiếng Việt khi LANG (hoặc LC_ALL, LC_MESSAGES) là tiếng Việt, ví dụ vi_VN.UTF-8, còn lại là tiếng Anh"
        }
        "root" => "Thư mục của trang web (mặc định: thư mục hiện tại)",
        "out" => "Thư mục đầu ra (mặc định: ROOT/public)",
        "drafts" => "Gồm cả các bài ghi `draft: true`",
        "future" => "Gồm cả các bài có ngày đăng sau hôm nay",
        "strict" => "Coi cảnh báo là lỗi: thoát với mã 1 nếu có cảnh báo",
        "base_url" => "Dùng địa chỉ này thay cho `base_url` trong site.yaml",
        "force" => "Ghi đè một thư mục đầu ra không do loa tạo",
        "bind" => "Địa chỉ để nghe; địa chỉ không phải nội bộ sẽ cho máy khác xem bản xem trước",
        "port" => "Cổng để nghe, hoặc cổng trống kế tiếp; 0 để hệ thống tự chọn",
        "open" => "Mở trang web trong trình duyệt",
        "max_connections" => {
            "Số kết nối tối đa phục vụ cùng lúc; quá số này được trả lời 503. Mặc định 1024"
        }
        "no_edit" => "Không mở trang soạn bài: chỉ xem trước",
        "external" => {
            "Kiểm tra cả mọi liên kết tới trang web khác (tối đa --external-limit liên kết)"
        }
        "external_limit" => "Số liên kết tới trang web khác được kiểm tra nhiều nhất",
        "dir" => "Thư mục của trang web mới",
        "section" => "Thư mục chuyên mục trong content/, ví dụ `tin-tuc` hoặc `le-ra-mat`",
        "title" => "Tiêu đề bài viết, đặt trong ngoặc kép: \"Lễ ra mắt tại Đắk Lắk\"",
        "bundle" => "Tạo <slug>/index.md, một thư mục cho bài viết có ảnh đặt cạnh",
        _ => "",
    }
}
