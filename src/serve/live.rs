//! The site `serve` shows: kept in memory, brought up to date after each
//! edit by re-reading and re-checking only the files that changed, and
//! rendered page by page on demand.
//!
//! An update installs a new generation of the site at once, without
//! rendering anything; the browser reloads and the page it asks for is
//! rendered then. Which job makes which path is remembered from the last
//! complete render: a job is rendered against the new site, and its files
//! are served only if they still include the path asked for, so a page is
//! never served from an outdated site. Meanwhile a background fill renders
//! every job of the generation, which refreshes that path map, builds the
//! sitemap and reports template errors; a request the old map cannot answer
//! waits for it.

use super::crash::{caught, lock, read, write};
use super::sources::{Sources, Update};
use crate::diag::messages::{Files, Serve};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::render::cache::RenderCache;
use crate::render::{Job, Output, OutputData, Prepared};
use crate::text::lang::Lang;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// The files of one job, or why they could not be made.
type Rendered = Arc<Result<Vec<Output>, Failure>>;

/// The jobs of one generation rendered so far.
type Memo = Arc<Mutex<BTreeMap<Job, Rendered>>>;

/// One generation of the site: a checked model and what renders it.
struct Generation {
    number: u64,
    site: Arc<Site>,
    prepared: Arc<Prepared>,
    /// Which job made each path, as of the last complete render (perhaps of
    /// an older generation; see `fresh`).
    routes: Arc<BTreeMap<String, Job>>,
    /// `routes` and `sitemap` come from this generation's fill.
    fresh: bool,
    sitemap: Option<Arc<Vec<u8>>>,
    rendered: Memo,
}

/// What is shown: the newest site that checked, or why the newest attempt
/// failed (HTTP shows it as the error page).
#[derive(Default)]
struct Shown {
    generation: Option<Generation>,
    error: Option<Failure>,
}

/// Why the site cannot be shown: the problems of the newest attempt, and
/// bantin's own failure (a panic, caught) if that is what stopped it.
#[derive(Debug, Clone, Default)]
pub struct Failure {
    pub diags: Diagnostics,
    /// What the panic said.
    pub crash: Option<String>,
}

impl Failure {
    fn of(d: Diagnostic) -> Failure {
        let mut diags = Diagnostics::new();
        diags.push(d);
        Failure { diags, crash: None }
    }

    fn crashed(detail: String) -> Failure {
        Failure { diags: Diagnostics::new(), crash: Some(detail) }
    }
}

/// What a request gets.
pub enum Answer {
    File(Vec<u8>),
    /// To this site path (a folder asked for without its slash).
    Redirect(String),
    NotFound(Vec<u8>),
    /// The site does not build, or a page failed to render: why, with the
    /// language of the messages.
    Failed(Failure, Lang),
    /// No site has been built yet.
    Building,
}

/// Charts drawn for some data: reused while the files they come from (and
/// the bulletin periods) stay the same.
struct DrawnCharts {
    data: u64,
    periods: Vec<crate::model::Period>,
    charts: Arc<crate::render::charts::Charts>,
}

/// The live site, shared by the watcher and the request threads.
pub struct Live {
    /// The site root as given, and its real path (links resolved): files
    /// copied as they are are read from the disk when asked for, under the
    /// rule of [`crate::load::inside_root`].
    root: PathBuf,
    real_root: PathBuf,
    current: RwLock<Shown>,
    /// Bumped by every change shown: open pages reload when it changes.
    version: AtomicU64,
    /// The newest generation asked for: an older fill stops when it grows.
    latest: AtomicU64,
    /// Background fills run here, beside the pool that updates use, so an
    /// update never queues behind a fill.
    pool: rayon::ThreadPool,
    /// Charts and share cards, kept across edits.
    cache: Arc<RenderCache>,
    charts: Mutex<Option<DrawnCharts>>,
    last: Mutex<Update>,
    /// The language of messages, as of the last update.
    lang: Mutex<Lang>,
}

impl Live {
    /// The language of messages, as of the last update.
    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    /// The live site of the sources at `root`, empty until the first update.
    pub fn new(root: &Path) -> Arc<Live> {
        Arc::new(Live {
            root: root.to_path_buf(),
            real_root: crate::load::real_root(root),
            current: RwLock::new(Shown::default()),
            version: AtomicU64::new(0),
            latest: AtomicU64::new(0),
            pool: rayon::ThreadPoolBuilder::new()
                .thread_name(|i| format!("bantin-fill-{i}"))
                .build()
                .expect("threads start"),
            cache: Arc::new(RenderCache::default()),
            charts: Mutex::new(None),
            last: Mutex::new(Update::default()),
            lang: Mutex::new(Lang::default()),
        })
    }

    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    pub fn last_update(&self) -> Update {
        *lock(&self.last)
    }

