#!/usr/bin/env bash
# The tiny GPT's benchmark, side by side in one run (bench/README.md, "The tiny GPT"): PyTorch
# natively (bench/pytorch/gpt.py, 1 thread and all cores) and the playground in headless
# Chromium (tests/e2e/bench-gpt.mjs) on the same recipes, each until its learning target or
# --max-seconds. Installs PyTorch into ~/.cache/mlpg/torch-venv the first time (≈ 3 GB).
#   scripts/bench-gpt.sh [--recipes sort,names,shakespeare] [--max-seconds 600] [--backend cpu]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
recipes=sort,names,shakespeare max=600 backend=cpu
while [ $# -gt 0 ]; do
  case "$1" in
    --recipes) recipes=$2; shift 2 ;;
    --max-seconds) max=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
venv=~/.cache/mlpg/torch-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "torch==2.5.1" numpy
fi
scripts/setup.sh --tests
trunk build --release
mkdir -p bench/out
out=bench/out/gpt-$(date +%Y%m%dT%H%M%S).log
echo "== $(nproc) cores, $(date -u +%FT%TZ), recipes $recipes, max $max s" | tee "$out"
"$venv/bin/python" bench/pytorch/gpt.py --recipes "$recipes" --threads "1,$(nproc)" --max-seconds "$max" | tee -a "$out"
(cd tests/e2e && node bench-gpt.mjs --backend "$backend" --recipes "$recipes" --max-seconds "$max") | tee -a "$out"
echo "written to $out"
