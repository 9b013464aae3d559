//! Which folders bantin may write: the output of a build (never the site
//! root or above it, never inside the sources, never a folder bantin did
//! not write, never through a link) and the file of an archive (never over
//! anything but an earlier bantin archive).

use super::{io_err, WriteError, MARKER};
use crate::diag::messages::Unsafe;
use std::fs;
use std::path::{Path, PathBuf};

/// An absolute, `..`-free form of `p` (which need not exist yet).
pub(super) fn absolute(p: &Path) -> PathBuf {
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
