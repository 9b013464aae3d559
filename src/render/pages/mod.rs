//! One function per kind of page: builds its context struct and renders
//! its template. Contexts hold only what that page shows.

use crate::diag::Diagnostic;
use crate::model::{Body, Moment, Shortcode, Site};
use crate::render::charts::{ChartKey, Charts};
use crate::render::links::{absolute, page_href, root_prefix};
use crate::render::share;
use crate::render::templates::Engine;
use crate::render::views::{self, ArticleItem, Card, DistrictGlance, Link};
use crate::render::{feeds, search, Job, Output, OutputData, Prepared};
use crate::render::{markdown, places};
use crate::route::{At, Route};
use crate::text::lang::Strings;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The site-wide part of every page's context.
#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    lang: &'static str,
}

/// What every template gets besides the page: the site, the strings, the
/// assets, the navigation. Handed to the template engine once per build as
/// its global context, not serialised into every page's context (the
/// strings alone are 78 fields).
#[derive(Serialize)]
pub(crate) struct Globals<'a> {
    site: SiteInfo<'a>,
    t: &'static Strings,
    /// Theme assets by plain name → hashed output path.
    assets: &'a BTreeMap<String, String>,
    /// The units stylesheet's output path, when the site uses units.
    units_css: &'a str,
    nav: Vec<NavItem>,
    footer_pages: Vec<Link>,
}

impl<'a> Globals<'a> {
    pub(crate) fn of(site: &'a Site, assets: &'a BTreeMap<String, String>) -> Globals<'a> {
        let s = &site.settings;
        let t = s.lang.strings();
        let nav = vec![
            NavItem { key: "home", label: t.home, href: page_href("") },
            match crate::render::places::uses_units(site) {
                true => NavItem { key: "districts", label: t.units, href: page_href(&Route::Units.dir()) },
                false => NavItem { key: "districts", label: t.districts, href: page_href(&Route::Districts.dir()) },
            },
            NavItem { key: "indicators", label: t.indicators, href: page_href(&Route::Indicators.dir()) },
            NavItem { key: "topics", label: t.topics, href: page_href(&Route::Topics.dir()) },
            NavItem { key: "bulletins", label: t.bulletins, href: page_href(&Route::Bulletins.dir()) },
            NavItem { key: "archive", label: t.archive, href: page_href(&Route::Archive.dir()) },
            NavItem { key: "search", label: t.search, href: page_href(&Route::Search.dir()) },
        ];
        // The site's pages, then its data status (what each unit reported;
        // version 2 sites only, so a version 1 site keeps its bytes).
        let pages =
            site.pages.iter().map(|p| Link { label: p.title.clone(), href: page_href(&Route::Page(&p.slug).dir()) });
        let status = Link { label: t.data_status.into(), href: page_href(&Route::DataStatus.dir()) };
        let status = site.uses_version_2().then_some(status);
        let footer_pages = pages.chain(status).collect();
        let site =
            SiteInfo { title: &s.title, description: &s.description, base_url: &s.base_url, lang: s.lang.code() };
        let units_css = assets.get(crate::render::assets::UNITS_CSS).map(String::as_str).unwrap_or_default();
        Globals { site, t, assets, units_css, nav, footer_pages }
    }
}

/// What every template gets about this page (with [`Globals`]).
#[derive(Serialize)]
struct Base {
    /// Prefix from this page back to the site root (`../../`).
    root: String,
    /// This page's folder below the site root (`districts/ky-anh/`).
    path: String,
    canonical: String,
    /// Absolute URL of the page's PNG share card.
    og_image: String,
    title: String,
    description: String,
    /// Which main navigation entry this page belongs to.
    section: &'static str,
    /// The Atom feed this page announces (site path).
    feed: String,
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: &'static str,
    href: String,
}

#[derive(Serialize)]
struct Page<T: Serialize> {
    #[serde(flatten)]
    base: Base,
    #[serde(flatten)]
    body: T,
}

