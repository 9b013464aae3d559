//! Units over time (FORMAT v2), end to end on `tests/fixtures/units`: a
//! province, a dissolved district (Vũ Quang, until 30/06/2025) with three
//! old communes as units, a new commune (Mai Hoa) formed from them whole, a
//! new commune (Thượng Đức) formed from part of the district, and a v1
//! district (Cẩm Xuyên) still alive. Each test is named after the rule it
//! checks; the errors of the rules are pinned by `tests/errors.rs`
//! (`tests/fixtures/invalid/unit_*`).

mod common;
use common::*;

fn units() -> Built {
    build(&fixture("units"), false)
}

#[test]
fn a_unit_has_pages_at_units_slug_and_units_index_lists_every_unit_by_level() {
    let b = units();
    for page in ["units/index.html", "units/mai-hoa/index.html", "units/mai-hoa/ra-mat/index.html"] {
        assert!(b.exists(page), "missing {page}");
    }
    let index = b.read("units/index.html");
    let order: Vec<usize> = ["<h2 id=\"level-1\">Tỉnh</h2>", ">Huyện</h2>", ">Xã</h2>"]
        .iter()
        .map(|h| index.find(h).unwrap_or_else(|| panic!("no group {h}: {index}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "levels from the province down: {order:?}");
    for unit in ["Hà Tĩnh", "Vũ Quang", "Cẩm Xuyên", "Ân Phú", "Mai Hoa", "Thượng Đức"] {
        assert!(index.contains(&format!(">{unit}</a></h3>")), "{unit} not listed");
    }
    assert!(b.read("index.html").contains("href=\"units/index.html\">Đơn vị hành chính</a>"), "in the menu");
}

#[test]
fn a_dissolved_unit_says_until_when_and_links_its_successors_on_every_page() {
    let b = units();
    let banner = "Đơn vị này tồn tại đến hết ngày <time datetime=\"2025-06-30\">30/06/2025</time>.";
    let mut pages =
        vec!["districts/vu-quang/index.html".to_string(), "districts/vu-quang/hop-tong-ket/index.html".into()];
    pages.extend(b.files().into_iter().filter(|f| f.starts_with("districts/vu-quang/bulletins/")));
    assert!(pages.len() > 3);
    for page in &pages {
        let html = b.read(page);
        let at = html.find(banner).unwrap_or_else(|| panic!("{page}: no banner"));
        assert!(
            at < html.find("<h1").unwrap_or(usize::MAX).max(html.find("edition").unwrap_or(0)),
            "{page}: near the top"
        );
        let root = "../".repeat(page.matches('/').count());
        // Thượng Đức names the district in its formed_from; Xã Vũ Quang is elsewhere.
        assert!(html.contains(&format!("<a href=\"{root}units/thuong-duc/index.html\">Thượng Đức</a>")), "{page}");
        assert!(html.contains("<a href=\"https://vuquang.hatinh.gov.vn/\" rel=\"external\">Xã Vũ Quang</a>"), "{page}");
    }
    // Its old communes name Mai Hoa as their successor.
    assert!(b.read("units/an-phu/index.html").contains("units/mai-hoa/index.html\">Mai Hoa</a>."));
    assert!(!b.read("units/mai-hoa/index.html").contains("tồn tại đến hết ngày"), "alive: no banner");
}

#[test]
fn the_banner_is_in_english_on_an_english_site() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("units"), dir.path());
    let site = dir.path().join("content/site.yaml");
    std::fs::write(&site, std::fs::read_to_string(&site).unwrap() + "language: en\n").unwrap();
    let b = build(dir.path(), false);
    let html = b.read("districts/vu-quang/index.html");
    assert!(html.contains("This unit existed until <time datetime=\"2025-06-30\">30 Jun 2025</time>."), "{html}");
    assert!(html.contains("Succeeded by: "));
}

#[test]
fn bulletins_only_for_periods_that_end_within_a_units_lifetime() {
    let b = units();
    let of = |unit: &str| -> Vec<String> {
        b.files()
            .into_iter()
            .filter_map(|f| {
                f.strip_prefix(&format!("{unit}/bulletins/"))?.strip_suffix("/index.html").map(String::from)
            })
            .collect()
    };
    let old = of("districts/vu-quang");
    assert_eq!(old.last().map(String::as_str), Some("2025-Q2"), "{old:?}");
    assert_eq!(of("units/mai-hoa"), vec!["2025-Q3"]);
    // The site-wide bulletin of 2025-Q3 links the units alive, not Vũ Quang.
    let site = b.read("bulletins/2025-Q3/index.html");
    assert!(site.contains("units/mai-hoa/bulletins/2025-Q3/") && !site.contains("districts/vu-quang/bulletins/"));
    // One group of links per level.
    assert!(site.contains("<p class=\"district-links\"><strong>Xã:</strong> "), "{site}");
    // A unit's bulletin shows its chain of parents too.
    let bulletin = b.read("units/mai-hoa/bulletins/2025-Q3/index.html");
    assert!(bulletin.contains("› <a href=\"../../../../units/ha-tinh/index.html\">Hà Tĩnh</a> › <a href=\"../../../../units/mai-hoa/index.html\">Mai Hoa</a>"));
    // No link leads to a bulletin that does not exist.
    let q2 = b.read("districts/vu-quang/bulletins/2025-Q2/index.html");
    assert!(!q2.contains("bulletins/2025-Q3/"), "no next bulletin after until");
}

#[test]
fn units_are_compared_only_with_units_of_the_same_level_alive_on_the_periods_last_day() {
    let b = units();
    let league = |period: &str, level: &str, indicator: &str| -> String {
        let html = b.read(&format!("bulletins/{period}/index.html"));
        let caption =
            format!("<caption><span class=\"league-level\">{level}</span>: <a href=\"../../indicators/{indicator}/");
        let at = html.find(&caption).unwrap_or_else(|| panic!("{period}: no {level} table of {indicator}"));
        html[at..].split("</table>").next().unwrap().to_string()
    };
    let q4 = league("2024-Q4", "Xã", "model-hamlets");
    for name in ["Ân Phú", "Đức Giang", "Đức Lĩnh"] {
        assert!(q4.contains(&format!(">{name}</a>")), "{name} in 2024-Q4");
    }
    assert!(!q4.contains("Mai Hoa"), "Mai Hoa did not exist at the end of 2024, derived history or not");
    let q3 = league("2025-Q3", "Xã", "model-hamlets");
    assert!(q3.contains(">Mai Hoa</a>") && q3.contains(">Thượng Đức</a>") && !q3.contains("Ân Phú"), "{q3}");
    // Vũ Quang ranked 3 of 5 in 2024 and is gone in 2025-Q3; Cẩm Xuyên is alone.
    assert!(league("2024-Q4", "Huyện", "pci-rank").contains(">Vũ Quang</a>"));
    let pci = league("2025-Q3", "Huyện", "pci-rank");
    assert!(pci.contains(">Cẩm Xuyên</a>") && !pci.contains("Vũ Quang"), "{pci}");
    // Shares are compared within a level: a commune never shares a table with a district.
    assert!(!league("2024-Q4", "Huyện", "poverty-rate").contains("Đức Giang"));
}

#[test]
fn a_unit_formed_from_whole_units_has_their_sum_as_its_earlier_history_marked_as_derived() {
    let b = units();
    let html = b.read("units/mai-hoa/index.html");
    // 2023: 2/7 + 1/6 + 4/8 = 7/21; 2024: 3/7 + 2/6 + 5/8 = 10/21; then its own 12/21.
    for (period, value) in [("Năm 2023", "7/21 thôn"), ("Năm 2024", "10/21 thôn")] {
        let row = format!(
            "<tr class=\"derived\"><th scope=\"row\">{period}</th><td class=\"num\">{value}</td><td class=\"num\"></td><td class=\"num\">"
        );
        assert!(html.contains(&row), "{period}: {value} derived");
    }
    assert!(html.contains("<td>Cộng từ: Ân Phú, Đức Giang, Đức Lĩnh</td>"));
    assert!(
        html.contains("<tr><th scope=\"row\">Quý 3/2025</th><td class=\"num\">12/21 thôn</td>"),
        "its own, unmarked"
    );
    assert!(html.contains("fill=\"#5E9FCC\""), "derived columns drawn paler");
    assert!(html.contains("10/21 thôn (cộng từ Ân Phú, Đức Giang, Đức Lĩnh)"), "and said in the chart's description");
    // A rate does not add up, and a part predecessor gives no history.
    assert_eq!(html.matches("<tr class=\"derived\">").count(), 2, "poverty-rate has aggregate: none");
    assert!(!b.read("units/thuong-duc/index.html").contains("class=\"derived\""));
    assert!(
        html.contains("<p class=\"chart-legend-derived\">Cột nhạt: số liệu cộng từ các đơn vị trước khi sáp nhập</p>")
    );
    // Derived values are never published as data: not in the CSV, nor in the
    // indicator page's table of all data (the same figures are there under
    // the units that reported them).
    let page = b.read("indicators/model-hamlets/index.html");
    assert!(!page.contains("<td>Mai Hoa</td><td></td><td>Năm 2023</td>"), "no derived row on the indicator page");
    assert!(page.contains("<td>Đức Lĩnh</td><td></td><td>Năm 2023</td>"));
    let csv = b.read("indicators/model-hamlets.csv");
    let mai_hoa: Vec<&str> = csv.lines().filter(|l| l.starts_with("mai-hoa,")).collect();
    assert_eq!(mai_hoa, vec!["mai-hoa,,2025-Q3,12,21,,,"], "{csv}");
}

#[test]
fn a_unit_shows_its_level_code_predecessors_children_and_chain_of_parents() {
    let b = units();
    let mai_hoa = b.read("units/mai-hoa/index.html");
    assert!(mai_hoa.contains("<h1>Xã Mai Hoa</h1>") && mai_hoa.contains("Mã đơn vị: 18322"));
    assert!(mai_hoa.contains("Thành lập từ ngày <time datetime=\"2025-07-01\">01/07/2025</time>. Hình thành từ: <a href=\"../../units/an-phu/index.html\">Ân Phú</a>"));
    let thuong_duc = b.read("units/thuong-duc/index.html");
    assert!(
        thuong_duc.contains("<a href=\"../../districts/vu-quang/index.html\">Vũ Quang</a> (một phần), Xã Đức Hương.")
    );
    let province = b.read("units/ha-tinh/index.html");
    for child in ["Vũ Quang", "Cẩm Xuyên", "Mai Hoa", "Thượng Đức"] {
        assert!(province.contains(&format!("index.html\">{child}</a> <small>")), "{child} under Hà Tĩnh");
    }
    let district = b.read("districts/vu-quang/index.html");
    assert!(district.contains(">Ân Phú</a> <small>xã · đến 30/06/2025</small>"), "a dissolved child with its last day");
    // A chart compares the units within it, per level, alive on the last day.
    let chart = province.split("id=\"chart-model-hamlets-children-ha-tinh-desc\"").nth(1).expect("a children chart");
    let desc = chart.split("</desc>").next().unwrap();
    assert!(desc.contains("Mai Hoa") && desc.contains("Thượng Đức") && !desc.contains("Ân Phú"), "{desc}");
    // A dissolved parent compares its units as of its last day.
    assert!(b.read("districts/vu-quang/index.html").contains("chart-model-hamlets-children-vu-quang"));
    let trail = b.read("units/an-phu/index.html");
    assert!(trail.contains("<nav class=\"breadcrumb\" aria-label=\"breadcrumb\"><a href=\"../../units/index.html\">Đơn vị hành chính</a> › <a href=\"../../units/ha-tinh/index.html\">Hà Tĩnh</a> › <a href=\"../../districts/vu-quang/index.html\">Vũ Quang</a> › <span aria-current=\"page\">Ân Phú</span></nav>"));
}

#[test]
fn unit_pages_are_in_the_sitemap_feeds_and_search() {
    let b = units();
    let sitemap = b.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/bantin/units/mai-hoa/</loc>"));
    assert!(
        sitemap.contains("<loc>https://example.gov.vn/bantin/units/index.html</loc>")
            || sitemap.contains("<loc>https://example.gov.vn/bantin/units/</loc>")
    );
    assert!(b.read("units/mai-hoa/atom.xml").contains("https://example.gov.vn/bantin/units/mai-hoa/ra-mat/"));
    assert!(b.read("search/index.js").contains("units/mai-hoa/ra-mat/"));
}
