//! What `bantin check` looks at beyond what a build needs: links in
//! Markdown that lead nowhere, data that is valid but suspicious, notes and
//! articles whose figures disagree with the data ([`claims`]). All of these
//! are warnings; `check --strict` fails on them, `build` shows them.

mod claims;
pub(crate) use claims::read_text as read_article_text;

use crate::diag::messages::{Computed, Files, Lint};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{flows, Body, Series, Site};
use crate::render::links::resolve;
use crate::render::views::article_dir;
use crate::text::decimal::About;
use crate::text::shared::Shared;
use pulldown_cmark::{Event, Options, Parser, Tag};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Every warning of the site whose outputs are at `paths` (relative to
/// the output folder).
pub fn lint<'a>(site: &Site, paths: impl IntoIterator<Item = &'a str>) -> Diagnostics {
    let mut d = Diagnostics::new();
    let paths: BTreeSet<&str> = paths.into_iter().collect();
    // A Markdown parse per article: in parallel, as rendering is.
    let per_article: Vec<Diagnostics> = site
        .articles
        .par_iter()
        .map(|a| {
            let mut d = Diagnostics::new();
            let Some(text) = body_text(&a.file, &a.body, &mut d) else { return d };
            links(&a.file, &a.body, &text, &article_dir(site, a), &paths, &mut d);
            claims::article(site, a, &text, &mut d);
            d
        })
        .collect();
    per_article.into_iter().for_each(|a| d.extend(a));
    for p in &site.pages {
        if let Some(text) = body_text(&p.file, &p.body, &mut d) {
            links(&p.file, &p.body, &text, &crate::route::Route::Page(&p.slug).dir(), &paths, &mut d);
        }
    }
    data(site, &mut d);
    topics_and_indicators(site, &mut d);
    d
}

/// The text of `body` (read back if a large build set it aside); a warning
/// that it was not looked at when it cannot be.
fn body_text(file: &str, body: &Body, d: &mut Diagnostics) -> Option<Shared> {
    let problem = |e: std::io::Error| Diagnostic::warning(file, None, Files::SpoolFailed { detail: e.to_string() });
    body.markdown.get().map_err(|e| d.push(problem(e))).ok()
}

/// Links of `body`, whose text is `markdown`, that lead nowhere.
fn links(file: &str, body: &Body, markdown: &str, dir: &str, paths: &BTreeSet<&str>, d: &mut Diagnostics) {
    let parser = Parser::new_ext(markdown, Options::all()).into_offset_iter();
    for (event, range) in parser {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                dest_url.to_string()
            }
            _ => continue,
        };
        let line = body.first_line + markdown[..range.start].matches('\n').count();
        let pos = Some(Pos::new(line, 1));
        if dest.is_empty() || dest.starts_with('#') || dest.contains(':') {
            continue;
        }
        if dest.starts_with('/') {
            d.push(Diagnostic::warning(file, pos, Lint::RootLink { dest: dest.to_string() }));
            continue;
        }
        let bare = dest.split(['#', '?']).next().unwrap_or("").replace("%20", " ");
        let target = resolve(dir, &bare);
        let found = target.as_deref().is_some_and(|t| {
            paths.contains(t)
                || paths.contains(format!("{t}/index.html").as_str())
                || (t.is_empty() && paths.contains("index.html"))
        });
        if !found {
            d.push(Diagnostic::warning(file, pos, Lint::DeadLink { dest: dest.to_string() }));
        }
    }
}

fn data(site: &Site, d: &mut Diagnostics) {
    for district in &site.districts {
        let all = district.series.iter().chain(district.communes.iter().flat_map(|c| c.series.iter()));
        for s in all {
            series(site, s, d);
        }
    }
}

