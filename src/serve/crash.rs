//! Keeping `serve` up when bantin itself fails. A panic while reading,
//! checking or rendering the site is a bug in bantin (no input is meant to
//! cause one); in `serve` it is caught where that work starts, shown as the
//! error page like a build error, and the preview goes on watching, so the
//! next save tries again (from a clean start: see
//! [`super::sources::Sources::forget`]).
//!
//! The locks `serve` shares between threads guard values that are only
//! ever replaced whole, so one held by a thread that panicked is still
//! sound: the helpers here take it all the same instead of failing every
//! request after it.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Runs `f`; a panic in it becomes its message.
pub(super) fn caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(message)
}

/// What a panic said.
pub(super) fn message(payload: Box<dyn Any + Send>) -> String {
    let text = payload.downcast_ref::<&str>().map(|s| s.to_string());
    text.or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".to_string())
}

/// The value behind `m`, also after a panic while it was held.
pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// [`lock`] for reading an `RwLock`.
pub(super) fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(PoisonError::into_inner)
}

/// [`lock`] for writing an `RwLock`.
pub(super) fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_locks_stay_usable() {
        assert_eq!(caught(|| 2 + 2), Ok(4));
        assert_eq!(caught(|| panic!("boom {}", 1)), Err::<(), _>("boom 1".to_string()));
        let m = Mutex::new(1);
        let _ = caught(|| {
            let mut g = m.lock().unwrap();
            *g = 2;
            panic!("while holding the lock");
        });
        assert!(m.is_poisoned());
        assert_eq!(*lock(&m), 2);
    }
}
