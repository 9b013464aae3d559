//! `bantin archive` and `bantin verify`: a self-contained, verifiable zip of
//! the site (or of one period's bulletins and what they link to).
//!
//! The same site gives the same archive bytes: entries sorted by path, a
//! fixed timestamp (1980-01-01 00:00) and permissions (0644), one top
//! folder. `MANIFEST.sha256` in it lists every other file's SHA-256 in the
//! format of `sha256sum`, so an archive can be checked with bantin or with
//! `sha256sum -c`.

use crate::diag::messages::{Build, Files, Unverifiable};
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::assets::sha256_hex;
use crate::render::links::resolve;
use crate::render::{Output, OutputData};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The manifest's name inside the archive's top folder.
pub const MANIFEST: &str = "MANIFEST.sha256";

/// The bytes of every output file (reading those copied from disk), by path.
pub fn contents(files: &[Output]) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    files.iter().map(|f| Ok((f.path.clone(), bytes(f)?))).collect()
}

/// The bytes of one output file; a file copied from disk is read now.
pub fn bytes(f: &Output) -> Result<Vec<u8>, Diagnostic> {
    Ok(match &f.data {
        OutputData::Bytes(b) => b.clone(),
        OutputData::Static(b) => b.to_vec(),
        OutputData::Copy(p) => std::fs::read(p).map_err(|e| {
            Diagnostic::error(p.display().to_string(), None, Files::CannotRead { detail: e.to_string() })
        })?,
    })
}

/// The local targets of `href`/`src` attributes of an HTML page, as paths
/// from the site root.
fn local_links(page: &str, html: &str) -> Vec<String> {
    let dir = &page[..page.rfind('/').map(|i| i + 1).unwrap_or(0)];
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for piece in html.split(attr).skip(1) {
            let link = piece.split('"').next().unwrap_or("");
            if link.contains("://") || link.starts_with(['#', '/']) || link.contains(':') {
                continue;
            }
            let bare = link.split(['#', '?']).next().unwrap_or("");
            let Some(mut path) = resolve(dir, bare) else { continue };
            if link.ends_with('/') || path.is_empty() {
                path = if path.is_empty() { "index.html".into() } else { format!("{path}/index.html") };
            }
            out.push(path);
        }
    }
    out
}

/// The files of one period's archive: its bulletin pages, every file they
/// link to, and the files (styles, scripts, images) those pages use.
fn period_selection(all: &BTreeMap<String, Vec<u8>>, period: &str) -> BTreeSet<String> {
    let is_bulletin = |p: &str| {
        p == format!("bulletins/{period}/index.html")
            || (p.starts_with("districts/") && p.ends_with(&format!("/bulletins/{period}/index.html")))
    };
    let roots: Vec<&String> = all.keys().filter(|p| is_bulletin(p)).collect();
    let mut keep: BTreeSet<String> = roots.iter().map(|s| s.to_string()).collect();
    let html_links = |p: &str| local_links(p, &String::from_utf8_lossy(&all[p]));
    for r in &roots {
        keep.extend(html_links(r).into_iter().filter(|l| all.contains_key(l)));
    }
    let pages: Vec<String> = keep.iter().filter(|p| p.ends_with(".html")).cloned().collect();
    for p in pages {
        let assets = html_links(&p).into_iter().filter(|l| !l.ends_with(".html") && all.contains_key(l));
        keep.extend(assets);
    }
    keep
}

/// Builds the zip of `files` under the top folder `top`, with its manifest.
pub fn zip_bytes(top: &str, files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut manifest = String::new();
    for (path, bytes) in files {
        manifest.push_str(&format!("{}  {path}\n", sha256_hex(bytes)));
    }
    let mut entries: Vec<(String, &[u8])> = files.iter().map(|(p, b)| (format!("{top}/{p}"), b.as_slice())).collect();
    let manifest_path = format!("{top}/{MANIFEST}");
    entries.push((manifest_path, manifest.as_bytes()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name, options).expect("writing to memory");
        zip.write_all(bytes).expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
}

/// What `bantin archive` made.
#[derive(Debug)]
pub struct Archived {
    pub files: usize,
    pub bytes: usize,
}

/// Builds the site at `root` and writes its archive (or one period's) to `out`.
pub fn create(root: &Path, period: Option<&str>, out: &Path) -> Result<Archived, Diagnostics> {
    let (files, _warnings) = crate::render_site(root, false)?;
    let one = |d: Diagnostic| {
        let mut all = Diagnostics::new();
        all.push(d);
        all
    };
    let mut all = contents(&files).map_err(one)?;
    let top = match period {
        Some(p) => {
            let keep = period_selection(&all, p);
            if !keep.iter().any(|k| k.starts_with("bulletins/")) {
                return Err(one(Diagnostic::error("--period", None, Build::NoBulletinFor { period: p.to_string() })));
            }
            all.retain(|k, _| keep.contains(k));
            format!("bantin-{p}")
        }
        None => "bantin".to_string(),
    };
    let bytes = zip_bytes(&top, &all);
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| one(cannot_write(parent, e)))?;
    }
    std::fs::write(out, &bytes).map_err(|e| one(cannot_write(out, e)))?;
    Ok(Archived { files: all.len(), bytes: bytes.len() })
}

