//! The editing pages' words: labels, help under the fields, the buttons, what the pages
//! say while saving, after a conflict, before leaving with unsaved changes.
//!
//! The pages are plain HTML and JavaScript in `src/serve/edit/assets/`: the server puts
//! these words into the HTML where a page names them, and hands the whole list to the
//! scripts as one JSON object, each under its [`Label::key`]. A `{name}` in a text is
//! filled in by the script that shows it. The macro keeps each key, English and
//! Vietnamese on one line, so a label without its Vietnamese does not compile.
//!
//! Text only: which label to show, and when, is decided by the pages.

use std::borrow::Cow;

use super::Lang::{self, En, Vi};
use super::{Msg, elsewhere};

macro_rules! labels {
    ($($name:ident $key:literal $en:literal $vi:literal;)*) => {
        /// One word or sentence of the editing pages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label {
            $($name,)*
        }

        impl Label {
            /// Every label, in the order written here.
            pub const ALL: &'static [Label] = &[$(Label::$name,)*];

            /// The name the pages use for it: `{{save}}` in a page, `labels.save` in a script.
            pub fn key(self) -> &'static str {
                match self {
                    $(Label::$name => $key,)*
                }
            }

            pub(super) fn text(self, lang: Lang) -> Cow<'static, str> {
                match (self, lang) {
                    $((Label::$name, En) => Cow::Borrowed($en),
                    (Label::$name, Vi) => Cow::Borrowed($vi),)*
                }
            }
        }
    };
}

