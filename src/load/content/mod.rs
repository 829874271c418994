//! The site's content: walking `content/`, reading each file into a typed article or
//! section, and the checks on one file at a time (required fields, dates, figures,
//! provinces, slugs).
//!
//! Reads files but never writes; knows nothing of templates or of the output folder.
//! Every problem becomes a diagnostic; a file with problems is left out of the model
//! and the build stops before writing anything.

mod checks;
pub mod figure;
pub mod front;
mod prose;

pub use checks::PLACEHOLDERS;
use checks::{check_article, check_placeholders};

use crate::markdown::{self, ImageRef};
use crate::packed::Packed;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, relative};
use crate::i18n::Msg;
use crate::load::config::{Config, locate_key, yaml_diagnostic};
use crate::load::names;
use crate::load::yaml::{self, SplitError};
use crate::provinces::Registry;
use crate::vi;
use front::{ArticleFront, SectionFront};

pub const CONTENT_DIR: &str = "content";
const INDEX_FILE: &str = "_index.md";
const BUNDLE_FILE: &str = "index.md";

/// A Markdown file after reading, normalised to NFC without a byte-order mark: its front
/// matter as text, its body compressed.
#[derive(Debug, Clone)]
pub struct Source {
    /// Relative to the site root, as shown in messages: `content/tin-tuc/a.md`.
    pub path: PathBuf,
    /// Relative to `content/` with forward slashes, as written in `@/` links.
    pub content_path: String,
    /// The file's text up to its body: the front matter with its fences.
    pub front: String,
    /// The Markdown body. Kept compressed: a build holds every article's text until its
    /// HTML is made (on 100,000 articles, 670 MB as plain text).
    body: Packed,
    /// The images the body shows, found while its text is at hand.
    pub images: Vec<ImageRef>,
}

impl Source {
    /// The source of the file at `path` whose text is `text`, its body starting at
    /// `body_offset`.
    pub fn new(path: PathBuf, content_path: String, text: &str, body_offset: usize) -> Self {
        Self {
            path,
            content_path,
            front: text[..body_offset].to_string(),
            body: Packed::new(&text[body_offset..]),
            images: markdown::image_refs(&text[body_offset..]),
        }
    }

    pub fn body(&self) -> String {
        self.body.text()
    }

    /// The body as it is kept: equal bodies give equal bytes, so comparing two costs no
    /// decompression.
    pub fn packed_body(&self) -> &Packed {
        &self.body
    }

    /// Where the body starts in the file's text.
    pub fn body_offset(&self) -> usize {
        self.front.len()
    }

    /// The whole text of the file, for messages that quote a line of its body.
    pub fn text(&self) -> String {
        self.front.clone() + &self.body()
    }

    /// Drops the body, once nothing will read it again.
    pub fn forget_body(&mut self) {
        self.body = Packed::default();
    }

    pub fn path_string(&self) -> String {
        self.path_text().into_owned()
    }

    /// [`Source::path_string`], borrowed when the path has nothing to change.
    pub fn path_text(&self) -> std::borrow::Cow<'_, str> {
        let path = self.path.to_string_lossy();
        if path.contains('\\') {
            path.replace('\\', "/").into()
        } else {
            path
        }
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    pub source: Source,
    pub front: ArticleFront,
    /// Section folder name; `None` for a stand-alone page such as `content/gioi-thieu.md`.
    pub section: Option<String>,
    pub slug: String,
    /// Site path: `/le-ra-mat/le-ra-mat-dak-lak/`.
    pub url: String,
    /// For `slug/index.md`: the other files of the folder, copied beside the page, with
    /// their paths inside the folder (forward slashes).
    pub bundle_files: Vec<(PathBuf, String)>,
}

#[derive(Debug, Clone)]
pub struct SectionIndex {
    pub source: Source,
    pub front: SectionFront,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// The folder name under `content/`.
    pub dir: String,
    pub url: String,
    pub index: Option<SectionIndex>,
}

/// A file under `content/` that is not Markdown, copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Relative to `content/` with forward slashes, as written in `@/` links.
    pub content_path: String,
    /// Output path relative to the output folder, with forward slashes.
    pub output: String,
}

