//! Statistics: the figures that articles report, gathered per province and metric, summed
//! into national totals and rolled up into the provinces in force since 1/7/2025, and the
//! open-data files (`stats.json`, `stats.csv`) that publish them.
//!
//! Owns the statistics rules of docs/design.md ("Statistics"):
//! - only listed articles count (in a section, not drafts); each reports figures for its
//!   `province` as of `stats.as_of`, else the article's date;
//! - per province and metric the figure shown is the report with the latest `as_of`; two
//!   reports of different values for the same province, metric and `as_of` are an error
//!   naming both files (equal values are not: the earlier article is the source shown);
//! - a national total is the sum over provinces of the figures shown;
//! - a current province's figure is the sum over the old units it absorbed that reported
//!   one, `partial` when some absorbed unit reported none. A current unit that an article
//!   names directly (possible only with a site's own registry entries, since a name shared
//!   by both eras gives the old unit) reported for the whole of itself: that figure is
//!   shown as it is, complete, instead of the sum.
//!
//! # Addresses
//! An old unit and the current unit that kept its name share a slug (Cần Thơ before and
//! after 1/7/2025 are both `can-tho`). The statistics pages are therefore addressed by
//! slug, one page per slug, `/<stats-path>/<slug>/`, and a page holds what exists under
//! that slug: the reporting unit of that slug (its figures' history and sources) and the
//! current unit of that slug (its rolled-up figures and the units it absorbed). A page
//! exists for every reporting unit and for every current unit with at least one figure,
//! so each row of both tables on the national page links to a page, and the page of a
//! current unit links on to the pages of the units it absorbed.
//!
//! Pure: no I/O, no templates, no printing. It reads the registry but never changes it.

use crate::i18n::Msg;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::AddAssign;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::config::{Metric, Scope, StatsConfig, locate_key};
use crate::load::content::Article;
use crate::load::content::figure::{Figure, Qualifier};
use crate::load::content::front::Origin;
use crate::provinces::{Era, Registry, Unit};
use crate::vi;

/// The open-data file names, under the statistics path.
pub const JSON_FILE: &str = "stats.json";
pub const CSV_FILE: &str = "stats.csv";

/// Figures per metric: what one province reports, or a sum. A metric that is absent was
/// not reported, which is not the same as a reported 0; adding keeps that difference
/// (absent + absent stays absent). A sum's qualifier follows `Qualifier::of_sum`; a
/// figure added to nothing stays as it is, word and all: a sum of one part is that part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures(BTreeMap<String, Figure>);

impl Figures {
    pub fn get(&self, metric: &str) -> Option<Figure> {
        self.0.get(metric).copied()
    }

    pub fn insert(&mut self, metric: impl Into<String>, figure: Figure) {
        self.0.insert(metric.into(), figure);
    }

    /// Metric names with their figures, by metric name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Figure)> {
        self.0
            .iter()
            .map(|(metric, figure)| (metric.as_str(), *figure))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl AddAssign<&Figures> for Figures {
    fn add_assign(&mut self, other: &Figures) {
        for (metric, figure) in &other.0 {
            self.0
                .entry(metric.clone())
                .and_modify(|sum| *sum = *sum + *figure)
                .or_insert(*figure);
        }
    }
}

impl AddAssign for Figures {
    fn add_assign(&mut self, other: Figures) {
        *self += &other;
    }
}

impl<S: Into<String>> FromIterator<(S, Figure)> for Figures {
    fn from_iter<I: IntoIterator<Item = (S, Figure)>>(iter: I) -> Self {
        Self(iter.into_iter().map(|(m, v)| (m.into(), v)).collect())
    }
}

/// The article a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file, as shown in messages: `content/le-ra-mat/le-ra-mat-dak-lak.md`.
    pub path: String,
    /// Its page: `/le-ra-mat/le-ra-mat-dak-lak/`.
    pub url: String,
    pub title: String,
    /// The article's date.
    pub date: NaiveDate,
}

