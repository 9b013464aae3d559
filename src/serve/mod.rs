//! `bantin serve`: a preview on 127.0.0.1 that follows every edit.
//!
//! The site lives in memory, never in `public/`. Its parts:
//! - [`watch`] notices edits (file events, or polling with `--poll`) and
//!   names the files that changed;
//! - [`sources`] reads those files again (under the same rule for symbolic
//!   links as `build`) and checks them;
//! - [`live`] installs the new site at once and renders pages when they are
//!   asked for, while the rest is rendered in the background (so an edited
//!   article is shown within a few milliseconds even on a site of 10,000
//!   articles);
//! - [`http`] answers requests from the live site (on hyper, with limits on
//!   what a request and a connection may take) and tells open pages to
//!   reload through server-sent events (`/__bantin/events`); [`path`] turns
//!   a request's target into a path of the site, or refuses it.
//!
//! A build error is shown as a page in the browser and the server keeps
//! running; so is a panic while rebuilding or rendering ([`crash`]). Only
//! files of the built site are served: a request is looked up in memory,
//! paths with `..` are refused, and a file copied as it is is read from the
//! disk only while its real path is inside the root.

mod crash;
mod http;
pub mod live;
mod path;
mod sources;
mod stall;
mod watch;

pub use http::LIMITS;
#[doc(hidden)]
pub use path::fuzz_request_target;
pub use path::{content_type, request_path};
pub use sources::{Sources, Update};

use crate::diag::messages::Serve;
use crate::text::lang::Lang;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What `bantin serve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub drafts: bool,
    /// Look for changes by polling instead of file events.
    pub poll: bool,
    /// The language of messages (`--lang`); `None`: the site's own.
    pub lang: Option<Lang>,
}

/// A running preview server.
pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
    live: Arc<live::Live>,
}

impl Server {
    /// The version of the site shown: it grows with every update (tests
    /// wait on it).
    pub fn version(&self) -> u64 {
        self.live.version()
    }

    /// What the last update read and checked again.
    pub fn last_update(&self) -> Update {
        self.live.last_update()
    }

    /// Whether everything of the current version has been rendered.
    pub fn idle(&self) -> bool {
        self.live.idle()
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts the server in the background and returns once it listens and
/// the whole site has been rendered once.
/// The error is the catalogue's message, to be worded in the language of
/// the command line.
pub fn start(options: &Options) -> Result<Server, Serve> {
    start_sources(options, |s| s)
}

/// [`start`], where an update that finds `marker` in an article panics as
/// a bug in bantin would: for the tests of what `serve` does then. Nothing
/// a user gives reaches it (the command line calls [`start`]).
#[doc(hidden)]
pub fn start_with_fault(options: &Options, marker: &str) -> Result<Server, Serve> {
    start_sources(options, |s| s.with_fault(marker))
}

fn start_sources(options: &Options, sources: impl FnOnce(Sources) -> Sources) -> Result<Server, Serve> {
    let lang = crate::report_language(&options.root, options.lang);
    let cannot = |e: std::io::Error| {
        let (bind, port, detail) = (options.bind.clone(), options.port, e.to_string());
        Serve::CannotListen { bind, port, detail }
    };
    let listener = TcpListener::bind((options.bind.as_str(), options.port)).map_err(cannot)?;
    let port = listener.local_addr().map_err(cannot)?.port();
    listener.set_nonblocking(true).map_err(cannot)?;
    let http = http::Http::new(listener).map_err(cannot)?;
    let live = live::Live::new(&options.root);
    let stop = Arc::new(AtomicBool::new(false));
    // Watching starts before the first build, so a change made during it is seen.
    let watcher = watch::Watcher::new(&options.root, options.poll, lang);
    let mut sources = sources(Sources::new(&options.root, options.drafts, options.lang));
    if let Some(generation) = live.update(&mut sources, None) {
        live.fill(generation);
    }
    {
        let (l, st) = (live.clone(), stop.clone());
        std::thread::spawn(move || follow(watcher, sources, l, st));
    }
    {
        let (l, st) = (live.clone(), stop.clone());
        std::thread::spawn(move || http.serve(l, st));
    }
    Ok(Server { port, stop, live })
}

/// Updates the live site after every change until stopped; each update's
/// background render runs on its own thread and gives way to a newer one.
/// Neither stops on a panic: [`live::Live::update`] and
/// [`live::Live::fill`] show it as the error page and return.
fn follow(mut watcher: watch::Watcher, mut sources: Sources, live: Arc<live::Live>, stop: Arc<AtomicBool>) {
    let stopped = || stop.load(Ordering::SeqCst);
    while let Ok(change) = watcher.next(&stopped) {
        if stopped() {
            return;
        }
        if let Some(generation) = live.update(&mut sources, change.as_deref()) {
            let l = live.clone();
            std::thread::spawn(move || l.fill(generation));
        }
    }
}

/// `bantin serve`: starts and serves until the process is stopped.
pub fn run(options: &Options) -> Result<(), Serve> {
    let loopback =
        options.bind == "localhost" || options.bind.parse::<std::net::IpAddr>().is_ok_and(|a| a.is_loopback());
    let lang = crate::report_language(&options.root, options.lang);
    if !loopback {
        eprintln!("{}", Serve::ServingPublicly { bind: options.bind.clone() }.text(lang));
    }
    let server = start(options)?;
    let (root, bind, port) = (options.root.display().to_string(), options.bind.clone(), server.port);
    eprintln!("{}", Serve::Serving { root, bind, port }.text(lang));
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
