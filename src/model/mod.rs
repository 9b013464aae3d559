//! Stage 4, model: the checked, immutable site.
//!
//! `validate` builds these types and nothing changes them afterwards; every
//! later stage only reads. Lists are already in display order: indicators as
//! the catalogue lists them, districts by Vietnamese collation of their
//! names, articles newest first.

pub mod compare;
pub mod figures;
pub mod flows;
pub mod moment;
pub mod period;
pub mod photo;
pub mod reporting;
pub mod unit;

use crate::load::AssetFile;
use crate::text::lang::Lang;
pub use figures::{Derived, Status};
use jiff::civil::Date;
pub use moment::Moment;
pub use period::{Granularity, Period, PeriodError};
pub use photo::{Photo, Photos, Variant};
use serde::Serialize;
pub use unit::{Life, Predecessor, Root, Successor};

/// Site settings from `site.yaml`, defaults filled in.
#[derive(Debug, Clone)]
pub struct Settings {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub lang: Lang,
    pub description: String,
    pub theme: String,
    pub bulletin_period: Granularity,
    pub articles_per_page: usize,
    pub safe_html: bool,
}

/// What an indicator measures, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Amount,
    Percent,
    Rank,
}

impl Kind {
    /// The word `indicators.yaml` writes for it.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Amount => "amount",
            Kind::Percent => "percent",
            Kind::Rank => "rank",
        }
    }
}

/// Which direction is progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
}

/// One entry of the indicator catalogue.
#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub unit: Option<String>,
    pub topic: Option<String>,
    pub better: Better,
    /// Markdown.
    pub description: Option<String>,
    /// Whether values of units add up (FORMAT v2 `aggregate: sum`): then a
    /// unit formed from whole units has their sum as its earlier history.
    pub sums: bool,
    /// Whether it is a total over its period (FORMAT v2 `measure: flow`),
    /// not a figure as of the period's last day (`level`, the default).
    pub flow: bool,
}

/// A number with the count of decimals it was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    pub decimals: u8,
}

/// Where an observation was written: for messages that name both places of
/// a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    /// In a workbook's sheet (`file` then names the sheet too): the column
    /// of the row's first cell read, so the row is named by a cell.
    pub cell: Option<usize>,
}

impl Origin {
    /// The place as a report names it: `file:line`, or `file!D7`.
    pub fn place(&self) -> String {
        match self.cell {
            Some(col) => format!("{}!{}", self.file, crate::diag::cell_name(self.line, col)),
            None => format!("{}:{}", self.file, self.line),
        }
    }

    /// Where a diagnostic about the observation points.
    pub fn pos(&self) -> crate::diag::Pos {
        match self.cell {
            Some(col) => crate::diag::Pos::cell(self.line, col),
            None => crate::diag::Pos::new(self.line, 1),
        }
    }
}

/// One observation: where an indicator stood at the end of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub period: Period,
    pub value: Option<Num>,
    pub total: Option<Num>,
    pub target: Option<Num>,
    pub note: Option<String>,
    /// An article slug of the same district.
    pub source: Option<String>,
    pub origin: Origin,
    /// For a value derived across a merger: the indices (into
    /// [`Site::districts`]) of the units it was added from; empty for a
    /// reported observation.
    pub added_from: Vec<usize>,
    /// How sure the value is (FORMAT v2 `status`).
    pub certainty: Certainty,
    /// The figure published before this one, when it was revised (an
    /// extension of FORMAT v2: `revised_from`, `revised_in`).
    pub revision: Option<Revision>,
}

/// An earlier figure a value replaced: an estimate confirmed later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Revision {
    /// The value published before.
    pub from: Num,
    /// The period in whose bulletin the revision is announced, if given.
    pub published: Option<Period>,
}

/// For tests: an observation of `period`, `value`, `total` and `target`
/// written without decimals, reported in `f` line 1, final.
#[cfg(test)]
pub(crate) fn observation(period: &str, value: Option<f64>, total: Option<f64>, target: Option<f64>) -> Observation {
    let num = |v: f64| Num { value: v, decimals: 0 };
    Observation {
        period: Period::parse(period).expect("a test period"),
        value: value.map(num),
        total: total.map(num),
        target: target.map(num),
        note: None,
        source: None,
        origin: Origin { file: "f".into(), line: 1, cell: None },
        added_from: Vec::new(),
        certainty: Certainty::Final,
        revision: None,
    }
}

/// How sure a reported value is (FORMAT v2, an observation's `status`):
/// reports publish estimates (*ước tính*) and preliminary figures (*sơ bộ*)
/// that are confirmed later. Ordered from the surest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub enum Certainty {
    #[default]
    Final,
    Preliminary,
    Estimate,
}

