//! The cache of made photos, outside the output: `<root>/.bantin-cache/`
//! (`bantin init` puts it in `.gitignore`; deleting it only costs time).
//!
//! - `photos/<2 hex>/<sha256 of the source>-<settings>/`: one entry per
//!   source's bytes and [`SETTINGS`](super::make::SETTINGS), holding the
//!   variants (`480.jpg`…) and `made`, their list, written last. An entry
//!   is used only when `made` lists files of the right length that start
//!   and end as a JPEG or PNG must; anything else is made again, so a
//!   stale or damaged entry is never published.
//! - `photos/sources`: what each source's bytes hash to, by its path, size
//!   and modification time, so a rebuild reads no unchanged photo (the way
//!   git's index trusts a file's size and time).

use super::make::{Made, SETTINGS};
use crate::model::Variant;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The cache's folder below the site root.
pub const DIR: &str = ".bantin-cache";

/// The photo cache of one site.
pub struct Cache {
    dir: PathBuf,
}

/// What the bytes of a source hashed to when it had this size and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub len: u64,
    pub modified: u128,
    pub hash: String,
}

impl Cache {
    pub fn at(root: &Path) -> Cache {
        Cache { dir: root.join(DIR).join("photos") }
    }

    fn entry(&self, hash: &str) -> PathBuf {
        self.dir.join(&hash[..2.min(hash.len())]).join(format!("{hash}-{SETTINGS}"))
    }

    /// The variants made of the source with `hash`, if its entry is whole.
    pub fn get(&self, hash: &str, ext: &str) -> Option<Vec<Variant>> {
        let entry = self.entry(hash);
        let made = fs::read_to_string(entry.join("made")).ok()?;
        let mut out = Vec::new();
        for line in made.lines() {
            let mut f = line.split(' ').map(str::parse::<u64>);
            let (Some(Ok(width)), Some(Ok(height)), Some(Ok(len)), None) = (f.next(), f.next(), f.next(), f.next())
            else {
                return None;
            };
            let file = entry.join(format!("{width}.{ext}"));
            if !whole(&file, len, ext).unwrap_or(false) {
                return None;
            }
            out.push(Variant { width: width as u32, height: height as u32, file });
        }
        (!out.is_empty()).then_some(out)
    }

    /// Stores the variants made of the source with `hash`.
    pub fn put(&self, hash: &str, ext: &str, made: &[Made]) -> io::Result<Vec<Variant>> {
        let entry = self.entry(hash);
        fs::create_dir_all(&entry)?;
        let mut list = String::new();
        let mut out = Vec::new();
        for m in made {
            let file = entry.join(format!("{}.{ext}", m.width));
            replace(&file, &m.bytes)?;
            list.push_str(&format!("{} {} {}\n", m.width, m.height, m.bytes.len()));
            out.push(Variant { width: m.width, height: m.height, file });
        }
        replace(&entry.join("made"), list.as_bytes())?;
        Ok(out)
    }

    /// The sources seen by earlier builds, by their path below the root.
    pub fn seen(&self) -> BTreeMap<String, Seen> {
        let text = fs::read_to_string(self.dir.join("sources")).unwrap_or_default();
        text.lines()
            .filter_map(|line| {
                let mut f = line.splitn(4, '\t');
                let (len, modified, hash, rel) = (f.next()?, f.next()?, f.next()?, f.next()?);
                let seen = Seen { len: len.parse().ok()?, modified: modified.parse().ok()?, hash: hash.to_string() };
                Some((rel.to_string(), seen))
            })
            .collect()
    }

    /// Remembers the sources of this build (and only those).
    pub fn remember(&self, seen: &BTreeMap<String, Seen>) -> io::Result<()> {
        let text: String =
            seen.iter().map(|(rel, s)| format!("{}\t{}\t{}\t{rel}\n", s.len, s.modified, s.hash)).collect();
        let before = fs::read_to_string(self.dir.join("sources")).ok();
        if before.as_deref() == Some(text.as_str()) || (before.is_none() && text.is_empty()) {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        replace(&self.dir.join("sources"), text.as_bytes())
    }
}

/// Writes `path` whole or not at all: into a file beside it (named after the
/// process and thread, so builds at once never share one), then renamed.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    let tmp = path.with_extension(format!("tmp{}-{thread}", std::process::id()));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Whether `file` has `len` bytes and starts and ends as its format must.
fn whole(file: &Path, len: u64, ext: &str) -> io::Result<bool> {
    let mut f = fs::File::open(file)?;
    if f.metadata()?.len() != len || len < 16 {
        return Ok(false);
    }
    let (mut head, mut tail) = ([0u8; 8], [0u8; 8]);
    f.read_exact(&mut head)?;
    f.seek(SeekFrom::End(-8))?;
    f.read_exact(&mut tail)?;
    Ok(match ext {
        "png" => head == *b"\x89PNG\r\n\x1a\n" && tail == *b"IEND\xae\x42\x60\x82",
        _ => head[..3] == [0xFF, 0xD8, 0xFF] && tail[6..] == [0xFF, 0xD9],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made() -> Vec<Made> {
        let jpeg = |n: u8| [vec![0xFF, 0xD8, 0xFF, 0xE0], vec![n; 20], vec![0xFF, 0xD9]].concat();
        vec![Made { width: 480, height: 360, bytes: jpeg(1) }, Made { width: 960, height: 720, bytes: jpeg(2) }]
    }

    #[test]
    fn an_entry_is_found_as_it_was_put() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        assert_eq!(cache.get("abcdef", "jpg"), None);
        let put = cache.put("abcdef", "jpg", &made()).unwrap();
        assert_eq!(cache.get("abcdef", "jpg"), Some(put));
    }

    #[test]
    fn a_cut_or_overwritten_variant_makes_the_entry_unusable() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let put = cache.put("abcdef", "jpg", &made()).unwrap();
        let bytes = fs::read(&put[1].file).unwrap();
        fs::write(&put[1].file, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(cache.get("abcdef", "jpg"), None, "cut short");
        fs::write(&put[1].file, vec![b'x'; bytes.len()]).unwrap();
        assert_eq!(cache.get("abcdef", "jpg"), None, "same length, not a JPEG");
        fs::write(put[0].file.parent().unwrap().join("made"), "480 360\n").unwrap();
        assert_eq!(cache.get("abcdef", "jpg"), None, "a list without lengths");
    }

    #[test]
    fn sources_are_remembered_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let seen: BTreeMap<String, Seen> =
            [("content/a b.jpg".to_string(), Seen { len: 3, modified: 7, hash: "ff".into() })].into();
        cache.remember(&seen).unwrap();
        assert_eq!(cache.seen(), seen);
    }
}
