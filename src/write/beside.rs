//! What bantin keeps beside an output folder (the staging folder, the old
//! output during a two-rename swap, the kept output, the record, the
//! lock), and the mending of what a run killed half-way left there.

use super::target::absolute;
use super::{io_err, WriteError, MARKER};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files bantin keeps beside an output folder: the staging folder, the
/// old output during a two-rename swap, the output kept for reuse, the
/// record of what the output was made from, and the lock.
pub(super) struct Beside {
    pub(super) fresh: PathBuf,
    pub(super) old: PathBuf,
    pub(super) reuse: PathBuf,
    pub(super) record: PathBuf,
    pub(super) lock: PathBuf,
}

impl Beside {
    pub(super) fn of(out: &Path) -> Beside {
        let parent = out.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let at = |what: &str| parent.join(format!(".{name}.bantin-{what}"));
        Beside { fresh: at("new"), old: at("old"), reuse: at("reuse"), record: at("record"), lock: at("lock") }
    }
}

/// The folder that holds the output folder `out`: where what bantin keeps
/// beside the output goes (also a large build's spool of texts, see
/// `text::spool`).
pub fn holder(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Takes the output's lock, or says another build holds it.
pub(super) fn lock(out: &Path, lock: &Path) -> Result<fs::File, WriteError> {
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock).map_err(io_err(lock))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(WriteError::Busy { path: out.display().to_string() }),
        Err(fs::TryLockError::Error(e)) => Err(io_err(lock)(e)),
    }
}

/// Mends what a run killed during a two-rename swap left: no output but
/// the old one aside is put back. Then clears earlier staging: a tree of
/// ours is kept for reuse if none is (a kept tree may hold anything: see
/// [`super::reuse`]), anything else there is deleted.
pub(super) fn recover(out: &Path, beside: &Beside) -> Result<(), WriteError> {
    if fs::symlink_metadata(out).is_err() && beside.old.join(MARKER).is_file() {
        fs::rename(&beside.old, out).map_err(io_err(out))?;
    }
    if ours(&beside.fresh) && fs::symlink_metadata(&beside.reuse).is_err() {
        let _ = fs::rename(&beside.fresh, &beside.reuse);
    }
    for stale in [&beside.fresh, &beside.old] {
        if fs::symlink_metadata(stale).is_ok() {
            fs::remove_dir_all(stale).map_err(io_err(stale))?;
        }
    }
    Ok(())
}

/// Mends what an earlier run killed during a swap left beside `out` (see
/// the header of [`super`]), under the output's lock. A build calls it first,
/// so the last good output is back even if this build then fails.
pub fn mend(out: &Path) -> Result<(), WriteError> {
    let out = absolute(out);
    let beside = Beside::of(&out);
    if !beside.lock.exists() {
        return Ok(());
    }
    let _lock = lock(&out, &beside.lock)?;
    recover(&out, &beside)
}

/// Deletes the record of what an output was made from, if there is one.
pub(super) fn forget_record(file: &Path) -> Result<(), WriteError> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_err(file)(e)),
        _ => Ok(()),
    }
}

/// Whether `tree` is a folder bantin wrote (not a link, marked).
pub(super) fn ours(tree: &Path) -> bool {
    fs::symlink_metadata(tree).is_ok_and(|m| m.is_dir()) && tree.join(MARKER).is_file()
}
