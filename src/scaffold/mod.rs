//! `loa init` and `loa new`: the files an officer starts from. A new site that builds at
//! once with the compiled-in default theme, and a new article with its front matter
//! filled in.
//!
//! Writes only files that do not exist yet, inside the folder it is given: it refuses a
//! non-empty folder and never overwrites an article. Returns what it wrote and never
//! prints; the command line says it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::build::Error;
use crate::diagnostics::Diagnostic;
use crate::load::config;
use crate::load::content::{CONTENT_DIR, PLACEHOLDERS};
use crate::output::OutputError;
use crate::vi;

/// The folder of the sample section that `init` writes.
pub const SAMPLE_SECTION: &str = "tin-tuc";
/// The sample article that `init` writes, inside [`SAMPLE_SECTION`].
pub const SAMPLE_ARTICLE: &str = "bai-viet-mau.md";

const SITE_YAML: &str = include_str!("site.yaml");
const HOME: &str = include_str!("home.md");
const SECTION: &str = include_str!("section.md");
const ARTICLE: &str = include_str!("article.md");
/// The output, the lock and the staging folder beside it, and the photo cache.
const GITIGNORE: &str = "/public/\n/.public.loa-*\n/.loa-cache/\n";

/// Makes a new site in `dir`, which must be empty or not exist yet. Returns the files
/// written, relative to `dir`.
pub fn init(dir: &Path, today: NaiveDate) -> Result<Vec<PathBuf>, Error> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(usage(
                    dir,
                    crate::i18n::Msg::InitNotEmpty {
                        dir: dir.display().to_string(),
                    },
                    Some(crate::i18n::Msg::InitNotEmptyHelp),
                ));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) if error.kind() == io::ErrorKind::NotADirectory => {
            return Err(usage(
                dir,
                crate::i18n::Msg::InitNotAFolder {
                    dir: dir.display().to_string(),
                },
                None,
            ));
        }
        Err(error) => return Err(io_error(dir, error)),
    }
    let date = today.format("%Y-%m-%d").to_string();
    let files: Vec<(PathBuf, String)> = vec![
        (PathBuf::from(config::FILE_NAME), SITE_YAML.to_string()),
        (PathBuf::from(".gitignore"), GITIGNORE.to_string()),
        (Path::new(CONTENT_DIR).join("_index.md"), HOME.to_string()),
        (
            Path::new(CONTENT_DIR)
                .join(SAMPLE_SECTION)
                .join("_index.md"),
            SECTION.to_string(),
        ),
        (
            Path::new(CONTENT_DIR)
                .join(SAMPLE_SECTION)
                .join(SAMPLE_ARTICLE),
            ARTICLE.replace("{date}", &date),
        ),
    ];
    for (path, text) in &files {
        write_new(&dir.join(path), text)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// What `loa new` is asked for.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// The site's folder.
    pub root: PathBuf,
    /// The section's folder under `content/`, or its name: `Lễ ra mắt` is `le-ra-mat`.
    pub section: String,
    pub title: String,
    /// `<slug>/index.md`, for an article with its photos beside it.
    pub bundle: bool,
    pub today: NaiveDate,
}

/// What `loa new` wrote, relative to the site's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub article: PathBuf,
    /// The section's `_index.md`, when the section did not exist yet.
    pub section_index: Option<PathBuf>,
}

/// Writes a new draft article with its front matter filled in. Refuses to overwrite an
/// article, and a folder that holds no site.
pub fn new_article(request: &NewArticle) -> Result<Created, Error> {
    use crate::i18n::Msg;
    let root = &request.root;
    if !root.join(config::FILE_NAME).is_file() {
        return Err(usage(
            config::FILE_NAME,
            Msg::NoSiteHere {
                path: root.join(config::FILE_NAME).display().to_string(),
            },
            Some(Msg::NoSiteHereHelp),
        ));
    }
    let section = vi::slugify(&request.section);
    if section.is_empty() {
        return Err(usage(
            CONTENT_DIR,
            Msg::NewBadSection {
                section: request.section.clone(),
            },
            Some(Msg::NewBadSectionHelp),
        ));
    }
    let config = crate::load::site_yaml(root).map_err(Error::Config)?;
    if config
        .stats
        .as_ref()
        .is_some_and(|stats| stats.path == section)
    {
        return Err(usage(
            config::FILE_NAME,
            Msg::NewSectionIsStats { section },
            Some(Msg::NewSectionIsStatsHelp),
        ));
    }
    let title = vi::nfc(request.title.trim()).into_owned();
    let slug = vi::slugify(&title);
    if slug.is_empty() {
        return Err(usage(
            CONTENT_DIR,
            Msg::NewEmptyTitle,
            Some(Msg::NewEmptyTitleHelp),
        ));
    }
    let section_dir = Path::new(CONTENT_DIR).join(&section);
    let single = section_dir.join(format!("{slug}.md"));
    let bundle = section_dir.join(&slug).join("index.md");
    for existing in [&single, &bundle] {
        if root.join(existing).exists() {
            return Err(usage(
                existing,
                Msg::NewExists {
                    path: shown(existing),
                },
                Some(Msg::NewExistsHelp),
            ));
        }
    }
    let section_index = section_dir.join("_index.md");
    let section_index = if root.join(&section_dir).is_dir() {
        None
    } else {
        let title = section_title(&section, &request.section);
        write_new(
            &root.join(&section_index),
            &format!("---\ntitle: {}\n---\n", yaml_string(&title)),
        )?;
        Some(section_index)
    };
    let article = if request.bundle { bundle } else { single };
    write_new(
        &root.join(&article),
        &article_text(&title, guess_kind(&section), request.today, request.bundle),
    )?;
    Ok(Created {
        article,
        section_index,
    })
}

