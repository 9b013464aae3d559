//! What `bantin check` looks at beyond what a build needs: links in
//! Markdown that lead nowhere, and data that is valid but suspicious. All
//! of these are warnings; `check --strict` fails on them.

use crate::diag::messages::Lint;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Body, Series, Site};
use crate::render::links::resolve;
use crate::render::views::article_dir;
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
            links(&a.file, &a.body, &article_dir(site, a), &paths, &mut d);
            d
        })
        .collect();
    per_article.into_iter().for_each(|a| d.extend(a));
    for p in &site.pages {
        links(&p.file, &p.body, &crate::route::Route::Page(&p.slug).dir(), &paths, &mut d);
    }
    data(site, &mut d);
    topics_and_indicators(site, &mut d);
    d
}

fn links(file: &str, body: &Body, dir: &str, paths: &BTreeSet<&str>, d: &mut Diagnostics) {
    let parser = Parser::new_ext(&body.markdown, Options::all()).into_offset_iter();
    for (event, range) in parser {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                dest_url.to_string()
            }
            _ => continue,
        };
        let line = body.first_line + body.markdown[..range.start].matches('\n').count();
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
                Some(Pos::new(b.origin.line, 1)),
                Lint::PeriodOrder { id: id.to_string(), period: b.period.to_string(), earlier: a.period.to_string() },
            ));
        }
    }
    for (i, o) in obs.iter().enumerate() {
        if o.value.is_none() && o.target.is_some() {
            if let Some(later) = obs[i + 1..].iter().find(|l| l.value.is_some()) {
                d.push(Diagnostic::warning(
                    &o.origin.file,
                    Some(Pos::new(o.origin.line, 1)),
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
