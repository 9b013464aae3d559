//! Observations from spreadsheets: `districts/<slug>/data/*.csv`.
//!
//! Columns `indicator,commune,period,value,total,target,note` (any order,
//! `indicator`, `period` and `value` or `target` needed; a `district` column
//! is accepted and ignored so the build's own CSV can be fed back).

use crate::diag::messages::{Data, Quantity};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::TextFile;
use crate::text::decimal;

/// Where each named column of a sheet is (1-based), shared by its rows,
/// so a problem names its cell.
pub type SheetColumns = std::sync::Arc<std::collections::BTreeMap<&'static str, usize>>;

/// One data row of a CSV file or a sheet, cells as text (empty = absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The line of the CSV file, or the row of the sheet.
    pub line: usize,
    /// In a sheet: its columns (`None` in a CSV file).
    pub columns: Option<SheetColumns>,
    pub indicator: String,
    /// The `district` column of a file the build wrote (the unit the row
    /// belongs to), when there is one.
    pub district: Option<String>,
    pub commune: Option<String>,
    pub period: String,
    pub value: Option<String>,
    pub total: Option<String>,
    pub target: Option<String>,
    pub note: Option<String>,
    /// FORMAT v2: `estimate`, `preliminary` or `final` (empty: final).
    pub status: Option<String>,
    /// The figure published before, and the period its revision is told in.
    pub revised_from: Option<String>,
    pub revised_in: Option<String>,
}

impl CsvRow {
    /// The place of the row's cell in column `name`: the line of a CSV
    /// file, or the cell of a sheet (its row's first named cell when the
    /// sheet has no such column).
    pub fn pos(&self, name: &str) -> Pos {
        match &self.columns {
            None => Pos::new(self.line, 1),
            Some(c) => Pos::cell(self.line, c.get(name).or_else(|| c.values().min()).copied().unwrap_or(1)),
        }
    }
}

/// The columns the CSV input and a sheet's first row may name.
pub const COLUMNS: &[&str] = &[
    "indicator",
    "commune",
    "period",
    "value",
    "total",
    "target",
    "note",
    "district",
    "source",
    "status",
    "revised_from",
    "revised_in",
];

/// Reads every row of a CSV file; bad rows are reported by line.
pub fn parse(file: &TextFile, diags: &mut Diagnostics) -> Vec<CsvRow> {
    if let Some(line) = unclosed_quote(&file.text) {
        diags.push(Diagnostic::error(&file.rel, Some(Pos::new(line, 1)), Data::CsvUnclosedQuote));
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file.text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect::<Vec<_>>(),
        Err(e) => {
            diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), Data::CsvHeader { detail: e.to_string() }));
            return Vec::new();
        }
    };
    let mut twice = false;
    for (i, h) in headers.iter().enumerate() {
        if !COLUMNS.contains(&h.as_str()) {
            let problem = Data::CsvUnknownColumn { name: h.to_string(), column: i + 1 };
            diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), problem));
        } else if let Some(first) = headers[..i].iter().position(|earlier| earlier == h) {
            let problem = Data::CsvColumnTwice { name: h.to_string(), first: first + 1, column: i + 1 };
            diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), problem));
            twice = true;
        }
    }
    if twice {
        // Which of the two cells is meant cannot be told.
        return Vec::new();
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(ind), Some(per)) = (col("indicator"), col("period")) else {
        diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), Data::CsvNoIndicatorPeriod));
        return Vec::new();
    };
    let cols = [
        col("commune"),
        col("value"),
        col("total"),
        col("target"),
        col("note"),
        col("status"),
        col("revised_from"),
        col("revised_in"),
        col("district"),
    ];
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                diags.push(Diagnostic::error(
                    &file.rel,
                    Some(Pos::new(line, 1)),
                    Data::CsvRow { detail: e.to_string() },
                ));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.len() != headers.len() {
            diags.push(unequal_row(&file.rel, line, &headers, &record));
            continue;
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        // Text bantin's own CSV guarded against spreadsheet formulas.
        let text = |i: Option<usize>| cell(i).map(|s| crate::text::escape::csv_text_back(&s).to_string());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(CsvRow {
            line,
            columns: None,
            indicator: cell(Some(ind)).unwrap_or_default(),
            district: text(cols[8]),
            commune: text(cols[0]),
            period: cell(Some(per)).unwrap_or_default(),
            value: cell(cols[1]),
            total: cell(cols[2]),
            target: cell(cols[3]),
            note: text(cols[4]),
            status: cell(cols[5]),
            revised_from: cell(cols[6]),
            revised_in: cell(cols[7]),
        });
    }
    rows
}

