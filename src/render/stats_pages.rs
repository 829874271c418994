//! The statistics pages: the views that `stats.html` (national) and
//! `stats_province.html` (one page per slug, see `stats`' "Addresses") see, the `stats`
//! value in every template's context, the bar charts drawn at build time, and the jobs
//! that render the pages.
//!
//! Charts are geometry computed here and drawn as SVG by the templates: no JavaScript,
//! and every number in a chart is also in a table on the same page.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;
use tera::{Map, Value};

use super::plan::{Bodies, Job};
use super::views::OriginView;
use crate::load::config::{Metric, TermSource};
use crate::load::content::figure::Figure;
use crate::load::content::front::Kind;
use crate::provinces::Era;
use crate::site::Site;
use crate::site::stats::{CurrentProvinceStats, ProvinceStats, Report, Statistics, StatsPage};
use crate::site::stats::{FigureValue, figure_text};
use crate::vi::{self, DateStyle};

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `stats` in every template: the national figures and both tables' rows.
#[derive(Serialize)]
pub(super) struct StatsView<'a> {
    /// `/thong-ke/`
    url: String,
    /// `/thong-ke/stats.json`
    json_url: String,
    /// `/thong-ke/stats.csv`
    csv_url: String,
    /// The latest `as_of` of the figures shown (YYYY-MM-DD), if any.
    as_of: Option<String>,
    /// The metrics of site.yaml, by name, each with its national total.
    metrics: Vec<MetricView<'a>>,
    /// Metric name -> national total (an exact 0 when nobody reported it), a figure for
    /// the `figure` filter: `stats.totals.teams | figure`.
    totals: BTreeMap<&'a str, FigureValue<'a>>,
    /// The provinces that reported, in Vietnamese order.
    provinces: Vec<ProvinceView<'a>>,
    /// The current provinces, all of them, in Vietnamese order.
    current_provinces: Vec<CurrentView<'a>>,
    /// The province of a provincial portal (`stats.scope` in site.yaml), none for a
    /// national site.
    scope: Option<UnitLinkView<'a>>,
    /// How many units reported at least one figure, out of how many before 1/7/2025.
    provinces_reported: usize,
    provinces_total: usize,
    /// How many current provinces have at least one figure, out of how many.
    current_reported: usize,
    current_total: usize,
}

#[derive(Serialize)]
struct MetricView<'a> {
    name: &'a str,
    label: &'a str,
    unit: Option<&'a str>,
    total: FigureValue<'a>,
    /// How many provinces reported this metric.
    provinces: usize,
}

#[derive(Serialize)]
struct UnitLinkView<'a> {
    name: &'a str,
    slug: &'a str,
    /// Its statistics page, when it has one.
    url: Option<String>,
}

#[derive(Serialize)]
struct SourceView<'a> {
    url: &'a str,
    title: &'a str,
    date: String,
}

impl<'a> SourceView<'a> {
    fn of(report: &'a Report) -> Self {
        Self {
            url: &report.source.url,
            title: &report.source.title,
            date: iso(report.source.date),
        }
    }
}

/// One metric of one reporting province; `value` is none when it did not report it.
#[derive(Serialize)]
struct FigureView<'a> {
    metric: &'a str,
    label: &'a str,
    value: Option<FigureValue<'a>>,
    as_of: Option<String>,
    source: Option<SourceView<'a>>,
    /// Where the figure was first published, when its article says.
    origin: Option<OriginView<'a>>,
}

#[derive(Serialize)]
struct ProvinceView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    kind: &'a str,
    region: &'a str,
    /// `old` (before 1/7/2025) or `current`.
    era: Era,
    /// The current province it is part of.
    current: UnitLinkView<'a>,
    /// Its page in the provinces taxonomy, if the site has one.
    term_url: Option<&'a str>,
    /// One per metric, in the order of `stats.metrics`.
    figures: Vec<FigureView<'a>>,
}

