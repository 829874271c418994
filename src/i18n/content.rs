//! What is wrong with a value in front matter or site.yaml, in four areas: any key or
//! value ([`keys`]), an article's front matter ([`front_matter`]), its figures
//! ([`figures`]) and the settings of site.yaml ([`site_yaml`]).
//!
//! Text only: which message to show, and when, is decided where it is made.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

pub(super) fn keys(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::UnknownKey { key } => match lang {
            En => Cow::Owned(format!("unknown key `{key}`")),
            Vi => Cow::Owned(format!("loa không biết mục `{key}`")),
        },
        Msg::UnknownValue { value } => match lang {
            En => Cow::Owned(format!("unknown value `{value}`")),
            Vi => Cow::Owned(format!("loa không biết giá trị `{value}`")),
        },
        Msg::DidYouMean { name } => match lang {
            En => Cow::Owned(format!("did you mean `{name}`?")),
            Vi => Cow::Owned(format!("có phải ý bạn là `{name}`?")),
        },
        Msg::AllowedHere { list } => match lang {
            En => Cow::Owned(format!("allowed here: {list}")),
            Vi => Cow::Owned(format!("ở đây được dùng: {list}")),
        },
        Msg::HasNoKey {
            path: Some(path),
            key,
        } => match lang {
            En => Cow::Owned(format!("`{path}` has no `{key}`")),
            Vi => Cow::Owned(format!("`{path}` thiếu mục `{key}`")),
        },
        Msg::HasNoKey { path: None, key } => match lang {
            En => Cow::Owned(format!("the front matter has no `{key}`")),
            Vi => Cow::Owned(format!("phần thông tin đầu bài thiếu mục `{key}`")),
        },
        Msg::KeyTwice { path: None, key } => match lang {
            En => Cow::Owned(format!("`{key}` is written twice")),
            Vi => Cow::Owned(format!("mục `{key}` được ghi hai lần")),
        },
        Msg::KeyTwice {
            path: Some(path),
            key,
        } => match lang {
            En => Cow::Owned(format!("`{key}` is written twice in `{path}`")),
            Vi => Cow::Owned(format!("mục `{key}` được ghi hai lần trong `{path}`")),
        },
        Msg::KeyTwiceHelp { key } => match lang {
            En => Cow::Owned(format!("keep one `{key}:` line and delete the other")),
            Vi => Cow::Owned(format!("giữ một dòng `{key}:` và xoá dòng kia")),
        },
        Msg::AddALine { key } => match lang {
            En => Cow::Owned(format!("add a line `{key}: …`")),
            Vi => Cow::Owned(format!("thêm một dòng `{key}: …`")),
        },
        Msg::MustBe {
            path,
            expected,
            found,
        } => match lang {
            En => {
                let subject = path
                    .as_ref()
                    .map_or_else(|| "this value".to_string(), |p| format!("`{p}`"));
                Cow::Owned(format!(
                    "{subject} must be {}, not {}",
                    expected_en(expected),
                    found_en(found)
                ))
            }
            Vi => {
                let subject = path
                    .as_ref()
                    .map_or_else(|| "giá trị này".to_string(), |p| format!("`{p}`"));
                Cow::Owned(format!(
                    "{subject} phải là {}, không phải {}",
                    expected_vi(expected),
                    found_vi(found)
                ))
            }
        },
        Msg::ColonInValue => match lang {
            En => Cow::Borrowed(
                "a value cannot hold a colon followed by a space unless it is in quotation marks",
            ),
            Vi => Cow::Borrowed(
                "giá trị có dấu hai chấm và dấu cách phía sau thì phải đặt trong ngoặc kép",
            ),
        },
        Msg::ColonInValueHelp => match lang {
            En => Cow::Borrowed(
                "put the whole value in double quotation marks, such as summary: \"Đắk Lắk: 2.199 tổ\"",
            ),
            Vi => Cow::Borrowed(
                "đặt cả giá trị trong ngoặc kép, ví dụ summary: \"Đắk Lắk: 2.199 tổ\"",
            ),
        },
        Msg::QuoteNotClosed => match lang {
            En => Cow::Borrowed("this quotation mark is never closed"),
            Vi => Cow::Borrowed("dấu ngoặc kép này không được đóng"),
        },
        Msg::QuoteNotClosedHelp => match lang {
            En => Cow::Borrowed("close the text with a matching quotation mark on the same line"),
            Vi => Cow::Borrowed("đóng đoạn chữ bằng một dấu ngoặc kép giống vậy trên cùng dòng"),
        },
        Msg::YamlTab => match lang {
            En => Cow::Borrowed(
                "this line holds a tab (shown as →): YAML takes only spaces before a key",
            ),
            Vi => {
                Cow::Borrowed("dòng này có dấu Tab (hiện là →): YAML chỉ nhận dấu cách để thụt lề")
            }
        },
        Msg::YamlTabHelp => match lang {
            En => Cow::Borrowed(
                "delete the tab and indent with spaces, two for each level, as the lines around it",
            ),
            Vi => Cow::Borrowed(
                "xoá dấu Tab và thụt lề bằng dấu cách, mỗi bậc hai dấu cách, như các dòng xung quanh",
            ),
        },
        Msg::YamlIndentDeeper { key } => match lang {
            En => Cow::Owned(format!(
                "this line is indented further than the line of `{key}`, so YAML reads it as the rest of that value"
            )),
            Vi => Cow::Owned(format!(
                "dòng này thụt vào sâu hơn dòng `{key}`, nên YAML coi nó là phần tiếp theo của giá trị đó"
            )),
        },
        Msg::YamlIndent => match lang {
            En => Cow::Borrowed("this line is not indented as the keys around it"),
            Vi => Cow::Borrowed("dòng này thụt lề không khớp với các mục xung quanh"),
        },
        Msg::YamlIndentHelp { spaces: 0 } => match lang {
            En => Cow::Borrowed(
                "start the line at its first column, with no spaces before the key, as the lines around it",
            ),
            Vi => Cow::Borrowed(
                "bắt đầu dòng ở cột đầu tiên, không có dấu cách trước tên mục, như các dòng xung quanh",
            ),
        },
        Msg::YamlIndentHelp { spaces } => match lang {
            En => Cow::Owned(format!(
                "start the line with {spaces} spaces, as the other keys of its group"
            )),
            Vi => Cow::Owned(format!(
                "bắt đầu dòng bằng {spaces} dấu cách, như các mục khác cùng nhóm"
            )),
        },
        Msg::YamlListItemOutside => match lang {
            En => Cow::Borrowed("a list item `- …` here belongs to no list"),
            Vi => Cow::Borrowed("dòng `- …` ở đây không thuộc danh sách nào"),
        },
        Msg::YamlListItemOutsideHelp => match lang {
            En => Cow::Borrowed(
                "write the list's key alone on the line above, such as `tags:`, then each item indented: `  - Tây Nguyên`; or write the list on one line: `tags: [lễ ra mắt, Tây Nguyên]`",
            ),
            Vi => Cow::Borrowed(
                "ghi tên mục một mình ở dòng trên, ví dụ `tags:`, rồi mỗi phần tử thụt vào: `  - Tây Nguyên`; hoặc ghi cả danh sách trên một dòng: `tags: [lễ ra mắt, Tây Nguyên]`",
            ),
        },
        Msg::YamlBracketNotClosed { bracket } => match lang {
            En => Cow::Owned(format!("this `{bracket}` is never closed")),
            Vi => Cow::Owned(format!("dấu `{bracket}` này không được đóng")),
        },
        Msg::YamlBracketNotClosedHelp { close } => match lang {
            En => Cow::Owned(format!(
                "end the list with `{close}` on the same line, and separate its items with commas"
            )),
            Vi => Cow::Owned(format!(
                "kết thúc danh sách bằng `{close}` trên cùng dòng, các phần tử cách nhau bằng dấu phẩy"
            )),
        },
        Msg::YamlSyntax => match lang {
            En => Cow::Borrowed("this line cannot be read as YAML"),
            Vi => Cow::Borrowed("không đọc được dòng này theo cú pháp YAML"),
        },
        Msg::YamlSyntaxHelp => match lang {
            En => Cow::Borrowed(
                "write it as `key: value`, indented with spaces as the lines around it; put a value holding `: `, `#` or quotation marks in double quotation marks",
            ),
            Vi => Cow::Borrowed(
                "ghi theo dạng `mục: giá trị`, thụt lề bằng dấu cách như các dòng xung quanh; giá trị có `: `, `#` hay dấu ngoặc kép thì đặt trong ngoặc kép",
            ),
        },
        Msg::YamlReaderSaid { text } => match lang {
            En => Cow::Owned(format!("the YAML reader says: {text}")),
            Vi => Cow::Owned(format!("bộ đọc YAML báo (tiếng Anh): {text}")),
        },
        Msg::AddInsideBraces { example } => match lang {
            En => Cow::Owned(format!(
                "add it inside the braces, after a comma: {example}"
            )),
            Vi => Cow::Owned(format!(
                "thêm vào trong dấu ngoặc nhọn, sau dấu phẩy: {example}"
            )),
        },
        Msg::NumberTooLarge { value } => match lang {
            En => Cow::Owned(format!("the number {value} is too large")),
            Vi => Cow::Owned(format!("số {value} quá lớn")),
        },
        Msg::NumberTooLargeHelp => match lang {
            En => Cow::Borrowed(
                "check the number against the report: loa takes whole numbers of at most 19 digits",
            ),
            Vi => Cow::Borrowed(
                "đối chiếu lại số với bản tin: loa nhận số nguyên có tối đa 19 chữ số",
            ),
        },
        other => elsewhere(other),
    }
}

