//! Articles checked against the data (FORMAT v2), on `tests/fixtures/claims`:
//! three deliberate mismatches (a district's count a year out of date, a
//! commune's, a count of hamlets), and what must stay silent: a figure that
//! agrees with the latest period ended by the article's date or with the
//! period it closes, plans, a unit no indicator has, code.

mod common;
use common::*;
use std::process::Command;

#[test]
fn an_articles_figure_that_disagrees_with_the_data_of_its_moment_is_a_warning_naming_both_places() {
    let report = bantin::check(&fixture("claims"), false);
    let text = report.render(bantin::text::lang::Lang::En);
    assert_eq!(report.counts(), (0, 3), "{text}");
    for expected in [
        "content/districts/ky-anh/2024-01-05-tong-ket.md:5:21: warning: the article says 12/20 tiêu chí, but the data of its date says 13/20 (content/districts/ky-anh/district.yaml:5)",
        "content/districts/ky-anh/2024-01-05-tong-ket.md:7:16: warning: the article says 14/19 tiêu chí, but the data of its date says 15/19 (content/districts/ky-anh/district.yaml:12)",
        "content/districts/ky-anh/2023-12-20-cuoi-nam.md:7:18: warning: the article says 108/154 thôn, but the data of its date says 110/154 (content/districts/ky-anh/district.yaml:7)",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n{text}");
    }
    let vi = report.render(bantin::text::lang::Lang::Vi);
    assert!(
        vi.contains("cảnh báo: bài viết ghi 12/20 tiêu chí, nhưng số liệu tại thời điểm bài viết là 13/20"),
        "{vi}"
    );
}

#[test]
fn check_strict_fails_on_them_and_build_is_not_stopped() {
    let root = fixture("claims");
    let strict =
        Command::new(env!("CARGO_BIN_EXE_bantin")).args(["check", "--strict", "--root"]).arg(&root).output().unwrap();
    assert_eq!(strict.status.code(), Some(1), "{}", String::from_utf8_lossy(&strict.stderr));
    let b = build(&root, false);
    assert_eq!(b.report.warnings.counts(), (0, 3));
}

#[test]
fn the_example_site_has_no_false_warning() {
    let report = bantin::check(&repo_root(), false);
    assert!(report.is_empty(), "{}", report.render(bantin::text::lang::Lang::En));
}
