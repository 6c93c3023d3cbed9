#!/usr/bin/env bash
# Sets up what is missing, builds the release dist/, and serves it on http://127.0.0.1:8080
# with a plain static server (exactly what any static host would do).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
trunk build --release
PORT="${PORT:-8080}"
echo "Serving the playground on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
