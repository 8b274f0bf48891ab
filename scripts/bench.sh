#!/usr/bin/env bash
# The benchmark suite: `make bench` (after scripts/setup.sh test). Prints a markdown report and
# keeps it in target/bench/report.md; the figures, one `KEY VALUE` a line, in
# target/bench/figures.txt. Benchmarks report, they do not fail on a slow machine: this script
# fails only when a benchmark could not run (or found the app not doing what it measures).
#
#   scripts/bench.sh           the full suite (about 15 minutes on 2 cores, builds included)
#   scripts/bench.sh --smoke   each benchmark once on a tiny input (scripts/test.sh runs it
#                              after the tests, reusing their builds)
#
# 1. native extraction throughput and growth, 1 KB–10 MB   benches/extract.rs
# 2. native records at scale, 1,000–20,000 officials        benches/records.rs
# 3. extraction and records in Chromium (wasm, release)     tests/web_bench.rs
# 4. articles per localStorage quota in Chromium            tests/web_quota.rs (full run only)
# 5. bundle sizes, raw and gzip                             scripts/size.sh
# 6. the app in Chromium: cold start, paste to preview,     tests/e2e/bench.mjs, on inputs from
#    and with 2,000 stored articles                         examples/synth.rs
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

smoke=
[ "${1:-}" = --smoke ] && smoke=1
out=target/bench
mkdir -p "$out"
report="$out/report${smoke:+-smoke}.md"
figures="$out/figures${smoke:+-smoke}.txt"
: >"$report"
: >"$figures"
step() { printf '\033[1m== bench: %s\033[0m\n' "$*" >&2; }

# Runs a benchmark command, keeps its log, appends its tables to the report and its
# `@figure KEY VALUE` lines to the figures. `filter` picks the report lines out of the log.
run() {
  local name=$1 filter=$2
  shift 2
  local log="$out/$name.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bench: $name failed (log: $log)" >&2
    exit 1
  fi
  grep -Eo '@figure [^ ]+ [-0-9.eE+a-z]+' "$log" | sed 's/^@figure //' >>"$figures" || true
  { grep -E "$filter" "$log" | grep -v '@figure' | cat -s || true; echo; } >>"$report"
}
# Lines a cargo/wasm-bindgen-test log holds of a benchmark's own output.
tables='^(#|\||$|Growth|First|wasm,|localStorage)'

step "machine"
{
  echo "# Benchmark report${smoke:+ (smoke run: tiny inputs, figures meaningless)}"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| commit | $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)') |"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores |"
  echo "| RAM | $(free -h | awk '/^Mem:/ {print $2}') |"
  echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| rustc | $(rustc --version) |"
  echo "| Chromium | $(/usr/bin/chromium --version 2>/dev/null | head -n 1) |"
  echo "| node | $(node --version) |"
  echo
} >>"$report"

if [ -n "$smoke" ]; then
  # Debug builds (the test profile): the tests have built everything this needs.
  step "native extraction (smoke)"
  run extract "$tables" cargo test --bench extract -- --smoke
  step "native records (smoke)"
  run records "$tables" cargo test --bench records -- --smoke
  step "wasm in Chromium (smoke)"
  run web_bench "$tables" cargo test --release --target wasm32-unknown-unknown --test web_bench -- --nocapture
else
  step "native extraction (cargo bench --bench extract)"
  run extract "$tables" cargo bench --bench extract
  step "native records at scale (cargo bench --bench records)"
  run records "$tables" cargo bench --bench records
  step "wasm in Chromium (NIENBIEU_BENCH=full, web_bench)"
  # Through wasm-opt -Oz, as Trunk ships the app.
  run web_bench "$tables" env NIENBIEU_BENCH=full WASM_BINDGEN_TEST_TIMEOUT=900 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$PWD/scripts/wasm-opt-runner.sh" cargo test --release --target wasm32-unknown-unknown --test web_bench -- --nocapture
  step "localStorage quota in Chromium (web_quota)"
  run web_quota '^localStorage' env WASM_BINDGEN_TEST_TIMEOUT=900 cargo test --release --target wasm32-unknown-unknown --test web_quota -- --nocapture
  quota=$(grep -Eo 'localStorage: [0-9]+ articles' "$out/web_quota.log" | grep -Eo '[0-9]+' | head -n 1 || true)
  [ -n "$quota" ] && echo "quota.articles $quota" >>"$figures"
fi

step "release build and sizes"
if [ -z "$smoke" ] || [ ! -f dist/index.html ]; then
  trunk build --release >"$out/trunk.log" 2>&1 || { tail -n 40 "$out/trunk.log" >&2; exit 1; }
