//! Reporting status: for every unit and indicator, what it reported and
//! what it owes (the officer's list of missing figures, `check --report`).
//!
//! The site's "now" is the end of its last bulletin period (nothing reads
//! the clock). For each unit alive then (a dissolved unit owes nothing: its
//! pages are an archive), each indicator it has data for, and each
//! indicator that units of its level report but it never did:
//!
//! - **latest**: the latest period with a value;
//! - **behind**: how many bulletin periods of the unit's lifetime have
//!   passed since the one holding that value (0: up to date, or never);
//! - **unmet plans**: targets of periods that have ended, with no value for
//!   that period;
//! - **provisional**: the latest value is an estimate or preliminary;
//! - **never**: no value at all.
//!
//! Rows come worst first: never reported, then most periods behind, most
//! unmet plans, provisional values; then by unit and indicator order.

use super::{Certainty, Site};

/// What one unit owes on one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Owed {
    pub unit: usize,
    pub indicator: usize,
    pub latest: Option<super::Period>,
    pub behind: usize,
    pub unmet_plans: usize,
    pub provisional: Certainty,
    pub never: bool,
}

impl Owed {
    /// Whether there is anything to chase.
    pub fn owes(&self) -> bool {
        self.never || self.behind > 0 || self.unmet_plans > 0 || self.provisional != Certainty::Final
    }
}

/// Every unit's status on every indicator it reports or should.
pub fn owed(site: &Site) -> Vec<Owed> {
    let periods = site.bulletin_periods();
    let Some(now) = periods.last().map(|p| p.end()) else { return Vec::new() };
    let mut rows = Vec::new();
    // A dissolved unit owes nothing any more: its pages are an archive.
    for (u, d) in site.districts.iter().enumerate().filter(|(_, d)| d.life.covers(now)) {
        let tier = d.tier();
        let mine: Vec<&super::Period> = periods.iter().filter(|p| d.life.has_bulletin(p.end())).collect();
        for i in 0..site.indicators.len() {
            let reported_by_level =
                site.districts.iter().any(|o| o.tier() == tier && o.series_for(i).is_some_and(has_value));
            let Some(s) = d.series_for(i) else {
                if reported_by_level {
                    rows.push(Owed {
                        unit: u,
                        indicator: i,
                        latest: None,
                        behind: 0,
                        unmet_plans: 0,
                        provisional: Certainty::Final,
                        never: true,
                    });
                }
                continue;
            };
            let latest =
                s.observations.iter().filter(|o| o.value.is_some() && o.added_from.is_empty()).max_by_key(|o| o.period);
            let behind = latest.map_or(0, |o| mine.iter().filter(|p| p.start() > o.period.end()).count());
            let ended = |o: &&super::Observation| o.period.end() <= now.min(d.life.until.unwrap_or(now));
            let unmet_plans =
                s.observations.iter().filter(ended).filter(|o| o.target.is_some() && o.value.is_none()).count();
            rows.push(Owed {
                unit: u,
                indicator: i,
                latest: latest.map(|o| o.period),
                behind,
                unmet_plans,
                provisional: latest.map(|o| o.certainty).unwrap_or_default(),
                never: latest.is_none(),
            });
        }
    }
    rows.sort_by(|a, b| {
        (b.never, b.behind, b.unmet_plans, b.provisional)
            .cmp(&(a.never, a.behind, a.unmet_plans, a.provisional))
            .then((a.unit, a.indicator).cmp(&(b.unit, b.indicator)))
    });
    rows
}

fn has_value(s: &super::Series) -> bool {
    s.observations.iter().any(|o| o.value.is_some() && o.added_from.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_site_lists_the_worst_first_and_no_dissolved_unit() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (diags, site) = crate::check_site(root, false);
        let site = site.unwrap_or_else(|| panic!("{diags}"));
        let rows = owed(&site);
        assert!(rows.iter().all(|r| site.districts[r.unit].life.until.is_none()), "dissolved units owe nothing");
        let keys: Vec<(bool, usize, usize)> = rows.iter().map(|r| (r.never, r.behind, r.unmet_plans)).collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(keys, sorted, "worst first");
    }
}
