//! Every sentence an officer reads, in English and in Vietnamese, in one catalogue: the
//! errors and their fixes, the build summary, what `init` and `new` say.
//!
//! A message is a value (`Msg`) that becomes text in a language. The language is chosen
//! once per process by the command line (`--lang`, else `LANG`) with [`set_language`];
//! `Msg`'s `Display` uses it, so that code deep in the pipeline builds its messages
//! without a language passed through every function. English is the default.
//! Owns no I/O; never prints.
//!
//! Not translated: the wording of the YAML reader's syntax errors ("mapping values are
//! not allowed in this context"), of the operating system's I/O errors, and clap's own
//! usage messages; loa's message around them is.

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::progress::Step;

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
    InitNotEmpty {
        dir: String,
    },
    InitNotEmptyHelp,
    InitNotAFolder {
        dir: String,
    },
    InitDone {
        dir: String,
    },
    InitNext {
        dir: String,
    },
    NoSiteHere {
        path: String,
    },
    NoSiteHereHelp,
    NewBadSection {
        section: String,
    },
    NewBadSectionHelp,
    NewSectionIsStats {
        section: String,
    },
    NewSectionIsStatsHelp,
    NewEmptyTitle,
    NewEmptyTitleHelp,
    NewExists {
        path: String,
    },
    NewExistsHelp,
    NewDone {
        path: String,
    },
    NewSectionDone {
        path: String,
    },
    NewNext,
    Writing {
        path: String,
    },

    // ---- photos ----
    ImageNoAlt {
        src: String,
    },
    ImageNoAltHelp {
        src: String,
    },
    ImageMissing {
        src: String,
    },
    ImageMissingHelpEmpty {
        dir: String,
    },
    ImageMissingHelpBeside {
        dir: String,
        files: String,
    },
    ImageMissingHelpNotBundle {
        bundle: String,
    },
    ImageMissingHelpPage,
    ImageUnreadable {
        src: String,
        error: String,
    },
    ImageUnreadableHelp,
    ImageCacheFailed {
        path: String,
        error: String,
    },

    // ---- the build ----
    Built {
        pages: usize,
        files: usize,
        out: String,
        ms: u128,
    },
    Checked {
        pages: usize,
        ms: u128,
    },
    Photos {
        resized: usize,
        reused: usize,
    },
    ExternalChecked {
        checked: usize,
        total: usize,
    },
    ExternalBroken {
        url: String,
        problem: String,
    },
    ExternalBrokenHelp,
    ProblemsFound {
        count: usize,
    },
    LabelError,
    LabelHelp,
    LabelNote,
    CausedBy,
    /// A step of the build, for `--verbose` and the progress bar.
    Step {
        step: Step,
    },

    // ---- reading files ----
    CannotRead {
        path: String,
        error: String,
    },
    FileCannotRead {
        error: String,
    },
    FolderCannotRead {
        error: String,
    },
    SiteYamlNotUtf8,
    FileNotUtf8,
    FileNotUtf8At {
        byte: usize,
    },
    SaveAsUtf8Help,
    EditorSaveAsUtf8Help,
    ProvincesFileHelp,
    Misplaced,
    MisplacedHelp,
    EmptyFile,
    EmptyFileHelp,
    NoFrontMatter,
    NoFrontMatterHelp,
    Unclosed,
    UnclosedHelp,

    // ---- front matter and site.yaml ----
    UnknownKey {
        key: String,
    },
    UnknownValue {
        value: String,
    },
    DidYouMean {
        name: String,
    },
    AllowedHere {
        list: String,
    },
    HasNoKey {
        path: Option<String>,
        key: String,
    },
    AddALine {
        key: String,
    },
    MustBe {
        path: Option<String>,
        expected: String,
        found: String,
    },
    QuoteNotClosed,
    KeyTwice {
        path: Option<String>,
        key: String,
    },
    KeyTwiceHelp {
        key: String,
    },
    ColonInValue,
    ColonInValueHelp,
    QuoteNotClosedHelp,
    TitleEmpty,
    NeedsDate,
    NeedsDateHelp,
    SlugLeaves {
        slug: String,
    },
    SlugChars {
        slug: String,
    },
    SuchAs {
        example: String,
    },
    AliasNotSitePath {
        alias: String,
    },
    ProvinceUnknown {
        province: String,
    },
    FiguresNeedProvince,
    FiguresNeedProvinceHelp,
    MetricNotDeclared {
        metric: String,
        file: String,
    },
    DeclareMetricHelp {
        file: String,
    },
    MetricsAre {
        list: String,
    },
    FrontImageAltEmpty,
    FrontImageAltEmptyHelp,
    InvalidDate {
        text: String,
    },
    DateWriteAs {
        date: String,
    },
    DateFormatHelp,
    FigureNegative {
        value: i64,
    },
    FigureNegativeHelp {
        value: u64,
    },
    FigureNotNumber {
        text: String,
    },
    FigureWriteWithout {
        value: u64,
    },
    FigureWriteWhole,
    FigureNotWhole {
        written: String,
    },
    FigureDotHelp {
        written: String,
        value: String,
    },
    FigureCountsHelp,
    BaseUrlNotFull {
        url: String,
    },
    BaseUrlHelp,
    UnknownDateFormat {
        name: String,
    },
    UseOneOf {
        list: String,
    },
    PaginateAtLeastOne,
    UnknownTaxonomy {
        name: String,
    },
    LoaKnows {
        list: String,
    },
    TaxonomyPath {
        path: String,
    },
    StatsPath {
        path: String,
    },

    // ---- the site as a whole ----
    TwoFilesOnePage {
        url: String,
    },
    TheOtherOne {
        path: String,
    },
    TwoFilesHelp,
    MenuEntryBroken {
        name: String,
        url: String,
    },
    MenuEntryHelp,
    LinkMissingFile {
        path: String,
    },
    LinkMissingFileHelp,
    LinkToDraft {
        path: String,
    },
    LinkToDraftHelp,
    NoAnchor {
        target: String,
        anchor: String,
    },
    LinkMissingPage {
        path: String,
    },
    LinkMissingPageHelp,
    SamePageNoAnchor {
        anchor: String,
    },
    FigureConflict {
        metric: String,
        province: String,
        as_of: String,
        here: u64,
        there: u64,
        first: String,
    },
    FigureConflictNote {
        place: String,
        metric: String,
        value: u64,
        province: String,
        as_of: String,
    },
    FigureConflictHelp,

    // ---- the output folder ----
    RefuseContainsSite {
        path: String,
    },
    RefuseInsideContent {
        path: String,
    },
    RefuseFile {
        path: String,
    },
    RefuseForeign {
        path: String,
    },
    CannotWriteOutput {
        path: String,
    },
    Interrupted,
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
            (
                Self::Built {
                    pages,
                    files,
                    out,
                    ms,
                },
                En,
            ) => format!("Built {pages} pages and copied {files} files into {out} in {ms} ms."),
            (
                Self::Built {
                    pages,
                    files,
                    out,
                    ms,
                },
                Vi,
            ) => format!(
                "Đã tạo {} trang và chép {} tệp vào {out} trong {} ms.",
                number(*pages),
                number(*files),
                number(*ms)
            ),
            (Self::Checked { pages, ms }, En) => {
                format!("Checked {pages} pages in {ms} ms: no problems found.")
            }
            (Self::Checked { pages, ms }, Vi) => format!(
                "Đã kiểm tra {} trang trong {} ms: không có lỗi nào.",
                number(*pages),
                number(*ms)
            ),
            (Self::ExternalChecked { checked, total }, En) => {
                format!("Checked {checked} of {total} links to other sites.")
            }
            (Self::ExternalChecked { checked, total }, Vi) => format!(
                "Đã kiểm tra {} trong số {} liên kết đến trang khác.",
                number(*checked),
                number(*total)
            ),
            (Self::ExternalBroken { url, problem }, En) => {
                format!("the link to {url} is broken: {problem}")
            }
            (Self::ExternalBroken { url, problem }, Vi) => {
                format!("liên kết đến {url} bị hỏng: {problem}")
            }
            (Self::ExternalBrokenHelp, En) => {
                "correct the address, or remove the link if the page is gone".into()
            }
            (Self::ExternalBrokenHelp, Vi) => {
                "sửa lại địa chỉ, hoặc bỏ liên kết nếu trang đó không còn".into()
            }
            (Self::Photos { resized, reused }, En) => {
                format!("Photos: {resized} sizes resized, {reused} reused from the cache.")
            }
            (Self::Photos { resized, reused }, Vi) => format!(
                "Ảnh: thu nhỏ {} cỡ ảnh mới, dùng lại {} cỡ ảnh đã có.",
                number(*resized),
                number(*reused)
            ),
            (Self::ProblemsFound { count }, En) => format!(
                "{count} {} found; nothing was written.",
                if *count == 1 { "problem" } else { "problems" }
            ),
            (Self::ProblemsFound { count }, Vi) => {
                format!("Có {} lỗi; chưa ghi gì cả.", number(*count))
            }
            (Self::LabelError, En) => return "error".into(),
            (Self::LabelError, Vi) => return "lỗi".into(),
            (Self::LabelHelp, En) => return "help".into(),
            (Self::LabelHelp, Vi) => return "gợi ý".into(),
            (Self::LabelNote, En) => return "note".into(),
            (Self::LabelNote, Vi) => return "ghi chú".into(),
            (Self::CausedBy, En) => return "caused by".into(),
            (Self::CausedBy, Vi) => return "nguyên nhân".into(),
            (Self::Step { step }, En) => return Cow::Borrowed(step.name()),
            (Self::Step { step }, Vi) => {
                return match step {
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
                }
                .into();
            }

            (Self::CannotRead { path, error }, En) => format!("cannot read {path}: {error}"),
            (Self::CannotRead { path, error }, Vi) => format!("không đọc được {path}: {error}"),
            (Self::FileCannotRead { error }, En) => format!("cannot read this file: {error}"),
            (Self::FileCannotRead { error }, Vi) => format!("không đọc được tệp này: {error}"),
            (Self::FolderCannotRead { error }, En) => {
                format!("cannot read this folder: {error}")
            }
            (Self::FolderCannotRead { error }, Vi) => {
                format!("không đọc được thư mục này: {error}")
            }
            (Self::SiteYamlNotUtf8, En) => return "site.yaml is not UTF-8 text".into(),
            (Self::SiteYamlNotUtf8, Vi) => {
                return "site.yaml không phải văn bản UTF-8".into();
            }
            (Self::FileNotUtf8, En) => return "this file is not UTF-8 text".into(),
            (Self::FileNotUtf8, Vi) => return "tệp này không phải văn bản UTF-8".into(),
            (Self::FileNotUtf8At { byte }, En) => {
                format!("this file is not UTF-8 text (the first bad byte is at byte {byte})")
            }
            (Self::FileNotUtf8At { byte }, Vi) => {
                format!("tệp này không phải văn bản UTF-8 (byte sai đầu tiên ở vị trí {byte})")
            }
            (Self::SaveAsUtf8Help, En) => {
                return "save it again with the encoding \"UTF-8\"".into();
            }
            (Self::SaveAsUtf8Help, Vi) => {
                return "lưu lại tệp với bảng mã \"UTF-8\"".into();
            }
            (Self::EditorSaveAsUtf8Help, En) => {
                return "open it in your editor and save it again with the encoding \"UTF-8\""
                    .into();
            }
            (Self::EditorSaveAsUtf8Help, Vi) => {
                return "mở tệp bằng trình soạn thảo rồi lưu lại với bảng mã \"UTF-8\"".into();
            }
            (Self::ProvincesFileHelp, En) => {
                return "each entry of the lists `old` and `current` is { name, kind, region, variants, absorbed }, as in loa's built-in src/provinces.yaml".into();
            }
            (Self::ProvincesFileHelp, Vi) => {
                return "mỗi mục của danh sách `old` và `current` gồm { name, kind, region, variants, absorbed }, như trong tệp src/provinces.yaml có sẵn của loa".into();
            }
            (Self::Misplaced, En) => {
                return "this Markdown file is not in a place loa reads".into();
            }
            (Self::Misplaced, Vi) => {
                return "tệp Markdown này không nằm ở chỗ loa đọc".into();
            }
            (Self::MisplacedHelp, En) => {
                return "put articles in content/<section>/<name>.md, or content/<section>/<name>/index.md for an article with its own photos".into();
            }
            (Self::MisplacedHelp, Vi) => {
                return "đặt bài viết ở content/<mục>/<tên>.md, hoặc content/<mục>/<tên>/index.md cho bài có ảnh riêng".into();
            }
            (Self::EmptyFile, En) => return "this file is empty".into(),
            (Self::EmptyFile, Vi) => return "tệp này trống".into(),
            (Self::EmptyFileHelp, En) => {
                return "start it with front matter between two `---` lines, such as:\n---\ntitle: Tiêu đề bài viết\ndate: 2024-07-01\n---".into();
            }
            (Self::EmptyFileHelp, Vi) => {
                return "mở đầu tệp bằng phần thông tin đầu bài giữa hai dòng `---`, ví dụ:\n---\ntitle: Tiêu đề bài viết\ndate: 2024-07-01\n---".into();
            }
            (Self::NoFrontMatter, En) => return "this file has no front matter".into(),
            (Self::NoFrontMatter, Vi) => {
                return "tệp này không có phần thông tin đầu bài".into();
            }
            (Self::NoFrontMatterHelp, En) => {
                return "the first line must be `---`, followed by the front matter and another `---` line".into();
            }
            (Self::NoFrontMatterHelp, Vi) => {
                return "dòng đầu tiên phải là `---`, tiếp theo là phần thông tin đầu bài và một dòng `---` nữa".into();
            }
            (Self::Unclosed, En) => return "the front matter is never closed".into(),
            (Self::Unclosed, Vi) => {
                return "phần thông tin đầu bài không có dòng `---` đóng lại".into();
            }
            (Self::UnclosedHelp, En) => {
                return "add a line with only `---` after the last front-matter line".into();
            }
            (Self::UnclosedHelp, Vi) => {
                return "thêm một dòng chỉ có `---` sau dòng thông tin cuối cùng".into();
            }

            (Self::UnknownKey { key }, En) => format!("unknown key `{key}`"),
            (Self::UnknownKey { key }, Vi) => format!("loa không biết mục `{key}`"),
            (Self::UnknownValue { value }, En) => format!("unknown value `{value}`"),
            (Self::UnknownValue { value }, Vi) => format!("loa không biết giá trị `{value}`"),
            (Self::DidYouMean { name }, En) => format!("did you mean `{name}`?"),
            (Self::DidYouMean { name }, Vi) => format!("có phải ý bạn là `{name}`?"),
            (Self::AllowedHere { list }, En) => format!("allowed here: {list}"),
            (Self::AllowedHere { list }, Vi) => format!("ở đây được dùng: {list}"),
            (
                Self::HasNoKey {
                    path: Some(path),
                    key,
                },
                En,
            ) => {
                format!("`{path}` has no `{key}`")
            }
            (
                Self::HasNoKey {
                    path: Some(path),
                    key,
                },
                Vi,
            ) => {
                format!("`{path}` thiếu mục `{key}`")
            }
            (Self::HasNoKey { path: None, key }, En) => {
                format!("the front matter has no `{key}`")
            }
            (Self::HasNoKey { path: None, key }, Vi) => {
                format!("phần thông tin đầu bài thiếu mục `{key}`")
            }
            (Self::KeyTwice { path: None, key }, En) => format!("`{key}` is written twice"),
            (Self::KeyTwice { path: None, key }, Vi) => format!("mục `{key}` được ghi hai lần"),
            (
                Self::KeyTwice {
                    path: Some(path),
                    key,
                },
                En,
            ) => format!("`{key}` is written twice in `{path}`"),
            (
                Self::KeyTwice {
                    path: Some(path),
                    key,
                },
                Vi,
            ) => format!("mục `{key}` được ghi hai lần trong `{path}`"),
            (Self::KeyTwiceHelp { key }, En) => {
                format!("keep one `{key}:` line and delete the other")
            }
            (Self::KeyTwiceHelp { key }, Vi) => {
                format!("giữ một dòng `{key}:` và xoá dòng kia")
            }
            (Self::AddALine { key }, En) => format!("add a line `{key}: …`"),
            (Self::AddALine { key }, Vi) => format!("thêm một dòng `{key}: …`"),
            (
                Self::MustBe {
                    path,
                    expected,
                    found,
                },
                En,
            ) => {
                let subject = path
                    .as_ref()
                    .map_or_else(|| "this value".to_string(), |p| format!("`{p}`"));
                format!("{subject} must be {}, not {found}", expected_en(expected))
            }
            (
                Self::MustBe {
                    path,
                    expected,
                    found,
                },
                Vi,
            ) => {
                let subject = path
                    .as_ref()
                    .map_or_else(|| "giá trị này".to_string(), |p| format!("`{p}`"));
                format!(
                    "{subject} phải là {}, không phải {}",
                    expected_vi(expected),
                    found_vi(found)
                )
            }
            (Self::ColonInValue, En) => {
                return "a value cannot hold a colon followed by a space unless it is in quotation marks".into();
            }
            (Self::ColonInValue, Vi) => {
                return "giá trị có dấu hai chấm và dấu cách phía sau thì phải đặt trong ngoặc kép"
                    .into();
            }
            (Self::ColonInValueHelp, En) => {
                return "put the whole value in double quotation marks, such as summary: \"Đắk Lắk: 2.199 tổ\"".into();
            }
            (Self::ColonInValueHelp, Vi) => {
                return "đặt cả giá trị trong ngoặc kép, ví dụ summary: \"Đắk Lắk: 2.199 tổ\""
                    .into();
            }
            (Self::QuoteNotClosed, En) => return "this quotation mark is never closed".into(),
            (Self::QuoteNotClosed, Vi) => return "dấu ngoặc kép này không được đóng".into(),
            (Self::QuoteNotClosedHelp, En) => {
                return "close the text with a matching quotation mark on the same line".into();
            }
            (Self::QuoteNotClosedHelp, Vi) => {
                return "đóng đoạn chữ bằng một dấu ngoặc kép giống vậy trên cùng dòng".into();
            }
            (Self::TitleEmpty, En) => return "the title is empty".into(),
            (Self::TitleEmpty, Vi) => return "tiêu đề đang để trống".into(),
            (Self::NeedsDate, En) => return "an article needs a `date`".into(),
            (Self::NeedsDate, Vi) => return "bài viết cần có mục `date` (ngày đăng)".into(),
            (Self::NeedsDateHelp, En) => {
                return "add a line such as `date: 2024-07-01` to the front matter".into();
            }
            (Self::NeedsDateHelp, Vi) => {
                return "thêm vào phần thông tin đầu bài một dòng như `date: 2024-07-01`".into();
            }
            (Self::SlugLeaves { slug }, En) => {
                format!("`slug: {slug}` tries to leave the article's folder")
            }
            (Self::SlugLeaves { slug }, Vi) => {
                format!("`slug: {slug}` trỏ ra ngoài thư mục của bài")
            }
            (Self::SlugChars { slug }, En) => {
                format!("`slug: {slug}` must use only a-z, 0-9 and -")
            }
            (Self::SlugChars { slug }, Vi) => {
                format!("`slug: {slug}` chỉ được dùng a-z, 0-9 và dấu -")
            }
            (Self::SuchAs { example }, En) => format!("such as `{example}`"),
            (Self::SuchAs { example }, Vi) => format!("ví dụ `{example}`"),
            (Self::AliasNotSitePath { alias }, En) => {
                format!("alias `{alias}` must be a site path such as `/tin-cu/bai-viet/`")
            }
            (Self::AliasNotSitePath { alias }, Vi) => format!(
                "địa chỉ cũ `{alias}` phải là một đường dẫn trong trang, ví dụ `/tin-cu/bai-viet/`"
            ),
            (Self::ProvinceUnknown { province }, En) => {
                format!("`{province}` is not a province or city of Vietnam")
            }
            (Self::ProvinceUnknown { province }, Vi) => {
                format!("`{province}` không phải tên một tỉnh, thành phố của Việt Nam")
            }
            (Self::FiguresNeedProvince, En) => {
                return "figures need a `province` to belong to".into();
            }
            (Self::FiguresNeedProvince, Vi) => {
                return "số liệu cần có mục `province` để biết thuộc tỉnh, thành phố nào".into();
            }
            (Self::FiguresNeedProvinceHelp, En) => {
                return "add `province:` with the province these figures are for".into();
            }
            (Self::FiguresNeedProvinceHelp, Vi) => {
                return "thêm dòng `province:` với tên tỉnh, thành phố của các số liệu này".into();
            }
            (Self::MetricNotDeclared { metric, file }, En) => {
                format!("`{metric}` is not a metric declared in {file}")
            }
            (Self::MetricNotDeclared { metric, file }, Vi) => {
                format!("`{metric}` không có trong danh sách số liệu của {file}")
            }
            (Self::DeclareMetricHelp { file }, En) => {
                format!("declare it under `stats: metrics:` in {file}")
            }
            (Self::DeclareMetricHelp { file }, Vi) => {
                format!("khai báo số liệu này trong mục `stats: metrics:` của {file}")
            }
            (Self::MetricsAre { list }, En) => format!("the metrics are {list}"),
            (Self::MetricsAre { list }, Vi) => format!("các số liệu được dùng là {list}"),
            (Self::FrontImageAltEmpty, En) => return "the image's `alt` text is empty".into(),
            (Self::FrontImageAltEmpty, Vi) => {
                return "lời mô tả ảnh (`alt`) đang để trống".into();
            }
            (Self::FrontImageAltEmptyHelp, En) => {
                return "describe the photo in a few words for readers who cannot see it".into();
            }
            (Self::FrontImageAltEmptyHelp, Vi) => {
                return "mô tả ảnh bằng vài chữ cho người đọc không xem được ảnh".into();
            }
            (Self::InvalidDate { text }, En) => format!("`{text}` is not a valid date"),
            (Self::InvalidDate { text }, Vi) => format!("`{text}` không phải một ngày hợp lệ"),
            (Self::DateWriteAs { date }, En) => format!("write it as {date}"),
            (Self::DateWriteAs { date }, Vi) => format!("hãy viết là {date}"),
            (Self::DateFormatHelp, En) => {
                return "write it as YYYY-MM-DD, such as 2024-07-01, optionally followed by a time such as 08:30".into();
            }
            (Self::DateFormatHelp, Vi) => {
                return "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-07-01, có thể thêm giờ như 08:30".into();
            }
            (Self::FigureNegative { value }, En) => {
                format!("a figure cannot be negative, got {value}")
            }
            (Self::FigureNegative { value }, Vi) => {
                format!("số liệu không thể là số âm, ở đây là {value}")
            }
            (Self::FigureNegativeHelp { value }, En) => {
                format!("write the count as reported, such as {value}")
            }
            (Self::FigureNegativeHelp { value }, Vi) => {
                format!("ghi đúng con số được công bố, ví dụ {value}")
            }
            (Self::FigureNotNumber { text }, En) => {
                format!("a figure must be a number, got \"{text}\"")
            }
            (Self::FigureNotNumber { text }, Vi) => {
                format!("số liệu phải là một con số, ở đây là \"{text}\"")
            }
            (Self::FigureWriteWithout { value }, En) => {
                format!("write {value}, without quotes or separators")
            }
            (Self::FigureWriteWithout { value }, Vi) => {
                format!("hãy viết {value}, không có dấu ngoặc kép hay dấu chấm")
            }
            (Self::FigureWriteWhole, En) => return "write a whole number such as 2199".into(),
            (Self::FigureWriteWhole, Vi) => {
                return "hãy viết một số nguyên, ví dụ 2199".into();
            }
            (Self::FigureNotWhole { written }, En) => {
                format!("a figure must be a whole number, got {written}")
            }
            (Self::FigureNotWhole { written }, Vi) => {
                format!("số liệu phải là số nguyên, ở đây là {written}")
            }
            (Self::FigureDotHelp { written, value }, En) => format!(
                "YAML reads the dot as a decimal point; if you meant {written} in the Vietnamese way, write {value} without the dot"
            ),
            (Self::FigureDotHelp { written, value }, Vi) => format!(
                "YAML hiểu dấu chấm là dấu thập phân; nếu ý bạn là {written} theo cách viết của Việt Nam, hãy viết {value}, không có dấu chấm"
            ),
            (Self::FigureCountsHelp, En) => {
                return "figures are counts: write the whole number without dots or commas, such as 9000 for 9.000".into();
            }
            (Self::FigureCountsHelp, Vi) => {
                return "số liệu là số đếm: viết cả số, không có dấu chấm hay dấu phẩy, ví dụ 9000 cho 9.000".into();
            }
            (Self::BaseUrlNotFull { url }, En) => {
                format!("`base_url` must be a full address, got `{url}`")
            }
            (Self::BaseUrlNotFull { url }, Vi) => {
                format!("`base_url` phải là một địa chỉ đầy đủ, ở đây là `{url}`")
            }
            (Self::BaseUrlHelp, En) => {
                return "write it with its scheme, such as `https://example.gov.vn`".into();
            }
            (Self::BaseUrlHelp, Vi) => {
                return "viết cả phần https:// ở đầu, ví dụ `https://example.gov.vn`".into();
            }
            (Self::UnknownDateFormat { name }, En) => format!("unknown `date_format` `{name}`"),
            (Self::UnknownDateFormat { name }, Vi) => {
                format!("loa không biết cách viết ngày (`date_format`) `{name}`")
            }
            (Self::UseOneOf { list }, En) => format!("use one of {list}"),
            (Self::UseOneOf { list }, Vi) => format!("hãy dùng một trong {list}"),
            (Self::PaginateAtLeastOne, En) => return "`paginate_by` must be at least 1".into(),
            (Self::PaginateAtLeastOne, Vi) => {
                return "`paginate_by` phải từ 1 trở lên".into();
            }
            (Self::UnknownTaxonomy { name }, En) => format!("unknown taxonomy `{name}`"),
            (Self::UnknownTaxonomy { name }, Vi) => {
                format!("loa không biết cách gom bài `{name}`")
            }
            (Self::LoaKnows { list }, En) => format!("loa knows {list}"),
            (Self::LoaKnows { list }, Vi) => format!("loa biết {list}"),
            (Self::TaxonomyPath { path }, En) => {
                format!("taxonomy path `{path}` must be one URL segment of a-z, 0-9 and -")
            }
            (Self::TaxonomyPath { path }, Vi) => format!(
                "đường dẫn `{path}` của trang gom bài phải là một đoạn địa chỉ chỉ gồm a-z, 0-9 và dấu -"
            ),
            (Self::StatsPath { path }, En) => {
                format!("statistics path `{path}` must be one URL segment of a-z, 0-9 and -")
            }
            (Self::StatsPath { path }, Vi) => format!(
                "đường dẫn `{path}` của trang thống kê phải là một đoạn địa chỉ chỉ gồm a-z, 0-9 và dấu -"
            ),

            (Self::TwoFilesOnePage { url }, En) => {
                format!("two files produce the same page `{url}`")
            }
            (Self::TwoFilesOnePage { url }, Vi) => {
                format!("hai tệp cùng tạo ra một trang `{url}`")
            }
            (Self::TheOtherOne { path }, En) => format!("the other one is {path}"),
            (Self::TheOtherOne { path }, Vi) => format!("tệp kia là {path}"),
            (Self::TwoFilesHelp, En) => {
                return "give one of them another `slug`, or rename the file".into();
            }
            (Self::TwoFilesHelp, Vi) => {
                return "đặt `slug` khác cho một trong hai bài, hoặc đổi tên tệp".into();
            }
            (Self::MenuEntryBroken { name, url }, En) => format!(
                "the menu entry `{name}` points to `{url}`, a page this site does not produce"
            ),
            (Self::MenuEntryBroken { name, url }, Vi) => format!(
                "mục trình đơn `{name}` trỏ tới `{url}`, một trang không có trong trang này"
            ),
            (Self::MenuEntryHelp, En) => {
                return "point it at a section, a page or a taxonomy of this site, such as `/tin-tuc/`".into();
            }
            (Self::MenuEntryHelp, Vi) => {
                return "trỏ mục này tới một mục bài, một trang hoặc một trang gom bài của trang, ví dụ `/tin-tuc/`".into();
            }
            (Self::LinkMissingFile { path }, En) => {
                format!("the link points to `@/{path}`, which does not exist")
            }
            (Self::LinkMissingFile { path }, Vi) => {
                format!("liên kết trỏ tới `@/{path}`, tệp này không tồn tại")
            }
            (Self::LinkMissingFileHelp, En) => {
                return "write the path of a Markdown file under content/, such as `@/tin-tuc/bai-viet.md`".into();
            }
            (Self::LinkMissingFileHelp, Vi) => {
                return "ghi đường dẫn của một tệp Markdown trong content/, ví dụ `@/tin-tuc/bai-viet.md`".into();
            }
            (Self::LinkToDraft { path }, En) => {
                format!("the link points to `@/{path}`, a draft, which this build leaves out")
            }
            (Self::LinkToDraft { path }, Vi) => {
                format!("liên kết trỏ tới `@/{path}`, một bản nháp chưa đăng")
            }
            (Self::LinkToDraftHelp, En) => {
                return "publish that article first (remove `draft: true`), or build with `--drafts` to preview both".into();
            }
            (Self::LinkToDraftHelp, Vi) => {
                return "đăng bài đó trước (bỏ `draft: true`), hoặc xem thử cả hai bằng `--drafts`"
                    .into();
            }
            (Self::NoAnchor { target, anchor }, En) => {
                format!("`{target}` has no heading with the anchor `#{anchor}`")
            }
            (Self::NoAnchor { target, anchor }, Vi) => {
                format!("`{target}` không có đề mục nào mang mã `#{anchor}`")
            }
            (Self::LinkMissingPage { path }, En) => {
                format!("the link points to `{path}`, a page this site does not produce")
            }
            (Self::LinkMissingPage { path }, Vi) => {
                format!("liên kết trỏ tới `{path}`, một trang không có trong trang này")
            }
            (Self::LinkMissingPageHelp, En) => {
                return "link to a file with `@/section/file.md` so that loa finds its address for you".into();
            }
            (Self::LinkMissingPageHelp, Vi) => {
                return "liên kết tới tệp bằng `@/mục/tệp.md` để loa tự tìm địa chỉ của trang"
                    .into();
            }
            (Self::SamePageNoAnchor { anchor }, En) => {
                format!("this page has no heading with the anchor `#{anchor}`")
            }
            (Self::SamePageNoAnchor { anchor }, Vi) => {
                format!("trang này không có đề mục nào mang mã `#{anchor}`")
            }
            (
                Self::FigureConflict {
                    metric,
                    province,
                    as_of,
                    here,
                    there,
                    first,
                },
                En,
            ) => format!(
                "`{metric}` for {province} as of {as_of} is {here} here, but {there} in {first}"
            ),
            (
                Self::FigureConflict {
                    metric,
                    province,
                    as_of,
                    here,
                    there,
                    first,
                },
                Vi,
            ) => format!(
                "`{metric}` của {province} tính đến {as_of} ở đây là {here}, nhưng trong {first} là {there}"
            ),
            (
                Self::FigureConflictNote {
                    place,
                    metric,
                    value,
                    province,
                    as_of,
                },
                En,
            ) => {
                format!("{place} reports `{metric}: {value}` for {province} as of {as_of}")
            }
            (
                Self::FigureConflictNote {
                    place,
                    metric,
                    value,
                    province,
                    as_of,
                },
                Vi,
            ) => {
                format!("{place} ghi `{metric}: {value}` cho {province} tính đến {as_of}")
            }
            (Self::FigureConflictHelp, En) => {
                return "one province cannot have two figures for the same day: correct the wrong one, or give the newer figure its own `as_of` date".into();
            }
            (Self::FigureConflictHelp, Vi) => {
                return "một tỉnh không thể có hai con số cho cùng một ngày: sửa con số sai, hoặc ghi ngày `as_of` riêng cho con số mới hơn".into();
            }

            (Self::RefuseContainsSite { path }, En) => format!(
                "refusing to write into {path}: it contains the site itself, which a build would replace"
            ),
            (Self::RefuseContainsSite { path }, Vi) => format!(
                "không ghi vào {path}: thư mục này chứa chính trang, mà bản dựng sẽ thay thế nó"
            ),
            (Self::RefuseInsideContent { path }, En) => format!(
                "refusing to write into {path}: it is inside content/, which the next build would read back"
            ),
            (Self::RefuseInsideContent { path }, Vi) => format!(
                "không ghi vào {path}: thư mục này nằm trong content/, lần dựng sau sẽ đọc lại nó"
            ),
            (Self::RefuseFile { path }, En) => {
                format!("refusing to write into {path}: it is a file, not a folder")
            }
            (Self::RefuseFile { path }, Vi) => {
                format!("không ghi vào {path}: đây là một tệp, không phải thư mục")
            }
            (Self::RefuseForeign { path }, En) => format!(
                "refusing to replace {path}: it is not empty and was not made by loa; choose another --out, or pass --force to replace it"
            ),
            (Self::RefuseForeign { path }, Vi) => format!(
                "không thay thế {path}: thư mục này không trống và không do loa tạo; chọn --out khác, hoặc thêm --force để thay thế"
            ),
            (Self::CannotWriteOutput { path }, En) => {
                format!(
                    "cannot write {path}; nothing was published, the output folder is as it was"
                )
            }
            (Self::CannotWriteOutput { path }, Vi) => {
                format!("không ghi được {path}; chưa xuất bản gì, thư mục đầu ra vẫn như cũ")
            }
            (Self::Interrupted, En) => {
                "stopped (Ctrl-C); nothing was published, the output folder is as it was".into()
            }
            (Self::Interrupted, Vi) => {
                "đã dừng (Ctrl-C); chưa xuất bản gì, thư mục đầu ra vẫn như cũ".into()
            }
        };
        Cow::Owned(text)
    }
}

