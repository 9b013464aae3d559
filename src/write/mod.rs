//! Stage 6, write: the only code that touches the output folder.
//!
//! The new site is written into a sibling folder (`.public.bantin-new`),
//! then swapped in, so the output is either the last good build or the new
//! one, never half of each, never missing:
//! - on Linux one `renameat2(RENAME_EXCHANGE)` swaps the two folders at
//!   once; where the file system cannot (or on other systems) two renames
//!   move the old output aside (`.public.bantin-old`) and the new one in,
//!   and a run killed between them is mended by the next one, which puts
//!   the old output back before anything else;
//! - one build at a time writes an output: each holds an advisory lock on
//!   `.public.bantin-lock` beside it from the start of its staging (made
//!   while the site is read) to the swap, and a second build fails with a
//!   clear message instead of mixing its files in;
//! - a build that reuses ([`Staging::reusing`], the default of `bantin
//!   build`) keeps the output it replaced beside it
//!   (`.public.bantin-reuse`) and starts the next build's staging from it,
//!   writing only the files whose bytes differ ([`reuse`] states the rule);
//!   it also records what each page and card was made from
//!   (`.public.bantin-record`), so the next build links the published file
//!   made from the same inputs instead of making it again ([`record`]
//!   states the rule); no file is ever written into in place (the kept and
//!   the published trees share such files).
//!
//! bantin refuses to replace a folder it did not write (one with files but
//! no `.bantin` marker), or one that holds the site's sources
//! ([`target`]).

mod beside;
mod record;
mod reuse;
mod swap;
mod target;

use target::absolute;
pub use target::{check_archive_target, check_target};

use crate::diag::messages::{Build, Unsafe};
use crate::render::{Output, OutputData};
use beside::{forget_record, lock, ours, recover, Beside};
pub use beside::{holder, mend};
use rayon::prelude::*;
use record::Record;
use reuse::Kept;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use swap::swap;
pub use swap::Swapped;

/// The marker file bantin leaves in every output folder it writes.
pub const MARKER: &str = ".bantin";
const MARKER_TEXT: &str = "This folder is written by `bantin build` and replaced whole on every build.\n";

/// Why the output could not be written.
#[derive(Debug)]
pub enum WriteError {
    Unsafe {
        path: String,
        why: Unsafe,
    },
    /// Another build holds the output's lock.
    Busy {
        path: String,
    },
    Io {
        path: String,
        source: io::Error,
    },
}

impl WriteError {
    /// The message of the catalogue that says what went wrong.
    pub fn message(&self) -> Build {
        match self {
            WriteError::Unsafe { path, why } => Build::Refused { path: path.clone(), why: why.clone() },
            WriteError::Busy { path } => Build::OutputBusy { path: path.clone() },
            WriteError::Io { path, source } => Build::CannotWrite { path: path.clone(), detail: source.to_string() },
        }
    }
}

/// In English, as the catalogue words it.
impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::diag::Message::from(self.message()).text(crate::text::lang::Lang::En))
    }
}

impl std::error::Error for WriteError {}

pub(super) fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.display().to_string(), source }
}

/// Writes a whole file (an archive) or nothing: into a file beside it,
/// then renamed over it.
pub fn replace_file(out: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let out = absolute(out);
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = out.with_file_name(format!(".{name}.bantin-new"));
    fs::write(&tmp, bytes).map_err(io_err(&tmp))?;
    fs::rename(&tmp, &out).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(&out)(e)
    })
}

/// A new output being written beside the old one; [`Staging::commit`]
/// swaps it in whole, [`Staging::abort`] (or dropping it) leaves the old
/// output as it was and throws the new one away (or, when reusing, keeps
/// it as the next build's starting point: see [`reuse`]).
pub struct Staging {
    fresh: PathBuf,
    old: PathBuf,
    out: PathBuf,
    /// Where the replaced output is kept, if the build reuses.
    reuse: Option<PathBuf>,
    /// The kept output the staging started from, being brought up to date.
    kept: Option<Kept>,
    /// What the previous build made from what, when reusing.
    record: Option<std::sync::Arc<Record>>,
    /// Where the record is kept.
    record_file: PathBuf,
    done: bool,
    /// Held from [`Staging::begin`] (or [`Staging::reusing`]) until the staging is dropped: the
    /// output's lock (released by the system when the file is closed,
    /// also when the process is killed).
    _lock: fs::File,
    /// Folders made so far, so a file's folder is not looked for on disk
    /// again for every file in it.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// Files of the published output linked into the new one (taken, by
    /// the rule of [`record`]).
    taken: std::sync::atomic::AtomicUsize,
}