labels! {
    Editor "editor" "Editor" "Soạn bài";
    JsNeeded "js_needed" "The editing pages need JavaScript: turn it on for this address." "Trang soạn bài cần JavaScript: hãy bật JavaScript cho địa chỉ này.";
    ListTitle "list_title" "Articles and pages" "Bài viết và trang";
    NewArticle "new_article" "New article" "Bài mới";
    BackToList "back_to_list" "All articles" "Danh sách bài";
    OpenSite "open_site" "View the site" "Xem trang";
    Search "search" "Search by title" "Tìm theo tiêu đề";
    SearchHelp "search_help" "With or without tone marks: “dak lak” finds Đắk Lắk." "Gõ có dấu hay không dấu đều được: “dak lak” tìm ra Đắk Lắk.";
    FilterSection "filter_section" "Section" "Mục";
    FilterKind "filter_kind" "Kind" "Loại bài";
    FilterProvince "filter_province" "Province" "Tỉnh, thành";
    FilterAll "filter_all" "All" "Tất cả";
    Draft "draft" "Draft" "Nháp";
    Scheduled "scheduled" "Scheduled" "Hẹn giờ";
    SectionPage "section_page" "Section page" "Trang mục";
    Shown "shown" "{shown} of {total} articles found are listed." "Đang hiện {shown} trên {total} bài tìm thấy.";
    NoneFound "none_found" "No article matches." "Không có bài nào khớp.";
    Loading "loading" "Loading…" "Đang tải…";
    LoadFailed "load_failed" "Could not load: {message}" "Không tải được: {message}";
    NoServer "no_server" "loa serve does not answer: is it still running?" "loa serve không trả lời: lệnh còn đang chạy không?";
    NewHelp "new_help" "loa makes the file as `loa new` does: a draft dated today, which you then fill in." "loa tạo tệp như lệnh `loa new`: một bản nháp mang ngày hôm nay, rồi bạn điền tiếp.";
    Create "create" "Create" "Tạo bài";
    Creating "creating" "Creating…" "Đang tạo…";
    EditTitle "edit_title" "Edit: {title}" "Sửa bài: {title}";
    TabWrite "tab_write" "Write" "Soạn";
    TabPreview "tab_preview" "Preview" "Xem trước";
    Tabs "tabs" "Write or preview" "Soạn hoặc xem trước";
    Title "title" "Title" "Tiêu đề";
    Date "date" "Date" "Ngày đăng";
    DateHelp "date_help" "Day/month/year, for example 1/7/2024." "Ngày/tháng/năm, ví dụ 1/7/2024.";
    DatePick "date_pick" "Pick a date" "Chọn ngày";
    DateInvalid "date_invalid" "This is not a date: write day/month/year, for example 1/7/2024." "Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 1/7/2024.";
    Kind "kind" "Kind" "Loại bài";
    KindDefault "kind_default" "(news, the default)" "(tin, mặc định)";
    Province "province" "Province" "Tỉnh, thành";
    ProvinceHelp "province_help" "Type the name, with or without tone marks, then pick it from the list." "Gõ tên, có dấu hay không dấu, rồi chọn trong danh sách.";
    ProvinceNone "province_none" "No province has this name." "Không có tỉnh, thành nào tên như vậy.";
    Location "location" "Place" "Địa điểm";
    Tags "tags" "Tags" "Chủ đề";
    TagsHelp "tags_help" "Type a tag and press Enter; tags the site already has are suggested." "Gõ chủ đề rồi nhấn Enter; các chủ đề trang đã có sẽ được gợi ý.";
    TagRemove "tag_remove" "Remove the tag {tag}" "Bỏ chủ đề {tag}";
    Summary "summary" "Summary" "Tóm tắt";
    SummaryHelp "summary_help" "Left empty, the first paragraph is used." "Để trống thì dùng đoạn đầu của bài.";
    Figures "figures" "Figures" "Số liệu";
    FiguresHelp "figures_help" "The figures this article reports for its province; leave a box empty when it gives none. Write 2.199 or 2199, and 4,6 for four point six." "Các số liệu bài nêu cho tỉnh, thành của bài; ô nào bài không nêu thì để trống. Viết 2.199 hay 2199 đều được, 4,6 là bốn phẩy sáu.";
    Qualifier "qualifier" "How exact" "Mức chính xác";
    QualifierExact "qualifier_exact" "exactly" "đúng";
    AsOf "as_of" "Figures as of" "Số liệu tính đến ngày";
    AsOfHelp "as_of_help" "Left empty, the article's date." "Để trống thì lấy ngày đăng.";
    OriginName "origin_name" "First published by" "Nơi công bố đầu tiên";
    OriginUrl "origin_url" "Its address" "Địa chỉ nơi công bố";
    Campaign "campaign" "Campaign" "Phong trào";
    Motto "motto" "Motto" "Khẩu hiệu";
    Starts "starts" "Starts" "Bắt đầu";
    Ends "ends" "Ends" "Kết thúc";
    Image "image" "Lead photo" "Ảnh đầu bài";
    ImageFile "image_file" "Photo file" "Tệp ảnh";
    ImageAlt "image_alt" "What the photo shows" "Mô tả ảnh";
    ImageAltHelp "image_alt_help" "Required: read aloud to readers who cannot see the photo." "Bắt buộc: đọc lên cho người không xem được ảnh.";
    ImageAltRequired "image_alt_required" "Describe the photo before uploading it: readers who cannot see it hear only this." "Cần mô tả ảnh trước khi tải lên: người không xem được ảnh chỉ nghe thấy phần này.";
    ImageCaption "image_caption" "Caption" "Chú thích";
    ImageUpload "image_upload" "Upload the photo" "Tải ảnh lên";
    NeedFile "need_file" "Choose a file first." "Hãy chọn một tệp trước.";
    ImageCurrent "image_current" "Photo: {src}" "Ảnh: {src}";
    ImageRemove "image_remove" "Remove the photo" "Bỏ ảnh";
    Uploading "uploading" "Uploading…" "Đang tải lên…";
    Uploaded "uploaded" "Uploaded {src}." "Đã tải lên {src}.";
    DraftSwitch "draft_switch" "Draft: not published yet" "Bản nháp: chưa đăng";
    DraftHelp "draft_help" "A draft is saved but left out of the built site." "Bản nháp được lưu nhưng chưa đưa lên trang.";
    Slug "slug" "Address name" "Tên trong địa chỉ";
    SlugHelp "slug_help" "Lower-case letters without marks, digits and dashes; left empty, loa makes it from the title: {slug}" "Chữ thường không dấu, chữ số và dấu gạch ngang; để trống thì loa tạo từ tiêu đề: {slug}";
    Address "address" "Address: {url}" "Địa chỉ: {url}";
    Body "body" "Text" "Nội dung";
    BodyHelp "body_help" "Markdown: ## for a heading, **bold**, - for a list. The buttons above write it for you." "Viết bằng Markdown: ## cho đề mục, **chữ đậm**, - cho danh sách. Các nút phía trên viết giúp bạn.";
    Toolbar "toolbar" "Formatting" "Định dạng";
    ToolHeading "tool_heading" "Heading" "Đề mục";
    ToolBold "tool_bold" "Bold" "Đậm";
    ToolList "tool_list" "List" "Danh sách";
    ToolTable "tool_table" "Table" "Bảng";
    ToolLink "tool_link" "Link to an article" "Liên kết bài";
    ToolPhoto "tool_photo" "Photo" "Ảnh";
    ToolVideo "tool_video" "Video" "Video";
    ToolDocument "tool_document" "Document" "Tài liệu";
    HeadingText "heading_text" "Heading" "Đề mục";
    BoldText "bold_text" "bold text" "chữ đậm";
    ListItem "list_item" "item" "ý";
    TableColumn "table_column" "Column" "Cột";
    TableCell "table_cell" "…" "…";
    LinkTitle "link_title" "Link to another article" "Liên kết tới bài khác";
    LinkSearch "link_search" "Find the article" "Tìm bài";
    LinkText "link_text" "Words that link" "Chữ làm liên kết";
    LinkPick "link_pick" "Pick an article in the list." "Hãy chọn một bài trong danh sách.";
    PhotoTitle "photo_title" "Add a photo to the text" "Chèn ảnh vào bài";
    VideoTitle "video_title" "Add a YouTube video" "Chèn video YouTube";
    VideoId "video_id" "The video's address or code" "Địa chỉ hoặc mã video";
    VideoIdHelp "video_id_help" "For example https://www.youtube.com/watch?v=dQw4w9WgXcQ; nothing is requested from YouTube until a reader clicks." "Ví dụ https://www.youtube.com/watch?v=dQw4w9WgXcQ; trang không tải gì từ YouTube cho tới khi người đọc bấm xem.";
    VideoIdInvalid "video_id_invalid" "This is not a YouTube address or video code." "Đây không phải địa chỉ hay mã video YouTube.";
    DocumentTitle "document_title" "Add a document" "Chèn tài liệu";
    DocumentFile "document_file" "Document file (PDF, Word, Excel…)" "Tệp tài liệu (PDF, Word, Excel…)";
    Insert "insert" "Insert" "Chèn";
    Cancel "cancel" "Cancel" "Hủy";
    Save "save" "Save" "Lưu";
    SaveDraft "save_draft" "Save as a draft" "Lưu làm bản nháp";
    Saving "saving" "Saving…" "Đang lưu…";
    Saved "saved" "Saved at {time}." "Đã lưu lúc {time}.";
    SaveFailed "save_failed" "Not saved: {message}" "Chưa lưu được: {message}";
    SaveHasProblems "save_has_problems" "The article still has problems, so it cannot be published: fix what is marked, or save it as a draft." "Bài còn lỗi nên chưa đăng được: sửa các chỗ được đánh dấu, hoặc lưu làm bản nháp.";
    Problems "problems" "To fix" "Cần sửa";
    ProblemAt "problem_at" "line {line}, column {column}" "dòng {line}, cột {column}";
    Warning "warning" "Note" "Lưu ý";
    Unsaved "unsaved" "Unsaved changes." "Có thay đổi chưa lưu.";
    AllSaved "all_saved" "Everything is saved." "Mọi thay đổi đã được lưu.";
    LeaveConfirm "leave_confirm" "This article has unsaved changes. Leave and lose them?" "Bài có thay đổi chưa lưu. Rời trang và bỏ các thay đổi đó?";
    ConflictTitle "conflict_title" "The file was changed elsewhere" "Tệp đã được sửa ở nơi khác";
    ConflictText "conflict_text" "While you were writing, the file on disk changed (another editor, perhaps). Nothing was overwritten. Compare the two, then choose." "Trong lúc bạn soạn, tệp trên đĩa đã thay đổi (có thể do một trình soạn thảo khác). Chưa có gì bị ghi đè. Hãy so sánh hai bản rồi chọn.";
    ConflictMine "conflict_mine" "Your text" "Bản của bạn";
    ConflictDisk "conflict_disk" "The file on disk" "Bản trên đĩa";
    ConflictOverwrite "conflict_overwrite" "Replace the file with mine" "Ghi đè bằng bản của tôi";
    ConflictReload "conflict_reload" "Drop mine, open the file on disk" "Bỏ bản của tôi, mở bản trên đĩa";
    ConflictLater "conflict_later" "Keep editing" "Tiếp tục soạn";
    Restore "restore" "The browser kept text you had not saved ({time}). Bring it back?" "Trình duyệt còn giữ phần bạn soạn chưa lưu ({time}). Khôi phục lại?";
    RestoreYes "restore_yes" "Bring it back" "Khôi phục";
    RestoreNo "restore_no" "Discard it" "Bỏ đi";
    PreviewTitle "preview_title" "Preview of the article" "Xem trước bài";
    PreviewFailed "preview_failed" "No preview: {message}" "Chưa xem trước được: {message}";
    Shortcuts "shortcuts" "Ctrl+S saves." "Ctrl+S để lưu.";
}

pub(super) fn text(msg: &Msg, lang: Lang) -> Cow<'static, str> {
    match msg {
        Msg::Editor(label) => label.text(lang),
        _ => elsewhere(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_its_own_key_and_two_languages() {
        let mut keys: Vec<&str> = Label::ALL.iter().map(|label| label.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Label::ALL.len(), "two labels share a key");
        for label in Label::ALL {
            assert!(
                !label.text(En).is_empty() && !label.text(Vi).is_empty(),
                "{label:?}"
            );
        }
    }
}
