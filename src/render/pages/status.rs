//! `data-status/`: what each unit still in existence reported and owes on
//! every indicator (the rule is `model::reporting`), with a chart of the
//! figures each unit owes, the count of units owing per indicator, and the
//! same as a CSV. Linked from every page's footer.

use super::Renderer;
use crate::diag::messages::Build;
use crate::diag::Diagnostic;
use crate::model::reporting::{owed, Owed};
use crate::render::charts::spec::{ChartKind, ChartSpec, Item};
use crate::render::views::{self, Link};
use crate::render::{format, Output, OutputData};
use crate::route::{self, Route};
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    indicator: Link,
    latest: String,
    behind: usize,
    unmet_plans: usize,
    /// `ước tính`, `chưa từng báo cáo`, or empty.
    state: String,
    /// `never`, `late`, `provisional` or `ok`, for the row's class.
    class: &'static str,
}

#[derive(Serialize)]
struct UnitStatus {
    unit: Link,
    owing: usize,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct IndicatorStatus {
    indicator: Link,
    owing: usize,
    units: usize,
}

impl Renderer<'_> {
    pub(super) fn data_status(&self) -> Result<Vec<Output>, Diagnostic> {
        #[derive(Serialize)]
        struct Page {
            as_of: String,
            units: Vec<UnitStatus>,
            indicators: Vec<IndicatorStatus>,
            chart: String,
            csv_href: String,
        }
        let site = self.site;
        let lang = site.settings.lang;
        let t = lang.strings();
        let all = owed(site);
        let mut units: Vec<UnitStatus> = Vec::new();
        for u in 0..site.districts.len() {
            let rows: Vec<&Owed> = all.iter().filter(|o| o.unit == u).collect();
            if rows.is_empty() {
                continue;
            }
            let d = &site.districts[u];
            units.push(UnitStatus {
                unit: Link { label: d.name.clone(), href: views::district_href(d) },
                owing: rows.iter().filter(|o| o.owes()).count(),
                rows: rows.iter().map(|o| self.status_row(o)).collect(),
            });
        }
        let indicators = (0..site.indicators.len())
            .map(|i| {
                let of: Vec<&Owed> = all.iter().filter(|o| o.indicator == i).collect();
                let ind = &site.indicators[i];
                let indicator = Link { label: ind.name.clone(), href: views::indicator_href(ind) };
                IndicatorStatus { indicator, owing: of.iter().filter(|o| o.owes()).count(), units: of.len() }
            })
            .filter(|s| s.units > 0)
            .collect();
        let chart = self.owing_chart(&units)?;
        let as_of =
            site.bulletin_periods().last().map(|p| crate::text::numfmt::format_date(p.end(), lang)).unwrap_or_default();
        let dir = Route::DataStatus.dir();
        let csv = Output { path: route::data_status_csv(), data: OutputData::Bytes(csv(site, &all).into_bytes()) };
        let body = Page { as_of, units, indicators, chart, csv_href: route::data_status_csv() };
        let page =
            self.page("data_status.html", &dir, self.base(&dir, t.data_status.into(), String::new(), ""), body)?;
        Ok(vec![page, csv])
    }

    fn status_row(&self, o: &Owed) -> Row {
        let site = self.site;
        let lang = site.settings.lang;
        let t = lang.strings();
        let ind = &site.indicators[o.indicator];
        let (state, class) = match (o.never, format::certainty(o.provisional, lang)) {
            (true, _) => (t.never_reported.to_string(), "never"),
            (false, "") if o.behind > 0 || o.unmet_plans > 0 => (String::new(), "late"),
            (false, "") => (t.up_to_date.to_string(), "ok"),
            (false, word) => (word.to_string(), "provisional"),
        };
        Row {
            indicator: Link { label: ind.name.clone(), href: views::indicator_href(ind) },
            latest: o.latest.map(|p| format::period(p, lang)).unwrap_or_else(|| "–".into()),
            behind: o.behind,
            unmet_plans: o.unmet_plans,
            state,
            class,
        }
    }

    /// Bars of how many figures each unit owes, most first.
    fn owing_chart(&self, units: &[UnitStatus]) -> Result<String, Diagnostic> {
        let lang = self.site.settings.lang;
        let t = lang.strings();
        let mut items: Vec<Item> = units
            .iter()
            .filter(|u| u.owing > 0)
            .map(|u| Item {
                label: u.unit.label.clone(),
                value: Some(u.owing as f64),
                target: None,
                max: None,
                text: u.owing.to_string(),
                short: u.owing.to_string(),
                derived: false,
                previous: None,
            })
            .collect();
        if items.is_empty() {
            return Ok(String::new());
        }
        items.sort_by(|a, b| b.value.partial_cmp(&a.value).unwrap_or(std::cmp::Ordering::Equal));
        let top = items.iter().filter_map(|i| i.value).fold(0.0, f64::max);
        let desc = items.iter().map(|i| format!("{}: {}", i.label, i.text)).collect::<Vec<_>>().join("; ");
        let spec = ChartSpec {
            kind: ChartKind::Communes,
            id: "chart-data-status".into(),
            title: t.owed_per_unit.into(),
            desc: format!("{}: {desc}.", t.owed_per_unit),
            items,
            ticks: crate::render::charts::spec::ticks(top, lang).1,
            target_label: String::new(),
            legend: Vec::new(),
        };
        crate::render::charts::svg::render(&spec)
            .map_err(|e| Diagnostic::error("data-status", None, Build::Chart { detail: e.to_string() }))
    }
}

/// The same status as a spreadsheet: a row per unit and indicator.
fn csv(site: &crate::model::Site, all: &[Owed]) -> String {
    let mut out =
        String::from("\u{FEFF}unit,indicator,latest,periods_behind,plans_without_result,status,never_reported\n");
    for o in all {
        let cells = [
            crate::text::escape::csv_cell(&site.districts[o.unit].slug),
            crate::text::escape::csv_cell(&site.indicators[o.indicator].id),
            o.latest.map(|p| p.key()).unwrap_or_default(),
            o.behind.to_string(),
            o.unmet_plans.to_string(),
            o.provisional.csv().to_string(),
            if o.never { "yes".into() } else { String::new() },
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
