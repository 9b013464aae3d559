//! Stage 1, load: walk the site root and read its files into memory.
//!
//! This is the only stage besides `write` that touches the disk. Text is
//! checked (UTF-8, no NUL bytes), its byte-order mark removed, line endings
//! made `\n` and Unicode put in NFC, so later stages see one form of text.
//! Binary assets are not read, only listed, and copied by `write`.

use crate::diag::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

/// A text file, read and normalised.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the site root, `/`-separated: used in messages.
    pub rel: String,
    pub text: crate::text::shared::Shared,
}

/// A file copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AssetFile {
    /// Path relative to the site root, `/`-separated.
    pub rel: String,
    pub abs: PathBuf,
}

/// Everything under `content/districts/<folder>/`.
#[derive(Debug, Clone)]
pub struct DistrictFiles {
    pub folder: String,
    pub yaml: Option<TextFile>,
    pub csvs: Vec<TextFile>,
    pub articles: Vec<TextFile>,
    pub assets: Vec<AssetFile>,
}

/// The content of a site, as read from disk.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub site: Option<TextFile>,
    pub indicators: Option<TextFile>,
    pub districts: Vec<DistrictFiles>,
    pub pages: Vec<TextFile>,
    pub static_files: Vec<AssetFile>,
    /// Site templates (`templates/*`) by name, overriding the theme's.
    pub templates: BTreeMap<String, TextFile>,
}

/// Reads `content/` and `templates/` of the site at `root`.
pub fn content(root: &Path, diags: &mut Diagnostics) -> Content {
    let mut out = Content::default();
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error("content", None, "the site has no `content/` folder")
                .with_hint(format!("run bantin in a site root, or pass --root; looked in {}", root.display())),
        );
        return out;
    }
    out.site = read_optional(root, "content/site.yaml", diags);
    if out.site.is_none() {
        diags.push(
            Diagnostic::error("content/site.yaml", None, "the site has no `content/site.yaml`")
                .with_hint("create it with at least `title:` and `base_url:`"),
        );
    }
    out.indicators = read_optional(root, "content/indicators.yaml", diags);
    if out.indicators.is_none() {
        diags.push(
            Diagnostic::error("content/indicators.yaml", None, "the site has no `content/indicators.yaml`")
                .with_hint("create it; it may be an empty list: `[]`"),
        );
    }
    out.districts = districts(root, diags);
    for file in walk(root, "content/pages", diags) {
        if file.rel.ends_with(".md") && file.rel.matches('/').count() == 2 {
            if let Some(t) = read_text(&file, diags) {
                out.pages.push(t);
            }
        }
    }
    out.static_files = walk(root, "content/static", diags);
    for file in walk(root, "templates", diags) {
        let name = file.rel["templates/".len()..].to_string();
        if let Some(t) = read_text(&file, diags) {
            out.templates.insert(name, t);
        }
    }
    out
}

/// How many files are read at once. Reading waits on the disk more than on
/// the processor: from a cold cache, 100,000 articles were read three times
/// faster with 16 reads in flight than with one per core (2 cores).
const READS_IN_FLIGHT: usize = 16;

/// Reads text files in parallel, keeping their order; problems reported.
fn read_all(files: &[AssetFile], diags: &mut Diagnostics) -> Vec<Option<TextFile>> {
    use rayon::prelude::*;
    let read_each = || -> Vec<(Option<TextFile>, Diagnostics)> {
        files
            .par_iter()
            .map(|f| {
                let mut d = Diagnostics::new();
                (read_text(f, &mut d), d)
            })
            .collect()
    };
    let readers = (files.len() > READS_IN_FLIGHT)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(READS_IN_FLIGHT)
                .thread_name(|i| format!("read-{i}"))
                .build()
                .ok()
        })
        .flatten();
    let read = match readers {
        Some(pool) => pool.install(read_each),
        None => read_each(),
    };
    read.into_iter()
        .map(|(t, d)| {
            diags.extend(d);
            t
        })
        .collect()
}