/// The line where a quoted cell opens and never closes (the rest of the
/// file would be read as that one cell).
fn unclosed_quote(text: &str) -> Option<usize> {
    let (mut line, mut opened, mut in_quote, mut field_start) = (1, 0, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quote && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' if in_quote => in_quote = false,
            '"' if field_start => (in_quote, opened) = (true, line),
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
        field_start = !in_quote && matches!(c, ',' | '\n');
    }
    in_quote.then_some(opened)
}

/// The error for a row whose cells do not match the header: most often a
/// number written with a decimal comma and not quoted (`8.850,26` is two
/// cells).
fn unequal_row(file: &str, line: usize, headers: &[String], record: &csv::StringRecord) -> Diagnostic {
    let numeric = |i: usize| headers.get(i).is_some_and(|h| matches!(h.as_str(), "value" | "total" | "target"));
    // The number a comma cut in two: the row reads right once its two
    // pieces are put back together (every other number cell then holds a
    // number or nothing), which a comma in the note never does.
    let reads_right = |i: usize| {
        (0..headers.len()).filter(|&j| numeric(j) && j != i).all(|j| {
            let cell = record.get(if j > i { j + 1 } else { j }).unwrap_or("").trim();
            cell.is_empty() || cell.parse::<f64>().is_ok()
        })
    };
    let cut = (record.len() == headers.len() + 1)
        .then(|| {
            (0..headers.len()).filter(|&i| numeric(i) && reads_right(i)).find_map(|i| {
                let n = decimal::rejoined(record.get(i)?, record.get(i + 1)?)?;
                Some((i, decimal::yaml_way(&n)?, n))
            })
        })
        .flatten();
    let problem = match cut {
        Some((i, yaml, written)) => {
            let column = match headers[i].as_str() {
                "total" => Quantity::Total,
                "target" => Quantity::Target,
                _ => Quantity::Value,
            };
            Data::CsvCommaCut { column, written, yaml }
        }
        None => Data::CsvCells { cells: record.len(), expected: headers.len() },
    };
    Diagnostic::error(file, Some(Pos::new(line, 1)), problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TextFile {
        TextFile { rel: "d.csv".into(), text: text.into() }
    }

    #[test]
    fn reads_rows_with_lines() {
        let mut d = Diagnostics::new();
        let rows = parse(&file("indicator,commune,period,value,total,target,note\nx,,2023,12,20,,\nx,Kỳ Châu,2023,\"13\",20,,\"a, b\"\n"), &mut d);
        assert!(d.is_empty(), "{d}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].commune, None);
        assert_eq!(rows[1].commune.as_deref(), Some("Kỳ Châu"));
        assert_eq!(rows[1].note.as_deref(), Some("a, b"));
    }

    #[test]
    fn a_comma_in_the_note_is_not_taken_for_a_decimal_comma() {
        let mut d = Diagnostics::new();
        let header = "indicator,commune,period,value,total,target,note\n";
        parse(&file(&format!("{header}h,,2023,110,154,,đạt, vượt\nh,,2022,8.850,26,,,\n")), &mut d);
        let text = d.to_string();
        assert!(text.contains("d.csv:2:1: error: this row has 8 cells but the header has 7"), "{text}");
        assert!(!text.contains("110,154"), "{text}");
        assert!(text.contains("d.csv:3:1: error: the value `8.850,26` is cut in two cells by its comma"), "{text}");
    }

    #[test]
    fn reports_bad_rows() {
        let mut d = Diagnostics::new();
        let rows = parse(&file("indicator,period,value\nx,2023\ny,2024,3\n"), &mut d);
        assert_eq!(rows.len(), 1);
        let text = d.to_string();
        assert!(text.contains("d.csv:2:1: error: this row has 2 cells but the header has 3"), "{text}");
    }
}
