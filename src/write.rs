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
//!   `.public.bantin-lock` beside it from staging to swap, and a second
//!   build fails with a clear message instead of mixing its files in.
//!
//! bantin refuses to replace a folder it did not write (one with files but
//! no `.bantin` marker), or one that holds the site's sources.

use crate::diag::messages::{Build, Unsafe};
use crate::render::{Output, OutputData};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.display().to_string(), source }
}

/// An absolute, `..`-free form of `p` (which need not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks of the part that exists.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        real.push(name);
    }
    real
}

/// Refuses an output folder that would destroy sources or foreign files.
pub fn check_target(root: &Path, out: &Path) -> Result<(), WriteError> {
    let root = absolute(root);
    let out_abs = absolute(out);
    let unsafe_ = |why: Unsafe| Err(WriteError::Unsafe { path: out.display().to_string(), why });
    if root.starts_with(&out_abs) {
        return unsafe_(Unsafe::RootOrAbove);
    }
    // Only a folder is replaced: never a file, a device, a pipe, a socket,
    // nor a link (whatever it leads to).
    if let Some(why) = sources_or_link(&root, out, &out_abs) {
        return unsafe_(why);
    }
    if let Ok(meta) = fs::metadata(&out_abs) {
        if meta.is_file() {
            return unsafe_(Unsafe::IsAFile);
        }
        if !meta.is_dir() {
            return unsafe_(Unsafe::NotAFolder);
        }
    }
    if out_abs.is_dir() && !out_abs.join(MARKER).is_file() {
        let foreign = fs::read_dir(&out_abs).map_err(io_err(out))?.next().is_some();
        if foreign {
            return unsafe_(Unsafe::NotBantins);
        }
    }
    Ok(())
}

/// Whether `out` may receive an archive of the site at `root`: not inside
/// its sources, not over a folder, a link, a device, nor over a file that
/// is not an earlier bantin archive (a zip holding a `MANIFEST.sha256`).
pub fn check_archive_target(root: &Path, out: &Path) -> Result<(), WriteError> {
    let (root, out_abs) = (absolute(root), absolute(out));
    let unsafe_ = |why: Unsafe| Err(WriteError::Unsafe { path: out.display().to_string(), why });
    if let Some(why) = sources_or_link(&root, out, &out_abs) {
        return unsafe_(why);
    }
    let Ok(meta) = fs::metadata(&out_abs) else { return Ok(()) };
    if !meta.is_file() {
        return unsafe_(Unsafe::NotAFile);
    }
    // Only the zip's directory is read, not the whole file.
    let file = fs::File::open(&out_abs).map_err(io_err(out))?;
    let archive = zip::ZipArchive::new(file)
        .is_ok_and(|z| z.file_names().any(|n| n.is_ok_and(|n| n.ends_with("/MANIFEST.sha256"))));
    if !archive {
        return unsafe_(Unsafe::NotAnArchive);
    }
    Ok(())
}

/// An output inside the site's sources, or given as a symbolic link
/// (`out_abs` has its links resolved: `out` itself is looked at for one).
fn sources_or_link(root: &Path, out: &Path, out_abs: &Path) -> Option<Unsafe> {
    let inside = ["content", "templates", "themes"].into_iter().find(|f| out_abs.starts_with(root.join(f)));
    if let Some(folder) = inside {
        return Some(Unsafe::InsideSources { folder });
    }
    fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()).then_some(Unsafe::Link)
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
/// swaps it in whole, [`Staging::abort`] (or dropping it) throws it away.
pub struct Staging {
    fresh: PathBuf,
    old: PathBuf,
    out: PathBuf,
    done: bool,
    /// Held from [`Staging::begin`] until the staging is dropped: the
    /// output's lock (released by the system when the file is closed,
    /// also when the process is killed).
    _lock: fs::File,
    /// Folders made so far, so a file's folder is not looked for on disk
    /// again for every file in it.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

/// The files bantin keeps beside an output folder: the staging folder, the
/// old output during a two-rename swap, and the lock.
struct Beside {
    fresh: PathBuf,
    old: PathBuf,
    lock: PathBuf,
}

impl Beside {
    fn of(out: &Path) -> Beside {
        let parent = out.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let at = |what: &str| parent.join(format!(".{name}.bantin-{what}"));
        Beside { fresh: at("new"), old: at("old"), lock: at("lock") }
    }
}

/// Takes the output's lock, or says another build holds it.
fn lock(out: &Path, lock: &Path) -> Result<fs::File, WriteError> {
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock).map_err(io_err(lock))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(WriteError::Busy { path: out.display().to_string() }),
        Err(fs::TryLockError::Error(e)) => Err(io_err(lock)(e)),
    }
}

