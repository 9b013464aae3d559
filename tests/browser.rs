//! The built example site in a real browser (headless Chromium, from
//! file://) and through the Nu HTML Checker.

mod common;
use common::tools::{chromium, chromium_dump, vnu_jar};
use common::*;

fn file_url(b: &Built, page: &str) -> String {
    format!("file://{}/{page}", b.out.display())
}

#[test]
fn pages_open_from_disk_without_console_errors() {
    let Some(chrome) = chromium() else { return };
    let b = build(&repo_root(), false);
    for page in [
        "index.html",
        "districts/index.html",
        "districts/ky-anh/index.html",
        "districts/ky-anh/tong-ket-nong-thon-moi-2022/index.html",
        "indicators/gross-output/index.html",
        "topics/nong-thon-moi/index.html",
        "search/index.html",
        "gioi-thieu/index.html",
        "data-status/index.html",
        "districts/ky-anh/tong-ket-xay-dung-dang-2023/index.html",
    ] {
        let (dom, console) = chromium_dump(&chrome, &file_url(&b, page));
        assert!(dom.contains("<main"), "{page} did not render: {dom}");
        assert!(console.is_empty(), "{page} logged to the console: {console:#?}");
    }
}

#[test]
fn search_ignores_tone_marks_and_reads_q() {
    let Some(chrome) = chromium() else { return };
    let b = build(&repo_root(), false);
    let results = |q: &str| {
        let (dom, console) = chromium_dump(&chrome, &format!("{}?q={q}", file_url(&b, "search/index.html")));
        assert!(console.is_empty(), "{console:#?}");
        let list = &dom[dom.find("id=\"search-results\"").expect("results list")..];
        list[..list.find("</ol>").unwrap()].to_string()
    };
    let ky_anh = results("ky+anh");
    assert!(ky_anh.contains("Kỳ Anh"), "{ky_anh}");
    assert!(ky_anh.contains("href=\"../districts/ky-anh/"), "{ky_anh}");
    let ntm = results("nong+thon+moi");
    assert!(ntm.contains("nông thôn mới"), "{ntm}");
    let dat_chuan = results("dat+chuan");
    assert!(dat_chuan.contains("đạt chuẩn"), "{dat_chuan}");
    // Title matches first: the first result has the words in its title.
    let first = &ntm[ntm.find("<h3>").unwrap()..ntm.find("</h3>").unwrap()];
    assert!(first.to_lowercase().contains("nông thôn mới"), "{first}");
    assert!(results("zzzzqqq").find("<li").is_none());
}

#[test]
fn search_on_a_site_with_hundreds_of_articles() {
    let Some(chrome) = chromium() else { return };
    let site = generated_site(300, 6);
    let b = build(site.path(), false);
    let (dom, console) = chromium_dump(&chrome, &format!("{}?q=duc+tho", file_url(&b, "search/index.html")));
    assert!(console.is_empty(), "{console:#?}");
    assert!(dom.contains("Tìm thấy 50 bài viết."), "Đức Thọ 1 has 300/6 articles");
}

#[test]
fn pagination_works_in_the_browser() {
    let Some(chrome) = chromium() else { return };
    let b = build(&fixture("many_articles"), false);
    let (dom, console) = chromium_dump(&chrome, &file_url(&b, "districts/ky-anh/page/2/index.html"));
    assert!(console.is_empty(), "{console:#?}");
    assert!(dom.contains("Bài số 4") && dom.contains("aria-current=\"page\">2<"), "{dom}");
}

#[test]
fn html_validates_with_the_nu_checker() {
    let Some(jar) = vnu_jar() else { return };
    let generated = generated_site(300, 6);
    for site in [repo_root(), fixture("many_articles"), fixture("data_kinds"), generated.path().to_path_buf()] {
        let b = build(&site, false);
        let out = std::process::Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--skip-non-html"])
            .arg(&b.out)
            .output()
            .expect("java runs");
        let report = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && report.trim().is_empty(), "{}: HTML errors:\n{report}", site.display());
    }
}

#[test]
fn a_bulletin_prints_to_a4_pdf() {
    let (Some(chrome), Some(pdftotext)) = (chromium(), common::tools::pdftotext()) else { return };
    let b = build(&repo_root(), false);
    let pdf = b.dir.path().join("bulletin.pdf");
    common::tools::chromium_pdf(&chrome, &file_url(&b, "districts/ky-anh/bulletins/2023-Q4/index.html"), &pdf);
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)") && info.contains("594.96 x 841.92"), "A4 portrait: {info}");
    let pages: usize =
        info.lines().find(|l| l.starts_with("Pages:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!((1..=12).contains(&pages), "{pages} pages");
    let text = std::process::Command::new(pdftotext).arg(&pdf).arg("-").output().expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in ["Bản tin tiến độ nông thôn mới", "Bản tin Quý 4/2023 – Kỳ Anh", "118/153 thôn", "8.850,26 tỷ đồng"]
    {
        assert!(text.contains(expected), "the PDF lacks {expected:?}:\n{text}");
    }
    assert!(!text.contains("Tìm kiếm"), "no navigation on paper");
}
