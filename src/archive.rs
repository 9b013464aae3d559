//! `bantin archive` and `bantin verify`: a self-contained, verifiable zip of
//! the site (or of one period's bulletins and what they link to).
//!
//! The same site gives the same archive bytes: entries sorted by path, a
//! fixed timestamp (1980-01-01 00:00) and permissions (0644), one top
//! folder. `MANIFEST.sha256` in it lists every other file's SHA-256 in the
//! format of `sha256sum`, so an archive can be checked with bantin or with
//! `sha256sum -c`.

use crate::diag::messages::{Build, Unverifiable};
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::assets::sha256_hex;
use crate::render::links::resolve;
use crate::render::Output;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The manifest's name inside the archive's top folder.
pub const MANIFEST: &str = "MANIFEST.sha256";

/// The bytes of every output file (reading those copied from disk), by path.
pub fn contents(files: &[Output]) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    files.iter().map(|f| Ok((f.path.clone(), crate::write::bytes(f)?))).collect()
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
    let is_bulletin = |p: &str| crate::route::is_bulletin_of(p, period);
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

/// Rewrites, in every page of a period's archive, each link to a page that
/// is not in it: to the page's address under `base_url`, marked with
/// `data-outside-archive` (the theme shows an arrow after such links), so no
/// link of an unpacked archive leads nowhere.
fn point_outside(files: &mut BTreeMap<String, Vec<u8>>, base_url: &str) {
    let pages: Vec<String> = files.keys().filter(|p| p.ends_with(".html")).cloned().collect();
    for page in pages {
        let html = String::from_utf8_lossy(&files[&page]).into_owned();
        let dir = &page[..page.rfind('/').map(|i| i + 1).unwrap_or(0)];
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = rest.find(" href=\"") {
            let start = at + " href=\"".len();
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let link = &rest[..rest.find('"').unwrap_or(rest.len())];
            match outside_target(files, dir, link) {
                Some(address) => {
                    let url = escape_attribute(&format!("{base_url}{address}"));
                    out.push_str(&format!("{url}\" data-outside-archive=\""));
                }
                None => out.push_str(link),
            }
            rest = &rest[link.len()..];
        }
        out.push_str(rest);
        files.insert(page, out.into_bytes());
    }
}

/// The site address (below `base_url`) of a relative link on a page in
/// `dir` that leads to no file of the archive; `None` for links that stay
/// in it, lead off the site or only within the page.
fn outside_target(files: &BTreeMap<String, Vec<u8>>, dir: &str, link: &str) -> Option<String> {
    if link.is_empty() || link.starts_with(['#', '?', '/']) || link.contains(':') {
        return None;
    }
    let (bare, tail) = link.split_at(link.find(['#', '?']).unwrap_or(link.len()));
    let target = resolve(dir, &crate::render::links::decode_percent(bare))?;
    let candidates = match target.as_str() {
        "" => vec!["index.html".to_string()],
        t => vec![t.to_string(), format!("{t}/index.html")],
    };
    if candidates.iter().any(|c| files.contains_key(c)) {
        return None;
    }
    let address = target.strip_suffix("index.html").unwrap_or(&target);
    let slash = if bare.ends_with('/') && !address.is_empty() && !address.ends_with('/') { "/" } else { "" };
    Some(format!("{address}{slash}{tail}"))
}

fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
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
    let one = |d: Diagnostic| {
        let mut all = Diagnostics::new();
        all.push(d);
        all
    };
    let refused = |e: crate::write::WriteError| one(Diagnostic::error(out.display().to_string(), None, e.message()));
    crate::write::check_archive_target(root, out).map_err(refused)?;
    let rendered = crate::render_site(root, false)?;
    let files = rendered.files;
    let mut all = contents(&files).map_err(one)?;
    let top = match period {
        Some(p) => {
            let keep = period_selection(&all, p);
            if !keep.iter().any(|k| k.starts_with("bulletins/")) {
                return Err(one(Diagnostic::error("--period", None, Build::NoBulletinFor { period: p.to_string() })));
            }
            all.retain(|k, _| keep.contains(k));
            point_outside(&mut all, &rendered.site.settings.base_url);
            format!("bantin-{p}")
        }
        None => "bantin".to_string(),
    };
    let bytes = zip_bytes(&top, &all);
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| one(cannot_write(parent, e)))?;
    }
    crate::write::replace_file(out, &bytes).map_err(refused)?;
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
mod outside_tests {
    use super::*;

    fn files(paths: &[&str]) -> BTreeMap<String, Vec<u8>> {
        paths.iter().map(|p| (p.to_string(), Vec::new())).collect()
    }

    #[test]
    fn links_that_stay_in_the_archive_or_the_page_are_kept() {
        let f = files(&["bulletins/2023-Q4/index.html", "districts/a/b/index.html", "districts/a/báo cáo.pdf"]);
        let dir = "districts/a/";
        for link in ["", "#top", "?p=2", "b/", "b", "b/index.html", "b%C3%A1o%20c%C3%A1o.pdf", "https://x.vn/", "/abs"]
        {
            assert_eq!(outside_target(&f, dir, link), None, "{link}");
        }
        assert_eq!(outside_target(&f, "bulletins/2023-Q4/", "./"), None);
    }

    #[test]
    fn links_that_leave_the_archive_get_their_site_address() {
        let f = files(&["bulletins/2023-Q4/index.html"]);
        let dir = "bulletins/2023-Q4/";
        assert_eq!(outside_target(&f, dir, "../2023-Q3/index.html").as_deref(), Some("bulletins/2023-Q3/"));
        assert_eq!(outside_target(&f, dir, "../2023-Q3/").as_deref(), Some("bulletins/2023-Q3/"));
        assert_eq!(outside_target(&f, dir, "../../atom.xml").as_deref(), Some("atom.xml"));
        assert_eq!(outside_target(&f, dir, "../../index.html#tin").as_deref(), Some("#tin"));
        assert_eq!(outside_target(&f, dir, "../../").as_deref(), Some(""), "the home page, at base_url itself");
        assert_eq!(escape_attribute("https://x.vn/\"><b>"), "https://x.vn/&quot;&gt;&lt;b&gt;");
    }
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
