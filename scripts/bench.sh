#!/usr/bin/env bash
# Benchmark: bantin beside Hugo on the same generated corpus, in one run.
# Usage: scripts/bench.sh [articles=10000] [districts=50] [runs=3]
# Prints wall time, CPU time, peak memory and pages per second for each
# (the median of the runs) and their ratios, as a Markdown table, then how
# long `bantin serve` takes to show an edited article.
# BENCH_HUGO=0 leaves Hugo out (for 100,000 articles, say).
# Not run in CI (a tiny version of the corpus is built by `cargo test`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
articles="${1:-10000}"; districts="${2:-50}"; runs="${3:-3}"
command -v hugo >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
cargo build --release --quiet --bin bantin --example corpus --example serve_edit
with_hugo="${BENCH_HUGO:-1}"
work=$(corpus "$articles" "$districts")
fresh_runs "$work"
for i in $(seq "$runs"); do
  [ "$with_hugo" = 1 ] && run "$work" hugo hugo --source "$work/corpus/hugo" --destination "$PWD/$work/runs/hugo-$i" --quiet
  run "$work" bantin ./target/release/bantin build --root "$work/corpus/bantin" --out "$work/runs/bantin-$i"
done
bantin_pages=$(find "$work/runs/bantin-1" -name '*.html' | wc -l)
col() { median_of "$work" "$1" "$2"; }
bw=$(col bantin 1); bc=$(col bantin 2); bm=$(col bantin 3)
if [ "$with_hugo" != 1 ]; then
  awk -v w="$bw" -v c="$bc" -v m="$bm" -v p="$bantin_pages" -v n="$articles" 'BEGIN { printf "| bantin | %.2f | %.2f | %.0f | %d | %.0f |\nbantin %.3f ms per article (%d articles, median)\n", w, c, m / 1024, p, p / w, w * 1000 / n, n }'
  drop_runs "$work"
  exit 0
fi
hugo_pages=$(find "$work/runs/hugo-1" -name '*.html' | wc -l)
hw=$(col hugo 1); hc=$(col hugo 2); hm=$(col hugo 3)
echo "| | wall (s) | CPU (s) | peak memory (MiB) | pages | pages/s |"
echo "|---|---:|---:|---:|---:|---:|"
awk -v w="$hw" -v c="$hc" -v m="$hm" -v p="$hugo_pages" 'BEGIN { printf "| Hugo %s | %.2f | %.2f | %.0f | %d | %.0f |\n", "'"$(hugo version | awk '{print $2}')"'", w, c, m / 1024, p, p / w }'
awk -v w="$bw" -v c="$bc" -v m="$bm" -v p="$bantin_pages" 'BEGIN { printf "| bantin | %.2f | %.2f | %.0f | %d | %.0f |\n", w, c, m / 1024, p, p / w }'
awk -v hw="$hw" -v bw="$bw" -v hm="$hm" -v bm="$bm" -v n="$articles" 'BEGIN { printf "\nratio bantin/Hugo: wall %.2f, peak memory %.2f; bantin %.3f ms per article (%d articles, %d runs, median)\n", bw / hw, bm / hm, bw * 1000 / n, n, '"$runs"' }'
drop_runs "$work"
# The preview: an edited article, from saving the file to the page served.
./target/release/examples/serve_edit "$work/corpus/bantin" 5 2>/dev/null
