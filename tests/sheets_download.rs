//! The other way: each indicator's `indicators/<id>.xlsx` download, put
//! back in a unit's `data/` folder, builds to the same figures; and
//! damaged workbooks are errors, never a panic.

mod common;
use bantin::text::lang::Lang;
use common::sheets::*;
use common::*;
use rust_xlsxwriter::{Format, Formula};

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

#[test]
fn a_download_has_the_csv_columns_numbers_as_numbers_and_a_frozen_header() {
    use calamine::{Data, Reader};
    let built = build(&fixture("data_kinds"), false);
    let bytes = std::fs::read(built.out.join("indicators/gross-output.xlsx")).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let range = book.worksheet_range("gross-output").unwrap();
    let row = |r: usize| range.rows().nth(r).unwrap().to_vec();
    let header: Vec<String> = row(0).iter().map(|c| c.to_string()).collect();
    assert_eq!(header, ["indicator", "district", "commune", "period", "value", "total", "target", "note", "status"]);
    let first = row(1);
    assert_eq!(first[0], Data::String("gross-output".into()));
    assert_eq!(first[3], Data::String("2023".into()), "a period is text, never a date");
    assert_eq!(first[4], Data::Float(8850.26));
    assert_eq!(first[6], Data::Float(8210.9));
    assert_eq!(row(2)[6], Data::Float(10230.09));
    let parts = parts(&bytes);
    let part = |name: &str| String::from_utf8(parts.iter().find(|(n, _)| n == name).unwrap().1.clone()).unwrap();
    let sheet = part("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""), "{sheet}");
    // The decimals as written: 8850.26 in 0.00, 8210.9 in 0.0.
    let styles = part("xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.00\"") && styles.contains("formatCode=\"0.0\""), "{styles}");
    // The only date in the file is the end of the latest period (2024).
    let core = part("docProps/core.xml");
    assert!(core.contains("2024-12-31T"), "{core}");
}