/// One figure as one article reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub value: Figure,
    pub as_of: NaiveDate,
    pub source: Source,
    /// Where the article says the figure was first published.
    pub origin: Option<Origin>,
}

/// A unit named by its official name and slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    pub name: String,
    pub slug: String,
}

impl UnitRef {
    fn of(unit: &Unit) -> Self {
        Self {
            name: unit.name.clone(),
            slug: unit.slug.clone(),
        }
    }
}

/// A unit that reported at least one figure: in practice one of the 63 old units, since
/// the articles name the unit of their time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceStats {
    pub unit: Unit,
    /// The current unit it belongs to since 1/7/2025 (itself for a current unit).
    pub current: UnitRef,
    /// Per metric, the figure shown: the report with the latest `as_of`.
    pub shown: BTreeMap<String, Report>,
    /// Per metric, every report: oldest `as_of` first, and on one `as_of` the earlier
    /// article first.
    pub history: BTreeMap<String, Vec<Report>>,
}

impl ProvinceStats {
    pub fn name(&self) -> &str {
        &self.unit.name
    }

    pub fn slug(&self) -> &str {
        &self.unit.slug
    }

    /// The values shown, per metric.
    pub fn figures(&self) -> Figures {
        self.shown
            .iter()
            .map(|(metric, report)| (metric.as_str(), report.value))
            .collect()
    }
}

/// An old unit as part of a current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absorbed {
    pub unit: UnitRef,
    /// Whether it reported any figure.
    pub reported: bool,
}

/// A unit in force since 1/7/2025, with the figures of the units it absorbed rolled up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentProvinceStats {
    pub unit: Unit,
    /// The old units it was formed from, in the registry's order.
    pub absorbed: Vec<Absorbed>,
    /// Per metric that any of them reported, the sum over those that did.
    pub figures: Figures,
    /// Per metric in `figures`, the absorbed units that reported none for it, by name: the
    /// figure is partial when this list is not empty.
    pub missing: BTreeMap<String, Vec<String>>,
}

impl CurrentProvinceStats {
    pub fn name(&self) -> &str {
        &self.unit.name
    }

    pub fn slug(&self) -> &str {
        &self.unit.slug
    }

    /// Whether the figure for `metric` leaves out some absorbed unit.
    pub fn is_partial(&self, metric: &str) -> bool {
        self.missing.get(metric).is_some_and(|m| !m.is_empty())
    }
}

/// One statistics page: what lives under one slug (see the module's "Addresses").
#[derive(Debug, Clone, Copy)]
pub struct StatsPage<'a> {
    pub slug: &'a str,
    pub province: Option<&'a ProvinceStats>,
    pub current: Option<&'a CurrentProvinceStats>,
}

impl<'a> StatsPage<'a> {
    /// The name the page is about: the reporting unit's, else the current unit's.
    pub fn name(&self) -> &'a str {
        match (self.province, self.current) {
            (Some(province), _) => province.name(),
            (None, Some(current)) => current.name(),
            (None, None) => self.slug,
        }
    }
}

/// Every figure of the site, gathered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistics {
    /// The URL segment of the statistics pages: `thong-ke`.
    pub path: String,
    /// The metrics of site.yaml, in its order.
    pub metrics: Vec<Metric>,
    /// The province a provincial portal reports, as the registry names it; none for a
    /// national site.
    pub scope: Option<UnitRef>,
    /// The national totals: per metric, the sum of the figures shown.
    pub totals: Figures,
    /// The units with at least one figure, in Vietnamese order.
    pub provinces: Vec<ProvinceStats>,
    /// Every current unit of the registry, in Vietnamese order, with or without figures.
    pub current_provinces: Vec<CurrentProvinceStats>,
    /// How many units there were before 1/7/2025: what `provinces` is out of.
    pub old_unit_count: usize,
}

impl Statistics {
    /// `/thong-ke/`
    pub fn url(&self) -> String {
        format!("/{}/", self.path)
    }

    /// `/thong-ke/stats.json`
    pub fn json_url(&self) -> String {
        format!("/{}/{JSON_FILE}", self.path)
    }