fn cannot_write(path: &Path, e: std::io::Error) -> Diagnostic {
    let path = path.display().to_string();
    Diagnostic::error(path.clone(), None, Build::CannotWrite { path, detail: e.to_string() })
}

/// What is wrong with an archive, file by file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verification {
    pub checked: usize,
    pub changed: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// Checks an archive against its manifest.
pub fn verify(file: &Path) -> Result<Verification, Unverifiable> {
    let name = || file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| Unverifiable::CannotRead { file: name(), detail: e.to_string() })?;
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Unverifiable::NotAZip { file: name(), detail: e.to_string() })?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for i in 0..zip.len() {
        let entry_error = |entry: String, e: &dyn std::fmt::Display| Unverifiable::Entry {
            file: name(),
            entry,
            detail: e.to_string(),
        };
        let mut entry = zip.by_index(i).map_err(|e| entry_error(format!("#{i}"), &e))?;
        if entry.is_dir() {
            continue;
        }
        let path = entry.name().map(|n| n.into_owned()).map_err(|e| entry_error(format!("#{i}"), &e))?;
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| entry_error(path.clone(), &e))?;
        files.insert(path, data);
    }
    let manifest_key = files.keys().find(|k| k.ends_with(&format!("/{MANIFEST}")) || *k == MANIFEST).cloned();
    let Some(manifest_key) = manifest_key else {
        return Err(Unverifiable::NoManifest { file: name() });
    };
    let top = manifest_key.trim_end_matches(MANIFEST).to_string();
    let manifest = String::from_utf8_lossy(&files[&manifest_key]).into_owned();
    let mut listed: BTreeMap<String, String> = BTreeMap::new();
    for (n, line) in manifest.lines().enumerate() {
        let (hash, path) = line.split_once("  ").ok_or(Unverifiable::ManifestLine { line: n + 1 })?;
        listed.insert(format!("{top}{path}"), hash.to_string());
    }
    let mut v = Verification::default();
    for (path, hash) in &listed {
        match files.get(path) {
            None => v.removed.push(path.clone()),
            Some(data) if sha256_hex(data) != *hash => v.changed.push(path.clone()),
            Some(_) => v.checked += 1,
        }
    }
    v.added = files.keys().filter(|k| **k != manifest_key && !listed.contains_key(*k)).cloned().collect();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_from_the_page_folder() {
        let links = local_links(
            "districts/ky-anh/bulletins/2023-Q4/index.html",
            "<a href=\"../../../../index.html\"><a href=\"../2023-Q3/\"><img src=\"x.png\"><a href=\"https://x/\">",
        );
        assert_eq!(
            links,
            ["index.html", "districts/ky-anh/bulletins/2023-Q3/index.html", "districts/ky-anh/bulletins/2023-Q4/x.png"]
        );
    }

    #[test]
    fn zips_are_deterministic_and_verifiable() {
        let files: BTreeMap<String, Vec<u8>> =
            [("b.html".to_string(), b"B".to_vec()), ("a/x.css".to_string(), b"A".to_vec())].into();
        let one = zip_bytes("top", &files);
        assert_eq!(one, zip_bytes("top", &files));
        let dir = tempfile_dir();
        let path = dir.join("a.zip");
        std::fs::write(&path, &one).unwrap();
        let v = verify(&path).unwrap();
        assert!(v.ok() && v.checked == 2, "{v:?}");
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("bantin-archive-test-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
