//! Progress bulletins: what stood where at the end of each bulletin period
//! (the periods themselves are the model's: `Site::bulletin_periods`).
//! Pure figures; `pages/bulletin.rs` puts them on pages. A bulletin shows,
//! for each indicator, the latest observation on or before the period's
//! last day.

use super::format;
use crate::model::compare::{self, Basis};
use crate::model::{Better, District, Indicator, Observation, Period, Series, Site};
use crate::text::lang::Lang;
use jiff::civil::Date;

/// The latest observation with a value on or before `date`.
pub fn value_at(series: &Series, date: Date) -> Option<&Observation> {
    series.observations.iter().rev().find(|o| o.value.is_some() && o.period.end() <= date)
}

/// `value(now) - value(then)` as a change text and direction, if both exist.
pub fn change_between(
    ind: &Indicator,
    series: &Series,
    now: Date,
    then: Date,
    lang: Lang,
) -> Option<(String, &'static str)> {
    let (a, b) = (value_at(series, now)?, value_at(series, then)?);
    if a.period == b.period {
        return None;
    }
    let (va, vb) = (a.value?, b.value?);
    Some(format::change(ind, va.value - vb.value, va.decimals.max(vb.decimals), lang))
}

/// A comparison group: units of one level (an index into
/// [`Site::levels`]) whose figures have one basis.
pub type Group = (usize, Basis);

/// Each unit's comparison group and place (1 = best) on `indicator` as of
/// `date`, in site order: ranked only among units of the same level that
/// existed on `date` (FORMAT v2), by the rule of [`compare`]; `None` for
/// units without a value by then or not alive on `date`.
pub fn places(site: &Site, indicator: usize, date: Date) -> Vec<Option<(Group, usize)>> {
    let ind = &site.indicators[indicator];
    let levels = site.levels();
    let level_of: Vec<usize> =
        site.districts.iter().map(|d| levels.iter().position(|l| *l == d.tier()).unwrap_or(0)).collect();
    let mut out = vec![None; site.districts.len()];
    for level in 0..levels.len() {
        let compared: Vec<Option<Observation>> = site
            .districts
            .iter()
            .zip(&level_of)
            .map(|(d, &l)| {
                let alive = l == level && d.life.covers(date);
                compared_at(ind, d.series_for(indicator).filter(|_| alive)?, Some(date))
            })
            .collect();
        let compared = same_period_for_flows(ind, compared);
        let standings: Vec<_> = compared.iter().map(|o| compare::standing(ind, o.as_ref()?)).collect();
        let places = compare::places(&standings, ind.better);
        for (i, (s, p)) in standings.iter().zip(places).enumerate() {
            if let (Some(s), Some(p)) = (s, p) {
                out[i] = Some(((level, s.basis), p));
            }
        }
    }
    out
}

/// The figure a unit is compared by as of `date` (all data when `None`):
/// its latest reported value (never one added up across a merger: that is
/// its predecessors', not its own), for a flow the latest total of the
/// kind reports read (`flows::reading`).
pub fn compared_at(ind: &Indicator, s: &Series, date: Option<Date>) -> Option<Observation> {
    let read = compared_series(ind, s, date);
    read.derived.latest.map(|i| read.observations[i].clone())
}

/// The series a unit is compared by as of `date`: its reported values (and
/// plans), read as reports read a flow; what [`compared_at`] takes the
/// latest of, and league tables take their status from.
pub fn compared_series(ind: &Indicator, s: &Series, date: Option<Date>) -> Series {
    let reported: Vec<Observation> = s
        .observations
        .iter()
        .filter(|o| o.added_from.is_empty() && (date.is_none_or(|d| o.period.end() <= d) || o.value.is_none()))
        .cloned()
        .collect();
    let derived = crate::model::Derived::compute(&reported, ind.better);
    let own = Series { indicator: s.indicator, observations: reported, derived };
    match ind.flow {
        true => crate::model::flows::reading(&own, ind.better).into_owned(),
        false => own,
    }
}

/// For a flow, only totals of one period are ranked together (nine months
/// beside nine months): the latest period any unit has; the others are
/// left out. Levels are kept as they are.
pub fn same_period_for_flows(ind: &Indicator, compared: Vec<Option<Observation>>) -> Vec<Option<Observation>> {
    if !ind.flow {
        return compared;
    }
    // The latest period, the longest of those ending with it (nine months
    // to date before the third quarter), as reports read a flow.
    let latest = compared.iter().flatten().map(|o| o.period).max_by_key(|p| (p.end(), p.months()));
    compared.into_iter().map(|o| o.filter(|o| Some(o.period) == latest)).collect()
}

/// Whether a series reached a target during the period: an observation of
/// the period meets its own target.
pub fn target_reached_in(series: &Series, ind: &Indicator, b: Period) -> bool {
    series.observations.iter().any(|o| {
        o.period.ends_within(b)
            && match (o.value, o.target) {
                (Some(v), Some(t)) => match ind.better {
                    Better::Higher => v.value >= t.value - 1e-9,
                    Better::Lower => v.value <= t.value + 1e-9,
                },
                _ => false,
            }
    })
}

/// Whether the district has a new observation (or a commune does) whose
/// period ends in `b`.
pub fn has_new_data(d: &District, b: Period) -> bool {
    d.series
        .iter()
        .chain(d.communes.iter().flat_map(|c| c.series.iter()))
        .any(|s| s.observations.iter().any(|o| o.value.is_some() && o.period.ends_within(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_and_year_before() {
        let q = Period::parse("2023-Q4").unwrap();
        assert!(Period::parse("2023-11").unwrap().ends_within(q));
        assert!(Period::parse("2023").unwrap().ends_within(q));
        assert!(!Period::parse("2023-H1").unwrap().ends_within(q));
        assert_eq!(q.year_before().key(), "2022-Q4");
    }
}
