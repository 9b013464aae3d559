//! `indicators/<id>.xlsx`: an indicator's observations as a workbook an
//! officer can download, correct and put back in a unit's `data/` folder
//! (FORMAT v2, "Spreadsheets as they are kept").
//!
//! One sheet, the columns of the CSV input (`indicator` first, so the
//! sheet reads back as it is; `district` says where the row came from: a
//! unit's `data/` folder reads only its own rows back), the header bold and frozen,
//! numbers as numbers in a format that shows the decimals they were written
//! with (8850.20 stays 8850.20 when read back), periods as text (never
//! dates). The same data gives the same bytes: the writer's only clock,
//! the document's creation time, is set from the data (the end of its
//! latest period), and the zip's file times are fixed by the writer.

use super::csvout::{published, Row};
use crate::model::{Num, Site};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The header, in the order of the sheet's columns.
pub const HEADER: [&str; 9] =
    ["indicator", "district", "commune", "period", "value", "total", "target", "note", "status"];

/// The workbook of the indicator at `index`, rows as its CSV's.
pub fn indicator_xlsx(site: &Site, index: usize) -> Result<Vec<u8>, XlsxError> {
    workbook(&site.indicators[index].id, &published(site, index))
}

/// A sheet named after `id`, holding `rows`.
pub fn workbook(id: &str, rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let latest = rows.iter().map(|r| r.observation.period.end()).max();
    let created = match latest {
        Some(day) => ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)?,
        None => ExcelDateTime::from_ymd(2000, 1, 1)?,
    };
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(id))?;
    let bold = Format::new().set_bold();
    for (col, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let formats: Vec<Format> = (0..=12).map(|d| Format::new().set_num_format(number_format(d))).collect();
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let o = row.observation;
        let texts = [
            (0, id),
            (1, row.district),
            (2, row.commune),
            (7, excel_text(o.note.as_deref().unwrap_or(""))),
            (8, o.certainty.csv()),
        ];
        for (col, text) in texts.into_iter().filter(|(_, t)| !t.is_empty()) {
            sheet.write_string(r, col, text)?;
        }
        sheet.write_string(r, 3, o.period.key())?;
        for (col, n) in [(4, o.value), (5, o.total), (6, o.target)] {
            if let Some(Num { value, decimals }) = n {
                sheet.write_number_with_format(r, col, value, &formats[decimals.min(12) as usize])?;
            }
        }
    }
    for (col, width) in [(0, 24), (1, 14), (2, 18), (3, 10), (7, 40)] {
        sheet.set_column_width(col, width)?;
    }
    book.save_to_buffer()
}

/// The most characters Excel keeps in a cell.
const CELL_CHARS: usize = 32_767;

/// `text`, cut to what a cell holds (a note longer than that is kept whole
/// in the CSV).
fn excel_text(text: &str) -> &str {
    match text.char_indices().nth(CELL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// A number format showing `decimals` decimals (`0`, `0.00`).
fn number_format(decimals: usize) -> String {
    match decimals {
        0 => "0".to_string(),
        d => format!("0.{}", "0".repeat(d)),
    }
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(id: &str) -> String {
    let clean: String = id.chars().map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c }).take(31).collect();
    if clean.trim().is_empty() {
        "data".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_format_shows_the_decimals_the_value_was_written_with() {
        assert_eq!(number_format(0), "0");
        assert_eq!(number_format(2), "0.00");
    }

    #[test]
    fn a_note_is_cut_to_what_a_cell_holds() {
        assert_eq!(excel_text("ngắn"), "ngắn");
        assert_eq!(excel_text(&"ố".repeat(40_000)).chars().count(), CELL_CHARS);
    }

    #[test]
    fn sheet_names_are_ones_excel_takes() {
        assert_eq!(sheet_name("gross-output"), "gross-output");
        assert_eq!(sheet_name("a/b"), "a-b");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn the_same_rows_give_the_same_bytes() {
        let o = crate::model::observation("2023", Some(118.0), Some(153.0), None);
        let rows = [Row { district: "ky-anh", commune: "", observation: &o }];
        assert_eq!(workbook("x", &rows).unwrap(), workbook("x", &rows).unwrap());
    }
}
