//! Pages that list things: indicators, topics, standalone pages, 404.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::Kind;
use crate::render::charts::ChartKey;
use crate::render::csvout;
use crate::render::links::page_href;
use crate::render::markdown;
use crate::render::views::{self, ArticleItem, Link, ObsRow};
use crate::render::{Output, OutputData};
use crate::route::{self, Route};
use serde::Serialize;

/// An indicator in a list.
#[derive(Serialize)]
struct IndicatorItem {
    id: String,
    name: String,
    href: String,
    kind: Kind,
    unit: String,
    topic: Option<Link>,
    districts: usize,
    /// A total over its period (FORMAT v2 `measure: flow`).
    flow: bool,
}

/// One district's latest figure on an indicator page.
#[derive(Serialize)]
struct DistrictRow {
    district: Link,
    period: String,
    value: String,
    share_of_total: String,
    share_of_plan: String,
    status: &'static str,
    status_label: &'static str,
}

/// A row of the full data table on an indicator page.
#[derive(Serialize)]
struct DataRow {
    district: String,
    commune: String,
    #[serde(flatten)]
    row: ObsRow,
}

impl Renderer<'_> {
    fn indicator_item(&self, i: usize) -> IndicatorItem {
        let ind = &self.site.indicators[i];
        IndicatorItem {
            id: ind.id.clone(),
            name: ind.name.clone(),
            href: views::indicator_href(ind),
            kind: ind.kind,
            unit: ind.unit.clone().unwrap_or_default(),
            topic: ind.topic.as_ref().and_then(|t| views::topic_links(self.site, std::slice::from_ref(t)).pop()),
            districts: self.site.districts.iter().filter(|d| d.series_for(i).is_some()).count(),
            flow: ind.flow,
        }
    }

    pub(super) fn indicators(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Indicators {
            indicators: Vec<IndicatorItem>,
        }
        let t = self.site.settings.lang.strings();
        let body = Indicators { indicators: (0..self.site.indicators.len()).map(|i| self.indicator_item(i)).collect() };
        self.page(
            "indicators.html",
            &Route::Indicators.dir(),
            self.base(&Route::Indicators.dir(), t.indicators.into(), String::new(), "indicators"),
            body,
        )
    }

    pub(super) fn indicator(&self, i: usize) -> Result<Vec<Output>, Diagnostic> {
        #[derive(Serialize)]
        struct IndicatorPage<'c> {
            indicator: IndicatorItem,
            description_html: String,
            latest: Vec<DistrictRow>,
            /// One chart per comparison group, labelled by what it ranks by.
            charts: Vec<views::ChartRef<'c>>,
            commune_charts: Vec<views::ChartRef<'c>>,
            rows: Vec<DataRow>,
            csv_href: String,
            xlsx_href: String,
        }
        let site = self.site;
        let ind = &site.indicators[i];
        let lang = site.settings.lang;
        let (latest, rows) = indicator_rows(site, i);
        let levels = site.levels();
        let dir = Route::Indicator(&ind.id).dir();
        let description = ind.description.as_deref().map(markdown::plain_text).unwrap_or_default();
        let body = IndicatorPage {
            indicator: self.indicator_item(i),
            description_html: ind.description.as_deref().map(|s| markdown::to_html(s, true)).unwrap_or_default(),
            latest,
            charts: self
                .charts
                .districts(i)
                .into_iter()
                .map(|(group, svg)| {
                    let label = crate::render::charts::spec::group_caption(&levels, group, ind.kind, lang);
                    views::ChartRef { label, svg }
                })
                .collect(),
            commune_charts: (0..site.districts.len())
                .filter_map(|d| {
                    let svg = self.charts.get(ChartKey::Communes { district: d, indicator: i })?;
                    Some(views::ChartRef { label: site.districts[d].name.clone(), svg })
                })
                .collect(),
            rows,
            csv_href: route::indicator_csv(&ind.id),
            xlsx_href: route::indicator_xlsx(&ind.id),
        };
        let page =
            self.page("indicator.html", &dir, self.base(&dir, ind.name.clone(), description, "indicators"), body)?;
        let csv = csvout::indicator_csv(site, i).into_bytes();
        let make = || {
            crate::render::xlsxout::indicator_xlsx(site, i).map_err(|e| {
                let problem = crate::diag::messages::Build::Workbook { detail: e.to_string() };
                Diagnostic::error(route::indicator_xlsx(&ind.id), None, problem)
            })
        };
        // The workbook holds what the CSV holds: in `serve`, an edit that
        // leaves an indicator's data alone does not zip it again.
        let xlsx = match self.prepared.cards() {
            None => make()?,
            Some(c) => {
                let mut inputs = crate::render::earlier::Inputs::new("xlsx");
                inputs.part(ind.id.as_bytes()).part(&csv);
                c.get_or_make(inputs.finish(), make)?
            }
        };
        let csv = Output { path: route::indicator_csv(&ind.id), data: OutputData::Bytes(csv) };
        let xlsx = Output { path: route::indicator_xlsx(&ind.id), data: OutputData::Bytes(xlsx) };
        Ok(vec![page, csv, xlsx])
    }

    pub(super) fn topics(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct TopicItem {
            name: String,
            href: String,
            articles: usize,
            indicators: usize,
        }
        #[derive(Serialize)]
        struct Topics {
            topics: Vec<TopicItem>,
        }
        let site = self.site;
        let topics = site
            .topics
            .iter()
            .map(|t| TopicItem {
                name: t.name.clone(),
                href: page_href(&Route::Topic(&t.slug).dir()),
                articles: site.articles.iter().filter(|a| a.topics.contains(&t.slug)).count(),
                indicators: site.indicators.iter().filter(|i| i.topic.as_deref() == Some(&t.slug)).count(),
            })
            .collect();
        let t = site.settings.lang.strings();
        self.page(
            "topics.html",
            &Route::Topics.dir(),
            self.base(&Route::Topics.dir(), t.topics.into(), String::new(), "topics"),
            Topics { topics },
        )
    }

    pub(super) fn topic(&self, ti: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct TopicPage {
            topic: Link,
            articles: Vec<ArticleItem>,
            pager: super::paging::Pager,
            indicators: Vec<IndicatorItem>,
        }
        let topic = &self.site.topics[ti];
        let dir = Route::Topic(&topic.slug).dir();
        let paged = self.paged(super::paging::List::Topic(ti), 1);
        let body = TopicPage {
            topic: Link { label: topic.name.clone(), href: page_href(&dir) },
            articles: paged.0,
            pager: paged.1,
            indicators: (0..self.site.indicators.len())
                .filter(|&i| self.site.indicators[i].topic.as_deref() == Some(&topic.slug))
                .map(|i| self.indicator_item(i))
                .collect(),
        };
        self.page("topic.html", &dir, self.base(&dir, topic.name.clone(), String::new(), "topics"), body)
    }

    pub(super) fn standalone(&self, pi: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct StandalonePage {
            body_html: String,
        }
        let p = &self.site.pages[pi];
        let dir = Route::Page(&p.slug).dir();
        let body = StandalonePage { body_html: self.body(&p.body, &dir, &p.file, None, &|_| None)? };
        let description = p.description.clone().unwrap_or_else(|| markdown::lead_text(&p.body.lead, &[]));
        self.page("page.html", &dir, self.base(&dir, p.title.clone(), description, "page"), body)
    }

    /// `404.html` is served at any path, so its links are absolute and its
    /// stylesheet is inline (`inline_css`).
    pub(super) fn not_found(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct NotFound<'a> {
            inline_css: &'a str,
        }
        let t = self.site.settings.lang.strings();
        let mut base = self.base("", t.not_found_title.into(), String::new(), "none");
        base.root = self.site.settings.base_url.clone();
        base.canonical = format!("{}404.html", self.site.settings.base_url);
        let css = self.prepared.stylesheet.replace("</", "<\\/");
        self.render_page("404.html", "404.html".into(), &super::Page { base, body: NotFound { inline_css: &css } })
    }
}

