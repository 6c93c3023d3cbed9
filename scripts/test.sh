#!/usr/bin/env bash
# Sets up what is missing and runs every test, cheapest first:
# fmt → clippy (host, wasm32) → native tests → wasm tests in headless Chromium →
# release build → end-to-end tests (Playwright) against dist/ on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --tests

step() { printf '\n\033[1;35m==> %s\033[0m\n' "$*"; }
started=$SECONDS

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (host)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32: the worker with Burn, and the page without it)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --bin app -- -D warnings

step "native tests (data, settings ⇄ URL, explanation == Burn oracle, convergence)"
cargo test --locked

step "wasm tests in headless Chromium (WebGPU device, CPU fallback, timeouts)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --locked --release --target wasm32-unknown-unknown --test wasm_browser

step "release build (trunk → dist/)"
trunk build --release
ls -l dist

step "end-to-end tests (Playwright + Debian Chromium against dist/ on 127.0.0.1)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec)

step "all tests passed in $((SECONDS - started)) s"
