//! Stage 3, validate: raw parsed files into the checked [`Site`] model.
//!
//! Every problem is collected; nothing stops at the first. The model is
//! returned only when there is no error, so later stages can trust it.

pub mod body;
pub mod content;
pub mod data;
pub mod observation;
pub mod settings;
pub mod span;
pub mod units;

use crate::diag::messages::{Content as Says, Data, Files};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::{Content, TextFile};
use crate::model::{Article, District, Indicator, Page, Photos, Settings, Site, Topic};
use crate::parse::raw::{RawIndicator, RawSite};
use crate::text::collate::NameOrder;
use crate::text::spool::Text;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Choices that change what is built.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include articles and pages marked `draft: true`.
    pub drafts: bool,
}

/// What an article check needs to know of the rest of the site.
pub struct Ctx<'a> {
    pub indicators: &'a [Indicator],
    /// Indicator ids whose problems are knock-ons of indicators.yaml's.
    pub broken: &'a Broken,
    pub districts: &'a [District],
    pub drafts: bool,
}

/// For an unknown indicator id: the closest known id, and all of them.
pub fn closest_known(id: &str, ctx: &Ctx) -> (Option<String>, Vec<String>) {
    let known: Vec<String> = ctx.indicators.iter().map(|i| i.id.clone()).collect();
    let closest = crate::text::closest::closest(id, known.iter().map(String::as_str)).map(str::to_string);
    (closest, known)
}

/// Indicator ids that data may name without an error of its own, because
/// `indicators.yaml` has errors (the root cause, reported first): all of
/// them when the file is missing or cannot be parsed, or the ids of the
/// entries that were rejected.
#[derive(Debug, Clone, Default)]
pub struct Broken {
    all: bool,
    ids: BTreeSet<String>,
}

impl Broken {
    /// Whether an unknown `id` is a knock-on of the catalogue's errors.
    pub fn covers(&self, id: &str) -> bool {
        self.all || self.ids.contains(id)
    }
}

/// Articles already checked, by file, so that after an edit only the files
/// it touched are checked again (what `serve` does). An entry holds while
/// the indicators and districts it was checked against are unchanged.
#[derive(Default)]
pub struct Memo {
    context: u64,
    /// The districts checked in this context, and their problems.
    districts: Option<(Vec<District>, Diagnostics)>,
    articles: BTreeMap<String, Checked>,
    /// Articles checked anew by the last run.
    pub checked: usize,
    /// Whether to remember at all (a one-off build does not).
    keep: bool,
}

/// An article file's district index, and what checking it gave.
type Checked = (usize, Option<Arc<Article>>, Diagnostics);

impl Memo {
    /// A memo that remembers what it checks, for the next run.
    pub fn keeping() -> Memo {
        Memo { keep: true, ..Memo::default() }
    }

    /// Drops what is remembered of the file `rel`, edited since.
    pub fn forget(&mut self, rel: &str) {
        self.articles.remove(rel);
    }

    /// Forgets everything whenever what articles are checked against changed.
    fn enter(&mut self, content: &Content, options: Options) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        options.drafts.hash(&mut h);
        content.indicators.as_ref().map(|f| &f.text).hash(&mut h);
        for d in &content.districts {
            d.folder.hash(&mut h);
            d.yaml.as_ref().map(|f| &f.text).hash(&mut h);
            for c in &d.csvs {
                (&c.rel, &c.text).hash(&mut h);
            }
            for w in &d.workbooks {
                (&w.rel, &w.bytes).hash(&mut h);
            }
        }
        let context = h.finish();
        if context != self.context {
            self.articles.clear();
            self.districts = None;
            self.context = context;
        }
        self.checked = 0;
    }
}

/// Checks everything; returns the site when there is no error.
pub fn site(content: &Content, options: Options, diags: &mut Diagnostics) -> Option<Site> {
    site_with_memo(content, options, &mut Memo::default(), diags)
}

