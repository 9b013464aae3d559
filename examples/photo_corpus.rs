//! Writes the photo benchmark (issue 17; see `bantin::corpus::photos`):
//! `cargo run --release --example photo_corpus -- --articles 1000 --out /tmp/photos`
//! writes `/tmp/photos/bantin/` and `/tmp/photos/hugo/`, each with two
//! 12-megapixel photos per article.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.into())
    };
    let n: usize = arg("--articles", "1000").parse().expect("--articles N");
    let out = PathBuf::from(arg("--out", "target/photo-corpus"));
    bantin::corpus::photos::photo_site(&out, n).expect("the photo corpus is written");
    eprintln!("wrote {n} articles with two photos each into {}/bantin and {}/hugo", out.display(), out.display());
}
