//! `bantin archive`, `bantin verify` and `bantin keygen`: a self-contained,
//! verifiable zip of the site (or of one period's bulletins and what they
//! link to), and a signature that tells an office's archive from a forgery.
//!
//! The same site gives the same archive bytes: entries sorted by path under
//! one top folder, in the one layout [`zipfmt`] states (fixed timestamp
//! 1980-01-01 00:00, permissions 0644, no extra field, no comment).
//! `MANIFEST.sha256` in it lists every other file's SHA-256 in the format
//! of `sha256sum`. [`verify`] reads an archive once, front to back, never
//! whole into memory, within [`LIMITS`], and accepts only what bantin
//! writes; [`sign`] signs and checks archives in minisign's format.

mod manifest;
mod select;
pub mod sign;
mod verify;
mod zipfmt;

pub use sign::{SigningKey, SIGNATURE_SUFFIX};
pub use verify::{verify, verify_reader, Verification};

use crate::diag::messages::{Archive, Build, NameProblem};
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::assets::sha256_hex;
use crate::render::Output;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The manifest's name inside the archive's top folder.
pub const MANIFEST: &str = "MANIFEST.sha256";

/// The most an archive holds: `bantin archive` writes nothing larger and
/// `bantin verify` reads nothing larger (README, "Bulletins and archives").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of the archive file (zip's 32-bit offsets: bantin writes no
    /// zip64 sizes).
    pub archive: u64,
    /// Entries, the manifest included.
    pub entries: usize,
    /// Bytes of one file, uncompressed.
    pub entry: u64,
    /// Bytes of all files together, uncompressed.
    pub total: u64,
    /// Bytes of one entry's name.
    pub name: usize,
}

/// The limits of every archive.
pub const LIMITS: Limits =
    Limits { archive: u32::MAX as u64, entries: 200_000, entry: 1 << 30, total: 16 << 30, name: 1024 };

/// What keeps `name` (a path with `/` between its parts) from being an
/// entry or a manifest path: it must unpack inside the folder it is
/// unpacked in, on any system, and fit on one manifest line.
pub fn name_problem(name: &str, limit: usize) -> Option<NameProblem> {
    let problem = if name.is_empty() {
        NameProblem::Empty
    } else if name.len() > limit {
        NameProblem::TooLong { limit }
    } else if name.chars().any(char::is_control) {
        NameProblem::Control
    } else if name.contains('\\') {
        NameProblem::Backslash
    } else if name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') {
        NameProblem::Absolute
    } else if name.split('/').any(|part| matches!(part, "" | "." | "..")) {
        NameProblem::BadPart
    } else {
        return None;
    };
    Some(problem)
}

/// The bytes of every output file (reading those copied from disk), by path.
pub fn contents(files: &[Output]) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    files.iter().map(|f| Ok((f.path.clone(), crate::write::bytes(f)?))).collect()
}

/// The manifest of `files`: one `<sha256>  <path>` line each, by path.
fn manifest_of(files: &BTreeMap<String, Vec<u8>>) -> String {
    files.iter().map(|(path, bytes)| format!("{}  {path}\n", sha256_hex(bytes))).collect()
}

