//! What templates see: small `Serialize` structs built from the model for
//! one page at a time. Links in them are site paths (`districts/ky-anh/index.html`);
//! templates put the page's `root` prefix in front, which makes them relative.

use super::format;
use super::links::page_href;
use super::markdown;
use super::values;
use crate::model::{
    flows, Article, Better, District, Indicator, Kind, Moment, Observation, Period, Series, Shortcode, Site,
};
use crate::route::{self, At, Route};
use crate::text::lang::Lang;
use crate::text::numfmt::format_date;
use serde::Serialize;

/// A link with its words.
#[derive(Debug, Serialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// One row of an observation table.
#[derive(Debug, Serialize)]
pub struct ObsRow {
    pub period: String,
    pub period_key: String,
    pub value: String,
    pub target: String,
    pub share: String,
    pub note: String,
    /// Added up from the units a merged unit was formed from (the note
    /// names them), not reported.
    pub derived: bool,
    /// For a flow (FORMAT v2): on a year earlier, and of the year's plan.
    pub year_earlier: String,
    pub year_plan: String,
    /// For a revised value: the figure published before it.
    pub revised: String,
}

/// A drawn chart and the caption it is shown with.
#[derive(Debug, Serialize)]
pub struct ChartRef<'a> {
    pub label: String,
    pub svg: &'a str,
}

/// An indicator card: the latest figure of one series and how it moves.
#[derive(Debug, Serialize)]
pub struct Card {
    /// The indicator's index in the catalogue (not shown).
    #[serde(skip)]
    pub indicator: usize,
    pub id: String,
    pub name: String,
    pub href: String,
    pub kind: Kind,
    pub unit: String,
    pub period: String,
    /// The period in few letters (`T10/2022`).
    pub period_short: String,
    /// `tính đến năm 2023`, `as of 2023`.
    pub as_of: String,
    pub value: String,
    pub share_of_total: Option<String>,
    pub share_of_plan: Option<String>,
    /// The goal the status is judged against, with its period.
    pub plan: Option<String>,
    pub plan_period: Option<String>,
    /// The next plan after the latest value, when it is not the goal.
    pub next_plan: Option<String>,
    pub change: Option<String>,
    pub change_dir: &'static str,
    pub change_since: Option<String>,
    pub status: &'static str,
    pub status_label: &'static str,
    pub note: Option<String>,
    /// The latest periods only (at most the chart's
    /// [`crate::render::charts::spec::MAX_POINTS`]).
    pub rows: Vec<ObsRow>,
    /// How many earlier periods the table leaves to the CSV.
    pub earlier_rows: usize,
    pub csv_href: String,
    /// The chart as inline SVG, when the page shows one.
    pub chart: String,
    /// Whether some of its values were added up across a merger.
    pub added_up: bool,
    /// A flow (FORMAT v2): its latest value on a year earlier and of the
    /// year's plan, in words.
    pub flow: bool,
    pub year_earlier: Option<String>,
    pub year_plan: Option<String>,
    /// The latest value's earlier figure, when it was revised.
    pub revised: Option<String>,
    /// On a dashboard, a latest value more than a year older than the
    /// site's last bulletin day: `số liệu năm 2022`.
    pub stale: Option<String>,
}

pub fn indicator_href(ind: &Indicator) -> String {
    page_href(&Route::Indicator(&ind.id).dir())
}

pub fn district_href(d: &District) -> String {
    page_href(&Route::District(At::of(d)).dir())
}

pub fn article_dir(site: &Site, a: &Article) -> String {
    Route::Article { district: At::of(&site.districts[a.district]), slug: &a.slug }.dir()
}

