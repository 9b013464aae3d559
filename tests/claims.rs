//! Articles checked against the data (FORMAT v2), on `tests/fixtures/claims`:
//! deliberate mismatches (a district's count a year out of date, a
//! commune's, a count of hamlets; an amount of nine months, its share of
//! the year's plan, a rank, a percentage), and what must stay silent: a
//! figure that agrees with the latest period ended by the article's date or
//! with the period it closes, or rounds the data's value; plans, bounds
//! (`gần`), another province's figure, a narrower figure (`giá trị sản xuất
//! công nghiệp`), a unit no indicator has, code. Then precision and recall
//! on sentences labelled by hand (`claims_sentences`, `claims_heldout`).

mod common;
use common::*;
use std::process::Command;

#[test]
fn an_articles_figure_that_disagrees_with_the_data_of_its_moment_is_a_warning_naming_both_places() {
    let report = bantin::check(&fixture("claims"), false);
    let text = report.render(bantin::text::lang::Lang::En);
    assert_eq!(report.counts(), (0, 7), "{text}");
    for expected in [
        "content/districts/ky-anh/2023-10-05-chin-thang.md:7:43: warning: the article says 6.600 tỷ đồng, but the data for 2023-YTD9 says 6.512,75 tỷ đồng (content/districts/ky-anh/district.yaml:10)",
        "content/districts/ky-anh/2023-10-05-chin-thang.md:11:43: warning: the article says 80,1% kế hoạch năm, but the data for 2023-YTD9 says 79,3% kế hoạch năm (content/districts/ky-anh/district.yaml:10)",
        "content/districts/ky-anh/2023-10-05-chin-thang.md:19:32: warning: the article says xếp thứ 5/27, but the data for 2022 says 7/27 (content/districts/ky-anh/district.yaml:13)",
        "content/districts/ky-anh/2023-10-05-chin-thang.md:23:29: warning: the article says 2,5%, but the data for 2022 says 2,15% (content/districts/ky-anh/district.yaml:15)",
        "content/districts/ky-anh/2024-01-05-tong-ket.md:5:21: warning: the article says 12/20 tiêu chí, but the data of its date says 13/20 (content/districts/ky-anh/district.yaml:5)",
        "content/districts/ky-anh/2024-01-05-tong-ket.md:7:16: warning: the article says 14/19 tiêu chí, but the data of its date says 15/19 (content/districts/ky-anh/district.yaml:20)",
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
    assert_eq!(b.report.warnings.counts(), (0, 7));
}

#[test]
fn the_example_site_has_no_false_warning() {
    let report = bantin::check(&repo_root(), false);
    assert!(report.is_empty(), "{}", report.render(bantin::text::lang::Lang::En));
}

/// The data-status page (linked from every page's footer) and its CSV: what
/// each unit alive reported and owes; a dashboard card whose latest figure
/// is more than a year older than the site's last bulletin day says so.
#[test]
fn the_data_status_page_lists_what_each_unit_owes_and_old_figures_say_so() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("units"), dir.path());
    let yaml = dir.path().join("content/districts/cam-xuyen/district.yaml");
    let text = std::fs::read_to_string(&yaml)
        .unwrap()
        .replace("data:\n", "data:\n  poverty-rate:\n    - { period: 2023, value: 6.1 }\n");
    std::fs::write(&yaml, text).unwrap();
    let b = build(dir.path(), false);
    assert!(b
        .read("index.html")
        .contains("<li><a href=\"data-status/index.html\">Tình hình cập nhật số liệu</a></li>"));
    let page = b.read("data-status/index.html");
    assert!(page.contains(">Cẩm Xuyên</a></h2>") && !page.contains(">Vũ Quang</a></h2>"), "units alive only");
    assert!(page.contains("<tr class=\"status-never\"><th scope=\"row\"><a href=\"../indicators/poverty-rate/index.html\">Tỷ lệ hộ nghèo</a></th><td>–</td><td class=\"num\">0</td><td class=\"num\">0</td><td>chưa từng báo cáo</td></tr>"), "{page}");
    assert!(page.contains("id=\"chart-data-status-title\""), "a chart of the figures each unit owes");
    let csv = b.read("data-status/status.csv");
    assert!(
        csv.starts_with("\u{FEFF}unit,indicator,latest,periods_behind,plans_without_result,status,never_reported\n"),
        "{csv}"
    );
    assert!(csv.contains("thuong-duc,poverty-rate,,0,0,,yes\n"), "{csv}");
    assert!(csv.contains("cam-xuyen,poverty-rate,2023,"), "{csv}");
    let card = b.read("districts/cam-xuyen/index.html");
    assert!(
        card.contains("<p class=\"card-period card-stale\"><strong>số liệu năm 2023</strong></p>"),
        "a figure more than a year old says so"
    );
    assert_eq!(card.matches("card-stale").count(), 1, "the rank of 2025-Q3 is current");
}

/// One labelled line of `expected.yaml`.
#[derive(serde::Deserialize)]
struct Label {
    file: String,
    line: usize,
    warn: bool,
    why: String,
}

/// Precision and recall of `check` on a fixture of labelled sentences:
/// every warning must be on a labelled line; returns (true, false, missed).
fn score(case: &str) -> (usize, usize, usize) {
    let root = fixture(case);
    let labels: Vec<Label> =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("expected.yaml")).unwrap()).unwrap();
    let report = bantin::check(&root, false).render(bantin::text::lang::Lang::En);
    let warned: std::collections::BTreeSet<(String, usize)> = report
        .lines()
        .filter(|l| l.contains(": warning: the article says "))
        .map(|l| {
            let mut parts = l.splitn(3, ':');
            let file = parts.next().unwrap().rsplit('/').next().unwrap().to_string();
            (file, parts.next().unwrap().parse().unwrap())
        })
        .collect();
    let labelled: std::collections::BTreeSet<(String, usize)> =
        labels.iter().map(|l| (l.file.clone(), l.line)).collect();
    assert!(warned.is_subset(&labelled), "warnings on unlabelled lines: {:?}", warned.difference(&labelled));
    let (mut right, mut wrong, mut missed) = (0, 0, 0);
    for l in &labels {
        match (l.warn, warned.contains(&(l.file.clone(), l.line))) {
            (true, true) => right += 1,
            (false, true) => {
                wrong += 1;
                eprintln!("false warning: {}:{} ({})", l.file, l.line, l.why);
            }
            (true, false) => {
                missed += 1;
                eprintln!("missed: {}:{} ({})", l.file, l.line, l.why);
            }
            (false, false) => {}
        }
    }
    (right, wrong, missed)
}

/// The labelled sentences the checks were built against (63 lines: 16
/// mismatches, 20 agreeing figures, 27 look-alikes): every one right.
#[test]
fn labelled_sentences_are_warned_exactly_where_a_figure_disagrees() {
    assert_eq!(score("claims_sentences"), (16, 0, 0));
}

/// A second set, written by another hand for another unit after the checks
/// were built (43 lines: 14 mismatches, 13 agreeing figures, 16
/// look-alikes). Its first run gave two false warnings (`vượt 2,25% kế
/// hoạch` read as a share of 2,25%; a figure after `so với 6 tháng đầu năm
/// 2021`) and one miss, which stays: an indicator named with its words in
/// another order (`tỷ lệ suy dinh dưỡng … ở trẻ em dưới 5 tuổi`).
#[test]
fn held_out_sentences_give_no_false_warning_and_miss_one_figure_named_out_of_order() {
    assert_eq!(score("claims_heldout"), (13, 0, 1));
}