    /// `/thong-ke/stats.csv`
    pub fn csv_url(&self) -> String {
        format!("/{}/{CSV_FILE}", self.path)
    }

    /// The total for `metric`: an exact 0 when no province reported it.
    pub fn total(&self, metric: &str) -> Figure {
        self.totals.get(metric).unwrap_or_default()
    }

    /// The reporting unit of that slug, if it reported.
    pub fn province(&self, slug: &str) -> Option<&ProvinceStats> {
        self.provinces.iter().find(|p| p.slug() == slug)
    }

    /// The current unit of that slug, if it has any figure.
    pub fn current_with_figures(&self, slug: &str) -> Option<&CurrentProvinceStats> {
        self.current_provinces
            .iter()
            .find(|c| c.slug() == slug && !c.figures.is_empty())
    }

    /// Every statistics page, by slug.
    pub fn pages(&self) -> Vec<StatsPage<'_>> {
        let slugs: BTreeSet<&str> = self
            .provinces
            .iter()
            .map(ProvinceStats::slug)
            .chain(
                self.current_provinces
                    .iter()
                    .filter(|c| !c.figures.is_empty())
                    .map(CurrentProvinceStats::slug),
            )
            .collect();
        slugs
            .into_iter()
            .map(|slug| StatsPage {
                slug,
                province: self.province(slug),
                current: self.current_with_figures(slug),
            })
            .collect()
    }

    /// The page for `slug`, if there is one: `/thong-ke/dak-lak/`.
    pub fn page_url(&self, slug: &str) -> Option<String> {
        (self.province(slug).is_some() || self.current_with_figures(slug).is_some())
            .then(|| format!("/{}/{slug}/", self.path))
    }

    /// Every path the statistics produce: the national page, the open-data files and one
    /// page per slug.
    pub fn urls(&self) -> Vec<String> {
        let mut urls = vec![self.url(), self.json_url(), self.csv_url()];
        urls.extend(
            self.pages()
                .iter()
                .map(|page| format!("/{}/{}/", self.path, page.slug)),
        );
        urls
    }

    /// The latest `as_of` of the figures shown, if any.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.provinces
            .iter()
            .flat_map(|p| p.shown.values().map(|r| r.as_of))
            .max()
    }

    /// `stats.json`, as docs/design.md specifies it, pretty-printed.
    pub fn to_json(&self) -> String {
        let data = OpenData {
            metrics: self
                .metrics
                .iter()
                .map(|m| {
                    (
                        m.name.as_str(),
                        OpenMetric {
                            label: &m.label,
                            unit: m.unit.as_deref(),
                            decimals: m.decimals,
                        },
                    )
                })
                .collect(),
            totals: self
                .metrics
                .iter()
                .map(|m| (m.name.as_str(), OpenValue::of(self.total(&m.name))))
                .collect(),
            provinces: self
                .provinces
                .iter()
                .map(|p| OpenProvince {
                    name: p.name(),
                    slug: p.slug(),
                    current: &p.current.name,
                    figures: p
                        .shown
                        .iter()
                        .map(|(metric, report)| {
                            (
                                metric.as_str(),
                                OpenFigure {
                                    value: OpenValue::of(report.value),
                                    as_of: report.as_of.format("%Y-%m-%d").to_string(),
                                    source: &report.source.url,
                                    origin: report.origin.as_ref().map(|o| OpenOrigin {
                                        name: &o.name,
                                        url: o.url.as_deref(),
                                    }),
                                },
                            )
                        })
                        .collect(),
                })
                .collect(),
            current_provinces: self
                .current_provinces
                .iter()
                .map(|c| OpenCurrent {
                    name: c.name(),
                    slug: c.slug(),
                    absorbed: c.absorbed.iter().map(|a| a.unit.name.as_str()).collect(),
                    figures: c
                        .figures
                        .iter()
                        .map(|(metric, figure)| {
                            (
                                metric,
                                OpenRollup {
                                    value: OpenValue::of(figure),
                                    partial: c.is_partial(metric),
                                },
                            )
                        })
                        .collect(),
                })
                .collect(),
        };
        let mut json = serde_json::to_string_pretty(&data)
            .unwrap_or_else(|_| unreachable!("maps with string keys always serialise"));
        json.push('\n');
        json
    }

    /// `stats.csv`, as docs/design.md specifies it: UTF-8 after a byte-order mark (without
    /// it, Excel on Windows reads the file in the system's code page and garbles every
    /// Vietnamese letter), a header row, then one row per province and metric, provinces
    /// in Vietnamese order and metrics in site.yaml's order.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record([
            "province",
            "province_slug",
            "current_province",
            "metric",
            "value",
            "qualifier",
            "origin_name",
            "origin_url",
            "as_of",
            "source",
        ])?;
        for province in &self.provinces {
            for metric in &self.metrics {
                if let Some(report) = province.shown.get(&metric.name) {
                    let origin = report.origin.as_ref();
                    writer.write_record([
                        province.name(),
                        province.slug(),
                        &province.current.name,
                        &metric.name,
                        &report.value.value.plain(),
                        report.value.qualifier.map_or("", Qualifier::word),
                        origin.map_or("", |o| o.name.as_str()),
                        origin.and_then(|o| o.url.as_deref()).unwrap_or(""),
                        &report.as_of.format("%Y-%m-%d").to_string(),
                        &report.source.url,
                    ])?;
                }
            }
        }
        writer
            .into_inner()
            .map_err(|error| csv::Error::from(error.into_error()))
    }
}

