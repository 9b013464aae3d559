//! A sheet's rows and cells: the header understood, each cell read as
//! its column needs, and the formulas looked at (see the rule in
//! [`super`]).

use super::{Begin, Cells, Found, Header, Shape, Sheet, COLUMNS};
use crate::diag::messages::{Quantity, Sheets};
use crate::diag::{cell_name, Diagnostics};
use crate::parse::csvobs::CsvRow;
use calamine::{DataRef, Xlsx};
use std::collections::BTreeSet;

/// The non-empty cells of a row as lower-case words, with their columns.
fn words(cells: &Cells) -> Vec<(u32, String)> {
    cells
        .iter()
        .filter_map(|(col, v, _)| {
            let word = match v {
                DataRef::Empty => return None,
                other => read(other, Shape::default(), "note").ok().flatten().unwrap_or_else(|| "#".into()),
            };
            let word = word.trim().to_lowercase();
            (!word.is_empty()).then_some((*col, word))
        })
        .collect()
}

/// The columns that hold numbers.
fn quantity(column: &str) -> Option<Quantity> {
    match column {
        "value" | "revised_from" => Some(Quantity::Value),
        "total" => Some(Quantity::Total),
        "target" => Some(Quantity::Target),
        _ => None,
    }
}

/// A cell's text, when it is one.
fn text<'a>(value: &'a DataRef<'_>) -> Option<&'a str> {
    match value {
        DataRef::String(s) => Some(s.as_str()),
        DataRef::SharedString(s) => Some(s),
        _ => None,
    }
}

impl Sheet<'_> {
    /// What a row before the header is: the header (on the first row), a
    /// header below the first row (reported: the sheet is not read), or
    /// not a header.
    pub(super) fn first_row(&self, row: u32, cells: &Cells, diags: &mut Diagnostics) -> Begin {
        let words = words(cells);
        let known = |w: &str| COLUMNS.iter().find(|c| **c == w).copied();
        let any_known = words.iter().any(|(_, w)| known(w).is_some());
        if row == 0 && any_known {
            return match self.header(&words, diags) {
                Some(h) => Begin::Header(h),
                None => Begin::Stop,
            };
        }
        let all_known = any_known && words.iter().all(|(_, w)| known(w).is_some());
        let names = ["indicator", "period"].iter().all(|n| words.iter().any(|(_, w)| w == n));
        if all_known && names {
            let problem = Sheets::HeaderBelow { sheet: super::sheet_ref(self.name), row: row as usize + 1 };
            diags.push(self.warning(0, 0, problem));
            return Begin::Stop;
        }
        Begin::NotYet
    }

    /// The first row understood, every problem of it reported.
    fn header(&self, words: &[(u32, String)], diags: &mut Diagnostics) -> Option<Header> {
        let known = |w: &str| COLUMNS.iter().find(|c| **c == w).copied();
        let mut named = std::collections::BTreeMap::new();
        let mut ok = true;
        for (col, word) in words {
            match known(word) {
                None => {
                    diags.push(self.error(0, *col, Sheets::UnknownColumn { name: word.clone() }));
                    ok = false;
                }
                Some(name) => {
                    if let Some((first, _)) = named.iter().find(|(_, n)| **n == name) {
                        let first = cell_name(1, *first as usize + 1);
                        diags.push(self.error(0, *col, Sheets::ColumnTwice { name: name.to_string(), first }));
                        ok = false;
                    }
                    named.insert(*col, name);
                }
            }
        }
        if ok && !(named.values().any(|n| *n == "indicator") && named.values().any(|n| *n == "period")) {
            diags.push(self.error(0, words[0].0, Sheets::NoIndicatorPeriod));
            ok = false;
        }
        let first = words.iter().map(|(c, _)| *c).min().unwrap_or(0);
        let last = words.iter().map(|(c, _)| *c).max().unwrap_or(0);
        let gap = (last - first) as usize + 1 != words.len();
        let columns = std::sync::Arc::new(named.iter().map(|(c, n)| (*n, *c as usize + 1)).collect());
        ok.then_some(Header { named, columns, gap })
    }

    /// Reads one data row into `found`; a bad cell is reported and its row
    /// left out.
    pub(super) fn row(&self, row: u32, cells: &Cells, header: &Header, found: &mut Found, diags: &mut Diagnostics) {
        let mut fields: std::collections::BTreeMap<&str, String> = Default::default();
        let mut bad = false;
        for (col, value, shape) in cells {
            let Some(&name) = header.named.get(col) else {
                if !matches!(value, DataRef::Empty) && text(value).is_none_or(|t| !t.trim().is_empty()) {
                    found.unnamed.entry(*col).or_insert(row);
                }
                continue;
            };
            if matches!(value, DataRef::Empty) {
                found.empty.insert((row, *col));
            }
            match read(value, *shape, name) {
                Ok(Some(t)) => {
                    fields.insert(name, t);
                }
                Ok(None) => {}
                Err(problem) => {
                    diags.push(self.error(row, *col, problem));
                    bad = true;
                }
            }
        }
        if fields.is_empty() && !bad {
            return;
        }
        found.data_rows.insert(row);
        if bad {
            return;
        }
        let mut take = |n: &str| fields.remove(n);
        found.rows.push(CsvRow {
            line: row as usize + 1,
            columns: Some(header.columns.clone()),
            indicator: take("indicator").unwrap_or_default(),
            district: take("district"),
            commune: take("commune"),
            period: take("period").unwrap_or_default(),
            value: take("value"),
            total: take("total"),
            target: take("target"),
            note: take("note"),
            status: take("status"),
            revised_from: take("revised_from"),
            revised_in: take("revised_in"),
        });
    }

    /// The rows (0-based) whose formulas cannot be trusted, each reported:
    /// a formula with no saved result, or any formula of a workbook that
    /// asks to be recalculated when opened.
    pub(super) fn formulas<R: std::io::Read + std::io::Seek>(
        &self,
        xlsx: &mut Xlsx<R>,
        header: &Header,
        found: &Found,
        diags: &mut Diagnostics,
    ) -> BTreeSet<u32> {
        let mut bad = BTreeSet::new();
        let Ok(mut reader) = xlsx.worksheet_cells_reader(self.name) else { return bad };
        loop {
            // Formula metadata only: the expanded text of shared formulas
            // is never built (a hostile index would make it huge).
            let cell = match reader.next_cell_with_formula_metadata() {
                Ok(Some(cell)) => cell,
                Ok(None) => break,
                Err(e) => {
                    diags.push(self.error(0, 0, Sheets::Damaged { detail: e.to_string() }));
                    bad.extend(found.data_rows.iter().copied());
                    break;
                }
            };
            let Some(_) = cell.formula else { continue };
            let (row, col) = cell.pos;
            // A formula with no saved result is an error even when it
            // leaves its row with nothing else: a row of formulas is data.
            let unsaved = found.empty.contains(&(row, col));
            let read = header.named.contains_key(&col) && (unsaved || found.data_rows.contains(&row));
            if read && (self.recalculated || unsaved) {
                diags.push(self.error(row, col, Sheets::NoResult));
                bad.insert(row);
            }
        }
        bad
    }
}

