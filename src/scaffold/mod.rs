//! `bantin new` and `bantin init`: files an author starts from. Both write
//! only new files and never overwrite one.

use crate::model::Root;

pub mod skeleton;
use crate::text::slug::slugify;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

pub use crate::diag::messages::ScaffoldError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
    move |source| ScaffoldError::Io { path: path.display().to_string(), detail: source.to_string() }
}

/// The folder names of the units and districts of the site at `root`
/// (`content/units/<slug>/unit.yaml`, `content/districts/<slug>/district.yaml`), sorted.
pub fn known_districts(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = [Root::Districts, Root::Units]
        .into_iter()
        .flat_map(|kind| {
            let entries = std::fs::read_dir(root.join("content").join(kind.folder())).into_iter().flatten();
            entries.filter_map(Result::ok).filter(move |e| e.path().join(kind.yaml()).is_file())
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The folder of an existing unit or district (slugs are unique across
/// both); an unknown one is an error naming the known ones.
fn district_dir(root: &Path, district: &str) -> Result<PathBuf, ScaffoldError> {
    for kind in [Root::Units, Root::Districts] {
        let dir = root.join("content").join(kind.folder()).join(district);
        if dir.join(kind.yaml()).is_file() {
            return Ok(dir);
        }
    }
    let known = known_districts(root).join(", ");
    Err(ScaffoldError::UnknownDistrict { district: district.to_string(), known })
}

/// Writes `content/districts/<district>/<date>-<slug>.md` (or under
/// `content/units/<unit>/`) with its front
/// matter filled, and returns its path.
pub fn new_article(root: &Path, district: &str, title: &str, date: Date) -> Result<PathBuf, ScaffoldError> {
    let dir = district_dir(root, district)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(ScaffoldError::EmptySlug);
    }
    let path = dir.join(format!("{date}-{slug}.md"));
    let text = format!(
        "---\ntitle: {}\ndate: {date}\nauthor: \"\"\ntopics: []\nindicators: []\n# summary: \"\"   (default: the first paragraph)\ndraft: true   # delete this line to publish\n---\nViết nội dung bài ở đây.\n",
        crate::text::yaml::quoted(title)
    );
    write_new(&path, &text)?;
    Ok(path)
}

/// The names photos get beside an imported article: the slug of each file's
/// name with its extension in lower case, numbered when two give the same.
fn photo_names(photos: &[PathBuf]) -> Result<Vec<String>, ScaffoldError> {
    let mut names: Vec<String> = Vec::new();
    for p in photos {
        let file = p.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        if !crate::photos::is_photo(&file) {
            return Err(ScaffoldError::NotAPhoto { path: p.display().to_string() });
        }
        let (stem, ext) = file.rsplit_once('.').unwrap_or((&file, "jpg"));
        let slug = Some(crate::text::slug::slugify(stem)).filter(|s| !s.is_empty()).unwrap_or_else(|| "anh".into());
        let ext = ext.to_ascii_lowercase();
        let mut name = format!("{slug}.{ext}");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{slug}-{n}.{ext}");
            n += 1;
        }
        names.push(name);
    }
    Ok(names)
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    write_new_bytes(path, text.as_bytes())
}

fn write_new_bytes(path: &Path, bytes: &[u8]) -> Result<(), ScaffoldError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ScaffoldError::Exists(path.display().to_string())
        } else {
            ScaffoldError::Io { path: path.display().to_string(), detail: e.to_string() }
        }
    })?;
    std::io::Write::write_all(&mut file, bytes).map_err(io(path))
}

/// What `bantin import` did with one file.
#[derive(Debug)]
pub struct ImportedFile {
    /// Where the article was (or, with `dry_run`, would be) written.
    pub path: PathBuf,
    pub markdown: String,
    /// The figures found, as a commented YAML snippet to confirm.
    pub figures: String,
}

/// Turns a plain-text portal article into an article of `district`
/// (see [`crate::import`]); writes it unless `dry_run`, never over a file.
/// With `photos`, the article gets a folder of its own with the photos
/// copied into it (named as slugs: `Toàn cảnh.JPG` → `toan-canh.jpg`),
/// each in the place of a caption of the text ([`crate::import::place_photos`]).
pub fn import_file(
    root: &Path,
    district: &str,
    source: &Path,
    photos: &[PathBuf],
    dry_run: bool,
) -> Result<ImportedFile, ScaffoldError> {
    let dir = district_dir(root, district)?;
    let bytes = std::fs::read(source).map_err(io(source))?;
    let text = crate::load::decode_text(&bytes).map_err(|d| ScaffoldError::Io {
        path: source.display().to_string(),
        detail: d.text(crate::text::lang::Lang::En),
    })?;
    let mut imported = crate::import::import_text(&text);
    let name = crate::import::file_name(&imported);
    let (dir, names) = if photos.is_empty() {
        (dir, Vec::new())
    } else {
        (dir.join(name.trim_end_matches(".md")), photo_names(photos)?)
    };
    crate::import::place_photos(&mut imported, &names);
    let path = dir.join(&name);
    let markdown = crate::import::to_markdown(&imported);
    if path.exists() {
        return Err(ScaffoldError::Exists(path.display().to_string()));
    }
    if !dry_run {
        write_new(&path, &markdown)?;
        for (photo, name) in photos.iter().zip(&names) {
            let bytes = std::fs::read(photo).map_err(io(photo))?;
            write_new_bytes(&dir.join(name), &bytes)?;
        }
    }
    let (known, unknown) = site_indicators(root);
    let mut figures = crate::import::figures_yaml(&imported, &known);
    if let Some(why) = unknown {
        figures.push_str(&format!("# (no indicator is suggested: {why})\n"));
    }
    Ok(ImportedFile { path, markdown, figures })
}

/// The site's indicators, for import to suggest one per figure, or why
/// there are none.
fn site_indicators(root: &Path) -> (Vec<crate::import::KnownIndicator>, Option<String>) {
    let path = root.join("content/indicators.yaml");
    let Ok(bytes) = std::fs::read(&path) else {
        return (Vec::new(), Some("there is no content/indicators.yaml".to_string()));
    };
    let read = crate::load::decode_text(&bytes)
        .map_err(|d| d.message.text(crate::text::lang::Lang::En))
        .and_then(|text| crate::import::known_indicators(&text).map_err(|e| e.to_string()));
    match read {
        Ok(known) if known.is_empty() => (known, Some("content/indicators.yaml lists no indicator".to_string())),
        Ok(known) => (known, None),
        Err(e) => (Vec::new(), Some(format!("content/indicators.yaml cannot be read: {e}"))),
    }
}

/// Writes a small working site into `dir` (which must not hold a site):
/// a district's (v1), a commune's or a province's (see [`skeleton`]).
pub fn init(dir: &Path, start: skeleton::Start) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.join("content").exists() {
        return Err(ScaffoldError::Exists(dir.join("content").display().to_string()));
    }
    let mut written = Vec::new();
    for (rel, text) in start.files() {
        let path = dir.join(rel);
        write_new(&path, text)?;
        written.push(path);
    }
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        write_new(&gitignore, "/public/\n/.public.bantin-*\n/.bantin-cache/\n")?;
        written.push(gitignore);
    }
    Ok(written)
}
