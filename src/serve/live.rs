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

use crate::diag::messages::Serve;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Content;
use crate::model::Site;
use crate::render::cache::RenderCache;
use crate::render::{Job, Output, OutputData, Prepared};
use crate::text::lang::Lang;
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// The files of one job, or why it failed.
type Rendered = Arc<Result<Vec<Output>, Diagnostic>>;

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

/// What is shown: the newest site that checked, or the problems of the
/// newest attempt when it failed (HTTP shows them as the error page).
#[derive(Default)]
struct Shown {
    generation: Option<Generation>,
    error: Option<Diagnostics>,
}

/// What a request gets.
pub enum Answer {
    File(Vec<u8>),
    Redirect(String),
    NotFound(Vec<u8>),
    /// The site does not build, or a page failed to render: the problems,
    /// in the language of the messages.
    Failed(Diagnostics, Lang),
    /// No site has been built yet.
    Building,
}

/// What the last update did (tests and the log line read it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Update {
    /// Files read again, and articles checked again.
    pub reread: usize,
    pub rechecked: usize,
    /// Everything was loaded again (a file added or removed, say).
    pub full: bool,
}

/// The sources as last read, owned by the thread that updates the site.
pub struct Sources {
    root: PathBuf,
    drafts: bool,
    /// `--lang`, if given: messages are otherwise in the site's language.
    asked: Option<Lang>,
    content: Option<Content>,
    theme: Option<Theme>,
    memo: crate::validate::Memo,
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

impl Sources {
    pub fn new(root: &Path, drafts: bool, asked: Option<Lang>) -> Sources {
        let memo = crate::validate::Memo::keeping();
        Sources { root: root.to_path_buf(), drafts, asked, content: None, theme: None, memo }
    }

    /// Reads what changed (`None`: everything) and checks the site again.
    fn check(&mut self, changed: Option<&[String]>, diags: &mut Diagnostics) -> (Option<(Site, Theme)>, Update) {
        let mut update = Update::default();
        let refreshed = match (changed, self.content.as_mut()) {
            (Some(changed), Some(content)) => crate::load::refresh(&self.root, content, changed, diags),
            _ => None,
        };
        let theme_changed = match refreshed {
            Some(r) => {
                update.reread = r.reread.len();
                r.reread.iter().for_each(|rel| self.memo.forget(rel));
                r.theme
            }
            None => {
                update.full = true;
                self.content = Some(crate::load::content(&self.root, diags));
                true
            }
        };
        let content = self.content.as_ref().expect("loaded above");
        let options = crate::validate::Options { drafts: self.drafts };
        let site = crate::validate::site_with_memo(content, options, &mut self.memo, diags);
        update.rechecked = self.memo.checked;
        let Some(mut site) = site else { return (None, update) };
        if !diags.has_errors() {
            // Photos are made once, into the cache: after the first time,
            // this only looks at their sizes and times.
            crate::photos::prepare(&self.root, &mut site, diags);
        }
        if theme_changed || self.theme.is_none() {
            self.theme = Some(crate::theme::resolve(&self.root, &site.settings.theme, &content.templates, diags));
        }
        let theme = self.theme.clone().expect("resolved above");
        ((!diags.has_errors()).then_some((site, theme)), update)
    }

    /// A hash of every file charts are drawn from: settings, indicators,
    /// district data.
    fn data_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        if let Some(c) = &self.content {
            let files = c.site.iter().chain(c.indicators.iter());
            let data = c.districts.iter().flat_map(|d| d.yaml.iter().chain(d.csvs.iter()));
            for f in files.chain(data) {
                (&f.rel, &f.text).hash(&mut h);
            }
        }
        h.finish()
    }
}

impl Live {
    /// The language of messages, as of the last update.
    fn lang(&self) -> Lang {
        *self.lang.lock().expect("never poisoned")
    }