/// One metric of one current province; `value` is none when no absorbed unit reported it.
#[derive(Serialize)]
struct RollupView<'a> {
    metric: &'a str,
    label: &'a str,
    value: Option<FigureValue<'a>>,
    partial: bool,
    /// The absorbed units that reported nothing for this metric (when `value` is set).
    missing: &'a [String],
}

#[derive(Serialize)]
struct AbsorbedView<'a> {
    name: &'a str,
    slug: &'a str,
    url: Option<String>,
    reported: bool,
}

#[derive(Serialize)]
struct CurrentView<'a> {
    name: &'a str,
    slug: &'a str,
    url: Option<String>,
    kind: &'a str,
    region: &'a str,
    absorbed: Vec<AbsorbedView<'a>>,
    /// One per metric, in the order of `stats.metrics`.
    figures: Vec<RollupView<'a>>,
    /// Whether it has any figure.
    reported: bool,
}

/// `province` on a province page.
#[derive(Serialize)]
struct ProvincePageView<'a> {
    /// The name the page is about.
    title: &'a str,
    slug: &'a str,
    url: String,
    permalink: String,
    /// The page listing every article about it, if the site has a provinces taxonomy.
    term_url: Option<&'a str>,
    /// The reporting unit of this slug, when it reported.
    province: Option<ProvinceView<'a>>,
    /// Per metric it reported, every report with a chart.
    history: Vec<HistoryView<'a>>,
    /// The current province of this slug, when it has figures.
    current: Option<CurrentView<'a>>,
}

#[derive(Serialize)]
struct HistoryView<'a> {
    metric: &'a str,
    label: &'a str,
    /// Oldest first.
    reports: Vec<ReportView<'a>>,
    chart: ChartView,
}

#[derive(Serialize)]
struct ReportView<'a> {
    value: FigureValue<'a>,
    as_of: String,
    source: SourceView<'a>,
    origin: Option<OriginView<'a>>,
}

/// A horizontal bar chart, one row per bar: the label above, the bar below, the value
/// after the bar. Coordinates are in the SVG's own units (`viewBox="0 0 width height"`).
#[derive(Serialize, Debug, PartialEq)]
pub(super) struct ChartView {
    /// Unique on its page; the template derives the ids of `<title>` and `<desc>` from it.
    id: String,
    title: String,
    /// The text alternative: every bar's label and value.
    desc: String,
    width: u32,
    height: u32,
    bars: Vec<BarView>,
}

#[derive(Serialize, Debug, PartialEq)]
struct BarView {
    label: String,
    /// The value as the `figure` filter writes it: `2.199`, `trên 9.000`.
    value_text: String,
    /// Baseline of the label.
    label_y: u32,
    bar_y: u32,
    bar_width: u32,
    bar_height: u32,
    /// Where the value is written, after the bar.
    value_x: u32,
    value_y: u32,
}

const CHART_WIDTH: u32 = 400;
const ROW_HEIGHT: u32 = 40;
const BAR_HEIGHT: u32 = 14;
/// Room after a bar for each letter of its value's text, at the chart's 13 units of font
/// size (a little over the average width of a letter), and at least this much.
const LETTER_WIDTH: u32 = 7;
const MIN_VALUE_ROOM: u32 = 40;

