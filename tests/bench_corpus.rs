//! The benchmark's corpus, small: generated, built by bantin, and shaped
//! for Hugo, so the benchmark cannot rot (no timing here; see
//! `scripts/bench.sh` and docs/performance.md).

mod common;
use common::*;

#[test]
fn a_small_benchmark_corpus_builds() {
    let dir = tempfile::tempdir().unwrap();
    bantin::corpus::generate(dir.path(), 300, 5).unwrap();
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
    // The same corpus twice is the same bytes.
    let again = tempfile::tempdir().unwrap();
    bantin::corpus::generate(again.path(), 300, 5).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("bantin/content/districts/d3/bai-8.md")).unwrap(),
        std::fs::read(again.path().join("bantin/content/districts/d3/bai-8.md")).unwrap()
    );
}
