#!/usr/bin/env bash
# Sets up what is missing and runs every test, cheapest first:
# fmt → native tests → wasm tests in headless Chromium → release build → end-to-end tests
# (Playwright) against dist/ on 127.0.0.1. Clippy lints this crate as each build compiles it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --tests

step() { printf '\n\033[1;35m==> %s\033[0m\n' "$*"; }
started=$SECONDS

step "cargo fmt --check"
cargo fmt --all -- --check

# Clippy lints this crate while the tests and the release build compile it: clippy-driver
# stands in for rustc for the workspace only (RUSTC_WORKSPACE_WRAPPER), so Burn and the other
# dependencies are compiled once per target, for the tests, instead of once more in check mode
# for a separate `cargo clippy` (≈ 18 of a cold run's minutes here). -D warnings fails the
# build on any lint or rustc warning, as `cargo clippy -- -D warnings` does.
export RUSTC_WORKSPACE_WRAPPER=clippy-driver
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
wasm_test=(cargo test --locked --release --target wasm32-unknown-unknown --test wasm_browser)

# The wasm tests' build (Burn for wasm32, release: the longest step) starts now and
# runs beside the native tests' build: cargo locks each profile's directory, and the two use
# different ones. Its output is shown when the wasm tests start. (--timings: each build leaves
# its per-crate report in $CARGO_TARGET_DIR/cargo-timings/.)
wasm_log=$(mktemp)
"${wasm_test[@]}" --no-run --timings >"$wasm_log" 2>&1 &
wasm_build=$!
# On exit (a failure before the wait), stop that build; the trap never changes the exit status.
stop_wasm_build() {
  pkill -TERM -P "$wasm_build" 2>/dev/null || true
  kill "$wasm_build" 2>/dev/null || true
  rm -f "$wasm_log"
}
trap stop_wasm_build EXIT

step "native tests + clippy (host: the library, tests, examples, the worker) — data, settings ⇄ URL, explanation == oracle, convergence"
cargo test --locked --timings

step "wasm tests in headless Chromium + clippy (wasm32: the library, the browser tests, the worker) — WebGPU device, CPU fallback, timeouts"
status=0
wait "$wasm_build" || status=$?
cat "$wasm_log"
if [ "$status" -ne 0 ]; then
  echo "the wasm tests' build failed (exit $status)" >&2
  exit "$status"
fi
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 "${wasm_test[@]}"

step "release build + clippy of the page (trunk → dist/: the worker is built above)"
trunk build --release
ls -l dist

step "end-to-end tests (Playwright + Debian Chromium against dist/ on 127.0.0.1)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec)

step "all tests passed in $((SECONDS - started)) s"