impl Certainty {
    /// The word an observation's `status` is written with.
    pub fn parse(word: &str) -> Option<Certainty> {
        match word {
            "final" => Some(Certainty::Final),
            "preliminary" => Some(Certainty::Preliminary),
            "estimate" => Some(Certainty::Estimate),
            _ => None,
        }
    }

    /// The word for the CSV's `status` column: empty for final.
    pub fn csv(self) -> &'static str {
        match self {
            Certainty::Final => "",
            Certainty::Preliminary => "preliminary",
            Certainty::Estimate => "estimate",
        }
    }
}

/// The observations of one indicator for one district or commune, ordered
/// by period, with the figures derived from them.
#[derive(Debug, Clone)]
pub struct Series {
    /// Index into [`Site::indicators`].
    pub indicator: usize,
    pub observations: Vec<Observation>,
    pub derived: Derived,
}

impl Series {
    /// How many observations, from the first, ended by `date` (they are in
    /// period order, so these are the first ones).
    pub fn ended_by(&self, date: Date) -> usize {
        self.observations.iter().take_while(|o| o.period.end() <= date).count()
    }

    /// The series as it stood on `date`: the observations of periods that
    /// ended by then, and the plans (targets without a value) for later
    /// periods, with the figures derived again from them.
    pub fn as_of(&self, date: Date, better: Better) -> Series {
        let observations: Vec<Observation> =
            self.observations.iter().filter(|o| o.period.end() <= date || o.value.is_none()).cloned().collect();
        let derived = Derived::compute(&observations, better);
        Series { indicator: self.indicator, observations, derived }
    }
}

/// A commune of a district.
#[derive(Debug, Clone)]
pub struct Commune {
    pub name: String,
    pub series: Vec<Series>,
}

/// A unit: a v1 district or a v2 unit of any level (see [`unit`]), with
/// its data, communes and articles.
#[derive(Debug, Clone)]
pub struct District {
    pub slug: String,
    /// The folder its content and pages live in.
    pub root: Root,
    pub name: String,
    pub province: Option<String>,
    /// As written (shown on its dashboard); [`District::tier`] compares.
    pub level: Option<String>,
    /// Official code: digits.
    pub code: Option<String>,
    /// Index into [`Site::districts`] of the unit it belongs to.
    pub parent: Option<usize>,
    pub life: Life,
    pub formed_from: Vec<Predecessor>,
    /// The site's units whose `formed_from` names it, then its own
    /// `successors` entries.
    pub successors: Vec<Successor>,
    /// Indices of the units whose `parent` it is, in name order.
    pub children: Vec<usize>,
    /// Markdown.
    pub summary: Option<String>,
    /// In catalogue order, only indicators with observations.
    pub series: Vec<Series>,
    pub communes: Vec<Commune>,
}

impl District {
    /// Whether it is a v2 unit or a district with any field of units over
    /// time (code, parent, lifetime, predecessors, successors).
    pub fn over_time(&self) -> bool {
        self.root == Root::Units
            || self.code.is_some()
            || self.parent.is_some()
            || self.life != Life::default()
            || !self.formed_from.is_empty()
            || !self.successors.is_empty()
    }

    /// The level it is compared at ([`unit::tier`]).
    pub fn tier(&self) -> String {
        unit::tier(self.level.as_deref())
    }

    /// This district's series for the indicator at `index`, if it has one.
    pub fn series_for(&self, indicator: usize) -> Option<&Series> {
        self.series.iter().find(|s| s.indicator == indicator)
    }
}

/// A shortcode found in an article body, checked against the data.
#[derive(Debug, Clone, PartialEq)]
pub enum Shortcode {
    /// A district's chart of an indicator: in an article, of the article's
    /// moment unless `latest` (`as_of="latest"`) asks for all data.
    Chart { indicator: usize, district: usize, latest: bool },
    /// One formatted observation of a district: of `period`, or without
    /// one the latest value (in an article, the latest of its moment);
    /// `show` picks the value or, for a flow, a figure derived from it.
    Value { indicator: usize, district: usize, period: Option<Period>, show: Show },
}

/// What a `value` shortcode writes (`show="…"`, FORMAT v2 for flows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// The value itself (`show="value"`, the default).
    #[default]
    Value,
    /// Its change on the same period a year earlier (`show="yoy"`).
    YearEarlier,
    /// Its share of the year's plan (`show="plan"`).
    YearPlan,
}