pub(super) struct Renderer<'a> {
    site: &'a Site,
    engine: &'a Engine,
    charts: &'a Charts,
    /// Every bulletin period, oldest first.
    pub(super) periods: &'a [crate::model::Period],
    /// The articles of every paginated list.
    pub(super) lists: &'a BTreeMap<paging::List, Vec<usize>>,
    summaries: &'a views::Summaries,
    prepared: &'a Prepared,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, prepared: &'a Prepared) -> Self {
        let (engine, charts) = (&prepared.engine, &*prepared.charts);
        let (lists, summaries) = (&prepared.lists, &prepared.summaries);
        let periods = &prepared.periods;
        Renderer { site, engine, charts, periods, lists, summaries, prepared }
    }

    fn base(&self, dir: &str, title: String, description: String, section: &'static str) -> Base {
        self.base_with_card(dir, title, description, section, &share::site_card())
    }

    fn base_with_card(&self, dir: &str, title: String, description: String, section: &'static str, card: &str) -> Base {
        let description = if description.is_empty() { self.site.settings.description.clone() } else { description };
        Base {
            root: root_prefix(dir),
            path: dir.to_string(),
            canonical: absolute(&self.site.settings.base_url, dir),
            og_image: absolute(&self.site.settings.base_url, card),
            title,
            description,
            section,
            feed: crate::route::feed_of(dir),
        }
    }

    fn page<T: Serialize>(&self, template: &str, dir: &str, base: Base, body: T) -> Result<Output, Diagnostic> {
        self.render_page(template, page_href(dir), &Page { base, body })
    }

    /// `template` with `context` as the file at `path`, or the previous
    /// build's file when it was made from the same.
    fn render_page<T: Serialize>(&self, template: &str, path: String, context: &T) -> Result<Output, Diagnostic> {
        if let Some(file) = self.prepared.earlier_page(template, &path, context) {
            return Ok(Output { path, data: OutputData::Cached(file) });
        }
        let html = self.engine.render_bytes(template, context, &path)?;
        Ok(Output { path, data: OutputData::Bytes(html) })
    }

    pub fn job(&self, job: Job) -> Result<Vec<Output>, Diagnostic> {
        match job {
            Job::Home => self.home().map(|o| vec![o]),
            Job::Districts => self.districts().map(|o| vec![o]),
            Job::Units => self.units().map(|o| vec![o]),
            Job::DataStatus => self.data_status(),
            Job::District(i) => self.district(i).map(|o| vec![o]),
            Job::Article(i) => self.article(i),
            Job::Indicators => self.indicators().map(|o| vec![o]),
            Job::Indicator(i) => self.indicator(i),
            Job::Topics => self.topics().map(|o| vec![o]),
            Job::Topic(i) => self.topic(i).map(|o| vec![o]),
            Job::Page(i) => self.standalone(i).map(|o| vec![o]),
            Job::NotFound => self.not_found().map(|o| vec![o]),
            Job::ListPage(list, n) => self.list_page(list, n).map(|o| vec![o]),
            Job::SiteBulletin(i) => self.site_bulletin(i).map(|o| vec![o]),
            Job::DistrictBulletin(d, i) => self.district_bulletin(d, i).map(|o| vec![o]),
            Job::BulletinsIndex => self.bulletins_index().map(|o| vec![o]),
            Job::ArchiveIndex => self.archive_index().map(|o| vec![o]),
            Job::ArchiveYear(year) => self.archive_year(year).map(|o| vec![o]),
            Job::Search => {
                let t = self.site.settings.lang.strings();
                #[derive(Serialize)]
                struct Search {}
                self.page(
                    "search.html",
                    &Route::Search.dir(),
                    self.base(&Route::Search.dir(), t.search.into(), String::new(), "search"),
                    Search {},
                )
                .map(|o| vec![o])
            }
            Job::SiteCard => share::render_site_card(self.site, self.prepared).map(|o| vec![o]),
            Job::DistrictCard(i) => share::render_district_card(self.site, i, self.prepared).map(|o| vec![o]),
            Job::ArticleCard(i) => share::render_article_card(self.site, i, self.prepared).map(|o| vec![o]),
            Job::Statics => Ok(self.prepared.static_files.clone()),
            Job::Feeds => Ok(feeds::all_feeds(self.site, self.summaries)),
            Job::SearchIndex => Ok(vec![search::index(self.site, self.summaries)]),
            Job::Robots if self.prepared.static_files.iter().any(|o| o.path == "robots.txt") => Ok(Vec::new()),
            Job::Robots => Ok(vec![feeds::robots(self.site)]),
        }
    }

    fn home(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Home {
            districts: Vec<DistrictGlance>,
            articles: Vec<ArticleItem>,
            pager: paging::Pager,
        }
        let s = &self.site.settings;
        let (articles, pager) = self.paged(paging::List::Home, 1);
        let body = Home {
            districts: (0..self.site.districts.len()).map(|i| views::glance(self.site, i)).collect(),
            articles,
            pager,
        };
        self.page("index.html", "", self.base("", s.title.clone(), String::new(), "home"), body)
    }

    fn districts(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Districts {
            districts: Vec<DistrictGlance>,
        }
        let t = self.site.settings.lang.strings();
        let body =
            Districts { districts: (0..self.site.districts.len()).map(|i| views::glance(self.site, i)).collect() };
        self.page(
            "districts.html",
            &Route::Districts.dir(),
            self.base(&Route::Districts.dir(), t.districts.into(), String::new(), "districts"),
            body,
        )
    }

    fn district(&self, di: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct DistrictPage<'c> {
            district: DistrictInfo,
            cards: Vec<Card>,
            communes: Option<views::CommuneTable>,
            commune_charts: Vec<views::ChartRef<'c>>,
            articles: Vec<ArticleItem>,
            pager: paging::Pager,
            bulletins: Vec<bulletin::YearGroup>,
            place: places::Place,
            children_charts: Vec<views::ChartRef<'c>>,
        }
        #[derive(Serialize)]
        struct DistrictInfo {
            name: String,
            slug: String,
            province: String,
            level: String,
            summary_html: String,
        }
        let d = &self.site.districts[di];
        let dir = Route::District(At::of(d)).dir();
        let summary_text = d.summary.as_deref().map(markdown::plain_text).unwrap_or_default();
        let paged = self.paged(paging::List::District(di), 1);
        let body = DistrictPage {
            district: DistrictInfo {
                name: d.name.clone(),
                slug: d.slug.clone(),
                province: d.province.clone().unwrap_or_default(),
                level: d.level.clone().unwrap_or_default(),
                summary_html: d.summary.as_deref().map(|s| markdown::to_html(s, true)).unwrap_or_default(),
            },
            cards: self.with_charts(di, views::cards(self.site, d)),
            communes: views::commune_table(self.site, d),
            commune_charts: (0..self.site.indicators.len())
                .filter_map(|i| {
                    let svg = self.charts.get(ChartKey::Communes { district: di, indicator: i })?;
                    Some(views::ChartRef { label: self.site.indicators[i].name.clone(), svg })
                })
                .collect(),
            articles: paged.0,
            pager: paged.1,
            bulletins: self.bulletin_years(Some(di)),
            place: places::place(self.site, di),
            children_charts: self.children_charts(di),
        };
        let base =
            self.base_with_card(&dir, d.name.clone(), summary_text, "districts", &share::district_card(self.site, di));
        self.page("district.html", &dir, base, body)
    }

    /// The charts comparing the units within a unit, each captioned with
    /// its indicator and group.
    fn children_charts(&self, di: usize) -> Vec<views::ChartRef<'_>> {
        let (site, levels) = (self.site, self.site.levels());
        let caption = |i: usize, g| {
            let ind = &site.indicators[i];
            let group = crate::render::charts::spec::group_caption(&levels, g, ind.kind, site.settings.lang);
            if group.is_empty() {
                ind.name.clone()
            } else {
                format!("{} ({group})", ind.name)
            }
        };
        self.charts.children(di).into_iter().map(|(i, g, svg)| views::ChartRef { label: caption(i, g), svg }).collect()
    }

    /// Puts each card's chart in it: a flow's chart of totals to date
    /// where it has one (FORMAT v2), else the chart of its series.
    fn with_charts(&self, district: usize, mut cards: Vec<Card>) -> Vec<Card> {
        for c in &mut cards {
            let flow = self.charts.get(ChartKey::Flow { district, indicator: c.indicator });
            // A flow chart draws no added-up column: no legend for them.
            c.added_up &= flow.is_none();
            let chart = flow.or_else(|| self.charts.series(self.site, district, c.indicator, None));
            c.chart = chart.unwrap_or_default().to_string();
        }
        cards
    }

    /// Renders a body: Markdown to HTML, then each shortcode through its
    /// template (`shortcodes/chart.html`, `shortcodes/value.html`).
    /// `moment` is the article's (`None` on a standalone page).
    fn body(
        &self,
        body: &Body,
        dir: &str,
        file: &str,
        moment: Option<&Moment>,
        pictures: &dyn Fn(&str) -> Option<markdown::Picture>,
    ) -> Result<String, Diagnostic> {
        let text = body.markdown.get().map_err(|e| {
            Diagnostic::error(file, None, crate::diag::messages::Files::SpoolFailed { detail: e.to_string() })
        })?;
        let html = markdown::to_html_with(&text, self.site.settings.safe_html, pictures);
        let mut rendered = Vec::with_capacity(body.shortcodes.len());
        for sc in &body.shortcodes {
            rendered.push(self.shortcode(sc, dir, file, moment)?);
        }
        markdown::unique_ids(&mut rendered);
        Ok(markdown::fill_placeholders(&html, &rendered))
    }

    /// One shortcode through its template. In an article (`moment` given)
    /// a chart shows the article's moment unless it asks for the latest data,
    /// and a value without a period the latest value of the moment.
    fn shortcode(&self, sc: &Shortcode, dir: &str, file: &str, moment: Option<&Moment>) -> Result<String, Diagnostic> {
        #[derive(Serialize)]
        struct Ctx<'c> {
            root: String,
            t: &'static Strings,
            card: &'c Card,
            value: String,
            period: String,
            district: String,
        }
        let site = self.site;
        let lang = site.settings.lang;
        let (indicator, district, moment, value_of) = match *sc {
            Shortcode::Chart { indicator, district, latest } => (indicator, district, moment.filter(|_| !latest), None),
            Shortcode::Value { indicator, district, period, .. } => (
                indicator,
                district,
                moment,
                crate::render::values::value_period(site, district, indicator, period, moment),
            ),
        };
        let moment = moment.map(|m| m.for_district(district));
        let moment = moment.as_ref();
        let d = &site.districts[district];
        let ind = &site.indicators[indicator];
        let series = d.series_for(indicator).expect("validated: the district has this series");
        let mut card = match moment {
            Some(m) => views::card(ind, &series.at_moment(m, ind.better), lang),
            None => views::card(ind, series, lang),
        };
        let chart = match moment {
            Some(m) => self.charts.moment(site, district, indicator, m),
            None => self.charts.series(site, district, indicator, None).map(Cow::Borrowed),
        };
        card.chart = chart.unwrap_or_default().into_owned();
        let show = match sc {
            Shortcode::Value { show, .. } => *show,
            Shortcode::Chart { .. } => Default::default(),
        };
        let (value, period_label) = match value_of {
            Some(p) => (
                crate::render::values::shown_text(site, district, indicator, p, show, moment),
                crate::render::format::period(p, lang),
            ),
            None => (String::new(), String::new()),
        };
        let template =
            if matches!(sc, Shortcode::Value { .. }) { "shortcodes/value.html" } else { "shortcodes/chart.html" };
        let ctx = Ctx {
            root: root_prefix(dir),
            t: lang.strings(),
            card: &card,
            value,
            period: period_label,
            district: d.name.clone(),
        };
        self.engine.render(template, &ctx, file)
    }
}

pub(crate) mod archive;
mod article;
pub(super) mod bulletin;
mod lists;
pub(super) mod paging;
mod status;
mod units;
