//! The files under a site root: the sorted walk of a folder, and the one
//! rule for symbolic links that every read obeys (`build`, and `serve` on
//! every file it reads again): a file is read only from inside the root.

use super::AssetFile;
use crate::diag::messages::Files;
use crate::diag::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files bantin never reads: hidden ones, editors' backups (`name~`) and
/// the lock files Excel and LibreOffice keep beside an open workbook
/// (`~$name.xlsx`, `.~lock.name.xlsx#`).
pub fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with("~$")
}

/// Every file below `root/sub`, sorted by path; symlinks that lead outside
/// the root are refused.
pub fn walk(root: &Path, sub: &str, diags: &mut Diagnostics) -> Vec<AssetFile> {
    let dir = root.join(sub);
    if !dir.is_dir() {
        return Vec::new();
    }
    let canonical_root = real_root(root);
    let mut out = Vec::new();
    // Folders below the root reached through a symbolic link.
    let mut linked: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for entry in WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let rel = err.path().map(|p| rel_path(root, p)).unwrap_or_else(|| sub.to_string());
                let msg = if err.loop_ancestor().is_some() {
                    Files::SymlinkLoop
                } else {
                    Files::CannotRead { detail: err.to_string() }
                };
                diags.push(Diagnostic::error(rel, None, msg));
                continue;
            }
        };
        let parent_linked = entry.path().parent().is_some_and(|p| linked.contains(p));
        if entry.file_type().is_dir() {
            if entry.path_is_symlink()
                || parent_linked
                || (entry.depth() == 0 && has_symlink_parent(root, entry.path()))
            {
                linked.insert(entry.path().to_path_buf());
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = rel_path(root, entry.path());
        if rel.contains(char::is_control) {
            // It would reach a page's links and the terminal.
            diags.push(Diagnostic::error(rel, None, Files::ControlInName));
            continue;
        }
        if (entry.path_is_symlink() || parent_linked) && inside_root(&canonical_root, entry.path()).is_none() {
            diags.push(Diagnostic::error(rel, None, Files::SymlinkOutside));
            continue;
        }
        if ignored(&entry.file_name().to_string_lossy()) {
            continue;
        }
        out.push(AssetFile { rel, abs: entry.path().to_path_buf() });
    }
    out
}

/// The rule for symbolic links, one for every read of `build` and `serve`:
/// a file is read only when its real path (every link on the way resolved)
/// lies inside the real path of the root ([`real_root`]). Gives that real
/// path, to be read instead of the one given; `None` for a file outside
/// the root, a dangling link, or a file that is gone.
pub fn inside_root(real_root: &Path, path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().filter(|real| real.starts_with(real_root))
}

/// The real path of a site root, as [`inside_root`] compares with.
pub fn real_root(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

fn has_symlink_parent(root: &Path, path: &Path) -> bool {
    let mut p = path.parent();
    while let Some(dir) = p {
        if dir == root {
            return false;
        }
        if dir.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
        p = dir.parent();
    }
    false
}

/// `path` relative to `root`, `/`-separated (as files are named in messages).
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}
