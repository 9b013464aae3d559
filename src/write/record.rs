//! The record of an output (`.public.bantin-record`, beside it): for each
//! file made from fingerprinted inputs (pages and share cards, see
//! [`crate::render::earlier`]), the fingerprint and the file's identity as
//! the build left it: its device, inode, size, modification time and change
//! time.
//!
//! The rule: a file of the current output is taken for the same path of the
//! next build, linked instead of made again, only when
//! 1. the record was written by this very program (bantin's version and a
//!    hash of its executable: another bantin starts afresh);
//! 2. the new output's inputs have the recorded fingerprint;
//! 3. the file still has the recorded identity. A file edited, replaced or
//!    touched since, by anything, fails this: writing a file changes its
//!    change time, which only changing the system's clock could set back.
//!    A file that changed in the file system clock's current tick when the
//!    record is written is not recorded: it could change again within the
//!    tick unseen. A file taken that is no longer the one checked when the
//!    record is written (replaced during the build) is not recorded either.
//!
//! A record lost, stale or from another output only makes for more work:
//! every line is checked against the file it names. It is deleted before
//! an output is swapped in and written after, so it never outlives the
//! output it describes by more than a crash.

use crate::render::earlier::{Earlier, Fingerprint};
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const HEADER: &str = "bantin record 1";

/// What the previous build made, and what this one is making.
pub(super) struct Record {
    /// The output folder (the previous build's files).
    out: PathBuf,
    /// This program, or `None` where it cannot be told (nothing is kept).
    program: Option<String>,
    earlier: HashMap<String, (Fingerprint, Identity)>,
    /// What this build was asked about: what it makes from which inputs,
    /// and the identity of the previous output's file when it is taken.
    made: Mutex<Vec<(String, Fingerprint, Option<Identity>)>>,
}

/// A file as the build left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity([i64; 7]);

impl Identity {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Identity> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::symlink_metadata(path).ok().filter(fs::Metadata::is_file)?;
        let wide = |n: u64| n as i64;
        Some(Identity([
            wide(m.dev()),
            wide(m.ino()),
            wide(m.size()),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
        ]))
    }

    #[cfg(not(unix))]
    fn of(_: &Path) -> Option<Identity> {
        None
    }
}

impl Identity {
    /// When the file last changed: (seconds, nanoseconds).
    fn changed(&self) -> (i64, i64) {
        (self.0[5], self.0[6])
    }

    /// Whether `other` is the same file with the same contents' size and
    /// time (linking it changed its change time only).
    fn same_file(&self, other: &Identity) -> bool {
        self.0[..5] == other.0[..5]
    }
}

/// Whether a file that last changed at `changed` can be recorded when the
/// file system's clock reads `now`: only if it changed before. A file
/// changed within the clock's current tick (a few milliseconds, two seconds
/// on FAT) could change again in the same tick and keep its times, so it is
/// left out (and made again next time), as git does with racily clean files.
fn settled(changed: (i64, i64), now: (i64, i64)) -> bool {
    changed < now
}

