//! Every sentence an officer reads, in English and in Vietnamese, in one catalogue: the
//! errors and their fixes, the build summary, what `init` and `new` say.
//!
//! A message is a value (`Msg`) that becomes text in a language. The language is chosen
//! once per process by the command line (`--lang`, else `LANG`) with [`set_language`];
//! `Msg`'s `Display` uses it, so that code deep in the pipeline builds its messages
//! without a language passed through every function. English is the default.
//! Owns no I/O; never prints.
//!
//! Not translated: the YAML reader's own words (shown only as a note under a slip loa
//! has no name for) and the operating system's I/O errors; loa's message around them is.
//! clap's help and usage errors are made from this catalogue by the binary.
//!
//! This file holds the list of messages; their text lives in one file an area
//! (`scaffold`, `photos`, `build`, `files`, `content`, `site`, `output`, `editor`), named after
//! the headings of [`Msg`], with each message's English beside its Vietnamese.
//! [`Msg::text`] asks `Msg::area` where a message belongs and calls that one function.
//! The split keeps what the compiler checked when all of this was one match: `area`
//! names every message with no catch-all, so a new message without an area does not
//! compile, and every message matches the language with no catch-all, so a message
//! without its Vietnamese does not compile. Areas tried in turn, each answering `None`
//! for what is not theirs, were not chosen: every area would need a catch-all, and a
//! forgotten message would fall through them all. The one thing left to run time is
//! `area` sending a message to an area that lacks it, which fails any debug build
//! that shows the message and shows its name in a release build (`elsewhere`).
//!
//! Every text is written `Cow::Borrowed("…")` or `Cow::Owned(format!(…))`: rustfmt
//! leaves a whole match unformatted when a literal too long for its line is followed by
//! `.into()`, and one form everywhere spares choosing by a text's length.

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::progress::Step;
pub use editor::Label;

