//! Periods as government reports count them (FORMAT v2), end to end on
//! `tests/fixtures/flows`: Kỳ Anh's budget revenue, a flow, with nine
//! months to date of 2022 and 2023 (the latter an estimate), the third
//! quarters of both (2023 preliminary) and the year's plan; its output, a
//! flow by year (2024 preliminary); and a level indicator beside them. The
//! arithmetic and the labels are pinned by unit tests in `model::flows` and
//! `render::format`; the errors by `tests/fixtures/invalid/periods_as_reports`.

mod common;
use common::*;

fn flows(lang: Option<&str>) -> Built {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("flows"), dir.path());
    if let Some(lang) = lang {
        let site = dir.path().join("content/site.yaml");
        std::fs::write(&site, std::fs::read_to_string(&site).unwrap() + &format!("language: {lang}\n")).unwrap();
    }
    build(dir.path(), false)
}

#[test]
fn an_article_writes_the_reports_own_sentence_computed_by_bantin() {
    let b = flows(None);
    let html = b.read("districts/ky-anh/bao-cao/index.html");
    let text: String = html.split("<div class=\"prose\">").nth(1).unwrap().split("</div>").next().unwrap().to_string();
    let plain = text.replace('\n', "");
    let plain = regex_free_strip(&plain);
    assert!(
        plain.contains("Thu ngân sách 9 tháng ước đạt 16.930,2 tỷ đồng (ước tính), tăng 14,2% so với cùng kỳ, đạt 77,0% kế hoạch năm."),
        "{plain}"
    );
}

#[test]
fn a_flows_card_and_table_give_the_change_on_a_year_earlier_and_the_share_of_the_years_plan() {
    let b = flows(None);
    let html = b.read("districts/ky-anh/index.html");
    assert!(html.contains("<p class=\"card-period card-flow\">giảm 3,2% so với cùng kỳ</p>"), "output 2024 on 2023");
    assert!(html.contains("8.567,03 tỷ đồng (sơ bộ)"), "a preliminary value says so");
    assert!(html.contains("<th scope=\"row\">9 tháng đầu năm 2023</th><td class=\"num\">16.930,2 tỷ đồng (ước tính)</td><td class=\"num\"></td><td class=\"num\"></td><td>tăng 14,2% so với cùng kỳ</td><td>đạt 77,0% kế hoạch năm</td>"));
    // Nine months to date come before the third quarter that ends with them.
    let ytd = html.find("<th scope=\"row\">9 tháng đầu năm 2023</th>").unwrap();
    assert!(ytd < html.find("<th scope=\"row\">Quý 3/2023</th>").unwrap());
    // The revenue card reads nine months to date, not the third quarter
    // ending with them, and judges them against the year's plan: 77,0%
    // after three quarters of the year is on track.
    let revenue = html.split("Thu ngân sách trên địa bàn").nth(1).unwrap().split("</article>").next().unwrap();
    assert!(revenue.contains("16.930,2 tỷ đồng (ước tính)</p><p class=\"card-period card-flow\">tăng 14,2% so với cùng kỳ; đạt 77,0% kế hoạch năm</p>"), "{revenue}");
    assert!(revenue.contains("status-on-track"), "{revenue}");
    // A level indicator's table has no such columns.
    let hamlets = html.split("Thôn đạt chuẩn").last().unwrap();
    assert!(!hamlets.split("</table>").next().unwrap().contains("So với cùng kỳ"));
}

#[test]
fn a_flows_card_draws_this_years_totals_to_date_beside_last_years_and_the_plan() {
    let b = flows(None);
    let html = b.read("districts/ky-anh/index.html");
    let svg = html.split("class=\"chart chart-flow\"").nth(1).expect("a flow chart on the revenue card");
    let svg = svg.split("</svg>").next().unwrap();
    assert!(svg.contains("Thu ngân sách trên địa bàn – Kỳ Anh: 9 tháng: 2023 16.930,2 tỷ đồng (ước tính), 2022 14.824 tỷ đồng. Kế hoạch 2023: 21.980 tỷ đồng."), "{svg}");
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .map(|t| t.split('>').nth(1).unwrap_or("").split('<').next().unwrap().trim())
        .collect();
    for t in ["2023", "2022", "9 tháng", "KH", "16.930,2"] {
        assert!(texts.contains(&t), "{t} in {texts:?}");
    }
    // Output has whole years only: its card keeps the chart of its series.
    assert_eq!(html.matches("chart chart-flow").count(), 1);
}

#[test]
fn in_english_the_same_figures_read_as_english_reports_write_them() {
    let b = flows(Some("en"));
    let html = b.read("districts/ky-anh/index.html");
    assert!(html.contains("<th scope=\"row\">Jan–Sep 2023</th><td class=\"num\">16,930.2 tỷ đồng (estimate)</td>"));
    assert!(html.contains("<td>up 14.2% on a year earlier</td><td>77.0% of the year&#39;s plan</td>"));
    assert!(html.contains("down 3.2% on a year earlier"));
    assert!(html.contains("(preliminary)"));
}

