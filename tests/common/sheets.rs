//! Workbooks for the spreadsheet tests: written with the same writer the
//! build uses, into a copy of a fixture site, and taken apart to be
//! damaged or changed.

use super::*;
use bantin::text::lang::Lang;
use rust_xlsxwriter::{CalculationMode, Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// `data_kinds` copied, with `books` written into Kỳ Anh's `data/` folder.
pub fn site_with(books: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("data_kinds"), &root);
    for (name, bytes) in books {
        std::fs::write(root.join("content/districts/ky-anh/data").join(name), bytes).unwrap();
    }
    (dir, root)
}

/// [`site_with`], with Kỳ Anh's figures taken out of its YAML and CSV
/// (its communes kept).
pub fn bare_site_with(books: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = site_with(books);
    let ky_anh = root.join("content/districts/ky-anh");
    std::fs::write(
        ky_anh.join("district.yaml"),
        "name: Kỳ Anh\nprovince: Hà Tĩnh\nlevel: huyện\nsummary: Huyện **ven biển** phía nam.\ncommunes:\n  - Kỳ Châu\n  - Đức Lĩnh\n",
    )
    .unwrap();
    std::fs::remove_file(ky_anh.join("data/extra.csv")).unwrap();
    (dir, root)
}

/// A workbook of one sheet named `name`, filled by `fill`.
pub fn book(name: &str, fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut b = Workbook::new();
    b.set_calculation_mode(CalculationMode::Manual);
    let sheet = b.add_worksheet();
    sheet.set_name(name).unwrap();
    fill(sheet);
    b.save_to_buffer().unwrap()
}

pub fn header(sheet: &mut Worksheet, names: &[&str]) {
    for (i, n) in names.iter().enumerate() {
        sheet.write_string(0, i as u16, *n).unwrap();
    }
}

/// The report of `check` on `root`, in both languages.
pub fn report(root: &Path) -> (String, String) {
    let d = bantin::check(root, false);
    (d.render(Lang::Vi), d.render(Lang::En))
}

pub fn header_at(sheet: &mut Worksheet, row: u32, names: &[&str]) {
    for (i, n) in names.iter().enumerate() {
        sheet.write_string(row, i as u16, *n).unwrap();
    }
}

/// The parts of a workbook, unzipped.
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

pub fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Writes one observation on `row` of a sheet headed `indicator, period,
/// value`.
pub fn figure(sheet: &mut Worksheet, row: u32, indicator: &str, period: &str, value: f64) {
    sheet.write_string(row, 0, indicator).unwrap();
    sheet.write_string(row, 1, period).unwrap();
    sheet.write_number(row, 2, value).unwrap();
}

/// A workbook of one sheet, `Sheet1`, holding one observation.
pub fn one_figure(indicator: &str, period: &str, value: f64) -> Vec<u8> {
    book("Sheet1", |s| {
        header(s, &["indicator", "period", "value"]);
        figure(s, 1, indicator, period, value);
    })
}
