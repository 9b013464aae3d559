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

/// The rows of each league table of a page, as `(caption, [(place, district, value, change)])`.
fn leagues(html: &str) -> Vec<(String, Vec<String>)> {
    let text = |s: &str| {
        let mut out = String::new();
        let mut tag = false;
        for c in s.chars() {
            match c {
                '<' => tag = true,
                '>' => {
                    tag = false;
                    out.push(' ');
                }
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    html.split("<table class=\"data-table league\">")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</table>").unwrap()];
            let caption = text(&t[..t.find("</caption>").unwrap()]);
            let rows = t.split("<tr>").skip(2).map(text).collect();
            (caption, rows)
        })
        .collect()
}

#[test]
fn the_site_bulletin_has_league_tables() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("bulletins/2022-Q4/index.html");
    assert!(html.contains("Xếp hạng cải cách hành chính</a>"), "a league for the rank");
    assert!(html.contains("districts/ky-anh/bulletins/2022-Q4/index.html"));
}

#[test]
fn ranks_out_of_different_totals_are_never_ordered_as_one_list() {
    let b = build(&fixture("league"), false);
    let l = leagues(&b.read("bulletins/2023/index.html"));
    let pci: Vec<_> = l.iter().filter(|(c, _)| c.starts_with("Xếp hạng PCI")).collect();
    assert_eq!(pci.len(), 2, "one table per total: {l:#?}");
    assert_eq!(pci[0].0, "Xếp hạng PCI (thứ hạng trong số 13)");
    assert_eq!(pci[0].1, ["1 Bắc Sơn 5/13 (2023) Chưa có kế hoạch"]);
    assert_eq!(pci[1].0, "Xếp hạng PCI (thứ hạng trong số 27)");
    // A Lâm went from 2nd (7/27) to 1st (4/27) among the 27; Cao Phong the other way.
    assert_eq!(pci[1].1, ["1 A Lâm 4/27 (2023) ▲ 1 Chưa có kế hoạch", "2 Cao Phong 6/27 (2023) ▼ 1 Chưa có kế hoạch"]);
}

#[test]
fn counts_are_ranked_by_share_and_apart_from_counts_without_a_total() {
    let b = build(&fixture("league"), false);
    let l = leagues(&b.read("bulletins/2023/index.html"));
    let hamlets: Vec<_> = l.iter().filter(|(c, _)| c.starts_with("Thôn đạt chuẩn")).collect();
    assert_eq!(hamlets.len(), 2, "{l:#?}");
    assert_eq!(hamlets[0].0, "Thôn đạt chuẩn (xếp theo số lượng, không ghi tổng số)");
    assert_eq!(hamlets[0].1, ["1 Cao Phong 12 thôn (2023) Chưa có kế hoạch"]);
    assert_eq!(hamlets[1].0, "Thôn đạt chuẩn (xếp theo tỷ lệ so với tổng số)");
    // 110/154 is 71,4%, 13/20 is 65%.
    assert_eq!(hamlets[1].1[0], "1 A Lâm 110/154 thôn (2023) Chưa có kế hoạch");
    assert_eq!(hamlets[1].1[1], "2 Bắc Sơn 13/20 thôn (2023) Chưa có kế hoạch");
}

#[test]
fn gaps_between_shares_are_in_percentage_points() {
    let b = build(&fixture("league"), false);
    let l = leagues(&b.read("bulletins/2023/index.html"));
    let waste = l.iter().find(|(c, _)| c.starts_with("Tỷ lệ thu gom rác")).unwrap();
    assert_eq!(waste.1, ["1 A Lâm 90% (2023) 5,5 điểm % Chậm tiến độ"]);
}

#[test]
fn the_districts_chart_has_one_chart_per_comparison_group() {
    let b = build(&fixture("league"), false);
    let page = b.read("indicators/pci-rank/index.html");
    assert_eq!(page.matches("<svg").count(), 2, "{page}");
    assert!(page.contains("(thứ hạng trong số 13)") && page.contains("(thứ hạng trong số 27)"));
    let svg27 = &page[page.find("id=\"chart-pci-rank-districts-2-title\"").expect("the second group's chart")..];
    let (a, c) = (svg27.find("A Lâm").unwrap(), svg27.find("Cao Phong").unwrap());
    assert!(a < c, "4/27 before 6/27");
    assert!(!svg27[..svg27.find("</svg>").unwrap()].contains("Bắc Sơn"), "5/13 is not in the chart of 27");
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

#[test]
fn shares_of_a_lower_is_better_count_rank_the_smallest_first_in_tables_and_charts() {
    let b = build(&fixture("league"), false);
    let l = leagues(&b.read("bulletins/2023/index.html"));
    let poor = l.iter().find(|(c, _)| c.starts_with("Hộ nghèo")).unwrap();
    assert!(poor.1[0].starts_with("1 A Lâm 5/100") && poor.1[1].starts_with("2 Bắc Sơn 30/100"), "{poor:?}");
    let page = b.read("indicators/poor-households/index.html");
    let chart = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
    assert!(chart.find("A Lâm").unwrap() < chart.find("Bắc Sơn").unwrap(), "5% poor is ahead of 30%");
}