#[derive(Serialize)]
struct OpenData<'a> {
    metrics: BTreeMap<&'a str, OpenMetric<'a>>,
    totals: BTreeMap<&'a str, OpenValue>,
    provinces: Vec<OpenProvince<'a>>,
    current_provinces: Vec<OpenCurrent<'a>>,
}

#[derive(Serialize)]
struct OpenMetric<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "is_zero")]
    decimals: u32,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// A figure's number and word: `{"value": 9000, "qualifier": "trên"}`, flattened into
/// the objects that hold one.
#[derive(Serialize)]
struct OpenValue {
    value: serde_json::Number,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'static str>,
}

impl OpenValue {
    fn of(figure: Figure) -> Self {
        Self {
            value: figure.value.json(),
            qualifier: figure.qualifier.map(Qualifier::word),
        }
    }
}

#[derive(Serialize)]
struct OpenOrigin<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct OpenProvince<'a> {
    name: &'a str,
    slug: &'a str,
    current: &'a str,
    figures: BTreeMap<&'a str, OpenFigure<'a>>,
}

#[derive(Serialize)]
struct OpenFigure<'a> {
    #[serde(flatten)]
    value: OpenValue,
    as_of: String,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<OpenOrigin<'a>>,
}

#[derive(Serialize)]
struct OpenCurrent<'a> {
    name: &'a str,
    slug: &'a str,
    absorbed: Vec<&'a str>,
    figures: BTreeMap<&'a str, OpenRollup>,
}

#[derive(Serialize)]
struct OpenRollup {
    #[serde(flatten)]
    value: OpenValue,
    partial: bool,
}

/// A unit's entries, per metric name.
type EntriesByMetric<'a> = BTreeMap<&'a str, Vec<Entry<'a>>>;

/// One article's figure for one metric, before the rules are applied.
struct Entry<'a> {
    value: Figure,
    as_of: NaiveDate,
    article: &'a Article,
    date: NaiveDate,
}

impl Entry<'_> {
    fn report(&self) -> Report {
        Report {
            value: self.value,
            origin: self
                .article
                .front
                .stats
                .as_ref()
                .and_then(|s| s.origin.clone()),
            as_of: self.as_of,
            source: Source {
                path: self.article.source.path_string(),
                url: self.article.url.clone(),
                title: self.article.front.title.clone(),
                date: self.date,
            },
        }
    }
}

