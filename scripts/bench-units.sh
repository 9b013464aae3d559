#!/usr/bin/env bash
# What units over time cost: the benchmark corpus built as a version 1 site
# and as the same site with units and mergers (every district under a
# province, dissolved at the end of 2024 and merged in pairs into new units
# whose earlier history is added up), runs alternating.
# Usage: scripts/bench-units.sh [articles=10000] [districts=50] [runs=5]
# Prints the median wall time, CPU time and peak memory of each and the
# ratio units/v1 (the target is at most 1.10). Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
articles="${1:-10000}"; districts="${2:-50}"; runs="${3:-5}"
cargo build --release --quiet --bin bantin --example corpus
dir=$(corpus "$articles" "$districts")
work=target/bench/units
mkdir -p "$work"
fresh_runs "$work"
for i in $(seq "$runs"); do
  run "$work" v1 ./target/release/bantin build --root "$dir/corpus/bantin" --out "$work/runs/v1-$i"
  run "$work" units ./target/release/bantin build --root "$dir/corpus/bantin-units" --out "$work/runs/units-$i"
done
echo "| site | wall (s) | CPU (s) | peak memory (MiB) | pages |"
echo "|---|---:|---:|---:|---:|"
for s in v1 units; do
  pages=$(find "$work/runs/$s-1" -name '*.html' | wc -l)
  awk -v s="$s" -v w="$(median_of "$work" "$s" 1)" -v c="$(median_of "$work" "$s" 2)" -v m="$(median_of "$work" "$s" 3)" -v p="$pages" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %d |\n", s, w, c, m / 1024, p }'
done
awk -v a="$(median_of "$work" v1 1)" -v b="$(median_of "$work" units 1)" -v ma="$(median_of "$work" v1 3)" -v mb="$(median_of "$work" units 3)" \
  'BEGIN { printf "\nratio units/v1: wall %.3f, peak memory %.3f (median of %d runs each)\n", b / a, mb / ma, '"$runs"' }'
echo "each run (wall, CPU, peak KiB):"
for s in v1 units; do echo "  $s: $(paste -sd ';' "$work/$s.runs")"; done
drop_runs "$work"
