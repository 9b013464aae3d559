//! Observations from spreadsheets: `districts/<slug>/data/*.csv`.
//!
//! Columns `indicator,commune,period,value,total,target,note` (any order,
//! `indicator`, `period` and `value` or `target` needed; a `district` column
//! is accepted and ignored so the build's own CSV can be fed back).

use crate::diag::messages::Data;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::TextFile;

/// One data row of a CSV file, cells as text (empty = absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: usize,
    pub indicator: String,
    pub commune: Option<String>,
    pub period: String,
    pub value: Option<String>,
    pub total: Option<String>,
    pub target: Option<String>,
    pub note: Option<String>,
}

const COLUMNS: &[&str] = &["indicator", "commune", "period", "value", "total", "target", "note", "district", "source"];

/// Reads every row of a CSV file; bad rows are reported by line.
pub fn parse(file: &TextFile, diags: &mut Diagnostics) -> Vec<CsvRow> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(file.text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect::<Vec<_>>(),
        Err(e) => {
            diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), Data::CsvHeader { detail: e.to_string() }));
            return Vec::new();
        }
    };
    for (i, h) in headers.iter().enumerate() {
        if !COLUMNS.contains(&h.as_str()) {
            let problem = Data::CsvUnknownColumn { name: h.to_string(), column: i + 1 };
            diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), problem));
        }
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(ind), Some(per)) = (col("indicator"), col("period")) else {
        diags.push(Diagnostic::error(&file.rel, Some(Pos::new(1, 1)), Data::CsvNoIndicatorPeriod));
        return Vec::new();
    };
    let cols = [col("commune"), col("value"), col("total"), col("target"), col("note")];
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                let problem = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        Data::CsvCells { cells: *len as usize, expected: *expected_len as usize }
                    }
                    _ => Data::CsvRow { detail: e.to_string() },
                };
                diags.push(Diagnostic::error(&file.rel, Some(Pos::new(line, 1)), problem));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(CsvRow {
            line,
            indicator: cell(Some(ind)).unwrap_or_default(),
            commune: cell(cols[0]),
            period: cell(Some(per)).unwrap_or_default(),
            value: cell(cols[1]),
            total: cell(cols[2]),
            target: cell(cols[3]),
            note: cell(cols[4]),
        });
    }
    rows
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
    fn reports_bad_rows() {
        let mut d = Diagnostics::new();
        let rows = parse(&file("indicator,period,value\nx,2023\ny,2024,3\n"), &mut d);
        assert_eq!(rows.len(), 1);
        let text = d.to_string();
        assert!(text.contains("d.csv:2:1: error: this row has 2 cells but the header has 3"), "{text}");
    }
}
