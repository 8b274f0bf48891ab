#!/usr/bin/env bash
# Installs, once, everything the build and the tests need on a fresh Debian 12 machine with rustup.
# Each step checks first and skips what is already there. Nothing is downloaded from outside the
# package registries (crates.io, npm, Debian): Trunk itself runs offline with pinned tools.
#
#   scripts/setup.sh build   # what `make serve` / `make build` need
#   scripts/setup.sh test    # the above, plus Chromium, chromedriver and the end-to-end packages
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-test}
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# wasm-bindgen-cli must match, to the patch, the wasm-bindgen that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, "", $0); print; exit}' Cargo.lock)
TOOLS="$PWD/.tools"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION%.*}"; then
  log "installing trunk ~${TRUNK_VERSION} (about 15 minutes on 2 cores, once)"
  cargo install trunk --version "~${TRUNK_VERSION%.*}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${WASM_BINDGEN_VERSION}"; then
  log "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 4 minutes, once)"
  # Its own lock file pins a webpki-roots release the registry no longer serves, so resolve anew.
  cargo install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  log "installing wasm-opt from the npm package binaryen@${BINARYEN_VERSION}"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@${BINARYEN_VERSION}"
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    log "installing the end-to-end test packages (playwright-core, no browser download)"
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
  fi
fi
log "ready"
