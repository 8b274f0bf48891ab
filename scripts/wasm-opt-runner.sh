#!/usr/bin/env bash
# Cargo runner for the wasm benchmark (scripts/bench.sh sets it for tests/web_bench.rs):
# optimises the test module as Trunk optimises the app (`wasm-opt -Oz`: data-wasm-opt="z" in
# index.html) before wasm-bindgen-test-runner runs it in Chromium, so that the benchmark times
# the code users run.
set -euo pipefail
wasm=$1
shift
opt="${wasm%.wasm}.opt.wasm"
wasm-opt -Oz "$wasm" -o "$opt"
exec wasm-bindgen-test-runner "$opt" "$@"