/// Builds the zip of `files` under the top folder `top`, with its
/// manifest; refuses what [`verify`] would refuse.
pub fn zip_bytes(top: &str, files: &BTreeMap<String, Vec<u8>>) -> Result<Vec<u8>, Archive> {
    let limits = LIMITS;
    if files.len() >= limits.entries {
        return Err(Archive::TooManyFiles { count: files.len(), limit: limits.entries - 1 });
    }
    let mut total = 0u64;
    for (path, bytes) in files {
        if let Some(why) = name_problem(&format!("{top}/{path}"), limits.name) {
            return Err(Archive::UnsafeName { path: path.clone(), why });
        }
        let size = bytes.len() as u64;
        if size > limits.entry {
            return Err(Archive::FileTooBig { path: path.clone(), size, limit: limits.entry });
        }
        total += size;
    }
    let manifest = manifest_of(files);
    if total + manifest.len() as u64 > limits.total {
        return Err(Archive::TotalTooBig { limit: limits.total });
    }
    let mut entries: Vec<(String, &[u8])> = files.iter().map(|(p, b)| (format!("{top}/{p}"), b.as_slice())).collect();
    entries.push((format!("{top}/{MANIFEST}"), manifest.as_bytes()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let bytes = zipfmt::write(&entries);
    if bytes.len() as u64 > limits.archive {
        return Err(Archive::TooBig { limit: limits.archive });
    }
    Ok(bytes)
}

/// What `bantin archive` made.
#[derive(Debug)]
pub struct Archived {
    pub files: usize,
    pub bytes: usize,
    /// The SHA-256 of the archive file.
    pub sha256: String,
    /// The signature written beside it, with `--sign`.
    pub signature: Option<PathBuf>,
}

/// Builds the site at `root` and writes its archive (or one period's) to `out`.
pub fn create(root: &Path, period: Option<&str>, out: &Path) -> Result<Archived, Diagnostics> {
    create_signed(root, period, out, None)
}

/// [`create`], and with `key` its signature beside it (`<out>.minisig`).
/// Nothing is written when the site, the archive or the signature fails.
pub fn create_signed(
    root: &Path,
    period: Option<&str>,
    out: &Path,
    key: Option<&SigningKey>,
) -> Result<Archived, Diagnostics> {
    let one = |d: Diagnostic| {
        let mut all = Diagnostics::new();
        all.push(d);
        all
    };
    let at_out = |m: Archive| one(Diagnostic::error(out.display().to_string(), None, m));
    let refused = |e: crate::write::WriteError| one(Diagnostic::error(out.display().to_string(), None, e.message()));
    crate::write::check_archive_target(root, out).map_err(refused)?;
    let rendered = crate::render_site(root, false)?;
    let mut all = contents(&rendered.files).map_err(one)?;
    let top = match period {
        Some(p) => {
            let keep = select::period_selection(&all, p);
            if !keep.iter().any(|k| k.starts_with("bulletins/")) {
                return Err(one(Diagnostic::error("--period", None, Build::NoBulletinFor { period: p.to_string() })));
            }
            all.retain(|k, _| keep.contains(k));
            select::point_outside(&mut all, &rendered.site.settings.base_url);
            format!("bantin-{p}")
        }
        None => "bantin".to_string(),
    };
    let bytes = zip_bytes(&top, &all).map_err(at_out)?;
    let sha256 = sha256_hex(&bytes);
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let signature = key.map(|k| k.sign(&name, &sha256, &bytes)).transpose().map_err(at_out)?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| one(cannot_write(parent, e)))?;
    }
    crate::write::replace_file(out, &bytes).map_err(refused)?;
    let signature = match signature {
        Some(text) => {
            let path = sign::signature_path(out);
            crate::write::replace_file(&path, text.as_bytes()).map_err(refused)?;
            Some(path)
        }
        None => None,
    };
    Ok(Archived { files: all.len(), bytes: bytes.len(), sha256, signature })
}

/// The fuzz target `archive` (`fuzz/`, `scripts/fuzz.sh`): any bytes
/// through the reader of `verify`, which must not panic nor allocate more
/// than its limits allow.
#[doc(hidden)]
pub fn fuzz(data: &[u8]) {
    if let Ok(v) = verify_reader(std::io::Cursor::new(data), &LIMITS) {
        assert_eq!(v.sha256.len(), 64);
        assert!(!v.top.is_empty());
    }
}

fn cannot_write(path: &Path, e: std::io::Error) -> Diagnostic {
    let path = path.display().to_string();
    Diagnostic::error(path.clone(), None, Build::CannotWrite { path, detail: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn zips_are_deterministic_and_verifiable() {
        let files: BTreeMap<String, Vec<u8>> =
            [("b.html".to_string(), b"B".to_vec()), ("a/x.css".to_string(), b"A".to_vec())].into();
        let one = zip_bytes("top", &files).unwrap();
        assert_eq!(one, zip_bytes("top", &files).unwrap());
        let v = verify_reader(Cursor::new(&one), &LIMITS).unwrap();
        assert!(v.ok() && v.checked == 2 && v.top == "top", "{v:?}");
        assert_eq!(v.sha256, sha256_hex(&one));
    }

    #[test]
    fn names_that_could_unpack_elsewhere_are_refused() {
        let bad = [
            ("", NameProblem::Empty),
            ("a/../../etc/passwd", NameProblem::BadPart),
            ("../x", NameProblem::BadPart),
            ("a//b", NameProblem::BadPart),
            ("a/./b", NameProblem::BadPart),
            ("a/", NameProblem::BadPart),
            ("/etc/passwd", NameProblem::Absolute),
            ("C:/x", NameProblem::Absolute),
            ("a\\..\\b", NameProblem::Backslash),
            ("a\0b", NameProblem::Control),
            ("a\nb", NameProblem::Control),
        ];
        for (name, why) in bad {
            assert_eq!(name_problem(name, 1024), Some(why), "{name:?}");
        }
        assert_eq!(name_problem(&"a".repeat(1025), 1024), Some(NameProblem::TooLong { limit: 1024 }));
        for good in ["bantin/index.html", "bantin/districts/a/báo cáo.pdf", "top/a..b/.x"] {
            assert_eq!(name_problem(good, 1024), None, "{good}");
        }
    }

    #[test]
    fn files_an_archive_cannot_hold_are_refused_when_writing() {
        let files: BTreeMap<String, Vec<u8>> = [("a\\b.txt".to_string(), Vec::new())].into();
        assert!(matches!(zip_bytes("top", &files), Err(Archive::UnsafeName { why: NameProblem::Backslash, .. })));
    }
}
