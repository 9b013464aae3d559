//! Noticing edits: file-system events where the system gives them
//! (inotify, FSEvents, ReadDirectoryChangesW through `notify`), otherwise,
//! or with `--poll`, a comparison of every source file's size and change
//! time a few times a second. Either way the paths that changed are
//! handed on together once the editor has finished saving.

use crate::diag::messages::Serve;
use crate::text::lang::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// The folders of a site root that hold sources.
const SOURCES: [&str; 3] = ["content", "templates", "themes"];

/// How long the sources must stay quiet before a change is handed on
/// (an editor may write a file in several steps), and at most how long.
const QUIET: Duration = Duration::from_millis(20);
const AT_MOST: Duration = Duration::from_millis(500);

/// How often polling looks.
const POLL: Duration = Duration::from_millis(150);

/// A change: the paths relative to the root, or `None` when anything may
/// have changed (a source folder appeared, or events were lost).
pub type Change = Option<Vec<String>>;

/// Where changes come from.
pub enum Watcher {
    Events {
        watcher: notify::RecommendedWatcher,
        rx: Receiver<notify::Result<notify::Event>>,
        root: PathBuf,
        /// The source folders watched in depth (one may appear later).
        watched: BTreeSet<&'static str>,
        /// The language of the warnings printed.
        lang: Lang,
    },
    Poll {
        root: PathBuf,
        last: Fingerprint,
    },
}

impl Watcher {
    /// Watches the sources of `root`: by events, unless `poll` or the
    /// system gives none.
    pub fn new(root: &Path, poll: bool, lang: Lang) -> Watcher {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        if !poll {
            match events(&root) {
                Ok((watcher, rx)) => {
                    let mut w = Watcher::Events { watcher, rx, root, watched: BTreeSet::new(), lang };
                    w.watch_sources();
                    return w;
                }
                Err(e) => {
                    let (detail, ms) = (e.to_string(), POLL.as_millis());
                    eprintln!("{}", Serve::NoFileEvents { detail, ms }.text(lang))
                }
            }
        }
        let last = fingerprint(&root);
        Watcher::Poll { root, last }
    }

    /// Waits for the next change (`Err` when the watcher is gone).
    pub fn next(&mut self, stop: &dyn Fn() -> bool) -> Result<Change, ()> {
        match self {
            Watcher::Events { rx, root, .. } => {
                let change = next_event(rx, root, stop)?;
                if change.is_none() {
                    self.watch_sources();
                }
                Ok(change)
            }
            Watcher::Poll { root, last } => next_poll(root, last, stop),
        }
    }

    /// Watches in depth each source folder there is and is not watched yet.
    fn watch_sources(&mut self) {
        use notify::{RecursiveMode, Watcher as _};
        let Watcher::Events { watcher, root, watched, lang, .. } = self else { return };
        for sub in SOURCES {
            if !watched.contains(sub) && root.join(sub).is_dir() {
                match watcher.watch(&root.join(sub), RecursiveMode::Recursive) {
                    Ok(()) => {
                        watched.insert(sub);
                    }
                    Err(e) => {
                        let (folder, detail) = (sub.to_string(), e.to_string());
                        eprintln!("{}", Serve::CannotWatch { folder, detail }.text(*lang))
                    }
                }
            }
        }
    }
}

fn events(root: &Path) -> notify::Result<(notify::RecommendedWatcher, Receiver<notify::Result<notify::Event>>)> {
    use notify::{RecursiveMode, Watcher as _};
    let (tx, rx) = channel();
    let mut w = notify::recommended_watcher(move |e| {
        let _ = tx.send(e);
    })?;
    // The root itself, to see a source folder appear (then watched in depth).
    w.watch(root, RecursiveMode::NonRecursive)?;
    Ok((w, rx))
}

/// What an event says changed: paths below the source folders, relative to
/// the root; `None` for anything else that matters.
fn paths_of(event: &notify::Event, root: &Path, into: &mut Option<BTreeSet<String>>) {
    use notify::EventKind;
    if matches!(event.kind, EventKind::Access(_)) {
        return;
    }
    for p in &event.paths {
        if !p.starts_with(root) {
            continue;
        }
        let rel = crate::load::rel_path(root, p);
        if crate::load::ignored(rel.rsplit('/').next().unwrap_or(&rel)) {
            continue; // an editor's backup, or Excel's lock file beside an open workbook
        }
        let (top, rest) = rel.split_once('/').unwrap_or((rel.as_str(), ""));
        if !SOURCES.contains(&top) {
            continue;
        }
        if rest.is_empty() {
            // A source folder itself appeared or went.
            *into = None;
            return;
        }
        if let Some(set) = into.as_mut() {
            set.insert(rel);
        }
    }
}

fn next_event(
    rx: &Receiver<notify::Result<notify::Event>>,
    root: &Path,
    stop: &dyn Fn() -> bool,
) -> Result<Change, ()> {
    let mut changed: Option<BTreeSet<String>> = Some(BTreeSet::new());
    let mut first: Option<Instant> = None;
    loop {
        let wait = if first.is_some() { QUIET } else { Duration::from_millis(200) };
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) => {
                paths_of(&event, root, &mut changed);
                if first.is_none() && changed.as_ref().is_none_or(|s| !s.is_empty()) {
                    first = Some(Instant::now());
                }
            }
            // Events were lost: anything may have changed.
            Ok(Err(_)) => {
                changed = None;
                first.get_or_insert_with(Instant::now);
            }
            Err(RecvTimeoutError::Timeout) if first.is_some() => return Ok(changed.map(|s| s.into_iter().collect())),
            Err(RecvTimeoutError::Timeout) if stop() => return Err(()),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err(()),
        }
        if first.is_some_and(|t| t.elapsed() >= AT_MOST) {
            return Ok(changed.map(|s| s.into_iter().collect()));
        }
    }
}

/// Every source file's size and change time, by path relative to the root.
pub type Fingerprint = BTreeMap<String, (u64, Option<SystemTime>)>;

fn fingerprint(root: &Path) -> Fingerprint {
    let mut v = BTreeMap::new();
    for sub in SOURCES {
        for e in walkdir::WalkDir::new(root.join(sub)).into_iter().filter_map(Result::ok) {
            if let Ok(m) = e.metadata() {
                if m.is_file() && !crate::load::ignored(&e.file_name().to_string_lossy()) {
                    v.insert(crate::load::rel_path(root, e.path()), (m.len(), m.modified().ok()));
                }
            }
        }
    }
    v
}

fn next_poll(root: &Path, last: &mut Fingerprint, stop: &dyn Fn() -> bool) -> Result<Change, ()> {
    loop {
        std::thread::sleep(POLL);
        if stop() {
            return Err(());
        }
        let now = fingerprint(root);
        if now != *last {
            // Let an editor finish saving.
            std::thread::sleep(Duration::from_millis(100));
            let now = fingerprint(root);
            let mut changed: BTreeSet<String> = BTreeSet::new();
            changed.extend(now.iter().filter(|(k, v)| last.get(*k) != Some(v)).map(|(k, _)| k.clone()));
            changed.extend(last.keys().filter(|k| !now.contains_key(*k)).cloned());
            *last = now;
            return Ok(Some(changed.into_iter().collect()));
        }
    }
}