/// The rows of an observation table, from the observation at `from` on
/// (the earlier ones still count for a flow's figures).
pub fn obs_rows(ind: &Indicator, obs: &[Observation], from: usize, lang: Lang) -> Vec<ObsRow> {
    obs.iter()
        .enumerate()
        .skip(from)
        .map(|(i, o)| (format::flow_figures(ind, obs, i, lang), o))
        .map(|((year_earlier, year_plan), o)| ObsRow {
            period: format::period(o.period, lang),
            period_key: o.period.key(),
            value: o.value.map(|v| format::reported(ind, v, o, lang)).unwrap_or_default(),
            target: o.target.map(|t| format::quantity(ind, t, lang)).unwrap_or_default(),
            share: share_text(ind, o, lang),
            note: o.note.clone().unwrap_or_default(),
            derived: !o.added_from.is_empty(),
            year_earlier: year_earlier.unwrap_or_default(),
            year_plan: year_plan.unwrap_or_default(),
            revised: format::revised(ind, o, lang).unwrap_or_default(),
        })
        .collect()
}

fn share_text(ind: &Indicator, o: &Observation, lang: Lang) -> String {
    let Some(v) = o.value else { return String::new() };
    if let (Some(t), Kind::Count) = (o.total, ind.kind) {
        if t.value > 0.0 {
            return format::share(v.value / t.value * 100.0, lang);
        }
    }
    match o.target {
        Some(t) if t.value > 0.0 && ind.better == Better::Higher => {
            format!("{} {}", format::share(v.value / t.value * 100.0, lang), lang.strings().plan_suffix)
        }
        _ => String::new(),
    }
}

/// The card of a series.
pub fn card(ind: &Indicator, full: &Series, lang: Lang) -> Card {
    // A flow mixing kinds of periods is read in the kind of its longest
    // latest total; its table still lists every observation.
    let reading = if ind.flow { flows::reading(full, ind.better) } else { std::borrow::Cow::Borrowed(full) };
    let series = &*reading;
    let t = lang.strings();
    let d = &series.derived;
    let obs = &series.observations;
    let latest = d.latest.map(|i| &obs[i]);
    let earlier_rows = full.observations.len().saturating_sub(crate::render::charts::spec::MAX_POINTS);
    let (status, status_label) = match d.status {
        Some(s) => format::status(s, t),
        None => ("no-data", t.no_data),
    };
    let (change, change_dir) = match d.change {
        Some((delta, decimals)) => {
            let (text, dir) = format::change(ind, delta, decimals, lang);
            (Some(text), dir)
        }
        None => (None, "same"),
    };
    let plan_text = |i: usize| {
        let o = &obs[i];
        format!(
            "{} ({})",
            format::quantity(ind, o.target.expect("a plan has a target"), lang),
            format::period(o.period, lang)
        )
    };
    let plan = d.goal.map(plan_text);
    let next_plan = d.next_plan.filter(|&n| Some(n) != d.goal).map(plan_text);
    let (year_earlier, year_plan) = latest.map(|o| flow_figures(ind, full, o.period, lang)).unwrap_or_default();
    Card {
        stale: None,
        revised: latest.and_then(|o| format::revised(ind, o, lang)),
        flow: ind.flow,
        year_earlier,
        year_plan,
        indicator: series.indicator,
        id: ind.id.clone(),
        name: ind.name.clone(),
        href: indicator_href(ind),
        kind: ind.kind,
        unit: ind.unit.clone().unwrap_or_default(),
        period: latest.map(|o| format::period(o.period, lang)).unwrap_or_default(),
        // A flow is a total over its period, not a figure "as of" its end.
        as_of: latest
            .map(|o| if ind.flow { format::period(o.period, lang) } else { format::as_of(o.period, lang) })
            .unwrap_or_default(),
        period_short: latest.map(|o| format::period_short(o.period, lang)).unwrap_or_default(),
        value: latest
            .and_then(|o| o.value.map(|v| format::reported(ind, v, o, lang)))
            .unwrap_or_else(|| t.no_data.to_string()),
        share_of_total: d.share_of_total.filter(|_| ind.kind == Kind::Count).map(|p| format::share(p, lang)),
        share_of_plan: d.share_of_plan.filter(|_| ind.better == Better::Higher).map(|p| format::share(p, lang)),
        plan_period: d.goal.map(|i| format::period(obs[i].period, lang)),
        plan,
        next_plan,
        change,
        change_dir,
        change_since: d.previous.map(|i| format::period(obs[i].period, lang)),
        status,
        status_label,
        note: latest.and_then(|o| o.note.clone()),
        rows: obs_rows(ind, &full.observations, earlier_rows, lang),
        earlier_rows,
        added_up: full.observations.iter().any(|o| !o.added_from.is_empty()),
        csv_href: route::indicator_csv(&ind.id),
        chart: String::new(),
    }
}