    /// Brings the site up to date with the sources after `changed` (paths
    /// relative to the root; `None`: anything) and returns the generation
    /// to fill, or `None` when the site does not check (the error page is
    /// then shown). A panic on the way is shown the same way, and the
    /// sources are forgotten, so the next update reads them all again.
    pub fn update(&self, sources: &mut Sources, changed: Option<&[String]>) -> Option<u64> {
        let number = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        match caught(|| self.rebuild(sources, changed, number)) {
            Ok(result) => result,
            Err(detail) => {
                sources.forget();
                self.show(Failure::crashed(detail));
                None
            }
        }
    }

    /// [`Live::update`] of generation `number`.
    fn rebuild(&self, sources: &mut Sources, changed: Option<&[String]>, number: u64) -> Option<u64> {
        let started = Instant::now();
        let mut diags = Diagnostics::new();
        let lang = crate::report_language(&sources.root, sources.asked);
        *lock(&self.lang) = lang;
        let (checked, update) = sources.check(changed, &mut diags);
        *lock(&self.last) = update;
        let data = sources.data_key();
        let prepared = checked.and_then(|(site, theme)| {
            self.cache.begin();
            let periods = site.bulletin_periods();
            let mut drawn = lock(&self.charts);
            let reuse = drawn.as_ref().filter(|d| d.data == data && d.periods == periods).map(|d| d.charts.clone());
            match Prepared::reusing(&site, &theme, Some(self.cache.clone()), reuse) {
                Ok(p) => {
                    *drawn = Some(DrawnCharts { data, periods, charts: p.charts() });
                    Some((site, p))
                }
                Err(errors) => {
                    diags.extend(errors);
                    None
                }
            }
        });
        let Some((site, prepared)) = prepared else {
            if let Some(content) = &sources.content {
                let texts = std::cell::OnceCell::new();
                diags.attach_lines(|file| texts.get_or_init(|| content.texts()).text_of(file));
            }
            self.show(Failure { diags, crash: None });
            return None;
        };
        let mut shown = write(&self.current);
        let routes = shown.generation.as_ref().map(|g| g.routes.clone()).unwrap_or_default();
        let old = shown.generation.replace(Generation {
            number,
            site: Arc::new(site),
            prepared: Arc::new(prepared),
            routes,
            fresh: false,
            sitemap: None,
            rendered: Default::default(),
        });
        shown.error = None;
        // Freeing a whole rendered site takes a while: not here.
        std::thread::spawn(move || drop(old));
        let ms = started.elapsed().as_millis();
        let (read, checked, full) = (update.reread, update.rechecked, update.full);
        eprintln!("{}", Serve::Updated { ms, read, checked, full }.text(lang));
        self.version.fetch_add(1, Ordering::SeqCst);
        Some(number)
    }