pub(super) fn front_matter(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::TitleEmpty => match lang {
            En => Cow::Borrowed("the title is empty"),
            Vi => Cow::Borrowed("tiêu đề đang để trống"),
        },
        Msg::NeedsDate => match lang {
            En => Cow::Borrowed("an article needs a `date`"),
            Vi => Cow::Borrowed("bài viết cần có mục `date` (ngày đăng)"),
        },
        Msg::NeedsDateHelp => match lang {
            En => Cow::Borrowed("add a line such as `date: 2024-07-01` to the front matter"),
            Vi => Cow::Borrowed("thêm vào phần thông tin đầu bài một dòng như `date: 2024-07-01`"),
        },
        Msg::SlugLeaves { slug } => match lang {
            En => Cow::Owned(format!(
                "`slug: {slug}` tries to leave the article's folder"
            )),
            Vi => Cow::Owned(format!("`slug: {slug}` trỏ ra ngoài thư mục của bài")),
        },
        Msg::SlugChars { slug } => match lang {
            En => Cow::Owned(format!("`slug: {slug}` must use only a-z, 0-9 and -")),
            Vi => Cow::Owned(format!("`slug: {slug}` chỉ được dùng a-z, 0-9 và dấu -")),
        },
        Msg::SuchAs { example } => match lang {
            En => Cow::Owned(format!("such as `{example}`")),
            Vi => Cow::Owned(format!("ví dụ `{example}`")),
        },
        Msg::SlugTooLong { slug, bytes, max } => match lang {
            En => Cow::Owned(format!(
                "`slug: {slug}` is {bytes} bytes long; an address takes at most {max}"
            )),
            Vi => Cow::Owned(format!(
                "`slug: {slug}` dài {bytes} byte; một địa chỉ chỉ được dài tối đa {max} byte"
            )),
        },
        Msg::ShorterSlug { example } => match lang {
            En => Cow::Owned(format!("choose a shorter slug, such as `{example}`")),
            Vi => Cow::Owned(format!("hãy chọn slug ngắn hơn, ví dụ `{example}`")),
        },
        Msg::AliasPartTooLong {
            part,
            alias,
            bytes,
            max,
        } => match lang {
            En => Cow::Owned(format!(
                "the part `{part}` of alias `{alias}` is {bytes} bytes long; a file name takes at most {max}"
            )),
            Vi => Cow::Owned(format!(
                "đoạn `{part}` của địa chỉ cũ `{alias}` dài {bytes} byte; tên tệp chỉ được dài tối đa {max} byte"
            )),
        },
        Msg::AliasPartTooLongHelp => match lang {
            En => Cow::Borrowed(
                "an old address this long cannot be kept as a folder of the site: leave it out",
            ),
            Vi => Cow::Borrowed(
                "không thể giữ địa chỉ cũ dài như vậy thành một thư mục của trang: hãy bỏ địa chỉ này",
            ),
        },
        Msg::AliasNotSitePath { alias } => match lang {
            En => Cow::Owned(format!(
                "alias `{alias}` must be a site path such as `/tin-cu/bai-viet/`"
            )),
            Vi => Cow::Owned(format!(
                "địa chỉ cũ `{alias}` phải là một đường dẫn trong trang, ví dụ `/tin-cu/bai-viet/`"
            )),
        },
        Msg::ProvinceUnknown { province } => match lang {
            En => Cow::Owned(format!("`{province}` is not a province or city of Vietnam")),
            Vi => Cow::Owned(format!(
                "`{province}` không phải tên một tỉnh, thành phố của Việt Nam"
            )),
        },
        Msg::FiguresNeedProvince => match lang {
            En => Cow::Borrowed("figures need a `province` to belong to"),
            Vi => Cow::Borrowed("số liệu cần có mục `province` để biết thuộc tỉnh, thành phố nào"),
        },
        Msg::FiguresNeedProvinceHelp => match lang {
            En => Cow::Borrowed("add `province:` with the province these figures are for"),
            Vi => {
                Cow::Borrowed("thêm dòng `province:` với tên tỉnh, thành phố của các số liệu này")
            }
        },
        Msg::MetricNotDeclared { metric, file } => match lang {
            En => Cow::Owned(format!("`{metric}` is not a metric declared in {file}")),
            Vi => Cow::Owned(format!(
                "`{metric}` không có trong danh sách số liệu của {file}"
            )),
        },
        Msg::DeclareMetricHelp { file } => match lang {
            En => Cow::Owned(format!("declare it under `stats: metrics:` in {file}")),
            Vi => Cow::Owned(format!(
                "khai báo số liệu này trong mục `stats: metrics:` của {file}"
            )),
        },
        Msg::MetricsAre { list } => match lang {
            En => Cow::Owned(format!("the metrics are {list}")),
            Vi => Cow::Owned(format!("các số liệu được dùng là {list}")),
        },
        Msg::FrontImageAltEmpty => match lang {
            En => Cow::Borrowed("the image's `alt` text is empty"),
            Vi => Cow::Borrowed("lời mô tả ảnh (`alt`) đang để trống"),
        },
        Msg::FrontImageAltEmptyHelp => match lang {
            En => Cow::Borrowed("describe the photo in a few words for readers who cannot see it"),
            Vi => Cow::Borrowed("mô tả ảnh bằng vài chữ cho người đọc không xem được ảnh"),
        },
        Msg::InvalidDate { text } => match lang {
            En => Cow::Owned(format!("`{text}` is not a valid date")),
            Vi => Cow::Owned(format!("`{text}` không phải một ngày hợp lệ")),
        },
        Msg::DateWriteAs { date } => match lang {
            En => Cow::Owned(format!("write it as {date}")),
            Vi => Cow::Owned(format!("hãy viết là {date}")),
        },
        Msg::DateFormatHelp => match lang {
            En => Cow::Borrowed(
                "write it as YYYY-MM-DD, such as 2024-07-01, optionally followed by a time such as 08:30",
            ),
            Vi => Cow::Borrowed(
                "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-07-01, có thể thêm giờ như 08:30",
            ),
        },
        Msg::YearTooEarly { date, year } => match lang {
            En => Cow::Owned(format!(
                "`{date}` is in the year {year}: loa takes no date before 1900"
            )),
            Vi => Cow::Owned(format!(
                "`{date}` thuộc năm {year}: loa không nhận ngày trước năm 1900"
            )),
        },
        Msg::YearTooEarlyHelp => match lang {
            En => Cow::Borrowed("write the year in full, with its four digits, such as 2024-07-01"),
            Vi => Cow::Borrowed("viết đủ bốn chữ số của năm, ví dụ 2024-07-01"),
        },
        Msg::UpdatedBeforeDate { updated, date } => match lang {
            En => Cow::Owned(format!(
                "`updated: {updated}` is before the article's `date: {date}`"
            )),
            Vi => Cow::Owned(format!(
                "`updated: {updated}` sớm hơn ngày đăng `date: {date}` của bài"
            )),
        },
        Msg::UpdatedBeforeDateHelp => match lang {
            En => Cow::Borrowed(
                "an article is updated after it is published: correct whichever date is wrong",
            ),
            Vi => Cow::Borrowed("bài chỉ được cập nhật sau khi đăng: sửa lại ngày bị ghi sai"),
        },
        Msg::CampaignEndsBeforeStarts { ends, starts } => match lang {
            En => Cow::Owned(format!(
                "the campaign ends (`ends: {ends}`) before it starts (`starts: {starts}`)"
            )),
            Vi => Cow::Owned(format!(
                "phong trào kết thúc (`ends: {ends}`) trước khi bắt đầu (`starts: {starts}`)"
            )),
        },
        Msg::CampaignEndsBeforeStartsHelp => match lang {
            En => Cow::Borrowed(
                "correct whichever date is wrong; a campaign of one day starts and ends on the same date",
            ),
            Vi => Cow::Borrowed(
                "sửa lại ngày bị ghi sai; phong trào diễn ra trong một ngày thì `starts` và `ends` là cùng một ngày",
            ),
        },
        other => elsewhere(other),
    }
}

