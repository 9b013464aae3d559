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
        "district,commune,period,value,total,target,note\nky-anh,,2022-11,110,154,,\nky-anh,,2023,118,153,,\nvu-quang,,2023-Q3,40,60,,\n"
    );
    assert_eq!(
        b.read("indicators/criteria.csv"),
        // Communes in the order district.yaml lists them.
        "district,commune,period,value,total,target,note\nky-anh,Kỳ Châu,2023-Q3,15,19,,\"đạt, vượt\"\nky-anh,Đức Lĩnh,2022-10,13,20,,\n"
    );
    assert!(b.read("indicators/gross-output.csv").contains("ky-anh,,2024,,,10230.09,\n"));
    assert!(b.read("indicators/waste.csv").contains("ky-anh,,2023-H1,92.25,,,\n"));
}

#[test]
fn assets_are_copied_beside_their_article() {
    let b = build(&fixture("data_kinds"), false);
    assert_eq!(b.read("districts/ky-anh/tong-ket-nam-2023/hoi-nghi.png"), "PNGDATA");
    assert_eq!(b.read("districts/ky-anh/dat-chuan/anh/a.jpg"), "JPG");
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
