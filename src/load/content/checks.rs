//! The checks of one article's front matter that need more than its own fields: the
//! site's metrics and provinces, dates that cannot be true, figures for a province that
//! no longer existed on their day.
//!
//! Reads nothing; returns diagnostics at the field's line.

use crate::markdown;

use chrono::{Datelike, NaiveDate};

use crate::diagnostics::{Diagnostic, Diagnostics, Location, nearest};
use crate::i18n::Msg;
use crate::load::config::{self, is_url_segment, locate_key};
use crate::load::names;
use crate::provinces::{self, Registry};
use crate::vi;
use front::{ArticleFront, DateValue};

use super::{Checks, EARLIEST_YEAR, Source, front};

/// Checks an article's front matter against the site: what only the whole value, the
/// site settings and the province registry can tell. A key in `broken` had a problem
/// reported while reading and is not judged again.
pub(super) fn check_article(
    source: &Source,
    mut front: ArticleFront,
    in_section: bool,
    checks: Checks,
    broken: &[String],
    problems: &mut Diagnostics,
) -> ArticleFront {
    let Checks {
        config,
        registry,
        today,
        ..
    } = checks;
    check_dates(source, &front, today, broken, problems);
    if let Some(unit) = front.province.as_deref().and_then(|p| registry.lookup(p))
        && let Some((message, help)) = merged_unit(registry, unit, &front)
    {
        let mut warning = Diagnostic::new(&source.path, message.to_string())
            .help(help.to_string())
            .warning();
        warning.location = locate_key(&source.front, 2, &["province"]);
        problems.push(warning);
    }
    let is_broken = |key: &str| broken.iter().any(|b| b == key);
    if in_section && front.date.is_none() && !is_broken("date") {
        // Shown at the title, which every article has, whatever its title's problems.
        let mut diagnostic = Diagnostic::new(&source.path, Msg::NeedsDate.to_string())
            .help(Msg::NeedsDateHelp.to_string());
        diagnostic.location = locate_key(&source.front, 2, &["title"]);
        problems.push(diagnostic);
    }
    let mut problem = |key_path: &[&str], message: Msg, help: Option<Msg>| {
        if is_broken(key_path[0]) {
            return;
        }
        let mut diagnostic = Diagnostic::new(&source.path, message.to_string())
            .help_opt(help.map(|h| h.to_string()));
        diagnostic.location = locate_key(&source.front, 2, key_path);
        problems.push(diagnostic);
    };
    if front.title.trim().is_empty() {
        problem(&["title"], Msg::TitleEmpty, None);
    }
    if let Some(slug) = front.slug.take_if(|s| !is_url_segment(s)) {
        let leaves = slug.contains('/') || slug.contains('\\') || slug.contains("..");
        let suggestion = vi::slugify(&slug);
        problem(
            &["slug"],
            if leaves {
                Msg::SlugLeaves { slug }
            } else {
                Msg::SlugChars { slug }
            },
            (!suggestion.is_empty()).then_some(Msg::SuchAs {
                example: suggestion,
            }),
        );
    }
    if let Some(slug) = front.slug.take_if(|s| s.len() > vi::SLUG_MAX) {
        let mut example = slug.clone();
        vi::cut_slug(&mut example, vi::SLUG_MAX);
        problem(
            &["slug"],
            Msg::SlugTooLong {
                bytes: slug.len(),
                slug,
                max: vi::SLUG_MAX,
            },
            Some(Msg::ShorterSlug { example }),
        );
    }
    for alias in &front.aliases {
        let fine = alias.starts_with('/')
            && !alias.split('/').any(|part| part == ".." || part == ".")
            && !alias.contains('\\')
            && !alias.chars().any(char::is_control);
        if !fine {
            problem(
                &["aliases"],
                Msg::AliasNotSitePath {
                    alias: crate::diagnostics::shown_name(alias),
                },
                None,
            );
        } else if let Some(part) = alias.split('/').find(|p| p.len() > names::NAME_MAX) {
            problem(
                &["aliases"],
                Msg::AliasPartTooLong {
                    part: part.to_string(),
                    alias: alias.clone(),
                    bytes: part.len(),
                    max: names::NAME_MAX,
                },
                Some(Msg::AliasPartTooLongHelp),
            );
        }
    }
    if let Some(province) = &front.province {
        match registry.lookup(province) {
            Some(unit) => front.province = Some(unit.name.clone()),
            None => problem(
                &["province"],
                Msg::ProvinceUnknown {
                    province: province.clone(),
                },
                registry.suggest(province).map(|name| Msg::DidYouMean {
                    name: name.to_string(),
                }),
            ),
        }
    }
    let mut misread = Diagnostics::default();
    if let Some(stats) = &front.stats {
        if front.province.is_none() {
            problem(
                &["stats"],
                Msg::FiguresNeedProvince,
                Some(Msg::FiguresNeedProvinceHelp),
            );
        }
        for (metric, figure) in &stats.figures {
            if let Some(declared) = config.metric(metric) {
                let written = figure.value;
                let not_whole = declared.decimals == 0 && written.as_whole().is_none();
                if not_whole || written.decimals() > declared.decimals {
                    // Found only when wrong: every figure of every article passes here.
                    let key = locate_key(&source.front, 2, &["stats", metric]);
                    // The value as the officer typed it (`9.000`), which YAML read as 9.0.
                    let typed = key.as_ref().map_or(String::new(), |key| {
                        let value = key.line_text.split_once(':').map_or("", |(_, v)| v);
                        value.split(" #").next().unwrap_or("").trim().to_string()
                    });
                    let (message, help) = if not_whole {
                        super::figure::not_whole(written, &typed)
                    } else {
                        (
                            Msg::FigureTooManyDecimals {
                                metric: metric.clone(),
                                written: written.vietnamese(),
                                decimals: declared.decimals,
                            },
                            Msg::FigureTooManyDecimalsHelp {
                                file: config::FILE_NAME.into(),
                            },
                        )
                    };
                    // Worded and placed as the YAML reader places its own errors in a
                    // figure: the key's path first, the marker under the value.
                    let mut diagnostic =
                        Diagnostic::new(&source.path, format!("stats.{metric}: {message}"))
                            .help(help.to_string());
                    diagnostic.location =
                        key.map(|key| Location::of_text_on_line(&source.front, key.line, &typed));
                    misread.push(diagnostic);
                }
            } else {
                let known: Vec<&str> = config
                    .stats
                    .iter()
                    .flat_map(|s| s.metrics.iter().map(|m| m.name.as_str()))
                    .collect();
                problem(
                    &["stats", metric],
                    Msg::MetricNotDeclared {
                        metric: metric.clone(),
                        file: config::FILE_NAME.into(),
                    },
                    Some(match nearest(metric, known.iter().copied()) {
                        Some(name) => Msg::DidYouMean { name: name.into() },
                        None if known.is_empty() => Msg::DeclareMetricHelp {
                            file: config::FILE_NAME.into(),
                        },
                        None => Msg::MetricsAre {
                            list: known.join(", "),
                        },
                    }),
                );
            }
        }
    }
    if front
        .image
        .as_ref()
        .is_some_and(|i| i.alt.trim().is_empty())
    {
        problem(
            &["image", "alt"],
            Msg::FrontImageAltEmpty,
            Some(Msg::FrontImageAltEmptyHelp),
        );
    }
    problems.extend(misread);
    // The other addresses of front matter are checked where they are read (`aliases`
    // must be site paths); `extra` is free-form, for themes, and a theme that prints a
    // value of it as an address must check it itself.
    if let Some(scheme) = front
        .image
        .as_ref()
        .and_then(|i| markdown::refused_scheme(&i.src, markdown::UrlUse::Image))
    {
        let runs_code = markdown::runs_code(&scheme);
        let mut diagnostic = Diagnostic::new(
            &source.path,
            Msg::UrlRefused {
                scheme,
                image: true,
            }
            .to_string(),
        )
        .help(Msg::UrlRefusedHelp { image: true }.to_string());
        if runs_code {
            diagnostic = diagnostic.note(Msg::UrlRunsCode.to_string());
        }
        diagnostic.location = locate_key(&source.front, 2, &["image", "src"]);
        problems.push(diagnostic);
    }
    if let Some(scheme) = front
        .stats
        .as_ref()
        .and_then(|s| s.origin.as_ref()?.url.as_deref())
        .and_then(|url| markdown::refused_scheme(url, markdown::UrlUse::Link))
    {
        let mut diagnostic = Diagnostic::new(
            &source.path,
            Msg::UrlRefused {
                scheme,
                image: false,
            }
            .to_string(),
        )
        .help(Msg::UrlRefusedHelp { image: false }.to_string());
        diagnostic.location = locate_key(&source.front, 2, &["stats", "origin"]);
        problems.push(diagnostic);
    }
    front.tags.retain(|tag| !tag.trim().is_empty());
    super::prose::check(source, &front, config, registry, problems);
    front
}

