//! Units over time (FORMAT v2): where a unit's pages live, when it existed,
//! what it was formed from and what took over from it.
//!
//! A v1 district and a v2 unit are the same thing in the model (a
//! [`District`](super::District)); they differ only by their [`Root`], the
//! folder their content and pages live in, and by the default of their
//! level. The rules that compare units over time are here, as pure
//! functions: who is alive on a day ([`Life::covers`]), whose lifetimes
//! overlap ([`Life::overlaps`]), and which level a unit is compared at
//! ([`tier`]).

use super::{Better, Derived, Num, Observation, Series};
use jiff::civil::Date;

pub use crate::load::Root;

/// The level a v1 district is compared at when it names none.
pub const DISTRICT_LEVEL: &str = "huyện";

/// The level a unit is compared at: its `level` as written (trimmed,
/// lower case, so `Huyện` and `huyện` are one group), for a district
/// without one [`DISTRICT_LEVEL`].
pub fn tier(level: Option<&str>) -> String {
    level.map(|l| l.trim().to_lowercase()).filter(|l| !l.is_empty()).unwrap_or_else(|| DISTRICT_LEVEL.to_string())
}

/// When a unit existed: from its first day to its last, both optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Life {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Life {
    /// Whether the unit existed on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }

    /// Whether two lifetimes share at least one day.
    pub fn overlaps(&self, other: &Life) -> bool {
        let starts_before_other_ends = match (self.from, other.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        let other_starts_before_this_ends = match (other.from, self.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_this_ends
    }

    /// Whether a period from `start` to `end` (its first and last days) may
    /// have a bulletin of the unit: it ends on or after `from` and on or
    /// before `until`.
    pub fn has_bulletin(&self, end: Date) -> bool {
        self.from.is_none_or(|f| end >= f) && self.until.is_none_or(|u| end <= u)
    }

    pub fn dissolved(&self) -> bool {
        self.until.is_some()
    }
}

/// One entry of a unit's `formed_from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predecessor {
    /// Index into [`Site::districts`](super::Site::districts): a unit of
    /// the site.
    pub unit: Option<usize>,
    /// The name to show: the site unit's name, or the entry's `name`.
    pub name: String,
    /// Whether it went into this unit whole.
    pub whole: bool,
}

/// What took over from a dissolved unit: a unit of the site (whose
/// `formed_from` names it, or named in its `successors`), or one elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Successor {
    pub unit: Option<usize>,
    pub name: String,
    /// For a unit elsewhere: its address.
    pub url: Option<String>,
}

