#!/usr/bin/env bash
# Trunk post_build hook: makes the staged build work offline and safe to redeploy.
#  1. Content-hashes the training worker (trunk hashes the app's files but not a worker):
#     worker.js → worker-<hash>.js, worker_bg.wasm → worker-<hash>_bg.wasm, and tells the page
#     with <meta name="mlpg-worker" content="./worker-<hash>.js">.
#  2. Writes sw.js from www/sw.js with the build's version and the list of files to precache.
# Plain bash + coreutils, so it runs wherever trunk does.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
root="${TRUNK_SOURCE_DIR:-$(pwd)}"
cd "$dir"

if [[ -f worker.js && -f worker_bg.wasm ]]; then
  hash=$(cat worker.js worker_bg.wasm | sha256sum | cut -c1-16)
  mv worker.js "worker-$hash.js"
  mv worker_bg.wasm "worker-${hash}_bg.wasm"
  sed -i "s|</head>|<meta name=\"mlpg-worker\" content=\"./worker-$hash.js\" />\n</head>|" index.html
fi

# Everything the page may load, relative to its folder (the service worker's scope).
mapfile -t files < <(find . -type f ! -name sw.js ! -name '.*' -printf '%P\n' | LC_ALL=C sort)
version=$(for f in "${files[@]}"; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$(printf '"./",'; for f in "${files[@]}"; do printf '"%s",' "$f"; done)
list="[${list%,}]"
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|$list|" "$root/www/sw.js" > sw.js
echo "precache.sh: build $version, ${#files[@]} files precached by sw.js"
