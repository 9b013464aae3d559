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
        let standings: Vec<_> = site
            .districts
            .iter()
            .zip(&level_of)
            .map(|(d, &l)| {
                let alive = l == level && d.life.covers(date);
                let o = d.series_for(indicator).filter(|_| alive).and_then(|s| value_at(s, date))?;
                compare::standing(ind, o)
            })
            .collect();
        let places = compare::places(&standings, ind.better);
        for (i, (s, p)) in standings.iter().zip(places).enumerate() {
            if let (Some(s), Some(p)) = (s, p) {
                out[i] = Some(((level, s.basis), p));
            }
        }
    }
    out
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