/// The series of a unit formed on `from` from the whole units `parts`
/// (their series of one indicator that adds up; indices `added_from`), with
/// every period before `from` in which each part has a value given the sum
/// of their values; totals and targets summed only where every part has
/// one. The unit's `own` observation of a period wins. `None` when no
/// period can be added.
pub fn added_up(
    parts: &[&Series],
    own: Option<&Series>,
    from: Date,
    added_from: &[usize],
    better: Better,
) -> Option<Series> {
    let first = parts.first()?;
    let owns = |o: &Observation| own.is_some_and(|s| s.observations.iter().any(|m| m.period == o.period));
    // Only what the parts reported: a part's own added-up history is not
    // summed again, so the result never depends on the order units are met.
    let reported = |m: &&Observation| m.added_from.is_empty();
    let mut observations: Vec<Observation> = Vec::new();
    for o in
        first.observations.iter().filter(reported).filter(|o| o.value.is_some() && o.period.end() < from && !owns(o))
    {
        let same: Option<Vec<&Observation>> = parts
            .iter()
            .map(|s| s.observations.iter().filter(reported).find(|m| m.period == o.period && m.value.is_some()))
            .collect();
        let Some(same) = same else { continue };
        let sum = |get: fn(&Observation) -> Option<Num>| -> Option<Num> {
            let nums: Option<Vec<Num>> = same.iter().map(|m| get(m)).collect();
            let nums = nums?;
            let decimals = nums.iter().map(|n| n.decimals).max().unwrap_or(0);
            Some(Num { value: nums.iter().map(|n| n.value).sum(), decimals })
        };
        observations.push(Observation {
            period: o.period,
            value: sum(|m| m.value),
            total: sum(|m| m.total),
            target: sum(|m| m.target),
            note: None,
            source: None,
            origin: o.origin.clone(),
            added_from: added_from.to_vec(),
            // A sum is as sure as its least sure part.
            certainty: same.iter().map(|m| m.certainty).max().unwrap_or_default(),
            revision: None,
        });
    }
    if observations.is_empty() {
        return None;
    }
    observations.extend(own.iter().flat_map(|s| s.observations.iter().cloned()));
    observations.sort_by_key(|o| o.period);
    let derived = Derived::compute(&observations, better);
    Some(Series { indicator: first.indicator, observations, derived })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn life(from: Option<Date>, until: Option<Date>) -> Life {
        Life { from, until }
    }

    #[test]
    fn a_unit_is_alive_from_its_first_day_to_its_last() {
        let l = life(Some(date(2025, 7, 1)), None);
        assert!(!l.covers(date(2025, 6, 30)));
        assert!(l.covers(date(2025, 7, 1)));
        let d = life(None, Some(date(2025, 6, 30)));
        assert!(d.covers(date(2025, 6, 30)) && !d.covers(date(2025, 7, 1)));
    }

    #[test]
    fn a_dissolved_unit_and_its_successor_do_not_overlap() {
        let old = life(None, Some(date(2025, 6, 30)));
        let new = life(Some(date(2025, 7, 1)), None);
        assert!(!old.overlaps(&new) && !new.overlaps(&old));
        assert!(old.overlaps(&life(None, None)));
        assert!(life(Some(date(2025, 6, 30)), None).overlaps(&old), "one shared day is an overlap");
    }

    #[test]
    fn bulletins_only_for_periods_that_end_within_the_life() {
        let l = life(Some(date(2025, 7, 1)), Some(date(2025, 12, 31)));
        assert!(!l.has_bulletin(date(2025, 6, 30)));
        assert!(l.has_bulletin(date(2025, 9, 30)));
        assert!(l.has_bulletin(date(2025, 12, 31)));
        assert!(!l.has_bulletin(date(2026, 3, 31)));
    }

    fn series(points: &[(&str, f64, Option<f64>)]) -> Series {
        let observations: Vec<Observation> =
            points.iter().map(|(p, v, t)| crate::model::observation(p, Some(*v), *t, None)).collect();
        let derived = Derived::compute(&observations, Better::Higher);
        Series { indicator: 0, observations, derived }
    }

    #[test]
    fn a_merged_unit_gets_the_sum_of_its_parts_for_periods_before_it_existed() {
        let a = series(&[("2023", 4.0, Some(10.0)), ("2024", 5.0, Some(10.0))]);
        let b = series(&[("2023", 3.0, Some(8.0)), ("2024", 4.0, None)]);
        let own = series(&[("2025-Q3", 11.0, Some(18.0))]);
        let s = added_up(&[&a, &b], Some(&own), date(2025, 7, 1), &[1, 2], Better::Higher).unwrap();
        let got: Vec<(String, f64, Option<f64>, usize)> = s
            .observations
            .iter()
            .map(|o| (o.period.key(), o.value.unwrap().value, o.total.map(|t| t.value), o.added_from.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2023".into(), 7.0, Some(18.0), 2),
                ("2024".into(), 9.0, None, 2), // a total only when every part has one
                ("2025-Q3".into(), 11.0, Some(18.0), 0),
            ]
        );
    }

    #[test]
    fn only_periods_where_every_part_has_a_value_and_the_unit_none_of_its_own() {
        let a = series(&[("2022", 1.0, None), ("2023", 4.0, None)]);
        let b = series(&[("2023", 3.0, None)]);
        let own = series(&[("2023", 6.0, None)]);
        assert!(added_up(&[&a, &b], Some(&own), date(2025, 7, 1), &[1, 2], Better::Higher).is_none());
        let s = added_up(&[&a, &b], None, date(2023, 6, 30), &[1, 2], Better::Higher);
        assert!(s.is_none(), "2023 ends after the unit's first day");
    }

    #[test]
    fn levels_are_compared_as_written_and_districts_default_to_huyen() {
        assert_eq!(tier(None), "huyện");
        assert_eq!(tier(Some(" Xã ")), "xã");
        assert_eq!(tier(Some("")), "huyện");
    }
}