pub(super) fn figures(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::FigureNegative { value } => match lang {
            En => Cow::Owned(format!("a figure cannot be negative, got {value}")),
            Vi => Cow::Owned(format!("số liệu không thể là số âm, ở đây là {value}")),
        },
        Msg::FigureNegativeHelp { value } => match lang {
            En => Cow::Owned(format!("write the count as reported, such as {value}")),
            Vi => Cow::Owned(format!("ghi đúng con số được công bố, ví dụ {value}")),
        },
        Msg::FigureNotNumber { text } => match lang {
            En => Cow::Owned(format!("a figure must be a number, got \"{text}\"")),
            Vi => Cow::Owned(format!("số liệu phải là một con số, ở đây là \"{text}\"")),
        },
        Msg::FigureWriteWithout { value } => match lang {
            En => Cow::Owned(format!("write {value}, without quotes or separators")),
            Vi => Cow::Owned(format!(
                "hãy viết {value}, không có dấu ngoặc kép hay dấu chấm"
            )),
        },
        Msg::FigureWriteWhole => match lang {
            En => Cow::Borrowed("write a whole number such as 2199"),
            Vi => Cow::Borrowed("hãy viết một số nguyên, ví dụ 2199"),
        },
        Msg::FigureNotWhole { written } => match lang {
            En => Cow::Owned(format!("a figure must be a whole number, got {written}")),
            Vi => Cow::Owned(format!("số liệu phải là số nguyên, ở đây là {written}")),
        },
        Msg::FigureDotHelp { written, value } => match lang {
            En => Cow::Owned(format!(
                "YAML reads the dot as a decimal point; if you meant {written} in the Vietnamese way, write {value} without the dot"
            )),
            Vi => Cow::Owned(format!(
                "YAML hiểu dấu chấm là dấu thập phân; nếu ý bạn là {written} theo cách viết của Việt Nam, hãy viết {value}, không có dấu chấm"
            )),
        },
        Msg::FigureCountsHelp => match lang {
            En => Cow::Borrowed(
                "figures are counts: write the whole number without dots or commas, such as 9000 for 9.000",
            ),
            Vi => Cow::Borrowed(
                "số liệu là số đếm: viết cả số, không có dấu chấm hay dấu phẩy, ví dụ 9000 cho 9.000",
            ),
        },
        Msg::QualifierUnknown { word } => match lang {
            En => Cow::Owned(format!("unknown qualifier `{word}`")),
            Vi => Cow::Owned(format!("không có từ chỉ mức `{word}`")),
        },
        Msg::QualifiersAre { list } => match lang {
            En => Cow::Owned(format!("qualifiers are {list}")),
            Vi => Cow::Owned(format!("các từ chỉ mức là {list}")),
        },
        Msg::FigureTooManyDecimals {
            metric,
            written,
            decimals,
        } => match lang {
            En => Cow::Owned(format!(
                "`{metric}` takes at most {decimals} decimals, got {written}"
            )),
            Vi => Cow::Owned(format!(
                "`{metric}` chỉ có tối đa {decimals} chữ số thập phân, ở đây là {written}"
            )),
        },
        Msg::FigureTooManyDecimalsHelp { file } => match lang {
            En => Cow::Owned(format!(
                "write the figure as the article gives it, or raise `decimals` of the metric in {file}"
            )),
            Vi => Cow::Owned(format!(
                "ghi con số đúng như bài viết, hoặc tăng `decimals` của chỉ tiêu trong {file}"
            )),
        },
        Msg::AsOfInFuture { as_of, today } => match lang {
            En => Cow::Owned(format!(
                "`as_of: {as_of}` is after today ({today}): figures cannot be counted on a day that has not come"
            )),
            Vi => Cow::Owned(format!(
                "`as_of: {as_of}` là một ngày chưa tới (hôm nay là {today}): không thể có số liệu tính đến ngày đó"
            )),
        },
        Msg::AsOfInFutureHelp => match lang {
            En => Cow::Borrowed(
                "write the day the figures were counted, such as the day of the report",
            ),
            Vi => Cow::Borrowed("ghi ngày chốt số liệu, ví dụ ngày của báo cáo"),
        },
        Msg::UnitMerged {
            province,
            as_of,
            current,
            kind,
            absorbed,
        } => match lang {
            En => Cow::Owned(format!(
                "these figures are as of {as_of}, after `{province}` was merged: since 1/7/2025 it is part of {current}, formed from {}",
                list(absorbed, "and")
            )),
            Vi => Cow::Owned(format!(
                "số liệu này tính đến ngày {as_of}, sau khi `{province}` đã được sáp nhập: từ ngày 1/7/2025, đơn vị này thuộc {kind} {current}, hợp thành từ {}",
                list(absorbed, "và")
            )),
        },
        Msg::UnitMergedHelp { province, current } => match lang {
            En => Cow::Owned(format!(
                "loa adds them into the figures of {current} as those of the former {province}; if they count all of {current}, give the figures of each former unit instead"
            )),
            Vi => Cow::Owned(format!(
                "loa cộng số liệu này vào số liệu của {current} như phần của {province} cũ; nếu đây là số liệu của cả {current}, hãy ghi số liệu riêng của từng đơn vị cũ"
            )),
        },
        other => elsewhere(other),
    }
}

