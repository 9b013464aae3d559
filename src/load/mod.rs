//! Stage 1, load: walk the site root and read its files into memory.
//!
//! This is the only stage besides `write` that touches the disk. Text is
//! checked (UTF-8, no control characters), its byte-order mark removed, line endings
//! made `\n` and Unicode put in NFC, so later stages see one form of text.
//! Binary assets are not read, only listed, and copied by `write`.

use crate::diag::messages::Files;
use crate::diag::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod decode;
mod root;
mod walk;
pub use decode::{decode_owned, decode_text, peek};
pub use root::Root;
pub use walk::{ignored, inside_root, real_root, rel_path, walk};

/// A text file, read and normalised.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the site root, `/`-separated: used in messages.
    pub rel: String,
    pub text: crate::text::shared::Shared,
}

/// A workbook (`data/*.xlsx`), read as bytes: the parse stage reads its
/// sheets.
#[derive(Debug, Clone)]
pub struct WorkbookFile {
    /// Path relative to the site root, `/`-separated.
    pub rel: String,
    pub bytes: std::sync::Arc<[u8]>,
}

/// A file copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AssetFile {
    /// Path relative to the site root, `/`-separated.
    pub rel: String,
    pub abs: PathBuf,
}

/// Everything under `content/districts/<folder>/` or `content/units/<folder>/`.
#[derive(Debug, Clone)]
pub struct DistrictFiles {
    pub root: Root,
    pub folder: String,
    pub yaml: Option<TextFile>,
    pub csvs: Vec<TextFile>,
    /// FORMAT v2: `data/*.xlsx`, in path order.
    pub workbooks: Vec<WorkbookFile>,
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

impl Content {
    /// A text file's text by its path relative to the root, as read: what
    /// a report shows under a problem's line and column.
    pub fn text_of(&self, rel: &str) -> Option<&str> {
        let districts = self.districts.iter().flat_map(|d| d.yaml.iter().chain(&d.csvs).chain(&d.articles));
        let files = self.site.iter().chain(&self.indicators).chain(districts).chain(&self.pages);
        files.chain(self.templates.values()).find(|f| f.rel == rel).map(|f| f.text.as_str())
    }
}

/// Reads `content/` and `templates/` of the site at `root`.
pub fn content(root: &Path, diags: &mut Diagnostics) -> Content {
    let mut out = Content::default();
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(Diagnostic::error("content", None, Files::NoContentFolder { root: root.display().to_string() }));
        return out;
    }
    // A file that is there but unreadable has its own error: it is not
    // also said to be missing.
    let before = diags.error_count();
    out.site = read_optional(root, "content/site.yaml", diags);
    if out.site.is_none() && diags.error_count() == before {
        diags.push(Diagnostic::error("content/site.yaml", None, Files::NoSiteYaml));
    }
    let before = diags.error_count();
    out.indicators = read_optional(root, "content/indicators.yaml", diags);
    if out.indicators.is_none() && diags.error_count() == before {
        diags.push(Diagnostic::error("content/indicators.yaml", None, Files::NoIndicatorsYaml));
    }
    out.districts = districts(root, Root::Districts, diags);
    out.districts.extend(districts(root, Root::Units, diags));
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
    let real_root = real_root(root);
    for rel in changed {
        if rel.starts_with("themes/") {
            done.theme = true;
            continue;
        }
        if ignored(rel.rsplit('/').next().unwrap_or(rel)) {
            continue; // never read (editors' backup, swap and lock files)
        }
        let abs = root.join(rel);
        let is_asset =
            content.static_files.iter().chain(content.districts.iter().flat_map(|d| &d.assets)).any(|a| &a.rel == rel);
        let known = is_asset || known_text(content, rel).is_some() || known_workbook(content, rel).is_some();
        match (abs.is_file(), known) {
            // An editor's temporary file that came and went.
            (false, false) if !abs.exists() => continue,
            // Added, removed, or a folder: the files are not the same set.
            (false, _) | (true, false) => return None,
            (true, true) => {}
        }
        // Now reached through a link that leaves the root: loading
        // everything again refuses it as `walk` does.
        let real = inside_root(&real_root, &abs)?;
        if is_asset {
            continue; // copied when served (and checked again then), never read here
        }
        if let Some(slot) = known_workbook(content, rel) {
            *slot = read_workbook(&AssetFile { rel: rel.clone(), abs: real }, diags)?;
            done.reread.push(rel.clone());
            continue;
        }
        let slot = known_text(content, rel)?;
        done.theme |= rel.starts_with("templates/");
        let file = AssetFile { rel: rel.clone(), abs: real };
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

/// Whether a file of a `data/` folder is a spreadsheet workbook (read by
/// the parse stage; one it cannot read is an error there, never copied).
pub fn is_workbook(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// The loaded workbook at `rel`, if `content` has one.
fn known_workbook<'c>(content: &'c mut Content, rel: &str) -> Option<&'c mut WorkbookFile> {
    content.districts.iter_mut().flat_map(|d| d.workbooks.iter_mut()).find(|w| w.rel == rel)
}

/// What a file under `content/districts/<folder>/` is, by its path there.
#[derive(PartialEq)]
enum Role {
    Yaml,
    Csv,
    Workbook,
    Article,
    Asset,
}

fn role(inner: &str, yaml: &str) -> Role {
    if inner == yaml {
        Role::Yaml
    } else if inner.starts_with("data/") && inner.matches('/').count() == 1 && inner.ends_with(".csv") {
        Role::Csv
    } else if inner.starts_with("data/") && inner.matches('/').count() == 1 && is_workbook(inner) {
        Role::Workbook
    } else if inner.ends_with(".md") {
        Role::Article
    } else {
        Role::Asset
    }
}

/// The folders of `content/districts/` or `content/units/`, each with its files.
fn districts(root: &Path, kind: Root, diags: &mut Diagnostics) -> Vec<DistrictFiles> {
    let mut by_folder: BTreeMap<String, DistrictFiles> = BTreeMap::new();
    let mut placed: Vec<(String, Role, AssetFile)> = Vec::new();
    let base = format!("content/{}", kind.folder());
    for file in walk(root, &base, diags) {
        let rest = &file.rel[base.len() + 1..];
        let Some((folder, inner)) = rest.split_once('/') else {
            let loose = if kind == Root::Units { Files::LooseUnitFile } else { Files::LooseDistrictFile };
            diags.push(Diagnostic::warning(&file.rel, None, loose));
            continue;
        };
        placed.push((folder.to_string(), role(inner, kind.yaml()), file.clone()));
    }
    let text_files: Vec<AssetFile> = placed
        .iter()
        .filter(|(_, r, _)| !matches!(r, Role::Asset | Role::Workbook))
        .map(|(_, _, f)| f.clone())
        .collect();
    let mut texts = read_all(&text_files, diags).into_iter();
    for (folder, role, file) in placed {
        let d = by_folder.entry(folder.clone()).or_insert_with(|| DistrictFiles {
            root: kind,
            folder,
            yaml: None,
            csvs: Vec::new(),
            workbooks: Vec::new(),
            articles: Vec::new(),
            assets: Vec::new(),
        });
        match role {
            Role::Asset => d.assets.push(file),
            Role::Workbook => d.workbooks.extend(read_workbook(&file, diags)),
            Role::Yaml => d.yaml = texts.next().flatten(),
            Role::Csv => d.csvs.extend(texts.next().flatten()),
            Role::Article => d.articles.extend(texts.next().flatten()),
        }
    }
    let mut out: Vec<DistrictFiles> = by_folder.into_values().collect();
    for d in &out {
        if d.yaml.is_none() {
            let missing = if kind == Root::Units { Files::NoUnitYaml } else { Files::NoDistrictYaml };
            diags.push(Diagnostic::error(format!("{base}/{}/{}", d.folder, kind.yaml()), None, missing));
        }
    }
    out.retain(|d| d.yaml.is_some());
    out
}

fn read_optional(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<TextFile> {
    let abs = root.join(rel);
    if !abs.is_file() {
        return None;
    }
    let Some(real) = inside_root(&real_root(root), &abs) else {
        diags.push(Diagnostic::error(rel, None, Files::SymlinkOutside));
        return None;
    };
    read_text(&AssetFile { rel: rel.to_string(), abs: real }, diags)
}

/// The largest workbook bantin reads: a sheet of 250,000 rows of figures
/// takes some 10 MB.
pub const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a workbook's bytes; one too large, or unreadable, is reported.
pub fn read_workbook(file: &AssetFile, diags: &mut Diagnostics) -> Option<WorkbookFile> {
    match read_bounded(&file.abs, MAX_WORKBOOK_BYTES) {
        Ok(Ok(bytes)) => Some(WorkbookFile { rel: file.rel.clone(), bytes: bytes.into() }),
        Ok(Err(len)) => {
            let max = MAX_WORKBOOK_BYTES / (1024 * 1024);
            // Rounded up: a file just over the limit is not "64 MB of 64".
            let mb = len.div_ceil(1024 * 1024);
            diags.push(Diagnostic::error(&file.rel, None, crate::diag::messages::Sheets::TooLarge { mb, max }));
            None
        }
        Err(err) => {
            diags.push(Diagnostic::error(&file.rel, None, Files::CannotRead { detail: err.to_string() }));
            None
        }
    }
}

/// The largest text file bantin reads (an article of 10 MB is already
/// some 2,000 printed pages).
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a text file; a file that is not UTF-8 text, or too large, is reported.
pub fn read_text(file: &AssetFile, diags: &mut Diagnostics) -> Option<TextFile> {
    match read_bounded(&file.abs, MAX_TEXT_BYTES) {
        Ok(Ok(bytes)) => match decode_owned(bytes) {
            Ok(text) => Some(TextFile { rel: file.rel.clone(), text: text.into() }),
            Err(d) => {
                diags.push(Diagnostic { file: file.rel.clone(), ..d });
                None
            }
        },
        Ok(Err(len)) => {
            let max = MAX_TEXT_BYTES / (1024 * 1024);
            let mb = len / (1024 * 1024);
            diags.push(Diagnostic::error(&file.rel, None, Files::TooLarge { mb, max }));
            None
        }
        Err(err) => {
            diags.push(Diagnostic::error(&file.rel, None, Files::CannotRead { detail: err.to_string() }));
            None
        }
    }
}

/// The bytes of the file at `path`, or its size in bytes when it is
/// larger than `max`. One open and one size query per file (asking the
/// size by path first, then reading, was a second lookup of every file).
fn read_bounded(path: &Path, max: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    if len > max {
        return Ok(Err(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grew since its size was asked is still bounded.
    (&mut f).take(max + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read <= max { Ok(bytes) } else { Err(f.metadata().map_or(read, |m| m.len().max(read))) })
}