/// A count in the Vietnamese way: 1.341.
fn number(value: impl TryInto<i64>) -> String {
    crate::vi::format_integer(value.try_into().unwrap_or(i64::MAX))
}

/// What serde expected, said plainly.
fn expected_en(expected: &str) -> &str {
    match expected {
        "a sequence" => "a list, such as [lễ ra mắt, Tây Nguyên]",
        "a string" => "text",
        "a boolean" => "true or false",
        "usize" | "u64" | "u32" => "a whole number",
        other if other.starts_with("struct ") || other == "a map" => {
            "a group of `key: value` lines"
        }
        other => other,
    }
}

fn expected_vi(expected: &str) -> &str {
    match expected {
        "a sequence" => "một danh sách, ví dụ [lễ ra mắt, Tây Nguyên]",
        "a string" => "chữ",
        "a boolean" => "true hoặc false",
        "usize" | "u64" | "u32" => "một số nguyên",
        other if other.starts_with("struct ") || other == "a map" => {
            "một nhóm các dòng `mục: giá trị`"
        }
        other => other,
    }
}

/// What serde found, such as "integer `5`", in Vietnamese.
fn found_vi(found: &str) -> String {
    for (en, vi) in [
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("boolean ", "giá trị đúng/sai "),
        ("string ", "chữ "),
    ] {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    match found {
        "a sequence" | "sequence" => "một danh sách".into(),
        "a map" | "map" => "một nhóm các dòng".into(),
        "unit value" => "giá trị trống".into(),
        other => other.into(),
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