/// Applies the rules to `articles` (the site's articles: `Content::articles` before
/// `site::resolve`, or the articles of `Site::pages` after it; they are the same). Every
/// conflict is reported, each in the later of its two articles, at its metric's line.
///
/// `lib::build` runs it before resolving links, because the links of articles may point
/// to the statistics pages, whose addresses depend on the figures.
pub fn aggregate<'a>(
    config: &StatsConfig,
    registry: &Registry,
    articles: impl IntoIterator<Item = &'a Article>,
) -> Result<Statistics, Diagnostics> {
    let (statistics, problems) = gather(config, registry, articles);
    problems.into_result()?;
    Ok(statistics)
}

/// The paths the statistics will produce (see `Statistics::urls`), also when some figures
/// conflict, so that links to them are not reported as broken on top of the conflict.
pub fn urls<'a>(
    config: &StatsConfig,
    registry: &Registry,
    articles: impl IntoIterator<Item = &'a Article>,
) -> Vec<String> {
    gather(config, registry, articles).0.urls()
}

fn gather<'a>(
    config: &StatsConfig,
    registry: &Registry,
    articles: impl IntoIterator<Item = &'a Article>,
) -> (Statistics, Diagnostics) {
    let mut problems = Diagnostics::default();
    // (era, slug) -> the unit and its entries per metric. Slugs are unique within an era.
    let mut by_unit: HashMap<(Era, &str), (&Unit, EntriesByMetric)> = HashMap::new();
    for article in articles {
        let front = &article.front;
        // Drafts, stand-alone pages and files with problems reported elsewhere (no date,
        // an unknown province) do not count.
        let (Some(stats), Some(province), Some(date), false, true) = (
            &front.stats,
            &front.province,
            front.date,
            front.draft,
            article.section.is_some(),
        ) else {
            continue;
        };
        let Some(unit) = registry.lookup(province) else {
            continue;
        };
        let as_of = stats.as_of.unwrap_or(date).date();
        for (metric, value) in &stats.figures {
            let Some(metric) = config.metrics.iter().find(|m| &m.name == metric) else {
                continue;
            };
            by_unit
                .entry((unit.era, unit.slug.as_str()))
                .or_insert_with(|| (unit, BTreeMap::new()))
                .1
                .entry(metric.name.as_str())
                .or_default()
                .push(Entry {
                    value: *value,
                    as_of,
                    article,
                    date: date.date(),
                });
        }
    }

    let mut provinces: Vec<ProvinceStats> = by_unit
        .into_values()
        .map(|(unit, metrics)| {
            let mut province = ProvinceStats {
                unit: unit.clone(),
                current: UnitRef::of(registry.current_of(unit)),
                shown: BTreeMap::new(),
                history: BTreeMap::new(),
            };
            for (metric, mut entries) in metrics {
                entries.sort_by(|a, b| {
                    (a.as_of, a.date, &a.article.source.path).cmp(&(
                        b.as_of,
                        b.date,
                        &b.article.source.path,
                    ))
                });
                for same_day in entries.chunk_by(|a, b| a.as_of == b.as_of) {
                    let first = &same_day[0];
                    for other in same_day[1..].iter().filter(|e| e.value != first.value) {
                        problems.push(conflict(&unit.name, metric, first, other));
                    }
                }
                if let Some(latest) = entries.last() {
                    let shown = entries.iter().find(|e| e.as_of == latest.as_of);
                    if let Some(shown) = shown {
                        province.shown.insert(metric.to_string(), shown.report());
                    }
                }
                province.history.insert(
                    metric.to_string(),
                    entries.iter().map(Entry::report).collect(),
                );
            }
            province
        })
        .collect();
    provinces.sort_by(|a, b| vi::compare(a.name(), b.name()).then_with(|| a.slug().cmp(b.slug())));

    let mut totals = Figures::default();
    for province in &provinces {
        totals += province.figures();
    }

    let reported = |unit: &Unit| {
        provinces
            .iter()
            .find(|p| p.unit.era == unit.era && p.unit.slug == unit.slug)
    };
    let current_provinces = registry
        .current_units()
        .map(|unit| {
            let absorbed: Vec<&Unit> = registry.absorbed_units(unit).collect();
            let mut current = CurrentProvinceStats {
                unit: unit.clone(),
                absorbed: absorbed
                    .iter()
                    .map(|old| Absorbed {
                        unit: UnitRef::of(old),
                        reported: reported(old).is_some(),
                    })
                    .collect(),
                figures: Figures::default(),
                missing: BTreeMap::new(),
            };
            if let Some(direct) = reported(unit) {
                current.figures = direct.figures();
                for metric in direct.shown.keys() {
                    current.missing.insert(metric.clone(), Vec::new());
                }
            }
            let mut sum = Figures::default();
            for province in absorbed.iter().filter_map(|old| reported(old)) {
                sum += province.figures();
            }
            for (metric, figure) in sum.iter() {
                if current.figures.get(metric).is_some() {
                    continue;
                }
                let missing = absorbed
                    .iter()
                    .filter(|old| reported(old).is_none_or(|p| !p.shown.contains_key(metric)))
                    .map(|old| old.name.clone())
                    .collect();
                current.figures.insert(metric, figure);
                current.missing.insert(metric.to_string(), missing);
            }
            current
        })
        .collect();

    let statistics = Statistics {
        path: config.path.clone(),
        metrics: config.metrics.clone(),
        scope: match &config.scope {
            Scope::National => None,
            Scope::Province(name) => registry.lookup(name).map(UnitRef::of),
        },
        totals,
        provinces,
        current_provinces,
        old_unit_count: registry.old_units().len(),
    };
    (statistics, problems)
}

