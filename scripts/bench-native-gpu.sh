#!/usr/bin/env bash
# Burn's kernels on a real GPU, natively (issue 15 part 5): E2–E4 of the benchmark on Burn's
# wgpu runtime (Vulkan) beside Burn's CPU backend, on a machine that has an NVIDIA GPU and
# no browser. Not part of the tests.
#
#   scripts/bench-native-gpu.sh build      # here: builds target-gpu/train_speed.gz (+ libvulkan)
#   scripts/bench-native-gpu.sh run        # there, from the repository root (≤ 8 minutes)
#
# The GPU machine is offline: `build` copies the binary and Debian's Vulkan loader into
# target-gpu/ (git-ignored) to be carried there. `run` checks that the adapter is the GPU,
# not a software one (it prints wgpu's adapter info on every line).
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "build" ]]; then
  set -e
  source scripts/env.sh
  cargo build --locked --release --features native-wgpu --example train_speed
  mkdir -p target-gpu/lib
  cp "$CARGO_TARGET_DIR/release/examples/train_speed" target-gpu/
  strip target-gpu/train_speed
  # The run tool carries at most 64 MiB with the working tree: the 52 MB binary goes gzipped.
  gzip -9 -f target-gpu/train_speed
  if [[ ! -e target-gpu/lib/libEGL.so.1 ]]; then
    (cd "$(mktemp -d)" && apt-get download libvulkan1 libglvnd0 libegl1 >/dev/null &&
      for d in *.deb; do dpkg-deb -x "$d" x; done &&
      cp -L x/usr/lib/*/{libvulkan.so.1,libGLdispatch.so.0,libEGL.so.1} "$OLDPWD/target-gpu/lib/")
  fi
  ls -l target-gpu target-gpu/lib
  exit 0
fi

bin=/tmp/train_speed
gunzip -c target-gpu/train_speed.gz >"$bin" && chmod +x "$bin"
echo "== machine"; nvidia-smi -L 2>&1 | head -4; nproc; uname -r
grep -E '^(PRETTY_NAME)=' /etc/os-release
echo "== Vulkan ICDs"; ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>&1
# NVIDIA's Vulkan driver (libGLX_nvidia) fails to initialize (vk_icdNegotiate… returns
# VK_ERROR_INITIALIZATION_FAILED) without glvnd's libGLdispatch/libEGL, which a CUDA container
# may lack: the Vulkan loader and those come from Debian's libvulkan1, libglvnd0 and libegl1.
for so in libvulkan.so.1 libGLdispatch.so.0 libEGL.so.1; do
  if ! ldconfig -p | grep -q "$so "; then
    echo "no system $so: using the carried one"
    export LD_LIBRARY_PATH="$PWD/target-gpu/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
done
if ! grep -qsl nvidia /usr/share/vulkan/icd.d/* /etc/vulkan/icd.d/*; then
  # The driver's Vulkan library without its manifest (common in containers): write one.
  lib=$(ldconfig -p | grep -oE '/[^ ]*libGLX_nvidia\.so\.0' | head -1)
  if [[ -n "$lib" ]]; then
    printf '{"file_format_version":"1.0.0","ICD":{"library_path":"%s","api_version":"1.3.0"}}\n' \
      "$lib" >/tmp/nvidia_icd.json
    export VK_ICD_FILENAMES=/tmp/nvidia_icd.json
    echo "wrote an ICD manifest for $lib"
  else
    echo "no NVIDIA Vulkan driver library found:"; ldconfig -p | grep -i nvidia | head
  fi
fi
ldd "$bin" | grep -E 'not found|libc\.so' || true

run() { timeout 60 "$bin" "$@" 2>&1 | grep -vE "^\s*$" | tail -3 | tee -a "${OUT:-/tmp}/bench.txt"; }
echo "== E2–E4, steps of batch 64 (the benchmark's) 512 and 4096"
for e in E2 E3 E4; do
  run "$e" 300 wgpu 64
  run "$e" 300 cpu 64
  run "$e" 100 wgpu 512
  run "$e" 40 cpu 512
  run "$e" 50 wgpu 4096
  run "$e" 5 cpu 4096
done