/// An indicator page's tables: each district's latest figure, and every
/// observation of the districts and their communes.
fn indicator_rows(site: &crate::model::Site, i: usize) -> (Vec<DistrictRow>, Vec<DataRow>) {
    let ind = &site.indicators[i];
    let lang = site.settings.lang;
    let mut latest = Vec::new();
    let mut rows = Vec::new();
    for d in &site.districts {
        let table = |commune: &str, s: &crate::model::Series| -> Vec<DataRow> {
            let district = &d.name;
            // What was reported, as in the CSV: values added up across a
            // merger are already here under the units that reported them.
            let rows = views::obs_rows(ind, &s.observations, 0, lang).into_iter().filter(|r| !r.derived);
            rows.map(|row| DataRow { district: district.clone(), commune: commune.to_string(), row }).collect()
        };
        if let Some(s) = d.series_for(i) {
            let card = views::card(ind, s, lang);
            latest.push(DistrictRow {
                district: Link { label: d.name.clone(), href: views::district_href(d) },
                period: card.period,
                value: card.value,
                share_of_total: card.share_of_total.unwrap_or_default(),
                share_of_plan: card.share_of_plan.unwrap_or_default(),
                status: card.status,
                status_label: card.status_label,
            });
            rows.extend(table("", s));
        }
        for c in &d.communes {
            if let Some(s) = c.series.iter().find(|s| s.indicator == i) {
                rows.extend(table(&c.name, s));
            }
        }
    }
    (latest, rows)
}