fi
{
  echo "## Bundle (dist/, release build)"
  echo
  echo "| file | raw | gzip -9 |"
  echo "|---|---:|---:|"
  for f in dist/*.wasm dist/*.js dist/*.css; do
    [ -f "$f" ] || continue
    echo "| $(basename "$f") | $(stat -c %s "$f") | $(gzip -9 -c "$f" | wc -c) |"
  done
  echo
} >>"$report"
size_of() { # kind (wasm|js) raw|gzip: the sum over dist/*.kind
  local sum=0 f
  for f in dist/*."$1"; do
    [ -f "$f" ] || continue
    if [ "$2" = raw ]; then sum=$((sum + $(stat -c %s "$f"))); else sum=$((sum + $(gzip -9 -c "$f" | wc -c))); fi
  done
  echo "$sum"
}
for kind in wasm js; do
  for how in raw gzip; do
    bytes=$(size_of "$kind" "$how")
    echo "size.$kind.$how $bytes" >>"$figures"
    echo "size.$kind.${how}_kb $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}')" >>"$figures"
  done
done

step "the app in Chromium (tests/e2e/bench.mjs)"
data="$out/data${smoke:+-smoke}"
run synth '^$' cargo run -q --example synth -- "$data" --articles "$([ -n "$smoke" ] && echo 20 || echo 2000)"
run e2e '^(#|\||$|Roster)' node tests/e2e/bench.mjs --data "$data" ${smoke:+--smoke}

# The summary: every figure that has a goal, beside it.
fig() { awk -v k="$1" '$1 == k {v = $2} END {if (v != "") print v}' "$figures"; }
ratio() { # a b: a / b
  awk -v a="$1" -v b="$2" 'BEGIN {if (a != "" && b != "" && b > 0) printf "%.2f", a / b}'
}
for key in corpus synth; do
  r=$(ratio "$(fig "wasm.extract.$key.us")" "$(fig "native.extract.$key.us")")
  [ -n "$r" ] && echo "ratio.wasm_native.$key $r" >>"$figures"
done
# Roster filtering against the number of officials: the log-log slope of the per-keystroke
# median from the smallest to the largest collection (1 = linear).
slope=$(awk '$1 ~ /^native\.records\.[0-9]+\.keystroke_median_ms$/ {split($1, p, "."); n[p[3]] = $2}
  END {lo = 0; hi = 0; for (k in n) {if (lo == 0 || k + 0 < lo) lo = k + 0; if (k + 0 > hi) hi = k + 0}
       if (hi > lo && n[lo] > 0) printf "%.2f", log(n[hi] / n[lo]) / log(hi / lo)}' "$figures")
[ -n "$slope" ] && echo "native.roster.slope $slope" >>"$figures"

summary_row() { # label key op goal unit
  local v met
  v=$(fig "$2")
  if [ -z "$v" ]; then
    echo "| $1 | not measured | $3 $4 $5 | – |"
    return
  fi
  met=$(awk -v v="$v" -v g="$4" -v op="$3" 'BEGIN {
    ok = (op == "<" && v < g) || (op == "≤" && v <= g) || (op == "≥" && v >= g) || (op == ">" && v > g)
    print ok ? "met" : "**missed**" }')
  local goal="$3 $4 $5"
  [ "$3" = "–" ] && met="(no goal)" && goal="–"
  printf '| %s | %s %s | %s | %s |\n' "$1" "$(awk -v v="$v" 'BEGIN {printf (v >= 100 ? "%.0f" : "%.2f"), v}')" "$5" "$goal" "$met"
}
{
  echo "## Summary: each figure beside its goal${smoke:+ (smoke run: not figures)}"
  echo
  echo "| figure | measured | goal | |"
  echo "|---|---:|---|---|"
  summary_row "1. native extraction, dev set (MB/s)" native.extract.dev.mbps "≥" 50 "MB/s"
  summary_row "1. native extraction, examples (MB/s)" native.extract.examples.mbps "≥" 50 "MB/s"
  summary_row "1. native extraction, synthetic 7 KB (MB/s)" native.extract.synth.mbps "≥" 50 "MB/s"
  summary_row "1. native µs per article, dev set" native.extract.dev.us "–" "" "µs"
  summary_row "2. wasm µs per article, synthetic 7 KB" wasm.extract.synth.us "–" "" "µs"
  summary_row "2. wasm / native, synthetic 7 KB" ratio.wasm_native.synth "≤" 2 "×"
  summary_row "2. wasm / native, bench corpus" ratio.wasm_native.corpus "≤" 2 "×"
  summary_row "3. paste to preview, 7 KB" app.paste_7k_ms "<" 50 ms
  summary_row "3. paste to preview, 200 KB" app.paste_200k_ms "–" "" ms
  summary_row "3. first paste after start, 7 KB" app.paste_first_ms "<" 50 ms
  summary_row "4. cold start to first view" app.cold_start_ms "<" 1000 ms
  summary_row "4. wasm, gzip" size.wasm.gzip_kb "≤" 400 KB
  summary_row "4. wasm, raw" size.wasm.raw_kb "–" "" KB
  summary_row "4. JS, gzip" size.js.gzip_kb "–" "" KB
  summary_row "5. load the app with 2,000 articles (reload)" app.scale.load_ms "–" "" ms
  summary_row "5. cold start with 2,000 articles (new profile)" app.scale.cold_start_ms "<" 1000 ms
  summary_row "5. roster filter per keystroke, median" app.scale.keystroke_median_ms "<" 50 ms
  summary_row "5. roster filter per keystroke, slowest" app.scale.keystroke_max_ms "<" 50 ms
  summary_row "5. render the timeline" app.scale.timeline_ms "–" "" ms
  summary_row "5. add one more article" app.scale.add_one_ms "–" "" ms
  summary_row "5. articles in the localStorage quota" quota.articles "≥" 2000 articles
  summary_row "6. extraction growth, 100 KB → 10 MB (log-log slope)" native.growth.slope "≤" 1.1 ""
  summary_row "6. roster query growth, 1k → 20k officials (slope)" native.roster.slope "–" "" ""
  echo
  echo "Slopes: 1.0 is linear, 2.0 quadratic. Medians; times on a shared machine are noisy."
} >>"$report"

cat "$report"
echo "bench: report in $report, figures in $figures" >&2