/// The kind of article a section usually holds.
pub fn guess_kind(section: &str) -> crate::load::content::front::Kind {
    use crate::load::content::front::Kind;
    match section {
        "le-ra-mat" => Kind::Ceremony,
        "phong-trao" => Kind::Campaign,
        "thong-ke" | "so-lieu" => Kind::Statistics,
        _ => Kind::News,
    }
}

/// The title of a new section: the usual Vietnamese name of the sections loa knows,
/// else the name as the officer wrote it.
fn section_title(slug: &str, written: &str) -> String {
    match slug {
        "le-ra-mat" => "Lễ ra mắt".into(),
        "phong-trao" => "Phong trào thi đua".into(),
        "thong-ke" | "so-lieu" => "Số liệu".into(),
        "tin-tuc" => "Tin tức".into(),
        _ => vi::nfc(written.trim()).into_owned(),
    }
}

/// The text of a new article: front matter with every field an officer fills in, and a
/// first line of body to replace.
pub fn article_text(
    title: &str,
    kind: crate::load::content::front::Kind,
    today: NaiveDate,
    bundle: bool,
) -> String {
    use crate::load::content::front::Kind;
    let mut text = format!(
        "---\ntitle: {}\ndate: {}\nkind: {}\nprovince:            # tỉnh, thành phố, ví dụ: Đắk Lắk\nlocation:            # nơi diễn ra, ví dụ: TP Buôn Ma Thuột\ntags: []             # chủ đề, ví dụ: [lễ ra mắt, Tây Nguyên]\n",
        yaml_string(title),
        today.format("%Y-%m-%d"),
        kind.name(),
    );
    match kind {
        Kind::Ceremony | Kind::Statistics => text.push_str(
            "# Số liệu bài viết công bố (bỏ dấu # ở đầu các dòng dưới để dùng):\n# stats:\n#   as_of: YYYY-MM-DD\n#   teams: 0\n#   members: 0\n",
        ),
        Kind::Campaign => text.push_str(
            "# Phong trào thi đua (bỏ dấu # ở đầu các dòng dưới để dùng):\n# campaign:\n#   motto: \"Khẩu hiệu của phong trào\"\n#   starts: YYYY-MM-DD\n#   ends: YYYY-MM-DD\n",
        ),
        Kind::News => {}
    }
    if bundle {
        text.push_str(
            "# Ảnh đầu bài: đặt tệp ảnh vào cùng thư mục với tệp này.\n# image: { src: anh.jpg, alt: \"Mô tả ảnh\", caption: \"Chú thích dưới ảnh\" }\n",
        );
    }
    text.push_str("draft: true          # đổi thành false để đăng bài\n---\n");
    let [opening, photo, example] = PLACEHOLDERS;
    text.push_str(&format!("{opening}\n"));
    if bundle {
        text.push_str(&format!("\n{photo}\n\n    {example}\n"));
    }
    text
}

/// A YAML double-quoted string, so that a title with `:` or `#` stays one value.
fn yaml_string(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn usage(
    path: impl AsRef<Path>,
    message: crate::i18n::Msg,
    help: Option<crate::i18n::Msg>,
) -> Error {
    Error::Config(
        Diagnostic::new(path.as_ref(), message.to_string())
            .help_opt(help.map(|h| h.to_string()))
            .into(),
    )
}

fn io_error(path: &Path, error: io::Error) -> Error {
    Error::Output(OutputError::Io {
        context: crate::i18n::Msg::Writing {
            path: path.display().to_string(),
        }
        .to_string(),
        error,
    })
}

/// Writes `text` to `path`, a file that must not exist yet, creating its folders.
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|error| io_error(parent, error))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| io_error(path, error))?;
    io::Write::write_all(&mut file, text.as_bytes()).map_err(|error| io_error(path, error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::content::front::{ArticleFront, Kind};

    #[test]
    fn the_kind_is_guessed_from_the_section() {
        let cases = [
            ("le-ra-mat", Kind::Ceremony),
            ("phong-trao", Kind::Campaign),
            ("thong-ke", Kind::Statistics),
            ("so-lieu", Kind::Statistics),
            ("tin-tuc", Kind::News),
            ("gioi-thieu", Kind::News),
        ];
        for (section, kind) in cases {
            assert_eq!(guess_kind(section), kind, "{section}");
        }
    }

    #[test]
    fn every_new_article_front_matter_parses() {
        let today = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        for kind in [Kind::Ceremony, Kind::Campaign, Kind::Statistics, Kind::News] {
            for bundle in [false, true] {
                let text = article_text("Lễ ra mắt: \"Đắk Lắk\" #1", kind, today, bundle);
                let split = crate::load::yaml::split(&text).unwrap();
                let front: ArticleFront = crate::load::yaml::parse(split.yaml).unwrap();
                assert_eq!(front.title, "Lễ ra mắt: \"Đắk Lắk\" #1");
                assert_eq!(front.kind, Some(kind));
                assert_eq!(front.province, None);
                assert!(front.tags.is_empty());
                assert!(front.draft);
                assert_eq!(front.date.unwrap().date(), today);
            }
        }
    }
}
