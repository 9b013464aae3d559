//! Charts: every indicator drawn once per build with plotters, as
//! accessible SVG for pages and as PNG share cards for `og:image`.
//!
//! [`Charts::build`] draws every chart of the site in parallel before any
//! page is rendered; pages, bulletins and articles then look charts up by
//! [`ChartKey`], so each is drawn once.

pub mod card;
pub mod draw;
pub mod spec;
pub mod svg;

use crate::diag::Diagnostic;
use crate::model::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Once;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChartKey {
    /// A district's chart of one indicator.
    Series { district: usize, indicator: usize },
    /// A district's communes compared on one indicator.
    Communes { district: usize, indicator: usize },
    /// All districts compared on one indicator.
    Districts { indicator: usize },
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
    pub fn build(site: &Site) -> Result<Charts, Diagnostic> {
        register_fonts();
        let mut specs = Vec::new();
        for (di, d) in site.districts.iter().enumerate() {
            for s in &d.series {
                specs.push((
                    ChartKey::Series { district: di, indicator: s.indicator },
                    spec::series_chart(site, d, &site.indicators[s.indicator], s),
                ));
            }
            for i in 0..site.indicators.len() {
                if let Some(c) = spec::communes_chart(site, d, i) {
                    specs.push((ChartKey::Communes { district: di, indicator: i }, c));
                }
            }
        }
        for i in 0..site.indicators.len() {
            if let Some(c) = spec::districts_chart(site, i) {
                specs.push((ChartKey::Districts { indicator: i }, c));
            }
        }
        let drawn: Result<Vec<(ChartKey, String)>, Diagnostic> = specs
            .par_iter()
            .map(|(key, s)| {
                svg::render(s).map(|svg| (*key, svg)).map_err(|e| {
                    Diagnostic::error(format!("chart {}", s.id), None, format!("could not draw the chart: {e}"))
                })
            })
            .collect();
        Ok(Charts { svgs: drawn?.into_iter().collect() })
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