/// A flow's two figures for its observation of `period` in the whole series.
fn flow_figures(ind: &Indicator, full: &Series, period: Period, lang: Lang) -> (Option<String>, Option<String>) {
    let at = full.observations.iter().position(|o| o.period == period);
    at.map(|at| format::flow_figures(ind, &full.observations, at, lang)).unwrap_or_default()
}

/// The cards of an article's indicators, as its district stood at the
/// article's moment (`model::moment`).
pub fn article_cards(site: &Site, a: &Article) -> Vec<Card> {
    let d = &site.districts[a.district];
    a.indicators
        .iter()
        .filter_map(|&i| {
            let ind = &site.indicators[i];
            let s = d.series_for(i)?.at_moment(&Moment::of(a), ind.better);
            s.derived.latest.map(|_| card(ind, &s, site.settings.lang))
        })
        .collect()
}

/// The cards of a district, in catalogue order.
pub fn cards(site: &Site, district: &District) -> Vec<Card> {
    let lang = site.settings.lang;
    // A year before the site's last bulletin day (a dissolved unit's last
    // day): older figures say so (version 2 sites: version 1 keeps its bytes).
    let now = site.bulletin_periods().last().map(|p| district.life.until.map_or(p.end(), |u| u.min(p.end())));
    let now = now.filter(|_| site.uses_version_2());
    let year_ago = now.and_then(|d| d.checked_sub(jiff::Span::new().years(1)).ok());
    let stale = |s: &Series| {
        let o = &s.observations[s.derived.latest?];
        (o.period.end() < year_ago?).then(|| format::stale(o.period, lang))
    };
    let card_of = |s: &Series| Card { stale: stale(s), ..card(&site.indicators[s.indicator], s, lang) };
    district.series.iter().map(card_of).collect()
}

/// An article in a list.
#[derive(Debug, Serialize)]
pub struct ArticleItem {
    pub title: String,
    pub href: String,
    pub date: String,
    pub date_iso: String,
    pub district: Link,
    pub summary: String,
    pub topics: Vec<Link>,
}

/// Each article's summary as plain text, by article index. Most are the
/// article's lead as it is (worked out when the body was checked); a
/// `summary` from the front matter (a Markdown parse) or a lead with values
/// to fill in is worked out at most once per build, when first asked for,
/// since an article is listed on several pages (its district's, its
/// topics', the home page, the archive, bulletins, feeds, the search index).
pub struct Summaries(Vec<std::sync::OnceLock<String>>);

impl Summaries {
    pub fn new(site: &Site) -> Summaries {
        Summaries((0..site.articles.len()).map(|_| std::sync::OnceLock::new()).collect())
    }

    /// The summary of article `ai` of `site` (the site these were made for).
    /// A lead with nothing to fill in is its own summary (it is folded).
    pub fn get<'s>(&'s self, site: &'s Site, ai: usize) -> &'s str {
        let a = &site.articles[ai];
        match &a.summary {
            None if !a.body.lead.contains('\u{E000}') => &a.body.lead,
            _ => self.0[ai].get_or_init(|| summary(site, a)),
        }
    }
}

pub fn article_item(site: &Site, summaries: &Summaries, ai: usize) -> ArticleItem {
    let a = &site.articles[ai];
    let d = &site.districts[a.district];
    ArticleItem {
        title: a.title.clone(),
        href: page_href(&article_dir(site, a)),
        date: format_date(a.date, site.settings.lang),
        date_iso: a.date.to_string(),
        district: Link { label: d.name.clone(), href: district_href(d) },
        summary: summaries.get(site, ai).to_string(),
        topics: topic_links(site, &a.topics),
    }
}