#[derive(Debug, Default)]
pub struct Content {
    pub home: Option<SectionIndex>,
    pub sections: Vec<Section>,
    pub articles: Vec<Article>,
    pub assets: Vec<Asset>,
    /// Markdown files that exist but have no page in this build, by content path, so
    /// that a link to one is reported for what it is rather than as a missing file.
    pub left_out: HashMap<String, LeftOut>,
    /// The dates of the articles left out for being dated after the build's day.
    pub scheduled: Vec<NaiveDate>,
    /// The size in bytes of every document (PDF, DOCX, …) under `content/`, by path,
    /// for the `document` shortcode.
    pub document_sizes: HashMap<PathBuf, u64>,
}

/// The extensions of the files the `document` shortcode shows with their size.
const DOCUMENTS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "zip", "rar",
];

/// Whether `path` is a document the `document` shortcode shows, by its extension.
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENTS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Why a Markdown file under `content/` has no page in this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// It could not be read or checked; its own problem is reported.
    Broken,
    /// `draft: true`, and the build leaves drafts out.
    Draft,
    /// Dated after the build's day, and the build leaves such articles out until then.
    Scheduled,
}

/// Which articles a build takes beyond those published today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Include {
    /// `draft: true` articles (`--drafts`).
    pub drafts: bool,
    /// Articles dated after the build's day (`--future`; the preview server).
    pub future: bool,
}

/// What kind of file a path under `content/` is, from its place alone.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Home,
    SectionIndex { section: String },
    Page,
    Article { section: String },
    Bundle { section: String, dir: PathBuf },
    BundleFile { bundle: PathBuf },
    Asset,
    Misplaced,
}

fn classify(relative: &Path, is_bundle: impl Fn(&Path) -> bool) -> Entry {
    let parts: Vec<&str> = relative
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let is_markdown = relative.extension().is_some_and(|e| e == "md");
    match (parts.as_slice(), is_markdown) {
        ([INDEX_FILE], _) => Entry::Home,
        ([_], true) => Entry::Page,
        ([section, INDEX_FILE], _) => Entry::SectionIndex {
            section: section.to_string(),
        },
        ([section, _], true) => Entry::Article {
            section: section.to_string(),
        },
        ([section, dir, BUNDLE_FILE], _) => Entry::Bundle {
            section: section.to_string(),
            dir: Path::new(section).join(dir),
        },
        ([section, dir, ..], false) if is_bundle(&Path::new(section).join(dir)) => {
            Entry::BundleFile {
                bundle: Path::new(section).join(dir),
            }
        }
        (_, true) => Entry::Misplaced,
        (_, false) => Entry::Asset,
    }
}

/// Editor back-ups, swap files and hidden files are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

/// Markdown files already read and checked, kept between two loads so that a rebuild
/// parses only the files that changed.
///
/// An entry is reused only while its file keeps the same size and modification time and
/// nobody called [`Cache::forget`] on it. What a file parses to also depends on site.yaml,
/// the province registry and the day of the build: make a new cache when those change.
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, CachedFile>,
}

struct CachedFile {
    /// Size and modification time when the file was listed, before it was read.
    stamp: Option<(u64, SystemTime)>,
    parsed: Result<Parsed, Diagnostics>,
}

impl Cache {
    /// Forgets what `path` (absolute, or as the walk under the root sees it) parsed to.
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

fn stamp(file: &Path) -> Option<(u64, SystemTime)> {
    let metadata = std::fs::symlink_metadata(file).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

/// What each file is checked against: the site's settings, the province registry, and
/// the day of the build, after which no figure can have been counted.
#[derive(Debug, Clone, Copy)]
pub struct Checks<'a> {
    pub config: &'a Config,
    pub registry: &'a Registry,
    pub today: NaiveDate,
    /// A file read from this text rather than from the disk: the editor's preview.
    pub overlay: Option<&'a Overlay>,
}

/// The text a Markdown file would hold once saved, read in its place, and taken even
/// when it is a draft: what the editor previews and checks before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlay {
    /// Relative to the site root: `content/tin-tuc/a.md`.
    pub path: PathBuf,
    pub text: String,
}

