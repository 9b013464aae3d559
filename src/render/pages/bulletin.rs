//! Bulletin pages: one per period for each district and for the whole
//! site, the bulletins index, and the article archive by year and month.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::{Period, Status};
use crate::render::bulletins::{self, places, value_at};
use crate::render::links::page_href;
use crate::render::views::{self, ArticleItem, Card, Link};
use crate::render::{format, Output};
use crate::route::{At, Route};
use crate::text::numfmt::format_date;
use serde::Serialize;

/// A change and whether it is progress.
#[derive(Serialize)]
struct Change {
    text: String,
    dir: &'static str,
}

impl From<(String, &'static str)> for Change {
    fn from((text, dir): (String, &'static str)) -> Self {
        Change { text, dir }
    }
}

/// What every bulletin page shows at its top.
#[derive(Serialize)]
struct Edition {
    number: usize,
    period: String,
    from: String,
    to: String,
    prev: Option<Link>,
    next: Option<Link>,
    articles: Vec<ArticleItem>,
}

#[derive(Serialize)]
struct Row {
    card: Card,
    since_previous: Option<Change>,
    since_year: Option<Change>,
    updated: bool,
}

#[derive(Serialize)]
struct LeagueRow {
    district: Link,
    value: String,
    place: Option<usize>,
    place_change: Option<Change>,
    to_target: String,
    status: &'static str,
    status_label: &'static str,
}

#[derive(Serialize)]
struct League {
    indicator: Link,
    /// The level of the units compared (empty when the site has one level).
    level: String,
    /// What the group is ranked by (empty for plain values).
    basis: String,
    rows: Vec<LeagueRow>,
}

/// A figure revised in a bulletin's period: which, of when, from what, to what.
#[derive(Serialize)]
struct Revised {
    indicator: Link,
    period: String,
    from: String,
    to: String,
}

/// The figures of a unit whose revision is told in bulletin period `p`
/// (their `revised_in` ends within it).
fn revisions(site: &crate::model::Site, di: usize, p: Period) -> Vec<Revised> {
    let lang = site.settings.lang;
    let mut out = Vec::new();
    for s in &site.districts[di].series {
        let ind = &site.indicators[s.indicator];
        for o in &s.observations {
            let (Some(r), Some(v)) = (o.revision, o.value) else { continue };
            if r.published.is_some_and(|q| q.ends_within(p)) {
                out.push(Revised {
                    indicator: Link { label: ind.name.clone(), href: views::indicator_href(ind) },
                    period: format::period(o.period, lang),
                    from: format::quantity(ind, r.from, lang),
                    to: format::reported(ind, v, o, lang),
                });
            }
        }
    }
    out
}

/// A year and the links under it.
#[derive(Serialize)]
pub(super) struct YearGroup {
    year: i16,
    items: Vec<Link>,
}

/// Where bulletin `p` of a district (or of the site, `None`) is.
pub fn bulletin_dir(site: &crate::model::Site, district: Option<usize>, p: Period) -> String {
    match district {
        Some(d) => Route::DistrictBulletin { district: At::of(&site.districts[d]), period: p }.dir(),
        None => Route::Bulletin(p).dir(),
    }
}

impl Renderer<'_> {
    /// Whether the unit (or the site, `None`) has a bulletin for period
    /// number `j`: a unit only within its lifetime (FORMAT v2).
    fn has_bulletin(&self, district: Option<usize>, j: usize) -> bool {
        district.is_none_or(|d| self.site.districts[d].life.has_bulletin(self.periods[j].end()))
    }

    fn edition(&self, district: Option<usize>, i: usize) -> Edition {
        let site = self.site;
        let lang = site.settings.lang;
        let periods = self.periods;
        let p = periods[i];
        let link = |j: usize| Link {
            label: format::period(periods[j], lang),
            href: page_href(&bulletin_dir(site, district, periods[j])),
        };
        let articles = site
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| district.is_none_or(|d| a.district == d) && a.date >= p.start() && a.date <= p.end())
            .map(|(ai, _)| views::article_item(site, self.summaries, ai))
            .collect();
        Edition {
            number: i + 1,
            period: format::period(p, lang),
            from: format_date(p.start(), lang),
            to: format_date(p.end(), lang),
            prev: i.checked_sub(1).filter(|&j| self.has_bulletin(district, j)).map(link),
            next: (i + 1 < periods.len() && self.has_bulletin(district, i + 1)).then(|| link(i + 1)),
            articles,
        }
    }

    /// A district's bulletin for period number `i`.
    pub(super) fn district_bulletin(&self, di: usize, i: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Page {
            edition: Edition,
            district: Link,
            site_bulletin: String,
            rows: Vec<Row>,
            reached: Vec<Link>,
            behind: Vec<Link>,
            new_data: bool,
            place: crate::render::places::Place,
            /// Figures revised in this period (an estimate confirmed later).
            revisions: Vec<Revised>,
        }
        let site = self.site;
        let lang = site.settings.lang;
        let d = &site.districts[di];
        let p = self.periods[i];
        let end = p.end();
        let mut rows = Vec::new();
        let (mut reached, mut behind) = (Vec::new(), Vec::new());
        for s in &d.series {
            let ind = &site.indicators[s.indicator];
            let snap = s.as_of(end, ind.better);
            if snap.derived.latest.is_none() {
                continue;
            }
            let link = Link { label: ind.name.clone(), href: views::indicator_href(ind) };
            let mut card = views::card(ind, &snap, lang);
            // The card's status (a flow read as reports read it) decides.
            if bulletins::target_reached_in(s, ind, p) {
                reached.push(Link { ..link });
            } else if card.status == "behind" {
                behind.push(link);
            }
            card.chart = self.charts.series(site, di, s.indicator, Some(end)).unwrap_or_default().to_string();
            let prev_end = if i > 0 { self.periods[i - 1].end() } else { p.start().yesterday().unwrap_or(p.start()) };
            rows.push(Row {
                card,
                since_previous: bulletins::change_between(ind, s, end, prev_end, lang).map(Change::from),
                since_year: bulletins::change_between(ind, s, end, p.year_before().end(), lang).map(Change::from),
                updated: value_at(s, end).is_some_and(|o| o.period.ends_within(p)),
            });
        }
        let dir = bulletin_dir(site, Some(di), p);
        let edition = self.edition(Some(di), i);
        let title = format!("{} {} – {}", lang.strings().bulletin, edition.period, d.name);
        let body = Page {
            new_data: bulletins::has_new_data(d, p),
            edition,
            district: Link { label: d.name.clone(), href: views::district_href(d) },
            site_bulletin: page_href(&bulletin_dir(site, None, p)),
            rows,
            reached,
            behind,
            place: crate::render::places::place(site, di),
            revisions: revisions(site, di, p),
        };
        self.page("bulletin.html", &dir, self.base(&dir, title, String::new(), "bulletins"), body)
    }

    /// The site-wide bulletin for period number `i`: every district, and a
    /// league table per indicator.
    pub(super) fn site_bulletin(&self, i: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Page {
            edition: Edition,
            districts: Vec<Link>,
            /// The same links by level, when the site has more than one.
            levels: Vec<LevelLinks>,
            leagues: Vec<League>,
        }
        #[derive(Serialize)]
        struct LevelLinks {
            level: String,
            links: Vec<Link>,
        }
        let site = self.site;
        let p = self.periods[i];
        let leagues = (0..site.indicators.len()).flat_map(|ind| self.leagues(ind, i)).collect();
        let dir = bulletin_dir(site, None, p);
        let with_bulletin: Vec<usize> = (0..site.districts.len()).filter(|&d| self.has_bulletin(Some(d), i)).collect();
        let link =
            |d: usize| Link { label: site.districts[d].name.clone(), href: page_href(&bulletin_dir(site, Some(d), p)) };
        let districts = with_bulletin.iter().map(|&d| link(d)).collect();
        let all_levels = site.levels();
        let levels = match all_levels.len() {
            1 => Vec::new(),
            _ => all_levels
                .into_iter()
                .map(|level| {
                    let of_level = with_bulletin.iter().filter(|&&d| site.districts[d].tier() == level);
                    LevelLinks { links: of_level.map(|&d| link(d)).collect(), level }
                })
                .filter(|g| !g.links.is_empty())
                .collect(),
        };
        let edition = self.edition(None, i);
        let title = format!("{} {}", site.settings.lang.strings().bulletin, edition.period);
        let body = Page { edition, districts, levels, leagues };
        self.page("bulletin_site.html", &dir, self.base(&dir, title, String::new(), "bulletins"), body)
    }

    /// The league tables of one indicator: one per comparison group
    /// (`model::compare`), so ranks out of different totals never share a list.
    fn leagues(&self, indicator: usize, i: usize) -> Vec<League> {
        let site = self.site;
        let ind = &site.indicators[indicator];
        let end = self.periods[i].end();
        let now = places(site, indicator, end);
        let before = i.checked_sub(1).map(|j| places(site, indicator, self.periods[j].end()));
        let mut groups: std::collections::BTreeMap<bulletins::Group, Vec<LeagueRow>> = Default::default();
        for (di, d) in site.districts.iter().enumerate() {
            let Some((basis, place)) = now[di] else { continue };
            let Some(s) = d.series_for(indicator) else { continue };
            let was = before.as_ref().and_then(|b| b[di]).filter(|(b, _)| *b == basis).map(|(_, p)| p);
            let snap = bulletins::compared_series(ind, s, Some(end));
            if let Some(row) = self.league_row(indicator, di, &snap, place, was, i) {
                groups.entry(basis).or_default().push(row);
            }
        }
        let lang = site.settings.lang;
        let levels = site.levels();
        groups
            .into_iter()
            .map(|((level, basis), mut rows)| {
                rows.sort_by_key(|r| r.place.unwrap_or(usize::MAX));
                League {
                    indicator: Link { label: ind.name.clone(), href: views::indicator_href(ind) },
                    level: if levels.len() > 1 { levels[level].clone() } else { String::new() },
                    basis: format::basis(basis, ind.kind, lang),
                    rows,
                }
            })
            .collect()
    }

    /// One district's row of a league table: `snap` is its series as of the
    /// bulletin's end, `place` its place now and `was` in the previous bulletin.
    fn league_row(
        &self,
        indicator: usize,
        di: usize,
        snap: &crate::model::Series,
        place: usize,
        was: Option<usize>,
        i: usize,
    ) -> Option<LeagueRow> {
        let site = self.site;
        let lang = site.settings.lang;
        let t = lang.strings();
        let ind = &site.indicators[indicator];
        let o = &snap.observations[snap.derived.latest?];
        let v = o.value?;
        let (status, status_label) =
            snap.derived.status.map(|st| format::status(st, t)).unwrap_or(("no-data", t.no_data));
        let to_target = match (snap.derived.status, snap.derived.goal.and_then(|g| snap.observations[g].target)) {
            (Some(Status::Achieved), _) => t.status_achieved.to_string(),
            (_, Some(target)) => {
                format::gap(ind, (target.value - v.value).abs(), target.decimals.max(v.decimals), lang)
            }
            _ => String::new(),
        };
        let place_change = was.filter(|&b| b != place).map(|b| Change {
            text: format!("{}{}", if place < b { "▲ " } else { "▼ " }, place.abs_diff(b)),
            dir: if place < b { "better" } else { "worse" },
        });
        Some(LeagueRow {
            district: Link {
                label: site.districts[di].name.clone(),
                href: page_href(&bulletin_dir(site, Some(di), self.periods[i])),
            },
            value: format!("{} ({})", format::reported(ind, v, o, lang), format::period_short(o.period, lang)),
            place: Some(place),
            place_change,
            to_target,
            status,
            status_label,
        })
    }

    /// Bulletin links of a district (or of the site) grouped by year, newest first.
    pub(super) fn bulletin_years(&self, district: Option<usize>) -> Vec<YearGroup> {
        let lang = self.site.settings.lang;
        let mut groups: Vec<YearGroup> = Vec::new();
        let periods = self.periods.iter().enumerate().rev().filter(|(j, _)| self.has_bulletin(district, *j));
        for (_, p) in periods {
            let link =
                Link { label: format::period(*p, lang), href: page_href(&bulletin_dir(self.site, district, *p)) };
            match groups.last_mut() {
                Some(g) if g.year == p.year => g.items.push(link),
                _ => groups.push(YearGroup { year: p.year, items: vec![link] }),
            }
        }
        groups
    }

    /// `bulletins/index.html`: every bulletin by year, site-wide and per district.
    pub(super) fn bulletins_index(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Page {
            years: Vec<YearGroup>,
            districts: Vec<DistrictBulletins>,
        }
        #[derive(Serialize)]
        struct DistrictBulletins {
            name: String,
            years: Vec<YearGroup>,
        }
        let site = self.site;
        let t = site.settings.lang.strings();
        let districts = (0..site.districts.len())
            .map(|d| DistrictBulletins { name: site.districts[d].name.clone(), years: self.bulletin_years(Some(d)) })
            .filter(|b| !b.years.is_empty())
            .collect();
        let body = Page { years: self.bulletin_years(None), districts };
        self.page(
            "bulletins.html",
            &Route::Bulletins.dir(),
            self.base(&Route::Bulletins.dir(), t.bulletins.into(), String::new(), "bulletins"),
            body,
        )
    }
}
