//! The benchmark's corpus, small: generated, built by bantin, and shaped
//! for Hugo and Zola (built by Zola where its binary is at hand), so the benchmark cannot rot (no timing here; see
//! `scripts/bench.sh` and docs/performance.md).

mod common;
use common::*;

#[test]
fn a_small_benchmark_corpus_builds() {
    let dir = tempfile::tempdir().unwrap();
    bantin::corpus::generate(dir.path(), 300, 5, true).unwrap();
    let b = build(&dir.path().join("bantin"), false);
    assert!(b.report.pages > 300, "{} pages", b.report.pages);
    assert!(b.exists("districts/d0/bai-0/index.html") && b.exists("districts/d0/bai-0/card.png"));
    assert!(broken_links(&b.out).is_empty());
    let hugo = dir.path().join("hugo");
    for f in [
        "hugo.toml",
        "layouts/_default/single.html",
        "layouts/_default/list.html",
        "layouts/_default/term.html",
        "content/d0/bai-0.md",
    ] {
        assert!(hugo.join(f).is_file(), "{f}");
    }
    let zola = dir.path().join("zola");
    for f in [
        "config.toml",
        "templates/page.html",
        "templates/section.html",
        "templates/topics/single.html",
        "templates/404.html",
    ] {
        assert!(zola.join(f).is_file(), "{f}");
    }
    let page = std::fs::read_to_string(zola.join("content/d0/bai-0.md")).unwrap();
    assert!(page.contains("\n\n<!-- more -->\n\n") && page.contains("taxonomies:\n  topics: ["), "{page}");
    zola_builds(&zola, &dir.path().join("zola-out"));
    // The same corpus twice is the same bytes.
    let again = tempfile::tempdir().unwrap();
    bantin::corpus::generate(again.path(), 300, 5, false).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("bantin/content/districts/d3/bai-8.md")).unwrap(),
        std::fs::read(again.path().join("bantin/content/districts/d3/bai-8.md")).unwrap()
    );
}

/// Zola 0.22 (the benchmark's peer, see `tools::zola`) builds the Zola
/// site into pages at the same URLs.
fn zola_builds(site: &std::path::Path, out: &std::path::Path) {
    let Some(zola) = common::tools::zola() else { return };
    let run = std::process::Command::new(&zola)
        .args(["--root".as_ref(), site.as_os_str(), "build".as_ref(), "--output-dir".as_ref(), out.as_os_str()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for f in ["d0/bai-0/index.html", "d0/index.html", "topics/kinh-te/index.html", "404.html", "sitemap.xml"] {
        assert!(out.join(f).is_file(), "{f}");
    }
}

/// The same corpus with units and mergers (FORMAT v2), for the benchmark
/// that compares the two: it builds, its districts are dissolved and merged
/// in pairs, and its articles are the same.
#[test]
fn the_corpus_with_units_builds_and_has_the_same_articles() {
    let dir = tempfile::tempdir().unwrap();
    bantin::corpus::generate(dir.path(), 200, 5, true).unwrap();
    let b = build(&dir.path().join("bantin-units"), false);
    assert!(b.exists("units/index.html") && b.exists("units/m0/index.html") && b.exists("units/m2/index.html"));
    assert!(!b.exists("units/m4/index.html"), "five districts make two pairs");
    let merged = b.read("units/m0/index.html");
    assert!(merged.contains("<tr class=\"derived\">"), "history added up across the merger");
    assert!(b.read("districts/d0/index.html").contains("31/12/2024"));
    assert!(!b.read("districts/d4/index.html").contains("unit-banner"), "the fifth is not merged");
    let v1 = dir.path().join("bantin/content/districts/d3/bai-8.md");
    let v2 = dir.path().join("bantin-units/content/districts/d3/bai-8.md");
    assert_eq!(std::fs::read(v1).unwrap(), std::fs::read(v2).unwrap());
    assert!(broken_links(&b.out).is_empty());
}

/// The photo benchmark's corpus (scripts/bench-photos.sh), one article:
/// two distinct 12-megapixel photos, built by bantin, shaped for Hugo.
#[test]
fn a_small_photo_corpus_builds() {
    let dir = tempfile::tempdir().unwrap();
    bantin::corpus::photos::photo_site(dir.path(), 1).unwrap();
    let at = dir.path().join("bantin/content/districts/d0/hoi-nghi-0");
    let (a, b) = (std::fs::read(at.join("anh-1.jpg")).unwrap(), std::fs::read(at.join("anh-2.jpg")).unwrap());
    assert_ne!(a, b, "distinct photos, so none is made once for two");
    assert!(dir.path().join("hugo/content/posts/hoi-nghi-0/anh-1.jpg").is_file());
    assert!(dir.path().join("hugo/layouts/_default/single.html").is_file());
    let built = build(&dir.path().join("bantin"), false);
    for f in ["anh-1.jpg", "anh-1-960w.jpg", "anh-1-480w.jpg", "anh-2.jpg"] {
        assert!(built.exists(&format!("districts/d0/hoi-nghi-0/{f}")), "{f}");
    }
}
