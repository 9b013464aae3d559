//! Observations from workbooks: a district's or unit's `data/*.xlsx`
//! (FORMAT v2, "Spreadsheets as they are kept").
//!
//! The rule, sheet by sheet, in the workbook's order, hidden sheets too
//! (a warning says their figures are published; chart and macro sheets
//! have no cells and are passed over with a warning):
//! - The header is the sheet's first row. When its non-empty cells are all
//!   column names of the CSV input ([`COLUMNS`], any case, spaces around
//!   ignored) and include `indicator` and `period`, the sheet is read.
//!   When they name none (an empty first row too), the sheet is skipped
//!   with a warning; the warning says so when a later row holds the names
//!   (bantin does not look for a header below the first row: the rows
//!   above it would be a title, and a title is not data). A first row that
//!   mixes names with other words, names a column twice, or lacks
//!   `indicator` or `period`, is an error naming the cell; so are merged
//!   first-row cells.
//! - Each later row is one observation; empty rows are skipped. Figures
//!   under a first-row cell that names nothing are not read (a warning
//!   names the column).
//! - A number cell is read as the number it holds, never as its displayed
//!   text; it keeps the decimals its format shows (`0.00` shows 8850.20),
//!   or as many as the number needs when the format shows fewer. A cell
//!   formatted as a percent holds a fraction (107,79% is 1.0779) and is read
//!   as the percent the officer sees (107.79).
//! - A `period` cell that Excel turned into a date is read as its month
//!   (`YYYY-MM`); a number (`2023`) as its digits.
//! - Text where a number belongs (`8.850,26`, `107,79%`), a date or TRUE
//!   there, a formula's error (`#DIV/0!`), and a formula with no saved
//!   result (or in a workbook that asks to be recalculated when opened,
//!   as files written by programs do) are errors naming the cell: bantin
//!   reads the results a workbook saved and never calculates.
//!
//! The sheet is streamed: memory grows with the rows read, and a sheet of
//! more than [`MAX_SHEET_ROWS`] rows below its header is an error after
//! that many.

use super::csvobs::{CsvRow, SheetColumns, COLUMNS};
use crate::diag::messages::Sheets;
use crate::diag::{cell_name, column_letters, Diagnostic, Diagnostics, Pos};
use crate::load::WorkbookFile;
use calamine::{DataRef, Reader, SheetType, Xlsx};
use std::collections::{BTreeMap, BTreeSet};

/// The most rows bantin reads from one sheet.
pub const MAX_SHEET_ROWS: usize = 250_000;

/// Every observation row of every sheet read, each with the place that
/// names its sheet (`content/…/data/a.xlsx: Sheet1`); problems reported.
pub fn rows(book: &WorkbookFile, diags: &mut Diagnostics) -> Vec<(String, CsvRow)> {
    let ext = book.rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if ext != "xlsx" && ext != "xlsm" {
        // A warning, not an error: a version 1 site with such a file in
        // `data/` built before.
        diags.push(Diagnostic::warning(&book.rel, None, Sheets::OtherFormat { ext }));
        return Vec::new();
    }
    // The reader is another crate's, fed hostile bytes: a panic in it is
    // a damaged workbook, reported as such, never the end of the build.
    let mut found = Diagnostics::new();
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_book(book, &mut found)));
    match read {
        Ok(rows) => {
            diags.extend(found);
            rows
        }
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            diags.push(Diagnostic::error(&book.rel, None, Sheets::NotAWorkbook { detail }));
            Vec::new()
        }
    }
}

fn read_book(book: &WorkbookFile, diags: &mut Diagnostics) -> Vec<(String, CsvRow)> {
    let Some(book::Opened { mut xlsx, recalculated }) = book::open(book, diags) else { return Vec::new() };
    let mut sheets: Vec<(String, bool)> = Vec::new();
    for s in xlsx.sheets_metadata() {
        if s.typ == SheetType::WorkSheet {
            sheets.push((s.name.clone(), s.visible != calamine::SheetVisible::Visible));
        } else {
            let place = format!("{}: {}", book.rel, sheet_ref(&s.name));
            diags.push(Diagnostic::warning(&place, None, Sheets::NoCells { sheet: sheet_ref(&s.name) }));
        }
    }
    let mut out = Vec::new();
    for (name, hidden) in sheets {
        let place = format!("{}: {}", book.rel, sheet_ref(&name));
        let read = Sheet { name: &name, place: &place, recalculated };
        let rows = read.rows(&mut xlsx, diags);
        // The format reads a sheet by its first row, hidden or not; an
        // officer who hid it may not expect it published, so say so.
        if hidden && !rows.is_empty() {
            diags.push(Diagnostic::warning(&place, None, Sheets::Hidden { sheet: sheet_ref(&name) }));
        }
        out.extend(rows.into_iter().map(|row| (place.clone(), row)));
    }
    out
}