/// Dates that cannot be true: a year before [`EARLIEST_YEAR`], an update before the
/// article was published, a campaign that ends before it starts, figures counted after
/// `today`. Each is an error at the line of the date to correct, but for a key in
/// `broken`, whose problem is reported already.
pub(super) fn check_dates(
    source: &Source,
    front: &ArticleFront,
    today: NaiveDate,
    broken: &[String],
    problems: &mut Diagnostics,
) {
    let mut problem = |key_path: &[&str], message: Msg, help: Msg| {
        if broken.iter().any(|key| key == key_path[0]) {
            return;
        }
        let mut diagnostic =
            Diagnostic::new(&source.path, message.to_string()).help(help.to_string());
        diagnostic.location = locate_key(&source.front, 2, key_path);
        problems.push(diagnostic);
    };
    let iso = |date: DateValue| date.date().format("%Y-%m-%d").to_string();
    let campaign = front.campaign.as_ref();
    let as_of = front.stats.as_ref().and_then(|s| s.as_of);
    let dates: [(&[&str], Option<DateValue>); 5] = [
        (&["date"], front.date),
        (&["updated"], front.updated),
        (&["campaign", "starts"], campaign.map(|c| c.starts)),
        (&["campaign", "ends"], campaign.and_then(|c| c.ends)),
        (&["stats", "as_of"], as_of),
    ];
    for (key_path, date) in dates {
        if let Some(date) = date.filter(|d| d.date().year() < EARLIEST_YEAR) {
            let year = date.date().year();
            let date = iso(date);
            problem(
                key_path,
                Msg::YearTooEarly { date, year },
                Msg::YearTooEarlyHelp,
            );
        }
    }
    // An order is judged between plausible dates only: a year typed wrong is reported once.
    let plausible = |date: Option<DateValue>| date.filter(|d| d.date().year() >= EARLIEST_YEAR);
    if let (Some(date), Some(updated)) = (plausible(front.date), plausible(front.updated))
        && updated.date() < date.date()
    {
        problem(
            &["updated"],
            Msg::UpdatedBeforeDate {
                updated: iso(updated),
                date: iso(date),
            },
            Msg::UpdatedBeforeDateHelp,
        );
    }
    if let Some(campaign) = campaign
        && let (Some(starts), Some(ends)) =
            (plausible(Some(campaign.starts)), plausible(campaign.ends))
        && ends.date() < starts.date()
    {
        problem(
            &["campaign", "ends"],
            Msg::CampaignEndsBeforeStarts {
                ends: iso(ends),
                starts: iso(starts),
            },
            Msg::CampaignEndsBeforeStartsHelp,
        );
    }
    if let Some(as_of) = as_of.filter(|d| d.date() > today) {
        problem(
            &["stats", "as_of"],
            Msg::AsOfInFuture {
                as_of: iso(as_of),
                today: today.format("%Y-%m-%d").to_string(),
            },
            Msg::AsOfInFutureHelp,
        );
    }
}

