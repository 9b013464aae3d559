//! Opening a workbook: what is looked at before calamine reads it (a zip
//! whose parts say they are larger than any real workbook, a string table
//! that claims more strings than its bytes can hold), the password check,
//! and whether the saved results of its formulas can be trusted.

use crate::diag::messages::Sheets;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::WorkbookFile;
use calamine::{Reader, Xlsx, XlsxError};
use std::io::{Cursor, Read};

/// The most bytes one part of a workbook may unpack to: a sheet of
/// 250,000 rows of figures unpacks to some 60 MB.
const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;

/// An opened workbook.
pub(super) struct Opened<'b> {
    pub xlsx: Xlsx<Cursor<&'b [u8]>>,
    /// It asks to be recalculated when opened: its saved results are not
    /// to be trusted (programs write 0 for every formula).
    pub recalculated: bool,
}

/// The workbook of `book`, or why it cannot be read (reported).
pub(super) fn open<'b>(book: &'b WorkbookFile, diags: &mut Diagnostics) -> Option<Opened<'b>> {
    let bytes: &'b [u8] = &book.bytes;
    let looked = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(mut zip) => look(&mut zip),
        // Not a zip: an encrypted workbook (a compound file), or no
        // workbook at all; calamine says which.
        Err(_) => Look::default(),
    };
    if let Some(detail) = looked.damage {
        diags.push(Diagnostic::error(&book.rel, None, Sheets::NotAWorkbook { detail }));
        return None;
    }
    let problem = match Xlsx::new(Cursor::new(bytes)) {
        Ok(xlsx) => return Some(Opened { xlsx, recalculated: looked.recalculated }),
        Err(XlsxError::Password) => Sheets::Encrypted,
        Err(e) => Sheets::NotAWorkbook { detail: e.to_string() },
    };
    diags.push(Diagnostic::error(&book.rel, None, problem));
    None
}

/// What the zip's parts say before any is read whole.
#[derive(Default)]
struct Look {
    /// Why the workbook is refused, if it is.
    damage: Option<String>,
    recalculated: bool,
}

fn look(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Look {
    let mut out = Look::default();
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else { continue };
        if part.size() > MAX_PART_BYTES {
            let name = part.name().map(|n| n.into_owned()).unwrap_or_else(|_| "?".into());
            out.damage = Some(format!("{name}: {} MB unpacked", part.size() / (1024 * 1024)));
            return out;
        }
    }
    if let Some((size, head)) = head_of(zip, "xl/sharedStrings.xml") {
        // Each string takes at least `<si/>`: five bytes.
        let claimed = attribute(&head, "uniqueCount").or_else(|| attribute(&head, "count")).unwrap_or(0);
        if claimed > size / 5 {
            out.damage = Some(format!("xl/sharedStrings.xml claims {claimed} strings in {size} bytes"));
            return out;
        }
    }
    let workbook: Option<String> = (0..zip.len()).find_map(|i| {
        let name = zip.name_for_index(i)?.ok()?.into_owned();
        let file = name.rsplit('/').next().unwrap_or("");
        (name.ends_with(".xml") && file.starts_with("workbook")).then_some(name)
    });
    if let Some((_, head)) = workbook.and_then(|w| head_of(zip, &w)) {
        out.recalculated = full_calc_on_load(&head);
    }
    out
}

/// A part's unpacked size and its first 64 KiB, as text.
fn head_of(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<(u64, String)> {
    let part = zip.by_name(name).ok()?;
    let size = part.size();
    let mut head = Vec::new();
    part.take(64 * 1024).read_to_end(&mut head).ok()?;
    Some((size, String::from_utf8_lossy(&head).into_owned()))
}

/// The number in `name="…"` (or `name='…'`) of the first element that has it.
fn attribute(xml: &str, name: &str) -> Option<u64> {
    let at = xml.find(&format!(" {name}="))? + name.len() + 2;
    let rest = xml.get(at..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    rest[1..].split(quote).next()?.trim().parse().ok()
}

/// Whether a workbook part's `calcPr` asks for a full calculation on load
/// (`fullCalcOnLoad="1"`, any prefix, either quote).
fn full_calc_on_load(xml: &str) -> bool {
    xml.split("calcPr").skip(1).any(|rest| {
        let attrs = rest.split('>').next().unwrap_or("");
        ["fullCalcOnLoad=\"1\"", "fullCalcOnLoad='1'", "fullCalcOnLoad=\"true\"", "fullCalcOnLoad='true'"]
            .iter()
            .any(|a| attrs.contains(a))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_that_asks_to_be_recalculated_is_seen_whatever_its_quotes_and_prefix() {
        assert!(full_calc_on_load("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>"));
        assert!(full_calc_on_load("<x:calcPr fullCalcOnLoad='true'/>"));
        assert!(!full_calc_on_load("<calcPr calcId=\"191029\"/>"));
    }

    #[test]
    fn counts_are_read_from_either_quote() {
        assert_eq!(attribute("<sst count=\"9\" uniqueCount='7'>", "uniqueCount"), Some(7));
        assert_eq!(attribute("<sst count=\"9\">", "count"), Some(9));
        assert_eq!(attribute("<sst>", "count"), None);
    }
}