mod build;
mod commands;
mod content;
mod edit;
mod editor;
mod files;
mod output;
mod photos;
mod publish;
mod scaffold;
mod site;

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
    // ---- init and new: scaffold.rs ----
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

    // ---- photos: photos.rs ----
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
    ImageTooLarge {
        src: String,
        width: u32,
        height: u32,
    },
    ImageTooLargeHelp {
        megapixels: u64,
        side: u32,
    },
    ImageCacheFailed {
        path: String,
        error: String,
    },
    PhotoNameTooLong {
        src: String,
        copy: String,
        bytes: usize,
        max: usize,
    },
    PhotoNameTooLongHelp,

    // ---- the build: build.rs ----
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
    WarningsFound {
        count: usize,
    },
    LabelError,
    LabelWarning,
    LabelHelp,
    LabelNote,
    CausedBy,
    /// A step of the build, for `--verbose` and the progress bar.
    Step {
        step: Step,
    },

    // ---- reading files: files.rs ----
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
    NameControlChar {
        name: String,
    },
    NameControlCharHelp {
        example: String,
    },
    /// Two names under one folder that are one once NFC; `form` and `other` are `NFC`,
    /// `NFD` or `mixed`.
    TwinNames {
        name: String,
        folder: bool,
        form: &'static str,
        other: &'static str,
    },
    TwinOther {
        path: String,
        folder: bool,
    },
    TwinNamesHelp {
        folder: bool,
    },

    // ---- front matter and site.yaml: content.rs ----
    // any key or value
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
    YamlTab,
    YamlTabHelp,
    /// A line indented under `key: value`, read as the rest of that value.
    YamlIndentDeeper {
        key: String,
    },
    YamlIndent,
    YamlIndentHelp {
        spaces: usize,
    },
    YamlListItemOutside,
    YamlListItemOutsideHelp,
    YamlBracketNotClosed {
        bracket: char,
    },
    YamlBracketNotClosedHelp {
        close: char,
    },
    YamlSyntax,
    YamlSyntaxHelp,
    YamlReaderSaid {
        text: String,
    },
    NumberTooLarge {
        value: String,
    },
    NumberTooLargeHelp,
    /// A key missing from a mapping written inline, and the line with it added.
    AddInsideBraces {
        example: String,
    },
    // an article's front matter
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
    SlugTooLong {
        slug: String,
        bytes: usize,
        max: usize,
    },
    ShorterSlug {
        example: String,
    },
    AliasNotSitePath {
        alias: String,
    },
    AliasPartTooLong {
        part: String,
        alias: String,
        bytes: usize,
        max: usize,
    },
    AliasPartTooLongHelp,
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
    YearTooEarly {
        date: String,
        year: i32,
    },
    YearTooEarlyHelp,
    UpdatedBeforeDate {
        updated: String,
        date: String,
    },
    UpdatedBeforeDateHelp,
    CampaignEndsBeforeStarts {
        ends: String,
        starts: String,
    },
    CampaignEndsBeforeStartsHelp,
    // its figures
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
    QualifierUnknown {
        word: String,
    },
    QualifiersAre {
        list: String,
    },
    FigureTooManyDecimals {
        metric: String,
        written: String,
        decimals: u32,
    },
    FigureTooManyDecimalsHelp {
        file: String,
    },
    AsOfInFuture {
        as_of: String,
        today: String,
    },
    AsOfInFutureHelp,
    /// Figures as of a day after the unit they name was merged into `current` (of
    /// `kind`, formed from `absorbed`).
    UnitMerged {
        province: String,
        as_of: String,
        current: String,
        kind: String,
        absorbed: Vec<String>,
    },
    UnitMergedHelp {
        province: String,
        current: String,
    },
    // site.yaml's settings
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
    PaginateHelp,
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

    // ---- the site as a whole: site.rs ----
    TwoFilesOnePage {
        url: String,
    },
    TheOtherOne {
        path: String,
    },
    TwoFilesHelp,
    YearArchiveTaken {
        url: String,
        year: i32,
    },
    YearArchiveHelp {
        slug: String,
    },
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
    /// A relative link, and the site path it reaches from its page.
    LinkMissingRelative {
        path: String,
        url: String,
    },
    LinkMissingRelativeHelp,
    SamePageNoAnchor {
        anchor: String,
    },
    /// A link or image whose address could run code, or of a scheme loa does not know.
    UrlRefused {
        scheme: String,
        image: bool,
    },
    UrlRefusedHelp {
        image: bool,
    },
    UrlRunsCode,
    FigureConflict {
        metric: String,
        province: String,
        as_of: String,
        here: String,
        there: String,
        first: String,
    },
    FigureConflictNote {
        place: String,
        metric: String,
        value: String,
        province: String,
        as_of: String,
    },
    FigureConflictHelp,
    /// A sentence of an article's body that gives another figure than its `stats`.
    ProseDisagrees {
        metric: String,
        prose: String,
        figure: String,
    },
    ProseDisagreesNote {
        place: String,
        metric: String,
        figure: String,
    },
    ProseDisagreesHelp,
    TagWithoutMarks {
        tag: String,
    },
    TagWithoutMarksHelp {
        tag: String,
    },

    // ---- the output folder: output.rs ----
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
    RefuseBusy {
        path: String,
    },
    CannotWriteOutput {
        path: String,
    },
    OutputNameTooLong {
        path: String,
        bytes: usize,
        max: usize,
    },
    OutputNameControl {
        path: String,
    },
    OutputNameHelp,
    CannotTidyUp {
        path: String,
    },
    Interrupted,

    // ---- schedule, shortcodes, look: publish.rs ----
    ScheduledWaiting {
        count: usize,
        /// `YYYY-MM-DD`.
        next: String,
    },
    LinkToScheduled {
        path: String,
    },
    LinkToScheduledHelp,
    PlaceholderLeft {
        text: String,
    },
    PlaceholderLeftHelp,
    LogoNoAlt,
    LogoNoAltHelp,
    LogoNotStatic {
        src: String,
    },
    LogoNotStaticHelp,
    LogoMissing {
        src: String,
    },
    ColorInvalid {
        name: String,
        value: String,
    },
    ColorInvalidHelp,
    ColorContrast {
        name: String,
        value: String,
        ratio: String,
        background: String,
    },
    ColorContrastHelp,
    ThemeFileReplaced {
        path: String,
    },
    ThemeFileReplacedHelp,
    ShortcodeUnreadable {
        written: String,
    },
    ShortcodeUnreadableHelp,
    ShortcodeInline {
        written: String,
    },
    ShortcodeInlineHelp,
    ShortcodeUnknown {
        name: String,
    },
    ShortcodeKnown {
        list: String,
    },
    ShortcodeMissingArg {
        name: String,
        arg: String,
    },
    ShortcodeBadArg {
        name: String,
        arg: String,
        value: String,
    },
    ShortcodeExample {
        example: String,
    },
    ShortcodeFailed {
        name: String,
        error: String,
    },
    DocumentMissing {
        src: String,
    },
    DocumentMissingHelp,
    FiguresNone {
        province: String,
    },
    FiguresNoneHelp,
    RawHtmlRemoved {
        what: String,
    },
    RawHtmlUseShortcode {
        instead: String,
    },
    RawHtmlNoScripts,
    // ---- the command line and the preview server: commands.rs ----
    ServeServing {
        url: String,
    },
    ServeExposed {
        address: String,
    },
    ServeBuilt {
        generation: u64,
        pages: usize,
        ms: u128,
        changes: usize,
    },
    ServeWatchFailed {
        message: String,
    },
    ServeStopped,
    CtrlCNotHandled {
        error: String,
    },
    BrowserNotOpened {
        opener: String,
        error: String,
    },
    OverlayTitle,
    OverlayText,
    HttpNotFound,
    HttpForbidden,
    HttpBadRequest,
    HttpMethodNotAllowed,
    HttpHeadTooLarge,
    HttpTooManyPages,
    HttpStopping,
    HttpTooSlow,
    HttpNoAnswer,
    ExternalSummary {
        checked: usize,
        total: usize,
    },
    LangUnknown {
        list: String,
    },
    CliAbout,
    /// The help line of a command or option, by its name.
    CliHelp {
        arg: String,
    },
    /// `usage`, `commands`, `arguments` or `options`.
    CliHeading {
        heading: String,
    },
    CliUnknownArgument {
        arg: String,
    },
    CliUnknownCommand {
        command: String,
    },
    CliMissing {
        what: String,
    },
    CliNoCommand,
    CliInvalidValue {
        arg: String,
        value: String,
    },
    CliConflict {
        arg: String,
        other: String,
    },
    CliOther,
    CliSeeHelp,

    // ---- the editing pages: editor.rs ----
    Editor(Label),

    // ---- the editor's server side: edit.rs ----
    ServeEditing {
        url: String,
    },
    EditThisArticle,
    EditWrongHost,
    EditNoToken,
    EditWrongOrigin,
    EditNotAnArticle {
        path: String,
    },
    EditBadRequest {
        error: String,
    },
    EditLengthRequired,
    EditTooLarge {
        limit: String,
    },
    EditNotBuilt,
    EditConflict,
    EditHasProblems,
    EditCannotWrite {
        error: String,
    },
    EditExists {
        path: String,
    },
    EditNoSection {
        section: String,
    },
    EditOutside {
        path: String,
    },
    EditUploadKind {
        name: String,
    },
}