/// A bar chart of `rows` of `metric` in the order given, the longest bar for the largest
/// value. A qualified figure's bar is drawn at its number, and its text says its word.
fn bar_chart(id: String, title: String, metric: &Metric, rows: Vec<(String, Figure)>) -> ChartView {
    let max = rows
        .iter()
        .map(|(_, f)| f.value.as_f64())
        .fold(0.0, f64::max);
    // The longest bar leaves room for the longest text: "trên 9.000", "hơn 4,6 tỷ đồng/năm".
    let texts: Vec<String> = rows.iter().map(|(_, f)| figure_text(*f, metric)).collect();
    let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    let room = (u32::try_from(longest).unwrap_or(u32::MAX))
        .saturating_mul(LETTER_WIDTH)
        .saturating_add(10)
        .clamp(MIN_VALUE_ROOM, CHART_WIDTH / 2);
    let span = f64::from(CHART_WIDTH - room);
    let desc = rows
        .iter()
        .zip(&texts)
        .map(|((label, _), text)| format!("{label}: {text}"))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = rows
        .into_iter()
        .zip(texts)
        .zip(0u32..)
        .map(|(((label, figure), value_text), row)| {
            let top = row * ROW_HEIGHT;
            let value = figure.value.as_f64();
            // Widths are rounded, with at least 1 unit for a value above 0 so that a
            // small figure stays visible next to a large one.
            let width = if max > 0.0 {
                // At most `span`, a few hundred: the cast cannot truncate.
                ((value * span / max).round() as u32).max(u32::from(value > 0.0))
            } else {
                0
            };
            BarView {
                value_text,
                label,
                label_y: top + 14,
                bar_y: top + 20,
                bar_width: width,
                bar_height: BAR_HEIGHT,
                value_x: width + 6,
                value_y: top + 20 + BAR_HEIGHT - 2,
            }
        })
        .collect::<Vec<_>>();
    ChartView {
        height: (bars.len() as u32).max(1) * ROW_HEIGHT,
        id,
        title,
        desc: format!("{desc}."),
        width: CHART_WIDTH,
        bars,
    }
}

/// What the templates see of the statistics, shared by every page.
pub(super) fn stats_view<'a>(site: &'a Site, statistics: &'a Statistics) -> StatsView<'a> {
    StatsView {
        url: statistics.url(),
        json_url: statistics.json_url(),
        csv_url: statistics.csv_url(),
        as_of: statistics.as_of().map(iso),
        metrics: statistics
            .metrics
            .iter()
            .map(|m| MetricView {
                name: &m.name,
                label: &m.label,
                unit: m.unit.as_deref(),
                total: FigureValue::of(statistics.total(&m.name), m),
                provinces: statistics
                    .provinces
                    .iter()
                    .filter(|p| p.shown.contains_key(&m.name))
                    .count(),
            })
            .collect(),
        totals: statistics
            .metrics
            .iter()
            .map(|m| {
                (
                    m.name.as_str(),
                    FigureValue::of(statistics.total(&m.name), m),
                )
            })
            .collect(),
        provinces: statistics
            .provinces
            .iter()
            .map(|p| province_view(site, statistics, p))
            .collect(),
        current_provinces: statistics
            .current_provinces
            .iter()
            .map(|c| current_view(statistics, c))
            .collect(),
        scope: statistics.scope.as_ref().map(|unit| UnitLinkView {
            name: &unit.name,
            slug: &unit.slug,
            url: statistics.page_url(&unit.slug),
        }),
        provinces_reported: statistics.provinces.len(),
        provinces_total: statistics.old_unit_count,
        current_reported: statistics
            .current_provinces
            .iter()
            .filter(|c| !c.figures.is_empty())
            .count(),
        current_total: statistics.current_provinces.len(),
    }
}

fn province_view<'a>(
    site: &'a Site,
    statistics: &'a Statistics,
    province: &'a ProvinceStats,
) -> ProvinceView<'a> {
    ProvinceView {
        name: province.name(),
        slug: province.slug(),
        url: format!("/{}/{}/", statistics.path, province.slug()),
        kind: &province.unit.kind,
        region: &province.unit.region,
        era: province.unit.era,
        current: UnitLinkView {
            name: &province.current.name,
            slug: &province.current.slug,
            url: statistics.page_url(&province.current.slug),
        },
        term_url: site.term_url(TermSource::Province, province.name()),
        figures: statistics
            .metrics
            .iter()
            .map(|m| {
                let shown = province.shown.get(&m.name);
                FigureView {
                    metric: &m.name,
                    label: &m.label,
                    value: shown.map(|r| FigureValue::of(r.value, m)),
                    as_of: shown.map(|r| iso(r.as_of)),
                    source: shown.map(SourceView::of),
                    origin: shown.and_then(|r| r.origin.as_ref()).map(OriginView::of),
                }
            })
            .collect(),
    }
}

