#!/usr/bin/env bash
# Quick start 1: set up, build, and render the default specimen card (ZHENGJIAN YANGBEN on
# the fprc-2023 template) at 600 dpi into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh cardface_cli  # the command and the library only, not the tests
build/cardface render samples/zhengjian-yangben.json --dpi 600 --out out