impl Overlay {
    fn covers(overlay: Option<&Overlay>, root: &Path, file: &Path) -> bool {
        overlay.is_some_and(|o| root.join(&o.path) == file)
    }
}

/// No date before this year is taken: `0000-01-01` or `0202-07-01` is a typo.
pub const EARLIEST_YEAR: i32 = 1900;

/// Reads `content/` under `root`. Drafts and articles dated after `checks.today` are
/// left out unless `include` takes them. The diagnostics may hold warnings beside errors.
pub fn load(root: &Path, checks: Checks, include: Include) -> (Content, Diagnostics) {
    load_inner(root, checks, include, None)
}

/// [`load`], reusing from `cache` every Markdown file that has not changed since it was
/// parsed, and leaving in `cache` what this load parsed.
pub fn load_cached(
    root: &Path,
    checks: Checks,
    include: Include,
    cache: &mut Cache,
) -> (Content, Diagnostics) {
    load_inner(root, checks, include, Some(cache))
}

/// Puts `files` in the order of a walk that visits each folder's entries by name, the
/// order every build must meet them in. Sorting the list once, in parallel, is quicker
/// than having the walk sort each folder: at 100,000 articles walkdir's sort compared
/// paths component by component for a third of a second on one core.
fn sort_as_walked(files: &mut Vec<PathBuf>) {
    // With each separator read as the lowest byte, comparing whole paths byte by byte
    // compares their components in turn, as the walk does. No name holds a NUL.
    let key = |file: &Path| -> Vec<u8> {
        let bytes = file.as_os_str().as_encoded_bytes();
        bytes
            .iter()
            .map(|&b| {
                if std::path::is_separator(char::from(b)) {
                    0
                } else {
                    b
                }
            })
            .collect()
    };
    let mut keyed: Vec<(Vec<u8>, PathBuf)> = std::mem::take(files)
        .into_par_iter()
        .map(|file| (key(&file), file))
        .collect();
    keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    *files = keyed.into_iter().map(|(_, file)| file).collect();
}

