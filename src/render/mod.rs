//! Stage 5, render: the model into output files, in memory.
//!
//! Pure: no disk, no clock. Every page is an independent job run in
//! parallel; the result is sorted by path so the output is the same
//! whatever order the jobs finished in.

pub mod assets;
pub mod bulletins;
pub mod cache;
pub mod charts;
pub mod csvout;
pub mod feeds;
pub mod format;
pub mod links;
pub mod markdown;
mod pages;
mod search;
mod share;
pub mod templates;
pub mod views;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::theme::Theme;
use rayon::prelude::*;
use std::path::PathBuf;

/// One file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path below the output folder, `/`-separated.
    pub path: String,
    pub data: OutputData,
}

/// The bytes of an output file, or where to copy them from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputData {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
}

/// A piece of work that yields output files.
#[derive(Debug, Clone, Copy)]
enum Job {
    Home,
    Districts,
    District(usize),
    Article(usize),
    Indicators,
    Indicator(usize),
    Topics,
    Topic(usize),
    Page(usize),
    NotFound,
    Search,
    /// PNG share cards: the site's, a district's, an article's.
    SiteCard,
    DistrictCard(usize),
    ArticleCard(usize),
    /// The site-wide bulletin of period number n, a district's.
    SiteBulletin(usize),
    DistrictBulletin(usize, usize),
    BulletinsIndex,
    ArchiveIndex,
    ArchiveYears,
    /// Page n ≥ 2 of an article list.
    ListPage(pages::paging::List, usize),
}

fn jobs(site: &Site, lists: &std::collections::BTreeMap<pages::paging::List, Vec<usize>>) -> Vec<Job> {
    let mut jobs =
        vec![Job::Home, Job::Districts, Job::Indicators, Job::Topics, Job::NotFound, Job::SiteCard, Job::Search];
    jobs.extend((0..site.districts.len()).map(Job::DistrictCard));
    jobs.extend((0..site.articles.len()).filter(|&i| !site.articles[i].indicators.is_empty()).map(Job::ArticleCard));
    jobs.extend((0..site.districts.len()).map(Job::District));
    jobs.extend((0..site.articles.len()).map(Job::Article));
    jobs.extend((0..site.indicators.len()).map(Job::Indicator));
    jobs.extend((0..site.topics.len()).map(Job::Topic));
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.extend([Job::BulletinsIndex, Job::ArchiveIndex, Job::ArchiveYears]);
    let periods = bulletins::periods(site).len();
    jobs.extend((0..periods).map(Job::SiteBulletin));
    for d in 0..site.districts.len() {
        jobs.extend((0..periods).map(|i| Job::DistrictBulletin(d, i)));
    }
    for (list, members) in lists {
        let list = *list;
        jobs.extend((2..=pages::paging::List::pages_for(site, members.len())).map(move |n| Job::ListPage(list, n)));
    }
    jobs
}

/// Renders the whole site. Template errors are reported, all of them.
pub fn site(site: &Site, theme: &Theme) -> Result<Vec<Output>, Diagnostics> {
    site_with_progress(site, theme, &|_, _| {}, None).map(|r| r.files)
}

/// A rendered site and what it took.
#[derive(Debug)]
pub struct Rendered {
    pub files: Vec<Output>,
    pub charts: usize,
}

/// Renders the whole site into memory, calling `progress(done, total)` as
/// page jobs finish. With a `cache`, what is unchanged since its last build
/// is reused.
pub fn site_with_progress(
    site: &Site,
    theme: &Theme,
    progress: &(dyn Fn(usize, usize) + Sync),
    cache: Option<&cache::RenderCache>,
) -> Result<Rendered, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let sink = |o: Output| {
        files.lock().expect("never poisoned").push(o);
        Ok(())
    };
    let summary = site_streaming(site, theme, progress, cache, &sink)?;
    let mut files = files.into_inner().expect("never poisoned");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered { files, charts: summary.charts })
}

/// What a streamed render made.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
}

/// Where rendered files go as soon as they are made (the write stage, or
/// a collector), so a large site is never held in memory whole.
pub type Sink<'s> = &'s (dyn Fn(Output) -> Result<(), Diagnostic> + Sync);

/// Hands every output file to `sink` as it is made. Two files for one path
/// are an error naming both; the caller then discards what it was given.
pub fn site_streaming(
    site: &Site,
    theme: &Theme,
    progress: &(dyn Fn(usize, usize) + Sync),
    cache: Option<&cache::RenderCache>,
    sink: Sink,
) -> Result<Summary, Diagnostics> {
    let engine = templates::Engine::new(theme, cache)?;
    let charts = charts::Charts::build(site, cache).map_err(|d| {
        let mut all = Diagnostics::new();
        all.push(d);
        all
    })?;
    let (asset_names, static_files) = assets::statics(site, theme);
    let lists = pages::paging::List::memberships(site);
    let summaries = views::Summaries::of(site);
    let renderer = pages::Renderer::new(site, &engine, &charts, &asset_names, &lists, &summaries);
    let seen: std::sync::Mutex<std::collections::BTreeMap<String, String>> = Default::default();
    let emit = |o: Output| -> Result<(), Diagnostic> {
        if let Some(first) = seen.lock().expect("never poisoned").insert(o.path.clone(), describe(&o)) {
            return Err(Diagnostic::error(
                describe(&o),
                None,
                format!("`{first}` and this are both written to `{}`", o.path),
            )
            .with_hint("rename the file in content/static/ or beside the article, or change a slug"));
        }
        sink(o)
    };
    let jobs = jobs(site, &lists);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<(), Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let r = renderer.job(*job).and_then(|files| files.into_iter().try_for_each(&emit));
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, jobs.len());
            r
        })
        .collect();
    let mut diags = Diagnostics::new();
    diags.extend_from(results.into_iter().filter_map(Result::err));
    let mut extra = static_files;
    extra.extend(feeds::all_feeds(site, &summaries));
    extra.push(search::index(site, &summaries));
    if !extra.iter().any(|o| o.path == "robots.txt") {
        extra.push(feeds::robots(site));
    }
    diags.extend_from(extra.into_iter().filter_map(|o| emit(o).err()));
    if diags.has_errors() {
        return Err(diags);
    }
    let paths: Vec<String> = seen.lock().expect("never poisoned").keys().cloned().collect();
    let pages: Vec<&str> = paths.iter().map(String::as_str).filter(|p| p.ends_with(".html")).collect();
    let page_count = pages.len();
    if let Err(d) = emit(feeds::sitemap(site, &pages)) {
        diags.push(d);
        return Err(diags);
    }
    Ok(Summary { files: paths.len() + 1, pages: page_count, charts: charts.len() })
}

/// Where an output file comes from, for a message.
fn describe(o: &Output) -> String {
    match &o.data {
        OutputData::Copy(p) => p.display().to_string(),
        _ => o.path.clone(),
    }
}
