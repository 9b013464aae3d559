//! Putting a new output in the old one's place: in one step where the
//! system can, else in two renames that the next run can mend.

use super::{io_err, WriteError};
use std::fs;
use std::path::{Path, PathBuf};

/// How the new output took the old one's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swapped {
    /// There was no output before: one rename.
    Placed,
    /// Both folders exchanged at once (`renameat2`, Linux).
    Exchanged,
    /// Two renames, the old output moved aside first.
    TwoRenames,
}

/// Puts `fresh` in the place of `out`; returns where the replaced output
/// now is (to be kept or deleted), if there was one.
pub(super) fn swap(fresh: &Path, out: &Path, old: &Path) -> Result<(Swapped, Option<PathBuf>), WriteError> {
    if fs::symlink_metadata(out).is_err() {
        fs::rename(fresh, out).map_err(io_err(out))?;
        return Ok((Swapped::Placed, None));
    }
    if exchange(fresh, out) {
        // `fresh` now holds the old output.
        return Ok((Swapped::Exchanged, Some(fresh.to_path_buf())));
    }
    fs::rename(out, old).map_err(io_err(out))?;
    if let Err(e) = fs::rename(fresh, out) {
        let _ = fs::rename(old, out);
        return Err(io_err(out)(e));
    }
    Ok((Swapped::TwoRenames, Some(old.to_path_buf())))
}

/// Exchanges two folders at once; `false` where the system or the file
/// system cannot (nothing is changed then).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (CString::new(a.as_os_str().as_bytes()), CString::new(b.as_os_str().as_bytes())) else {
        return false;
    };
    // SAFETY: both paths are NUL-terminated strings that live across the
    // call; renameat2 reads them and touches no memory of ours.
    let done =
        unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    done == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}
