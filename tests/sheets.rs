//! Workbooks as offices keep them (FORMAT v2, "Spreadsheets as they are
//! kept"): `data/*.xlsx` read beside the CSV, every bad cell named by file,
//! sheet and cell (the download's way back is `sheets_download.rs`). The
//! workbooks are written here with the same writer the
//! build uses, so every case is made fresh and nothing binary is kept.

mod common;
use bantin::text::lang::Lang;
use common::sheets::*;
use common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

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
        figure(s, 4, "waste", "2024-Q3", 95.0);
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
    figure(good, 1, "waste", "2024-Q2", 96.0);
    let empty_first = b.add_worksheet();
    empty_first.set_name("Trống").unwrap();
    header_at(empty_first, 3, &["indicator", "period", "value"]);
    // A hidden sheet is read by the same rule, and the officer told.
    let hidden = b.add_worksheet();
    hidden.set_name("Ẩn").unwrap();
    header(hidden, &["indicator", "period", "value"]);
    figure(hidden, 1, "waste", "2024-Q3", 97.0);
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
    let bytes = one_figure("pci-rank", "2022", 7.0);
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

#[test]
fn a_formula_with_no_saved_result_is_an_error_even_when_it_is_all_its_row_holds() {
    let written = book("Sheet1", |s| {
        header(s, &["indicator", "period", "value"]);
        s.write_string(1, 0, "waste").unwrap();
        s.write_string(1, 1, "2024-Q2").unwrap();
        s.write_formula(1, 2, "=90+6").unwrap();
        for col in 0..3 {
            s.write_formula(2, col, "=Sheet1!A2").unwrap();
        }
    });
    // A workbook that does not ask to be recalculated, its formulas'
    // results taken out: as a program that never calculates saves it.
    let mut parts = parts(&written);
    for (name, data) in parts.iter_mut() {
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(data.clone()).unwrap();
            let mut pieces = xml.split("</f><v>");
            let mut stripped = pieces.next().unwrap().to_string();
            for piece in pieces {
                stripped.push_str("</f>");
                stripped.push_str(piece.split_once("</v>").map_or(piece, |(_, rest)| rest));
            }
            assert_ne!(xml, stripped, "the results were found");
            *data = stripped.into_bytes();
        }
    }
    let (_dir, root) = site_with(&[("a.xlsx", zipped(&parts))]);
    let (_, en) = report(&root);
    assert!(en.contains("a.xlsx: Sheet1!C2: error: this cell's formula has no saved result"), "{en}");
    assert!(en.contains("a.xlsx: Sheet1!A3: error: this cell's formula has no saved result"), "{en}");
}

#[test]
fn xlsm_is_read_and_xls_or_ods_are_a_warning() {
    let bytes = one_figure("waste", "2024-Q2", 96.0);
    let (_dir, root) = site_with(&[("macro.xlsm", bytes), ("libre.ods", b"PK\x03\x04".to_vec())]);
    let built = build(&root, false);
    assert!(built.read("indicators/waste.csv").contains("ky-anh,,2024-Q2,96,"));
    let en = built.report.warnings.render(Lang::En);
    assert!(en.contains("data/libre.ods: warning: bantin reads .xlsx workbooks, not .ods"), "{en}");
}

#[test]
fn a_first_row_without_indicator_or_period_is_an_error_and_unnamed_figures_a_warning() {
    let no_period = book("A", |s| header(s, &["indicator", "value"]));
    let unnamed = book("B", |s| {
        header(s, &["indicator", "period", "value"]);
        figure(s, 1, "waste", "2024-Q2", 96.0);
        s.write_number(1, 4, 97).unwrap();
    });
    let (_dir, root) = site_with(&[("a.xlsx", no_period), ("b.xlsx", unnamed)]);
    let (_, en) = report(&root);
    assert!(en.contains("a.xlsx: A!A1: error: the first row needs the columns `indicator` and `period`"), "{en}");
    assert!(en.contains("b.xlsx: B!E2: warning: column E holds figures but has no name in the first row"), "{en}");
}

#[test]
fn a_row_given_in_csv_and_a_workbook_is_an_error_naming_both() {
    // extra.csv gives waste for 2024-Q1 at its line 3.
    let bytes = one_figure("waste", "2024-Q1", 95.0);
    let (_dir, root) = site_with(&[("a.xlsx", bytes)]);
    let (_, en) = report(&root);
    let both = en.contains("extra.csv:3") && en.contains("given twice") && en.contains("a.xlsx: Sheet1!A2");
    assert!(both, "{en}");
}

#[test]
fn a_workbook_whose_rows_all_belong_to_another_unit_is_an_error() {
    let bytes = book("Sheet1", |s| {
        header(s, &["indicator", "district", "period", "value"]);
        s.write_string(1, 0, "waste").unwrap();
        s.write_string(1, 1, "vu-quang").unwrap();
        s.write_string(1, 2, "2024-Q2").unwrap();
        s.write_number(1, 3, 96).unwrap();
    });
    let (_dir, root) = site_with(&[("cua-vu-quang.xlsx", bytes)]);
    let (_, en) = report(&root);
    assert!(en.contains("cua-vu-quang.xlsx") && en.contains("error:") && en.contains("vu-quang"), "{en}");
}

#[test]
fn a_units_workbook_adds_its_rows_and_one_too_large_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("units"), &root);
    let data = root.join("content/units/mai-hoa/data");
    std::fs::create_dir_all(&data).unwrap();
    let bytes = one_figure("poverty-rate", "2025-Q4", 4.5);
    std::fs::write(data.join("so-lieu.xlsx"), bytes).unwrap();
    assert!(build(&root, false).read("indicators/poverty-rate.csv").contains("mai-hoa,,2025-Q4,4.5,"));
    let max = bantin::load::MAX_WORKBOOK_BYTES;
    std::fs::write(data.join("lon.xlsx"), vec![0u8; max as usize + 1]).unwrap();
    let (_, en) = report(&root);
    assert!(
        en.contains(
            "units/mai-hoa/data/lon.xlsx: error: this workbook is 65 MB; bantin reads workbooks of up to 64 MB"
        ),
        "{en}"
    );
}