/// A one-shot build passes no cache, so that no second copy of every file is kept.
fn load_inner(
    root: &Path,
    checks: Checks,
    include: Include,
    cache: Option<&mut Cache>,
) -> (Content, Diagnostics) {
    let content_dir = root.join(CONTENT_DIR);
    let mut problems = Diagnostics::default();
    let (mut files, dirs) = super::walk(root, &content_dir, false, &mut problems);

    let refused = names::check(root, &files, &dirs);
    if !refused.paths.is_empty() {
        files.retain(|file| !refused.covers(file));
    }
    problems.extend(refused.problems);

    sort_as_walked(&mut files);

    let bundle_dirs: HashSet<PathBuf> = files
        .iter()
        .filter_map(|f| f.strip_prefix(&content_dir).ok())
        .filter(|f| f.components().count() == 3 && f.ends_with(BUNDLE_FILE))
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    let is_bundle = |dir: &Path| bundle_dirs.contains(dir);

    let mut content = Content::default();
    let mut markdown = Vec::new();
    let mut bundle_files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in files {
        let Ok(in_content) = file.strip_prefix(&content_dir) else {
            continue;
        };
        let entry = classify(in_content, is_bundle);
        if is_document(&file)
            && let Ok(metadata) = std::fs::metadata(&file)
        {
            content.document_sizes.insert(file.clone(), metadata.len());
        }
        match entry {
            Entry::Asset => content.assets.push(Asset {
                output: asset_output(in_content),
                content_path: content_path(&content_dir, &file),
                source: file,
            }),
            Entry::BundleFile { bundle } => bundle_files.push((bundle, file)),
            Entry::Misplaced => problems.push(
                Diagnostic::new(relative(root, &file), Msg::Misplaced.to_string())
                    .help(Msg::MisplacedHelp.to_string()),
            ),
            entry => markdown.push((entry, file)),
        }
    }

    let read: Vec<(&PathBuf, Result<Parsed, Diagnostics>)> = match cache {
        None => markdown
            .par_iter()
            .with_max_len(crate::parallel::SHARE)
            .map(|(entry, file)| {
                let parsed = read_markdown(root, &content_dir, entry.clone(), file, checks);
                (file, parsed)
            })
            .collect(),
        Some(cache) => {
            // Files whose size or time changed, or that the cache never saw, are read
            // again. Only a cache compares stamps, so a one-shot build makes no stat call.
            let fresh: Vec<(PathBuf, CachedFile)> = markdown
                .par_iter()
                .with_max_len(crate::parallel::SHARE)
                .filter_map(|(entry, file)| {
                    // The overlay is kept without a stamp, so that the next load reads
                    // the file from the disk again.
                    let stamp = match Overlay::covers(checks.overlay, root, file) {
                        true => None,
                        false => stamp(file),
                    };
                    let unchanged =
                        stamp.is_some() && cache.files.get(file).is_some_and(|c| c.stamp == stamp);
                    if unchanged {
                        return None;
                    }
                    let parsed = read_markdown(root, &content_dir, entry.clone(), file, checks);
                    Some((file.clone(), CachedFile { stamp, parsed }))
                })
                .collect();
            cache.files.extend(fresh);
            let kept: std::collections::HashSet<&PathBuf> =
                markdown.iter().map(|(_, f)| f).collect();
            cache.files.retain(|file, _| kept.contains(file));
            // A copy of every parsed file, in parallel: on one thread, copying 100,000
            // held up every rebuild of the preview server.
            markdown
                .par_iter()
                .with_max_len(crate::parallel::SHARE)
                .filter_map(|(_, file)| cache.files.get(file).map(|c| (file, c.parsed.clone())))
                .collect()
        }
    };

    let mut sections: Vec<Section> = Vec::new();
    // Grown one article at a time, the list of 100,000 articles was copied and its new
    // memory faulted in, on one thread, for a third of a second.
    content.articles.reserve_exact(read.len());
    for (file, parsed) in read {
        let overlaid = Overlay::covers(checks.overlay, root, file);
        match parsed {
            Err(diagnostics) => {
                problems.extend(diagnostics);
                let content_path = content_path(&content_dir, file);
                content.left_out.insert(content_path, LeftOut::Broken);
            }
            Ok(Parsed::Home(index, more)) => {
                problems.extend(more);
                content.home = Some(index);
            }
            Ok(Parsed::SectionIndex(section, index, more)) => {
                problems.extend(more);
                section_entry(&mut sections, &section).index = Some(index)
            }
            Ok(Parsed::Article(article, more)) => {
                problems.extend(more);
                if let Some(section) = &article.section {
                    section_entry(&mut sections, section);
                }
                let waiting = article
                    .front
                    .date
                    .map(|d| d.date())
                    .filter(|d| *d > checks.today);
                if article.front.draft && !include.drafts && !overlaid {
                    let content_path = article.source.content_path.clone();
                    content.left_out.insert(content_path, LeftOut::Draft);
                } else if let Some(date) = waiting.filter(|_| !include.future) {
                    let content_path = article.source.content_path.clone();
                    content.left_out.insert(content_path, LeftOut::Scheduled);
                    content.scheduled.push(date);
                } else {
                    content.articles.push(*article);
                }
            }
        }
    }
    let by_path: HashMap<PathBuf, usize> = content
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| (article.source.path.clone(), index))
        .collect();
    for (bundle, file) in bundle_files {
        let bundle_md = Path::new(CONTENT_DIR).join(&bundle).join(BUNDLE_FILE);
        let inside = file
            .strip_prefix(content_dir.join(&bundle))
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(&index) = by_path.get(&bundle_md) {
            content.articles[index].bundle_files.push((file, inside));
        }
    }
    sections.sort_by(|a, b| a.dir.cmp(&b.dir));
    content.sections = sections;
    (content, problems)
}

fn section_entry<'a>(sections: &'a mut Vec<Section>, dir: &str) -> &'a mut Section {
    match sections.iter().position(|s| s.dir == dir) {
        Some(i) => &mut sections[i],
        None => {
            sections.push(Section {
                dir: dir.to_string(),
                url: format!("/{}/", vi::slugify(dir)),
                index: None,
            });
            let last = sections.len() - 1;
            &mut sections[last]
        }
    }
}

