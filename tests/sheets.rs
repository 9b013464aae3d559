//! Workbooks as offices keep them (FORMAT v2, "Spreadsheets as they are
//! kept"): `data/*.xlsx` read beside the CSV, every bad cell named by file,
//! sheet and cell, and each indicator's `.xlsx` download put back to the
//! same figures. The workbooks are written here with the same writer the
//! build uses, so every case is made fresh and nothing binary is kept.

mod common;
use bantin::text::lang::Lang;
use common::*;
use rust_xlsxwriter::{CalculationMode, ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// `data_kinds` copied, with `books` written into Kỳ Anh's `data/` folder.
fn site_with(books: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
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
fn bare_site_with(books: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
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
fn book(name: &str, fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut b = Workbook::new();
    b.set_calculation_mode(CalculationMode::Manual);
    let sheet = b.add_worksheet();
    sheet.set_name(name).unwrap();
    fill(sheet);
    b.save_to_buffer().unwrap()
}

fn header(sheet: &mut Worksheet, names: &[&str]) {
    for (i, n) in names.iter().enumerate() {
        sheet.write_string(0, i as u16, *n).unwrap();
    }
}

/// The report of `check` on `root`, in both languages.
fn report(root: &Path) -> (String, String) {
    let d = bantin::check(root, false);
    (d.render(Lang::Vi), d.render(Lang::En))
}

#[test]
fn a_downloaded_workbook_put_back_builds_to_the_same_figures() {
    let before = build(&fixture("data_kinds"), false);
    let mut books = Vec::new();
    for id in ["model-hamlets", "gross-output", "waste", "pci-rank", "criteria"] {
        let path = before.out.join(format!("indicators/{id}.xlsx"));
        books.push((format!("{id}.xlsx"), std::fs::read(&path).unwrap()));
    }
    let books: Vec<(&str, Vec<u8>)> = books.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let (_dir, root) = bare_site_with(&books);
    let after = build(&root, false);
    // Vũ Quang's rows in the downloads are left to Vũ Quang, with a warning.
    let warnings = after.report.warnings.render(Lang::En);
    assert!(warnings.contains("rows belong to other units (the `district` column names vu-quang)"), "{warnings}");
    for f in before.files() {
        if f.starts_with("search/") || f.ends_with(".png") {
            continue; // the search index lists article texts, unchanged; cards likewise
        }
        let (a, b) = (std::fs::read(before.out.join(&f)).unwrap(), std::fs::read(after.out.join(&f)).unwrap());
        assert!(a == b, "{f} differs after the round trip");
    }
    assert_eq!(before.files(), after.files());
}

#[test]
fn numbers_are_the_numbers_cells_hold_with_the_decimals_their_format_shows() {
    let bytes = book("Số liệu", |s| {
        header(s, &["Indicator", " PERIOD ", "value", "target", "note"]);
        let two = Format::new().set_num_format("#,##0.00");
        let percent = Format::new().set_num_format("0.00%");
        let date = Format::new().set_num_format("mm/yyyy");
        s.write_string(1, 0, "gross-output").unwrap();
        s.write_number(1, 1, 2022).unwrap();
        s.write_number_with_format(1, 2, 8850.2, &two).unwrap();
        s.write_number(1, 3, 8210.9).unwrap();
        s.write_string(2, 0, "waste").unwrap();
        s.write_datetime_with_format(2, 1, ExcelDateTime::from_ymd(2023, 10, 1).unwrap(), &date).unwrap();
        s.write_number_with_format(2, 2, 0.9225, &percent).unwrap();
        s.write_string(2, 4, "Số liệu 10 tháng").unwrap();
        // An empty row is skipped.
        s.write_string(4, 0, "waste").unwrap();
        s.write_string(4, 1, "2024-Q3").unwrap();
        s.write_number(4, 2, 95).unwrap();
    });
    let (_dir, root) = site_with(&[("bao-cao.xlsx", bytes)]);
    let b = build(&root, false);
    let csv = b.read("indicators/gross-output.csv");
    assert!(csv.contains("\nky-anh,,2022,8850.20,,8210.9,,\n"), "{csv}");
    let csv = b.read("indicators/waste.csv");
    assert!(csv.contains("\nky-anh,,2023-10,92.25,,,Số liệu 10 tháng,\n"), "{csv}");
    assert!(csv.contains("\nky-anh,,2024-Q3,95,,,,\n"), "{csv}");
    let page = b.read("districts/ky-anh/index.html");
    assert!(page.contains("8.850,20"), "the decimals the cell showed");
}

#[test]
fn every_bad_cell_is_named_by_file_sheet_and_cell_in_one_run() {
    let bytes = book("Sheet1", |s| {
        header(s, &["indicator", "period", "value", "total", "note"]);
        let rows: [(&str, &str); 3] = [("gross-output", "8.850,26"), ("waste", "107,79%"), ("model-hamlets", "118")];
        for (i, (id, text)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            s.write_string(r, 0, *id).unwrap();
            s.write_string(r, 1, "2023").unwrap();
            s.write_string(r, 2, *text).unwrap();
        }
        s.write_string(4, 0, "pci-rank").unwrap();
        s.write_string(4, 1, "2023").unwrap();
        s.write_formula(4, 2, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
        s.write_string(5, 0, "pci-rank").unwrap();
        s.write_string(5, 1, "2024").unwrap();
        s.write_boolean(5, 2, true).unwrap();
        s.write_number(5, 3, 27).unwrap();
    });
    let (_dir, root) = site_with(&[("bao-cao.xlsx", bytes)]);
    let (vi, en) = report(&root);
    insta::assert_snapshot!("sheets_bad_cells", vi);
    insta::assert_snapshot!("sheets_bad_cells.en", en);
    let at = |cell: &str| format!("content/districts/ky-anh/data/bao-cao.xlsx: Sheet1!{cell}: error:");
    for cell in ["C2", "C3", "C4", "C5", "C6"] {
        assert!(en.contains(&at(cell)), "{cell} named:\n{en}");
    }
    assert!(en.contains("the value `8.850,26` is text") && en.contains("the number 8850.26"), "{en}");
    assert!(en.contains("the value `107,79%` is text") && en.contains("the number 107.79"), "{en}");
    assert!(en.contains("holds the error #DIV/0!"), "{en}");
    assert!(build_errors(&root).contains("Sheet1!C2"));
}

#[test]
fn sheets_are_read_by_their_first_row_and_skipped_with_a_warning_otherwise() {
    let mut b = Workbook::new();
    let notes = b.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes.write_string(0, 0, "Báo cáo tiến độ năm 2023").unwrap();
    let low = b.add_worksheet();
    low.set_name("Tháng 10").unwrap();
    low.write_string(0, 0, "BẢNG SỐ LIỆU").unwrap();
    header_at(low, 2, &["indicator", "period", "value"]);
    let good = b.add_worksheet();
    good.set_name("Data").unwrap();
    header(good, &["indicator", "period", "value"]);
    good.write_string(1, 0, "waste").unwrap();
    good.write_string(1, 1, "2024-Q2").unwrap();
    good.write_number(1, 2, 96).unwrap();
    let empty_first = b.add_worksheet();
    empty_first.set_name("Trống").unwrap();
    header_at(empty_first, 3, &["indicator", "period", "value"]);
    // A hidden sheet is read by the same rule, and the officer told.
    let hidden = b.add_worksheet();
    hidden.set_name("Ẩn").unwrap();
    header(hidden, &["indicator", "period", "value"]);
    hidden.write_string(1, 0, "waste").unwrap();
    hidden.write_string(1, 1, "2024-Q3").unwrap();
    hidden.write_number(1, 2, 97).unwrap();
    hidden.set_hidden(true);
    let (_dir, root) = site_with(&[("nhieu-trang.xlsx", b.save_to_buffer().unwrap())]);
    let built = build(&root, false);
    assert!(built.read("indicators/waste.csv").contains("ky-anh,,2024-Q2,96,"));
    assert!(built.read("indicators/waste.csv").contains("ky-anh,,2024-Q3,97,"));
    let (vi, en) = (built.report.warnings.render(Lang::Vi), built.report.warnings.render(Lang::En));
    insta::assert_snapshot!("sheets_skipped", vi);
    assert!(en.contains("nhieu-trang.xlsx: 'Ghi chú'!A1: warning: the sheet 'Ghi chú' is not read"), "{en}");
    assert!(en.contains("its column names are on row 3, not on the first row"), "{en}");
    assert!(en.contains("Trống!A1: warning: the sheet Trống is not read: its column names are on row 4"), "{en}");
    assert!(en.contains("nhieu-trang.xlsx: Ẩn: warning: the sheet Ẩn is hidden, but its figures are read"), "{en}");
}

fn header_at(sheet: &mut Worksheet, row: u32, names: &[&str]) {
    for (i, n) in names.iter().enumerate() {
        sheet.write_string(row, i as u16, *n).unwrap();
    }
}

#[test]
fn a_first_row_that_mixes_names_with_other_words_or_merges_cells_is_an_error() {
    let mixed = book("A", |s| header(s, &["indicator", "period", "giá trị", "value", "Value"]));
    let merged = book("B", |s| {
        s.merge_range(0, 0, 0, 1, "indicator", &Format::new()).unwrap();
        s.write_string(0, 2, "period").unwrap();
        s.write_string(1, 0, "waste").unwrap();
        s.write_string(1, 1, "x").unwrap();
        s.write_string(1, 2, "2023").unwrap();
    });
    let (_dir, root) = site_with(&[("a.xlsx", mixed), ("b.xlsx", merged)]);
    let (vi, en) = report(&root);
    insta::assert_snapshot!("sheets_headers", vi);
    assert!(en.contains("a.xlsx: A!C1: error: `giá trị` is not a column bantin reads"), "{en}");
    assert!(en.contains("a.xlsx: A!E1: error: the column `value` is named twice (first in D1)"), "{en}");
    assert!(en.contains("b.xlsx: B!A1: error: the first-row cells A1:B1 are merged"), "{en}");
}

#[test]
fn a_formula_is_read_by_its_saved_result_and_one_without_is_an_error() {
    let saved = book("Sheet1", |s| {
        header(s, &["indicator", "period", "value"]);
        s.write_string(1, 0, "waste").unwrap();
        s.write_string(1, 1, "2024-Q2").unwrap();
        s.write_formula(1, 2, Formula::new("=90+6").set_result("96")).unwrap();
    });
    let (_dir, root) = site_with(&[("a.xlsx", saved)]);
    assert!(build(&root, false).read("indicators/waste.csv").contains("ky-anh,,2024-Q2,96,"));
    // A program's workbook asks to be calculated when opened: its results
    // (0 here) are not to be trusted.
    let mut b = Workbook::new();
    let s = b.add_worksheet();
    header(s, &["indicator", "period", "value"]);
    s.write_string(1, 0, "waste").unwrap();
    s.write_string(1, 1, "2024-Q2").unwrap();
    s.write_formula(1, 2, "=90+6").unwrap();
    let (_dir, root) = site_with(&[("a.xlsx", b.save_to_buffer().unwrap())]);
    let (_, en) = report(&root);
    assert!(en.contains("a.xlsx: Sheet1!C2: error: this cell's formula has no saved result"), "{en}");
    assert!(en.contains("open the file in Excel or LibreOffice and save it"), "{en}");
}

#[test]
fn a_file_that_is_not_a_readable_workbook_is_an_error_naming_it() {
    let (_dir, root) = site_with(&[
        ("khong-phai.xlsx", b"indicator,period,value\n".to_vec()),
        ("cu.xls", b"\xD0\xCF\x11\xE0".to_vec()),
        ("~$bao-cao.xlsx", b"Excel's lock file".to_vec()),
    ]);
    let (vi, en) = report(&root);
    insta::assert_snapshot!("sheets_not_workbooks", vi);
    assert!(en.contains("data/khong-phai.xlsx: error: this file is not an Excel workbook"), "{en}");
    assert!(en.contains("data/cu.xls: warning: bantin reads .xlsx workbooks, not .xls"), "{en}");
    assert!(!en.contains("~$"), "lock files are never read: {en}");
}

#[test]
fn a_password_protected_workbook_is_an_error_naming_it() {
    // What Excel writes for a workbook with a password: a compound file
    // holding the encrypted package.
    use std::io::Write;
    let mut file = cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new())).unwrap();
    file.create_stream("EncryptionInfo").unwrap().write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]).unwrap();
    file.create_stream("EncryptedPackage").unwrap().write_all(&[0x5a; 5000]).unwrap();
    file.flush().unwrap();
    let bytes = file.into_inner().into_inner();
    let (_dir, root) = site_with(&[("mat-khau.xlsx", bytes)]);
    let (_, en) = report(&root);
    assert!(en.contains("data/mat-khau.xlsx: error: this workbook is protected by a password"), "{en}");
}