/// A sheet's name as a cell reference writes it: quoted unless plain.
fn sheet_ref(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_') && !name.starts_with(|c: char| c.is_numeric());
    if plain && !name.is_empty() {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// How a cell's number format shows its number.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Shape {
    /// Decimals the format shows, if fixed (`0.00`: 2).
    decimals: Option<usize>,
    /// A percent format: the cell holds a fraction.
    percent: bool,
}

impl Shape {
    fn of(style: &calamine::Style) -> Shape {
        style.number_format.as_ref().map(|f| Shape::of_code(&f.format_code)).unwrap_or_default()
    }

    /// The shape of a number format code (`#,##0.00`, `0.0%`): its first
    /// section (positive numbers), leaving out what only shows text:
    /// quoted text, a character escaped by `\\`, the `_` and `*` spacers'
    /// characters and bracketed parts (`[Red]`, `[$-42A]`).
    fn of_code(code: &str) -> Shape {
        let mut shown = String::new();
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            match c {
                ';' => break,
                '"' => while chars.next().is_some_and(|q| q != '"') {},
                '[' => while chars.next().is_some_and(|q| q != ']') {},
                '\\' | '_' | '*' => {
                    chars.next();
                }
                other => shown.push(other),
            }
        }
        let percent = shown.contains('%');
        let decimals = shown
            .split_once('.')
            .map(|(_, after)| after.chars().take_while(|c| matches!(c, '0' | '#' | '?')).filter(|c| *c == '0').count());
        Shape { decimals: decimals.filter(|d| *d > 0), percent }
    }
}

/// One sheet being read.
struct Sheet<'a> {
    name: &'a str,
    place: &'a str,
    recalculated: bool,
}

/// The first row, understood.
struct Header {
    /// Column (0-based) → name.
    named: BTreeMap<u32, &'static str>,
    columns: SheetColumns,
    /// An empty first-row cell between named ones (merged cells leave one).
    gap: bool,
}

/// A cell as the reader gave it.
type Cells<'d> = Vec<(u32, DataRef<'d>, Shape)>;

/// What reading the rows found.
#[derive(Default)]
struct Found {
    rows: Vec<CsvRow>,
    /// Data rows' cells in named columns that hold nothing: a formula there
    /// has no saved result.
    empty: BTreeSet<(u32, u32)>,
    /// Columns with figures under an empty first-row cell, with the first
    /// such cell.
    unnamed: BTreeMap<u32, u32>,
    /// Data rows, by row, for the formula check.
    data_rows: BTreeSet<u32>,
}