/// The columns whose cells are periods: a date there is its month.
fn is_period(column: &str) -> bool {
    matches!(column, "period" | "revised_in")
}

/// A cell as the text its column reads; `None` for nothing. Text is put
/// in NFC, as the load stage does for every text file (a commune typed
/// with decomposed tone marks is the same name).
fn read(value: &DataRef<'_>, shape: Shape, column: &str) -> Result<Option<String>, Sheets> {
    use unicode_normalization::UnicodeNormalization;
    let number = quantity(column);
    match value {
        DataRef::Empty => Ok(None),
        DataRef::String(_) | DataRef::SharedString(_) => {
            let t: String = text(value).unwrap_or("").trim().nfc().collect();
            match (t.is_empty(), number) {
                (true, _) => Ok(None),
                (false, None) => Ok(Some(t)),
                (false, Some(quantity)) => {
                    let plain = t.trim_end_matches('%').trim();
                    let number = crate::text::decimal::yaml_way(plain)
                        .or_else(|| plain.parse::<f64>().ok().map(|_| plain.to_string()));
                    Err(Sheets::TextNumber { quantity, text: t.clone(), number })
                }
            }
        }
        DataRef::Float(f) => Ok(Some(figure(*f, shape))),
        DataRef::Int(i) => Ok(Some(figure(*i as f64, shape))),
        DataRef::DateTime(d) => date(d, column),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            let month = s.get(..7).filter(|m| {
                let b = m.as_bytes();
                b[4] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
            });
            match (month, number) {
                (Some(m), _) if is_period(column) => Ok(Some(m.to_string())),
                (_, Some(quantity)) => Err(Sheets::NotANumber { quantity, shown: s.clone() }),
                _ => Ok(Some(s.clone())),
            }
        }
        DataRef::Bool(b) => {
            let shown = if *b { "TRUE" } else { "FALSE" }.to_string();
            match number {
                Some(quantity) => Err(Sheets::NotANumber { quantity, shown }),
                None => Ok(Some(shown)),
            }
        }
        DataRef::Error(e) => Err(Sheets::ErrorValue { error: e.to_string() }),
    }
}

/// A date cell: its month in a period column, an error where a number
/// belongs, `YYYY-MM-DD` elsewhere. A period cell holding a year (2024)
/// that a date format shows as a day of 1905 is an error.
fn date(d: &calamine::ExcelDateTime, column: &str) -> Result<Option<String>, Sheets> {
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    let held = d.as_f64();
    if is_period(column) && held.fract() == 0.0 && (1900.0..=2100.0).contains(&held) {
        return Err(Sheets::YearAsDate { year: held as u32, shown: format!("{m:02}/{y:04}") });
    }
    match (is_period(column), quantity(column)) {
        (true, _) if d.is_datetime() => Ok(Some(format!("{y:04}-{m:02}"))),
        (_, Some(quantity)) => Err(Sheets::NotANumber { quantity, shown: format!("{y:04}-{m:02}-{day:02}") }),
        _ => Ok(Some(format!("{y:04}-{m:02}-{day:02}"))),
    }
}

