//! What a chart shows, worked out from the model: its kind, its items with
//! their labels in the site's language, its title and the sentence a screen
//! reader says. Pure data; `draw` turns it into pictures.

use crate::model::compare::{self, Basis};
use crate::model::{Better, District, Indicator, Kind as IndKind, Series, Site};
use crate::render::bulletins::Group;
use crate::render::format;
use crate::text::lang::Lang;
use crate::text::numfmt::format_number;
use std::collections::BTreeMap;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChartKind {
    /// One bar of a value against its total or target.
    Progress,
    /// Columns over periods, plans as hollow dashed columns or marks.
    Trend,
    /// One bar per commune, sorted, with the target line.
    Communes,
    /// One bar per district for the latest period, best first.
    Districts,
    /// Place over time, 1 at the top.
    Rank,
    /// A flow's totals to date of this year beside the same months of last
    /// year, and the year's plan as a line (FORMAT v2).
    Flow,
}

impl ChartKind {
    pub fn class(self) -> &'static str {
        match self {
            ChartKind::Progress => "progress",
            ChartKind::Trend => "trend",
            ChartKind::Communes => "communes",
            ChartKind::Districts => "districts",
            ChartKind::Rank => "rank",
            ChartKind::Flow => "flow",
        }
    }
}

/// One column, bar or point.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The axis label (a period) or the bar's name (a commune, a district).
    pub label: String,
    pub value: Option<f64>,
    pub target: Option<f64>,
    /// The total a bar fills up to, or the number of places of a rank.
    pub max: Option<f64>,
    /// The full figure, for the sentence of the description.
    pub text: String,
    /// The few characters written on the chart over a column or point.
    pub short: String,
    /// Added up across a merger, not reported: drawn paler.
    pub derived: bool,
    /// A flow chart's figure of the same months a year earlier.
    pub previous: Option<f64>,
}

/// Everything needed to draw one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub id: String,
    pub title: String,
    pub desc: String,
    pub items: Vec<Item>,
    /// Value axis ticks with their labels.
    pub ticks: Vec<(f64, String)>,
    /// What the colours mean, when the chart says it (a flow chart: this
    /// year, last year).
    pub legend: Vec<String>,
    pub target_label: String,
}

pub(super) fn short_num(v: f64, lang: Lang) -> String {
    let decimals = if v.fract().abs() < 1e-9 || v.abs() >= 100.0 { 0 } else { 1 };
    format_number(v, decimals, lang)
}

/// A rounded top for a value axis, and three ticks up to it.
pub(crate) fn ticks(max: f64, lang: Lang) -> (f64, Vec<(f64, String)>) {
    let max = if max > 0.0 && max.is_finite() { max } else { 1.0 };
    let magnitude = 10f64.powf(max.log10().floor());
    let step = [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| s * 5.0 >= max)
        .unwrap_or(magnitude);
    let top = (max / step).ceil() * step;
    if !top.is_finite() {
        // Near f64::MAX the rounded top overflows: the bare range.
        return (max, vec![(0.0, short_num(0.0, lang)), (max, short_num(max, lang))]);
    }
    let ticks =
        (0..=((top / step).round() as usize)).map(|i| i as f64 * step).map(|v| (v, short_num(v, lang))).collect();
    (top, ticks)
}

/// A value without its unit: `118/153`, `8.850,26`, `95%`.
pub(super) fn short_value(
    ind: &Indicator,
    v: crate::model::Num,
    total: Option<crate::model::Num>,
    lang: Lang,
) -> String {
    match (ind.kind, total) {
        (IndKind::Count | IndKind::Rank, Some(t)) => format!("{}/{}", format::num(v, lang), format::num(t, lang)),
        (IndKind::Percent, _) => format!("{}%", format::num(v, lang)),
        _ => format::num(v, lang),
    }
}

pub(super) fn sentence_items(items: &[Item]) -> String {
    items.iter().map(|i| format!("{}: {}", i.label, i.text)).collect::<Vec<_>>().join("; ")
}

