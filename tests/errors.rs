//! Bad input: every case under `tests/fixtures/invalid/<case>/` fails with
//! exit 1 and one clear message per problem (file, line and column where
//! known; the text pinned in Vietnamese by a snapshot named after the case,
//! and in English by `<case>.en`), never panics, and leaves the previous
//! output untouched.

mod common;
use bantin::text::lang::Lang;
use common::*;
use std::process::Command;

fn cases() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixture("invalid"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Builds `root` over a previous good build with the binary; returns the
/// report after checking exit 1, no panic and the old output in place.
fn fails_cleanly(root: &std::path::Path) -> bantin::diag::Diagnostics {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    bantin::build(&bantin::BuildOptions::new(fixture("minimal"), out.clone())).unwrap();
    let before = files_under(&out);
    let index = std::fs::read(out.join("index.html")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{}: exit {:?}\n{stderr}", root.display(), o.status.code());
    assert!(!stderr.contains("panicked"), "{}: panic\n{stderr}", root.display());
    assert_eq!(files_under(&out), before, "{}: the previous output changed", root.display());
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), index);
    let check = Command::new(env!("CARGO_BIN_EXE_bantin")).args(["check", "--root"]).arg(root).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "check agrees");
    bantin::check(root, false)
}

#[test]
fn every_invalid_case_fails_cleanly_with_its_messages_pinned() {
    let cases = cases();
    assert!(cases.len() >= 15, "{cases:?}");
    for case in cases {
        let report = fails_cleanly(&fixture(&format!("invalid/{case}")));
        insta::assert_snapshot!(format!("invalid_{case}"), report.render(Lang::Vi));
        insta::assert_snapshot!(format!("invalid_{case}.en"), report.render(Lang::En));
    }
}

#[test]
fn byte_order_marks_and_crlf_line_endings_work() {
    let b = build(&fixture("bom_crlf"), false);
    let page = b.read("districts/ky-anh/crlf/index.html");
    assert!(page.contains("Bài CRLF") && page.contains("118/153"), "{page}");
    assert!(!page.contains('\r'));
}

#[test]
fn undefined_template_variable_is_an_error() {
    let text = build_errors(&fixture("invalid/undefined_variable"));
    assert!(text.starts_with("templates/districts.html: error: while rendering districts/index.html"), "{text}");
}

#[test]
fn a_failed_build_leaves_the_last_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let good = bantin::BuildOptions::new(fixture("minimal"), out.clone());
    bantin::build(&good).unwrap();
    let before = std::fs::read(out.join("index.html")).unwrap();
    let bad = bantin::BuildOptions::new(fixture("invalid/data_errors"), out.clone());
    assert!(bantin::build(&bad).is_err());
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), before);
    assert!(!dir.path().join(".public.bantin-new").exists());
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mine");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("thesis.docx"), "precious").unwrap();
    let options = bantin::BuildOptions::new(fixture("minimal"), out.clone());
    let err = bantin::build(&options).unwrap_err().render(Lang::En);
    assert!(err.contains("bantin did not write it"), "{err}");
    assert_eq!(std::fs::read_to_string(out.join("thesis.docx")).unwrap(), "precious");
    // Hidden files count too: a folder holding only `.git` is not bantin's.
    let git_only = dir.path().join("repo");
    std::fs::create_dir_all(git_only.join(".git")).unwrap();
    let options = bantin::BuildOptions::new(fixture("minimal"), git_only.clone());
    assert!(bantin::build(&options).is_err());
    assert!(git_only.join(".git").is_dir());
    for (out, why) in [
        (fixture("minimal").join("content/out"), "inside the site's `content/`"),
        (fixture("minimal"), "site root"),
        (fixture("minimal").join(".."), "site root or a folder above it"),
        (fixture("minimal").join("templates"), "inside the site's `templates/`"),
    ] {
        let o = bantin::BuildOptions::new(fixture("minimal"), out);
        let err = bantin::build(&o).unwrap_err().render(Lang::En);
        assert!(err.contains(why), "{err}");
    }
}