/// A Markdown body with its shortcodes cut out: each shortcode's place in
/// `markdown` holds [`placeholder`]`(n)`.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// In memory, or in the spool of a large build (`text::spool`): read
    /// it with `get`.
    pub markdown: crate::text::spool::Text,
    pub shortcodes: Vec<Shortcode>,
    /// The line of the source file the body starts on.
    pub first_line: usize,
    /// The text of its first paragraph, placeholders kept: an article's
    /// summary when it has none in its front matter, worked out while the
    /// text is at hand.
    pub lead: String,
}

/// The text that stands in a body for shortcode `n` until it is rendered.
pub fn placeholder(n: usize) -> String {
    format!("\u{E000}{n}\u{E001}")
}

/// An asset copied beside an article's page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    pub source: AssetFile,
    /// Path below the article's output folder.
    pub name: String,
}

/// An article about a district.
#[derive(Debug, Clone)]
pub struct Article {
    /// Index into [`Site::districts`].
    pub district: usize,
    pub slug: String,
    pub title: String,
    pub date: Date,
    pub author: Option<String>,
    pub topics: Vec<String>,
    /// Markdown; when absent the first paragraph of the body is used.
    pub summary: Option<String>,
    pub image: Option<String>,
    /// The lead image's text alternative and caption.
    pub image_alt: Option<String>,
    pub image_caption: Option<String>,
    /// Indices into [`Site::indicators`].
    pub indicators: Vec<usize>,
    pub draft: bool,
    pub body: Body,
    pub file: String,
    pub assets: Vec<Asset>,
}

/// A standalone page (`content/pages/*.md`).
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub body: Body,
    pub file: String,
}

/// A topic: a slug used by articles or indicators, and its display name.
#[derive(Debug, Clone)]
pub struct Topic {
    pub slug: String,
    pub name: String,
    /// Whether `site.yaml` names it (else the name is the slug).
    pub named: bool,
}

/// The whole checked site.
#[derive(Debug, Clone)]
pub struct Site {
    pub settings: Settings,
    pub indicators: Vec<Indicator>,
    pub districts: Vec<District>,
    /// Shared, so that `serve` keeps unchanged articles between edits.
    pub articles: Vec<std::sync::Arc<Article>>,
    pub pages: Vec<Page>,
    pub topics: Vec<Topic>,
    pub static_files: Vec<AssetFile>,
    /// The photos articles show, as published (filled in by the `photos`
    /// stage after validation).
    pub photos: Photos,
}

impl Site {
    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    /// Every bulletin period of the site, oldest first: one for every period
    /// of `bulletin_period` from the earliest article or observation (plans
    /// and communes included) to the latest.
    pub fn bulletin_periods(&self) -> Vec<Period> {
        let g = self.settings.bulletin_period;
        let article_dates = self.articles.iter().map(|a| a.date);
        let data_dates = self
            .districts
            .iter()
            .flat_map(|d| d.series.iter().chain(d.communes.iter().flat_map(|c| c.series.iter())))
            .flat_map(|s| s.observations.iter().map(|o| o.period.end()));
        let dates: Vec<Date> = article_dates.chain(data_dates).collect();
        let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else { return Vec::new() };
        let mut p = Period::containing(*first, g);
        let end = Period::containing(*last, g);
        let mut out = vec![p];
        while p != end {
            p = p.next();
            out.push(p);
        }
        out
    }

    /// Whether the site uses anything of FORMAT version 2 (units over time,
    /// flows, statuses, years to date, revisions): such a site also gets
    /// what version 2 adds to every page (the data-status page, old
    /// figures marked); a version 1 site keeps its pages byte for byte.
    pub fn uses_version_2(&self) -> bool {
        let new_figures = |o: &Observation| {
            o.certainty != Certainty::Final || o.revision.is_some() || o.period.granularity == Granularity::YearToDate
        };
        let series =
            self.districts.iter().flat_map(|d| d.series.iter().chain(d.communes.iter().flat_map(|c| &c.series)));
        self.indicators.iter().any(|i| i.flow || i.sums)
            || self.districts.iter().any(District::over_time)
            || series.flat_map(|s| &s.observations).any(new_figures)
    }

    /// The levels units are compared at (FORMAT v2: only units of one
    /// level are compared), in a fixed order; a v1 site has one.
    pub fn levels(&self) -> Vec<String> {
        let all: std::collections::BTreeSet<String> = self.districts.iter().map(District::tier).collect();
        all.into_iter().collect()
    }

    /// Articles of one district, newest first.
    pub fn district_articles(&self, district: usize) -> impl Iterator<Item = &Article> {
        self.articles.iter().map(|a| &**a).filter(move |a| a.district == district)
    }
}
