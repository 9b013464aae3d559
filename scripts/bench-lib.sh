# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced, not run).
#
# Every run writes into a fresh folder, and runs are removed only at the
# end: on a journal-less ext4 (like the machine of docs/performance.md)
# creating thousands of files just after deleting thousands costs several
# times more (ext4 skips inodes freed in the last minute, one lookup each),
# which would measure the file system's bookkeeping, not the tools. For the
# same reason a benchmark that follows another first waits until a minute
# has passed since the last deletion was written to disk.

shopt -s inherit_errexit # a failure inside $(...) stops the script too
stamp=target/.bench-deleted # touched whenever the benchmark deletes many files

# corpus ARTICLES DISTRICTS: makes target/bench/ARTICLES/corpus once (making
# it again would delete the old one first, see above); prints its folder.
# BENCH_PEERS=0: without the Hugo and Zola sites.
corpus() {
  local dir="target/bench/$1" replaced=0 kind="units zola" flags=(--units)
  if [ "${BENCH_PEERS:-1}" = 0 ]; then kind="units"; flags+=(--no-peers); fi
  # The same site with units and mergers (bantin-units/) comes with it.
  local have; have=$(cat "$dir/corpus/.size" 2>/dev/null || true)
  # A corpus with the peers serves a run without them too.
  if [ "$have" != "$1 $2 $kind" ] && [ "$have" != "$1 $2 units zola" ]; then
    if [ -d "$dir/corpus" ]; then replaced=1; fi
    ./target/release/examples/corpus --articles "$1" --districts "$2" "${flags[@]}" --out "$dir/corpus" >&2 || return 1
    echo "$1 $2 $kind" > "$dir/corpus/.size"
    # The old corpus was deleted by the generator: wait from now on.
    if [ "$replaced" = 1 ]; then touch "$stamp"; fi
  fi
  echo "$dir"
}

# fresh_runs WORK: an empty WORK/runs and no old results, after waiting out
# the last deletion.
fresh_runs() {
  if [ -d "$1/runs" ]; then rm -rf "$1/runs"; touch "$stamp"; fi
  rm -f "$1"/*.runs
  mkdir -p "$1/runs"
  sync
  if [ -e "$stamp" ]; then
    local wait_s=$(( 61 - $(date +%s) + $(stat -c %Y "$stamp") ))
    if [ "$wait_s" -gt 0 ]; then
      echo "waiting ${wait_s} s after the last deletion of runs" >&2
      sleep "$wait_s"
    fi
  fi
}

# drop_runs WORK: removes WORK/runs (at the end of a benchmark).
drop_runs() {
  rm -rf "$1/runs"
  touch "$stamp"
}

# run WORK NAME COMMAND...: runs COMMAND once and appends "wall cpu rss" to
# WORK/NAME.runs (seconds, seconds, KiB).
run() {
  local work="$1" name="$2"; shift 2
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/$name.time" >> "$work/$name.runs"
}

# median_of WORK NAME COLUMN: the median of a column of WORK/NAME.runs
# (the lower middle one for an even number of runs: give an odd number).
median_of() {
  awk -v c="$3" '{ print $c }' "$1/$2.runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

if [ ! -x /usr/bin/time ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null; fi
