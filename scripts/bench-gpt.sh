#!/usr/bin/env bash
# The tiny GPT's benchmark, side by side in one run (bench/README.md, "The tiny GPT"): PyTorch
# natively (bench/pytorch/gpt.py, 1 thread and all cores) and the playground in headless
# Chromium (tests/e2e/bench-gpt.mjs) on the same recipes, each until its learning target or
# --max-seconds; then TensorFlow.js's tokens/s on each of its backends (bench/tfjs/gpt.js, the
# same model in tf ops, --tfjs-seconds each). Installs PyTorch into ~/.cache/mlpg/torch-venv
# the first time (≈ 3 GB).
#   scripts/bench-gpt.sh [--recipes sort,names,shakespeare] [--max-seconds 600] [--backend cpu[,webgpu]]
#                        [--tfjs wasm,webgl,webgpu,cpu | --tfjs none] [--tfjs-seconds 30] [--no-pytorch]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
recipes=sort,names,shakespeare max=600 backend=cpu tfjs=wasm,webgl,webgpu,cpu tfjs_seconds=30 pytorch=1
while [ $# -gt 0 ]; do
  case "$1" in
    --recipes) recipes=$2; shift 2 ;;
    --max-seconds) max=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    --tfjs) tfjs=$2; shift 2 ;;
    --tfjs-seconds) tfjs_seconds=$2; shift 2 ;;
    --no-pytorch) pytorch=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
venv=~/.cache/mlpg/torch-venv
if [ "$pytorch" = 1 ] && { [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch" 2>/dev/null; }; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "torch==2.5.1" numpy
fi
scripts/setup.sh --bench
trunk build --release
mkdir -p bench/out
out=bench/out/gpt-$(date +%Y%m%dT%H%M%S).log
echo "== $(nproc) cores, $(date -u +%FT%TZ), recipes $recipes, max $max s" | tee "$out"
if [ "$pytorch" = 1 ]; then
  "$venv/bin/python" bench/pytorch/gpt.py --recipes "$recipes" --threads "1,$(nproc)" --max-seconds "$max" | tee -a "$out"
fi
for b in ${backend//,/ }; do
  (cd tests/e2e && node bench-gpt.mjs --backend "$b" --recipes "$recipes" --max-seconds "$max") | tee -a "$out" \
    || echo "== the playground on $b failed (above); going on" | tee -a "$out"
done
if [ "$tfjs" != none ]; then
  echo "== TensorFlow.js, tokens/s at the recipe's peak learning rate, ${tfjs_seconds} s after 3 warm-up steps" | tee -a "$out"
  for r in ${recipes//,/ }; do
    for b in ${tfjs//,/ }; do
      node bench/tfjs-cli.mjs --backend "$b" --experiment "gpt-$r" --max-seconds "$tfjs_seconds" | tee -a "$out"
    done
  done
fi
echo "written to $out"
