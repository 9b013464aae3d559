//! Stage 4½, photos: every JPEG or PNG beside an article, made into the
//! variants the site publishes (FORMAT v2, "Photos"), between `validate`
//! (which built the model) and `render` (which links the variants).
//!
//! The guarantee: a published photo is **resized** (never enlarged; the
//! widest variant 1600 px or the photo's own width), **upright** (its EXIF
//! orientation applied) and **stripped** (encoded anew: no EXIF, no GPS
//! position; a JPEG keeps only its colour profile); the same source gives
//! the same bytes; and it is **made once**: variants live in a cache
//! outside the output ([`cache`]), keyed by the source's bytes and the
//! settings, so a rebuild, `serve` and an edit to an article's text make
//! nothing again; a photo read to learn its hash is made from those bytes. Every photo of an article's folder is published this way,
//! shown or only linked, so no original ever reaches the site.
//!
//! An image that cannot be read, is too large, is CMYK, is missing or lies
//! outside the article's folder is an error naming the article (with the
//! line of the reference) and the image; nothing is written then.

pub mod cache;
pub mod make;
pub mod read;
pub mod strip;

use crate::diag::messages::Photos as Says;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Article, Photo, Site};
use cache::{Cache, Seen};
use rayon::prelude::*;
use read::ReadError;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Whether a file name is a photo's (`.jpg`, `.jpeg`, `.png`, any case).
pub fn is_photo(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
}

/// Makes (or finds in the cache under `root`) every photo of the site's
/// articles and records them in `site.photos`; problems go to `diags`.
pub fn prepare(root: &Path, site: &mut Site, diags: &mut Diagnostics) {
    let refs = references(site, diags);
    let sources: BTreeMap<String, PathBuf> = site
        .articles
        .iter()
        .flat_map(|a| a.assets.iter())
        .filter(|x| is_photo(&x.name))
        .map(|x| (x.source.rel.clone(), x.source.abs.clone()))
        .collect();
    let statics: Vec<(String, PathBuf)> = site
        .static_files
        .iter()
        .filter(|f| is_photo(&f.rel) && !f.rel.to_ascii_lowercase().ends_with(".png"))
        .map(|f| (f.rel.clone(), f.abs.clone()))
        .collect();
    if sources.is_empty() && statics.is_empty() {
        return;
    }
    let cache = Cache::at(root);
    let seen = cache.seen();
    let mut remembered = BTreeMap::new();
    for (rel, abs) in statics {
        match stripped(&cache, &abs, seen.get(&rel)) {
            Ok((s, photo)) => {
                remembered.insert(rel.clone(), s);
                site.photos.insert(rel, photo);
            }
            Err(e) => report(&rel, &e, &[], diags),
        }
    }
    // One pass per source: a photo read to learn its hash is made from
    // those bytes, never read twice.
    let made: Vec<(String, Made)> = sources
        .par_iter()
        .map(|(rel, abs)| {
            let made = hash(abs, seen.get(rel))
                .and_then(|(s, bytes)| photo(&cache, &s.hash, abs, rel, bytes).map(|photo| (s, photo)));
            (rel.clone(), made)
        })
        .collect();
    for (rel, result) in made {
        match result {
            Ok((s, photo)) => {
                remembered.insert(rel.clone(), s);
                site.photos.insert(rel, photo);
            }
            Err(e) => report(&rel, &e, refs.get(&rel).map(Vec::as_slice).unwrap_or_default(), diags),
        }
    }
    if let Err(e) = cache.remember(&remembered) {
        let path = Path::new(cache::DIR).join("photos").display().to_string();
        diags.push(Diagnostic::error(path.clone(), None, Says::Cache { path, detail: e.to_string() }));
    }
}

/// A source's hash and its photo, or why it has none.
type Made = Result<(Seen, Photo), ReadError>;

/// What the bytes of `abs` hash to: from an earlier build when its size
/// and time are unchanged (nothing read), else read, with the bytes.
fn hash(abs: &Path, before: Option<&Seen>) -> Result<(Seen, Option<Vec<u8>>), ReadError> {
    let io = |e: std::io::Error| ReadError::Broken(e.to_string());
    let meta = std::fs::metadata(abs).map_err(io)?;
    let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    let modified = modified.map_or(0, |d| d.as_nanos());
    if let Some(s) = before.filter(|s| s.len == meta.len() && s.modified == modified && modified != 0) {
        return Ok((s.clone(), None));
    }
    let bytes = std::fs::read(abs).map_err(io)?;
    let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    Ok((Seen { len: meta.len(), modified, hash }, Some(bytes)))
}

/// The photo of the source with `hash`: from the cache, else made (from
/// `bytes` when [`hash`] read them) and stored there.
fn photo(cache: &Cache, hash: &str, abs: &Path, rel: &str, bytes: Option<Vec<u8>>) -> Result<Photo, ReadError> {
    let io = |e: std::io::Error| ReadError::Broken(e.to_string());
    let ext = if rel.to_ascii_lowercase().ends_with(".png") { "png" } else { "jpg" };
    let variants = match cache.get(hash, ext) {
        Some(v) => v,
        None => {
            let bytes = match bytes {
                Some(b) => b,
                None => std::fs::read(abs).map_err(io)?,
            };
            let pixels = read::decode(&bytes, make::WIDTHS[make::WIDTHS.len() - 1])?;
            let ext = if pixels.format == read::Format::Png { "png" } else { "jpg" };
            let made = make::variants(&pixels).map_err(ReadError::Broken)?;
            cache.put(hash, ext, &made).map_err(io)?
        }
    };
    let widest = variants.last().ok_or_else(|| ReadError::Broken("no variant".into()))?;
    Ok(Photo { width: widest.width, height: widest.height, variants })
}