/// Two articles disagree on one figure for one day: the message sits in the later one.
fn conflict(province: &str, metric: &str, first: &Entry, other: &Entry) -> Diagnostic {
    let source = &other.article.source;
    let first_path = first.article.source.path_string();
    let as_of = other.as_of.format("%Y-%m-%d");
    let mut diagnostic = Diagnostic::new(
        &source.path,
        Msg::FigureConflict {
            metric: metric.into(),
            province: province.into(),
            as_of: as_of.to_string(),
            here: other.value.written(),
            there: first.value.written(),
            first: first_path.clone(),
        }
        .to_string(),
    )
    .note(
        Msg::FigureConflictNote {
            place: match locate_key(&first.article.source.front, 2, &["stats", metric]) {
                Some(at) => format!("{first_path}:{}", at.line),
                None => first_path.clone(),
            },
            metric: metric.into(),
            value: first.value.written(),
            province: province.into(),
            as_of: as_of.to_string(),
        }
        .to_string(),
    )
    .help(Msg::FigureConflictHelp.to_string());
    diagnostic.location = locate_key(&source.front, 2, &["stats", metric]);
    diagnostic
}

/// A figure as templates show it, through the `figure` filter: `{{ f.value | figure }}`
/// gives "trên 9.000" or "4,6 tỷ đồng/năm".
#[derive(Serialize)]
pub struct FigureValue<'a> {
    /// The number, for programs and comparisons: 9000, 4.6.
    value: serde_json::Number,
    /// The article's word (`trên`, `khoảng`, …); none when exact.
    qualifier: Option<&'static str>,
    /// The metric's unit (`tỷ đồng/năm`); none for a count.
    unit: Option<&'a str>,
    /// How many digits after the comma the metric allows.
    decimals: u32,
}

impl<'a> FigureValue<'a> {
    pub fn of(figure: Figure, metric: &'a Metric) -> Self {
        Self {
            value: figure.value.json(),
            qualifier: figure.qualifier.map(Qualifier::word),
            unit: metric.unit.as_deref(),
            decimals: metric.decimals,
        }
    }
}

/// What the `figure` filter writes for `figure` of `metric`, for text made outside
/// templates (charts, search text): the same words.
pub fn figure_text(figure: Figure, metric: &Metric) -> String {
    match &metric.unit {
        Some(unit) => format!("{} {unit}", figure.text()),
        None => figure.text(),
    }
}

#[cfg(test)]
mod tests;
