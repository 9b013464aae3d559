//! Stage 5, render: the model into output files, in memory.
//!
//! Pure: no disk (but for reading back a large build's article texts from
//! their spool, the run's own copy: `text::spool`), no clock. Every page is an independent job run in
//! parallel; the result is sorted by path so the output is the same
//! whatever order the jobs finished in.

pub mod assets;
pub mod bulletins;
pub mod cache;
pub mod charts;
pub mod csvout;
pub mod earlier;
pub mod feeds;
pub mod format;
pub mod links;
pub mod markdown;
mod pages;
pub mod places;
mod search;
mod share;
pub mod templates;
pub mod values;
pub mod views;
pub mod xlsxout;

use crate::diag::messages::Build;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

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
    /// A file bantin made earlier, which nothing writes into (a photo's
    /// variant in the cache; a file of the previous output made from the
    /// same inputs, see [`earlier`]): linked into the output where the file
    /// system allows, else copied.
    Cached(PathBuf),
}

/// A piece of work that yields output files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    Home,
    Districts,
    /// `units/index.html`, on a site with units.
    Units,
    /// `data-status/`: what each unit reported and owes, and its CSV.
    DataStatus,
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
    /// The archive page of one year.
    ArchiveYear(i16),
    /// Page n ≥ 2 of an article list.
    ListPage(pages::paging::List, usize),
    /// The theme's and the site's static files.
    Statics,
    /// Every Atom feed.
    Feeds,
    /// `search/index.js`.
    SearchIndex,
    /// `robots.txt`, unless the site has its own.
    Robots,
}

/// What a render needs besides the site: compiled templates, every chart,
/// asset names, list memberships and the articles' summaries. Made once;
/// any number of jobs then render from it, in any order.
pub struct Prepared {
    engine: templates::Engine,
    charts: Arc<charts::Charts>,
    static_files: Vec<Output>,
    lists: BTreeMap<pages::paging::List, Vec<usize>>,
    summaries: views::Summaries,
    /// Every bulletin period, oldest first.
    periods: Vec<crate::model::Period>,
    /// Where share cards are kept between builds (`serve`).
    cards: Option<Arc<cache::RenderCache>>,
    /// The theme's `style.css`, inlined by `404.html` (served at any path,
    /// where a relative link to the stylesheet would break).
    stylesheet: String,
    /// What the previous build made, when asked to skip what it made from
    /// the same inputs (`build`).
    earlier: Option<Arc<dyn earlier::Earlier>>,
    /// The start of every page's fingerprint: the templates and the globals
    /// (`None`, and no page is taken from the previous build, if the
    /// globals cannot be fed to it).
    page_inputs: Option<earlier::Inputs>,
}

impl Prepared {
    /// Compiles the templates and draws every chart (reusing from `cache`
    /// what it holds); every template error is reported.
    pub fn new(site: &Site, theme: &Theme, cache: Option<Arc<cache::RenderCache>>) -> Result<Prepared, Diagnostics> {
        Prepared::reusing(site, theme, cache, None)
    }

    /// [`Prepared::new`] with the charts of an earlier site, when its data,
    /// indicators, settings and bulletin periods are the same as `site`'s
    /// (the caller knows; `serve` compares the files they come from).
    pub fn reusing(
        site: &Site,
        theme: &Theme,
        cache: Option<Arc<cache::RenderCache>>,
        charts: Option<Arc<charts::Charts>>,
    ) -> Result<Prepared, Diagnostics> {
        let mut engine = templates::Engine::new(theme)?;
        let charts = match charts {
            Some(c) => c,
            None => Arc::new(charts::Charts::build(site, cache.as_deref()).map_err(|d| {
                let mut all = Diagnostics::new();
                all.push(d);
                all
            })?),
        };
        let (asset_names, static_files) = assets::statics(site, theme);
        let globals = pages::Globals::of(site, &asset_names);
        engine.set_globals(&globals)?;
        let page_inputs = page_inputs(theme, &globals);
        let lists = pages::paging::List::memberships(site);
        let summaries = views::Summaries::new(site);
        let periods = site.bulletin_periods();
        let stylesheet =
            theme.statics.get("style.css").map(|s| String::from_utf8_lossy(s.bytes()).into_owned()).unwrap_or_default();
        Ok(Prepared {
            engine,
            charts,
            static_files,
            lists,
            summaries,
            periods,
            cards: cache,
            stylesheet,
            earlier: None,
            page_inputs,
        })
    }

