//! Reading files: text (checked and normalised by [`decode`](super::decode)),
//! workbooks as bytes, many at once; a large site's article texts put into
//! a spool as they are read (`text::spool`).

use super::{decode_owned, inside_root, real_root, AssetFile, Keep, TextFile, WorkbookFile};
use crate::diag::messages::Files;
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::spool::{Spool, Text};
use std::path::Path;
use std::sync::Arc;

/// How many files are read at once. Reading waits on the disk more than on
/// the processor: from a cold cache, 100,000 articles were read three times
/// faster with 16 reads in flight than with one per core (2 cores).
const READS_IN_FLIGHT: usize = 16;

/// Reads files in parallel with `read`, keeping their order; problems
/// reported.
pub(super) fn read_all<T: Send>(
    files: &[AssetFile],
    read: impl Fn(&AssetFile, &mut Diagnostics) -> Option<T> + Sync,
    diags: &mut Diagnostics,
) -> Vec<Option<T>> {
    use rayon::prelude::*;
    let read_each = || -> Vec<(Option<T>, Diagnostics)> {
        files
            .par_iter()
            .map(|f| {
                let mut d = Diagnostics::new();
                (read(f, &mut d), d)
            })
            .collect()
    };
    let readers = (files.len() > READS_IN_FLIGHT)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(READS_IN_FLIGHT)
                .thread_name(|i| format!("read-{i}"))
                .build()
                .ok()
        })
        .flatten();
    let read = match readers {
        Some(pool) => pool.install(read_each),
        None => read_each(),
    };
    read.into_iter()
        .map(|(t, d)| {
            diags.extend(d);
            t
        })
        .collect()
}

/// The spool for a site of `articles` articles, if `keep` asks for one.
pub(super) fn spool(keep: &Keep, articles: usize) -> Result<Option<Arc<Spool>>, Diagnostic> {
    match keep {
        // The folder may be the output's new parent, which `write` is
        // making at the same moment: it is made here too.
        Keep::SpoolAbove { above, dir } if articles > *above => {
            let made = std::fs::create_dir_all(dir).and_then(|()| Spool::new_in(dir));
            made.map(Some).map_err(|e| {
                let problem = Files::SpoolNotMade { articles, detail: e.to_string() };
                Diagnostic::error(dir.display().to_string(), None, problem)
            })
        }
        _ => Ok(None),
    }
}

/// Reads an article's text, into `spool` if there is one.
pub(super) fn read_article(
    file: &AssetFile,
    spool: Option<&Arc<Spool>>,
    diags: &mut Diagnostics,
) -> Option<TextFile<Text>> {
    let t = read_text(file, diags)?;
    let text = match spool {
        None => Text::Held(t.text),
        Some(spool) => match spool.put(&t.text) {
            Ok(spooled) => Text::Spooled(spooled),
            Err(e) => {
                // Said once: a full disk fails every article after it.
                if spool.first_failure() {
                    diags.push(Diagnostic::error(&t.rel, None, Files::SpoolFailed { detail: e.to_string() }));
                }
                return None;
            }
        },
    };
    Some(TextFile { rel: t.rel, text })
}

pub(super) fn read_optional(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<TextFile> {
    let abs = root.join(rel);
    if !abs.is_file() {
        return None;
    }
    let Some(real) = inside_root(&real_root(root), &abs) else {
        diags.push(Diagnostic::error(rel, None, Files::SymlinkOutside));
        return None;
    };
    read_text(&AssetFile { rel: rel.to_string(), abs: real }, diags)
}

/// The largest workbook bantin reads: a sheet of 250,000 rows of figures
/// takes some 10 MB.
pub const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a workbook's bytes; one too large, or unreadable, is reported.
pub fn read_workbook(file: &AssetFile, diags: &mut Diagnostics) -> Option<WorkbookFile> {
    match read_bounded(&file.abs, MAX_WORKBOOK_BYTES) {
        Ok(Ok(bytes)) => Some(WorkbookFile { rel: file.rel.clone(), bytes: bytes.into() }),
        Ok(Err(len)) => {
            let max = MAX_WORKBOOK_BYTES / (1024 * 1024);
            // Rounded up: a file just over the limit is not "64 MB of 64".
            let mb = len.div_ceil(1024 * 1024);
            diags.push(Diagnostic::error(&file.rel, None, crate::diag::messages::Sheets::TooLarge { mb, max }));
            None
        }
        Err(err) => {
            diags.push(Diagnostic::error(&file.rel, None, Files::CannotRead { detail: err.to_string() }));
            None
        }
    }
}

/// The largest text file bantin reads (an article of 10 MB is already
/// some 2,000 printed pages).
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a text file; a file that is not UTF-8 text, or too large, is reported.
pub fn read_text(file: &AssetFile, diags: &mut Diagnostics) -> Option<TextFile> {
    match read_bounded(&file.abs, MAX_TEXT_BYTES) {
        Ok(Ok(bytes)) => match decode_owned(bytes) {
            Ok(text) => Some(TextFile { rel: file.rel.clone(), text: text.into() }),
            Err(d) => {
                diags.push(Diagnostic { file: file.rel.clone(), ..d });
                None
            }
        },
        Ok(Err(len)) => {
            let max = MAX_TEXT_BYTES / (1024 * 1024);
            let mb = len / (1024 * 1024);
            diags.push(Diagnostic::error(&file.rel, None, Files::TooLarge { mb, max }));
            None
        }
        Err(err) => {
            diags.push(Diagnostic::error(&file.rel, None, Files::CannotRead { detail: err.to_string() }));
            None
        }
    }
}

/// The bytes of the file at `path`, or its size in bytes when it is
/// larger than `max`. One open and one size query per file (asking the
/// size by path first, then reading, was a second lookup of every file).
fn read_bounded(path: &Path, max: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    if len > max {
        return Ok(Err(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grew since its size was asked is still bounded.
    (&mut f).take(max + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read <= max { Ok(bytes) } else { Err(f.metadata().map_or(read, |m| m.len().max(read))) })
}
