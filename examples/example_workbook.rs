//! Writes Vũ Quang's progress figures of 2022 as the workbook an office
//! keeps (`content/districts/vu-quang/data/tien-do-2022.xlsx`) and the
//! picture of its sheet that the README shows (`docs/img/workbook.svg`):
//! `cargo run --example example_workbook`, from the repository's root.
//!
//! The sheet is as an officer types it in Excel: the column names in the
//! first row, periods typed as `06/2022` (which Excel turns into dates, and
//! bantin reads as months), a rate typed as `83%` (a cell that holds 0.83
//! and shows 83%). A test (`tests/example_site.rs`) checks that both files
//! are what this script writes, so they can always be made again.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

/// A row: indicator, commune, (year, month) of the period, value, total,
/// note.
type Row = (&'static str, &'static str, (u16, u8), f64, Option<f64>, &'static str);

/// The figures (from Vũ Quang's 2022 reports).
pub const ROWS: [Row; 5] = [
    ("advanced-ntm-criteria", "Thọ Điền", (2022, 6), 9.0, Some(20.0), ""),
    ("advanced-ntm-criteria", "Đức Bồng", (2022, 6), 8.0, Some(20.0), ""),
    (
        "advanced-ntm-criteria",
        "Đức Giang",
        (2022, 10),
        11.0,
        Some(20.0),
        "Ước đạt 65–70% kế hoạch cả năm, theo báo cáo 10 tháng",
    ),
    (
        "advanced-ntm-criteria",
        "Đức Liên",
        (2022, 10),
        11.0,
        Some(20.0),
        "Ước đạt 65–70% kế hoạch cả năm, theo báo cáo 10 tháng",
    ),
    ("waste-collection", "", (2022, 10), 0.83, None, "Số liệu 10 tháng đầu năm 2022"),
];

/// The sheet's first row.
pub const HEADER: [&str; 6] = ["indicator", "commune", "period", "value", "total", "note"];

/// The sheet's name.
pub const SHEET: &str = "Tiến độ 2022";

/// The workbook's bytes (the same every time: its creation time is the
/// end of the figures' latest month).
pub fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2022, 10, 31).expect("a date");
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("UBND huyện Vũ Quang"));
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).expect("a sheet name Excel takes");
    let bold = Format::new().set_bold();
    let month = Format::new().set_num_format("mm/yyyy").set_align(FormatAlign::Left);
    let percent = Format::new().set_num_format("0%");
    for (col, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold).expect("a cell");
    }
    sheet.set_freeze_panes(1, 0).expect("the header frozen");
    for (i, (indicator, commune, (year, mon), value, total, note)) in ROWS.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, *indicator).expect("a cell");
        if !commune.is_empty() {
            sheet.write_string(r, 1, *commune).expect("a cell");
        }
        let period = ExcelDateTime::from_ymd(*year, *mon, 1).expect("a date");
        sheet.write_datetime_with_format(r, 2, &period, &month).expect("a cell");
        match total {
            Some(t) => {
                sheet.write_number(r, 3, *value).expect("a cell");
                sheet.write_number(r, 4, *t).expect("a cell");
            }
            None => {
                sheet.write_number_with_format(r, 3, *value, &percent).expect("a cell");
            }
        }
        if !note.is_empty() {
            sheet.write_string(r, 5, *note).expect("a cell");
        }
    }
    for (col, width) in [(0, 24), (1, 12), (2, 10), (3, 8), (4, 8), (5, 50)] {
        sheet.set_column_width(col, width).expect("a width");
    }
    book.save_to_buffer().expect("the workbook is written")
}

/// The sheet as a spreadsheet shows it: column letters, row numbers, the
/// cells as displayed. An SVG, so the README's picture is text that this
/// script makes again.
pub fn picture() -> String {
    let widths = [170, 80, 70, 52, 48, 370];
    let (row_h, gutter) = (22, 32);
    let width: i32 = gutter + widths.iter().sum::<i32>();
    let height = row_h * (ROWS.len() as i32 + 2);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" role=\"img\" aria-labelledby=\"t d\">\n<title id=\"t\">{SHEET}: the sheet of data/tien-do-2022.xlsx</title>\n<desc id=\"d\">Column names in the first row (indicator, commune, period, value, total, note), one observation per row below.</desc>\n<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n"
    );
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    for (indicator, commune, (year, mon), value, total, note) in ROWS {
        let value = match total {
            Some(_) => format!("{value}"),
            None => format!("{}%", (value * 100.0).round()),
        };
        let total = total.map(|t| format!("{t}")).unwrap_or_default();
        rows.push(vec![indicator.into(), commune.into(), format!("{mon:02}/{year}"), value, total, note.into()]);
    }
    // The grey frame: column letters and row numbers.
    svg.push_str(&format!("<rect width=\"{width}\" height=\"{row_h}\" fill=\"#eef0f2\"/>\n"));
    svg.push_str(&format!("<rect width=\"{gutter}\" height=\"{height}\" fill=\"#eef0f2\"/>\n"));
    let mut x = gutter;
    for (c, w) in widths.iter().enumerate() {
        let letter = (b'A' + c as u8) as char;
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"15\" text-anchor=\"middle\" fill=\"#555\">{letter}</text>\n",
            x + w / 2
        ));
        x += w;
    }
    for (r, cells) in rows.iter().enumerate() {
        let y = row_h * (r as i32 + 1);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
            gutter / 2,
            y + 15,
            r + 1
        ));
        let mut x = gutter;
        for (c, (text, w)) in cells.iter().zip(widths).enumerate() {
            let numeric = (3..=4).contains(&c) && r > 0;
            let (tx, anchor) = if numeric { (x + w - 5, "end") } else { (x + 5, "start") };
            let weight = if r == 0 { " font-weight=\"bold\"" } else { "" };
            let text = bantin::text::escape::xml(text);
            svg.push_str(&format!(
                "<text x=\"{tx}\" y=\"{}\" text-anchor=\"{anchor}\"{weight}>{text}</text>\n",
                y + 15
            ));
            x += w;
        }
    }
    // The grid, and the line under the frozen first row.
    for r in 0..=rows.len() + 1 {
        let y = row_h * r as i32;
        svg.push_str(&format!("<line x1=\"0\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"#c8ccd0\"/>\n"));
    }
    let mut x = gutter;
    svg.push_str(&format!("<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\" stroke=\"#c8ccd0\"/>\n"));
    for w in widths {
        x += w;
        svg.push_str(&format!("<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\" stroke=\"#c8ccd0\"/>\n"));
    }
    let frozen = row_h * 2;
    svg.push_str(&format!(
        "<line x1=\"0\" y1=\"{frozen}\" x2=\"{width}\" y2=\"{frozen}\" stroke=\"#7a8088\" stroke-width=\"2\"/>\n"
    ));
    svg.push_str("</svg>\n");
    svg
}

/// The files this script writes, from the repository's root.
pub const WORKBOOK_PATH: &str = "content/districts/vu-quang/data/tien-do-2022.xlsx";
pub const PICTURE_PATH: &str = "docs/img/workbook.svg";

#[allow(dead_code)]
fn main() {
    std::fs::write(WORKBOOK_PATH, workbook()).expect("the workbook is written");
    std::fs::create_dir_all("docs/img").expect("docs/img");
    std::fs::write(PICTURE_PATH, picture()).expect("the picture is written");
    eprintln!("wrote {WORKBOOK_PATH} and {PICTURE_PATH}");
}