pub(super) fn site_yaml(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::BaseUrlNotFull { url } => match lang {
            En => Cow::Owned(format!("`base_url` must be a full address, got `{url}`")),
            Vi => Cow::Owned(format!(
                "`base_url` phải là một địa chỉ đầy đủ, ở đây là `{url}`"
            )),
        },
        Msg::BaseUrlHelp => match lang {
            En => Cow::Borrowed("write it with its scheme, such as `https://example.gov.vn`"),
            Vi => Cow::Borrowed("viết cả phần https:// ở đầu, ví dụ `https://example.gov.vn`"),
        },
        Msg::UnknownDateFormat { name } => match lang {
            En => Cow::Owned(format!("unknown `date_format` `{name}`")),
            Vi => Cow::Owned(format!(
                "loa không biết cách viết ngày (`date_format`) `{name}`"
            )),
        },
        Msg::UseOneOf { list } => match lang {
            En => Cow::Owned(format!("use one of {list}")),
            Vi => Cow::Owned(format!("hãy dùng một trong {list}")),
        },
        Msg::PaginateAtLeastOne => match lang {
            En => Cow::Borrowed("`paginate_by` must be at least 1"),
            Vi => Cow::Borrowed("`paginate_by` phải từ 1 trở lên"),
        },
        Msg::PaginateHelp => match lang {
            En => Cow::Borrowed(
                "write how many articles one page of the list shows, such as `paginate_by: 20`",
            ),
            Vi => Cow::Borrowed("ghi số bài trên mỗi trang danh sách, ví dụ `paginate_by: 20`"),
        },
        Msg::UnknownTaxonomy { name } => match lang {
            En => Cow::Owned(format!("unknown taxonomy `{name}`")),
            Vi => Cow::Owned(format!("loa không biết cách gom bài `{name}`")),
        },
        Msg::LoaKnows { list } => match lang {
            En => Cow::Owned(format!("loa knows {list}")),
            Vi => Cow::Owned(format!("loa biết {list}")),
        },
        Msg::TaxonomyPath { path } => match lang {
            En => Cow::Owned(format!(
                "taxonomy path `{path}` must be one URL segment of a-z, 0-9 and -"
            )),
            Vi => Cow::Owned(format!(
                "đường dẫn `{path}` của trang gom bài phải là một đoạn địa chỉ chỉ gồm a-z, 0-9 và dấu -"
            )),
        },
        Msg::StatsPath { path } => match lang {
            En => Cow::Owned(format!(
                "statistics path `{path}` must be one URL segment of a-z, 0-9 and -"
            )),
            Vi => Cow::Owned(format!(
                "đường dẫn `{path}` của trang thống kê phải là một đoạn địa chỉ chỉ gồm a-z, 0-9 và dấu -"
            )),
        },
        other => elsewhere(other),
    }
}