/// What [`refresh`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Text files read again (paths relative to the root).
    pub reread: Vec<String>,
    /// A template or theme file changed: the theme must be resolved again.
    pub theme: bool,
}

/// Brings `content` up to date after the files `changed` (paths relative to
/// `root`) were edited, reading only those. `None` when an edit is not a
/// change of a file already known (a file added, removed or renamed, or one
/// outside what bantin reads): the caller then loads everything again.
pub fn refresh(root: &Path, content: &mut Content, changed: &[String], diags: &mut Diagnostics) -> Option<Refreshed> {
    let mut done = Refreshed::default();
    for rel in changed {
        if rel.starts_with("themes/") {
            done.theme = true;
            continue;
        }
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if name.starts_with('.') || name.ends_with('~') {
            continue; // never read (editors' backup and swap files)
        }
        let abs = root.join(rel);
        let is_asset =
            content.static_files.iter().chain(content.districts.iter().flat_map(|d| &d.assets)).any(|a| &a.rel == rel);
        let known = is_asset || known_text(content, rel).is_some();
        match (abs.is_file(), known) {
            // An editor's temporary file that came and went.
            (false, false) if !abs.exists() => continue,
            // Added, removed, or a folder: the files are not the same set.
            (false, _) | (true, false) => return None,
            // Copied when served, never read here.
            (true, true) if is_asset => continue,
            (true, true) => {}
        }
        let slot = known_text(content, rel)?;
        done.theme |= rel.starts_with("templates/");
        let file = AssetFile { rel: rel.clone(), abs };
        match read_text(&file, diags) {
            Some(t) => *slot = t,
            None => return None,
        }
        done.reread.push(rel.clone());
    }
    Some(done)
}

/// The loaded text file at `rel`, if `content` has one.
fn known_text<'c>(content: &'c mut Content, rel: &str) -> Option<&'c mut TextFile> {
    let singles = content.site.iter_mut().chain(content.indicators.iter_mut());
    let districts = content
        .districts
        .iter_mut()
        .flat_map(|d| d.yaml.iter_mut().chain(d.csvs.iter_mut()).chain(d.articles.iter_mut()));
    singles
        .chain(districts)
        .chain(content.pages.iter_mut())
        .chain(content.templates.values_mut())
        .find(|t| t.rel == rel)
}

/// What a file under `content/districts/<folder>/` is, by its path there.
#[derive(PartialEq)]
enum Role {
    Yaml,
    Csv,
    Article,
    Asset,
}

fn role(inner: &str) -> Role {
    if inner == "district.yaml" {
        Role::Yaml
    } else if inner.starts_with("data/") && inner.ends_with(".csv") && inner.matches('/').count() == 1 {
        Role::Csv
    } else if inner.ends_with(".md") {
        Role::Article
    } else {
        Role::Asset
    }
}

fn districts(root: &Path, diags: &mut Diagnostics) -> Vec<DistrictFiles> {
    let mut by_folder: BTreeMap<String, DistrictFiles> = BTreeMap::new();
    let mut placed: Vec<(String, Role, AssetFile)> = Vec::new();
    for file in walk(root, "content/districts", diags) {
        let rest = &file.rel["content/districts/".len()..];
        let Some((folder, inner)) = rest.split_once('/') else {
            diags.push(
                Diagnostic::warning(&file.rel, None, "a file directly in `content/districts/` is ignored")
                    .with_hint("put each district in its own folder: content/districts/<slug>/district.yaml"),
            );
            continue;
        };
        placed.push((folder.to_string(), role(inner), file.clone()));
    }
    let text_files: Vec<AssetFile> =
        placed.iter().filter(|(_, r, _)| *r != Role::Asset).map(|(_, _, f)| f.clone()).collect();
    let mut texts = read_all(&text_files, diags).into_iter();
    for (folder, role, file) in placed {
        let d = by_folder.entry(folder.clone()).or_insert_with(|| DistrictFiles {
            folder,
            yaml: None,
            csvs: Vec::new(),
            articles: Vec::new(),
            assets: Vec::new(),
        });
        match role {
            Role::Asset => d.assets.push(file),
            Role::Yaml => d.yaml = texts.next().flatten(),
            Role::Csv => d.csvs.extend(texts.next().flatten()),
            Role::Article => d.articles.extend(texts.next().flatten()),
        }
    }
    let mut out: Vec<DistrictFiles> = by_folder.into_values().collect();
    for d in &out {
        if d.yaml.is_none() {
            diags.push(
                Diagnostic::error(
                    format!("content/districts/{}/district.yaml", d.folder),
                    None,
                    "this district folder has no `district.yaml`",
                )
                .with_hint("create it with at least `name:`"),
            );
        }
    }
    out.retain(|d| d.yaml.is_some());
    out
}

