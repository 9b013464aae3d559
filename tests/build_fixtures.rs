//! Fixture sites built end to end: what each kind of input becomes.

mod common;
use common::*;

#[test]
fn every_format_output_is_written() {
    let b = build(&fixture("data_kinds"), false);
    for path in [
        "index.html",
        "districts/index.html",
        "districts/ky-anh/index.html",
        "districts/vu-quang/index.html",
        "districts/ky-anh/tong-ket-nam-2023/index.html",
        "districts/ky-anh/dat-chuan/index.html",
        "indicators/index.html",
        "indicators/model-hamlets/index.html",
        "indicators/model-hamlets.csv",
        "indicators/pci-rank.csv",
        "topics/nong-thon-moi/index.html",
        "topics/xay-dung-dang/index.html",
        "topics/kinh-te/index.html",
        "gioi-thieu/index.html",
        "404.html",
        "robots.txt",
        "atom.xml",
        "sitemap.xml",
        "search/index.html",
        "search/index.js",
    ] {
        assert!(b.exists(path), "missing {path}; have {:#?}", b.files());
    }
}

#[test]
fn values_are_formatted_the_vietnamese_way() {
    let b = build(&fixture("data_kinds"), false);
    let district = b.read("districts/ky-anh/index.html");
    for expected in [
        "118/153 thôn",
        "77,1%",
        "8.850,26 tỷ đồng",
        "107,8%",
        "10.230,09 tỷ đồng (Năm 2024)",
        "7/27",
        "tăng 5 bậc",
        "+8 thôn",
        "95%",
        "Đức Lĩnh",
        "13/20 tiêu chí",
        "15/19 tiêu chí",
        "Kỳ Châu",
        "Đã đạt",
        "tính đến năm 2023",
    ] {
        assert!(district.contains(expected), "district page lacks {expected:?}");
    }
    let article = b.read("districts/ky-anh/tong-ket-nam-2023/index.html");
    assert!(article.contains("<span class=\"value\" title=\"Tổng giá trị sản xuất, Năm 2023\">8.850,26 tỷ đồng</span>"));
    assert!(article.contains("06/01/2024"));
    assert!(article.contains("Trần Hằng"));
    assert!(article.contains("href=\"../dat-chuan/\""), "Markdown links are kept as written");
    assert!(!article.contains("<p><figure"), "a chart alone on its line is not wrapped in <p>");
    let page = b.read("gioi-thieu/index.html");
    assert!(page.contains("118/153 thôn"));
}

#[test]
fn csv_keeps_numbers_as_written() {
    let b = build(&fixture("data_kinds"), false);
    assert_eq!(
        b.read("indicators/model-hamlets.csv"),
        "\u{FEFF}district,commune,period,value,total,target,note,status\nky-anh,,2022-11,110,154,,,\nky-anh,,2023,118,153,,,\nvu-quang,,2023-Q3,40,60,,,\n"
    );
    assert_eq!(
        b.read("indicators/criteria.csv"),
        // Communes in the order district.yaml lists them.
        "\u{FEFF}district,commune,period,value,total,target,note,status\nky-anh,Kỳ Châu,2023-Q3,15,19,,\"đạt, vượt\",\nky-anh,Đức Lĩnh,2022-10,13,20,,,\n"
    );
    assert!(b.read("indicators/gross-output.csv").contains("ky-anh,,2024,,,10230.09,,\n"));
    assert!(b.read("indicators/waste.csv").contains("ky-anh,,2023-H1,92.25,,,,\n"));
}

