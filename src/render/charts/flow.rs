//! The chart socio-economic reports draw for a flow (FORMAT v2, an
//! indicator with `measure: flow`): for the latest year with totals to date
//! (`YYYY-YTDn`, or the whole year), a column per total of this year beside
//! the same months of the year before, and the year's plan as a line.

use super::spec::{sentence_items, short_value, ticks, ChartKind, ChartSpec, Item};
use crate::model::{District, Granularity, Indicator, Observation, Period, Series, Site};
use crate::render::format;
use crate::text::lang::Lang;

/// The flow chart of a unit's series, when it has totals to date.
pub fn flow_chart(site: &Site, district: &District, ind: &Indicator, series: &Series) -> Option<ChartSpec> {
    if !ind.flow {
        return None;
    }
    let lang = site.settings.lang;
    let obs = &series.observations;
    let to_date = |o: &&Observation| o.value.is_some() && months_to_date(o.period).is_some();
    let year = obs
        .iter()
        .filter(to_date)
        .filter(|o| o.period.granularity == Granularity::YearToDate)
        .map(|o| o.period.year)
        .max()?;
    let mut items: Vec<Item> = Vec::new();
    for o in obs.iter().filter(to_date).filter(|o| o.period.year == year) {
        let n = months_to_date(o.period)?;
        let v = o.value?;
        let before =
            obs.iter().filter(to_date).find(|m| m.period.year == year - 1 && months_to_date(m.period) == Some(n));
        let mut text = format!("{} {}", o.period.year, format::reported(ind, v, o, lang));
        if let Some((b, bv)) = before.and_then(|b| Some((b, b.value?))) {
            text.push_str(&format!(", {} {}", b.period.year, format::reported(ind, bv, b, lang)));
        }
        items.push(Item {
            label: slot_label(n, lang),
            value: Some(v.value),
            target: None,
            max: None,
            text,
            short: short_value(ind, v, None, lang),
            derived: false,
            previous: before.and_then(|b| b.value).map(|b| b.value),
        });
    }
    let plan = obs.iter().find(|o| o.period == Period::year(year)).and_then(|o| o.target).map(|t| t.value);
    items.iter_mut().for_each(|i| i.target = plan);
    let top = items.iter().flat_map(|i| [i.value, i.previous, i.target]).flatten().fold(0.0, f64::max);
    let title = format!("{} – {}", ind.name, district.name);
    let mut desc = format!("{}: {}.", title, sentence_items(&items));
    if let Some(p) = plan {
        let plan = format::quantity(ind, crate::model::Num { value: p, decimals: 0 }, lang);
        desc.push_str(&format!(" {} {year}: {plan}.", lang.strings().target));
    }
    Some(ChartSpec {
        kind: ChartKind::Flow,
        id: format!("chart-{}-{}-flow", district.slug, ind.id),
        title,
        desc,
        items,
        ticks: ticks(top, lang).1,
        target_label: lang.strings().target_short.to_string(),
        legend: vec![year.to_string(), (year - 1).to_string()],
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
