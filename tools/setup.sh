#!/usr/bin/env bash
# Installs every Debian 12 package cardface's build, tests and tools need. Idempotent: it
# calls apt-get only when something is missing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  libcairo2-dev libharfbuzz-dev libfreetype-dev libpng-dev libjpeg62-turbo-dev libdeflate-dev
  nlohmann-json3-dev libcli11-dev libzxing-dev libssl-dev
  libzstd-dev  # the layer cache on disk
  libpcre2-dev  # card types' patterns (bounded matching)
  # tests and benchmarks
  libgtest-dev libbenchmark-dev poppler-utils dmtx-utils openssl xxd librsvg2-bin
  # the Python module and its tests; the Debian package (cpack: dpkg-shlibdeps, file)
  pybind11-dev python3-dev python3-pytest python3-numpy python3-pil dpkg-dev file
  # cardface serve and its tests (tests/web); the golden report opens in headless Chromium
  libcpp-httplib-dev libzip-dev chromium chromium-driver python3-selenium python3-pil haproxy
  parallel  # the batch sharding test runs shards under GNU parallel
  # hardening: fuzz targets (tools/fuzz: clang's libFuzzer), resource figures in CLI contracts
  clang-14 libclang-rt-14-dev time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