/// The warning for figures that name a unit merged on 1/7/2025 and are as of that day
/// or later: they may be meant for the former unit's land, or for the whole new unit.
pub(super) fn merged_unit(
    registry: &Registry,
    unit: &crate::provinces::Unit,
    front: &ArticleFront,
) -> Option<(Msg, Msg)> {
    let stats = front.stats.as_ref().filter(|s| !s.figures.is_empty())?;
    let as_of = stats.as_of.or(front.date)?.date();
    if as_of < provinces::REORGANISED {
        return None;
    }
    let current = registry.merged_into(unit)?;
    Some((
        Msg::UnitMerged {
            province: unit.name.clone(),
            as_of: as_of.format("%Y-%m-%d").to_string(),
            current: current.name.clone(),
            kind: current.kind.clone(),
            absorbed: current.absorbed.clone(),
        },
        Msg::UnitMergedHelp {
            province: unit.name.clone(),
            current: current.name.clone(),
        },
    ))
}

/// The lines of body `loa new` writes for the officer to replace.
pub const PLACEHOLDERS: [&str; 3] = [
    "Viết đoạn mở đầu của bài ở đây: việc gì, ở đâu, khi nào.",
    "Đặt ảnh vào thư mục của bài rồi chèn ảnh có chú thích như sau:",
    "![Mô tả ảnh cho người không xem được ảnh](anh.jpg \"Chú thích dưới ảnh\")",
];

/// A warning at each line of a published article that is still a placeholder of
/// [`PLACEHOLDERS`]: the article was published before it was finished.
pub(super) fn check_placeholders(
    source: &Source,
    front: &ArticleFront,
    problems: &mut Diagnostics,
) {
    if front.draft {
        return;
    }
    let body = source.body();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let written = line.trim();
        if let Some(placeholder) = PLACEHOLDERS.iter().find(|p| **p == written) {
            let start = source.body_offset() + offset + (line.len() - line.trim_start().len());
            let mut warning = Diagnostic::new(
                &source.path,
                Msg::PlaceholderLeft {
                    text: placeholder.to_string(),
                }
                .to_string(),
            )
            .help(Msg::PlaceholderLeftHelp.to_string())
            .warning();
            warning.location = Some(Location::at_offset(&source.text(), start, written.len()));
            problems.push(warning);
        }
        offset += line.len();
    }
}
