//! What the previous build made, so that an output whose inputs are the
//! same is not made again.
//!
//! The rule: a page is a pure function of the theme's templates, the
//! site-wide globals and the page's own context (templates have no
//! functions that read anything else); a share card is a pure function of
//! its text. The [`Fingerprint`] of an output is a 128-bit hash (XXH3) of
//! all of these, fed to it as serde walks them ([`feed`]). When [`Earlier`] knows a file the previous build made
//! at the same path from the same fingerprint, and that file is still as
//! that build left it, the output is that file ([`OutputData::Cached`]:
//! linked, not written), and the template is not run. The program that made
//! it must be this one: its owner (`write::record`) keeps nothing across a
//! new bantin.
//!
//! Asking is also telling: every fingerprint asked about is what the next
//! build will be told this build made.
//!
//! [`Inputs`] and [`Fingerprint`] are bantin's one way of hashing what an
//! output is made from: `serve`'s memory of drawn charts, cards and
//! workbooks ([`super::cache`]) is keyed by them too.
//!
//! [`OutputData::Cached`]: super::OutputData::Cached

mod feed;

use serde::Serialize;
use std::path::PathBuf;
use xxhash_rust::xxh3::Xxh3;

/// The hash of everything an output is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub u128);

/// The files the previous build made, by what they were made from.
pub trait Earlier: Sync + Send {
    /// The file the previous build made at `path` (below the output) from
    /// `inputs`, if it is still as that build left it. Either way, this
    /// build makes `path` from `inputs`.
    fn file(&self, path: &str, inputs: &Fingerprint) -> Option<PathBuf>;
}

/// A fingerprint being made: parts in order, each one delimited, so no two
/// different lists of parts give the same bytes to hash.
#[derive(Clone)]
pub struct Inputs(Xxh3);

impl Inputs {
    /// Starts a fingerprint of one kind of output (`page`, `card`).
    pub fn new(kind: &str) -> Inputs {
        let mut inputs = Inputs(Xxh3::new());
        inputs.part(kind.as_bytes());
        inputs
    }

    /// Adds some bytes, with their length.
    pub fn part(&mut self, bytes: &[u8]) -> &mut Inputs {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// Adds a value, as serde walks it (the order of its fields is its
    /// type's, a map's the order it gives: the same value, the same
    /// fingerprint). `None` when it cannot be serialised (the template
    /// engine then says why).
    pub fn value<T: Serialize + ?Sized>(mut self, value: &T) -> Option<Inputs> {
        value.serialize(&mut feed::Feed { hash: &mut self.0 }).ok()?;
        self.part(b"end of value");
        Some(self)
    }

    pub fn finish(self) -> Fingerprint {
        Fingerprint(self.0.digest128())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(parts: &[&str]) -> Fingerprint {
        let mut i = Inputs::new("test");
        for p in parts {
            i.part(p.as_bytes());
        }
        i.finish()
    }

    #[test]
    fn parts_are_delimited_so_moving_a_boundary_changes_the_fingerprint() {
        assert_ne!(of(&["ab", "c"]), of(&["a", "bc"]));
        assert_ne!(of(&["abc"]), of(&["abc", ""]));
        assert_eq!(of(&["a", "b"]), of(&["a", "b"]));
    }

    #[test]
    fn a_value_gives_the_same_fingerprint_however_large_and_a_changed_byte_another() {
        let big: Vec<String> = (0..20_000).map(|i| format!("dòng {i}")).collect();
        let a = Inputs::new("page").value(&big).unwrap().finish();
        assert_eq!(a, Inputs::new("page").value(&big).unwrap().finish());
        let mut other = big.clone();
        other[19_999].push('.');
        assert_ne!(a, Inputs::new("page").value(&other).unwrap().finish());
        assert_ne!(a, Inputs::new("card").value(&big).unwrap().finish(), "the kind is part of it");
    }
}