    pub fn new() -> Arc<Live> {
        Arc::new(Live {
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
        *self.last.lock().expect("never poisoned")
    }

    /// Brings the site up to date with the sources after `changed` (paths
    /// relative to the root; `None`: anything) and returns the generation
    /// to fill, or `None` when the site does not check (the error page is
    /// then shown).
    pub fn update(&self, sources: &mut Sources, changed: Option<&[String]>) -> Option<u64> {
        let started = Instant::now();
        let number = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let mut diags = Diagnostics::new();
        let lang = crate::report_language(&sources.root, sources.asked);
        *self.lang.lock().expect("never poisoned") = lang;
        let (checked, update) = sources.check(changed, &mut diags);
        *self.last.lock().expect("never poisoned") = update;
        let data = sources.data_key();
        let prepared = checked.and_then(|(site, theme)| {
            self.cache.begin();
            let periods = site.bulletin_periods();
            let mut drawn = self.charts.lock().expect("never poisoned");
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
        let mut shown = self.current.write().expect("never poisoned");
        let result = match prepared {
            Some((site, prepared)) => {
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
                eprintln!(
                    "{}",
                    Serve::Updated { ms, read: update.reread, checked: update.rechecked, full: update.full }.text(lang)
                );
                Some(number)
            }
            None => {
                if let Some(content) = &sources.content {
                    diags.attach_lines(|file| content.text_of(file));
                }
                eprint!("{}\n{}", Serve::Failed.text(lang), diags.report(lang));
                shown.error = Some(diags.clone());
                None
            }
        };
        self.version.fetch_add(1, Ordering::SeqCst);
        result
    }

    /// Whether the newest generation is rendered whole (or failed).
    pub fn idle(&self) -> bool {
        let shown = self.current.read().expect("never poisoned");
        shown.error.is_some() || shown.generation.as_ref().is_some_and(|g| g.fresh && !self.superseded(g.number))
    }

    fn superseded(&self, number: u64) -> bool {
        self.latest.load(Ordering::SeqCst) != number
    }

    /// Renders every job of generation `number` (unless a newer one comes),
    /// then installs the paths they made, the sitemap, and any error.
    pub fn fill(&self, number: u64) {
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
        let mut routes = BTreeMap::new();
        let mut diags = Diagnostics::new();
        for (job, result) in done.into_iter().flatten() {
            match result.as_ref() {
                Ok(files) => {
                    for f in files {
                        if let Some(first) = routes.insert(f.path.clone(), job) {
                            let first = format!("{first:?}");
                            diags.push(crate::render::duplicate(&first, f));
                        }
                    }
                }
                Err(d) => diags.push(d.clone()),
            }
        }
        let pages: Vec<&str> = routes.keys().map(String::as_str).filter(|p| p.ends_with(".html")).collect();
        let sitemap = match crate::render::feeds::sitemap(&site, &pages).data {
            OutputData::Bytes(b) => b,
            _ => Vec::new(),
        };
        self.cache.end();
        let mut shown = self.current.write().expect("never poisoned");
        if self.superseded(number) {
            return;
        }
        let files = routes.len() + 1;
        if let Some(g) = shown.generation.as_mut() {
            g.routes = Arc::new(routes);
            g.sitemap = Some(Arc::new(sitemap));
            g.fresh = true;
        }
        let lang = self.lang();
        if diags.has_errors() {
            eprint!("{}\n{}", Serve::Failed.text(lang), diags.render(lang));
            shown.error = Some(diags.clone());
            // Open pages reload to show the error.
            self.version.fetch_add(1, Ordering::SeqCst);
        } else {
            eprintln!("{}", Serve::Rendered { files, ms: started.elapsed().as_millis() }.text(lang));
        }
    }

    fn handles(&self, number: u64) -> Option<(Arc<Site>, Arc<Prepared>, Memo)> {
        let shown = self.current.read().expect("never poisoned");
        let g = shown.generation.as_ref().filter(|g| g.number == number)?;
        Some((g.site.clone(), g.prepared.clone(), g.rendered.clone()))
    }

    /// The answer to a request for the site path `path` (`""`, `a/`, `a/b.html`).
    pub fn answer(&self, path: &str) -> Answer {
        let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
        let waited = Instant::now();
        loop {
            let shown = self.current.read().expect("never poisoned");
            if let Some(diags) = &shown.error {
                return Answer::Failed(diags.clone(), self.lang());
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
            Err(d) => Some(Answer::Failed(one(d.clone()), self.lang())),
            Ok(files) => {
                let file = files.iter().find(|f| f.path == key)?;
                Some(match crate::write::bytes(file) {
                    Ok(b) => Answer::File(b),
                    Err(e) => Answer::Failed(one(e), self.lang()),
                })
            }
        }
    }

    /// No file at `key` in a fresh path map: a folder without its slash, or
    /// the 404 page.
    fn missing(&self, g: &Generation, path: &str, key: &str) -> Answer {
        if g.routes.contains_key(&format!("{key}/index.html")) {
            return Answer::Redirect(format!("/{path}/"));
        }
        match self.lookup(g, "404.html") {
            Some(Answer::File(b)) => Answer::NotFound(b),
            _ => Answer::NotFound(b"not found".to_vec()),
        }
    }
}

/// The files of `job`, rendered once per generation.
fn render(site: &Site, prepared: &Prepared, rendered: &Mutex<BTreeMap<Job, Rendered>>, job: Job) -> Rendered {
    if let Some(r) = rendered.lock().expect("never poisoned").get(&job) {
        return r.clone();
    }
    let r: Rendered = Arc::new(prepared.render(site, job));
    rendered.lock().expect("never poisoned").insert(job, r.clone());
    r
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut all = Diagnostics::new();
    all.push(d);
    all
}
