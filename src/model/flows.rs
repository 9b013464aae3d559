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

use super::{Granularity, Observation, Period};

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
    use crate::model::{Better, Derived, Num, Origin, Series};

    fn series(points: &[(&str, Option<f64>, Option<f64>)]) -> Series {
        let observations: Vec<Observation> = points
            .iter()
            .map(|(p, v, t)| Observation {
                period: Period::parse(p).unwrap(),
                value: v.map(|value| Num { value, decimals: 1 }),
                total: None,
                target: t.map(|value| Num { value, decimals: 1 }),
                note: None,
                source: None,
                origin: Origin { file: "f".into(), line: 1 },
                added_from: Vec::new(),
                certainty: Default::default(),
                revision: None,
            })
            .collect();
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
    fn one_decimal_rounds_halves_away_from_zero() {
        assert_eq!(one_decimal(14.65), 14.7);
        assert_eq!(one_decimal(-3.25), -3.3);
        assert_eq!(one_decimal(77.04), 77.0);
        assert_eq!(one_decimal(0.05), 0.1);
    }
}