#[test]
fn the_indicator_csv_ends_with_the_status_column() {
    let b = flows(None);
    assert_eq!(
        b.read("indicators/revenue.csv"),
        "\u{FEFF}district,commune,period,value,total,target,note,status\nky-anh,,2022-YTD9,14824,,,,\nky-anh,,2022-Q3,5003.1,,,,\nky-anh,,2023-YTD9,16930.2,,,,estimate\nky-anh,,2023-Q3,5232.8,,,,\nky-anh,,2023,,,21980,,\n"
    );
}

#[test]
fn a_revised_figure_is_told_in_the_bulletin_of_its_revision_and_old_articles_keep_the_figure_of_their_day() {
    let b = flows(None);
    let q4 = regex_free_strip(&b.read("districts/ky-anh/bulletins/2023-Q4/index.html"));
    assert!(q4.contains("Số liệu được điều chỉnh trong kỳ"), "{q4}");
    assert!(q4.contains("Thu ngân sách trên địa bàn, Quý 3/2023: 5.210,4 tỷ đồng → 5.232,8 tỷ đồng"));
    assert!(!regex_free_strip(&b.read("districts/ky-anh/bulletins/2023-Q3/index.html")).contains("điều chỉnh trong kỳ"));
    // The article of 20/10/2023 keeps what was published then, and its change.
    let old = regex_free_strip(&b.read("districts/ky-anh/quy-3/index.html"));
    assert!(old.contains("Quý 3, thu ngân sách đạt 5.210,4 tỷ đồng, tăng 4,1% so với cùng kỳ."), "{old}");
    // Its cards and charts too show the figures of its day, not the revision.
    let page = b.read("districts/ky-anh/quy-3/index.html");
    assert!(!page.contains("5.232,8") && !page.contains("điều chỉnh từ"), "the article of 20/10/2023 is not rewritten");
    let new = regex_free_strip(&b.read("districts/ky-anh/quy-4/index.html"));
    assert!(new.contains("Số liệu quý 3 đã điều chỉnh: 5.232,8 tỷ đồng, tăng 4,6% so với cùng kỳ."), "{new}");
    // show="plan" on a whole year: its value against its own target.
    assert!(new.contains("Năm 2023, giá trị sản xuất đạt 107,8% kế hoạch năm."), "{new}");
    let table = b.read("districts/ky-anh/index.html");
    assert!(table.contains("<td>điều chỉnh từ 5.210,4 tỷ đồng</td>"));
    // The indicator's page gives the same figures.
    let page = b.read("indicators/revenue/index.html");
    assert!(page.contains("<td>Kỳ Anh</td><td></td><td>9 tháng đầu năm 2023</td><td class=\"num\">16.930,2 tỷ đồng (ước tính)</td><td class=\"num\"></td><td class=\"num\"></td><td>tăng 14,2% so với cùng kỳ</td><td>đạt 77,0% kế hoạch năm</td>"), "{page}");
    assert!(page.contains("<td>điều chỉnh từ 5.210,4 tỷ đồng</td>"));
}

/// `check` warns where a note restates a figure bantin derives with another
/// number; a note that only rounds it differently, or a change compared
/// with something else, is left alone.
#[test]
fn a_note_that_restates_a_derived_figure_wrongly_is_a_warning() {
    let report = bantin::check(&fixture("flow_notes"), false);
    let text = report.render(bantin::text::lang::Lang::Vi);
    assert_eq!(report.counts(), (0, 2), "{text}");
    assert!(
        text.contains("district.yaml:6:1: cảnh báo: ghi chú nói “tăng 20%”, nhưng số liệu của `output` cho giảm 3,2%"),
        "{text}"
    );
    assert!(text.contains("district.yaml:9:1: cảnh báo: ghi chú nói “90% kế hoạch”, nhưng số liệu của `income` cho đạt 96,2% kế hoạch"), "{text}");
    // The example site's notes agree with its data.
    let example = bantin::check(&repo_root(), false);
    assert!(
        !example.render(bantin::text::lang::Lang::En).contains("the note says"),
        "no false warning on the example site"
    );
}

/// The text of an HTML fragment: tags dropped.
fn regex_free_strip(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Flows are ranked only against totals of the same period: a unit's nine
/// months to date never beside another's quarter.
#[test]
fn league_tables_of_a_flow_rank_only_totals_of_one_period() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("flows"), dir.path());
    let d = dir.path().join("content/districts/cam-xuyen");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("district.yaml"),
        "name: Cẩm Xuyên\ndata:\n  revenue:\n    - { period: 2023-Q3, value: 4100 }\n",
    )
    .unwrap();
    let b = build(dir.path(), false);
    let html = b.read("bulletins/2023-Q3/index.html");
    let league = html.split("indicators/revenue/index.html\">").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(league.contains(">Kỳ Anh</a>") && !league.contains("Cẩm Xuyên"), "{league}");
    assert!(league.contains("16.930,2 tỷ đồng (ước tính) (1–9/2023)"), "{league}");
}
