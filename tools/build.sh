#!/usr/bin/env bash
# Configures and builds cardface (Release) into ./build: everything, or only the targets named
# (tools/demo.sh builds just the cardface command: tools/build.sh cardface_cli).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" ${1:+--target "$@"}