    /// Lets every page and share card whose inputs are those the previous
    /// build made it from be that build's file ([`earlier`]).
    pub fn with_earlier(mut self, earlier: Option<Arc<dyn earlier::Earlier>>) -> Prepared {
        self.earlier = earlier;
        self
    }

    /// The previous build's file at `path`, when it was made from the
    /// inputs `inputs` gives (asked only when there is a previous build).
    fn earlier_file(&self, path: &str, inputs: impl FnOnce() -> Option<earlier::Inputs>) -> Option<PathBuf> {
        let earlier = self.earlier.as_deref()?;
        earlier.file(path, &inputs()?.finish())
    }

    /// The previous build's page at `path`, when made with `template` from
    /// `context` (and the same templates and globals).
    fn earlier_page<T: serde::Serialize>(&self, template: &str, path: &str, context: &T) -> Option<PathBuf> {
        self.earlier_file(path, || {
            let mut inputs = self.page_inputs.clone()?;
            inputs.part(template.as_bytes()).part(path.as_bytes());
            inputs.value(context)
        })
    }

    /// Every job of the site, each yielding files no other job yields. The
    /// largest come first (the site-wide bulletins and the archive's years
    /// list every article of their period), so that no core is left with a
    /// large page at the end while the other has nothing to do.
    pub fn jobs(&self, site: &Site) -> Vec<Job> {
        let periods = self.periods.len();
        let mut jobs: Vec<Job> = (0..periods).rev().map(Job::SiteBulletin).collect();
        jobs.extend(pages::archive::archive_years(site).into_iter().map(Job::ArchiveYear));
        jobs.extend([
            Job::Home,
            Job::Districts,
            Job::Indicators,
            Job::Topics,
            Job::NotFound,
            Job::SiteCard,
            Job::Search,
            Job::Statics,
            Job::Feeds,
            Job::SearchIndex,
            Job::Robots,
        ]);
        if places::uses_units(site) {
            jobs.push(Job::Units);
        }
        if site.uses_version_2() {
            jobs.push(Job::DataStatus);
        }
        jobs.extend((0..site.districts.len()).map(Job::DistrictCard));
        jobs.extend(
            (0..site.articles.len()).filter(|&i| !site.articles[i].indicators.is_empty()).map(Job::ArticleCard),
        );
        jobs.extend((0..site.districts.len()).map(Job::District));
        jobs.extend((0..site.articles.len()).map(Job::Article));
        jobs.extend((0..site.indicators.len()).map(Job::Indicator));
        jobs.extend((0..site.topics.len()).map(Job::Topic));
        jobs.extend((0..site.pages.len()).map(Job::Page));
        jobs.extend([Job::BulletinsIndex, Job::ArchiveIndex]);
        for (d, unit) in site.districts.iter().enumerate() {
            let within = |&i: &usize| unit.life.has_bulletin(self.periods[i].end());
            jobs.extend((0..periods).filter(within).map(|i| Job::DistrictBulletin(d, i)));
        }
        for (list, members) in &self.lists {
            let list = *list;
            jobs.extend((2..=pages::paging::List::pages_for(site, members.len())).map(move |n| Job::ListPage(list, n)));
        }
        jobs
    }

    /// A renderer of `site`'s pages; cheap enough to make per page.
    fn renderer<'a>(&'a self, site: &'a Site) -> pages::Renderer<'a> {
        pages::Renderer::new(site, self)
    }

    /// The files of one job.
    pub fn render(&self, site: &Site, job: Job) -> Result<Vec<Output>, Diagnostic> {
        self.renderer(site).job(job)
    }

