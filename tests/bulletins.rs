//! Progress bulletins for every period, per district and site-wide, and
//! the article archive.

mod common;
use common::*;

#[test]
fn a_bulletin_for_every_period_from_the_first_to_the_last() {
    let b = build(&fixture("data_kinds"), false);
    // Earliest: the 2021 rank (as of 31/12/2021); latest: the 2024 plan.
    let periods: Vec<String> = b
        .files()
        .into_iter()
        .filter_map(|f| f.strip_prefix("bulletins/")?.strip_suffix("/index.html").map(str::to_string))
        .collect();
    let expected: Vec<String> = std::iter::once("2021-Q4".to_string())
        .chain((2022..=2024).flat_map(|y| (1..=4).map(move |q| format!("{y}-Q{q}"))))
        .collect();
    assert_eq!(periods, expected);
    for d in ["ky-anh", "vu-quang"] {
        for p in &expected {
            assert!(b.exists(&format!("districts/{d}/bulletins/{p}/index.html")), "{d} {p}");
        }
    }
    let first = b.read("bulletins/2021-Q4/index.html");
    assert!(first.contains("Số 1<") || first.contains("Số 1\n"), "edition number");
    assert!(!first.contains("rel=\"prev\""));
    let english = build(&fixture("english"), false);
    for y in ["2022", "2023", "2024"] {
        assert!(english.exists(&format!("bulletins/{y}/index.html")), "yearly bulletins: {y}");
    }
}

#[test]
fn a_district_bulletin_has_the_snapshot_changes_and_highlights() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("districts/ky-anh/bulletins/2023-Q4/index.html");
    for expected in [
        "Bản tin Quý 4/2023 – Kỳ Anh",
        "Từ 01/10/2023 đến 31/12/2023",
        "118/153 thôn",
        "8.850,26 tỷ đồng",
        "So với cùng kỳ năm trước",
        "+8 thôn",
        "Đạt kế hoạch trong kỳ",
        "Xã Đức Lĩnh đạt chuẩn",
        "rel=\"prev\" href=\"../../../../districts/ky-anh/bulletins/2023-Q3/index.html\"",
        "rel=\"next\" href=\"../../../../districts/ky-anh/bulletins/2024-Q1/index.html\"",
    ] {
        assert!(html.contains(expected), "lacks {expected:?}");
    }
    // As of the end of 2022-Q4 the model-hamlets figure is the 2022-11 one.
    let older = b.read("districts/ky-anh/bulletins/2022-Q4/index.html");
    assert!(older.contains("110/154 thôn") && !older.contains("118/153"));
}

#[test]
fn a_quiet_period_still_has_its_page_saying_so() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("districts/ky-anh/bulletins/2022-Q2/index.html");
    assert!(html.contains("Trong kỳ này không có tin bài và số liệu mới."));
}

#[test]
fn the_site_bulletin_has_league_tables() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("bulletins/2022-Q4/index.html");
    let league = &html[html.find("Xếp hạng cải cách hành chính</a></caption>").expect("a league for the rank")..];
    let league = &league[..league.find("</table>").unwrap()];
    let vu = league.find("Vũ Quang").unwrap();
    let ky = league.find("Kỳ Anh").unwrap();
    assert!(vu < ky, "3/13 ranks before 7/27: {league}");
    // Kỳ Anh was alone (1st) at the end of 2022-Q3, 2nd now.
    assert!(league.contains("change-worse\">▼ 1"), "{league}");
    assert!(html.contains("districts/ky-anh/bulletins/2022-Q4/index.html"));
}

#[test]
fn bulletins_index_dashboard_and_archive() {
    let b = build(&fixture("data_kinds"), false);
    let index = b.read("bulletins/index.html");
    assert!(index.contains("2024-Q4/index.html") && index.contains("districts/vu-quang/bulletins/2021-Q4/index.html"));
    let dashboard = b.read("districts/ky-anh/index.html");
    assert!(dashboard.contains("bulletins/2023-Q4/index.html"), "the dashboard lists its bulletins");
    let archive = b.read("archive/index.html");
    assert!(archive.contains("archive/2024/index.html") && archive.contains("archive/2023/index.html"));
    let year = b.read("archive/2023/index.html");
    assert!(year.contains("Tháng 11/2023") && year.contains("Xã Đức Lĩnh đạt chuẩn"));
    assert!(broken_links(&b.out).is_empty(), "{:#?}", broken_links(&b.out));
}
