//! `bantin serve`: a preview on 127.0.0.1 that follows every edit.
//!
//! The site lives in memory, never in `public/`. Three parts:
//! - [`watch`] notices edits (file events, or polling with `--poll`) and
//!   names the files that changed;
//! - [`live`] re-reads and re-checks only those files, installs the new
//!   site at once and renders pages when they are asked for, while the rest
//!   is rendered in the background (so an edited article is shown within a
//!   few milliseconds even on a site of 10,000 articles);
//! - [`http`] answers requests from the live site and tells open pages to
//!   reload through server-sent events (`/__bantin/events`).
//!
//! A build error is shown as a page in the browser and the server keeps
//! running. Only files of the built site are served: a request is looked up
//! in memory, so no path can reach the disk, and paths with `..` are
//! refused.

mod http;
pub mod live;
mod watch;

pub use http::{content_type, request_path};

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
    pub fn last_update(&self) -> live::Update {
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
    let lang = crate::report_language(&options.root, options.lang);
    let cannot = |e: std::io::Error| {
        let (bind, port, detail) = (options.bind.clone(), options.port, e.to_string());
        Serve::CannotListen { bind, port, detail }
    };
    let listener = TcpListener::bind((options.bind.as_str(), options.port)).map_err(cannot)?;
    let port = listener.local_addr().map_err(cannot)?.port();
    listener.set_nonblocking(true).map_err(cannot)?;
    let live = live::Live::new();
    let stop = Arc::new(AtomicBool::new(false));
    // Watching starts before the first build, so a change made during it is seen.
    let watcher = watch::Watcher::new(&options.root, options.poll, lang);
    let mut sources = live::Sources::new(&options.root, options.drafts, options.lang);
    if let Some(generation) = live.update(&mut sources, None) {
        live.fill(generation);
    }
    {
        let (l, st) = (live.clone(), stop.clone());
        std::thread::spawn(move || follow(watcher, sources, l, st));
    }
    {
        let (l, st) = (live.clone(), stop.clone());
        std::thread::spawn(move || http::accept(listener, l, st));
    }
    Ok(Server { port, stop, live })
}

/// Updates the live site after every change until stopped; each update's
/// background render runs on its own thread and gives way to a newer one.
fn follow(mut watcher: watch::Watcher, mut sources: live::Sources, live: Arc<live::Live>, stop: Arc<AtomicBool>) {
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
