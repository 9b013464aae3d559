//! Which figures may be ranked in one list: the rule of league tables and
//! of the districts chart of an indicator.
//!
//! A league table that puts 7/27 above 5/13 compares two different
//! rankings; one that puts 12 hamlets above 110/154 compares a number with a
//! share. So every figure gets a [`Basis`], and figures are only ever ranked
//! against figures of the same basis:
//!
//! 1. **Ranks out of different totals are never ordered as one list.** A
//!    rank is compared only with ranks out of the same total (`7/27` with
//!    other places among 27; `5/13` in a group of its own); a rank without a
//!    total only with other ranks without one.
//! 2. **Counts with a total are ranked by their share of it** (`110/154` is
//!    71,4%, `13/20` is 65%); counts without a total only with each other,
//!    by number.
//! 3. **Amounts and percents** are ranked by value, in one group.
//!
//! Within a group the best comes first (the indicator's `better`, ranks
//! lowest first) and equal figures share a place ([`places`]).

use super::{Better, Indicator, Kind, Num, Observation};

/// What a figure is ranked by, and so which figures it is ranked against.
/// Groups are shown in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Basis {
    /// Amounts, percents, and counts without a total: the value.
    Value,
    /// Counts with a total: the share of it.
    Share,
    /// Ranks out of a total, kept in thousandths so totals compare exactly.
    RankOutOf(i64),
    /// Ranks with no total given.
    Rank,
}

impl Basis {
    /// The total a rank group is out of, as written.
    pub fn rank_total(self) -> Option<f64> {
        match self {
            Basis::RankOutOf(t) => Some(t as f64 / 1000.0),
            _ => None,
        }
    }
}

/// Where one figure stands: its basis and the number it is ranked by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub basis: Basis,
    pub metric: f64,
}

/// The standing of an observation's value; `None` when it has no value.
pub fn standing(ind: &Indicator, o: &Observation) -> Option<Standing> {
    let v = o.value?.value;
    let total = o.total.map(|t: Num| t.value).filter(|t| *t > 0.0);
    let (basis, metric) = match (ind.kind, total) {
        (Kind::Count, Some(t)) => (Basis::Share, v / t),
        (Kind::Rank, Some(t)) => (Basis::RankOutOf((t * 1000.0).round() as i64), v),
        (Kind::Rank, None) => (Basis::Rank, v),
        _ => (Basis::Value, v),
    };
    Some(Standing { basis, metric })
}

/// The place (1 = best) of each standing among those of the same basis;
/// `None` where there is no standing. Equal figures share a place.
pub fn places(standings: &[Option<Standing>], better: Better) -> Vec<Option<usize>> {
    standings
        .iter()
        .map(|s| {
            let s = (*s)?;
            let ahead = standings.iter().flatten().filter(|o| {
                o.basis == s.basis
                    && match better {
                        Better::Higher => o.metric > s.metric + 1e-12,
                        Better::Lower => o.metric < s.metric - 1e-12,
                    }
            });
            Some(ahead.count() + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Period};

    fn ind(kind: Kind) -> Indicator {
        let better = if kind == Kind::Rank { Better::Lower } else { Better::Higher };
        Indicator {
            id: "x".into(),
            name: "X".into(),
            kind,
            unit: None,
            topic: None,
            better,
            description: None,
            sums: false,
            flow: false,
        }
    }

    fn obs(value: f64, total: Option<f64>) -> Observation {
        let n = |v: f64| Num { value: v, decimals: 0 };
        Observation {
            period: Period::year(2023),
            value: Some(n(value)),
            total: total.map(n),
            target: None,
            note: None,
            source: None,
            origin: Origin { file: String::new(), line: 0, cell: None },
            added_from: Vec::new(),
            certainty: Default::default(),
            revision: None,
        }
    }

    fn places_of(kind: Kind, figures: &[(f64, Option<f64>)]) -> Vec<Option<usize>> {
        let ind = ind(kind);
        let standings: Vec<_> = figures.iter().map(|&(v, t)| standing(&ind, &obs(v, t))).collect();
        places(&standings, ind.better)
    }

    #[test]
    fn ranks_out_of_different_totals_are_never_ordered_as_one_list() {
        // 7/27 and 5/13 are each first of their own group.
        assert_eq!(places_of(Kind::Rank, &[(7.0, Some(27.0)), (5.0, Some(13.0))]), [Some(1), Some(1)]);
        let p = places_of(Kind::Rank, &[(7.0, Some(27.0)), (5.0, Some(13.0)), (3.0, Some(27.0)), (9.0, Some(13.0))]);
        assert_eq!(p, [Some(2), Some(1), Some(1), Some(2)]);
    }

    #[test]
    fn a_rank_without_a_total_is_ranked_only_with_others_without_one() {
        assert_eq!(places_of(Kind::Rank, &[(2.0, None), (1.0, Some(27.0)), (4.0, None)]), [Some(1), Some(1), Some(2)]);
    }

    #[test]
    fn counts_with_a_total_are_ranked_by_their_share_of_it() {
        // 13/20 is 65%, 110/154 is 71.4%: the larger count is not the point.
        assert_eq!(places_of(Kind::Count, &[(13.0, Some(20.0)), (110.0, Some(154.0))]), [Some(2), Some(1)]);
    }

    #[test]
    fn counts_without_a_total_are_ranked_only_with_each_other() {
        let p = places_of(Kind::Count, &[(12.0, None), (110.0, Some(154.0)), (30.0, None)]);
        assert_eq!(p, [Some(2), Some(1), Some(1)]);
    }

    #[test]
    fn amounts_are_ranked_by_value_and_equal_figures_share_a_place() {
        let p = places_of(Kind::Amount, &[(5.0, None), (9.0, None), (5.0, None)]);
        assert_eq!(p, [Some(2), Some(1), Some(2)]);
        assert_eq!(places(&[None, standing(&ind(Kind::Amount), &obs(1.0, None))], Better::Higher), [None, Some(1)]);
    }
}
