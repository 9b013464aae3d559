//! Times each stage of a build of the site at a root: where the time goes.
//! `cargo run --release --example stages -- <root>`
use std::time::Instant;

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let mut d = bantin::diag::Diagnostics::new();
    let t = Instant::now();
    let content = bantin::load::content(&root, &mut d);
    eprintln!("load      {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let site = bantin::validate::site(&content, Default::default(), &mut d).expect("valid");
    eprintln!("validate  {:>8.3} s", t.elapsed().as_secs_f64());
    let theme = bantin::theme::resolve(&root, &site.settings.theme, &content.templates, &mut d);
    let t = Instant::now();
    let charts = bantin::render::charts::Charts::build(&site, None).unwrap();
    eprintln!("charts    {:>8.3} s ({} charts)", t.elapsed().as_secs_f64(), charts.len());
    let t = Instant::now();
    let files = bantin::render::site(&site, &theme).unwrap();
    eprintln!("render    {:>8.3} s ({} files, charts included)", t.elapsed().as_secs_f64(), files.len());
    let out = std::env::temp_dir().join("bantin-stages-out");
    let _ = std::fs::remove_dir_all(&out);
    let t = Instant::now();
    bantin::write::output(&out, &files).unwrap();
    eprintln!("write     {:>8.3} s", t.elapsed().as_secs_f64());
}