impl Staging {
    /// Takes the output's lock and prepares an empty folder beside `out`.
    /// The output it replaces is deleted, and so are one an earlier build
    /// kept for reuse and the record of what it was made from.
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        let (staging, beside) = Staging::locked(out)?;
        if ours(&beside.reuse) {
            fs::remove_dir_all(&beside.reuse).map_err(io_err(&beside.reuse))?;
        }
        forget_record(&beside.record)?;
        fs::create_dir(&staging.fresh).map_err(io_err(&staging.fresh))?;
        Ok(staging)
    }

    /// [`Staging::begin`], but starting from the output an earlier build
    /// kept, if there is one, and keeping the output it replaces for the
    /// next build. The result is the same, byte for byte.
    pub fn reusing(out: &Path) -> Result<Staging, WriteError> {
        let (mut staging, beside) = Staging::locked(out)?;
        staging.reuse = Some(beside.reuse.clone());
        staging.record = Some(std::sync::Arc::new(Record::load(&staging.out, &beside.record)));
        if ours(&beside.reuse) && fs::rename(&beside.reuse, &staging.fresh).is_ok() {
            match Kept::scan(&staging.fresh) {
                Ok(kept) => {
                    staging.made = std::sync::Mutex::new(kept.folders(&staging.fresh).collect());
                    staging.kept = Some(kept);
                    return Ok(staging);
                }
                // Whatever went wrong with the kept copy, a build from an
                // empty folder is still right.
                Err(_) => fs::remove_dir_all(&staging.fresh).map_err(io_err(&staging.fresh))?,
            }
        }
        fs::create_dir(&staging.fresh).map_err(io_err(&staging.fresh))?;
        Ok(staging)
    }

    /// Takes the output's lock and mends what an earlier run left; the
    /// staging folder is not made yet.
    fn locked(out: &Path) -> Result<(Staging, Beside), WriteError> {
        let out = absolute(out);
        let beside = Beside::of(&out);
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        let lock = lock(&out, &beside.lock)?;
        recover(&out, &beside)?;
        let staging = Staging {
            fresh: beside.fresh.clone(),
            old: beside.old.clone(),
            out,
            reuse: None,
            kept: None,
            record: None,
            record_file: beside.record.clone(),
            done: false,
            _lock: lock,
            made: Default::default(),
            taken: Default::default(),
        };
        Ok((staging, beside))
    }

    /// What the previous build made, for the render to take files made
    /// from the same inputs (when reusing).
    pub fn earlier(&self) -> Option<std::sync::Arc<dyn crate::render::earlier::Earlier>> {
        self.record.clone().map(|r| r as std::sync::Arc<dyn crate::render::earlier::Earlier>)
    }

    /// How many of the files put so far were not written anew: the kept
    /// output held them byte for byte, or they are the published output's
    /// own files, taken.
    pub fn unchanged(&self) -> usize {
        let taken = self.taken.load(std::sync::atomic::Ordering::Relaxed);
        self.kept.as_ref().map_or(0, Kept::unchanged) + taken
    }

    /// Writes one file into the new output (from any thread).
    pub fn put(&self, f: &Output) -> Result<(), WriteError> {
        let target = self.fresh.join(&f.path);
        if let Some(kept) = &self.kept {
            if kept.claim(&self.fresh, &f.path, &f.data).map_err(io_err(&target))? {
                return Ok(());
            }
        }
        if let Some(parent) = target.parent() {
            let known = self.made.lock().map(|m| m.contains(parent)).unwrap_or(false);
            if !known {
                fs::create_dir_all(parent).map_err(io_err(parent))?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(parent.to_path_buf());
                }
            }
        }
        match &f.data {
            OutputData::Bytes(b) => write_new(&target, |file| file.write_all(b)),
            OutputData::Static(b) => write_new(&target, |file| file.write_all(b)),
            OutputData::Copy(src) => copy_new(src, &target),
            // A hard link costs nothing; a cache on another file system is
            // copied. Nothing writes into a file already there (see
            // `write_new`), so the cache entry, or the previous output's
            // file, stays as made.
            OutputData::Cached(src) => fs::hard_link(src, &target).or_else(|_| copy_new(src, &target)),
        }
        .map_err(io_err(&target))?;
        if matches!(&f.data, OutputData::Cached(src) if src.starts_with(&self.out)) {
            self.taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    }

    /// Marks the new output as bantin's and swaps it in for the old one.
    pub fn commit(mut self) -> Result<Swapped, WriteError> {
        self.put(&Output { path: MARKER.into(), data: OutputData::Static(MARKER_TEXT.as_bytes()) })?;
        if let Some(kept) = self.kept.take() {
            kept.prune(&self.fresh).map_err(io_err(&self.fresh))?;
        }
        self.done = true;
        // No record of the old output survives the swap; the new one's is
        // written once it is in place (a record describes files by their
        // identity: see [`record`]).
        forget_record(&self.record_file)?;
        let (swapped, replaced) = swap(&self.fresh, &self.out, &self.old)?;
        if let Some(replaced) = replaced {
            self.set_aside(&replaced)?;
        }
        if let Some(record) = self.record.take().and_then(std::sync::Arc::into_inner) {
            // Without a record the next build only does more work.
            let _ = record.save(&self.record_file);
        }
        Ok(swapped)
    }

    /// Throws the new output away; the old one stays as it was.
    pub fn abort(mut self) {
        self.done = true;
        self.set_aside(&self.fresh.clone()).unwrap_or(());
    }

    /// Keeps a tree of ours for the next build (when reusing, and none is
    /// kept yet), or deletes it.
    fn set_aside(&self, tree: &Path) -> Result<(), WriteError> {
        let keep = self.reuse.as_ref().filter(|r| tree.join(MARKER).is_file() && fs::symlink_metadata(r).is_err());
        if keep.is_some_and(|r| fs::rename(tree, r).is_ok()) {
            return Ok(());
        }
        fs::remove_dir_all(tree).map_err(io_err(tree))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.set_aside(&self.fresh.clone());
        }
    }
}

