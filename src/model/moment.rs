//! An article's moment: the periods an article can speak of.
//!
//! An article speaks of the figures as they stood when it was written, and
//! an archive must not rewrite it as data is added (FORMAT v2, "An
//! article's moment"). The rule:
//!
//! 1. **Periods that end on or before the article's date** belong to it.
//! 2. **A period that contains the date in its last month** belongs to it
//!    too: year-end and quarter-end reports are written before the period
//!    closes (a report of 20/12/2023 speaks of 2023, of Q4 and of December).
//!    Periods end on the last day of a month, so rules 1 and 2 together are
//!    the periods that end by the last day of the article's month
//!    ([`Moment::last_day`]).
//! 3. **An observation whose `source` names the article** belongs to it,
//!    whatever its period.
//! 4. Nothing else does: not later results, and not plans for later
//!    periods, which may have been set after the article was written.
//!
//! An article's charts, indicator cards and `value` shortcodes without a
//! `period` show only its moment; `chart(…, as_of="latest")` opts out.

use super::{Article, Better, Derived, Observation, Series};
use jiff::civil::Date;

/// The moment of one article: its date, its district and its slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment<'a> {
    pub date: Date,
    /// The article's district: a `source` names an article of its own.
    pub district: usize,
    /// The article's slug, which observations name in `source`.
    pub article: &'a str,
}

impl<'a> Moment<'a> {
    /// Whether the moment came before `o`'s value was revised (the start of
    /// the period of its `revised_in`): the article was written with the
    /// figure published before.
    pub fn predates(&self, o: &Observation) -> bool {
        o.revision.and_then(|r| r.published).is_some_and(|p| self.date < p.start())
    }

    /// `o` as it stood at the moment: with the figure published before a
    /// later revision.
    pub fn as_then(&self, o: &Observation) -> Observation {
        let mut then = o.clone();
        if let (true, Some(r)) = (self.predates(o), o.revision) {
            then.value = Some(r.from);
            then.revision = None;
        }
        then
    }

    pub fn of(a: &'a Article) -> Moment<'a> {
        Moment { date: a.date, district: a.district, article: &a.slug }
    }

    /// The moment as it applies to the data of `district`: another
    /// district's observations never name this article as their source.
    pub fn for_district(self, district: usize) -> Moment<'a> {
        if district == self.district {
            self
        } else {
            Moment { article: "", ..self }
        }
    }

    /// The last day a period may end on to belong to the moment (rules 1
    /// and 2): the last day of the article's month.
    pub fn last_day(&self) -> Date {
        self.date.last_of_month()
    }

    /// Whether `o` belongs to the moment.
    pub fn covers(&self, o: &Observation) -> bool {
        o.period.end() <= self.last_day() || (!self.article.is_empty() && o.source.as_deref() == Some(self.article))
    }
}

impl Series {
    /// The series as the article of `moment` could speak of it: only the
    /// observations of its moment, with the figures derived from them.
    pub fn at_moment(&self, moment: &Moment, better: Better) -> Series {
        let observations: Vec<Observation> =
            self.observations.iter().filter(|o| moment.covers(o)).map(|o| moment.as_then(o)).collect();
        let derived = Derived::compute(&observations, better);
        Series { indicator: self.indicator, observations, derived }
    }

    /// Whether a value of the moment was revised after it: its figures
    /// then are not a prefix of today's.
    pub fn moment_has_revisions_after(&self, moment: &Moment) -> bool {
        self.observations[..self.moment_prefix(moment)].iter().any(|o| moment.predates(o))
    }

    /// The first `upto` observations, with the figures derived from them:
    /// the moment when it is a prefix ([`Series::moment_prefix`]).
    pub fn prefix(&self, upto: usize, better: Better) -> Series {
        let observations = self.observations[..upto.min(self.observations.len())].to_vec();
        let derived = Derived::compute(&observations, better);
        Series { indicator: self.indicator, observations, derived }
    }

    /// How many observations, from the first, end by the moment's last day:
    /// the moment's observations when none beyond them names the article.
    pub fn moment_prefix(&self, moment: &Moment) -> usize {
        self.ended_by(moment.last_day())
    }

    /// Whether an observation past the moment's last day names the article
    /// as its `source` (rule 3), so the moment is not a prefix.
    pub fn moment_has_sources_beyond(&self, moment: &Moment) -> bool {
        self.observations[self.moment_prefix(moment)..].iter().any(|o| moment.covers(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Num, Origin, Period};

    fn obs(period: &str, value: Option<f64>, target: Option<f64>, source: Option<&str>) -> Observation {
        let n = |v: f64| Num { value: v, decimals: 0 };
        Observation {
            period: Period::parse(period).unwrap(),
            value: value.map(n),
            total: Some(n(154.0)),
            target: target.map(n),
            note: None,
            source: source.map(str::to_string),
            origin: Origin { file: String::new(), line: 0, cell: None },
            added_from: Vec::new(),
            certainty: Default::default(),
            revision: None,
        }
    }

    fn series() -> Series {
        let observations = vec![
            obs("2022", Some(110.0), None, None),
            obs("2023-Q4", Some(116.0), None, None),
            obs("2023", Some(118.0), None, None),
            obs("2024", Some(125.0), Some(130.0), None),
            obs("2025", None, Some(140.0), None),
        ];
        let mut observations = observations;
        observations.sort_by_key(|o| o.period);
        let derived = Derived::compute(&observations, Better::Higher);
        Series { indicator: 0, observations, derived }
    }

    fn periods(s: &Series) -> Vec<String> {
        s.observations.iter().map(|o| o.period.key()).collect()
    }

    fn moment(date: &str) -> Moment<'static> {
        Moment { date: date.parse().unwrap(), district: 0, article: "bai-viet" }
    }

    #[test]
    fn periods_that_end_on_or_before_the_date_belong_to_it() {
        let s = series().at_moment(&moment("2023-01-06"), Better::Higher);
        assert_eq!(periods(&s), ["2022"], "an article of 06/01/2023 about 110/154 grows no later bars");
        assert_eq!(s.observations[s.derived.latest.unwrap()].value.unwrap().value, 110.0);
    }

    #[test]
    fn a_period_that_contains_the_date_in_its_last_month_belongs_to_it() {
        let s = series().at_moment(&moment("2023-12-20"), Better::Higher);
        assert_eq!(periods(&s), ["2022", "2023", "2023-Q4"], "a year-end report of 20/12 shows its year");
        let s = series().at_moment(&moment("2023-11-30"), Better::Higher);
        assert_eq!(periods(&s), ["2022"], "November is not the last month of 2023 or of Q4");
    }

    #[test]
    fn an_observation_whose_source_names_the_article_belongs_to_it() {
        let mut s = series();
        s.observations[3].source = Some("bai-viet".into());
        let m = moment("2023-01-06");
        assert!(s.moment_has_sources_beyond(&m));
        assert_eq!(periods(&s.at_moment(&m, Better::Higher)), ["2022", "2024"]);
        assert!(!series().moment_has_sources_beyond(&m));
        let elsewhere = m.for_district(1);
        assert_eq!(
            periods(&s.at_moment(&elsewhere, Better::Higher)),
            ["2022"],
            "a source names its own district's article"
        );
    }

    #[test]
    fn plans_for_later_periods_do_not_belong_to_it() {
        let s = series().at_moment(&moment("2024-06-15"), Better::Higher);
        assert!(s.observations.iter().all(|o| o.period.end() <= "2024-06-30".parse().unwrap()), "{:?}", periods(&s));
        assert_eq!(series().moment_prefix(&moment("2024-06-15")), 3);
    }
}