/// [`site`], reusing from `memo` the articles checked before and unchanged.
pub fn site_with_memo(content: &Content, options: Options, memo: &mut Memo, diags: &mut Diagnostics) -> Option<Site> {
    memo.enter(content, options);
    let site_doc = content.site.as_ref().and_then(|f| crate::parse::yaml_file::<RawSite>(f, diags));
    let (settings, topic_names) = match &site_doc {
        Some(doc) => {
            let (s, t) = settings::settings(doc, diags);
            (Some(s), t)
        }
        None => (None, BTreeMap::new()),
    };
    let (indicators, broken) = indicators(content, diags);
    let order = NameOrder::vietnamese();
    let districts = match &memo.districts {
        Some((known, problems)) => {
            diags.extend(problems.clone());
            known.clone()
        }
        None => {
            let mut problems = Diagnostics::new();
            let checked = districts(content, &indicators, &broken, &order, &mut problems);
            if memo.keep {
                memo.districts = Some((checked.clone(), problems.clone()));
            }
            diags.extend(problems);
            checked
        }
    };
    let ctx = Ctx { indicators: &indicators, broken: &broken, districts: &districts, drafts: options.drafts };
    let articles = articles(content, &districts, &ctx, memo, diags);
    let pages = pages(content, &ctx, diags);
    check_sources(&districts, &articles, diags);
    let topics = topics(&indicators, &articles, &topic_names, &order);
    let settings: Settings = settings?;
    if diags.has_errors() {
        return None;
    }
    let site = Site {
        settings,
        indicators,
        districts,
        articles,
        pages,
        topics,
        static_files: content.static_files.clone(),
        photos: Photos::new(),
    };
    span::check(&site, diags);
    (!diags.has_errors()).then_some(site)
}

/// The indicator catalogue, and which ids its errors leave unchecked.
fn indicators(content: &Content, diags: &mut Diagnostics) -> (Vec<Indicator>, Broken) {
    let everything = Broken { all: true, ..Broken::default() };
    let Some(file) = &content.indicators else { return (Vec::new(), everything) };
    if file.text.trim().is_empty() {
        return (Vec::new(), Broken::default());
    }
    match crate::parse::yaml_file::<Vec<RawIndicator>>(file, diags) {
        Some(doc) => {
            let (indicators, ids) = settings::indicators(&doc, diags);
            (indicators, Broken { all: false, ids })
        }
        None => (Vec::new(), everything),
    }
}

