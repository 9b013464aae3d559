#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) with
# cargo-fuzz (libFuzzer). The machine has only the stable toolchain, so the
# nightly flags cargo-fuzz needs are allowed with RUSTC_BOOTSTRAP=1.
# Any crash is copied to tests/fuzz_regressions/<target>/ so that
# `cargo test` replays it from then on; the script exits 1 if any target
# crashed. Usage: scripts/fuzz.sh [seconds-per-target] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frontmatter period observation shortcode slugify district_yaml figures http_request archive workbook)
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
failed=0
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  cp -n tests/fuzz_regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== $t for ${seconds}s"
  if ! cargo fuzz run "$t" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048 2>&1 | tail -n 4; then
    failed=1
  fi
  for crash in fuzz/artifacts/"$t"/crash-* fuzz/artifacts/"$t"/oom-* fuzz/artifacts/"$t"/timeout-*; do
    [ -e "$crash" ] || continue
    cp "$crash" tests/fuzz_regressions/"$t"/
    echo "!! $t: kept $(basename "$crash") in tests/fuzz_regressions/$t/"
    failed=1
  done
done
exit "$failed"