/// The article's summary as plain text: its `summary`, else its first
/// paragraph with `value` shortcodes written out and charts left out.
pub fn summary(site: &Site, a: &Article) -> String {
    match &a.summary {
        Some(s) => markdown::plain_text(s),
        None => {
            let fills: Vec<String> = a
                .body
                .shortcodes
                .iter()
                .map(|sc| match *sc {
                    Shortcode::Value { indicator, district, period, show } => {
                        values::value_period(site, district, indicator, period, Some(&Moment::of(a)))
                            .map(|p| values::shown_text(site, district, indicator, p, show, Some(&Moment::of(a))))
                            .unwrap_or_default()
                    }
                    Shortcode::Chart { .. } => String::new(),
                })
                .collect();
            markdown::lead_text(&a.body.lead, &fills)
        }
    }
}

pub fn topic_links(site: &Site, slugs: &[String]) -> Vec<Link> {
    slugs
        .iter()
        .map(|s| Link {
            label: site.topic(s).map(|t| t.name.clone()).unwrap_or_else(|| s.clone()),
            href: page_href(&Route::Topic(s).dir()),
        })
        .collect()
}

/// A district on the home page and the districts index.
#[derive(Debug, Serialize)]
pub struct DistrictGlance {
    pub name: String,
    pub href: String,
    pub province: String,
    pub level: String,
    pub article_count: usize,
    pub headline: Vec<Card>,
}

/// How many cards a district shows at a glance.
const HEADLINE_CARDS: usize = 4;

pub fn glance(site: &Site, di: usize) -> DistrictGlance {
    let d = &site.districts[di];
    let headline = d
        .series
        .iter()
        .filter(|s| s.derived.latest.is_some())
        .take(HEADLINE_CARDS)
        .map(|s| card(&site.indicators[s.indicator], s, site.settings.lang))
        .collect();
    DistrictGlance {
        name: d.name.clone(),
        href: district_href(d),
        province: d.province.clone().unwrap_or_default(),
        level: d.level.clone().unwrap_or_default(),
        article_count: site.district_articles(di).count(),
        headline,
    }
}

/// The communes of a district against the indicators they have data for.
#[derive(Debug, Serialize)]
pub struct CommuneTable {
    pub columns: Vec<Link>,
    pub rows: Vec<CommuneRow>,
}

#[derive(Debug, Serialize)]
pub struct CommuneRow {
    pub name: String,
    /// One cell per column: the latest value and its period, or empty.
    pub cells: Vec<CommuneCell>,
}

#[derive(Debug, Serialize)]
pub struct CommuneCell {
    pub value: String,
    pub period: String,
    pub status: &'static str,
}

/// The communes table of a district; `None` when it has no communes.
pub fn commune_table(site: &Site, d: &District) -> Option<CommuneTable> {
    if d.communes.is_empty() {
        return None;
    }
    let lang = site.settings.lang;
    let used: Vec<usize> = (0..site.indicators.len())
        .filter(|&i| d.communes.iter().any(|c| c.series.iter().any(|s| s.indicator == i)))
        .collect();
    let columns = used
        .iter()
        .map(|&i| Link { label: site.indicators[i].name.clone(), href: indicator_href(&site.indicators[i]) })
        .collect();
    let rows = d
        .communes
        .iter()
        .map(|c| CommuneRow {
            name: c.name.clone(),
            cells: used
                .iter()
                .map(|&i| match c.series.iter().find(|s| s.indicator == i) {
                    Some(s) => {
                        let card = card(&site.indicators[i], s, lang);
                        CommuneCell { value: card.value, period: card.period, status: card.status }
                    }
                    None => CommuneCell { value: String::new(), period: String::new(), status: "" },
                })
                .collect(),
        })
        .collect();
    Some(CommuneTable { columns, rows })
}