fn asset_output(in_content: &Path) -> String {
    let parts: Vec<String> = in_content
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.split_last() {
        Some((file, dirs)) if !dirs.is_empty() => {
            let dirs: Vec<String> = dirs.iter().map(|d| vi::slugify(d)).collect();
            format!("{}/{file}", dirs.join("/"))
        }
        _ => parts.join("/"),
    }
}

/// A Markdown file read, with its problems. A file whose front matter has problems is
/// kept when a value could be read from the rest of it, so that its body is checked in
/// the same run; the problems fail the build.
#[derive(Clone)]
enum Parsed {
    Home(SectionIndex, Diagnostics),
    SectionIndex(String, SectionIndex, Diagnostics),
    Article(Box<Article>, Diagnostics),
}

/// Reads again the file of `old` (under `root`) and returns its new source and front
/// matter when nothing changed but what only the article's own view shows: the body,
/// `summary`, `location` and `extra`. `None` when anything else changed (what orders,
/// groups, addresses or counts the article), or the file cannot be read, split or
/// checked without a problem: the caller then loads the content the usual way, which
/// reports why.
pub fn reread(root: &Path, old: &Article, checks: Checks) -> Option<(Source, ArticleFront)> {
    let bytes = std::fs::read(root.join(&old.source.path)).ok()?;
    let text = decode(&bytes).ok()?;
    let split = yaml::split(&text).ok()?;
    let source = Source::new(
        old.source.path.clone(),
        old.source.content_path.clone(),
        &text,
        split.body_offset,
    );
    if source.front == old.source.front {
        return Some((source, old.front.clone()));
    }
    let parsed: ArticleFront = yaml::parse(split.yaml).ok()?;
    let mut problems = Diagnostics::default();
    let in_section = old.section.is_some();
    let front = check_article(&source, parsed, in_section, checks, &[], &mut problems);
    if problems.has_errors() {
        return None;
    }
    let shown_only = ArticleFront {
        summary: old.front.summary.clone(),
        location: old.front.location.clone(),
        extra: old.front.extra.clone(),
        ..front.clone()
    };
    (shown_only == old.front).then_some((source, front))
}

/// The problems `build` finds in an article's body when it loads it, its front matter
/// `front` as before: the prose check and the placeholders left.
pub fn body_problems(source: &Source, front: &ArticleFront, checks: Checks) -> Diagnostics {
    let mut problems = Diagnostics::default();
    prose::check(source, front, checks.config, checks.registry, &mut problems);
    check_placeholders(source, front, &mut problems);
    problems
}

/// Reads the bytes of a Markdown file into NFC text without a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, usize> {
    let text = simdutf8::compat::from_utf8(bytes).map_err(|e| e.valid_up_to())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(vi::nfc(text).into_owned())
}