/// A stored number as Excel means it: 15 significant digits (what Excel
/// shows and calculates with; the binary rest is noise, as in
/// 8850.460000000001 for `=8850.26+0.2`).
fn excel_precision(x: f64) -> f64 {
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// The number a cell holds, written the YAML way with the decimals its
/// format shows (or more, when the number has more); a percent format's
/// fraction as the percent shown.
pub(super) fn figure(held: f64, shape: Shape) -> String {
    let x = excel_precision(if shape.percent { excel_precision(held) * 100.0 } else { held });
    let shortest = format!("{x}");
    let has = shortest.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
    match shape.decimals {
        Some(d) if d > has && d <= 12 => format!("{x:.d$}"),
        _ => shortest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(code: &str) -> Shape {
        Shape::of_code(code)
    }

    #[test]
    fn a_number_keeps_the_decimals_its_format_shows() {
        assert_eq!(figure(8850.2, shape("#,##0.00")), "8850.20");
        assert_eq!(figure(118.0, shape("General")), "118");
        assert_eq!(figure(8210.9, shape("0.0\" tỷ\"")), "8210.9");
    }

    #[test]
    fn a_number_is_the_number_held_when_the_format_shows_fewer_decimals() {
        assert_eq!(figure(8850.256, shape("0.00")), "8850.256");
        assert_eq!(figure(92.25, shape("0")), "92.25");
    }

    #[test]
    fn a_number_is_read_at_excels_fifteen_digits() {
        assert_eq!(figure(8850.26 + 0.2, shape("#,##0.00")), "8850.46");
        assert_eq!(figure(1000000.1 + 0.2, shape("General")), "1000000.3");
        assert_eq!(figure(0.1 + 0.2, shape("General")), "0.3");
    }

    #[test]
    fn a_year_in_a_period_cell_shown_as_a_date_is_an_error() {
        let year = calamine::ExcelDateTime::new(2024.0, calamine::ExcelDateTimeType::DateTime, false);
        let read = read(&DataRef::DateTime(year), Shape::default(), "period");
        assert!(matches!(&read, Err(Sheets::YearAsDate { year: 2024, shown }) if shown == "07/1905"), "{read:?}");
    }

    #[test]
    fn a_period_written_as_an_iso_date_is_its_month_and_odd_text_no_panic() {
        let iso = |s: &str| read(&DataRef::DateTimeIso(s.into()), Shape::default(), "period");
        assert_eq!(iso("2023-10-01T00:00:00").unwrap().as_deref(), Some("2023-10"));
        assert_eq!(iso("2023-1é").unwrap().as_deref(), Some("2023-1é"), "left to the period check");
    }

    #[test]
    fn a_percent_cell_is_read_as_the_percent_shown() {
        assert_eq!(figure(1.0779, shape("0.00%")), "107.79");
        assert_eq!(figure(0.5, shape("0%")), "50");
        assert_eq!(figure(0.925, shape("0.00%")), "92.50");
    }

    #[test]
    fn quoted_text_in_a_format_is_not_read_as_its_shape() {
        assert_eq!(shape("0\"%\""), Shape { decimals: None, percent: false });
        assert_eq!(shape("0.0;[Red]-0.0"), Shape { decimals: Some(1), percent: false });
        assert_eq!(shape("0.0\\%"), Shape { decimals: Some(1), percent: false }, "an escaped % shows, does not scale");
        assert_eq!(shape("0.0_%"), Shape { decimals: Some(1), percent: false });
        assert_eq!(shape("[$-42A]0.00%"), Shape { decimals: Some(2), percent: true });
    }

    #[test]
    fn text_where_a_number_belongs_says_the_number_written_right() {
        let number = |t: &str| match read(&DataRef::String(t.into()), Shape::default(), "value") {
            Err(Sheets::TextNumber { number, .. }) => number,
            other => panic!("{other:?}"),
        };
        assert_eq!(number("8.850,26").as_deref(), Some("8850.26"));
        assert_eq!(number("107,79%").as_deref(), Some("107.79"));
        assert_eq!(number("khoảng 100"), None);
    }

    #[test]
    fn a_period_excel_made_a_date_is_its_month() {
        let date = calamine::ExcelDateTime::new(45200.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(read(&DataRef::DateTime(date), Shape::default(), "period").unwrap().as_deref(), Some("2023-10"));
        let value = read(&DataRef::DateTime(date), Shape::default(), "value");
        assert!(matches!(value, Err(Sheets::NotANumber { .. })), "{value:?}");
    }
}