/// Every file below `root/sub`, sorted by path; symlinks that lead outside
/// the root are refused.
pub fn walk(root: &Path, sub: &str, diags: &mut Diagnostics) -> Vec<AssetFile> {
    let dir = root.join(sub);
    if !dir.is_dir() {
        return Vec::new();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out = Vec::new();
    // Folders below the root reached through a symbolic link.
    let mut linked: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for entry in WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let rel = err.path().map(|p| rel_path(root, p)).unwrap_or_else(|| sub.to_string());
                let msg = if err.loop_ancestor().is_some() {
                    "a symbolic link here loops back to a parent folder".to_string()
                } else {
                    format!("cannot be read: {err}")
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
        if entry.path_is_symlink() || parent_linked {
            let target = entry.path().canonicalize().ok();
            if !target.is_some_and(|t| t.starts_with(&canonical_root)) {
                diags.push(
                    Diagnostic::error(rel, None, "this symbolic link leads outside the site root")
                        .with_hint("copy the file into the site instead of linking to it"),
                );
                continue;
            }
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        out.push(AssetFile { rel, abs: entry.path().to_path_buf() });
    }
    out
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

fn read_optional(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<TextFile> {
    let abs = root.join(rel);
    abs.is_file().then(|| read_text(&AssetFile { rel: rel.to_string(), abs }, diags)).flatten()
}

/// The largest text file bantin reads (an article of 10 MB is already
/// some 2,000 printed pages).
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a text file; a file that is not UTF-8 text, or too large, is reported.
pub fn read_text(file: &AssetFile, diags: &mut Diagnostics) -> Option<TextFile> {
    match read_bounded(&file.abs) {
        Ok(Some(bytes)) => match decode_owned(bytes) {
            Ok(text) => Some(TextFile { rel: file.rel.clone(), text: text.into() }),
            Err(d) => {
                diags.push(Diagnostic { file: file.rel.clone(), ..d });
                None
            }
        },
        Ok(None) => {
            let max = MAX_TEXT_BYTES / (1024 * 1024);
            let mb = std::fs::metadata(&file.abs).map(|m| m.len() / (1024 * 1024)).unwrap_or(max);
            diags.push(
                Diagnostic::error(
                    &file.rel,
                    None,
                    format!("this file is {mb} MB; bantin reads text files of up to {max} MB"),
                )
                .with_hint("split it into several articles, or move large data into a CSV in data/"),
            );
            None
        }
        Err(err) => {
            diags.push(Diagnostic::error(&file.rel, None, format!("cannot be read: {err}")));
            None
        }
    }
}

/// The bytes of the file at `path`, or `None` when it is larger than
/// [`MAX_TEXT_BYTES`]. One open and one size query per file (asking the
/// size by path first, then reading, was a second lookup of every file).
fn read_bounded(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    if len > MAX_TEXT_BYTES {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grew since its size was asked is still bounded.
    (&mut f).take(MAX_TEXT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_TEXT_BYTES).then_some(bytes))
}

/// Whether `text` is NFC for certain by a quick look at its bytes: every
/// character is below U+0300 (no combining marks yet), in Latin Extended
/// Additional (U+1E00–U+1EFF: Vietnamese precomposed letters), or in
/// General Punctuation (U+2000–U+206F), all of which are NFC as they are.
/// Vietnamese text typed with a precomposed keyboard passes; anything else
/// gets the full check. (Decoding every character for the full check was a
/// tenth of a build's CPU.)
fn surely_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            0xC2..=0xCB => i += 2,                                       // U+0080–U+02FF
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => i += 3, // U+1E00–U+1EFF
            // U+2002–U+207F (U+2000 and U+2001 are NFC as U+2002, U+2003).
            0xE2 if matches!(b.get(i + 1), Some(0x80 | 0x81)) && !(b[i + 1] == 0x80 && b.get(i + 2) <= Some(&0x81)) => {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

/// Checks and normalises the bytes of a text file: UTF-8, no NUL, no BOM,
/// `\n` line endings, NFC.
pub fn decode_text(bytes: &[u8]) -> Result<String, Diagnostic> {
    decode_owned(bytes.to_vec())
}

/// [`decode_text`] of bytes it may keep: text that needs no change (UTF-8
/// and NFC already, no byte-order mark, `\n` line ends: nearly every file)
/// becomes the string without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = line_col(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
            return Err(Diagnostic::error(
                "",
                Some(crate::diag::Pos::new(line, col)),
                "this file is not valid UTF-8 text",
            )
            .with_hint("save it as UTF-8 (in most editors: Save with encoding → UTF-8)"));
        }
    };
    if let Some(i) = text.find('\0') {
        let (line, col) = line_col(&text.as_bytes()[..i]);
        return Err(Diagnostic::error(
            "",
            Some(crate::diag::Pos::new(line, col)),
            "this file contains a NUL byte, so it is not text",
        )
        .with_hint("remove the NUL characters, or re-save the file as plain UTF-8 text"));
    }
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if surely_nfc(&text)
        || unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        Ok(text)
    } else {
        Ok(text.nfc().collect())
    }
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let last = prefix.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let col = String::from_utf8_lossy(&prefix[last..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_quick_nfc_look_never_passes_what_is_not_nfc() {
        use unicode_normalization::{is_nfc, UnicodeNormalization};
        let samples = [
            "Kỳ Anh đạt chuẩn nông thôn mới – 8.850,26 tỷ đồng “107,79%”",
            "Ky\u{0300} Anh",
            "a\u{2000}b",
            "a\u{2001}b",
            "a\u{2002}b\u{2026}",
            "\u{212B}ngström",
            "\u{1EF3}\u{1EA1}",
            "e\u{0301}",
            "x\u{0340}",
        ];
        for s in samples {
            if super::surely_nfc(s) {
                assert!(is_nfc(s), "{s:?} passed but is not NFC");
            }
            let decomposed: String = s.nfd().collect();
            if super::surely_nfc(&decomposed) {
                assert!(is_nfc(&decomposed), "{decomposed:?}");
            }
        }
        assert!(super::surely_nfc("Kỳ Anh đạt chuẩn nông thôn mới – 8.850,26 tỷ đồng “107,79%”"));
        assert!(!super::surely_nfc("Ky\u{0300} Anh"));
        // Every character the quick look lets through, alone and after a
        // letter it might compose with.
        for c in (0x80u32..0x3000).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}"), format!("{c}a")] {
                if super::surely_nfc(&s) {
                    assert!(is_nfc(&s), "U+{:04X}", c as u32);
                }
            }
        }
    }

    use super::*;

    #[test]
    fn normalises_text() {
        assert_eq!(decode_text(b"\xef\xbb\xbfa\r\nb\r\n").unwrap(), "a\nb\n");
        assert_eq!(decode_text("Ky\u{300}".as_bytes()).unwrap(), "Kỳ");
    }

    #[test]
    fn rejects_non_text() {
        let e = decode_text(b"ok\nab\xff").unwrap_err();
        assert_eq!(e.pos, Some(crate::diag::Pos::new(2, 3)));
        let e = decode_text(b"a\0b").unwrap_err();
        assert!(e.message.contains("NUL"));
    }
}
