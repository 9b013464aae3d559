//! Photos as the site publishes them (FORMAT v2, "Photos"): for every JPEG
//! or PNG beside an article, its size as shown (after its EXIF orientation)
//! and the variants made of it, widest last. The `photos` stage fills this
//! in; render only reads it.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// One source image, keyed in [`Photos`] by its path below the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The size of the widest variant.
    pub width: u32,
    pub height: u32,
    /// Narrowest first; the last is published under the source's own name.
    pub variants: Vec<Variant>,
}

/// One published size of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// The made file, in the cache outside the output.
    pub file: PathBuf,
}

impl Photo {
    /// The name a variant is published under, beside the article: the
    /// widest keeps `name`; the others add their width (`hoi-nghi-480w.jpg`).
    pub fn variant_name(&self, name: &str, v: &Variant) -> String {
        let widest = self.variants.last().map(|w| w.width);
        if Some(v.width) == widest {
            return name.to_string();
        }
        match name.rfind('.') {
            Some(dot) if !name[dot..].contains('/') => format!("{}-{}w{}", &name[..dot], v.width, &name[dot..]),
            _ => format!("{name}-{}w", v.width),
        }
    }
}

/// Every photo of the site, by the source's path below the root.
pub type Photos = BTreeMap<String, Photo>;