impl Sheet<'_> {
    fn error(&self, row: u32, col: u32, problem: Sheets) -> Diagnostic {
        Diagnostic::error(self.place, Some(Pos::cell(row as usize + 1, col as usize + 1)), problem)
    }

    fn warning(&self, row: u32, col: u32, problem: Sheets) -> Diagnostic {
        Diagnostic::warning(self.place, Some(Pos::cell(row as usize + 1, col as usize + 1)), problem)
    }

    /// The sheet's observation rows; problems reported.
    fn rows<R: std::io::Read + std::io::Seek>(&self, xlsx: &mut Xlsx<R>, diags: &mut Diagnostics) -> Vec<CsvRow> {
        let Some((header, found)) = self.read(xlsx, diags) else { return Vec::new() };
        if header.gap || !found.unnamed.is_empty() {
            let merged = xlsx.merge_cells_by_sheet_name(self.name).unwrap_or_default();
            if let Some(m) = merged.iter().find(|m| m.start.0 == 0 && m.end.1 > m.start.1) {
                let range = format!("{}:{}", cell_name(1, m.start.1 as usize + 1), cell_name(1, m.end.1 as usize + 1));
                diags.push(self.error(0, m.start.1, Sheets::MergedHeader { range }));
                return Vec::new();
            }
        }
        for (&col, &row) in &found.unnamed {
            let column = column_letters(col as usize + 1);
            diags.push(self.warning(row, col, Sheets::UnnamedColumn { column }));
        }
        // A second pass over the sheet, only when a formula could be
        // refused: every one of a recalculated workbook, or one whose
        // cell held no saved value.
        if !self.recalculated && found.empty.is_empty() {
            return found.rows;
        }
        let bad = self.formulas(xlsx, &header, &found, diags);
        found.rows.into_iter().filter(|r| !bad.contains(&(r.line as u32 - 1))).collect()
    }

    /// Reads the header and the rows (one pass over the sheet).
    fn read<R: std::io::Read + std::io::Seek>(
        &self,
        xlsx: &mut Xlsx<R>,
        diags: &mut Diagnostics,
    ) -> Option<(Header, Found)> {
        let mut reader = match xlsx.worksheet_cells_reader(self.name) {
            Ok(r) => r,
            Err(e) => {
                diags.push(Diagnostic::error(self.place, None, Sheets::Damaged { detail: e.to_string() }));
                return None;
            }
        };
        let shapes: Vec<Shape> = reader.styles().iter().map(Shape::of).collect();
        let mut pass = Pass::default();
        let (mut row, mut cells): (Option<u32>, Cells) = (None, Vec::new());
        loop {
            let next = match reader.next_cell_with_style_id() {
                Ok(next) => next,
                Err(e) => {
                    let at = row.unwrap_or(0);
                    diags.push(self.error(at, 0, Sheets::Damaged { detail: e.to_string() }));
                    return None;
                }
            };
            let at = next.as_ref().map(|(c, _)| c.get_position().0);
            if let Some(r) = row.filter(|&r| at != Some(r)) {
                // Excel writes rows in order; a row given again after a
                // later one is damage, never merged with what was read.
                if let Some(a) = at.filter(|&a| a < r) {
                    let detail = format!("row {} after row {}", a as u64 + 1, r as u64 + 1);
                    diags.push(self.error(r, 0, Sheets::Damaged { detail }));
                    return None;
                }
                match self.end_row(r, &cells, &mut pass, diags) {
                    Flow::On => {}
                    Flow::Done => break,
                    Flow::Stop => return None,
                }
                cells.clear();
            }
            let Some((cell, style)) = next else { break };
            row = at;
            let shape = shapes.get(style).copied().unwrap_or_default();
            cells.push((cell.get_position().1, cell.get_value().clone(), shape));
        }
        if pass.header.is_none() {
            diags.push(self.warning(0, 0, Sheets::Skipped { sheet: sheet_ref(self.name) }));
        }
        pass.header.map(|h| (h, pass.found))
    }

    /// Takes the complete row `r`: the header while there is none yet, an
    /// observation after it.
    fn end_row(&self, r: u32, cells: &Cells, pass: &mut Pass, diags: &mut Diagnostics) -> Flow {
        let Some(header) = &pass.header else {
            return match self.first_row(r, cells, diags) {
                Begin::Header(h) => {
                    pass.header = Some(h);
                    Flow::On
                }
                Begin::NotYet if r < LOOK_ROWS => Flow::On,
                Begin::NotYet => Flow::Done,
                Begin::Stop => Flow::Stop,
            };
        };
        pass.read_rows += 1;
        if pass.read_rows > MAX_SHEET_ROWS {
            diags.push(self.error(r, 0, Sheets::TooManyRows { max: MAX_SHEET_ROWS }));
            return Flow::Done;
        }
        self.row(r, cells, header, &mut pass.found, diags);
        Flow::On
    }
}

/// What one pass over a sheet has found so far.
#[derive(Default)]
struct Pass {
    header: Option<Header>,
    found: Found,
    /// Rows taken below the header.
    read_rows: usize,
}

/// What the pass does after a row.
enum Flow {
    /// Reads on.
    On,
    /// Stops reading, keeping what was read.
    Done,
    /// The sheet is not read (why is reported).
    Stop,
}

/// How far down a header is looked for, to say where it is when it is
/// not on the first row.
const LOOK_ROWS: u32 = 20;

/// What a row before the header says.
enum Begin {
    /// The first row, a header: the sheet is read.
    Header(Header),
    /// Not a header: look on.
    NotYet,
    /// The sheet is not read (why is reported).
    Stop,
}

mod book;
mod cells;