#[test]
fn assets_are_copied_beside_their_article() {
    let b = build(&fixture("data_kinds"), false);
    // Photos are published made anew (tests/photos.rs): still a PNG, a JPEG.
    let png = std::fs::read(b.out.join("districts/ky-anh/tong-ket-nam-2023/hoi-nghi.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let jpg = std::fs::read(b.out.join("districts/ky-anh/dat-chuan/anh/a.jpg")).unwrap();
    assert!(jpg.starts_with(&[0xFF, 0xD8]));
    assert!(b.read("districts/ky-anh/tong-ket-nam-2023/index.html").contains("src=\"hoi-nghi.png\""));
}

#[test]
fn drafts_only_with_the_flag() {
    let without = build(&fixture("data_kinds"), false);
    assert!(!without.exists("districts/ky-anh/nhap/index.html"));
    let with = build(&fixture("data_kinds"), true);
    assert!(with.exists("districts/ky-anh/nhap/index.html"));
}

#[test]
fn links_are_relative_and_resolve() {
    let b = build(&fixture("data_kinds"), false);
    let broken = broken_links(&b.out);
    // The one Markdown link in the fixture points at a folder written as `../dat-chuan/`.
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    let home = b.read("index.html");
    assert!(links(&home).iter().all(|l| !l.starts_with('/')), "no root-absolute links");
    let article = b.read("districts/ky-anh/tong-ket-nam-2023/index.html");
    assert!(article.contains(&format!("href=\"../../../{}\"", b.stylesheet())));
    assert!(article.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.vn/bantin/districts/ky-anh/tong-ket-nam-2023/\">"
    ));
}

#[test]
fn not_found_page_uses_absolute_links() {
    let b = build(&fixture("data_kinds"), false);
    let html = b.read("404.html");
    // Served at any path: its styles are inline, its links absolute.
    assert!(!html.contains(&b.stylesheet()) && html.contains(&format!("<style>{}</style>", b.read(&b.stylesheet()))));
    assert!(html.contains("href=\"https://example.gov.vn/bantin/index.html\""));
}

#[test]
fn english_sites_use_english_formats() {
    let b = build(&fixture("english"), false);
    let article = b.read("districts/a-district/review/index.html");
    assert!(article.contains("8,850.26 billion VND"));
    assert!(article.contains("6 Jan 2024"));
    assert!(article.contains("lang=\"en\""));
    let district = b.read("districts/a-district/index.html");
    assert!(district.contains("107.8%"));
    assert!(district.contains("Achieved"));
}

#[test]
fn minimal_site_builds() {
    let b = build(&fixture("minimal"), false);
    assert!(b.exists("index.html"));
    assert!(b.exists("districts/index.html"));
}

#[test]
fn site_templates_beat_theme_templates_which_beat_the_builtin() {
    let b = build(&fixture("theme_override"), false);
    assert_eq!(b.read("404.html").trim(), "SITE-OVERRIDE Không tìm thấy trang");
    assert_eq!(b.read(&b.stylesheet()).trim(), "body{color:red}");
    // Templates not overridden come from the built-in theme.
    assert!(b.read("index.html").contains("<!DOCTYPE html>"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = build(&fixture("data_kinds"), false);
    let b = build(&fixture("data_kinds"), false);
    assert_eq!(a.files(), b.files());
    for f in a.files() {
        assert_eq!(std::fs::read(a.out.join(&f)).unwrap(), std::fs::read(b.out.join(&f)).unwrap(), "{f} differs");
    }
}

#[test]
fn article_html_snapshot() {
    let b = build(&fixture("english"), false);
    insta::assert_snapshot!("english_article", b.read("districts/a-district/review/index.html"));
}

/// The value, the chart descriptions and the card values of an article page.
fn figures_of(page: &str) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
    let between = |open: &str, close: &str| -> Vec<&str> {
        page.split(open).skip(1).map(|s| &s[s.find('>').unwrap() + 1..s.find(close).unwrap()]).collect()
    };
    (between("<span class=\"value\"", "</span>"), between("<desc", "</desc>"), between("class=\"card-value", "<"))
}

#[test]
fn an_article_shows_only_the_periods_of_its_moment() {
    let b = build(&fixture("moment"), false);
    // 06/01/2023, about 110/154: no bars for 2023 or 2024, no later plans.
    let page = b.read("districts/ky-anh/tong-ket-2022/index.html");
    let (values, charts, cards) = figures_of(&page);
    assert_eq!(values, ["110/154 thôn"]);
    assert_eq!(charts[0], "Thôn đạt chuẩn kiểu mẫu – Kỳ Anh: Năm 2022: 110/154 thôn (71,4%).");
    assert_eq!(cards, ["110/154 thôn"]);
}

#[test]
fn a_year_end_report_shows_its_year() {
    let b = build(&fixture("moment"), false);
    let page = b.read("districts/ky-anh/bao-cao-cuoi-nam/index.html");
    let (values, charts, cards) = figures_of(&page);
    assert_eq!(values, ["118/153 thôn"]);
    assert_eq!(charts, ["Thôn đạt chuẩn kiểu mẫu – Kỳ Anh: 2022: 110/154 thôn; 2023: 118/153 thôn."]);
    assert_eq!(cards, ["118/153 thôn"]);
}

#[test]
fn an_observation_whose_source_is_the_article_belongs_to_its_moment() {
    let b = build(&fixture("moment"), false);
    // Written on 28/05/2024, before the quarter closed, and named as the source of 2024-Q2.
    let page = b.read("districts/ky-anh/so-ket-giua-nam/index.html");
    let (values, charts, _) = figures_of(&page);
    assert_eq!(values, ["121/153 thôn"]);
    assert_eq!(
        charts,
        ["Thôn đạt chuẩn kiểu mẫu – Kỳ Anh: 2022: 110/154 thôn; 2023: 118/153 thôn; Quý 2/2024: 121/153 thôn."]
    );
}

#[test]
fn as_of_latest_opts_in_to_all_data() {
    let b = build(&fixture("moment"), false);
    let page = b.read("districts/ky-anh/tong-ket-2022/index.html");
    let (_, charts, _) = figures_of(&page);
    assert_eq!(charts.len(), 2);
    assert!(charts[1].ends_with("2024: 125/153 thôn; 2025: KH 140 thôn."), "{}", charts[1]);
    // The same chart twice on one page: each with ids of its own.
    let ids: Vec<&str> = page.split(" id=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]).collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "repeated ids: {ids:?}");
}

#[test]
fn adding_data_later_does_not_rewrite_an_old_article() {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&fixture("moment"), root.path());
    let before = build(root.path(), false);
    let yaml = root.path().join("content/districts/ky-anh/district.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text.replace(
            "    - { period: 2025, target: 140 }\n",
            "    - { period: 2025, value: 140/153, target: 140 }\n    - { period: 2026, target: 150 }\n",
        ),
    )
    .unwrap();
    let after = build(root.path(), false);
    for page in ["districts/ky-anh/tong-ket-2022/index.html", "districts/ky-anh/bao-cao-cuoi-nam/index.html"] {
        let (a, b) = (before.read(page), after.read(page));
        // Only the `as_of="latest"` chart may change.
        let strip = |s: &str| s.split("Số liệu mới nhất").next().unwrap().to_string();
        assert_eq!(strip(&a), strip(&b), "{page} was rewritten by newer data");
    }
    assert_ne!(before.read("districts/ky-anh/index.html"), after.read("districts/ky-anh/index.html"));
}

#[test]
fn the_lead_image_has_its_alt_text_and_caption_escaped() {
    let b = build(&fixture("data_kinds"), false);
    let page = b.read("districts/ky-anh/tong-ket-nam-2023/index.html");
    assert!(
        page.contains(concat!(
            "<figure class=\"lead-figure\"><img class=\"lead-image\" src=\"hoi-nghi.png\" ",
            "srcset=\"hoi-nghi.png 1w\" sizes=\"(max-width: 72rem) 100vw, 72rem\" width=\"1\" height=\"1\" ",
            "alt=\"Hội nghị tổng kết năm 2023 &quot;&lt;b&gt;&quot;\" decoding=\"async\">",
            "<figcaption>Toàn cảnh hội nghị &lt;em&gt;tổng kết&lt;/em&gt;.</figcaption></figure>"
        )),
        "{page}"
    );
}

/// Version 2 keeps every meaning of version 1 (FORMAT): each v1 fixture
/// builds to the same files, byte for byte, as pinned in a snapshot of
/// their digests. A change here must be one FORMAT v2 names, or an
/// addition that changes no meaning (each indicator's data as `.xlsx`
/// beside its CSV, linked from its page).
#[test]
fn v1_sites_build_to_the_same_pages() {
    use sha2::{Digest, Sha256};
    for case in [
        "bom_crlf",
        "check_warnings",
        "data_kinds",
        "english",
        "league",
        "many_articles",
        "minimal",
        "moment",
        "theme_override",
    ] {
        let b = build(&fixture(case), false);
        let digests: String = b
            .files()
            .iter()
            .map(|f| {
                let bytes = std::fs::read(b.out.join(f)).unwrap();
                let hex: String = Sha256::digest(&bytes).iter().map(|x| format!("{x:02x}")).collect();
                format!("{} {f}\n", &hex[..16])
            })
            .collect();
        insta::assert_snapshot!(format!("v1_{case}"), digests);
    }
}
