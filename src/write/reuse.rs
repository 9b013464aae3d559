//! The previous output, kept beside the output (`.public.bantin-reuse`) and
//! brought up to date by the next build instead of written anew.
//!
//! The rule: a file is written only where the kept tree does not already
//! hold exactly its bytes, and what the build does not make is deleted at
//! the end. Nothing about the kept tree is trusted: every file made is
//! compared by its bytes (not by its time, nor by a list written earlier),
//! and a file taken from the published output ([`OutputData::Cached`], by
//! the rule of [`super::record`]) is linked unless the kept tree's file is
//! that very file (same device and inode). So whatever state the tree was
//! left in (a build two runs old, a run killed half-way, a file edited by
//! hand) the output is byte for byte the one a build into an empty folder
//! writes. Links and special files found in it are removed before anything
//! else, never followed, so no write and no deletion ever leaves the tree.
//!
//! Unchanged files keep their inode and their time: a web server's cache,
//! `rsync` and backups see only what changed. A file taken from the
//! published output is shared by it and the kept tree (a hard link); no
//! build writes into an existing file (files in the way are removed
//! first), but a person editing the kept tree in place edits the site.

use crate::render::OutputData;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A kept tree being brought up to date: what it held when the build
/// began, less what the build has claimed so far.
pub(super) struct Kept {
    /// Files (by output path, `/`-separated) not yet claimed.
    files: Mutex<HashSet<String>>,
    /// Every folder found, relative to the tree.
    dirs: HashSet<String>,
    /// Files the build made that the tree already held, byte for byte.
    unchanged: AtomicUsize,
}

/// `rel` as an output path (`/`-separated), or `None` for a name no output
/// can have (not UTF-8).
fn output_path(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts.map(|p| p.join("/"))
}

impl Kept {
    /// Looks through the tree at `root`, removing what no build writes:
    /// symbolic links (never followed), special files, names that are not
    /// UTF-8.
    pub(super) fn scan(root: &Path) -> io::Result<Kept> {
        let mut files = HashSet::new();
        let mut dirs = HashSet::new();
        let mut walk = walkdir::WalkDir::new(root).min_depth(1).follow_links(false).into_iter();
        while let Some(entry) = walk.next() {
            let entry = entry.map_err(io::Error::other)?;
            let kind = entry.file_type();
            let rel = output_path(entry.path().strip_prefix(root).map_err(io::Error::other)?);
            match rel {
                Some(rel) if kind.is_dir() => {
                    dirs.insert(rel);
                }
                Some(rel) if kind.is_file() => {
                    files.insert(rel);
                }
                _ if kind.is_dir() => {
                    walk.skip_current_dir();
                    fs::remove_dir_all(entry.path())?;
                }
                _ => fs::remove_file(entry.path())?,
            }
        }
        Ok(Kept { files: Mutex::new(files), dirs, unchanged: AtomicUsize::new(0) })
    }

    /// The folders of the tree, for the staging's list of folders made.
    pub(super) fn folders<'a>(&'a self, root: &'a Path) -> impl Iterator<Item = PathBuf> + 'a {
        self.dirs.iter().map(move |d| root.join(d))
    }

    /// Claims the tree's file at `path` for the build: `true` when it holds
    /// exactly `data`'s bytes already (nothing to write); otherwise clears
    /// the way for writing it: whatever is at `path`, or at a folder of it
    /// that is a file in the tree, is removed.
    pub(super) fn claim(&self, root: &Path, path: &str, data: &OutputData) -> io::Result<bool> {
        let target = root.join(path);
        let mut files = self.files.lock().map_err(|_| io::Error::other("poisoned"))?;
        // A file where this output needs a folder.
        for (i, _) in path.match_indices('/') {
            if files.remove(&path[..i]) {
                fs::remove_file(root.join(&path[..i]))?;
            }
        }
        let held = files.remove(path);
        drop(files);
        if !held {
            // A folder where this output needs a file.
            if self.dirs.contains(path) && target.is_dir() {
                fs::remove_dir_all(&target)?;
            }
            return Ok(false);
        }
        if holds(&target, data)? {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(true);
        }
        // Removed, not overwritten: the old file may be a hard link to a
        // photo in the cache or to a file of the published output, which
        // must stay as they are.
        fs::remove_file(&target)?;
        Ok(false)
    }

