//! `site.yaml`: read into a plain struct, then checked and resolved in one step that
//! reports every problem at once.
//!
//! Owns the site's settings and their defaults. Knows nothing of content or templates.

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, nearest};
use crate::i18n::Msg;
use crate::load::yaml::{self, YamlError};
use crate::markdown::{self, UrlUse};
use crate::provinces::Registry;
use crate::vi::DateStyle;

mod contrast;

pub const FILE_NAME: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    paginate_by: Option<usize>,
    #[serde(default)]
    date_format: Option<String>,
    #[serde(default)]
    taxonomies: Vec<RawTaxonomy>,
    #[serde(default)]
    stats: Option<RawStats>,
    #[serde(default)]
    menu: Vec<MenuItem>,
    #[serde(default)]
    unsafe_html: bool,
    #[serde(default)]
    search: Option<bool>,
    #[serde(default)]
    feed_limit: Option<usize>,
    #[serde(default)]
    logo: Option<Logo>,
    #[serde(default)]
    colors: Option<Colors>,
    #[serde(default)]
    extra: serde_json::Value,
}

/// The site's logo: an image under `static/`, shown in the default theme's header.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The path of the image inside `static/` (`logo.png`), or as a site path
    /// (`/logo.png`).
    pub src: String,
    pub alt: String,
}

impl Logo {
    /// The output path of the image: `logo.png`.
    pub fn output(&self) -> &str {
        self.src.trim_start_matches('/')
    }
}

/// The default theme's colours, as `#rrggbb` or `#rgb`.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    /// Links and the current page number: text on white, and white text on it.
    #[serde(default)]
    pub primary: Option<String>,
    /// The header band and figures: text on white, and white text on it.
    #[serde(default)]
    pub accent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    name: String,
    path: String,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStats {
    path: String,
    #[serde(default)]
    metrics: InOrder<RawMetric>,
    #[serde(default)]
    scope: Option<String>,
}

/// A YAML mapping read in the order it is written, so that metrics appear on pages in
/// the order the site lists them.
#[derive(Debug)]
struct InOrder<T>(Vec<(String, T)>);

impl<T> Default for InOrder<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for InOrder<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Entries<T> {
            type Value = InOrder<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(InOrder(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    label: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    decimals: u32,
    #[serde(default)]
    words: Vec<String>,
}

/// A link in the site's main menu.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
    /// Where its address is written in site.yaml, for checks that run later.
    #[serde(skip)]
    pub at: Option<Location>,
}

/// Which front-matter field a taxonomy takes its terms from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermSource {
    /// `tags: [...]`
    Tags,
    /// `province: ...`
    Province,
    /// `kind: ...`
    Kind,
}

