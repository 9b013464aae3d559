//! The figures reports derive for a flow (FORMAT v2, "Periods as
//! government reports count them"): an indicator with `measure: flow` is a
//! total over its period (output, revenue, houses built), so a value is
//! compared with
//!
//! 1. **the same period a year earlier** (*cùng kỳ*): the same kind of period
//!    one year before (`2023-YTD9` with `2022-YTD9`, `2023-Q2` with
//!    `2022-Q2`, `2023` with `2022`), as a change in percent of the earlier
//!    value; none when there is no earlier value or it is zero;
//! 2. **the year's plan**: a value of a period shorter than a year, as a
//!    percent of the `target` of its whole year (`2023-YTD9` against the
//!    target of `2023`); none without such a target, or a target of zero.
//!
//! Both are shown with one decimal, rounded half away from zero
//! ([`one_decimal`]).

use super::{Better, Derived, Granularity, Observation, Period, Series};
use std::borrow::Cow;

/// The change of the value of `obs[at]` on the same period a year earlier,
/// in percent of the earlier value (unrounded); `obs` is one series.
pub fn change_on_year_earlier(obs: &[Observation], at: usize) -> Option<f64> {
    let o = &obs[at];
    let now = o.value?.value;
    let before = value_of(obs, o.period.year_before())?;
    (before != 0.0).then(|| (now - before) / before.abs() * 100.0)
}

/// The value of `obs[at]` as a percent of its year's target, for a period
/// shorter than a year (unrounded).
pub fn share_of_year_plan(obs: &[Observation], at: usize) -> Option<f64> {
    let o = &obs[at];
    if o.period.granularity == Granularity::Year || o.period.months() == 12 {
        return None;
    }
    let now = o.value?.value;
    let year = Period::year(o.period.year);
    let plan = obs.iter().find(|m| m.period == year).and_then(|m| m.target)?.value;
    (plan != 0.0).then(|| now / plan * 100.0)
}

/// The share of the year's plan a `value` shortcode writes (`show="plan"`):
/// [`share_of_year_plan`] for a shorter period, and for a whole year its
/// value against its own target.
pub fn share_of_plan(obs: &[Observation], at: usize) -> Option<f64> {
    share_of_year_plan(obs, at).or_else(|| {
        let o = &obs[at];
        let (v, t) = (o.value?.value, o.target?.value);
        (o.period.months() == 12 && t != 0.0).then(|| v / t * 100.0)
    })
}

/// How a flow's series is read on a card: in the kind of period of its
/// longest total among those ending last (a year to date before the quarter
/// or month ending with it), with the plans kept, and a total to date judged
/// against its year's plan ([`year_to_date_status`]); a series of one other
/// kind is read as it is. Mixing kinds would compare nine months with a
/// quarter.
pub fn reading(series: &Series, better: Better) -> Cow<'_, Series> {
    let obs = &series.observations;
    let valued = || obs.iter().filter(|o| o.value.is_some());
    let Some(end) = valued().map(|o| o.period.end()).max() else { return Cow::Borrowed(series) };
    let Some(kind) = valued().filter(|o| o.period.end() == end).max_by_key(|o| o.period.months()) else {
        return Cow::Borrowed(series);
    };
    let kind = kind.period.granularity;
    if kind != Granularity::YearToDate && valued().all(|o| o.period.granularity == kind) {
        return Cow::Borrowed(series);
    }
    let kept: Vec<Observation> =
        obs.iter().filter(|o| o.period.granularity == kind || o.value.is_none()).cloned().collect();
    let mut derived = Derived::compute(&kept, better);
    derived.status = year_to_date_status(&kept, &derived, better).or(derived.status);
    if kind == Granularity::YearToDate {
        // Nine months less six is a quarter, not a change: a total to date
        // is compared with the same months a year earlier instead.
        derived.change = None;
        derived.previous = None;
    }
    Cow::Owned(Series { indicator: series.indicator, observations: kept, derived })
}

/// The status of a total to date against its year's plan, as reports judge
/// it: achieved when it reaches the plan, on track when its share of the
/// plan is at least the share of the year gone (nine months: 75 %), else
/// behind. `None` when the latest is not a year to date with a plan.
fn year_to_date_status(obs: &[Observation], d: &Derived, better: Better) -> Option<super::Status> {
    let o = &obs[d.latest?];
    if o.period.granularity != Granularity::YearToDate || better != Better::Higher {
        return None;
    }
    let share = share_of_year_plan(obs, d.latest?)?;
    let gone = f64::from(o.period.months()) / 12.0 * 100.0;
    Some(match share {
        s if s >= 100.0 - 1e-9 => super::Status::Achieved,
        s if s >= gone - 1e-9 => super::Status::OnTrack,
        _ => super::Status::Behind,
    })
}

