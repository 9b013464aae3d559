//! The chart socio-economic reports draw for a flow (FORMAT v2, an
//! indicator with `measure: flow`): for its latest year, a column per total
//! from January (given as `YYYY-YTDn`, or added up from its months or
//! quarters; the whole year as 12 months) beside the same months of the
//! year before, and the year's plan as a line.

use super::spec::{sentence_items, short_value, ticks, ChartKind, ChartSpec, Item};
use crate::model::{Certainty, District, Granularity, Indicator, Num, Observation, Period, Series, Site};
use crate::render::format;
use crate::text::lang::Lang;
use std::collections::BTreeMap;

/// A total from January: its value and how sure it is.
#[derive(Debug, Clone, Copy)]
struct Total {
    value: Num,
    certainty: Certainty,
}

/// A year's totals from January, by how many months they cover: the totals
/// to date it was given (`YYYY-YTDn`, the whole year as 12), and where a
/// count of months has none, the sum of its quarters from January, or else
/// of its months, as reports add them up (a figure given for a longer
/// period wins over a sum of shorter ones).
fn totals(obs: &[Observation], year: i16) -> BTreeMap<i8, Total> {
    let mut out = BTreeMap::new();
    for step in [Granularity::Month, Granularity::Quarter] {
        let mut sum: Option<Total> = None;
        let per = if step == Granularity::Month { 1 } else { 3 };
        for index in 1..=(12 / per) {
            let given = |o: &&Observation| o.period == Period::new(year, step, index) && o.value.is_some();
            let Some(o) = obs.iter().filter(|o| o.added_from.is_empty()).find(given) else {
                break;
            };
            let v = o.value.expect("found with a value");
            let t = match sum {
                None => Total { value: v, certainty: o.certainty },
                Some(t) => Total {
                    value: Num { value: t.value.value + v.value, decimals: t.value.decimals.max(v.decimals) },
                    certainty: t.certainty.max(o.certainty),
                },
            };
            sum = Some(t);
            out.insert(index * per, t);
        }
    }
    // What the unit reported: totals added up across a merger are its
    // predecessors', shown in its table, not in this chart.
    for o in obs.iter().filter(|o| o.period.year == year && o.added_from.is_empty()) {
        if let (Some(n), Some(value)) = (months_to_date(o.period), o.value) {
            out.insert(n, Total { value, certainty: o.certainty });
        }
    }
    out
}

/// A total in words: `16.930,2 tỷ đồng (ước tính)`.
fn total_text(ind: &Indicator, t: Total, lang: Lang) -> String {
    let shown = format::quantity(ind, t.value, lang);
    match format::certainty(t.certainty, lang) {
        "" => shown,
        word => format!("{shown} ({word})"),
    }
}

/// The flow chart of a unit's series, when it has totals from January of
/// less than a year (given, or added up from its months or quarters).
pub fn flow_chart(site: &Site, district: &District, ind: &Indicator, series: &Series) -> Option<ChartSpec> {
    if !ind.flow {
        return None;
    }
    let lang = site.settings.lang;
    let obs = &series.observations;
    let year = obs.iter().filter(|o| o.value.is_some()).map(|o| o.period.year).max()?;
    let (now, before) = (totals(obs, year), totals(obs, year - 1));
    if !now.keys().any(|&n| n < 12) {
        return None;
    }
    let mut items: Vec<Item> = now
        .iter()
        .map(|(&n, &t)| {
            let earlier = before.get(&n).copied();
            let mut text = format!("{year} {}", total_text(ind, t, lang));
            if let Some(e) = earlier {
                text.push_str(&format!(", {} {}", year - 1, total_text(ind, e, lang)));
            }
            Item {
                label: slot_label(n, lang),
                value: Some(t.value.value),
                target: None,
                max: None,
                text,
                short: short_value(ind, t.value, None, lang),
                derived: false,
                previous: earlier.map(|e| e.value.value),
            }
        })
        .collect();
    let plan = obs.iter().find(|o| o.period == Period::year(year)).and_then(|o| o.target);
    items.iter_mut().for_each(|i| i.target = plan.map(|p| p.value));
    let top = items.iter().flat_map(|i| [i.value, i.previous, i.target]).flatten().fold(0.0, f64::max);
    let title = format!("{} – {}", ind.name, district.name);
    let mut desc = format!("{}: {}.", title, sentence_items(&items));
    if let Some(p) = plan {
        let plan = format::quantity(ind, p, lang);
        desc.push_str(&format!(" {} {year}: {plan}.", lang.strings().target));
    }
    // Last year in the legend only when it has a column.
    let legend = match items.iter().any(|i| i.previous.is_some()) {
        true => vec![year.to_string(), (year - 1).to_string()],
        false => vec![year.to_string()],
    };
    Some(ChartSpec {
        kind: ChartKind::Flow,
        id: format!("chart-{}-{}-flow", district.slug, ind.id),
        title,
        desc,
        items,
        ticks: ticks(top, lang).1,
        target_label: lang.strings().target_short.to_string(),
        legend,
    })
}

/// How many months from January a period covers, when it starts in January
/// (a year to date, or a whole year: 12).
fn months_to_date(p: Period) -> Option<i8> {
    match p.granularity {
        Granularity::YearToDate => Some(p.index),
        Granularity::Year => Some(12),
        _ => None,
    }
}

/// A slot's label: `9 tháng`, `Jan–Sep`.
fn slot_label(n: i8, lang: Lang) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match (lang, n) {
        (Lang::Vi, 12) => "Cả năm".into(),
        (Lang::Vi, n) => format!("{n} tháng"),
        (Lang::En, 1) => "Jan".into(),
        (Lang::En, 12) => "Year".into(),
        (Lang::En, n) => format!("Jan–{}", MONTHS[(n - 1) as usize]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ob(p: &str, v: f64, certainty: Certainty) -> Observation {
        Observation { certainty, ..crate::model::observation(p, Some(v), None, None) }
    }

    #[test]
    fn months_and_quarters_are_added_up_from_january_and_a_given_total_wins() {
        let f = Certainty::Final;
        let obs = vec![
            ob("2023-01", 10.0, f),
            ob("2023-02", 12.5, Certainty::Estimate),
            ob("2023-03", 11.0, f),
            ob("2023-05", 99.0, f), // after a gap: not added
            ob("2023-Q1", 40.0, f),
            ob("2023-Q2", 50.0, f),
            ob("2023-YTD2", 22.0, f),
        ];
        let t = totals(&obs, 2023);
        let got: Vec<(i8, f64, Certainty)> = t.iter().map(|(n, t)| (*n, t.value.value, t.certainty)).collect();
        assert_eq!(
            got,
            vec![
                (1, 10.0, f),
                (2, 22.0, f), // given as 2023-YTD2: wins over 10 + 12,5
                (3, 40.0, f), // the first quarter, given, wins over the three months
                (6, 90.0, f),
            ]
        );
    }
}
