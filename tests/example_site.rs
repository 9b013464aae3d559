//! The repository's own example site (`content/`) builds cleanly.

mod common;
use common::*;

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
