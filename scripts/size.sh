#!/usr/bin/env bash
# Prints the raw and gzip sizes of the release build's wasm and JS (budget: wasm ≤ 400 KB gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-48s %10s %10s\n' file raw gzip
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  printf '%-48s %10d %10d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
wasm=$(ls dist/*.wasm | head -n 1)
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm gzip: $((gz / 1024)) KB of a 400 KB budget"
[ "$gz" -le $((400 * 1024)) ] || { echo "over budget" >&2; exit 1; }