    /// How many files the build found already written.
    pub(super) fn unchanged(&self) -> usize {
        self.unchanged.load(Ordering::Relaxed)
    }

    /// Deletes the files the build did not make, then the folders left
    /// empty (deepest first), never `root` itself.
    pub(super) fn prune(self, root: &Path) -> io::Result<()> {
        let files = self.files.into_inner().map_err(|_| io::Error::other("poisoned"))?;
        for rel in &files {
            match fs::remove_file(root.join(rel)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        let mut dirs: Vec<&String> = self.dirs.iter().collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
        for d in dirs {
            // Fails, as it should, on a folder that still holds a file.
            let _ = fs::remove_dir(root.join(d));
        }
        Ok(())
    }
}

/// Whether the file at `target` holds exactly the bytes of `data`.
fn holds(target: &Path, data: &OutputData) -> io::Result<bool> {
    let meta = fs::symlink_metadata(target)?;
    match data {
        OutputData::Bytes(b) => same_bytes(target, meta.len(), b),
        OutputData::Static(b) => same_bytes(target, meta.len(), b),
        OutputData::Copy(src) => same_file(src, target, meta.len()),
        // On the same file system a link costs less than a comparison.
        OutputData::Cached(src) => match same_inode(src, &meta) {
            Some(same) => Ok(same),
            None => same_file(src, target, meta.len()),
        },
    }
}

/// Compared a block at a time: nothing as large as the file is allocated.
const BLOCK: usize = 64 * 1024;

fn same_bytes(target: &Path, len: u64, want: &[u8]) -> io::Result<bool> {
    if len != want.len() as u64 {
        return Ok(false);
    }
    let mut file = fs::File::open(target)?;
    let mut block = vec![0; BLOCK.min(want.len())];
    // A file that shrank meanwhile fails `read_exact`: not the same.
    Ok(want.chunks(BLOCK).all(|piece| {
        let got = &mut block[..piece.len()];
        file.read_exact(got).is_ok() && got == piece
    }))
}

fn same_file(src: &Path, target: &Path, len: u64) -> io::Result<bool> {
    if fs::metadata(src)?.len() != len {
        return Ok(false);
    }
    let (mut a, mut b) = (fs::File::open(src)?, fs::File::open(target)?);
    let (mut x, mut y) = (vec![0; BLOCK], vec![0; BLOCK]);
    let mut left = len;
    while left > 0 {
        let n = left.min(BLOCK as u64) as usize;
        let (x, y) = (&mut x[..n], &mut y[..n]);
        if a.read_exact(x).is_err() || b.read_exact(y).is_err() || x != y {
            return Ok(false);
        }
        left -= n as u64;
    }
    Ok(true)
}

/// Whether `target` is the file `src`: `Some` on the same file system
/// (where the file at `src` can be linked), `None` otherwise.
#[cfg(unix)]
fn same_inode(src: &Path, target: &fs::Metadata) -> Option<bool> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(src).ok()?;
    (m.dev() == target.dev()).then_some(m.ino() == target.ino())
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &fs::Metadata) -> Option<bool> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> OutputData {
        OutputData::Bytes(s.as_bytes().to_vec())
    }