fn series(site: &Site, s: &Series, d: &mut Diagnostics) {
    let id = &site.indicators[s.indicator].id;
    let obs = &s.observations;
    for pair in obs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.origin.file == b.origin.file && a.origin.line > b.origin.line {
            d.push(Diagnostic::warning(
                &b.origin.file,
                Some(b.origin.pos()),
                Lint::PeriodOrder { id: id.to_string(), period: b.period.to_string(), earlier: a.period.to_string() },
            ));
        }
    }
    notes(site, s, d);
    for (i, o) in obs.iter().enumerate() {
        if o.value.is_none() && o.target.is_some() {
            if let Some(later) = obs[i + 1..].iter().find(|l| l.value.is_some()) {
                d.push(Diagnostic::warning(
                    &o.origin.file,
                    Some(o.origin.pos()),
                    Lint::TargetWithoutValue {
                        id: id.to_string(),
                        period: o.period.to_string(),
                        later: later.period.to_string(),
                    },
                ));
            }
        }
    }
}

fn topics_and_indicators(site: &Site, d: &mut Diagnostics) {
    for t in site.topics.iter().filter(|t| !t.named) {
        d.push(Diagnostic::warning("content/site.yaml", None, Lint::TopicWithoutName { slug: t.slug.clone() }));
    }
    for (i, ind) in site.indicators.iter().enumerate() {
        let in_data = site.districts.iter().any(|dd| {
            dd.series_for(i).is_some() || dd.communes.iter().any(|c| c.series.iter().any(|s| s.indicator == i))
        });
        let in_articles = site.articles.iter().any(|a| a.indicators.contains(&i));
        if !in_data && !in_articles {
            d.push(Diagnostic::warning("content/indicators.yaml", None, Lint::IndicatorUnused { id: ind.id.clone() }));
        }
    }
}

/// A note that restates a figure bantin derives, with another number: `tăng
/// 20%` where the data gives 14,6% on the same period a year earlier, or
/// `đạt 90% kế hoạch` where the value is 107,8% of its plan. A note that
/// rounds the figure differently (`tăng 14,62%`) agrees with it.
fn notes(site: &Site, s: &Series, d: &mut Diagnostics) {
    let ind = &site.indicators[s.indicator];
    for (at, o) in s.observations.iter().enumerate() {
        let Some(note) = &o.note else { continue };
        for said in crate::text::decimal::percents(note) {
            let computed = match said.about {
                About::Change if ind.flow && on_year_earlier(&said.after, o.period.year) => {
                    flows::change_on_year_earlier(&s.observations, at).map(Computed::Change)
                }
                About::Plan => {
                    flows::share_of_plan(&s.observations, at).or_else(|| own_plan_share(o)).map(Computed::Plan)
                }
                _ => None,
            };
            let Some(computed) = computed else { continue };
            let (stated, derived) = match computed {
                Computed::Change(c) => (if said.fall { -said.value } else { said.value }, c),
                Computed::Plan(p) => (said.value, p),
            };
            if (stated - derived).abs() > 0.5 * 10f64.powi(-(said.decimals as i32)) + 1e-9 {
                let problem = Lint::NoteDisagrees { id: ind.id.clone(), said: said.text.clone(), computed };
                d.push(Diagnostic::warning(&o.origin.file, Some(o.origin.pos()), problem));
            }
        }
    }
}

/// Whether the words after a change say it is on a year earlier: `so với
/// cùng kỳ`, `so với năm trước`, `so với năm 2022` (for a figure of 2023).
/// A change compared with anything else (or with nothing said) is not
/// checked: no noisy guesses.
fn on_year_earlier(after: &str, year: i16) -> bool {
    let Some(rest) = after.strip_prefix("so với") else { return false };
    let rest = rest.trim_start();
    rest.starts_with("cùng kỳ")
        || rest.starts_with("năm trước")
        || rest.strip_prefix("năm").unwrap_or(rest).trim_start().starts_with(&(year - 1).to_string())
}

/// An observation's value as a percent of its own target.
fn own_plan_share(o: &crate::model::Observation) -> Option<f64> {
    let (v, t) = (o.value?.value, o.target?.value);
    (t != 0.0).then(|| v / t * 100.0)
}
