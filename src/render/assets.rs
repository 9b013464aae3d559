//! Theme assets with a content hash in their name (`style.3f2a1c9e.css`),
//! safe to cache forever; templates find them by their plain name in
//! `assets` (`{{ root }}{{ assets["style.css"] }}`).
//!
//! Top-level `.css` and `.js` files of the theme are renamed; anything else
//! (fonts, images a stylesheet points at) keeps its name so relative
//! `url()`s keep working. `content/static/` is copied verbatim on top.

use super::{Output, OutputData};
use crate::model::Site;
use crate::theme::Theme;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// `style.css` + its bytes → `style.<8 hex>.css`.
pub fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let hash = &sha256_hex(bytes)[..8];
    match path.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{path}.{hash}"),
    }
}

/// The stylesheet of units over time: written (and linked) only for a
/// site that uses them, so a version 1 site keeps its bytes.
pub const UNITS_CSS: &str = "units.css";

fn is_hashed(path: &str) -> bool {
    !path.contains('/') && (path.ends_with(".css") || path.ends_with(".js"))
}

/// The output files of the theme's and the site's static files, and the
/// name → output path map templates use.
pub fn statics(site: &Site, theme: &Theme) -> (BTreeMap<String, String>, Vec<Output>) {
    let mut names = BTreeMap::new();
    let mut by_path: BTreeMap<String, OutputData> = BTreeMap::new();
    for (path, src) in &theme.statics {
        if path == UNITS_CSS && !crate::render::places::uses_units(site) {
            continue;
        }
        let bytes = src.bytes();
        let out = if is_hashed(path) { hashed_name(path, bytes) } else { path.clone() };
        names.insert(path.clone(), out.clone());
        let data = match src {
            crate::theme::StaticSource::Builtin(b) => OutputData::Static(b),
            crate::theme::StaticSource::Read(v) => OutputData::Bytes(v.clone()),
        };
        by_path.insert(out, data);
    }
    for f in &site.static_files {
        let path = f.rel.trim_start_matches("content/static/").to_string();
        // A static JPEG is published without its metadata (the photos stage).
        let data = match site.photos.get(&f.rel).and_then(|p| p.variants.last()) {
            Some(v) => OutputData::Cached(v.file.clone()),
            None => OutputData::Copy(f.abs.clone()),
        };
        by_path.insert(path, data);
    }
    (names, by_path.into_iter().map(|(path, data)| Output { path, data }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_hash() {
        assert_eq!(hashed_name("style.css", b"body{}"), format!("style.{}.css", &sha256_hex(b"body{}")[..8]));
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(is_hashed("style.css") && is_hashed("search.js"));
        assert!(!is_hashed("fonts/a.css") && !is_hashed("logo.svg"));
    }
}
