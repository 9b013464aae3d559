//! The repository's own example site (`content/`) builds cleanly.

mod common;
use common::*;

#[path = "../examples/example_workbook.rs"]
mod example_workbook;

#[test]
fn example_site_builds_without_errors_or_warnings() {
    let b = build(&repo_root(), false);
    assert!(b.report.warnings.is_empty(), "warnings:\n{}", b.report.warnings);
    for d in ["ky-anh", "vu-quang", "cam-thuy"] {
        assert!(b.exists(&format!("districts/{d}/index.html")), "{d}");
    }
    let articles = b.files().iter().filter(|f| f.matches('/').count() == 3 && f.starts_with("districts/")).count();
    assert!(articles >= 6, "at least six articles, found {articles}");
}

#[test]
fn example_site_links_resolve() {
    let b = build(&repo_root(), false);
    let broken = broken_links(&b.out);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn example_site_shows_the_seed_figures() {
    let b = build(&repo_root(), false);
    let ky_anh = b.read("districts/ky-anh/index.html");
    for figure in ["8.850,26 tỷ đồng", "107,8%", "118/153"] {
        assert!(ky_anh.contains(figure), "Kỳ Anh lacks {figure}");
    }
    // An article's cards show the figures as of its date, not today's.
    let article = b.read("districts/ky-anh/tong-ket-nong-thon-moi-2022/index.html");
    assert!(article.contains("card-value\">110/154 thôn"), "as of 06/01/2023");
    let cam_thuy = b.read("districts/cam-thuy/index.html");
    assert!(cam_thuy.contains("7/27"), "Cẩm Thủy's rank");
}

#[test]
fn example_site_uses_its_own_footer_and_keeps_the_default_one() {
    let b = build(&repo_root(), false);
    let pages = [
        "index.html",
        "districts/ky-anh/index.html",
        "districts/ky-anh/tong-ket-nong-thon-moi-2022/index.html",
        "lien-he/index.html",
        "404.html",
    ];
    for page in pages {
        let html = b.read(page);
        let footer =
            &html[html.find("<footer class=\"site-footer\">").unwrap_or_else(|| panic!("{page}: no footer"))..];
        // The override of templates/partials/footer.html: the office.
        for office in [
            "<address class=\"office\">",
            "Ban biên tập Bản tin tiến độ nông thôn mới",
            "Tầng 2, Nhà làm việc số 1, đường Ví Dụ, phường Mẫu, tỉnh Hà Tĩnh",
            "Đường dây nóng: <a href=\"tel:0000000000\">0000 000 000</a>",
            "<a href=\"mailto:bientap@example.gov.vn\">bientap@example.gov.vn</a>",
        ] {
            assert!(footer.contains(office), "{page}: the footer lacks {office:?}:\n{footer}");
        }
        // Everything of the default footer is still there.
        let root = if page == "404.html" {
            "https://example.gov.vn/bantin/".to_string()
        } else {
            "../".repeat(page.matches('/').count())
        };
        for kept in [
            "<p class=\"site-name\">Bản tin tiến độ nông thôn mới</p>".to_string(),
            "<p>Theo dõi tiến độ xây dựng nông thôn mới".to_string(),
            format!("<li><a href=\"{root}gioi-thieu/index.html\">Giới thiệu</a></li>"),
            format!("<li><a href=\"{root}lien-he/index.html\">Liên hệ</a></li>"),
            "<p class=\"generator\">Tạo bởi bantin</p>".to_string(),
        ] {
            assert!(footer.contains(&kept), "{page}: the footer lost {kept:?}:\n{footer}");
        }
        assert!(footer.trim_end().ends_with("</footer>\n</body>\n</html>"), "{page}: {footer}");
    }
    // docs/templates.md shows the file as it is.
    let file = std::fs::read_to_string(repo_root().join("templates/partials/footer.html")).unwrap();
    let docs = std::fs::read_to_string(repo_root().join("docs/templates.md")).unwrap();
    assert!(docs.contains(&format!("```jinja\n{file}```\n")), "docs/templates.md does not show the override as it is");
    // Without templates/, the same site has the default footer: the
    // override's footer is it plus the office's <address>, nothing less.
    let plain = tempfile::tempdir().unwrap();
    for dir in ["content", "themes"] {
        copy_dir(&repo_root().join(dir), &plain.path().join(dir));
    }
    let d = build(plain.path(), false);
    let footer_of = |html: &str| html[html.find("<footer").unwrap()..].to_string();
    for page in pages {
        let ours = footer_of(&b.read(page));
        let default = footer_of(&d.read(page));
        assert!(!default.contains("<address"), "{page}: {default}");
        let start = ours.find("    <address").unwrap();
        let end = ours.find("</address>\n").unwrap() + "</address>\n".len();
        assert_eq!(format!("{}{}", &ours[..start], &ours[end..]), default, "{page}");
    }
}

/// The example site's photos (12- and 5-megapixel phone photos, one stored
/// sideways): on a 390 px phone at twice its density, an article with two
/// of them weighs less than a tenth of what it would with the originals.
#[test]
fn example_site_photos_weigh_a_tenth_of_the_originals_on_a_phone() {
    let b = build(&repo_root(), false);
    let dir = "districts/ky-anh/tong-ket-xay-dung-dang-2023/";
    let page = b.read(&format!("{dir}index.html"));
    let mut published = page.len() as u64;
    let mut originals = page.len() as u64;
    for (name, source) in [("hoi-truong", "hoi-truong.jpg"), ("dai-bieu", "dai-bieu.jpg")] {
        // 390 CSS px at density 2 is 780 px: the browser takes 960w.
        let srcset = format!("srcset=\"{name}-480w.jpg 480w, {name}-960w.jpg 960w, {name}.jpg 1600w\"");
        assert!(page.contains(&srcset), "{name}: {page}");
        published += std::fs::metadata(b.out.join(format!("{dir}{name}-960w.jpg"))).unwrap().len();
        originals += std::fs::metadata(repo_root().join("content/districts/ky-anh/2024").join(source)).unwrap().len();
    }
    let share = published as f64 / originals as f64;
    eprintln!("article page on a phone: {published} bytes, with the originals {originals} bytes ({share:.3})");
    assert!(share < 0.1, "{published} of {originals}");
    // The portrait photo stands upright: taller than wide.
    assert!(page.contains("width=\"1600\" height=\"2133\""), "{page}");
}

#[test]
fn example_site_keeps_vu_quangs_figures_in_the_workbook_its_script_writes() {
    // The workbook and the README's picture of it are what
    // `cargo run --example example_workbook` writes, byte for byte.
    let root = repo_root();
    let book = std::fs::read(root.join(example_workbook::WORKBOOK_PATH)).unwrap();
    assert!(book == example_workbook::workbook(), "run `cargo run --example example_workbook` again");
    let picture = std::fs::read_to_string(root.join(example_workbook::PICTURE_PATH)).unwrap();
    assert_eq!(picture, example_workbook::picture(), "run `cargo run --example example_workbook` again");
    // The site reads it: months from the dates Excel made, 83% as 83.
    let b = build(&root, false);
    let csv = b.read("indicators/advanced-ntm-criteria.csv");
    assert!(
        csv.contains("vu-quang,Đức Giang,2022-10,11,20,,\"Ước đạt 65–70% kế hoạch cả năm, theo báo cáo 10 tháng\","),
        "{csv}"
    );
    let csv = b.read("indicators/waste-collection.csv");
    assert!(csv.contains("vu-quang,,2022-10,83,,,Số liệu 10 tháng đầu năm 2022,"), "{csv}");
    assert!(b.exists("indicators/waste-collection.xlsx"), "and offers each indicator as a workbook");
}
