#!/usr/bin/env bash
# Runs every test and fails when any fails or when a suite ran nothing (so a broken harness cannot
# pass silently). Called by `make test`, which has set up the tools and PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=target/test-logs
mkdir -p "$logs"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Sums the "N passed" of every cargo test result line in a log; fails on zero.
count_cargo() {
  local n
  n=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s += $4} END {print s + 0}')
  echo "$2: $n tests passed"
  [ "$n" -gt 0 ] || { echo "$2: no tests ran" >&2; exit 1; }
}

step "lint (fmt, clippy native and wasm32)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "native tests (cargo test)"
cargo test 2>&1 | tee "$logs/native.log"
count_cargo "$logs/native.log" native

step "browser tests (wasm-bindgen-test in headless Chromium)"
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
# Release profile: the quota test stores thousands of articles, too slow unoptimised.
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --release --target wasm32-unknown-unknown "${web_tests[@]}" 2>&1 | tee "$logs/web.log"
count_cargo "$logs/web.log" browser

step "release build (trunk) and end-to-end tests (playwright-core + Chromium)"
trunk build --release
(cd tests/e2e && npm test) 2>&1 | tee "$logs/e2e.log"
# node's summary lines read "# pass N" (tap) or "ℹ pass N" (spec), depending on reporter.
e2e=$(grep -Eo '^(#|ℹ) pass [0-9]+' "$logs/e2e.log" | awk '{print $3}')
fail=$(grep -Eo '^(#|ℹ) fail [0-9]+' "$logs/e2e.log" | awk '{print $3}')
echo "end-to-end: ${e2e:-0} passed, ${fail:-?} failed"
[ "${fail:-1}" = 0 ] && [ "${e2e:-0}" -gt 0 ] || { echo "end-to-end tests failed or did not run" >&2; exit 1; }

if [ -x scripts/bench.sh ]; then
  step "benchmarks, once, on a tiny input (so they never rot)"
  scripts/bench.sh --smoke
fi
step "all tests passed"
