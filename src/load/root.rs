//! The two folders units live in: `content/districts/` (version 1) and
//! `content/units/` (version 2, "Units over time"). Their pages keep the
//! same folder names in the output (`route` builds the paths).

/// The folder a unit's content and pages live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Root {
    /// `content/districts/<slug>/district.yaml`, pages at `districts/<slug>/` (v1).
    #[default]
    Districts,
    /// `content/units/<slug>/unit.yaml`, pages at `units/<slug>/` (v2).
    Units,
}

impl Root {
    /// The folder's name, in `content/` and in the output.
    pub fn folder(self) -> &'static str {
        match self {
            Root::Districts => "districts",
            Root::Units => "units",
        }
    }

    /// The unit's own YAML file in its folder.
    pub fn yaml(self) -> &'static str {
        match self {
            Root::Districts => "district.yaml",
            Root::Units => "unit.yaml",
        }
    }
}