fn value_of(obs: &[Observation], period: Period) -> Option<f64> {
    obs.iter().find(|m| m.period == period).and_then(|m| m.value).map(|v| v.value)
}

/// `x` rounded to one decimal, halves away from zero (14,65 → 14,7;
/// −3,25 → −3,3), as reports round.
pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Better, Derived, Series};

    fn series(points: &[(&str, Option<f64>, Option<f64>)]) -> Series {
        let observations: Vec<Observation> =
            points.iter().map(|(p, v, t)| crate::model::observation(p, *v, None, *t)).collect();
        let mut sorted = observations;
        sorted.sort_by_key(|o| o.period);
        let derived = Derived::compute(&sorted, Better::Higher);
        Series { indicator: 0, observations: sorted, derived }
    }

    fn at(s: &Series, p: &str) -> usize {
        s.observations.iter().position(|o| o.period == Period::parse(p).unwrap()).unwrap()
    }

    #[test]
    fn a_flow_is_compared_with_the_same_kind_of_period_a_year_earlier() {
        let s = series(&[
            ("2022-YTD9", Some(14824.0), None),
            ("2023-YTD9", Some(16930.2), None),
            ("2023-Q3", Some(5.0), None),
        ]);
        let change = change_on_year_earlier(&s.observations, at(&s, "2023-YTD9")).unwrap();
        assert_eq!(one_decimal(change), 14.2);
        assert_eq!(
            change_on_year_earlier(&s.observations, at(&s, "2023-Q3")),
            None,
            "no 2022-Q3: a YTD is not a quarter"
        );
        assert_eq!(change_on_year_earlier(&s.observations, at(&s, "2022-YTD9")), None, "a missing year-earlier value");
    }

    #[test]
    fn a_fall_is_negative_and_a_zero_year_earlier_gives_nothing() {
        let s = series(&[
            ("2022", Some(200.0), None),
            ("2023", Some(193.6), None),
            ("2024", Some(0.0), None),
            ("2025", Some(5.0), None),
        ]);
        assert_eq!(one_decimal(change_on_year_earlier(&s.observations, at(&s, "2023")).unwrap()), -3.2);
        assert_eq!(one_decimal(change_on_year_earlier(&s.observations, at(&s, "2024")).unwrap()), -100.0);
        assert_eq!(change_on_year_earlier(&s.observations, at(&s, "2025")), None, "division by zero");
    }

    #[test]
    fn a_shorter_period_is_measured_against_its_years_target() {
        let s = series(&[
            ("2023", None, Some(21980.0)),
            ("2023-YTD9", Some(16930.2), None),
            ("2024", None, Some(0.0)),
            ("2024-Q1", Some(3.0), None),
        ]);
        assert_eq!(one_decimal(share_of_year_plan(&s.observations, at(&s, "2023-YTD9")).unwrap()), 77.0);
        assert_eq!(share_of_year_plan(&s.observations, at(&s, "2024-Q1")), None, "a target of zero");
        let whole = series(&[("2023", Some(100.0), Some(200.0))]);
        assert_eq!(share_of_year_plan(&whole.observations, 0), None, "a year is measured by its own target");
        assert_eq!(share_of_plan(&whole.observations, 0), Some(50.0), "which a value shortcode can write");
    }

    #[test]
    fn a_flow_mixing_kinds_is_read_in_the_kind_of_its_longest_latest_total() {
        let s = series(&[
            ("2022-YTD9", Some(14824.0), None),
            ("2022-Q3", Some(5003.1), None),
            ("2023-YTD9", Some(16930.2), None),
            ("2023-Q3", Some(5232.8), None),
            ("2023", None, Some(21980.0)),
        ]);
        let r = reading(&s, Better::Higher);
        let keys: Vec<String> = r.observations.iter().map(|o| o.period.key()).collect();
        assert_eq!(keys, ["2022-YTD9", "2023-YTD9", "2023"]);
        assert_eq!(r.observations[r.derived.latest.unwrap()].period.key(), "2023-YTD9");
        // 77,0% of the year's plan after nine months (75%): on track.
        assert_eq!(r.derived.status, Some(crate::model::Status::OnTrack));
        let one_kind = series(&[("2022", Some(1.0), None), ("2023", Some(2.0), None)]);
        assert!(matches!(reading(&one_kind, Better::Higher), Cow::Borrowed(_)));
    }

    #[test]
    fn one_decimal_rounds_halves_away_from_zero() {
        assert_eq!(one_decimal(14.65), 14.7);
        assert_eq!(one_decimal(-3.25), -3.3);
        assert_eq!(one_decimal(77.04), 77.0);
        assert_eq!(one_decimal(0.05), 0.1);
    }
}