#[test]
fn a_row_given_in_yaml_and_a_workbook_is_an_error_naming_both() {
    let bytes = book("Sheet1", |s| {
        header(s, &["indicator", "period", "value"]);
        s.write_string(1, 0, "pci-rank").unwrap();
        s.write_string(1, 1, "2022").unwrap();
        s.write_number(1, 2, 7).unwrap();
    });
    let (_dir, root) = site_with(&[("a.xlsx", bytes)]);
    // district.yaml gives pci-rank for 2022 too.
    let (_, en) = report(&root);
    let both = en.contains("district.yaml:") && en.contains("given twice") && en.contains("a.xlsx: Sheet1!A2");
    assert!(both, "{en}");
}

#[test]
fn a_sheet_longer_than_the_limit_stops_there_with_an_error() {
    let max = bantin::parse::sheet::MAX_SHEET_ROWS as u32;
    let bytes = book("Sheet1", |s| {
        header(s, &["indicator", "period", "value"]);
        // Rows of a column with no name: read, counted, never data.
        for r in 1..=max + 10 {
            s.write_number(r, 4, r).unwrap();
        }
    });
    let (_dir, root) = site_with(&[("lon.xlsx", bytes)]);
    let start = std::time::Instant::now();
    let (_, en) = report(&root);
    let limit = format!("lon.xlsx: Sheet1!A{}: error: the sheet has more than 250,000 rows", max + 2);
    assert!(en.contains(&limit), "{}", &en[..en.len().min(2000)]);
    eprintln!("a sheet of {} rows checked in {:?}", max + 10, start.elapsed());
}