/// "A, B and C": names in a sentence, joined by `and` in the message's language.
fn list(names: &[String], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// What serde expected, said plainly.
fn expected_en(expected: &str) -> &str {
    match expected {
        "a sequence" => "a list, such as [lễ ra mắt, Tây Nguyên]",
        "a string" => "text",
        "a boolean" => "true or false",
        "usize" | "u64" | "u32" | "u8" | "i64" => "a whole number",
        other if other.starts_with("struct ") || matches!(other, "a map" | "a mapping") => {
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
        "usize" | "u64" | "u32" | "u8" | "i64" => "một số nguyên",
        "a date such as 2024-07-01" => "một ngày, ví dụ 2024-07-01",
        "a whole number such as 2199" => "một số nguyên, ví dụ 2199",
        "`as_of` and figures such as `teams: 2199`" => {
            "`as_of` và các số liệu, ví dụ `teams: 2199`"
        }
        other if other.starts_with("struct ") || matches!(other, "a map" | "a mapping") => {
            "một nhóm các dòng `mục: giá trị`"
        }
        other => other,
    }
}

/// What serde found, such as "integer `5`", in words rather than type names.
fn found_en(found: &str) -> String {
    for (kind, shown) in [
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
        ("string ", "the text "),
    ] {
        if let Some(rest) = found.strip_prefix(kind) {
            return format!("{shown}{rest}");
        }
    }
    match found {
        "a sequence" | "sequence" => "a list".into(),
        "a map" | "map" => "a group of lines".into(),
        "unit value" => "an empty value".into(),
        other => other.into(),
    }
}

/// What serde found, such as "integer `5`", in Vietnamese.
fn found_vi(found: &str) -> String {
    for (en, vi) in [
        ("integer ", "số "),
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
