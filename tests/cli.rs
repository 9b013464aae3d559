//! The `bantin` binary: exit codes, and `check` writing nothing.

mod common;
use common::*;
use std::process::Command;

fn bantin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bantin")).args(args).output().unwrap()
}

#[test]
fn build_exits_0_and_writes_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a/b/site");
    let root = fixture("data_kinds");
    let o = bantin(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("index.html").is_file(), "parents of --out are created");
}

#[test]
fn build_and_check_exit_1_on_bad_input() {
    let root = fixture("invalid/data_errors");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let o = bantin(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("content/districts/ky-anh/district.yaml:4:"), "{stderr}");
    let o = bantin(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("data_kinds"), &root);
    let before = files_under(&root);
    let o = bantin(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(files_under(&root), before);
}

/// Messages come in the site's `language` (vi when it is not given, and
/// when site.yaml is broken), and `--lang` overrides it on every command.
#[test]
fn messages_speak_the_sites_language_unless_told_otherwise() {
    let stderr = |args: &[&str]| String::from_utf8_lossy(&bantin(args).stderr).into_owned();
    let vi_site = fixture("invalid/data_errors");
    let vi = stderr(&["check", "--root", vi_site.to_str().unwrap()]);
    assert!(vi.contains("district.yaml:4:33: lỗi: giá trị 160 lớn hơn tổng số 154\n  gợi ý: "), "{vi}");
    assert!(vi.contains("\nkiểm tra không đạt: ") && vi.contains(" lỗi, 0 cảnh báo\n"), "{vi}");
    let en = stderr(&["--lang", "en", "check", "--root", vi_site.to_str().unwrap()]);
    assert!(en.contains("district.yaml:4:33: error: the value 160 is above its total 154\n  hint: "), "{en}");
    assert!(en.contains("\ncheck failed: ") && en.contains(" error(s), 0 warning(s)\n"), "{en}");

    let en_site = fixture("english");
    let en = stderr(&["check", "--root", en_site.to_str().unwrap()]);
    assert!(en.starts_with("the site is valid: 0 error(s)"), "{en}");
    let vi = stderr(&["check", "--root", en_site.to_str().unwrap(), "--lang", "vi"]);
    assert!(vi.starts_with("trang web hợp lệ: 0 lỗi"), "{vi}");

    // site.yaml itself broken: its errors are in Vietnamese.
    let broken = stderr(&["check", "--root", fixture("invalid/wrong_types").to_str().unwrap()]);
    assert!(broken.contains("content/site.yaml:1:8: lỗi: YAML không hợp lệ: "), "{broken}");
}

#[test]
fn the_caret_stands_under_the_column_of_the_text_as_bantin_read_it() {
    // A byte-order mark, CRLF line ends and decomposed Vietnamese (NFD):
    // the column is counted on the decoded text, and so is the snippet.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/districts/ky-anh")).unwrap();
    std::fs::write(root.join("content/site.yaml"), "title: T\nbase_url: https://example.gov.vn/\n").unwrap();
    std::fs::write(root.join("content/indicators.yaml"), "- { id: h, name: Thôn, kind: count }\n").unwrap();
    let nfd = "Ky\u{300} Anh"; // "Kỳ Anh" with a combining grave accent
    let yaml =
        format!("\u{FEFF}name: {nfd}\r\ndata:\r\n  h:\r\n    - {{ period: 2023, note: {nfd}, value: 160/154 }}\r\n");
    std::fs::write(root.join("content/districts/ky-anh/district.yaml"), yaml).unwrap();
    let o = bantin(&["check", "--lang", "en", "--root", root.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    let line = "    - { period: 2023, note: Kỳ Anh, value: 160/154 }";
    let at = line.find("160").unwrap();
    let col = line[..at].chars().count() + 1;
    assert!(err.contains(&format!("district.yaml:4:{col}: error: the value 160 is above its total 154")), "{err}");
    let caret = format!("  4 | {line}\n    | {}^\n", " ".repeat(col - 1));
    assert!(err.contains(&caret), "the snippet is the decoded line with the caret under 160:\n{err}");
}

/// `check --report` prints what each unit alive owes, worst first, as a
/// table on standard output (dissolved units owe nothing).
#[test]
fn check_report_lists_the_figures_to_chase() {
    let o = bantin(&["check", "--report", "--lang", "en", "--root", fixture("units").to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("Unit") && lines[0].contains("Periods behind"), "{out}");
    assert!(lines[1].starts_with("Cẩm Xuyên") && lines[1].ends_with("never reported"), "{out}");
    assert!(lines[2].starts_with("Xã Thượng Đức  Tỷ lệ hộ nghèo"), "{out}");
    assert_eq!(lines[3], "2 figure(s) to chase; 4 up to date");
    assert!(!out.contains("Vũ Quang") && !out.contains("Ân Phú"), "dissolved units are archives: {out}");
}
