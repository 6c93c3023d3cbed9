#!/usr/bin/env bash
# Installs whatever is missing to build the playground (and, with --tests, to test it):
# the wasm32 target, trunk, wasm-bindgen-cli at exactly the Cargo.lock version, and for the
# tests Debian's Chromium + ChromeDriver and the end-to-end tests' npm packages; with --bench
# also the benchmark's (TensorFlow.js, never shipped).
# Safe to run again: it only installs what is absent or at the wrong version.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores, once)"
  # trunk 0.22.1 declares rustc 1.96.1 but builds with 1.95.
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  log "installing wasm-bindgen-cli $WBG_VERSION (the version in Cargo.lock; about 5 minutes, once)"
  # Not --locked: its lockfile pins a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

if [[ "${1:-}" == "--tests" || "${1:-}" == "--bench" ]]; then
  node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
  if [[ -z "$node_major" || "$node_major" -lt 20 ]]; then
    echo "The end-to-end tests need Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
    echo "Install it (e.g. from your distribution's backports or nodesource) and run this again." >&2
    exit 1
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [[ ! -d tests/e2e/node_modules/playwright-core ]]; then
    log "installing the end-to-end tests' npm packages (playwright-core; it uses /usr/bin/chromium)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
fi
if [[ "${1:-}" == "--bench" && ! -d bench/node_modules/@tensorflow/tfjs-backend-wasm ]]; then
  log "installing the benchmark's npm packages (TensorFlow.js 4.22, for comparison only)"
  (cd bench && npm ci --no-audit --no-fund)
fi
log "ready"