/// A static JPEG of the site without its metadata ([`strip`]), from the
/// cache or stripped and stored there, as a photo of one variant (its size
/// is not read: 0 × 0).
fn stripped(cache: &Cache, abs: &Path, before: Option<&Seen>) -> Result<(Seen, Photo), ReadError> {
    let (seen, bytes) = hash(abs, before)?;
    let key = format!("{}-static", seen.hash);
    let variants = match cache.get(&key, "jpg") {
        Some(v) => v,
        None => {
            let bytes = match bytes {
                Some(b) => b,
                None => std::fs::read(abs).map_err(|e| ReadError::Broken(e.to_string()))?,
            };
            let bytes = strip::jpeg(&bytes).ok_or(ReadError::NotAnImage)?;
            let made = [make::Made { width: 0, height: 0, bytes }];
            cache.put(&key, "jpg", &made).map_err(|e| ReadError::Broken(e.to_string()))?
        }
    };
    Ok((seen, Photo { width: 0, height: 0, variants }))
}

/// Where an article shows an image: the article's file and the line.
#[derive(Debug, Clone)]
struct Shown {
    file: String,
    line: Option<usize>,
}

/// The photos each article shows (by source path), with where; images that
/// are missing or outside the article's folder are reported here.
fn references(site: &Site, diags: &mut Diagnostics) -> BTreeMap<String, Vec<Shown>> {
    let mut out: BTreeMap<String, Vec<Shown>> = BTreeMap::new();
    // In parallel: a large build reads each body back from its spool.
    let images: Vec<std::io::Result<Vec<Image>>> = site.articles.par_iter().map(|a| markdown_images(a)).collect();
    for (a, images) in site.articles.iter().zip(images) {
        let mut links = match images {
            Ok(links) => links,
            Err(e) => {
                let problem = crate::diag::messages::Files::SpoolFailed { detail: e.to_string() };
                diags.push(Diagnostic::error(&a.file, None, problem));
                continue;
            }
        };
        links.extend(a.image.iter().map(|i| (i.clone(), None)));
        for (link, line) in links {
            let shown = Shown { file: a.file.clone(), line };
            let Some(name) = local_photo(&link) else { continue };
            let pos = line.map(|l| Pos::new(l, 1));
            if name.split('/').any(|s| s == "..") {
                diags.push(Diagnostic::error(&a.file, pos, Says::OutsideFolder { image: link.clone() }));
            } else if let Some(asset) = a.assets.iter().find(|x| x.name == name) {
                out.entry(asset.source.rel.clone()).or_default().push(shown);
            } else if line.is_some() {
                // (`image:` is checked with the front matter.)
                diags.push(Diagnostic::error(&a.file, pos, Says::Missing { image: link.clone() }));
            }
        }
    }
    out
}

/// The file name below the article's folder a link to a photo names; `None`
/// for a link elsewhere (a web address, the site root) or to no photo.
fn local_photo(link: &str) -> Option<String> {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() || path.starts_with('/') || path.contains(':') || !is_photo(path) {
        return None;
    }
    Some(crate::render::links::decode_percent(path.strip_prefix("./").unwrap_or(path)))
}

/// An image's link, and the line that shows it (none: the lead image).
type Image = (String, Option<usize>);

/// The images of an article's Markdown with their lines.
fn markdown_images(a: &Article) -> std::io::Result<Vec<Image>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let text = a.body.markdown.get()?;
    let md: &str = &text;
    if !md.contains("![") && !md.contains("<img") {
        return Ok(Vec::new());
    }
    Ok(Parser::new_ext(md, Options::all())
        .into_offset_iter()
        .filter_map(|(e, range)| match e {
            Event::Start(Tag::Image { dest_url, .. }) => {
                let line = a.body.first_line + md[..range.start].matches('\n').count();
                Some((dest_url.to_string(), Some(line)))
            }
            _ => None,
        })
        .collect())
}

/// An error for a photo that cannot be published, at every place that
/// shows it, or at the file itself when none does.
fn report(rel: &str, e: &ReadError, shown: &[Shown], diags: &mut Diagnostics) {
    let says = match e.clone() {
        ReadError::NotAnImage => Says::NotAnImage { image: rel.to_string() },
        ReadError::TooLarge { width, height } => {
            Says::TooLarge { image: rel.to_string(), width, height, limit: read::MAX_PIXELS }
        }
        ReadError::Cmyk => Says::Cmyk { image: rel.to_string() },
        ReadError::Truncated => Says::Truncated { image: rel.to_string() },
        ReadError::Broken(detail) => Says::Broken { image: rel.to_string(), detail },
    };
    if shown.is_empty() {
        diags.push(Diagnostic::error(rel, None, says));
        return;
    }
    for s in shown {
        diags.push(Diagnostic::error(&s.file, s.line.map(|l| Pos::new(l, 1)), says.clone()));
    }
}
