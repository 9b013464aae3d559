#!/usr/bin/env bash
# The photo benchmark (issue 17): N articles (default 1000) with two
# 12-megapixel JPEGs each, built by bantin and by Hugo (`.Resize` to the same
# three widths, quality 80), cold (no cache) and again with nothing changed.
# Usage: scripts/bench-photos.sh [articles] [work-dir]
# Needs `hugo` (Debian's package) for the comparison. Not run in CI: the
# corpus is about 9 GB and Hugo takes a quarter of an hour.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
work="${2:-target/bench-photos}"
cargo build --release --quiet --bin bantin --example photo_corpus
if [ "$(cat "$work/.size" 2>/dev/null)" != "$n" ]; then
  ./target/release/examples/photo_corpus --articles "$n" --out "$work" >&2
  echo "$n" > "$work/.size"
fi
secs() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
root="$(cd "$work" && pwd)"
rm -rf "$root/bantin/.bantin-cache" "$root/out-bantin"
b_cold=$(secs ./target/release/bantin build --root "$root/bantin" --out "$root/out-bantin")
b_warm=$(secs ./target/release/bantin build --root "$root/bantin" --out "$root/out-bantin")
echo "bantin: cold ${b_cold} s, rebuild ${b_warm} s"
if command -v hugo >/dev/null; then
  rm -rf "$root/hugo/resources" "$root/out-hugo"
  h_cold=$(cd "$root/hugo" && secs hugo --quiet --destination "$root/out-hugo")
  h_warm=$(cd "$root/hugo" && secs hugo --quiet --destination "$root/out-hugo")
  echo "hugo $(hugo version | cut -d' ' -f2): cold ${h_cold} s, rebuild ${h_warm} s"
  echo "cold: bantin takes $(echo "scale=3; $b_cold / $h_cold" | bc) of Hugo's time"
else
  echo "hugo is not installed (apt-get install hugo): no comparison" >&2
fi
du -sh "$root/bantin/content" "$root/out-bantin" | sed 's/^/size: /'
