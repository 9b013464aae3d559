#!/usr/bin/env bash
# Benchmark: bantin beside Hugo and Zola on the same generated corpus, in
# one run, the tools alternating (Hugo, Zola, bantin, Hugo, ...).
# Usage: scripts/bench.sh [articles=10000] [districts=50] [runs=3]
# Prints wall time, CPU time, peak memory and pages per second for each
# (the median of the runs) and bantin's ratios to each peer, as a Markdown
# table, then how long `bantin serve` takes to show an edited article.
# BENCH_HUGO=0 leaves Hugo out, BENCH_ZOLA=0 leaves Zola out (for 100,000
# articles, say). ZOLA names the Zola binary (default ../shared/peers/zola,
# Zola 0.22.1 built from source; Zola is not on crates.io).
# Not run in CI (a tiny version of the corpus is built by `cargo test`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
articles="${1:-10000}"; districts="${2:-50}"; runs="${3:-3}"
with_hugo="${BENCH_HUGO:-1}"; with_zola="${BENCH_ZOLA:-1}"
zola="${ZOLA:-$PWD/../shared/peers/zola}"
if [ "$with_hugo" = 1 ] && ! command -v hugo >/dev/null 2>&1; then apt-get update -qq && apt-get install -y -qq hugo >/dev/null; fi
if [ "$with_zola" = 1 ] && [ ! -x "$zola" ]; then echo "no Zola binary at $zola: set ZOLA, or BENCH_ZOLA=0" >&2; exit 1; fi
cargo build --release --quiet --bin bantin --example corpus --example serve_edit
work=$(corpus "$articles" "$districts")
fresh_runs "$work"
for i in $(seq "$runs"); do
  [ "$with_hugo" = 1 ] && run "$work" hugo hugo --source "$work/corpus/hugo" --destination "$PWD/$work/runs/hugo-$i" --quiet
  [ "$with_zola" = 1 ] && run "$work" zola "$zola" --root "$work/corpus/zola" build --output-dir "$PWD/$work/runs/zola-$i" --force
  run "$work" bantin ./target/release/bantin build --root "$work/corpus/bantin" --out "$work/runs/bantin-$i"
done
pages() { find "$work/runs/$1-1" -name '*.html' | wc -l; }
# row NAME LABEL: the medians of NAME as a table row; sets w_NAME and m_NAME.
row() {
  local w c m
  w=$(median_of "$work" "$1" 1); c=$(median_of "$work" "$1" 2); m=$(median_of "$work" "$1" 3)
  printf -v "w_$1" %s "$w"; printf -v "m_$1" %s "$m"
  awk -v l="$2" -v w="$w" -v c="$c" -v m="$m" -v p="$(pages "$1")" 'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %d | %.0f |\n", l, w, c, m / 1024, p, p / w }'
}
echo "| | wall (s) | CPU (s) | peak memory (MiB) | pages | pages/s |"
echo "|---|---:|---:|---:|---:|---:|"
[ "$with_hugo" = 1 ] && row hugo "Hugo $(hugo version | awk '{print $2}')"
[ "$with_zola" = 1 ] && row zola "Zola $("$zola" --version | awk '{print $2}')"
row bantin bantin
echo
ratio() { awk -v p="$1" -v bw="$w_bantin" -v pw="$2" -v bm="$m_bantin" -v pm="$3" 'BEGIN { printf "ratio bantin/%s: wall %.2f, peak memory %.2f\n", p, bw / pw, bm / pm }'; }
[ "$with_hugo" = 1 ] && ratio Hugo "$w_hugo" "$m_hugo"
[ "$with_zola" = 1 ] && ratio Zola "$w_zola" "$m_zola"
awk -v w="$w_bantin" -v n="$articles" -v r="$runs" 'BEGIN { printf "bantin %.3f ms per article (%d articles, %d runs, median)\n", w * 1000 / n, n, r }'
drop_runs "$work"
# The preview: an edited article, from saving the file to the page served.
./target/release/examples/serve_edit "$work/corpus/bantin" 5 2>/dev/null
