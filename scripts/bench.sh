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
articles="${1:-10000}"; districts="${2:-50}"; runs="${3:-3}"
work="${BENCH_DIR:-target/bench}"
stamp=target/.bench-deleted # when the benchmark last deleted many files
command -v hugo >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
cargo build --release --quiet --bin bantin --example corpus --example serve_edit
with_hugo="${BENCH_HUGO:-1}"
# The corpus is made once per size: making it again first deletes the old
# one, and deleting files just before a build slows it (see below).
if [ "$(cat "$work/corpus/.size" 2>/dev/null)" != "$articles $districts" ]; then
  ./target/release/examples/corpus --articles "$articles" --districts "$districts" --out "$work/corpus"
  echo "$articles $districts" > "$work/corpus/.size"
  touch "$stamp"
fi

# run NAME COMMAND...: appends "wall cpu rss" of one run to $work/NAME.runs
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/$name.time" >> "$work/$name.runs"
}
# Every run writes into a fresh folder, and they are removed only at the
# end: on a journal-less ext4 (like the machine of docs/performance.md)
# creating thousands of files just after deleting thousands costs several
# times more (ext4 skips inodes freed in the last minutes, one lookup each),
# which would measure the file system's bookkeeping, not the two tools.
# For the same reason a benchmark that follows another (which removed its
# runs at its end) first waits: ext4 stops skipping a freed inode a minute
# after its deletion is on disk (`sync`).
if [ -d "$work/runs" ]; then rm -rf "$work/runs"; touch "$stamp"; fi
rm -f "$work"/*.runs
mkdir -p "$work/runs"
sync
if [ -e "$stamp" ]; then
  wait_s=$(( 61 - $(date +%s) + $(stat -c %Y "$stamp") ))
  if [ "$wait_s" -gt 0 ]; then
    echo "waiting ${wait_s} s after the last deletion of runs" >&2
    sleep "$wait_s"
  fi
fi
for i in $(seq "$runs"); do
  sync
  [ "$with_hugo" = 1 ] && run hugo hugo --source "$work/corpus/hugo" --destination "$PWD/$work/runs/hugo-$i" --quiet
  sync
  run bantin ./target/release/bantin build --root "$work/corpus/bantin" --out "$work/runs/bantin-$i"
done
bantin_pages=$(find "$work/runs/bantin-1" -name '*.html' | wc -l)
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
col() { awk -v c="$2" '{ print $c }' "$work/$1.runs" | median; }
bw=$(col bantin 1); bc=$(col bantin 2); bm=$(col bantin 3)
if [ "$with_hugo" != 1 ]; then
  awk -v w="$bw" -v c="$bc" -v m="$bm" -v p="$bantin_pages" -v n="$articles" 'BEGIN { printf "| bantin | %.2f | %.2f | %.0f | %d | %.0f |\nbantin %.3f ms per article (%d articles, median)\n", w, c, m / 1024, p, p / w, w * 1000 / n, n }'
  rm -rf "$work/runs"; touch "$stamp"
  exit 0
fi
hugo_pages=$(find "$work/runs/hugo-1" -name '*.html' | wc -l)
hw=$(col hugo 1); hc=$(col hugo 2); hm=$(col hugo 3)
echo "| | wall (s) | CPU (s) | peak memory (MiB) | pages | pages/s |"
echo "|---|---:|---:|---:|---:|---:|"
awk -v w="$hw" -v c="$hc" -v m="$hm" -v p="$hugo_pages" 'BEGIN { printf "| Hugo %s | %.2f | %.2f | %.0f | %d | %.0f |\n", "'"$(hugo version | awk '{print $2}')"'", w, c, m / 1024, p, p / w }'
awk -v w="$bw" -v c="$bc" -v m="$bm" -v p="$bantin_pages" 'BEGIN { printf "| bantin | %.2f | %.2f | %.0f | %d | %.0f |\n", w, c, m / 1024, p, p / w }'
awk -v hw="$hw" -v bw="$bw" -v hm="$hm" -v bm="$bm" -v n="$articles" 'BEGIN { printf "\nratio bantin/Hugo: wall %.2f, peak memory %.2f; bantin %.3f ms per article (%d articles, %d runs, median)\n", bw / hw, bm / hm, bw * 1000 / n, n, '"$runs"' }'
rm -rf "$work/runs"; touch "$stamp"
# The preview: an edited article, from saving the file to the page served.
./target/release/examples/serve_edit "$work/corpus/bantin" 5 2>/dev/null