fn current_view<'a>(
    statistics: &'a Statistics,
    current: &'a CurrentProvinceStats,
) -> CurrentView<'a> {
    CurrentView {
        name: current.name(),
        slug: current.slug(),
        url: statistics.page_url(current.slug()),
        kind: &current.unit.kind,
        region: &current.unit.region,
        absorbed: current
            .absorbed
            .iter()
            .map(|a| AbsorbedView {
                name: &a.unit.name,
                slug: &a.unit.slug,
                url: a
                    .reported
                    .then(|| statistics.page_url(&a.unit.slug))
                    .flatten(),
                reported: a.reported,
            })
            .collect(),
        figures: statistics
            .metrics
            .iter()
            .map(|m| RollupView {
                metric: &m.name,
                label: &m.label,
                value: current.figures.get(&m.name).map(|f| FigureValue::of(f, m)),
                partial: current.is_partial(&m.name),
                missing: current.missing.get(&m.name).map_or(&[], Vec::as_slice),
            })
            .collect(),
        reported: !current.figures.is_empty(),
    }
}

/// Where each of the 34 provinces in force since 1/7/2025 sits on the national page's tile
/// map: (name, column, row), north at the top, roughly where the province lies. A unit a
/// site adds in `data/provinces.yaml` has no place and is left off the map (the tables
/// list it).
const TILES: [(&str, u32, u32); 34] = [
    ("Lai Châu", 0, 0),
    ("Lào Cai", 1, 0),
    ("Tuyên Quang", 2, 0),
    ("Cao Bằng", 3, 0),
    ("Điện Biên", 0, 1),
    ("Phú Thọ", 1, 1),
    ("Thái Nguyên", 2, 1),
    ("Lạng Sơn", 3, 1),
    ("Sơn La", 1, 2),
    ("Hà Nội", 2, 2),
    ("Bắc Ninh", 3, 2),
    ("Quảng Ninh", 4, 2),
    ("Ninh Bình", 2, 3),
    ("Hưng Yên", 3, 3),
    ("Hải Phòng", 4, 3),
    ("Thanh Hóa", 2, 4),
    ("Nghệ An", 2, 5),
    ("Hà Tĩnh", 3, 6),
    ("Quảng Trị", 3, 7),
    ("Huế", 4, 8),
    ("Đà Nẵng", 4, 9),
    ("Gia Lai", 3, 10),
    ("Quảng Ngãi", 4, 10),
    ("Đắk Lắk", 3, 11),
    ("Khánh Hòa", 4, 11),
    ("Tây Ninh", 1, 12),
    ("Đồng Nai", 2, 12),
    ("Lâm Đồng", 3, 12),
    ("An Giang", 0, 13),
    ("Đồng Tháp", 1, 13),
    ("Hồ Chí Minh", 2, 13),
    ("Cà Mau", 0, 14),
    ("Cần Thơ", 1, 14),
    ("Vĩnh Long", 2, 14),
];

const TILE_WIDTH: u32 = 60;
const TILE_HEIGHT: u32 = 48;
const TILE_GAP: u32 = 4;

/// The tile map of the national page: one square per current province.
#[derive(Serialize, Debug)]
pub(super) struct TileMapView<'a> {
    width: u32,
    height: u32,
    tiles: Vec<TileView<'a>>,
}

#[derive(Serialize, Debug)]
struct TileView<'a> {
    name: &'a str,
    /// Its statistics page, when it has figures.
    url: Option<String>,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    /// Where the name is written: its middle, and the baseline of its first line.
    text_x: u32,
    text_y: u32,
    /// `all` (every absorbed unit reported), `some` or `none`.
    reported: &'static str,
    /// How many of the units it absorbed reported, out of how many.
    units_reported: usize,
    units: usize,
    /// The name on one or two lines, as the tile shows it.
    lines: Vec<String>,
}