/// This program: bantin's version and a hash of its executable (read a
/// block at a time).
fn program() -> Option<String> {
    use std::io::Read;
    let mut exe = fs::File::open(std::env::current_exe().ok()?).ok()?;
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    let mut block = vec![0u8; 1 << 20];
    loop {
        match exe.read(&mut block) {
            Ok(0) => break,
            Ok(n) => hash.update(&block[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(format!("{} {:032x}", env!("CARGO_PKG_VERSION"), hash.digest128()))
}

impl Record {
    /// The record at `file` of the output `out`; empty when there is none,
    /// it is another program's, or it cannot be read.
    pub(super) fn load(out: &Path, file: &Path) -> Record {
        let program = program();
        let text = fs::read_to_string(file).unwrap_or_default();
        let mut lines = text.lines();
        let mine = program.as_ref().is_some_and(|p| {
            lines.next() == Some(HEADER) && lines.next().and_then(|l| l.strip_prefix("program ")) == Some(p)
        });
        let earlier = if mine { lines.filter_map(parse_line).collect() } else { HashMap::new() };
        Record { out: out.to_path_buf(), program, earlier, made: Mutex::new(Vec::new()) }
    }

    /// Writes what this build made, as the files of `out` now are, to
    /// `file` (through a temporary file renamed into place).
    pub(super) fn save(self, file: &Path) -> io::Result<()> {
        let Some(program) = &self.program else { return Ok(()) };
        let mut made = self.made.into_inner().map_err(|_| io::Error::other("poisoned"))?;
        made.sort_by(|a, b| a.0.cmp(&b.0));
        let temp = file.with_extension("bantin-record-new");
        // Whatever is there (a link, a file of a run killed here) is
        // replaced, never written through.
        match fs::remove_file(&temp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut f = fs::File::create_new(&temp)?;
        // The file system's clock, now: its change time.
        let Some(now) = Identity::of(&temp).map(|i| i.changed()) else { return Ok(()) };
        let mut text = format!("{HEADER}\nprogram {program}\n");
        for (path, inputs, taken) in &made {
            if path.contains(['\n', '\r']) {
                continue;
            }
            let identity = Identity::of(&self.out.join(path))
                .filter(|i| settled(i.changed(), now))
                .filter(|i| taken.is_none_or(|t| t.same_file(i)));
            if let Some(Identity(id)) = identity {
                text.push_str(&format!("{:032x}", inputs.0));
                for n in id {
                    text.push(' ');
                    text.push_str(&n.to_string());
                }
                text.push(' ');
                text.push_str(path);
                text.push('\n');
            }
        }
        f.write_all(text.as_bytes())?;
        drop(f);
        fs::rename(&temp, file)
    }
}

/// `<fingerprint, 32 hex digits> <7 numbers> <path>`.
fn parse_line(line: &str) -> Option<(String, (Fingerprint, Identity))> {
    let mut parts = line.splitn(9, ' ');
    let fp = u128::from_str_radix(parts.next().filter(|h| h.len() == 32)?, 16).ok()?;
    let mut id = [0i64; 7];
    for n in &mut id {
        *n = parts.next()?.parse().ok()?;
    }
    let path = parts.next()?;
    Some((path.to_string(), (Fingerprint(fp), Identity(id))))
}

impl Earlier for Record {
    fn file(&self, path: &str, inputs: &Fingerprint) -> Option<PathBuf> {
        let file = self.out.join(path);
        let taken = self
            .earlier
            .get(path)
            .filter(|(recorded, _)| recorded == inputs)
            .and_then(|(_, identity)| Identity::of(&file).filter(|now| now == identity));
        if let Ok(mut made) = self.made.lock() {
            made.push((path.to_string(), *inputs, taken));
        }
        taken.map(|_| file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(n: u8) -> Fingerprint {
        Fingerprint(u128::from(n) * 0x0101_0101)
    }

    /// Writes `files` into a fresh output, records them as made from `fp(1)`.
    fn recorded(files: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("a")).unwrap();
        let record = Record::load(&out, &dir.path().join("record"));
        for f in files {
            fs::write(out.join(f), f.as_bytes()).unwrap();
            assert_eq!(record.file(f, &fp(1)), None, "nothing recorded yet");
        }
        // Changed a tick before the record is written (see `settled`).
        std::thread::sleep(std::time::Duration::from_millis(30));
        record.save(&dir.path().join("record")).unwrap();
        let file = dir.path().join("record");
        (dir, out, file)
    }

    #[test]
    fn a_file_made_from_the_same_inputs_and_untouched_is_taken() {
        let (_dir, out, file) = recorded(&["a/index.html", "card.png"]);
        let record = Record::load(&out, &file);
        assert_eq!(record.file("a/index.html", &fp(1)), Some(out.join("a/index.html")));
        assert_eq!(record.file("card.png", &fp(2)), None, "other inputs");
        assert_eq!(record.file("b/index.html", &fp(1)), None, "not recorded");
    }

    #[test]
    fn a_file_written_since_is_made_again_even_with_its_time_set_back() {
        let (_dir, out, file) = recorded(&["a/index.html"]);
        let path = out.join("a/index.html");
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, b"a/index.htmX").unwrap();
        fs::File::options().write(true).open(&path).unwrap().set_modified(before).unwrap();
        assert_eq!(Record::load(&out, &file).file("a/index.html", &fp(1)), None);
    }

    #[test]
    fn a_file_changed_in_the_clocks_current_tick_is_not_recorded() {
        assert!(settled((100, 5), (100, 6)));
        assert!(settled((99, 999_999_999), (100, 0)));
        assert!(!settled((100, 6), (100, 6)), "the same tick: it could still change unseen");
        assert!(!settled((101, 0), (100, 6)));
    }

    #[test]
    fn a_file_replaced_is_made_again() {
        let (_dir, out, file) = recorded(&["a/index.html"]);
        let path = out.join("a/index.html");
        fs::remove_file(&path).unwrap();
        fs::write(&path, b"a/index.html").unwrap();
        assert_eq!(Record::load(&out, &file).file("a/index.html", &fp(1)), None);
    }

    #[test]
    fn a_record_of_another_program_or_broken_holds_nothing() {
        let (_dir, out, file) = recorded(&["a/index.html"]);
        let text = fs::read_to_string(&file).unwrap();
        let other = text.replacen("program ", "program 0.0.0 ", 1);
        fs::write(&file, other).unwrap();
        assert_eq!(Record::load(&out, &file).file("a/index.html", &fp(1)), None);
        let broken: String = text.lines().take(2).chain(["zz 1 2 a/index.html"]).collect::<Vec<_>>().join("\n");
        fs::write(&file, broken).unwrap();
        assert_eq!(Record::load(&out, &file).file("a/index.html", &fp(1)), None);
    }
}