/// The most periods a series chart draws: the latest ones. More would not
/// be readable on a phone, and a site draws a chart for every period of a
/// series (as it stood then), so the charts would grow with the square of
/// a long series. Every figure stays in the indicator's table and CSV.
pub const MAX_POINTS: usize = 60;

/// The chart of one district's series: rank, trend or progress.
pub fn series_chart(site: &Site, district: &District, ind: &Indicator, series: &Series) -> ChartSpec {
    let lang = site.settings.lang;
    let t = lang.strings();
    let all = &series.observations;
    let obs = &all[all.len().saturating_sub(MAX_POINTS)..];
    let items: Vec<Item> = obs.iter().map(|o| period_item(ind, o, lang)).collect();
    let kind = if ind.kind == IndKind::Rank {
        ChartKind::Rank
    } else if obs.len() == 1 && (obs[0].total.is_some() || obs[0].target.is_some()) && obs[0].value.is_some() {
        ChartKind::Progress
    } else {
        ChartKind::Trend
    };
    let mut items = items;
    if kind == ChartKind::Progress {
        let o = &obs[0];
        let v = o.value.expect("progress has a value");
        let mut text = format::reported(ind, v, o, lang);
        if let (Some(total), IndKind::Count) = (o.total, ind.kind) {
            text = format!("{text} ({})", format::share(v.value / total.value * 100.0, lang));
        } else if let Some(tg) = o.target.filter(|t| t.value > 0.0) {
            text = format!("{text} ({} {})", format::share(v.value / tg.value * 100.0, lang), t.plan_suffix);
        }
        items[0].text = text;
        items[0].label = format::period(o.period, lang);
    }
    let top = items
        .iter()
        .flat_map(|i| [i.value, i.target, if kind == ChartKind::Trend { None } else { i.max }])
        .flatten()
        .fold(0.0, f64::max);
    let (_, ticks) = ticks(top, lang);
    let title = format!("{} – {}", ind.name, district.name);
    let desc = format!("{}: {}.", title, sentence_items(&items));
    ChartSpec {
        kind,
        id: format!("chart-{}-{}", district.slug, ind.id),
        title,
        desc,
        items,
        ticks,
        target_label: t.target_short.to_string(),
        legend: Vec::new(),
    }
}

/// A period's column or point: its label, value, target and total, the
/// full figure for the description and the few characters on the chart.
fn period_item(ind: &Indicator, o: &crate::model::Observation, lang: Lang) -> Item {
    let t = lang.strings();
    Item {
        label: format::period_short(o.period, lang),
        value: o.value.map(|v| v.value),
        target: o.target.map(|t| t.value),
        max: o.total.map(|t| t.value),
        derived: !o.added_from.is_empty(),
        previous: None,
        text: match (o.value, o.target) {
            (Some(v), _) if !o.added_from.is_empty() => format!(
                "{} ({} {})",
                format::reported(ind, v, o, lang),
                t.added_up.to_lowercase(),
                o.note.as_deref().unwrap_or_default()
            ),
            (Some(v), _) => format::reported(ind, v, o, lang),
            (None, Some(tg)) => format!("{} {}", t.target_short, format::quantity(ind, tg, lang)),
            (None, None) => String::new(),
        },
        short: match (o.value, o.target) {
            (Some(v), _) => short_value(ind, v, o.total, lang),
            (None, Some(tg)) => format!("{} {}", t.target_short, short_value(ind, tg, None, lang)),
            (None, None) => String::new(),
        },
    }
}

