//! Charts: every indicator drawn once per build with plotters, as
//! accessible SVG for pages and as PNG share cards for `og:image`.
//!
//! [`Charts::build`] draws every chart of the site in parallel before any
//! page is rendered; pages, bulletins and articles then look charts up by
//! [`ChartKey`], so each is drawn once.

pub mod card;
pub mod draw;
pub mod flow;
pub mod glyphs;
pub mod labels;
pub mod pen;
pub mod series;
pub mod spec;
pub mod svg;

use crate::diag::messages::Build;
use crate::diag::Diagnostic;
use crate::model::{Moment, Site};
use crate::render::earlier::Inputs;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Once;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChartKey {
    /// A district's chart of one indicator, drawn with its first `upto`
    /// observations by period end (all of them for the dashboard; fewer for
    /// an older bulletin), plus the plans for later periods.
    Series { district: usize, indicator: usize, upto: usize },
    /// A district's chart of one indicator with only its first `upto`
    /// observations and no later plans: the chart of an article's moment
    /// (`model::moment`). Drawn only where it differs from `Series`.
    Moment { district: usize, indicator: usize, upto: usize },
    /// A district's communes compared on one indicator.
    Communes { district: usize, indicator: usize },
    /// All districts of one comparison group (`model::compare`) compared
    /// on one indicator; most indicators have one group.
    Districts { indicator: usize, group: crate::render::bulletins::Group },
    /// A flow's totals to date against a year earlier and the plan.
    Flow { district: usize, indicator: usize },
    /// The units within one unit compared on one indicator, per group.
    Children { district: usize, indicator: usize, group: crate::render::bulletins::Group },
}

/// Every chart of the site, as SVG text.
#[derive(Debug, Default)]
pub struct Charts {
    svgs: BTreeMap<ChartKey, String>,
}

static FONTS: Once = Once::new();

/// Registers the embedded DejaVu Sans with plotters (once per process), so
/// text is measured and drawn the same everywhere.
pub fn register_fonts() {
    FONTS.call_once(|| {
        use plotters::style::{register_font, FontStyle};
        let _ = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
        let _ = register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

impl Charts {
    /// Draws every chart of `site`.
    pub fn build(site: &Site, cache: Option<&crate::render::cache::RenderCache>) -> Result<Charts, Diagnostic> {
        register_fonts();
        let mut specs = Vec::new();
        for (di, d) in site.districts.iter().enumerate() {
            for s in &d.series {
                let ind = &site.indicators[s.indicator];
                let mut ends: Vec<jiff::civil::Date> = s.observations.iter().map(|o| o.period.end()).collect();
                ends.dedup();
                for end in ends {
                    let upto = s.ended_by(end);
                    let snapshot = s.as_of(end, ind.better);
                    let series_drawn = snapshot.derived.latest.is_some() || upto == s.observations.len();
                    if series_drawn {
                        let key = ChartKey::Series { district: di, indicator: s.indicator, upto };
                        specs.push((key, spec::series_chart(site, d, ind, &snapshot)));
                    }
                    // An article's moment: the same observations without later plans.
                    if snapshot.observations.len() > upto || !series_drawn {
                        let moment = s.prefix(upto, ind.better);
                        let key = ChartKey::Moment { district: di, indicator: s.indicator, upto };
                        specs.push((key, spec::series_chart(site, d, ind, &moment)));
                    }
                }
            }
            for s in d.series.iter().filter(|s| site.indicators[s.indicator].flow) {
                if let Some(c) = flow::flow_chart(site, d, &site.indicators[s.indicator], s) {
                    specs.push((ChartKey::Flow { district: di, indicator: s.indicator }, c));
                }
            }
            for i in 0..site.indicators.len() {
                if let Some(c) = spec::communes_chart(site, d, i) {
                    specs.push((ChartKey::Communes { district: di, indicator: i }, c));
                }
            }
        }
        for i in 0..site.indicators.len() {
            for (group, c) in spec::districts_charts(site, i) {
                specs.push((ChartKey::Districts { indicator: i, group }, c));
            }
            for (di, _) in site.districts.iter().enumerate().filter(|(_, d)| d.children.len() >= 2) {
                for (group, c) in spec::children_charts(site, di, i) {
                    specs.push((ChartKey::Children { district: di, indicator: i, group }, c));
                }
            }
        }
        let drawn: Result<Vec<(ChartKey, String)>, Diagnostic> = specs
            .par_iter()
            .map(|(key, s)| {
                let draw = || svg::render(s).map(String::into_bytes);
                let svg = match cache {
                    None => draw(),
                    Some(c) => {
                        let mut inputs = Inputs::new("chart");
                        inputs.part(format!("{s:?}").as_bytes());
                        c.get_or_make(inputs.finish(), draw)
                    }
                };
                svg.map(|bytes| (*key, String::from_utf8(bytes).expect("SVG is UTF-8"))).map_err(|e| {
                    Diagnostic::error(format!("chart {}", s.id), None, Build::Chart { detail: e.to_string() })
                })
            })
            .collect();
        Ok(Charts { svgs: drawn?.into_iter().collect() })
    }

    /// A district's chart of an indicator as of `date` (the whole series
    /// when `None`).
    pub fn series(
        &self,
        site: &Site,
        district: usize,
        indicator: usize,
        date: Option<jiff::civil::Date>,
    ) -> Option<&str> {
        let s = site.districts[district].series_for(indicator)?;
        let upto = date.map(|d| s.ended_by(d)).unwrap_or(s.observations.len());
        self.get(ChartKey::Series { district, indicator, upto })
    }

    /// The districts charts of an indicator, one per comparison group, in
    /// group order.
    pub fn districts(&self, indicator: usize) -> Vec<(crate::render::bulletins::Group, &str)> {
        self.svgs
            .iter()
            .filter_map(|(k, svg)| match *k {
                ChartKey::Districts { indicator: i, group } if i == indicator => Some((group, svg.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The charts comparing the units within the unit at `district`, in
    /// indicator order, then group order.
    pub fn children(&self, district: usize) -> Vec<(usize, crate::render::bulletins::Group, &str)> {
        self.svgs
            .iter()
            .filter_map(|(k, svg)| match *k {
                ChartKey::Children { district: d, indicator, group } if d == district => {
                    Some((indicator, group, svg.as_str()))
                }
                _ => None,
            })
            .collect()
    }

    /// A district's chart of an indicator at an article's moment: the
    /// drawn prefix of its series, or, where an observation past the moment
    /// names the article as its source, drawn now (a rare case).
    pub fn moment(&self, site: &Site, district: usize, indicator: usize, m: &Moment) -> Option<Cow<'_, str>> {
        let m = &m.for_district(district);
        let d = &site.districts[district];
        let s = d.series_for(indicator)?;
        let ind = &site.indicators[indicator];
        if s.moment_has_sources_beyond(m) || s.moment_has_revisions_after(m) {
            let spec = spec::series_chart(site, d, ind, &s.at_moment(m, ind.better));
            return svg::render(&spec).ok().map(Cow::Owned);
        }
        let upto = s.moment_prefix(m);
        if upto == 0 {
            return None;
        }
        let key = ChartKey::Moment { district, indicator, upto };
        self.get(key).or_else(|| self.get(ChartKey::Series { district, indicator, upto })).map(Cow::Borrowed)
    }

    pub fn get(&self, key: ChartKey) -> Option<&str> {
        self.svgs.get(&key).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.svgs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.svgs.is_empty()
    }
}