/// The parts of a workbook, unzipped.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
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

fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn damaged_workbooks_give_errors_never_a_panic() {
    // Structured damage, where a byte-level fuzzer rarely reaches: the
    // XML inside a valid zip cut, repeated, or given odd values.
    let seeds = [
        std::fs::read(repo_root().join("content/districts/vu-quang/data/tien-do-2022.xlsx")).unwrap(),
        book("Sheet1", |s| {
            header(s, &["indicator", "period", "value", "note"]);
            s.write_string(1, 0, "waste").unwrap();
            s.write_formula(1, 2, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
            s.merge_range(2, 0, 2, 3, "gộp", &Format::new()).unwrap();
        }),
    ];
    let odd: [&[u8]; 8] =
        [b"", b"r=\"ZZZZ99999999\"", b"<v>1e400</v>", b"s=\"99999\"", b"t=\"s\"", b"<c>", b"&#0;", b"\xff"];
    let mut state: u64 = 0x5eed;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let mut cases = 0;
    for seed in &seeds {
        let parts = parts(seed);
        for _ in 0..150 {
            let mut damaged = parts.clone();
            let i = next(damaged.len());
            let data = &mut damaged[i].1;
            let (a, b) = (next(data.len() + 1), next(data.len() + 1));
            let (a, b) = (a.min(b), a.max(b));
            let insert = odd[next(odd.len())];
            match next(3) {
                0 => drop(data.splice(a..b, insert.iter().copied())),
                1 => data.truncate(a),
                _ => {
                    let piece = data[a..b].to_vec();
                    data.splice(b..b, piece);
                }
            }
            bantin::fuzzing::workbook(&zipped(&damaged));
            cases += 1;
        }
    }
    assert_eq!(cases, 300);
}