impl TermSource {
    const NAMES: &'static [&'static str] = &["tags", "provinces", "kinds"];

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "tags" => Some(Self::Tags),
            "provinces" => Some(Self::Province),
            "kinds" => Some(Self::Kind),
            _ => None,
        }
    }

    fn default_title(self) -> &'static str {
        match self {
            Self::Tags => "Chủ đề",
            Self::Province => "Tỉnh, thành phố",
            Self::Kind => "Loại tin",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taxonomy {
    pub name: String,
    /// The URL segment: `chu-de` gives `/chu-de/`.
    pub path: String,
    pub title: String,
    pub source: TermSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    pub name: String,
    pub label: String,
    /// What the figure counts in, shown after it: `tỷ đồng/năm`. None for a count.
    pub unit: Option<String>,
    /// How many digits after the decimal comma a figure may have: 0 for a count.
    pub decimals: u32,
    /// The phrases that name the metric in an article's text (`Tổ bảo vệ ANTT`, `tổ`),
    /// for the check that text and figures agree.
    pub words: Vec<String>,
}

/// Whose figures a site publishes: the whole country, or one province's portal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    National,
    /// The province as site.yaml names it; the statistics resolve it in the registry.
    Province(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsConfig {
    pub path: String,
    /// In the order site.yaml lists them.
    pub metrics: Vec<Metric>,
    pub scope: Scope,
}

/// The resolved settings of a site.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Without a trailing slash: `https://example.gov.vn`.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub paginate_by: usize,
    pub date_style: DateStyle,
    pub taxonomies: Vec<Taxonomy>,
    pub stats: Option<StatsConfig>,
    pub menu: Vec<MenuItem>,
    pub unsafe_html: bool,
    pub search: bool,
    pub feed_limit: usize,
    pub logo: Option<Logo>,
    pub colors: Colors,
    pub extra: serde_json::Value,
}

impl Config {
    /// Reads and checks `site.yaml`. `path` is how the file is named in messages.
    pub fn parse(path: &str, source: &str) -> Result<Config, Diagnostics> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let source = crate::vi::nfc(source);
        let reading = yaml::parse_all::<RawConfig>(&source);
        let mut problems: Diagnostics = reading
            .errors
            .iter()
            .map(|error| yaml_diagnostic(path, &source, 1, error))
            .collect();
        let broken = &reading.broken;
        match reading.value.map(|raw| resolve(path, &source, raw, broken)) {
            Some(Ok(config)) if problems.is_empty() => Ok(config),
            Some(Err(more)) => {
                problems.extend(more);
                Err(problems)
            }
            _ => Err(problems),
        }
    }

    pub fn metric(&self, name: &str) -> Option<&Metric> {
        self.stats
            .as_ref()
            .and_then(|stats| stats.metrics.iter().find(|m| m.name == name))
    }

    /// Names `stats.scope`'s province as the registry does (`tỉnh Cà Mau` is Cà Mau), or
    /// says it is not a province, at its line in `source` (site.yaml's text).
    pub fn resolve_scope(&mut self, source: &str, registry: &Registry) -> Result<(), Diagnostics> {
        let Some(Scope::Province(name)) = self.stats.as_ref().map(|s| &s.scope) else {
            return Ok(());
        };
        match registry.lookup(name) {
            Some(unit) => {
                let name = unit.name.clone();
                if let Some(stats) = &mut self.stats {
                    stats.scope = Scope::Province(name);
                }
                Ok(())
            }
            None => {
                let mut diagnostic = Diagnostic::new(
                    FILE_NAME,
                    Msg::ProvinceUnknown {
                        province: name.clone(),
                    }
                    .to_string(),
                )
                .help_opt(registry.suggest(name).map(|suggestion| {
                    Msg::DidYouMean {
                        name: suggestion.to_string(),
                    }
                    .to_string()
                }));
                diagnostic.location = locate_key(source, 1, &["stats", "scope"]);
                Err(diagnostic.into())
            }
        }
    }

    /// The absolute URL of a site path such as `/tin-tuc/`.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// The path `base_url` publishes the site under, without its final slash: `/antt`
    /// for `https://congan.daklak.gov.vn/antt/`, empty for a site at a host's root.
    /// Every address inside the site starts with it.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme
            .find('/')
            .map_or("", |slash| &after_scheme[slash..])
    }
}

