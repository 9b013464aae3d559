//! Charts: every kind drawn as accessible SVG, and PNG share cards.

mod common;
use common::*;

/// Every inline `<svg>…</svg>` of an HTML page.
fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        let end = rest[i..].find("</svg>").expect("closed svg") + i + "</svg>".len();
        out.push(rest[i..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// Parses an SVG and checks what a screen reader and a browser need;
/// returns (class, title, desc).
fn check_svg(svg: &str) -> (String, String, String) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("width").is_none() && root.attribute("height").is_none(), "responsive by viewBox");
    assert!(root.attribute("viewBox").is_some());
    let text_of = |tag: &str| {
        let node = root.children().find(|n| n.has_tag_name(tag)).unwrap_or_else(|| panic!("no <{tag}>"));
        let id = node.attribute("id").unwrap();
        assert!(root.attribute("aria-labelledby").unwrap().contains(id));
        node.text().unwrap().to_string()
    };
    (root.attribute("class").unwrap().to_string(), text_of("title"), text_of("desc"))
}

#[test]
fn district_page_charts_are_accessible_svg_with_the_numbers() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("districts/ky-anh/index.html");
    let charts: Vec<_> = svgs(&html).iter().map(|s| check_svg(s)).collect();
    let find = |title: &str| {
        charts.iter().find(|c| c.1.starts_with(title)).unwrap_or_else(|| panic!("no chart {title}: {charts:#?}"))
    };
    let hamlets = find("Thôn đạt chuẩn khu dân cư kiểu mẫu – Kỳ Anh");
    assert_eq!(hamlets.0, "chart chart-trend");
    assert!(hamlets.2.contains("T11/2022: 110/154 thôn; 2023: 118/153 thôn"), "{}", hamlets.2);
    let output = find("Tổng giá trị sản xuất – Kỳ Anh");
    assert!(output.2.contains("8.850,26 tỷ đồng") && output.2.contains("KH 10.230,09 tỷ đồng"), "{}", output.2);
    let rank = find("Xếp hạng cải cách hành chính – Kỳ Anh");
    assert_eq!(rank.0, "chart chart-rank");
    assert!(rank.2.contains("2022: 7/27"));
    let waste = find("Tỷ lệ thu gom rác thải – Kỳ Anh");
    assert!(waste.2.contains("92,25%"));
    let communes = find("Tiêu chí nông thôn mới nâng cao – Kỳ Anh (các xã)");
    assert_eq!(communes.0, "chart chart-communes");
    // Sorted best first: 15/19 (78,9%) before 13/20 (65%).
    let (a, b2) = (communes.2.find("Kỳ Châu").unwrap(), communes.2.find("Đức Lĩnh").unwrap());
    assert!(a < b2, "{}", communes.2);
}

#[test]
fn progress_and_districts_charts() {
    let b = build(&fixture("data_kinds"), false);
    let vu_quang: Vec<_> = svgs(&b.read("districts/vu-quang/index.html")).iter().map(|s| check_svg(s)).collect();
    let (class, _, desc) = &vu_quang[0];
    assert_eq!(class, "chart chart-progress chart-single", "one figure: print leaves it out beside its card");
    assert!(desc.contains("Quý 3/2023: 40/60 thôn (66,7%)"), "{desc}");
    let (class, _, desc) = &vu_quang[1];
    assert_eq!(class, "chart chart-rank chart-single");
    assert!(desc.contains("3/13"));
    let ind = b.read("indicators/pci-rank/index.html");
    let charts: Vec<_> = svgs(&ind).iter().map(|s| check_svg(s)).collect();
    // Vũ Quang 3/13 and Kỳ Anh 7/27 are places in different rankings: one chart each.
    assert_eq!(charts.len(), 2);
    assert!(charts.iter().all(|(class, _, _)| class.starts_with("chart chart-districts")));
    assert!(charts[0].2.contains("trong số 13") && charts[0].2.contains("Vũ Quang") && !charts[0].2.contains("Kỳ Anh"));
    assert!(charts[1].2.contains("trong số 27") && charts[1].2.contains("Kỳ Anh") && !charts[1].2.contains("Vũ Quang"));
    let english = build(&fixture("english"), false);
    let html = english.read("districts/a-district/index.html");
    let (class, _, desc) = check_svg(&svgs(&html)[0]);
    assert_eq!(class, "chart chart-trend");
    assert!(desc.contains("8,850.26 billion VND"), "{desc}");
}

#[test]
fn chart_text_is_escaped() {
    let b = build(&fixture("data_kinds"), false);
    for page in b.files().into_iter().filter(|f| f.ends_with(".html")) {
        for svg in svgs(&b.read(&page)) {
            check_svg(&svg);
        }
    }
}

#[test]
fn svg_snapshots_of_each_kind() {
    let b = build(&fixture("data_kinds"), false);
    let district = svgs(&b.read("districts/ky-anh/index.html"));
    let pick =
        |class: &str| district.iter().find(|s| s.contains(&format!("class=\"chart chart-{class}\""))).unwrap().clone();
    insta::assert_snapshot!("svg_trend", pick("trend"));
    insta::assert_snapshot!("svg_rank", pick("rank"));
    let vu_quang = svgs(&b.read("districts/vu-quang/index.html"));
    insta::assert_snapshot!("svg_progress", vu_quang[0].clone());
    insta::assert_snapshot!("svg_communes", pick("communes"));
    let ind = svgs(&b.read("indicators/model-hamlets/index.html"));
    insta::assert_snapshot!("svg_districts", ind[0].clone());
    let progress = build(&fixture("english"), false);
    let single = svgs(&progress.read("indicators/output/index.html"));
    insta::assert_snapshot!("svg_districts_en", single[0].clone());
}

#[test]
fn share_cards_are_1200_by_630_png_and_used_as_og_image() {
    let b = build(&fixture("data_kinds"), false);
    for card in ["card.png", "districts/ky-anh/card.png", "districts/ky-anh/tong-ket-nam-2023/card.png"] {
        let bytes = std::fs::read(b.out.join(card)).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (1200, 630), "{card}");
    }
    let article = b.read("districts/ky-anh/tong-ket-nam-2023/index.html");
    assert!(article.contains("<meta property=\"og:image\" content=\"https://example.gov.vn/bantin/districts/ky-anh/tong-ket-nam-2023/card.png\">"));
    assert!(article.contains("src=\"hoi-nghi.png\""), "the article's own image is shown on the page");
    let no_indicators = b.read("districts/ky-anh/dat-chuan/index.html");
    assert!(no_indicators.contains("content=\"https://example.gov.vn/bantin/districts/ky-anh/card.png\""));
    assert!(b.read("index.html").contains("content=\"https://example.gov.vn/bantin/card.png\""));
    assert!(!b.exists("districts/ky-anh/dat-chuan/card.png"));
}

#[test]
fn chart_shortcode_draws_the_chart_with_its_table() {
    let b = build(&fixture("data_kinds"), false);
    let article = b.read("districts/ky-anh/tong-ket-nam-2023/index.html");
    let figure = &article[article.find("<figure class=\"chart-figure\">").unwrap()..];
    let figure = &figure[..figure.find("</figure>").unwrap()];
    assert!(figure.contains("<svg") && figure.contains("<table") && figure.contains("indicators/model-hamlets.csv"));
    assert!(figure.contains("Kỳ Anh · thôn"));
}