/// Issue 20, item 1: only a folder is ever replaced. A device, a named pipe
/// or a link to one (or to anything) stays as it was.
#[test]
fn an_output_that_is_a_device_a_pipe_or_a_link_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let link = dir.path().join("public");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let folder_link = dir.path().join("www");
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real"), &folder_link).unwrap();
    for (out, why) in [
        (std::path::PathBuf::from("/dev/null"), "it is not a folder"),
        (fifo.clone(), "it is not a folder"),
        (link.clone(), "it is a symbolic link"),
        (folder_link.clone(), "it is a symbolic link"),
    ] {
        let o = bantin::BuildOptions::new(fixture("minimal"), out.clone());
        let err = bantin::build(&o).unwrap_err().render(Lang::En);
        assert!(err.contains(why), "{}: {err}", out.display());
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_link(&link).unwrap(), std::path::PathBuf::from("/dev/null"));
    assert!(std::fs::symlink_metadata(&folder_link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4, "nothing moved aside or added");
}

/// Issue 20, item 6: an archive never overwrites a source or a file that is
/// not an earlier archive; an earlier archive is replaced whole.
#[test]
fn an_archive_is_never_written_over_a_source_or_a_stranger_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let site_yaml = dir.path().join("content/site.yaml");
    let before = std::fs::read(&site_yaml).unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "precious").unwrap();
    for (out, why) in [(&site_yaml, "inside the site's `content/`"), (&notes, "not an earlier bantin archive")] {
        let err = bantin::archive::create(dir.path(), None, out).unwrap_err().render(Lang::En);
        assert!(err.contains(why), "{err}");
    }
    assert_eq!(std::fs::read(&site_yaml).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "precious");
    let zip = dir.path().join("a.zip");
    bantin::archive::create(dir.path(), None, &zip).unwrap();
    bantin::archive::create(dir.path(), None, &zip).expect("an earlier archive is replaced");
    assert!(bantin::archive::verify(&zip).unwrap().ok());
}

/// Item 11's hints, each in its fixture: a tab named where it is, a
/// day-first date turned around, the closest indicator id suggested, and a
/// broken indicators.yaml reported first without an error per observation.
#[test]
fn hints_name_the_cause_and_the_fix() {
    let tab = bantin::check(&fixture("invalid/yaml_tab"), false).render(Lang::En);
    assert!(tab.starts_with("content/districts/ky-anh/district.yaml:4:1: error: a tab character"), "{tab}");
    assert!(tab.contains("hint: replace the tab with spaces"), "{tab}");

    let dates = bantin::check(&fixture("invalid/day_first_dates"), false).render(Lang::Vi);
    for file in ["tong-ket.md", "so-ket.md", "hoi-nghi.md"] {
        let line = dates.lines().skip_while(|l| !l.contains(&format!("{file}:3:7:"))).nth(1).unwrap_or("");
        assert_eq!(line, "  gợi ý: hãy viết ngày theo dạng YYYY-MM-DD, năm trước: `date: 2023-01-06`", "{dates}");
    }
    assert!(!dates.contains("`date: 2023-02-31`"), "31/02 is no date to suggest: {dates}");
    assert!(dates.contains("có phải bạn định viết `model-hamlets`?"), "{dates}");
    assert!(dates.contains("có phải bạn định viết `poverty-rate`?"), "{dates}");

    let broken = bantin::check(&fixture("invalid/broken_indicators"), false);
    let report = broken.render(Lang::En);
    assert!(report.starts_with("content/indicators.yaml:4:2: error: invalid YAML"), "{report}");
    assert!(!report.contains("unknown indicator"), "no knock-on errors: {report}");
    assert_eq!(broken.counts(), (1, 3), "the root cause, and one note per file that uses indicators: {report}");
}

/// The report shows each problem's line from the text the run read: a file
/// changed on disk after the run does not change the report.
#[test]
fn the_report_shows_the_line_as_the_run_read_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("invalid/yaml_tab"), dir.path());
    let diags = bantin::check(dir.path(), false);
    let file = dir.path().join("content/districts/ky-anh/district.yaml");
    let line = std::fs::read_to_string(&file).unwrap().lines().nth(3).unwrap().to_owned();
    std::fs::write(&file, "changed after the run\n").unwrap();
    let report = diags.report(Lang::En);
    assert!(report.contains(&format!("  4 | {line}\n    | ^\n")), "{report}");
    assert!(!report.contains("changed after the run"), "{report}");
}
