#!/usr/bin/env bash
# The Debian package: cpack builds cardface_<version>_amd64.deb, `apt-get install ./…deb`
# installs it, /usr/bin/cardface renders the specimen with the same bytes as the build tree's
# binary, find_package/pkg-config/python find it, and `dpkg -r` leaves none of its files.
# Root only (it changes /usr): exits 77 (skipped) otherwise, or when cardface is already installed.
# Usage: deb_package.sh BUILD_DIR SOURCE_DIR BUILD_TREE_CARDFACE
set -euo pipefail
build=$1 src=$2 cli=$3
if [[ $(id -u) -ne 0 ]]; then echo "deb_package: skipped: needs root"; exit 77; fi
if [[ $(dpkg-query -W -f='${Status}' cardface 2>/dev/null) == *"install ok installed"* ]]; then
  echo "deb_package: skipped: a cardface package is installed already"; exit 77
fi
tmp=$(mktemp -d)
installed=0
cleanup() { ((installed)) && dpkg -P cardface >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "deb_package: $*" >&2; exit 1; }

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >/dev/null)
version=$(grep -o 'CPACK_PACKAGE_VERSION "[^"]*"' "$build/CPackConfig.cmake" | cut -d'"' -f2)
deb=$tmp/out/cardface_${version}_amd64.deb
[[ -f $deb ]] || fail "no $deb: $(ls "$tmp/out")"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libcairo2 libharfbuzz0b libfreetype6 libpng16-16 libjpeg62-turbo libdeflate0 libzxing2 libssl3 libc6 libstdc++6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1 ||
  fail "apt-get install: $(tail -5 "$tmp/apt.log")"
installed=1
dpkg -L cardface >"$tmp/files"

# the same bytes as the build tree's binary, from /usr/bin with /usr/share/cardface
"$cli" render "$src/samples/zhengjian-yangben.json" --out "$tmp/build-tree" >/dev/null
(cd / && env -u CARDFACE_DATA_DIR /usr/bin/cardface render "$src/samples/zhengjian-yangben.json" --out "$tmp/usr" >/dev/null)
for side in front back; do
  cmp -s "$tmp/build-tree/zhengjian-yangben-$side.png" "$tmp/usr/zhengjian-yangben-$side.png" ||
    fail "/usr/bin/cardface: the $side differs from the build tree's"
done
[[ -f /usr/share/cardface/templates/fprc-2023/template.json ]] || fail "no templates in /usr/share/cardface"
[[ $(pkg-config --modversion cardface) == "$version" ]] || fail "pkg-config does not find cardface $version"
[[ -n $(find /usr/lib -path '*cmake/cardface/cardface-config.cmake') ]] || fail "no CMake package"
[[ -f /usr/include/cardface/cardface.h ]] || fail "no C header"
/usr/bin/python3 -c "import cardface; assert cardface.version() == '$version'" || fail "python3 cannot import cardface"

dpkg -r cardface >/dev/null
installed=0
left=()
while IFS= read -r f; do
  [[ -f $f || -L $f ]] && left+=("$f")
done <"$tmp/files"
((${#left[@]} == 0)) || fail "dpkg -r left ${left[*]}"
[[ ! -e /usr/share/cardface && ! -e /usr/include/cardface ]] || fail "dpkg -r left directories"
dpkg -P cardface >/dev/null  # no record left behind either (the package has maintainer scripts)
echo "deb_package: $(basename "$deb") installs, renders the build tree's bytes and removes cleanly"
