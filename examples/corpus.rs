//! Writes the benchmark corpus (see `bantin::corpus`):
//! `cargo run --release --example corpus -- --articles 10000 --districts 50 --out /tmp/corpus`
//! writes `/tmp/corpus/bantin/`, `/tmp/corpus/hugo/` and `/tmp/corpus/zola/`; with `--units`,
//! also `/tmp/corpus/bantin-units/` (the same site with units and mergers);
//! with `--no-peers`, no Hugo or Zola site (for bantin alone at 300,000).

use std::path::PathBuf;

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = arg(&args, "--articles", "10000").parse().expect("--articles N");
    let districts: usize = arg(&args, "--districts", "50").parse().expect("--districts D");
    let out = PathBuf::from(arg(&args, "--out", "target/corpus"));
    let units = args.iter().any(|a| a == "--units");
    let peers = !args.iter().any(|a| a == "--no-peers");
    bantin::corpus::generate_sites(&out, n, districts, units, peers).expect("the corpus is written");
    let sites = if peers { "bantin, hugo and zola" } else { "bantin" };
    eprintln!("wrote {n} articles over {districts} districts into {}: {sites}", out.display());
}