/// Checks and derives the settings; a key in `broken` had a problem reported already
/// and is not judged again.
fn resolve(
    path: &str,
    source: &str,
    mut raw: RawConfig,
    broken: &[String],
) -> Result<Config, Diagnostics> {
    let mut problems = Diagnostics::default();
    let mut problem = |key_path: &[&str], message: Msg, help: Option<Msg>| {
        if broken.iter().any(|key| key == key_path[0]) {
            return;
        }
        let location = locate_key(source, 1, key_path);
        let mut diagnostic =
            Diagnostic::new(path, message.to_string()).help_opt(help.map(|h| h.to_string()));
        diagnostic.location = location;
        problems.push(diagnostic);
    };

    let base_url = raw.base_url.trim().trim_end_matches('/').to_string();
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        problem(
            &["base_url"],
            Msg::BaseUrlNotFull {
                url: raw.base_url.clone(),
            },
            Some(Msg::BaseUrlHelp),
        );
    }

    let date_style = match raw.date_format.as_deref() {
        None => DateStyle::default(),
        Some(name) => DateStyle::parse(name).unwrap_or_else(|| {
            problem(
                &["date_format"],
                Msg::UnknownDateFormat { name: name.into() },
                Some(Msg::UseOneOf {
                    list: DateStyle::NAMES
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
            );
            DateStyle::default()
        }),
    };

    let paginate_by = raw.paginate_by.unwrap_or(20);
    if paginate_by == 0 {
        problem(
            &["paginate_by"],
            Msg::PaginateAtLeastOne,
            Some(Msg::PaginateHelp),
        );
    }

    let mut taxonomies: Vec<Taxonomy> = Vec::new();
    for taxonomy in raw.taxonomies {
        let Some(source_field) = TermSource::from_name(&taxonomy.name) else {
            problem(
                &["taxonomies"],
                Msg::UnknownTaxonomy {
                    name: taxonomy.name.clone(),
                },
                Some(
                    match nearest(&taxonomy.name, TermSource::NAMES.iter().copied()) {
                        Some(name) => Msg::DidYouMean { name: name.into() },
                        None => Msg::LoaKnows {
                            list: TermSource::NAMES.join(", "),
                        },
                    },
                ),
            );
            continue;
        };
        if !is_url_segment(&taxonomy.path) {
            problem(
                &["taxonomies"],
                Msg::TaxonomyPath {
                    path: taxonomy.path.clone(),
                },
                Some(Msg::SuchAs {
                    example: crate::vi::slugify(&taxonomy.path),
                }),
            );
            continue;
        }
        taxonomies.push(Taxonomy {
            title: taxonomy
                .title
                .unwrap_or_else(|| source_field.default_title().to_string()),
            name: taxonomy.name,
            path: taxonomy.path,
            source: source_field,
        });
    }

    let stats = raw.stats.map(|stats| {
        if !is_url_segment(&stats.path) {
            problem(
                &["stats", "path"],
                Msg::StatsPath {
                    path: stats.path.clone(),
                },
                Some(Msg::SuchAs {
                    example: crate::vi::slugify(&stats.path),
                }),
            );
        }
        StatsConfig {
            path: stats.path,
            metrics: stats
                .metrics
                .0
                .into_iter()
                .map(|(name, metric)| Metric {
                    name,
                    label: metric.label,
                    unit: metric.unit.filter(|u| !u.trim().is_empty()),
                    decimals: metric.decimals,
                    words: metric.words,
                })
                .collect(),
            scope: match stats.scope.as_deref().map(str::trim) {
                None | Some("national") => Scope::National,
                Some(province) => Scope::Province(province.to_string()),
            },
        }
    });

    if let Some(logo) = &raw.logo {
        if logo.alt.trim().is_empty() {
            problem(&["logo", "alt"], Msg::LogoNoAlt, Some(Msg::LogoNoAltHelp));
        }
        if logo.src.contains("://") || logo.src.split('/').any(|part| part == "..") {
            problem(
                &["logo", "src"],
                Msg::LogoNotStatic {
                    src: logo.src.clone(),
                },
                Some(Msg::LogoNotStaticHelp),
            );
        }
    }
    if let Some(colors) = &raw.colors {
        for (name, value) in [("primary", &colors.primary), ("accent", &colors.accent)] {
            // `primary: #0b4a8b` unquoted is a YAML comment: the key is there, its value
            // is not.
            let written = locate_key(source, 1, &["colors", name]).is_some_and(|found| {
                let line = source.lines().nth(found.line - 1).unwrap_or("");
                line.contains(&format!("{name}:"))
            });
            let value = match value {
                Some(value) => value,
                None if written => &String::new(),
                None => continue,
            };
            match contrast::parse(value) {
                None => problem(
                    &["colors", name],
                    Msg::ColorInvalid {
                        name: name.into(),
                        value: value.clone(),
                    },
                    Some(Msg::ColorInvalidHelp),
                ),
                Some(color) => {
                    let (ratio, background) = contrast::worst_on_light(color);
                    if ratio < contrast::AA_TEXT {
                        problem(
                            &["colors", name],
                            Msg::ColorContrast {
                                name: name.into(),
                                value: value.clone(),
                                ratio: format!("{ratio:.2}"),
                                background: background.into(),
                            },
                            Some(Msg::ColorContrastHelp),
                        );
                    }
                }
            }
        }
    }

    // A menu entry is on every page. Its line is found by its address, since
    // `locate_key` finds only the first `url:` of the list.
    for item in &mut raw.menu {
        let line = source.lines().position(|l| l.contains(item.url.as_str()));
        item.at = match line {
            Some(index) => Some(Location::of_text_on_line(source, index + 1, &item.url)),
            None => locate_key(source, 1, &["menu"]),
        };
    }
    for item in &raw.menu {
        if let Some(scheme) = markdown::refused_scheme(&item.url, UrlUse::Link) {
            let location = item.at.clone();
            let runs_code = markdown::runs_code(&scheme);
            let mut diagnostic = Diagnostic::new(
                path,
                Msg::UrlRefused {
                    scheme,
                    image: false,
                }
                .to_string(),
            )
            .help(Msg::UrlRefusedHelp { image: false }.to_string());
            if runs_code {
                diagnostic = diagnostic.note(Msg::UrlRunsCode.to_string());
            }
            diagnostic.location = location;
            problems.push(diagnostic);
        }
    }

    problems.into_result()?;
    Ok(Config {
        title: raw.title,
        description: raw.description,
        base_url,
        language: raw.language.unwrap_or_else(|| "vi".into()),
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        paginate_by,
        date_style,
        taxonomies,
        stats,
        menu: raw.menu,
        unsafe_html: raw.unsafe_html,
        search: raw.search.unwrap_or(true),
        feed_limit: raw.feed_limit.unwrap_or(20),
        logo: raw.logo,
        colors: raw.colors.unwrap_or_default(),
        extra: raw.extra,
    })
}

/// A single URL segment that cannot leave the output folder.
pub fn is_url_segment(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns a YAML error into a diagnostic on the file, shifting its line by `first_line`
/// (the file line on which the YAML starts) and suggesting the nearest known key.
pub fn yaml_diagnostic(path: &str, file: &str, first_line: usize, error: &YamlError) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(path, error.message.clone()).help_opt(error.help.clone());
    diagnostic.notes.extend(error.note.clone());
    let line = error.line.map(|l| l + first_line - 1);
    if let Some(unknown) = &error.unknown_key {
        diagnostic.message = if unknown.is_value {
            Msg::UnknownValue {
                value: unknown.key.clone(),
            }
        } else {
            Msg::UnknownKey {
                key: unknown.key.clone(),
            }
        }
        .to_string();
        diagnostic.help = Some(
            match nearest(&unknown.key, unknown.expected.iter().map(String::as_str)) {
                Some(known) => Msg::DidYouMean { name: known.into() },
                None => Msg::AllowedHere {
                    list: unknown
                        .expected
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            }
            .to_string(),
        );
        if let Some(line) = line {
            diagnostic.location = Some(Location::of_text_on_line(file, line, &unknown.key));
        }
    } else if let Some(line) = line {
        diagnostic.location = Some(Location::at_line(
            file,
            line,
            error.column.unwrap_or(1),
            error.width,
        ));
    }
    diagnostic
}

/// The location of the key at `key_path` (outer key first) in YAML that starts on file
/// line `first_line`, found by indentation; the deepest key found when an inner one is
/// written inline (`image: { alt: "" }`). Checks that run after parsing use it to point
/// at the value they reject.
pub fn locate_key(file: &str, first_line: usize, key_path: &[&str]) -> Option<Location> {
    let mut depth = 0;
    let mut found = None;
    let mut indent_above: Option<usize> = None;
    for (index, line) in file.lines().enumerate().skip(first_line - 1) {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed == "---" && index >= first_line {
            break;
        }
        if indent_above.is_some_and(|above| indent <= above) && !trimmed.is_empty() {
            break;
        }
        let key = trimmed.trim_start_matches("- ");
        if key.starts_with(&format!("{}:", key_path[depth])) {
            found = Some(Location::of_text_on_line(file, index + 1, key_path[depth]));
            if depth + 1 == key_path.len() {
                break;
            }
            if let Some(inline) = key.find(&format!("{}:", key_path[depth + 1])) {
                let column = line.len() - key.len() + inline;
                found = Some(Location::at_line(
                    file,
                    index + 1,
                    line[..column].chars().count() + 1,
                    key_path[depth + 1].chars().count(),
                ));
                break;
            }
            indent_above = Some(indent);
            depth += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: Trang thử\nbase_url: https://example.gov.vn/\n";

    #[test]
    fn defaults_fill_what_site_yaml_leaves_out() {
        let config = Config::parse("site.yaml", MINIMAL).unwrap();
        assert_eq!(config.base_url, "https://example.gov.vn");
        assert_eq!(config.paginate_by, 20);
        assert_eq!(config.language, "vi");
        assert_eq!(config.date_style, DateStyle::Short);
        assert!(config.search);
    }

    #[test]
    fn the_base_path_is_what_base_url_has_after_its_host() {
        let cases = [
            ("https://example.gov.vn/", ""),
            ("https://example.gov.vn", ""),
            ("https://congan.daklak.gov.vn/antt/", "/antt"),
            ("http://localhost:8080/a/b", "/a/b"),
        ];
        for (base_url, path) in cases {
            let source = format!("title: T\nbase_url: {base_url}\n");
            let config = Config::parse("site.yaml", &source).unwrap();
            assert_eq!(config.base_path(), path, "{base_url}");
        }
    }

    #[test]
    fn an_unknown_key_suggests_the_nearest() {
        let source = format!("{MINIMAL}paginte_by: 10\n");
        let errors = Config::parse("site.yaml", &source).unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!(error.message, "unknown key `paginte_by`");
        assert_eq!(error.help.as_deref(), Some("did you mean `paginate_by`?"));
        assert_eq!(error.location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn every_reading_problem_is_reported_at_once_with_the_resolution_ones() {
        let source = "title: T\nbase_url: example.gov.vn\npaginte_by: 10\nlanguage: [vi\nfeed_limit: 2.5\nmenu:\n  - { name: A }\n";
        let errors = Config::parse("site.yaml", source).unwrap_err();
        let mut lines: Vec<usize> = errors
            .iter()
            .map(|d| d.location.as_ref().map_or(0, |l| l.line))
            .collect();
        lines.sort();
        assert_eq!(lines, [2, 3, 4, 5, 7], "{errors:#?}");
    }

    #[test]
    fn every_resolution_problem_is_reported_at_once() {
        let source = "title: T\nbase_url: example.gov.vn\ndate_format: long\ntaxonomies:\n  - { name: tag, path: chu-de }\nstats:\n  path: ../thong-ke\n";
        let errors = Config::parse("site.yaml", source).unwrap_err();
        let messages: Vec<_> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`base_url` must be a full address, got `example.gov.vn`",
                "unknown `date_format` `long`",
                "unknown taxonomy `tag`",
                "statistics path `../thong-ke` must be one URL segment of a-z, 0-9 and -",
            ]
        );
        let stats_path = errors.iter().nth(3).unwrap();
        assert_eq!(stats_path.location.as_ref().unwrap().line, 7);
    }
}
