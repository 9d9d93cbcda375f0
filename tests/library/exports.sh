#!/usr/bin/env bash
# libcardface.so exports only cardface's API: the C functions cardface.h declares (every one of
# them) and names in namespace cardface that the public headers declare; no internals, no
# standard-library template instances. Usage: exports.sh LIBCARDFACE.so INCLUDE_DIR
set -euo pipefail
lib=$1 include=$2
symbols=$(nm -D --defined-only --demangle "$lib" | cut -d' ' -f3-)
[[ -n $symbols ]] || { echo "exports: nothing exported by $lib"; exit 1; }
headers=$(cat "$include"/*.h)
bad=0
while IFS= read -r symbol; do
  case $symbol in
    cardface_*) name=${symbol%%(*} ;;
    "typeinfo for cardface::"* | "typeinfo name for cardface::"* | "vtable for cardface::"*)
      name=${symbol##* } ;;
    cardface::*) name=${symbol%%(*} ;;
    *) echo "exports: not cardface's API: $symbol"; bad=1; continue ;;
  esac
  # the last component of the qualified name (an operator or a template's arguments aside)
  leaf=${name%%<*}
  leaf=${leaf%%\[abi:*}
  leaf=${leaf##*::}
  leaf=${leaf#\~}
  leaf=${leaf%% *}
  [[ $leaf == operator* ]] && continue
  if ! grep -qw -- "$leaf" <<<"$headers"; then
    echo "exports: $symbol: '$leaf' is in no public header"
    bad=1
  fi
done <<<"$symbols"
# every C function the header declares is there
for fn in $(grep -o 'CARDFACE_API [^(]*(' "$include/cardface.h" | grep -o 'cardface_[a-z0-9_]*('); do
  grep -qx -- "${fn%(}" <<<"$(grep -o '^cardface_[a-z0-9_]*' <<<"$symbols")" ||
    { echo "exports: ${fn%(} is declared in cardface.h but not exported"; bad=1; }
done
count=$(wc -l <<<"$symbols")
((bad == 0)) && echo "exports: $count symbols, all cardface API"
exit $bad