/// The areas of the catalogue, one text function each: in the file of the same name,
/// but for the four of front matter and site.yaml, which share `content.rs`.
enum Area {
    Scaffold,
    Photos,
    Build,
    Files,
    Keys,
    FrontMatter,
    Figures,
    SiteYaml,
    Site,
    Output,
    Publish,
    Commands,
    Editor,
    Edit,
}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        match self.area() {
            Area::Scaffold => scaffold::text(self, lang),
            Area::Photos => photos::text(self, lang),
            Area::Build => build::text(self, lang),
            Area::Files => files::text(self, lang),
            Area::Keys => content::keys(self, lang),
            Area::FrontMatter => content::front_matter(self, lang),
            Area::Figures => content::figures(self, lang),
            Area::SiteYaml => content::site_yaml(self, lang),
            Area::Site => site::text(self, lang),
            Area::Output => output::text(self, lang),
            Area::Publish => publish::text(self, lang),
            Area::Commands => commands::text(self, lang),
            Area::Editor => editor::text(self, lang),
            Area::Edit => edit::text(self, lang),
        }
    }

    /// Where the message's text is. No catch-all, so that a new message does not compile
    /// until it has an area.
    fn area(&self) -> Area {
        match self {
            Self::InitNotEmpty { .. }
            | Self::InitNotEmptyHelp
            | Self::InitNotAFolder { .. }
            | Self::InitDone { .. }
            | Self::InitNext { .. }
            | Self::NoSiteHere { .. }
            | Self::NoSiteHereHelp
            | Self::NewBadSection { .. }
            | Self::NewBadSectionHelp
            | Self::NewSectionIsStats { .. }
            | Self::NewSectionIsStatsHelp
            | Self::NewEmptyTitle
            | Self::NewEmptyTitleHelp
            | Self::NewExists { .. }
            | Self::NewExistsHelp
            | Self::NewDone { .. }
            | Self::NewSectionDone { .. }
            | Self::NewNext
            | Self::Writing { .. } => Area::Scaffold,
            Self::ImageNoAlt { .. }
            | Self::ImageNoAltHelp { .. }
            | Self::ImageMissing { .. }
            | Self::ImageMissingHelpEmpty { .. }
            | Self::ImageMissingHelpBeside { .. }
            | Self::ImageMissingHelpNotBundle { .. }
            | Self::ImageMissingHelpPage
            | Self::ImageUnreadable { .. }
            | Self::ImageUnreadableHelp
            | Self::ImageTooLarge { .. }
            | Self::ImageTooLargeHelp { .. }
            | Self::ImageCacheFailed { .. }
            | Self::PhotoNameTooLong { .. }
            | Self::PhotoNameTooLongHelp => Area::Photos,
            Self::Built { .. }
            | Self::Checked { .. }
            | Self::Photos { .. }
            | Self::ExternalChecked { .. }
            | Self::ExternalBroken { .. }
            | Self::ExternalBrokenHelp
            | Self::ProblemsFound { .. }
            | Self::WarningsFound { .. }
            | Self::LabelError
            | Self::LabelWarning
            | Self::LabelHelp
            | Self::LabelNote
            | Self::CausedBy
            | Self::Step { .. } => Area::Build,
            Self::CannotRead { .. }
            | Self::FileCannotRead { .. }
            | Self::FolderCannotRead { .. }
            | Self::SiteYamlNotUtf8
            | Self::FileNotUtf8
            | Self::FileNotUtf8At { .. }
            | Self::SaveAsUtf8Help
            | Self::EditorSaveAsUtf8Help
            | Self::ProvincesFileHelp
            | Self::Misplaced
            | Self::MisplacedHelp
            | Self::EmptyFile
            | Self::EmptyFileHelp
            | Self::NoFrontMatter
            | Self::NoFrontMatterHelp
            | Self::Unclosed
            | Self::UnclosedHelp
            | Self::NameControlChar { .. }
            | Self::NameControlCharHelp { .. }
            | Self::TwinNames { .. }
            | Self::TwinOther { .. }
            | Self::TwinNamesHelp { .. } => Area::Files,
            Self::UnknownKey { .. }
            | Self::UnknownValue { .. }
            | Self::DidYouMean { .. }
            | Self::AllowedHere { .. }
            | Self::HasNoKey { .. }
            | Self::AddALine { .. }
            | Self::MustBe { .. }
            | Self::QuoteNotClosed
            | Self::KeyTwice { .. }
            | Self::KeyTwiceHelp { .. }
            | Self::ColonInValue
            | Self::ColonInValueHelp
            | Self::QuoteNotClosedHelp
            | Self::YamlTab
            | Self::YamlTabHelp
            | Self::YamlIndentDeeper { .. }
            | Self::YamlIndent
            | Self::YamlIndentHelp { .. }
            | Self::YamlListItemOutside
            | Self::YamlListItemOutsideHelp
            | Self::YamlBracketNotClosed { .. }
            | Self::YamlBracketNotClosedHelp { .. }
            | Self::YamlSyntax
            | Self::YamlSyntaxHelp
            | Self::YamlReaderSaid { .. }
            | Self::NumberTooLarge { .. }
            | Self::NumberTooLargeHelp
            | Self::AddInsideBraces { .. } => Area::Keys,
            Self::TitleEmpty
            | Self::NeedsDate
            | Self::NeedsDateHelp
            | Self::SlugLeaves { .. }
            | Self::SlugChars { .. }
            | Self::SuchAs { .. }
            | Self::SlugTooLong { .. }
            | Self::ShorterSlug { .. }
            | Self::AliasNotSitePath { .. }
            | Self::AliasPartTooLong { .. }
            | Self::AliasPartTooLongHelp
            | Self::ProvinceUnknown { .. }
            | Self::FiguresNeedProvince
            | Self::FiguresNeedProvinceHelp
            | Self::MetricNotDeclared { .. }
            | Self::DeclareMetricHelp { .. }
            | Self::MetricsAre { .. }
            | Self::FrontImageAltEmpty
            | Self::FrontImageAltEmptyHelp
            | Self::InvalidDate { .. }
            | Self::DateWriteAs { .. }
            | Self::DateFormatHelp
            | Self::YearTooEarly { .. }
            | Self::YearTooEarlyHelp
            | Self::UpdatedBeforeDate { .. }
            | Self::UpdatedBeforeDateHelp
            | Self::CampaignEndsBeforeStarts { .. }
            | Self::CampaignEndsBeforeStartsHelp => Area::FrontMatter,
            Self::FigureNegative { .. }
            | Self::FigureNegativeHelp { .. }
            | Self::FigureNotNumber { .. }
            | Self::FigureWriteWithout { .. }
            | Self::FigureWriteWhole
            | Self::FigureNotWhole { .. }
            | Self::FigureDotHelp { .. }
            | Self::FigureCountsHelp
            | Self::QualifierUnknown { .. }
            | Self::QualifiersAre { .. }
            | Self::FigureTooManyDecimals { .. }
            | Self::FigureTooManyDecimalsHelp { .. }
            | Self::AsOfInFuture { .. }
            | Self::AsOfInFutureHelp
            | Self::UnitMerged { .. }
            | Self::UnitMergedHelp { .. } => Area::Figures,
            Self::BaseUrlNotFull { .. }
            | Self::BaseUrlHelp
            | Self::UnknownDateFormat { .. }
            | Self::UseOneOf { .. }
            | Self::PaginateAtLeastOne
            | Self::PaginateHelp
            | Self::UnknownTaxonomy { .. }
            | Self::LoaKnows { .. }
            | Self::TaxonomyPath { .. }
            | Self::StatsPath { .. } => Area::SiteYaml,
            Self::TwoFilesOnePage { .. }
            | Self::TheOtherOne { .. }
            | Self::TwoFilesHelp
            | Self::YearArchiveTaken { .. }
            | Self::YearArchiveHelp { .. }
            | Self::MenuEntryBroken { .. }
            | Self::MenuEntryHelp
            | Self::LinkMissingFile { .. }
            | Self::LinkMissingFileHelp
            | Self::LinkToDraft { .. }
            | Self::LinkToDraftHelp
            | Self::NoAnchor { .. }
            | Self::LinkMissingPage { .. }
            | Self::LinkMissingPageHelp
            | Self::LinkMissingRelative { .. }
            | Self::LinkMissingRelativeHelp
            | Self::SamePageNoAnchor { .. }
            | Self::UrlRefused { .. }
            | Self::UrlRefusedHelp { .. }
            | Self::UrlRunsCode
            | Self::FigureConflict { .. }
            | Self::FigureConflictNote { .. }
            | Self::FigureConflictHelp
            | Self::ProseDisagrees { .. }
            | Self::ProseDisagreesNote { .. }
            | Self::ProseDisagreesHelp
            | Self::TagWithoutMarks { .. }
            | Self::TagWithoutMarksHelp { .. } => Area::Site,
            Self::RefuseContainsSite { .. }
            | Self::RefuseInsideContent { .. }
            | Self::RefuseFile { .. }
            | Self::RefuseForeign { .. }
            | Self::RefuseBusy { .. }
            | Self::CannotWriteOutput { .. }
            | Self::OutputNameTooLong { .. }
            | Self::OutputNameControl { .. }
            | Self::OutputNameHelp
            | Self::CannotTidyUp { .. }
            | Self::Interrupted => Area::Output,
            Self::ScheduledWaiting { .. }
            | Self::LinkToScheduled { .. }
            | Self::LinkToScheduledHelp
            | Self::PlaceholderLeft { .. }
            | Self::PlaceholderLeftHelp
            | Self::LogoNoAlt
            | Self::LogoNoAltHelp
            | Self::LogoNotStatic { .. }
            | Self::LogoNotStaticHelp
            | Self::LogoMissing { .. }
            | Self::ColorInvalid { .. }
            | Self::ColorInvalidHelp
            | Self::ColorContrast { .. }
            | Self::ColorContrastHelp
            | Self::ThemeFileReplaced { .. }
            | Self::ThemeFileReplacedHelp
            | Self::ShortcodeUnreadable { .. }
            | Self::ShortcodeUnreadableHelp
            | Self::ShortcodeInline { .. }
            | Self::ShortcodeInlineHelp
            | Self::ShortcodeUnknown { .. }
            | Self::ShortcodeKnown { .. }
            | Self::ShortcodeMissingArg { .. }
            | Self::ShortcodeBadArg { .. }
            | Self::ShortcodeExample { .. }
            | Self::ShortcodeFailed { .. }
            | Self::DocumentMissing { .. }
            | Self::DocumentMissingHelp
            | Self::FiguresNone { .. }
            | Self::FiguresNoneHelp
            | Self::RawHtmlRemoved { .. }
            | Self::RawHtmlUseShortcode { .. }
            | Self::RawHtmlNoScripts => Area::Publish,
            Self::ServeServing { .. }
            | Self::ServeExposed { .. }
            | Self::ServeBuilt { .. }
            | Self::ServeWatchFailed { .. }
            | Self::ServeStopped
            | Self::CtrlCNotHandled { .. }
            | Self::BrowserNotOpened { .. }
            | Self::OverlayTitle
            | Self::OverlayText
            | Self::HttpNotFound
            | Self::HttpForbidden
            | Self::HttpBadRequest
            | Self::HttpMethodNotAllowed
            | Self::HttpHeadTooLarge
            | Self::HttpTooManyPages
            | Self::HttpStopping
            | Self::HttpTooSlow
            | Self::HttpNoAnswer
            | Self::ExternalSummary { .. }
            | Self::LangUnknown { .. }
            | Self::CliAbout
            | Self::CliHelp { .. }
            | Self::CliHeading { .. }
            | Self::CliUnknownArgument { .. }
            | Self::CliUnknownCommand { .. }
            | Self::CliMissing { .. }
            | Self::CliNoCommand
            | Self::CliInvalidValue { .. }
            | Self::CliConflict { .. }
            | Self::CliOther
            | Self::CliSeeHelp => Area::Commands,
            Self::Editor(_) => Area::Editor,
            Self::ServeEditing { .. }
            | Self::EditThisArticle
            | Self::EditWrongHost
            | Self::EditNoToken
            | Self::EditWrongOrigin
            | Self::EditNotAnArticle { .. }
            | Self::EditBadRequest { .. }
            | Self::EditLengthRequired
            | Self::EditTooLarge { .. }
            | Self::EditNotBuilt
            | Self::EditConflict
            | Self::EditHasProblems
            | Self::EditCannotWrite { .. }
            | Self::EditExists { .. }
            | Self::EditNoSection { .. }
            | Self::EditOutside { .. }
            | Self::EditUploadKind { .. } => Area::Edit,
        }
    }
}

/// Where an area's function ends up when `Msg::area` sent it a message it does not
/// have: a bug in this module, which fails every test that shows the message and, in a
/// release build, shows the message's name and fields rather than stop the build.
fn elsewhere(msg: &Msg) -> Cow<'static, str> {
    debug_assert!(
        false,
        "Msg::area sends {msg:?} to an area that has no text for it"
    );
    Cow::Owned(format!("{msg:?}"))
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(language()))
    }
}

#[cfg(test)]
mod tests;