fn tile_map(statistics: &Statistics) -> TileMapView<'_> {
    let step_x = TILE_WIDTH + TILE_GAP;
    let step_y = TILE_HEIGHT + TILE_GAP;
    let tiles: Vec<TileView> = TILES
        .iter()
        .filter_map(|&(name, column, row)| {
            let current = statistics
                .current_provinces
                .iter()
                .find(|c| c.name() == name)?;
            let units = current.absorbed.len();
            let units_reported = current.absorbed.iter().filter(|a| a.reported).count();
            Some(TileView {
                name: current.name(),
                url: statistics.page_url(current.slug()),
                x: column * step_x,
                y: row * step_y,
                text_x: column * step_x + TILE_WIDTH / 2,
                text_y: row * step_y + 17,
                width: TILE_WIDTH,
                height: TILE_HEIGHT,
                reported: match units_reported {
                    0 => "none",
                    n if n == units => "all",
                    _ => "some",
                },
                units_reported,
                units,
                lines: tile_lines(current.name()),
            })
        })
        .collect();
    let columns = TILES.iter().map(|t| t.1).max().unwrap_or(0) + 1;
    let rows = TILES.iter().map(|t| t.2).max().unwrap_or(0) + 1;
    TileMapView {
        width: columns * step_x - TILE_GAP,
        height: rows * step_y - TILE_GAP,
        tiles,
    }
}

/// A name on two lines when it has more than one word, the longer part first: "Hồ Chí" /
/// "Minh", "Đà" / "Nẵng".
fn tile_lines(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return vec![name.to_string()];
    }
    let split = words.len().div_ceil(2);
    vec![words[..split].join(" "), words[split..].join(" ")]
}

/// How many ceremonies, and how many campaigns, the national page lists: a national
/// portal's launch ceremonies of 1/7/2024 fit whole, while a site of years is not one page
/// of tens of thousands of links (the sections and term pages list every article).
const TIMELINE_LIMIT: usize = 100;

/// The national page, one page per slug, for `jobs`.
pub(super) fn jobs(site: &Site, statistics: &Statistics, views: &[Value], jobs: &mut Vec<Job>) {
    let ceremonies = ceremonies(site, views);
    let campaigns = campaigns(site, views);
    let shown = ceremonies
        .pages
        .iter()
        .chain(&campaigns.pages)
        .copied()
        .collect();
    let date_style = site.config.date_style;
    // A provincial portal's page leads with its province: the same view as its page.
    let scope = statistics
        .scope
        .as_ref()
        .and_then(|unit| statistics.pages().into_iter().find(|p| p.slug == unit.slug))
        .map(|page| province_page_view(site, statistics, &page, date_style));
    jobs.push(Job {
        template: "stats.html",
        url: statistics.url(),
        context: vec![
            (
                "scope",
                scope.map_or_else(Value::none, |view| Value::from_serializable(&view)),
            ),
            (
                "charts",
                Value::from_serializable(&national_charts(statistics)),
            ),
            ("tile_map", Value::from_serializable(&tile_map(statistics))),
            ("ceremonies", ceremonies.view),
            ("ceremonies_total", Value::from(ceremonies.total)),
            ("campaigns", campaigns.view),
            ("campaigns_total", Value::from(campaigns.total)),
            ("timeline_limit", Value::from(TIMELINE_LIMIT)),
        ],
        pages: shown,
        bodies: Bodies::None,
    });
    let mut by_province: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, page) in site.pages.iter().enumerate().filter(|(_, p)| p.is_listed()) {
        if let Some(name) = &page.article.front.province {
            by_province
                .entry(vi::slugify(name))
                .or_default()
                .push(index);
        }
    }
    for page in statistics.pages() {
        let view = province_page_view(site, statistics, &page, date_style);
        let about = by_province.get(page.slug).map_or(&[][..], Vec::as_slice);
        // The province's term page lists every article, a page at a time; without one,
        // this page is the only list of them.
        let shown = match view.term_url {
            Some(_) => &about[..about.len().min(site.config.paginate_by)],
            None => about,
        };
        let articles: Vec<Value> = shown.iter().map(|&i| views[i].clone()).collect();
        jobs.push(Job {
            template: "stats_province.html",
            url: view.url.clone(),
            context: vec![
                ("province", Value::from_serializable(&view)),
                ("articles", Value::from(articles.as_slice())),
                ("articles_total", Value::from(about.len())),
            ],
            pages: shown.to_vec(),
            bodies: Bodies::None,
        });
    }
}