/// The path of `file` inside `content_dir`, with forward slashes: what `@/` links name.
fn content_path(content_dir: &Path, file: &Path) -> String {
    file.strip_prefix(content_dir)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

fn read_markdown(
    root: &Path,
    content_dir: &Path,
    entry: Entry,
    file: &Path,
    checks: Checks,
) -> Result<Parsed, Diagnostics> {
    let shown = relative(root, file);
    let read = match checks.overlay {
        Some(overlay) if Overlay::covers(Some(overlay), root, file) => {
            Ok(overlay.text.as_bytes().to_vec())
        }
        _ => std::fs::read(file),
    };
    let bytes = read.map_err(|error| {
        Diagnostic::new(
            &shown,
            Msg::FileCannotRead {
                error: error.to_string(),
            }
            .to_string(),
        )
    })?;
    let text = decode(&bytes).map_err(|valid_up_to| not_utf8(&shown, valid_up_to))?;
    let content_path = content_path(content_dir, file);
    let split = yaml::split(&text).map_err(|error| split_diagnostic(&shown, &text, error))?;
    let source_path = shown.to_string_lossy().replace('\\', "/");
    let body_offset = split.body_offset;
    let yaml_line = split.yaml_line;
    let mut problems = Diagnostics::default();
    let mut read_front = |text: &str, errors: &[yaml::YamlError]| {
        for error in errors {
            problems.push(yaml_diagnostic(&source_path, text, yaml_line, error));
        }
    };
    let source =
        |text: String| Source::new(shown.clone(), content_path.clone(), &text, body_offset);
    match entry {
        Entry::Home | Entry::SectionIndex { .. } => {
            let reading = yaml::parse_all::<SectionFront>(split.yaml);
            read_front(&text, &reading.errors);
            let broken = reading.broken;
            let Some(front) = reading.value else {
                return Err(problems);
            };
            if front.paginate_by == Some(0) && !broken.iter().any(|k| k == "paginate_by") {
                let mut diagnostic = Diagnostic::new(&shown, Msg::PaginateAtLeastOne.to_string())
                    .help(Msg::PaginateHelp.to_string());
                diagnostic.location = locate_key(&text, yaml_line, &["paginate_by"]);
                problems.push(diagnostic);
            }
            let index = SectionIndex {
                source: source(text),
                front,
            };
            Ok(match entry {
                Entry::SectionIndex { section } => Parsed::SectionIndex(section, index, problems),
                _ => Parsed::Home(index, problems),
            })
        }
        Entry::Page | Entry::Article { .. } | Entry::Bundle { .. } => {
            let reading = yaml::parse_all::<ArticleFront>(split.yaml);
            read_front(&text, &reading.errors);
            let broken = reading.broken;
            let Some(front) = reading.value else {
                return Err(problems);
            };
            let section = match entry {
                Entry::Article { section } | Entry::Bundle { section, .. } => Some(section),
                _ => None,
            };
            let file_stem = match &entry_stem(&content_path) {
                stem if !stem.is_empty() => stem.clone(),
                _ => "trang".into(),
            };
            let source = source(text);
            let front = check_article(
                &source,
                front,
                section.is_some(),
                checks,
                &broken,
                &mut problems,
            );
            check_placeholders(&source, &front, &mut problems);
            let slug = match &front.slug {
                Some(slug) => slug.clone(),
                None => match vi::slugify(&front.title) {
                    slug if slug.is_empty() => vi::slugify(&file_stem),
                    slug => slug,
                },
            };
            let url = match &section {
                Some(section) => format!("/{}/{slug}/", vi::slugify(section)),
                None => format!("/{slug}/"),
            };
            Ok(Parsed::Article(
                Box::new(Article {
                    source,
                    front,
                    section,
                    slug,
                    url,
                    bundle_files: Vec::new(),
                }),
                problems,
            ))
        }
        Entry::Asset | Entry::BundleFile { .. } | Entry::Misplaced => {
            unreachable!("only Markdown entries are read")
        }
    }
}

fn entry_stem(content_path: &str) -> String {
    let path = Path::new(content_path);
    let stem = if path.file_name().is_some_and(|n| n == BUNDLE_FILE) {
        path.parent().and_then(Path::file_name)
    } else {
        path.file_stem()
    };
    stem.map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn not_utf8(path: &Path, valid_up_to: usize) -> Diagnostic {
    Diagnostic::new(path, Msg::FileNotUtf8At { byte: valid_up_to }.to_string())
        .help(Msg::EditorSaveAsUtf8Help.to_string())
}

fn split_diagnostic(path: &Path, text: &str, error: SplitError) -> Diagnostic {
    match error {
        SplitError::Empty => {
            Diagnostic::new(path, Msg::EmptyFile.to_string()).help(Msg::EmptyFileHelp.to_string())
        }
        SplitError::NoFrontMatter => Diagnostic::new(path, Msg::NoFrontMatter.to_string())
            .at(Location::of_text_on_line(text, 1, ""))
            .help(Msg::NoFrontMatterHelp.to_string()),
        SplitError::Unclosed => {
            Diagnostic::new(path, Msg::Unclosed.to_string()).help(Msg::UnclosedHelp.to_string())
        }
    }
}

#[cfg(test)]
mod tests;