/// Writes a new file at `target`, never into one already there: the kept
/// output shares its unchanged files with the published one (hard links),
/// so a file in the way (a name that only differs in case, on a file system
/// that ignores case) is removed first.
fn write_new(target: &Path, write: impl FnOnce(&mut fs::File) -> io::Result<()>) -> io::Result<()> {
    let mut file = match fs::File::create_new(target) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(target)?;
            fs::File::create_new(target)?
        }
        other => other?,
    };
    write(&mut file)
}

/// Copies `src` to a new file at `target` (see [`write_new`]).
fn copy_new(src: &Path, target: &Path) -> io::Result<()> {
    let mut from = fs::File::open(src)?;
    write_new(target, |to| io::copy(&mut from, to).map(|_| ()))
}

/// Writes `files` as the new content of `out`, atomically.
pub fn output(out: &Path, files: &[Output]) -> Result<Swapped, WriteError> {
    let staging = Staging::begin(out)?;
    files.par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit()
}

/// The bytes an output file has, as they would be written: a file copied
/// from disk is read now (for archives and `serve`, which keep the output
/// in memory instead of writing it).
pub fn bytes(f: &crate::render::Output) -> Result<Vec<u8>, crate::diag::Diagnostic> {
    use crate::render::OutputData;
    Ok(match &f.data {
        OutputData::Bytes(b) => b.clone(),
        OutputData::Static(b) => b.to_vec(),
        OutputData::Copy(p) | OutputData::Cached(p) => std::fs::read(p).map_err(|e| {
            let problem = crate::diag::messages::Files::CannotRead { detail: e.to_string() };
            crate::diag::Diagnostic::error(p.display().to_string(), None, problem)
        })?,
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_way_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let published = dir.path().join("published.html");
        fs::write(&published, "the published page").unwrap();
        let staging = Staging::begin(&dir.path().join("public")).unwrap();
        // The kept tree's copy of a page shares the published file.
        fs::hard_link(&published, staging.fresh.join("index.html")).unwrap();
        let page = Output { path: "index.html".into(), data: OutputData::Bytes(b"the new page".to_vec()) };
        staging.put(&page).unwrap();
        let copied = Output { path: "index.html".into(), data: OutputData::Copy(published.clone()) };
        fs::hard_link(&published, staging.fresh.join("copy.html")).unwrap();
        staging.put(&Output { path: "copy.html".into(), ..copied }).unwrap();
        assert_eq!(fs::read_to_string(staging.fresh.join("index.html")).unwrap(), "the new page");
        assert_eq!(fs::read_to_string(&published).unwrap(), "the published page", "not written through");
        staging.abort();
    }
}
