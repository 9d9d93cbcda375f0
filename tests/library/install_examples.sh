#!/usr/bin/env bash
# Installs the build into a temporary prefix, moves the prefix (the install must not depend on
# where it was configured), and builds and runs each example against that prefix only: the C++
# one with find_package, the C one with pkg-config, the Python one. Each writes the specimen's
# front face; each must be the same PNG as the build tree's `cardface render`. The installed
# command must read its data from the prefix, not the source tree.
# Usage: install_examples.sh BUILD_DIR SOURCE_DIR BUILD_TREE_CARDFACE
set -euo pipefail
build=$1 src=$2 cli=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=$src/samples/zhengjian-yangben.json
fail() { echo "install_examples: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/configured" >/dev/null
mv "$tmp/configured" "$tmp/prefix"
prefix=$tmp/prefix
libdir=$(dirname "$(find "$prefix" -name 'libcardface.so' | head -1)")
[[ -f $libdir/pkgconfig/cardface.pc && -f $libdir/cmake/cardface/cardface-config.cmake ]] ||
  fail "no cardface.pc or CMake package under $libdir"
[[ $(readelf -d "$libdir/libcardface.so") == *'Library soname: [libcardface.so.0.2]'* ]] || fail "SONAME"

"$cli" render "$sample" --side front --out "$tmp/reference" >/dev/null
reference=$tmp/reference/zhengjian-yangben-front.png
same() { cmp -s "$reference" "$1" || fail "$2 wrote other bytes than cardface render"; }

# the installed command, from elsewhere, with its data from the prefix: a template removed from
# the prefix is unknown to it even though the source tree still has it
(cd / && env -u CARDFACE_DATA_DIR "$prefix/bin/cardface" render "$sample" --side front --out "$tmp/installed" >/dev/null)
same "$tmp/installed/zhengjian-yangben-front.png" "the installed cardface"
rm -rf "$prefix/share/cardface/templates/fprc-2017"
if (cd / && "$prefix/bin/cardface" render "$src/samples/kim-min-jun.json" --out "$tmp/gone" 2>"$tmp/err"); then
  fail "the installed cardface read templates from outside its prefix"
fi
grep -q 'fprc-2017' "$tmp/err" || fail "the missing template is not named: $(cat "$tmp/err")"

# the specimen records come with it: the installed command renders its own sample alike
installed_sample=$prefix/share/cardface/samples/zhengjian-yangben.json
[[ -f $installed_sample && -f $prefix/share/cardface/samples/photos/s00.png ]] ||
  fail "no specimen records under share/cardface/samples"
(cd / && "$prefix/bin/cardface" render "$installed_sample" --side front --out "$tmp/installed-sample" >/dev/null)
same "$tmp/installed-sample/zhengjian-yangben-front.png" "the installed cardface on the installed sample"

# C++: find_package(cardface 0.2) from this prefix only (ccache when the machine has it)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src/examples/cpp" -B "$tmp/cpp" -DCMAKE_BUILD_TYPE=Release -Dcardface_DIR="$libdir/cmake/cardface" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "${launcher[@]}" >/dev/null
cmake --build "$tmp/cpp" >/dev/null
[[ $(ldd "$tmp/cpp/render_specimen") == *"$prefix/"* ]] || fail "the C++ example does not use the prefix's library"
(cd / && "$tmp/cpp/render_specimen" "$sample" "$tmp/cpp.png")
same "$tmp/cpp.png" "examples/cpp"

# C: the Makefile with pkg-config, seeing only the prefix's .pc files
cp "$src/examples/c/Makefile" "$src/examples/c/render_specimen.c" "$tmp/"
mkdir -p "$tmp/c" && mv "$tmp/Makefile" "$tmp/render_specimen.c" "$tmp/c/"
PKG_CONFIG_LIBDIR=$libdir/pkgconfig PKG_CONFIG_PATH= make -s -C "$tmp/c" >/dev/null
[[ $(ldd "$tmp/c/render_specimen") == *"$prefix/"* ]] || fail "the C example does not use the prefix's library"
(cd / && "$tmp/c/render_specimen" "$sample" "$tmp/c.png")
same "$tmp/c.png" "examples/c"

# Python: the module installed under the prefix
pydir=$(dirname "$(find "$prefix" -name '__init__.py' -path '*cardface/*' | head -1)")
[[ -n $pydir ]] || fail "no Python module installed"
(cd / && PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 -c \
  "import cardface, sys; sys.exit(0 if cardface.__file__.startswith('$prefix') else 1)") ||
  fail "python imports cardface from outside the prefix"
(cd / && PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 "$src/examples/python/render_specimen.py" "$sample" "$tmp/py.png")
same "$tmp/py.png" "examples/python"
echo "install_examples: the installed cardface and the C++, C and Python examples give cardface render's bytes"