/// Mends what a run killed during a two-rename swap left: no output but
/// the old one aside is put back. Then clears earlier staging.
fn recover(out: &Path, beside: &Beside) -> Result<(), WriteError> {
    if fs::symlink_metadata(out).is_err() && beside.old.join(MARKER).is_file() {
        fs::rename(&beside.old, out).map_err(io_err(out))?;
    }
    for stale in [&beside.fresh, &beside.old] {
        if fs::symlink_metadata(stale).is_ok() {
            fs::remove_dir_all(stale).map_err(io_err(stale))?;
        }
    }
    Ok(())
}

/// Mends what an earlier run killed during a swap left beside `out` (see
/// the module's header), under the output's lock. A build calls it first,
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

impl Staging {
    /// Takes the output's lock and prepares an empty folder beside `out`.
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        let out = absolute(out);
        let beside = Beside::of(&out);
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        let lock = lock(&out, &beside.lock)?;
        recover(&out, &beside)?;
        fs::create_dir(&beside.fresh).map_err(io_err(&beside.fresh))?;
        Ok(Staging { fresh: beside.fresh, old: beside.old, out, done: false, _lock: lock, made: Default::default() })
    }

    /// Writes one file into the new output (from any thread).
    pub fn put(&self, f: &Output) -> Result<(), WriteError> {
        let target = self.fresh.join(&f.path);
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
            OutputData::Bytes(b) => fs::write(&target, b),
            OutputData::Static(b) => fs::write(&target, b),
            OutputData::Copy(src) => fs::copy(src, &target).map(|_| ()),
            // A hard link costs nothing; a cache on another file system is
            // copied. Nothing writes into a published file, so the cache
            // entry stays as made.
            OutputData::Cached(src) => fs::hard_link(src, &target).or_else(|_| fs::copy(src, &target).map(|_| ())),
        }
        .map_err(io_err(&target))
    }

    /// Marks the new output as bantin's and swaps it in for the old one.
    pub fn commit(mut self) -> Result<Swapped, WriteError> {
        let marker = self.fresh.join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(io_err(&marker))?;
        self.done = true;
        swap(&self.fresh, &self.out, &self.old)
    }

    /// Throws the new output away; the old one stays as it was.
    pub fn abort(mut self) {
        self.done = true;
        let _ = fs::remove_dir_all(&self.fresh);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.fresh);
        }
    }
}

/// Writes `files` as the new content of `out`, atomically.
pub fn output(out: &Path, files: &[Output]) -> Result<Swapped, WriteError> {
    let staging = Staging::begin(out)?;
    files.par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit()
}

/// How the new output took the old one's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swapped {
    /// There was no output before: one rename.
    Placed,
    /// Both folders exchanged at once (`renameat2`, Linux).
    Exchanged,
    /// Two renames, the old output moved aside first.
    TwoRenames,
}

fn swap(fresh: &Path, out: &Path, old: &Path) -> Result<Swapped, WriteError> {
    if fs::symlink_metadata(out).is_err() {
        fs::rename(fresh, out).map_err(io_err(out))?;
        return Ok(Swapped::Placed);
    }
    if exchange(fresh, out) {
        // `fresh` now holds the old output.
        fs::remove_dir_all(fresh).map_err(io_err(fresh))?;
        return Ok(Swapped::Exchanged);
    }
    fs::rename(out, old).map_err(io_err(out))?;
    if let Err(e) = fs::rename(fresh, out) {
        let _ = fs::rename(old, out);
        return Err(io_err(out)(e));
    }
    fs::remove_dir_all(old).map_err(io_err(old))?;
    Ok(Swapped::TwoRenames)
}

/// Exchanges two folders at once; `false` where the system or the file
/// system cannot (nothing is changed then).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (CString::new(a.as_os_str().as_bytes()), CString::new(b.as_os_str().as_bytes())) else {
        return false;
    };
    // SAFETY: both paths are NUL-terminated strings that live across the
    // call; renameat2 reads them and touches no memory of ours.
    let done =
        unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    done == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
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
