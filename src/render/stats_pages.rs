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
use crate::load::config::TermSource;
use crate::load::content::front::Kind;
use crate::provinces::Era;
use crate::site::Site;
use crate::site::stats::{CurrentProvinceStats, ProvinceStats, Report, Statistics, StatsPage};
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
    /// Metric name -> national total (0 when nobody reported it): `stats.totals.teams`.
    totals: BTreeMap<&'a str, u64>,
    /// The provinces that reported, in Vietnamese order.
    provinces: Vec<ProvinceView<'a>>,
    /// The current provinces, all of them, in Vietnamese order.
    current_provinces: Vec<CurrentView<'a>>,
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
    total: u64,
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
    value: Option<u64>,
    as_of: Option<String>,
    source: Option<SourceView<'a>>,
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
    value: Option<u64>,
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
    value: u64,
    as_of: String,
    source: SourceView<'a>,
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
    value: u64,
    /// The value in Vietnamese format: 2.199.
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
/// Room left after the longest bar for its value.
const VALUE_ROOM: u32 = 70;

/// A bar chart of `rows` in the order given, the longest bar for the largest value.
fn bar_chart(id: String, title: String, rows: Vec<(String, u64)>) -> ChartView {
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let span = u64::from(CHART_WIDTH - VALUE_ROOM);
    let desc = rows
        .iter()
        .map(|(label, value)| format!("{label}: {}", vi::format_integer(saturate(*value))))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = rows
        .into_iter()
        .zip(0u32..)
        .map(|((label, value), row)| {
            let top = row * ROW_HEIGHT;
            // Widths are rounded, with at least 1 unit for a value above 0 so that a
            // small figure stays visible next to a large one.
            let width = if max == 0 {
                0
            } else {
                let scaled =
                    (u128::from(value) * u128::from(span) + u128::from(max) / 2) / u128::from(max);
                u32::try_from(scaled).unwrap_or(0).max(u32::from(value > 0))
            };
            BarView {
                value_text: vi::format_integer(saturate(value)),
                label,
                value,
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

fn saturate(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
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
                total: statistics.total(&m.name),
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
            .map(|m| (m.name.as_str(), statistics.total(&m.name)))
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
                    value: shown.map(|r| r.value),
                    as_of: shown.map(|r| iso(r.as_of)),
                    source: shown.map(SourceView::of),
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
                value: current.figures.get(&m.name),
                partial: current.is_partial(&m.name),
                missing: current.missing.get(&m.name).map_or(&[], Vec::as_slice),
            })
            .collect(),
        reported: !current.figures.is_empty(),
    }
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
    jobs.push(Job {
        template: "stats.html",
        url: statistics.url(),
        context: vec![
            (
                "charts",
                Value::from_serializable(&national_charts(statistics)),
            ),
            ("ceremonies", ceremonies.view),
            ("ceremonies_total", Value::from(ceremonies.total)),
            ("campaigns", campaigns.view),
            ("campaigns_total", Value::from(campaigns.total)),
            ("timeline_limit", Value::from(TIMELINE_LIMIT)),
        ],
        pages: shown,
        bodies: Bodies::None,
    });
    let date_style = site.config.date_style;
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
            let mut rows: Vec<(&str, u64)> = statistics
                .provinces
                .iter()
                .filter_map(|p| p.shown.get(&metric.name).map(|r| (p.name(), r.value)))
                .collect();
            if rows.is_empty() {
                return None;
            }
            rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| vi::compare(a.0, b.0)));
            Some(bar_chart(
                format!("bieu-do-{}", vi::slugify(&metric.name)),
                format!("{} theo tỉnh, thành phố", metric.label),
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
                    let mut rows: Vec<(String, u64)> = Vec::new();
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
                                value: r.value,
                                as_of: iso(r.as_of),
                                source: SourceView::of(r),
                            })
                            .collect(),
                        chart: bar_chart(
                            format!("bieu-do-{}", vi::slugify(&metric.name)),
                            format!("{} của {} qua các lần công bố", metric.label, title),
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
    fn bars_scale_to_the_largest_value_and_keep_small_ones_visible() {
        let chart = bar_chart(
            "c".into(),
            "Tổ".into(),
            vec![
                ("Đắk Lắk".into(), 2199),
                ("Hải Dương".into(), 1341),
                ("X".into(), 1),
            ],
        );
        let widths: Vec<u32> = chart.bars.iter().map(|b| b.bar_width).collect();
        // 330 units for the largest; 1341 / 2199 * 330 = 201.2; 1 would round to 0.
        assert_eq!(widths, [330, 201, 1]);
        assert_eq!(chart.height, 3 * ROW_HEIGHT);
        assert_eq!(chart.desc, "Đắk Lắk: 2.199; Hải Dương: 1.341; X: 1.");
        assert_eq!(chart.bars[1].value_text, "1.341");
        assert_eq!(chart.bars[1].bar_y, ROW_HEIGHT + 20);
    }
}
