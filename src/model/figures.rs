//! Figures derived from a series: the latest value, its share of the total
//! and of the plan, the change since the previous observation, and a status.
//!
//! ## The status rule
//! - The *goal* is the plan the latest value is judged against: the target
//!   of the latest value's own period if it has one; otherwise the first
//!   target set for a later period.
//! - **no target**: there is no goal.
//! - **achieved**: the latest value meets the goal (at or above it; at or
//!   below it when lower is better, as for ranks).
//! - **on track**: the goal is for a later period, and the straight line
//!   through the previous and the latest value, carried on to the end of the
//!   goal's period, meets it.
//! - **behind**: otherwise: the latest period's own target was missed, the
//!   trend falls short, or there is a single value below a later goal (no
//!   trend to judge by yet).
//! - A series with plans but no value yet has no status ("no data").

use super::{Better, Observation};
use serde::Serialize;

/// Progress toward the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Achieved,
    OnTrack,
    Behind,
    NoTarget,
}

/// What is computed once from a series.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// Index of the latest observation with a value.
    pub latest: Option<usize>,
    /// Index of the observation with a value before it.
    pub previous: Option<usize>,
    /// Index of the observation holding the goal (see the status rule).
    pub goal: Option<usize>,
    /// Latest value as a percentage of its total.
    pub share_of_total: Option<f64>,
    /// Index of the first observation after the latest value with a target.
    pub next_plan: Option<usize>,
    /// Latest value as a percentage of the goal.
    pub share_of_plan: Option<f64>,
    /// Latest value minus the previous one, and the decimals to show it with.
    pub change: Option<(f64, u8)>,
    pub status: Option<Status>,
}

impl Derived {
    /// Computes the figures of observations sorted by period.
    pub fn compute(obs: &[Observation], better: Better) -> Derived {
        let with_value: Vec<usize> = (0..obs.len()).filter(|&i| obs[i].value.is_some()).collect();
        let latest = with_value.last().copied();
        let previous = with_value.len().checked_sub(2).map(|i| with_value[i]);
        let mut d = Derived { latest, previous, ..Derived::default() };
        let Some(li) = latest else {
            d.next_plan = obs.iter().position(|o| o.target.is_some());
            return d;
        };
        let last = &obs[li];
        let v = last.value.expect("latest has a value").value;
        d.share_of_total = last.total.filter(|t| t.value > 0.0).map(|t| v / t.value * 100.0);
        d.next_plan = (li + 1..obs.len()).find(|&i| obs[i].target.is_some());
        d.goal = if last.target.is_some() { Some(li) } else { d.next_plan };
        d.share_of_plan = d.goal.and_then(|g| obs[g].target).filter(|t| t.value > 0.0).map(|t| v / t.value * 100.0);
        if let Some(pi) = previous {
            let p = obs[pi].value.expect("previous has a value");
            let decimals = p.decimals.max(last.value.expect("value").decimals);
            d.change = Some((v - p.value, decimals));
        }
        d.status = Some(status(obs, li, previous, d.goal, better));
        d
    }
}

fn meets(value: f64, target: f64, better: Better) -> bool {
    match better {
        Better::Higher => value >= target - 1e-9,
        Better::Lower => value <= target + 1e-9,
    }
}

fn days_between(a: &Observation, b: &Observation) -> f64 {
    let span = b.period.end().duration_since(a.period.end());
    span.as_secs() as f64 / 86_400.0
}

fn status(obs: &[Observation], li: usize, previous: Option<usize>, goal: Option<usize>, better: Better) -> Status {
    let Some(gi) = goal else {
        return Status::NoTarget;
    };
    let last = &obs[li];
    let v = last.value.expect("latest has a value").value;
    let target = obs[gi].target.expect("goal has a target").value;
    if meets(v, target, better) {
        return Status::Achieved;
    }
    if obs[gi].period <= last.period {
        return Status::Behind;
    }
    let Some(pi) = previous else {
        return Status::Behind;
    };
    let prev = &obs[pi];
    let pv = prev.value.expect("previous has a value").value;
    let span = days_between(prev, last);
    if span <= 0.0 {
        return Status::Behind;
    }
    let rate = (v - pv) / span;
    let projected = v + rate * days_between(last, &obs[gi]);
    if meets(projected, target, better) {
        Status::OnTrack
    } else {
        Status::Behind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ob(period: &str, value: Option<f64>, total: Option<f64>, target: Option<f64>) -> Observation {
        crate::model::observation(period, value, total, target)
    }

    #[test]
    fn shares_and_change() {
        let obs = [ob("2022-11", Some(110.0), Some(154.0), None), ob("2023", Some(118.0), Some(153.0), None)];
        let d = Derived::compute(&obs, Better::Higher);
        assert_eq!(d.latest, Some(1));
        assert_eq!(d.change, Some((8.0, 0)));
        assert!((d.share_of_total.unwrap() - 77.12).abs() < 0.01);
        assert_eq!(d.status, Some(Status::NoTarget));
    }

    #[test]
    fn achieved_against_own_target() {
        let obs = [ob("2023", Some(8850.0), None, Some(8210.0))];
        let d = Derived::compute(&obs, Better::Higher);
        assert_eq!(d.status, Some(Status::Achieved));
        assert!((d.share_of_plan.unwrap() - 107.79).abs() < 0.01);
    }

    #[test]
    fn on_track_and_behind_by_trend() {
        // A met plan for the latest period is achieved, whatever comes next.
        let met = [
            ob("2022", Some(7721.0), None, None),
            ob("2023", Some(8850.0), None, Some(8210.0)),
            ob("2024", None, None, Some(10230.0)),
        ];
        let d = Derived::compute(&met, Better::Higher);
        assert_eq!(d.status, Some(Status::Achieved));
        assert_eq!((d.goal, d.next_plan), (Some(1), Some(2)));
        // 10 → 14 over a year; goal 17 next year: the line reaches 18.
        let on = [
            ob("2022", Some(10.0), None, None),
            ob("2023", Some(14.0), None, None),
            ob("2024", None, None, Some(17.0)),
        ];
        assert_eq!(Derived::compute(&on, Better::Higher).status, Some(Status::OnTrack));
        let behind = [
            ob("2022", Some(10.0), None, None),
            ob("2023", Some(11.0), None, None),
            ob("2024", None, None, Some(17.0)),
        ];
        assert_eq!(Derived::compute(&behind, Better::Higher).status, Some(Status::Behind));
        let ended = [ob("2023", Some(11.0), None, Some(12.0))];
        assert_eq!(Derived::compute(&ended, Better::Higher).status, Some(Status::Behind));
        let single = [ob("2023", Some(11.0), None, None), ob("2025", None, None, Some(12.0))];
        assert_eq!(Derived::compute(&single, Better::Higher).status, Some(Status::Behind));
        let plans_only = [ob("2025", None, None, Some(12.0))];
        let d = Derived::compute(&plans_only, Better::Higher);
        assert_eq!((d.status, d.next_plan), (None, Some(0)));
    }

    #[test]
    fn rank_lower_is_better() {
        let obs = [ob("2021", Some(12.0), Some(27.0), None), ob("2022", Some(7.0), Some(27.0), Some(8.0))];
        let d = Derived::compute(&obs, Better::Lower);
        assert_eq!(d.status, Some(Status::Achieved));
        assert_eq!(d.change, Some((-5.0, 0)));
    }
}