/// One chart per metric that any province reported: the provinces by value, largest
/// first (Vietnamese order between equal values).
fn national_charts(statistics: &Statistics) -> Vec<ChartView> {
    statistics
        .metrics
        .iter()
        .filter_map(|metric| {
            let mut rows: Vec<(&str, Figure)> = statistics
                .provinces
                .iter()
                .filter_map(|p| p.shown.get(&metric.name).map(|r| (p.name(), r.value)))
                .collect();
            if rows.is_empty() {
                return None;
            }
            rows.sort_by(|a, b| {
                b.1.value
                    .cmp(&a.1.value)
                    .then_with(|| vi::compare(a.0, b.0))
            });
            Some(bar_chart(
                format!("bieu-do-{}", vi::slugify(&metric.name)),
                format!("{} theo tỉnh, thành phố", metric.label),
                metric,
                rows.into_iter()
                    .map(|(name, value)| (name.to_string(), value))
                    .collect(),
            ))
        })
        .collect()
}

fn province_page_view<'a>(
    site: &'a Site,
    statistics: &'a Statistics,
    page: &StatsPage<'a>,
    date_style: DateStyle,
) -> ProvincePageView<'a> {
    let title = page.name();
    let url = format!("/{}/{}/", statistics.path, page.slug);
    let history = page
        .province
        .map(|province| {
            statistics
                .metrics
                .iter()
                .filter_map(|metric| {
                    let reports = province.history.get(&metric.name)?;
                    // One bar per day; reports of one day agree (a conflict stops the
                    // build), so the first of each day stands for it.
                    let mut rows: Vec<(String, Figure)> = Vec::new();
                    let mut last_day = None;
                    for report in reports {
                        if last_day != Some(report.as_of) {
                            rows.push((date_style.format(report.as_of), report.value));
                            last_day = Some(report.as_of);
                        }
                    }
                    Some(HistoryView {
                        metric: &metric.name,
                        label: &metric.label,
                        reports: reports
                            .iter()
                            .map(|r| ReportView {
                                value: FigureValue::of(r.value, metric),
                                as_of: iso(r.as_of),
                                source: SourceView::of(r),
                                origin: r.origin.as_ref().map(OriginView::of),
                            })
                            .collect(),
                        chart: bar_chart(
                            format!("bieu-do-{}", vi::slugify(&metric.name)),
                            format!("{} của {} qua các lần công bố", metric.label, title),
                            metric,
                            rows,
                        ),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    ProvincePageView {
        title,
        slug: page.slug,
        permalink: site.config.permalink(&url),
        url,
        term_url: site.term_url(TermSource::Province, title),
        province: page
            .province
            .map(|province| province_view(site, statistics, province)),
        history,
        current: page
            .current
            .map(|current| current_view(statistics, current)),
    }
}

/// Some articles of one kind, as the national page lists them.
struct Timeline {
    view: Value,
    /// The articles `view` shows, as indexes into `Site::pages`.
    pages: Vec<usize>,
    /// How many articles of the kind the site has.
    total: usize,
}

/// The latest `TIMELINE_LIMIT` ceremonies by day, oldest day first, as `[{date, pages}]`;
/// within a day, in the site's order (titles in Vietnamese order).
fn ceremonies(site: &Site, views: &[Value]) -> Timeline {
    let mut found: Vec<(NaiveDate, usize)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_listed() && p.article.front.kind == Some(Kind::Ceremony))
        .filter_map(|(i, p)| Some((p.article.front.date?.date(), i)))
        .collect();
    let total = found.len();
    // `site.pages` is newest first; a timeline reads oldest first. The sort is stable.
    found.sort_by_key(|(date, _)| *date);
    found.drain(..total.saturating_sub(TIMELINE_LIMIT));
    let pages = found.iter().map(|&(_, index)| index).collect();
    let mut days: Vec<(String, Vec<Value>)> = Vec::new();
    for (date, index) in found {
        let day = iso(date);
        match days.last_mut() {
            Some((last, pages)) if *last == day => pages.push(views[index].clone()),
            _ => days.push((day, vec![views[index].clone()])),
        }
    }
    let days: Vec<Value> = days
        .into_iter()
        .map(|(date, pages)| {
            let mut map = Map::new();
            map.insert("date".into(), Value::from(date));
            map.insert("pages".into(), Value::from(pages.as_slice()));
            Value::from(map)
        })
        .collect();
    Timeline {
        view: Value::from(days.as_slice()),
        pages,
        total,
    }
}

/// The `TIMELINE_LIMIT` campaigns that started last, latest start first (an article
/// without `campaign:` counts from its date).
fn campaigns(site: &Site, views: &[Value]) -> Timeline {
    let mut found: Vec<(NaiveDate, usize)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_listed() && p.article.front.kind == Some(Kind::Campaign))
        .filter_map(|(i, p)| {
            let front = &p.article.front;
            let starts = front.campaign.as_ref().map(|c| c.starts).or(front.date)?;
            Some((starts.date(), i))
        })
        .collect();
    let total = found.len();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.truncate(TIMELINE_LIMIT);
    let pages: Vec<usize> = found.into_iter().map(|(_, i)| i).collect();
    let shown: Vec<Value> = pages.iter().map(|&i| views[i].clone()).collect();
    Timeline {
        view: Value::from(shown.as_slice()),
        pages,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_current_province_has_its_own_tile() {
        let registry = crate::provinces::Registry::builtin();
        let names: Vec<&str> = registry.current_units().map(|u| u.name.as_str()).collect();
        let mut placed: Vec<&str> = TILES.iter().map(|t| t.0).collect();
        let mut places: Vec<(u32, u32)> = TILES.iter().map(|t| (t.1, t.2)).collect();
        placed.sort_unstable();
        placed.dedup();
        places.sort_unstable();
        places.dedup();
        assert_eq!(placed.len(), 34);
        assert_eq!(places.len(), 34, "two tiles on one square");
        for name in placed {
            assert!(names.contains(&name), "{name} is not a current province");
        }
        assert_eq!(tile_lines("Hồ Chí Minh"), ["Hồ Chí", "Minh"]);
        assert_eq!(tile_lines("Huế"), ["Huế"]);
    }

    #[test]
    fn bars_scale_to_the_largest_value_and_keep_small_ones_visible() {
        let metric = Metric {
            name: "teams".into(),
            label: "Tổ".into(),
            unit: None,
            decimals: 0,
            words: Vec::new(),
        };
        let chart = bar_chart(
            "c".into(),
            "Tổ".into(),
            &metric,
            vec![
                ("Đắk Lắk".into(), Figure::exact(2199)),
                (
                    "Hải Dương".into(),
                    Figure {
                        qualifier: Some(crate::load::content::figure::Qualifier::Tren),
                        ..Figure::exact(1341)
                    },
                ),
                ("X".into(), Figure::exact(1)),
            ],
        );
        let widths: Vec<u32> = chart.bars.iter().map(|b| b.bar_width).collect();
        // "trên 1.341" is 10 letters: 80 units of room, 320 for the largest bar;
        // 1341 / 2199 * 320 = 195.1; 1 would round to 0.
        assert_eq!(widths, [320, 195, 1]);
        assert_eq!(chart.height, 3 * ROW_HEIGHT);
        assert_eq!(chart.desc, "Đắk Lắk: 2.199; Hải Dương: trên 1.341; X: 1.");
        assert_eq!(chart.bars[1].value_text, "trên 1.341");
        assert_eq!(chart.bars[1].bar_y, ROW_HEIGHT + 20);
    }
}