fn districts(
    content: &Content,
    indicators: &[Indicator],
    broken: &Broken,
    order: &NameOrder,
    diags: &mut Diagnostics,
) -> Vec<District> {
    let checked: Vec<(Option<(District, units::Links)>, Diagnostics)> = content
        .districts
        .par_iter()
        .map(|files| {
            let mut d = Diagnostics::new();
            (data::district(files, indicators, broken, &mut d), d)
        })
        .collect();
    let mut out: Vec<(District, units::Links)> = Vec::new();
    let mut folders: BTreeMap<String, &crate::load::DistrictFiles> = BTreeMap::new();
    for ((district, d), files) in checked.into_iter().zip(&content.districts) {
        diags.extend(d);
        let Some(district) = district else { continue };
        let base = format!("content/{}/{}", files.root.folder(), files.folder);
        if district.0.slug.is_empty() {
            diags.push(Diagnostic::error(base, None, Data::EmptyDistrictSlug));
            continue;
        }
        if let Some(other) = folders.insert(district.0.slug.clone(), files) {
            let file = format!("{base}/{}", files.root.yaml());
            let slug = district.0.slug.clone();
            let problem: crate::diag::Message = if other.root == files.root {
                Data::SameDistrictSlug { first: other.folder.clone(), second: files.folder.clone(), slug }.into()
            } else {
                let other = format!("content/{}/{}", other.root.folder(), other.folder);
                crate::diag::messages::Units::SameSlugTwice { slug, other }.into()
            };
            diags.push(Diagnostic::error(file, None, problem));
            continue;
        }
        out.push(district);
    }
    out.sort_by(|(a, _), (b, _)| order.compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
    let (mut out, links): (Vec<District>, Vec<units::Links>) = out.into_iter().unzip();
    units::link(&mut out, &links, diags);
    units::add_up_history(&mut out, indicators);
    out
}

fn articles(
    content: &Content,
    districts: &[District],
    ctx: &Ctx,
    memo: &mut Memo,
    diags: &mut Diagnostics,
) -> Vec<Arc<Article>> {
    let mut all = Vec::new();
    for files in &content.districts {
        let slug = crate::text::slug::slugify(&files.folder);
        let Some(di) = districts.iter().position(|d| d.slug == slug && d.root == files.root) else {
            continue;
        };
        let checked = check_articles(files, di, ctx, memo);
        let mut list = Vec::new();
        let mut slugs: BTreeMap<String, String> = BTreeMap::new();
        for (a, d) in checked {
            diags.extend(d);
            let Some(a) = a else { continue };
            if crate::route::RESERVED_IN_DISTRICT.contains(&a.slug.as_str()) {
                let problem = Says::SlugOfDistrictPage { slug: a.slug.clone() };
                diags.push(Diagnostic::error(&a.file, Some(Pos::new(1, 1)), problem));
                continue;
            }
            if let Some(first) = slugs.insert(a.slug.clone(), a.file.clone()) {
                let (district, slug) = (districts[di].slug.clone(), a.slug.clone());
                let problem = Says::SameArticleAddress { first, district, slug };
                diags.push(Diagnostic::error(&a.file, Some(Pos::new(1, 1)), problem));
                continue;
            }
            list.push(a);
        }
        content::place_assets(files, &mut list, diags);
        all.extend(list);
    }
    // Newest first; then by district, in the order of their names.
    all.sort_by(|a, b| b.date.cmp(&a.date).then(a.district.cmp(&b.district)).then_with(|| a.slug.cmp(&b.slug)));
    all
}

/// Checks the articles of one district folder, in parallel, taking from
/// `memo` those checked before.
fn check_articles(
    files: &crate::load::DistrictFiles,
    di: usize,
    ctx: &Ctx,
    memo: &mut Memo,
) -> Vec<(Option<Arc<Article>>, Diagnostics)> {
    let known = &memo.articles;
    let checked: Vec<(Option<Arc<Article>>, Diagnostics, bool)> = files
        .articles
        .par_iter()
        .map(|f| match known.get(&f.rel) {
            Some((d, a, problems)) if *d == di => (a.clone(), problems.clone(), false),
            _ => {
                let mut d = Diagnostics::new();
                (article(f, di, ctx, &mut d).map(Arc::new), d, true)
            }
        })
        .collect();
    let mut out = Vec::with_capacity(checked.len());
    for (f, (a, d, fresh)) in files.articles.iter().zip(checked) {
        if fresh {
            memo.checked += 1;
        }
        if fresh && memo.keep {
            memo.articles.insert(f.rel.clone(), (di, a.clone(), d.clone()));
        }
        out.push((a, d));
    }
    out
}

/// Checks one article; a text set aside in a spool is read back for it, and
/// its body kept there too, so that the text is held only while checked.
fn article(f: &TextFile<Text>, di: usize, ctx: &Ctx, diags: &mut Diagnostics) -> Option<Article> {
    let spool_failed =
        |e: std::io::Error| Diagnostic::error(&f.rel, None, Files::SpoolFailed { detail: e.to_string() });
    let read = f.text.get().map_err(|e| diags.push(spool_failed(e))).ok()?;
    let file = TextFile { rel: f.rel.clone(), text: read };
    let mut a = content::article(&file, di, ctx, diags)?;
    if let Some(body) = a.body.markdown.held().cloned() {
        a.body.markdown = f.text.keep(&file.text, body).map_err(|e| diags.push(spool_failed(e))).ok()?;
    }
    Some(a)
}

fn pages(content: &Content, ctx: &Ctx, diags: &mut Diagnostics) -> Vec<Page> {
    let mut out: Vec<Page> = Vec::new();
    for f in &content.pages {
        let Some(p) = content::page(f, ctx, diags) else { continue };
        if let Some(first) = out.iter().find(|q| q.slug == p.slug) {
            let problem = Says::SamePageSlug { first: first.file.clone(), slug: p.slug.clone() };
            diags.push(Diagnostic::error(&p.file, Some(Pos::new(1, 1)), problem));
            continue;
        }
        out.push(p);
    }
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    out
}

fn check_sources(districts: &[District], articles: &[Arc<Article>], diags: &mut Diagnostics) {
    for (di, d) in districts.iter().enumerate() {
        let slugs: BTreeSet<&str> = articles.iter().filter(|a| a.district == di).map(|a| a.slug.as_str()).collect();
        let all_series = d.series.iter().chain(d.communes.iter().flat_map(|c| c.series.iter()));
        for s in all_series {
            for o in &s.observations {
                if let Some(src) = &o.source {
                    if !slugs.contains(src.as_str()) {
                        let problem = Data::SourceNotArticle { source: src.clone(), district: d.slug.clone() };
                        diags.push(Diagnostic::warning(&o.origin.file, Some(o.origin.pos()), problem));
                    }
                }
            }
        }
    }
}

fn topics(
    indicators: &[Indicator],
    articles: &[Arc<Article>],
    names: &BTreeMap<String, String>,
    order: &NameOrder,
) -> Vec<Topic> {
    let mut used: BTreeSet<String> = BTreeSet::new();
    used.extend(indicators.iter().filter_map(|i| i.topic.clone()));
    used.extend(articles.iter().flat_map(|a| a.topics.iter().cloned()));
    let mut out: Vec<Topic> = used
        .into_iter()
        .map(|slug| Topic {
            name: names.get(&slug).cloned().unwrap_or_else(|| slug.clone()),
            named: names.contains_key(&slug),
            slug,
        })
        .collect();
    out.sort_by(|a, b| order.compare(&a.name, &b.name));
    out
}

#[cfg(test)]
mod tests;
