# Niên biểu. Two commands set up a fresh Debian 12 machine (rustup stable) and do everything:
#   make serve   build the app and serve it at http://127.0.0.1:8080
#   make test    every test: native, in-browser (wasm, headless Chromium), end-to-end
# Each installs what it needs the first time (scripts/setup.sh) and skips what is there.
SHELL := /bin/bash
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/bin:$(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve build test lint size bench setup-build setup-test clean

serve: setup-build
	trunk serve --release

build: setup-build
	trunk build --release
	cargo build --release --bin nienbieu

test: setup-test
	scripts/test.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

size: build
	scripts/size.sh

bench: setup-test
	scripts/bench.sh

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

clean:
	cargo clean
	rm -rf dist
