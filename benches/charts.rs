//! Charts per second: draws every chart of the example site (SVG) and its
//! share cards (PNG) several times and reports the rate.
//!
//! Run with `cargo bench --bench charts`. A measurement, not a test: it
//! prints numbers and never fails on them.

use bantin::diag::Diagnostics;
use bantin::render::charts::Charts;
use std::path::Path;
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diags = Diagnostics::new();
    let content = bantin::load::content(root, &mut diags);
    let site = bantin::validate::site(&content, Default::default(), &mut diags).expect("the example site is valid");
    let rounds = 30;
    let start = Instant::now();
    let mut charts = 0;
    for _ in 0..rounds {
        charts += Charts::build(&site, None).expect("charts draw").len();
    }
    let svg_secs = start.elapsed().as_secs_f64();
    let threads = rayon::current_num_threads();
    println!("SVG charts: {charts} in {svg_secs:.3} s = {:.0} charts/s ({threads} threads)", charts as f64 / svg_secs);
    let start = Instant::now();
    let cards = 300;
    let mut size = 0;
    for _ in 0..cards {
        size = bantin::render::charts::card::render(&bantin::render::charts::card::CardText {
            site: site.settings.title.clone(),
            // As long as titles get: three lines, the last one cut short.
            title: "Kỳ Anh tổng kết năm 2022: 110/154 thôn đạt chuẩn khu dân cư kiểu mẫu, 9/9 tiêu chí huyện nông thôn mới, thu nhập bình quân 49,09 triệu đồng mỗi người, 18 sản phẩm OCOP".into(),
            subtitle: "Kỳ Anh · 06/01/2023".into(),
            figures: vec![("110/154".into(), "Thôn đạt chuẩn".into()), ("9/9".into(), "Tiêu chí huyện".into())],
        })
        .expect("card draws")
        .len();
    }
    let png_secs = start.elapsed().as_secs_f64();
    println!(
        "PNG share cards: {cards} in {png_secs:.3} s = {:.1} cards/s (one thread), {size} bytes each",
        cards as f64 / png_secs
    );
}