    #[test]
    fn a_file_with_the_same_bytes_is_kept_and_one_with_other_bytes_is_cleared() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a")).unwrap();
        fs::write(dir.path().join("a/same.html"), "x").unwrap();
        fs::write(dir.path().join("a/other.html"), "x").unwrap();
        let kept = Kept::scan(dir.path()).unwrap();
        assert!(kept.claim(dir.path(), "a/same.html", &bytes("x")).unwrap());
        assert!(!kept.claim(dir.path(), "a/other.html", &bytes("y")).unwrap());
        assert!(!dir.path().join("a/other.html").exists(), "cleared for writing");
        assert!(!kept.claim(dir.path(), "a/new.html", &bytes("y")).unwrap());
        assert_eq!(kept.unchanged(), 1);
    }

    #[test]
    fn what_the_build_does_not_make_is_deleted_with_the_folders_left_empty() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("gone/deep")).unwrap();
        fs::create_dir_all(dir.path().join("kept")).unwrap();
        fs::write(dir.path().join("gone/deep/index.html"), "x").unwrap();
        fs::write(dir.path().join("kept/index.html"), "x").unwrap();
        fs::write(dir.path().join("kept/old.css"), "x").unwrap();
        let kept = Kept::scan(dir.path()).unwrap();
        assert!(kept.claim(dir.path(), "kept/index.html", &bytes("x")).unwrap());
        kept.prune(dir.path()).unwrap();
        assert!(!dir.path().join("gone").exists());
        assert!(!dir.path().join("kept/old.css").exists());
        assert!(dir.path().join("kept/index.html").is_file());
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_and_a_folder_in_the_way_of_a_file_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("was-a-file"), "x").unwrap();
        fs::create_dir_all(dir.path().join("was-a-folder/x")).unwrap();
        let kept = Kept::scan(dir.path()).unwrap();
        assert!(!kept.claim(dir.path(), "was-a-file/index.html", &bytes("y")).unwrap());
        assert!(!dir.path().join("was-a-file").exists());
        assert!(!kept.claim(dir.path(), "was-a-folder", &bytes("y")).unwrap());
        assert!(!dir.path().join("was-a-folder").exists());
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_tree_are_removed_unfollowed() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("precious"), "keep me").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("folder-link")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("precious"), dir.path().join("file-link")).unwrap();
        let kept = Kept::scan(dir.path()).unwrap();
        assert!(!kept.claim(dir.path(), "folder-link/precious", &bytes("y")).unwrap());
        kept.prune(dir.path()).unwrap();
        assert!(fs::symlink_metadata(dir.path().join("folder-link")).is_err());
        assert!(fs::symlink_metadata(dir.path().join("file-link")).is_err());
        assert_eq!(fs::read_to_string(outside.path().join("precious")).unwrap(), "keep me");
    }

    #[test]
    fn files_are_compared_to_the_last_byte_across_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let long: Vec<u8> = (0..3 * BLOCK + 7).map(|i| (i % 251) as u8).collect();
        fs::write(dir.path().join("copy.bin"), &long).unwrap();
        for at in [0, BLOCK - 1, BLOCK, 3 * BLOCK + 6] {
            let mut other = long.clone();
            other[at] ^= 1;
            fs::write(dir.path().join("kept.bin"), &other).unwrap();
            let kept = dir.path().join("kept.bin");
            assert!(!same_bytes(&kept, other.len() as u64, &long).unwrap(), "differs at {at}");
            assert!(!same_file(&dir.path().join("copy.bin"), &kept, other.len() as u64).unwrap(), "differs at {at}");
        }
        let copy = dir.path().join("copy.bin");
        assert!(same_bytes(&copy, long.len() as u64, &long).unwrap());
        assert!(same_file(&copy, &copy, long.len() as u64).unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_link_to_the_cached_file_counts_as_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        fs::write(cache.path().join("photo.webp"), "pixels").unwrap();
        fs::hard_link(cache.path().join("photo.webp"), dir.path().join("photo.webp")).unwrap();
        let kept = Kept::scan(dir.path()).unwrap();
        let data = OutputData::Cached(cache.path().join("photo.webp"));
        assert!(kept.claim(dir.path(), "photo.webp", &data).unwrap());
    }
}