/// One bar per commune with data, sorted best first.
pub fn communes_chart(site: &Site, district: &District, ind_index: usize) -> Option<ChartSpec> {
    let ind = &site.indicators[ind_index];
    let lang = site.settings.lang;
    let mut items: Vec<Item> = district
        .communes
        .iter()
        .filter_map(|c| {
            let s = c.series.iter().find(|s| s.indicator == ind_index)?;
            let o = &s.observations[s.derived.latest?];
            let v = o.value?;
            Some(Item {
                label: c.name.clone(),
                value: Some(v.value),
                target: s.derived.goal.and_then(|g| s.observations[g].target).map(|t| t.value),
                max: o.total.map(|t| t.value),
                text: format!("{} ({})", format::reported(ind, v, o, lang), format::period_short(o.period, lang)),
                short: String::new(),
                derived: false,
                previous: None,
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    sort_best_first(&mut items, ind.better, true);
    let title = format!("{} – {} ({})", ind.name, district.name, lang.strings().communes.to_lowercase());
    let desc = format!("{}: {}.", title, sentence_items(&items));
    let top = items.iter().flat_map(|i| [i.value, i.max, i.target]).flatten().fold(0.0, f64::max);
    Some(ChartSpec {
        kind: ChartKind::Communes,
        id: format!("chart-{}-{}-communes", district.slug, ind.id),
        title,
        desc,
        items,
        ticks: ticks(top, lang).1,
        target_label: lang.strings().target_short.to_string(),
        legend: Vec::new(),
    })
}

/// All units compared on one indicator, by their latest values: one chart
/// per comparison group (units of one level alive on the site's last
/// bulletin day, FORMAT v2; then `model::compare`: ranks out of different
/// totals are never drawn as one list), each best first.
pub fn districts_charts(site: &Site, ind_index: usize) -> Vec<(Group, ChartSpec)> {
    let last_day = site.bulletin_periods().last().map(|p| p.end());
    compare_charts(site, ind_index, 0..site.districts.len(), last_day, "districts")
}

/// The units within the unit at `parent` compared on one indicator, the
/// same way (alive on the site's last bulletin day, or on the parent's last
/// day if it was dissolved); `None` below two units.
pub fn children_charts(site: &Site, parent: usize, ind_index: usize) -> Vec<(Group, ChartSpec)> {
    let p = &site.districts[parent];
    let last_day = site.bulletin_periods().last().map(|q| q.end());
    let day = match (last_day, p.life.until) {
        (Some(l), Some(u)) => Some(l.min(u)),
        (l, u) => l.or(u),
    };
    let charts = compare_charts(site, ind_index, p.children.iter().copied(), day, &format!("children-{}", p.slug));
    charts.into_iter().filter(|(_, c)| c.items.len() >= 2).collect()
}

/// Units `members` compared on one indicator by their latest values, one
/// chart per comparison group of units alive on `day`; chart ids start
/// `chart-<indicator>-<id_stem>`.
fn compare_charts(
    site: &Site,
    ind_index: usize,
    members: impl Iterator<Item = usize>,
    day: Option<jiff::civil::Date>,
    id_stem: &str,
) -> Vec<(Group, ChartSpec)> {
    let ind = &site.indicators[ind_index];
    let lang = site.settings.lang;
    let levels = site.levels();
    let mut groups: BTreeMap<Group, Vec<Item>> = BTreeMap::new();
    let units: Vec<&District> = members.map(|m| &site.districts[m]).collect();
    let compared: Vec<Option<crate::model::Observation>> = units
        .iter()
        .map(|d| {
            let alive = day.is_none_or(|day| d.life.covers(day));
            crate::render::bulletins::compared_at(ind, d.series_for(ind_index).filter(|_| alive)?, None)
        })
        .collect();
    let compared = crate::render::bulletins::same_period_for_flows(ind, compared);
    for (d, o) in units.iter().zip(&compared) {
        let Some(o) = o else { continue };
        let (Some(v), Some(standing)) = (o.value, compare::standing(ind, o)) else { continue };
        let item = district_item(ind, &d.name, o, v, standing, lang);
        let level = levels.iter().position(|l| *l == d.tier()).unwrap_or(0);
        groups.entry((level, standing.basis)).or_default().push(item);
    }
    let many = groups.len() > 1;
    groups
        .into_iter()
        .enumerate()
        .map(|(n, ((level, basis), mut items))| {
            // A rank's bar is the share of places behind it: longer is better.
            let better = match basis {
                Basis::RankOutOf(_) => Better::Higher,
                _ => ind.better,
            };
            sort_best_first(&mut items, better, false);
            let caption = group_caption(&levels, (level, basis), ind.kind, lang);
            let title = if caption.is_empty() { ind.name.clone() } else { format!("{} ({caption})", ind.name) };
            let desc = format!("{}: {}.", title, sentence_items(&items));
            let top = items.iter().flat_map(|i| [i.value, i.max]).flatten().fold(0.0, f64::max);
            let id = if many {
                format!("chart-{}-{id_stem}-{}", ind.id, n + 1)
            } else {
                format!("chart-{}-{id_stem}", ind.id)
            };
            let spec = ChartSpec {
                kind: ChartKind::Districts,
                id,
                title,
                desc,
                items,
                ticks: ticks(top, lang).1,
                target_label: lang.strings().target_short.to_string(),
                legend: Vec::new(),
            };
            ((level, basis), spec)
        })
        .collect()
}

/// What a comparison group is: its level when the site has more than one,
/// and its basis (`model::compare`).
pub fn group_caption(levels: &[String], (level, basis): Group, kind: crate::model::Kind, lang: Lang) -> String {
    let basis = format::basis(basis, kind, lang);
    match (levels.len() > 1, basis.is_empty()) {
        (false, _) => basis,
        (true, true) => levels[level].clone(),
        (true, false) => format!("{}, {basis}", levels[level]),
    }
}

/// A district's bar in the districts chart: the share for counts with a
/// total, the share of places behind it for ranks, else the value.
fn district_item(
    ind: &Indicator,
    name: &str,
    o: &crate::model::Observation,
    v: crate::model::Num,
    standing: compare::Standing,
    lang: Lang,
) -> Item {
    let shown = format::reported(ind, v, o, lang);
    let (value, max, text) = match (standing.basis, o.total) {
        (Basis::Share, Some(_)) => {
            let p = standing.metric * 100.0;
            (p, Some(100.0), format!("{shown} ({})", format::share(p, lang)))
        }
        (Basis::RankOutOf(_), Some(t)) => ((t.value - v.value + 1.0) / t.value * 100.0, Some(100.0), shown),
        _ => (v.value, o.total.map(|t| t.value), shown),
    };
    Item {
        label: name.to_string(),
        value: Some(value),
        target: None,
        max,
        text: format!("{text} · {}", format::period_short(o.period, lang)),
        short: String::new(),
        derived: !o.added_from.is_empty(),
        previous: None,
    }
}

/// Sorts bars best first; shares of a total when `share` and all have one.
fn sort_best_first(items: &mut [Item], better: Better, share: bool) {
    let key = |i: &Item| {
        let v = i.value.unwrap_or(0.0);
        match (share, i.max) {
            (true, Some(m)) if m > 0.0 => v / m,
            _ => v,
        }
    };
    items.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        let ord = match better {
            Better::Higher => kb.total_cmp(&ka),
            Better::Lower => ka.total_cmp(&kb),
        };
        ord.then_with(|| a.label.cmp(&b.label))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_stay_few_up_to_the_largest_double() {
        for max in [f64::MAX, 1.7e308, 1e300, f64::INFINITY, f64::NAN, -1.0] {
            let (top, ticks) = ticks(max, Lang::Vi);
            assert!(ticks.len() <= 11 && top.is_finite(), "{max}: {}", ticks.len());
        }
    }

    #[test]
    fn ticks_are_round() {
        let (top, t) = ticks(154.0, Lang::Vi);
        assert_eq!(top, 200.0);
        assert_eq!(t.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(), ["0", "50", "100", "150", "200"]);
        let (top, _) = ticks(10230.09, Lang::Vi);
        assert_eq!(top, 12500.0);
        let (top, t) = ticks(0.0, Lang::Vi);
        assert!(top > 0.0 && !t.is_empty());
    }
}
