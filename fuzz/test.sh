#!/usr/bin/env bash
# Fuzz smoke run: builds every target with cargo-fuzz (nightly, ASan) and runs each for
# FUZZ_SECONDS (default 30: 19 targets in under 10 minutes) from the committed seeds. Any crash, leak or timeout fails.
# Installs nightly and a pinned cargo-fuzz when missing. Also keeps the crate clippy-clean.
set -euo pipefail
cd "$(dirname "$0")"

CARGO_FUZZ_VERSION=0.13.1
SECONDS_PER_TARGET=${FUZZ_SECONDS:-30}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo +stable install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
fi

echo "fuzz: clippy"
cargo +stable clippy --all-targets -- -D warnings

targets=$(cargo fuzz list)
echo "fuzz: build ($(echo $targets | wc -w) targets)"
cargo +nightly fuzz build -O

passed=0
failed=0
for t in $targets; do
  mkdir -p "corpus/$t"
  log="artifacts/$t.log"
  mkdir -p artifacts
  if cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -dict=vmkcheck.dict -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    echo "fuzz $t: ok, ${runs:-?} executions in ${SECONDS_PER_TARGET}s, coverage ${cov:-?}"
    passed=$((passed + 1))
  else
    echo "fuzz $t: FAILED (log: fuzz/$log)"
    tail -n 40 "$log"
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
