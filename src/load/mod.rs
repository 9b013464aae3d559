//! Stage 1, load: walk the site root and read its files into memory (a
//! large site's article texts into a spool on disk: [`Keep`]).
//!
//! This is the only stage besides `write` that touches the disk. Text is
//! checked (UTF-8, no control characters), its byte-order mark removed, line endings
//! made `\n` and Unicode put in NFC, so later stages see one form of text.
//! Binary assets are not read, only listed, and copied by `write`.

use crate::diag::messages::Files;
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::shared::Shared;
use crate::text::spool::{Spool, Text};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod decode;
mod read;
mod root;
mod walk;
pub use decode::{decode_owned, decode_text, peek};
use read::{read_all, read_article, read_optional, spool};
pub use read::{read_text, read_workbook, MAX_TEXT_BYTES, MAX_WORKBOOK_BYTES};
pub use root::Root;
pub use walk::{ignored, inside_root, real_root, rel_path, walk};

/// A text file, read and normalised. An article's text is a [`Text`]: in
/// memory, or set aside in a spool when the site is large ([`Keep`]).
#[derive(Debug, Clone)]
pub struct TextFile<T = Shared> {
    /// Path relative to the site root, `/`-separated: used in messages.
    pub rel: String,
    pub text: T,
}

/// Where the texts of articles are kept from reading to rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    /// In memory.
    Held,
    /// In a spool (`text::spool`) made in the folder `dir` when the site
    /// has more than `above` articles; in memory otherwise.
    SpoolAbove { above: usize, dir: PathBuf },
}

/// The number of articles above which `bantin build` sets their texts
/// aside: 50,000 articles hold about 300 MB of Markdown.
pub const SPOOL_ABOVE: usize = 50_000;

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
    pub articles: Vec<TextFile<Text>>,
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
    /// Where the articles' texts were set aside, if they were ([`Keep`]).
    pub spool: Option<Arc<Spool>>,
}

impl Content {
    /// Every text file by its path relative to the root, to look up the
    /// texts of many (one pass, however many files a report names).
    pub fn texts(&self) -> Texts<'_> {
        let districts = self.districts.iter().flat_map(|d| d.yaml.iter().chain(&d.csvs));
        let files = self.site.iter().chain(&self.indicators).chain(districts).chain(&self.pages);
        let held = files.chain(self.templates.values()).map(|f| (f.rel.as_str(), Source::Held(&f.text)));
        let articles =
            self.districts.iter().flat_map(|d| &d.articles).map(|f| (f.rel.as_str(), Source::Article(&f.text)));
        Texts(held.chain(articles).collect())
    }
}

/// The text files of a [`Content`] by path ([`Content::texts`]).
pub struct Texts<'c>(std::collections::HashMap<&'c str, Source<'c>>);

enum Source<'c> {
    Held(&'c Shared),
    Article(&'c Text),
}

impl Texts<'_> {
    /// A file's text as read: what a report shows under a problem's line
    /// and column. An article's text set aside is read back; `None` if it
    /// cannot be (the report then shows no line).
    pub fn text_of(&self, rel: &str) -> Option<Shared> {
        match self.0.get(rel)? {
            Source::Held(t) => Some((*t).clone()),
            Source::Article(t) => t.get().ok(),
        }
    }
}

/// Reads `content/` and `templates/` of the site at `root`, every text
/// held in memory.
pub fn content(root: &Path, diags: &mut Diagnostics) -> Content {
    content_keeping(root, &Keep::Held, diags)
}

/// [`content`], the articles' texts kept as `keep` says.
pub fn content_keeping(root: &Path, keep: &Keep, diags: &mut Diagnostics) -> Content {
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
    let placed = [place(root, Root::Districts, diags), place(root, Root::Units, diags)];
    let articles = placed.iter().flatten().filter(|(_, role, _)| *role == Role::Article).count();
    let spool = match spool(keep, articles) {
        Ok(spool) => spool,
        Err(d) => {
            diags.push(d);
            return out;
        }
    };
    for (kind, files) in [Root::Districts, Root::Units].into_iter().zip(placed) {
        out.districts.extend(districts(kind, files, spool.as_ref(), diags));
    }
    out.spool = spool;
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
        let t = read_text(&AssetFile { rel: rel.clone(), abs: real }, diags)?;
        match slot {
            Slot::Text(slot) => *slot = t,
            Slot::Article(slot) => *slot = TextFile { rel: t.rel, text: Text::Held(t.text) },
        }
        done.reread.push(rel.clone());
    }
    Some(done)
}

/// Where a loaded text file is kept.
enum Slot<'c> {
    Text(&'c mut TextFile),
    Article(&'c mut TextFile<Text>),
}

/// The loaded text file at `rel`, if `content` has one.
fn known_text<'c>(content: &'c mut Content, rel: &str) -> Option<Slot<'c>> {
    if content.districts.iter().flat_map(|d| &d.articles).any(|t| t.rel == rel) {
        let mut articles = content.districts.iter_mut().flat_map(|d| d.articles.iter_mut());
        return articles.find(|t| t.rel == rel).map(Slot::Article);
    }
    let singles = content.site.iter_mut().chain(content.indicators.iter_mut());
    let data = content.districts.iter_mut().flat_map(|d| d.yaml.iter_mut().chain(d.csvs.iter_mut()));
    singles
        .chain(data)
        .chain(content.pages.iter_mut())
        .chain(content.templates.values_mut())
        .find(|t| t.rel == rel)
        .map(Slot::Text)
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

/// The files under `content/districts/` or `content/units/`: each one's
/// folder and role.
fn place(root: &Path, kind: Root, diags: &mut Diagnostics) -> Vec<(String, Role, AssetFile)> {
    let mut placed = Vec::new();
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
    placed
}

/// The folders of `content/districts/` or `content/units/`, each with its
/// files (`placed` by [`place`]) read; articles into `spool` if there is one.
fn districts(
    kind: Root,
    placed: Vec<(String, Role, AssetFile)>,
    spool: Option<&Arc<Spool>>,
    diags: &mut Diagnostics,
) -> Vec<DistrictFiles> {
    let mut by_folder: BTreeMap<String, DistrictFiles> = BTreeMap::new();
    let of = |roles: &[Role]| -> Vec<AssetFile> {
        placed.iter().filter(|(_, r, _)| roles.contains(r)).map(|(_, _, f)| f.clone()).collect()
    };
    let mut texts = read_all(&of(&[Role::Yaml, Role::Csv]), read_text, diags).into_iter();
    let mut articles = read_all(&of(&[Role::Article]), |f, d| read_article(f, spool, d), diags).into_iter();
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
            Role::Article => d.articles.extend(articles.next().flatten()),
        }
    }
    let mut out: Vec<DistrictFiles> = by_folder.into_values().collect();
    let base = format!("content/{}", kind.folder());
    for d in &out {
        if d.yaml.is_none() {
            let missing = if kind == Root::Units { Files::NoUnitYaml } else { Files::NoDistrictYaml };
            diags.push(Diagnostic::error(format!("{base}/{}/{}", d.folder, kind.yaml()), None, missing));
        }
    }
    out.retain(|d| d.yaml.is_some());
    out
}
