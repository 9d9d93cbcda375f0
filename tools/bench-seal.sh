#!/usr/bin/env bash
# Times the seal's commands (median of N runs, wall clock): render a signed back, verify it,
# and verify an image without a code (the reader's worst case: every window searched).
#   BUILD_DIR=build tools/bench-seal.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cardface=${BUILD_DIR:-build}/cardface
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=samples/zhengjian-yangben.json
key=tests/data/seal/rfc6979-p256-key.pem
cert=tests/data/seal/rfc6979-p256-cert.pem

median() { # command...: prints the median wall time in ms
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

for dpi in 300 600; do
  echo "render back, signed, $dpi dpi: $(median "$cardface" render "$data" --side back --dpi "$dpi" --seal-key "$key" --out "$work/$dpi") ms"
  echo "render back, unsigned, $dpi dpi: $(median "$cardface" render "$data" --side back --dpi "$dpi" --out "$work/u$dpi") ms"
  echo "verify signed back, $dpi dpi: $(median "$cardface" verify "$work/$dpi/zhengjian-yangben-back.png" --key "$cert" --data "$data") ms"
  "$cardface" render "$data" --side front --dpi "$dpi" --out "$work/f$dpi" >/dev/null
  echo "verify a front (no code), $dpi dpi: $(median "$cardface" verify "$work/f$dpi/zhengjian-yangben-front.png") ms"
done
