#!/usr/bin/env bash
# Scaling: bantin's time per article on a small and a large corpus, runs of
# the two sizes alternating so that both meet the same machine.
# Usage: scripts/bench-scale.sh [small=10000] [large=100000] [runs=5] [districts=50]
# Prints, for each size, the median wall time, CPU time and peak memory,
# the time per article, and the large size's time per article as a multiple
# of the small one's (the target is at most 1.3). Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
small="${1:-10000}"; large="${2:-100000}"; runs="${3:-5}"; districts="${4:-50}"
if [ "$small" -ge "$large" ]; then echo "the small size ($small) must be below the large one ($large)" >&2; exit 2; fi
cargo build --release --quiet --bin bantin --example corpus
small_dir=$(corpus "$small" "$districts")
large_dir=$(corpus "$large" "$districts")
work=target/bench/scale
mkdir -p "$work"
fresh_runs "$work"
for i in $(seq "$runs"); do
  for n in "$small" "$large"; do
    dir=$([ "$n" = "$small" ] && echo "$small_dir" || echo "$large_dir")
    run "$work" "bantin-$n" ./target/release/bantin build --root "$dir/corpus/bantin" --out "$work/runs/$n-$i"
  done
done
echo "| articles | wall (s) | CPU (s) | peak memory (MiB) | ms per article |"
echo "|---:|---:|---:|---:|---:|"
for n in "$small" "$large"; do
  awk -v n="$n" -v w="$(median_of "$work" "bantin-$n" 1)" -v c="$(median_of "$work" "bantin-$n" 2)" \
    -v m="$(median_of "$work" "bantin-$n" 3)" \
    'BEGIN { printf "| %d | %.2f | %.2f | %.0f | %.3f |\n", n, w, c, m / 1024, w * 1000 / n }'
done
awk -v s="$small" -v l="$large" -v ws="$(median_of "$work" "bantin-$small" 1)" -v wl="$(median_of "$work" "bantin-$large" 1)" \
  'BEGIN { printf "\ntime per article at %d: %.2f× the figure at %d (median of %d runs each)\n", l, (wl / l) / (ws / s), s, '"$runs"' }'
echo "each run (wall, CPU, peak KiB):"
for n in "$small" "$large"; do echo "  $n: $(paste -sd ';' "$work/bantin-$n.runs")"; done
drop_runs "$work"
