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
    // calamine finds a part by its name in any case, with `\` or `/`,
    // wherever the workbook's relations put it: every part that could be
    // the string table is looked at.
    let named = |zip: &zip::ZipArchive<Cursor<&[u8]>>, i: usize| -> Option<String> {
        Some(zip.name_for_index(i)?.ok()?.replace('\\', "/").to_ascii_lowercase())
    };
    for i in 0..zip.len() {
        let Some(name) = named(zip, i) else { continue };
        if !name.ends_with("sharedstrings.xml") {
            continue;
        }
        let Some((size, head)) = head_of(zip, i) else { continue };
        // Each string takes at least `<si/>`: five bytes. (`count` counts
        // the cells that use a string, and may well be larger.)
        let claimed = attribute(&head, "uniqueCount").unwrap_or(0);
        if claimed > size / 5 {
            out.damage = Some(format!("{name} claims {claimed} strings in {size} bytes"));
            return out;
        }
    }
    let workbook = (0..zip.len()).find(|&i| {
        named(zip, i).is_some_and(|n| n.ends_with(".xml") && n.rsplit('/').next().unwrap_or("").starts_with("workbook"))
    });
    if let Some((_, head)) = workbook.and_then(|w| head_of(zip, w)) {
        out.recalculated = full_calc_on_load(&head);
    }
    out
}

/// A part's unpacked size and its first 64 KiB, as text.
fn head_of(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, index: usize) -> Option<(u64, String)> {
    let part = zip.by_index(index).ok()?;
    let size = part.size();
    let mut head = Vec::new();
    // What was read before an error counts: calamine reads a damaged
    // part as far as it goes too (its checksum is only known at the end).
    let _ = part.take(64 * 1024).read_to_end(&mut head);
    Some((size, String::from_utf8_lossy(&head).into_owned()))
}

/// The number in `name="…"` (or `name='…'`, after any white space) of the
/// first element that has it; a number too large for `u64` is `u64::MAX`.
fn attribute(xml: &str, name: &str) -> Option<u64> {
    let pattern = format!("{name}=");
    let at = xml.match_indices(&pattern).find(|(i, _)| xml[..*i].ends_with(|c: char| c.is_ascii_whitespace()))?.0;
    let rest = xml.get(at + pattern.len()..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let digits = rest[1..].split(quote).next()?.trim().trim_start_matches('+');
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse().unwrap_or(u64::MAX))
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
    fn a_string_table_claiming_more_strings_than_its_bytes_hold_is_refused() {
        let crash =
            include_bytes!("../../../tests/fuzz_regressions/workbook/crash-fa11054aff412f99ca8e846f83887e47cba7310a");
        let mut zip = zip::ZipArchive::new(Cursor::new(&crash[..])).expect("the zip opens, as it does for calamine");
        let damage = look(&mut zip).damage.unwrap_or_default();
        assert!(damage.contains("claims 999999999999999999 strings"), "{damage}");
        assert_eq!(attribute("<sst\n\tuniqueCount=\"99999999999999999999999\">", "uniqueCount"), Some(u64::MAX));
        assert_eq!(attribute("<sst xuniqueCount=\"5\" uniqueCount=\"+7\">", "uniqueCount"), Some(7));
    }

    #[test]
    fn counts_are_read_from_either_quote() {
        assert_eq!(attribute("<sst count=\"9\" uniqueCount='7'>", "uniqueCount"), Some(7));
        assert_eq!(attribute("<sst count=\"9\">", "count"), Some(9));
        assert_eq!(attribute("<sst>", "count"), None);
    }
}