    /// Shows `failure` instead of the site (open pages reload to show it).
    fn show(&self, failure: Failure) {
        let lang = self.lang();
        match &failure.crash {
            Some(detail) => eprintln!("{}", Serve::Crashed { detail: detail.clone() }.text(lang)),
            None => eprint!("{}\n{}", Serve::Failed.text(lang), failure.diags.report(lang)),
        }
        write(&self.current).error = Some(failure);
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    /// Whether the newest generation is rendered whole (or failed).
    pub fn idle(&self) -> bool {
        let shown = read(&self.current);
        shown.error.is_some() || shown.generation.as_ref().is_some_and(|g| g.fresh && !self.superseded(g.number))
    }

    fn superseded(&self, number: u64) -> bool {
        self.latest.load(Ordering::SeqCst) != number
    }

    /// Renders every job of generation `number` (unless a newer one comes),
    /// then installs the paths they made, the sitemap, and any error; a
    /// panic on the way is shown as the error page.
    pub fn fill(&self, number: u64) {
        if let Err(detail) = caught(|| self.fill_jobs(number)) {
            if !self.superseded(number) {
                self.show(Failure::crashed(detail));
            }
        }
    }

    /// [`Live::fill`], panics not caught.
    fn fill_jobs(&self, number: u64) {
        let started = Instant::now();
        let Some((site, prepared, rendered)) = self.handles(number) else { return };
        let jobs = prepared.jobs(&site);
        let done: Vec<Option<(Job, Rendered)>> = self.pool.install(|| {
            jobs.par_iter()
                .map(|&job| (!self.superseded(number)).then(|| (job, render(&site, &prepared, &rendered, job))))
                .collect()
        });
        if self.superseded(number) {
            return;
        }
        let (routes, failure) = routes_of(done.into_iter().flatten());
        let pages: Vec<&str> = routes.keys().map(String::as_str).filter(|p| p.ends_with(".html")).collect();
        let sitemap = match crate::render::feeds::sitemap(&site, &pages).data {
            OutputData::Bytes(b) => b,
            _ => Vec::new(),
        };
        self.cache.end();
        let files = routes.len() + 1;
        {
            let mut shown = write(&self.current);
            if self.superseded(number) {
                return;
            }
            if let Some(g) = shown.generation.as_mut() {
                g.routes = Arc::new(routes);
                g.sitemap = Some(Arc::new(sitemap));
                g.fresh = true;
            }
        }
        match failure {
            Some(failure) => self.show(failure),
            None => eprintln!("{}", Serve::Rendered { files, ms: started.elapsed().as_millis() }.text(self.lang())),
        }
    }

    fn handles(&self, number: u64) -> Option<(Arc<Site>, Arc<Prepared>, Memo)> {
        let shown = read(&self.current);
        let g = shown.generation.as_ref().filter(|g| g.number == number)?;
        Some((g.site.clone(), g.prepared.clone(), g.rendered.clone()))
    }

    /// The answer to a request for the site path `path` (`""`, `a/`, `a/b.html`).
    pub fn answer(&self, path: &str) -> Answer {
        let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
        let waited = Instant::now();
        loop {
            let shown = read(&self.current);
            if let Some(failure) = &shown.error {
                return Answer::Failed(failure.clone(), self.lang());
            }
            let Some(g) = shown.generation.as_ref() else { return Answer::Building };
            if let Some(answer) = self.lookup(g, &key) {
                return answer;
            }
            if g.fresh || waited.elapsed() > Duration::from_secs(60) {
                return self.missing(g, path, &key);
            }
            // The path map is older than this site: wait for the fill.
            drop(shown);
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The file at `key` if the (possibly older) path map leads to it.
    fn lookup(&self, g: &Generation, key: &str) -> Option<Answer> {
        if key == "sitemap.xml" {
            return g.sitemap.as_ref().map(|s| Answer::File(s.to_vec()));
        }
        let job = *g.routes.get(key)?;
        let result = render(&g.site, &g.prepared, &g.rendered, job);
        match result.as_ref() {
            Err(failure) => Some(Answer::Failed(failure.clone(), self.lang())),
            Ok(files) => {
                let file = files.iter().find(|f| f.path == key)?;
                Some(match self.bytes(file) {
                    Ok(b) => Answer::File(b),
                    Err(e) => Answer::Failed(Failure::of(e), self.lang()),
                })
            }
        }
    }

    /// The bytes of `file`. One copied as it is comes from the disk now,
    /// and only if it is still inside the root: a file swapped for a link
    /// that leads outside since it was listed is refused, as `build`
    /// refuses it.
    fn bytes(&self, file: &Output) -> Result<Vec<u8>, Diagnostic> {
        let (OutputData::Copy(abs) | OutputData::Cached(abs)) = &file.data else {
            return crate::write::bytes(file);
        };
        let rel = crate::load::rel_path(&self.root, abs);
        let Some(real) = crate::load::inside_root(&self.real_root, abs) else {
            return Err(Diagnostic::error(rel, None, Files::SymlinkOutside));
        };
        std::fs::read(real).map_err(|e| Diagnostic::error(rel, None, Files::CannotRead { detail: e.to_string() }))
    }

    /// No file at `key` in a fresh path map: a folder without its slash, or
    /// the 404 page.
    fn missing(&self, g: &Generation, path: &str, key: &str) -> Answer {
        if g.routes.contains_key(&format!("{key}/index.html")) {
            return Answer::Redirect(format!("{path}/"));
        }
        match self.lookup(g, "404.html") {
            Some(Answer::File(b)) => Answer::NotFound(b),
            _ => Answer::NotFound(b"not found".to_vec()),
        }
    }
}

/// Which job made each path, and what failed, from a complete render.
fn routes_of(done: impl Iterator<Item = (Job, Rendered)>) -> (BTreeMap<String, Job>, Option<Failure>) {
    let mut routes = BTreeMap::new();
    let mut failure = Failure::default();
    for (job, result) in done {
        match result.as_ref() {
            Ok(files) => {
                for f in files {
                    if let Some(first) = routes.insert(f.path.clone(), job) {
                        let first = format!("{first:?}");
                        failure.diags.push(crate::render::duplicate(&first, f));
                    }
                }
            }
            Err(f) => {
                failure.diags.extend(f.diags.clone());
                failure.crash = failure.crash.or_else(|| f.crash.clone());
            }
        }
    }
    let failed = failure.diags.has_errors() || failure.crash.is_some();
    (routes, failed.then_some(failure))
}

/// The files of `job`, rendered once per generation; a panic while
/// rendering it is its failure.
fn render(site: &Site, prepared: &Prepared, rendered: &Mutex<BTreeMap<Job, Rendered>>, job: Job) -> Rendered {
    if let Some(r) = lock(rendered).get(&job) {
        return r.clone();
    }
    let made = match caught(|| prepared.render(site, job)) {
        Ok(Ok(files)) => Ok(files),
        Ok(Err(d)) => Err(Failure::of(d)),
        Err(detail) => Err(Failure::crashed(detail)),
    };
    let r: Rendered = Arc::new(made);
    lock(rendered).insert(job, r.clone());
    r
}
