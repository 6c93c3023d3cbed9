#!/usr/bin/env bash
# The benchmark (bench/README.md): sets up what is missing, builds the release dist/, then
# runs the playground and TensorFlow.js 4.22 through the same experiments in headless Chromium
# and prints JSON lines and a Markdown table (also written to bench/out/).
# Arguments go to bench/run.mjs, e.g. `scripts/bench.sh --runs 1 --experiments E2`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --bench
trunk build --release
node bench/run.mjs "$@"
