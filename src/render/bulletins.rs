//! Progress bulletins: which periods have one, and what stood where at the
//! end of each. Pure figures; `pages/bulletin.rs` puts them on pages.
//!
//! Bulletins exist for every period of `bulletin_period` from the earliest
//! article or observation to the latest (plans included), for each
//! district and for the whole site. A bulletin shows, for each indicator,
//! the latest observation on or before the period's last day.

use super::format;
use crate::model::compare::{self, Basis};
use crate::model::{Better, District, Indicator, Observation, Period, Series, Site};
use crate::text::lang::Lang;
use jiff::civil::Date;

/// Every bulletin period of the site, oldest first.
pub fn periods(site: &Site) -> Vec<Period> {
    let g = site.settings.bulletin_period;
    let article_dates = site.articles.iter().map(|a| a.date);
    let data_dates = site
        .districts
        .iter()
        .flat_map(|d| d.series.iter().chain(d.communes.iter().flat_map(|c| c.series.iter())))
        .flat_map(|s| s.observations.iter().map(|o| o.period.end()));
    let dates: Vec<Date> = article_dates.chain(data_dates).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else { return Vec::new() };
    let mut p = Period::containing(*first, g);
    let end = Period::containing(*last, g);
    let mut out = vec![p];
    while p != end {
        p = p.next();
        out.push(p);
    }
    out
}

/// The same period a year earlier.
pub fn year_before(p: Period) -> Period {
    Period::new(p.year - 1, p.granularity, p.index)
}

/// The latest observation with a value on or before `date`.
pub fn value_at(series: &Series, date: Date) -> Option<&Observation> {
    series.observations.iter().rev().find(|o| o.value.is_some() && o.period.end() <= date)
}

/// True when `p` lies within the bulletin period `b` (its end falls in it).
pub fn within(p: Period, b: Period) -> bool {
    p.end() >= b.start() && p.end() <= b.end()
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

/// Each district's comparison group and place (1 = best) on `indicator` as
/// of `date`, in site order (the rule is [`compare`]'s); `None` for
/// districts without a value by then.
pub fn places(site: &Site, indicator: usize, date: Date) -> Vec<Option<(Basis, usize)>> {
    let ind = &site.indicators[indicator];
    let standings: Vec<_> = site
        .districts
        .iter()
        .map(|d| d.series_for(indicator).and_then(|s| value_at(s, date)).and_then(|o| compare::standing(ind, o)))
        .collect();
    let places = compare::places(&standings, ind.better);
    standings.iter().zip(places).map(|(s, p)| Some((s.as_ref()?.basis, p?))).collect()
}

/// Whether a series reached a target during the period: an observation of
/// the period meets its own target.
pub fn target_reached_in(series: &Series, ind: &Indicator, b: Period) -> bool {
    series.observations.iter().any(|o| {
        within(o.period, b)
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
        .any(|s| s.observations.iter().any(|o| o.value.is_some() && within(o.period, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_and_year_before() {
        let q = Period::parse("2023-Q4").unwrap();
        assert!(within(Period::parse("2023-11").unwrap(), q));
        assert!(within(Period::parse("2023").unwrap(), q));
        assert!(!within(Period::parse("2023-H1").unwrap(), q));
        assert_eq!(year_before(q).key(), "2022-Q4");
    }
}
