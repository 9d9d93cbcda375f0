#!/usr/bin/env bash
# Quick start 2: set up, build, and run every test (unit, golden, CLI) under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
