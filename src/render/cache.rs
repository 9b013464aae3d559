//! A memory of what was drawn, for `bantin serve`: a chart or a share card
//! whose contents are unchanged is not drawn again after an edit.
//!
//! Keys are fingerprints of everything drawn ([`Fingerprint`], the same
//! hash the record of the last build uses), so reuse is exact: the same
//! contents give the same bytes. Entries not used by the latest build are
//! dropped at its end, so the cache never outgrows one site.

use super::earlier::Fingerprint;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// What was made, by fingerprint, with the build that last used it.
#[derive(Default)]
pub struct RenderCache {
    entries: Mutex<HashMap<Fingerprint, (u64, Vec<u8>)>>,
    generation: AtomicUsize,
}

impl RenderCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a build: what it uses is kept at its end.
    pub fn begin(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Ends a build: forgets what it did not use.
    pub fn end(&self) {
        let current = self.generation.load(Ordering::SeqCst) as u64;
        if let Ok(mut e) = self.entries.lock() {
            e.retain(|_, (g, _)| *g == current);
        }
    }

    /// The bytes for `key`, made by `make` unless already known.
    pub fn get_or_make<E>(&self, key: Fingerprint, make: impl FnOnce() -> Result<Vec<u8>, E>) -> Result<Vec<u8>, E> {
        let current = self.generation.load(Ordering::SeqCst) as u64;
        if let Ok(mut e) = self.entries.lock() {
            if let Some((g, bytes)) = e.get_mut(&key) {
                *g = current;
                return Ok(bytes.clone());
            }
        }
        let bytes = make()?;
        if let Ok(mut e) = self.entries.lock() {
            e.insert(key, (current, bytes.clone()));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_and_forgets() {
        let c = RenderCache::new();
        c.begin();
        let a: Result<Vec<u8>, ()> = c.get_or_make(Fingerprint(1), || Ok(b"a".to_vec()));
        assert_eq!(a.unwrap(), b"a");
        let again: Result<Vec<u8>, ()> = c.get_or_make(Fingerprint(1), || panic!("must not be made again"));
        assert_eq!(again.unwrap(), b"a");
        c.end();
        c.begin();
        c.end();
        let fresh: Result<Vec<u8>, ()> = c.get_or_make(Fingerprint(1), || Ok(b"b".to_vec()));
        assert_eq!(fresh.unwrap(), b"b", "unused entries are dropped");
    }
}