    /// Where share cards and indicators' workbooks are kept between
    /// builds, if anywhere (`serve`).
    fn cards(&self) -> Option<&cache::RenderCache> {
        self.cards.as_deref()
    }

    /// The charts, to reuse for a site with the same data.
    pub fn charts(&self) -> Arc<charts::Charts> {
        self.charts.clone()
    }

    /// The bulletin periods, oldest first (charts are drawn as of each).
    pub fn periods(&self) -> &[crate::model::Period] {
        &self.periods
    }

    /// How many charts the site has.
    pub fn chart_count(&self) -> usize {
        self.charts.len()
    }
}

/// What every page is made from besides its context: each template's name
/// and text, and the site-wide globals.
fn page_inputs<T: serde::Serialize>(theme: &Theme, globals: &T) -> Option<earlier::Inputs> {
    let mut inputs = earlier::Inputs::new("page");
    inputs.part(&(theme.templates.len() as u64).to_le_bytes());
    for (name, template) in &theme.templates {
        inputs.part(name.as_bytes()).part(template.text.as_bytes());
    }
    inputs.value(globals)
}

/// Renders the whole site. Template errors are reported, all of them.
pub fn site(site: &Site, theme: &Theme) -> Result<Vec<Output>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let sink = |o: Output| {
        files.lock().expect("never poisoned").push(o);
        Ok(())
    };
    site_streaming(site, theme, None, &|_, _| {}, &sink)?;
    let mut files = files.into_inner().expect("never poisoned");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// What a streamed render made.
#[derive(Debug, Clone)]
pub struct Summary {
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
    /// Every path made, in order (what the links are checked against).
    pub paths: Vec<String>,
}

/// Where rendered files go as soon as they are made (the write stage, or
/// a collector), so a large site is never held in memory whole.
pub type Sink<'s> = &'s (dyn Fn(Output) -> Result<(), Diagnostic> + Sync);

/// Hands every output file to `sink` as it is made, calling
/// `progress(done, total)` as jobs finish. Two files for one path are an
/// error naming both; the caller then discards what it was given. With
/// `earlier`, a page or card made from the same inputs as the previous
/// build's is that build's file.
pub fn site_streaming(
    site: &Site,
    theme: &Theme,
    earlier: Option<Arc<dyn earlier::Earlier>>,
    progress: &(dyn Fn(usize, usize) + Sync),
    sink: Sink,
) -> Result<Summary, Diagnostics> {
    let prepared = Prepared::new(site, theme, None)?.with_earlier(earlier);
    let renderer = prepared.renderer(site);
    let seen: std::sync::Mutex<BTreeMap<String, String>> = Default::default();
    let emit = |o: Output| -> Result<(), Diagnostic> {
        if let Some(first) = seen.lock().expect("never poisoned").insert(o.path.clone(), describe(&o)) {
            return Err(duplicate(&first, &o));
        }
        sink(o)
    };
    let jobs = prepared.jobs(site);
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
    if diags.has_errors() {
        return Err(diags);
    }
    let pages: Vec<String> =
        seen.lock().expect("never poisoned").keys().filter(|p| p.ends_with(".html")).cloned().collect();
    let page_refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    if let Err(d) = emit(feeds::sitemap(site, &page_refs)) {
        diags.push(d);
        return Err(diags);
    }
    let paths: Vec<String> = seen.into_inner().expect("never poisoned").into_keys().collect();
    Ok(Summary { files: paths.len(), pages: pages.len(), charts: prepared.chart_count(), paths })
}

/// The error for two files written to one path.
pub fn duplicate(first: &str, o: &Output) -> Diagnostic {
    Diagnostic::error(describe(o), None, Build::SameOutput { first: first.to_string(), path: o.path.clone() })
}

/// Where an output file comes from, for a message.
pub fn describe(o: &Output) -> String {
    match &o.data {
        OutputData::Copy(p) | OutputData::Cached(p) => p.display().to_string(),
        _ => o.path.clone(),
    }
}
