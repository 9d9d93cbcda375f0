#!/usr/bin/env bash
# The layer cache on disk as the command line uses it: the default folder follows
# XDG_CACHE_HOME, --no-cache reads and writes nothing, --cache-dir is used; two processes at
# once on one empty folder, a warm folder and a damaged one all give the bytes of an uncached
# render.
source "$(dirname "$0")/contract.sh" "$@"
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
dpi=100
cp -r "$root/samples/photos" "$work/photos"
cp "$root/samples/zhengjian-yangben.json" "$work/card.json"
render() { "$cardface" render "$work/card.json" --dpi $dpi "$@" >/dev/null 2>>"$work/err"; }
same_as_uncached() { cmp -s "$1/card-front.png" "$work/plain/card-front.png" && cmp -s "$1/card-back.png" "$work/plain/card-back.png"; }

XDG_CACHE_HOME=$work/xdg-none render --no-cache --out "$work/plain" || bad "--no-cache: $(cat "$work/err")"
if [[ ! -e $work/xdg-none ]]; then ok; else bad "--no-cache wrote $(find "$work/xdg-none" | head -3)"; fi
XDG_CACHE_HOME=$work/xdg render --out "$work/default" || bad "default cache: $(cat "$work/err")"
if ls "$work/xdg/cardface/"*.layer >/dev/null 2>&1; then ok; else bad "nothing in \$XDG_CACHE_HOME/cardface"; fi
if same_as_uncached "$work/default"; then ok; else bad "cold cache: bytes differ"; fi
XDG_CACHE_HOME=$work/xdg render --out "$work/warm" || bad "warm cache: $(cat "$work/err")"
if same_as_uncached "$work/warm"; then ok; else bad "warm cache: bytes differ"; fi
render --cache-dir "$work/mine" --out "$work/mine-out"
if ls "$work/mine/"*.layer >/dev/null 2>&1 && same_as_uncached "$work/mine-out"; then ok; else bad "--cache-dir"; fi
"$cardface" render "$work/card.json" --no-cache --cache-dir "$work/x" --out "$work/x-out" >/dev/null 2>&1
if [[ $? -eq 2 ]]; then ok; else bad "--no-cache with --cache-dir: expected a usage error"; fi

# Two processes at once on one folder, empty each round, then both reading what they wrote.
for round in 1 2 3; do
  rm -rf "$work/shared"
  render --cache-dir "$work/shared" --out "$work/a$round" &
  a=$!
  render --cache-dir "$work/shared" --out "$work/b$round" &
  b=$!
  wait $a && wait $b || bad "round $round: a process failed: $(cat "$work/err")"
  if same_as_uncached "$work/a$round" && same_as_uncached "$work/b$round"; then ok; else bad "round $round: bytes differ"; fi
  if [[ -z $(find "$work/shared" -name '.tmp-*') ]]; then ok; else bad "round $round: temporaries left"; fi
done

# Damaged files (every one cut in half, one overwritten with another's bytes): never drawn.
files=("$work/shared/"*.layer)
for f in "${files[@]}"; do truncate -s $(($(stat -c %s "$f") / 2)) "$f"; done
cp "$work/mine/$(ls "$work/mine" | head -1)" "${files[0]}"
render --cache-dir "$work/shared" --out "$work/damaged"
if same_as_uncached "$work/damaged"; then ok; else bad "damaged cache: bytes differ"; fi
render --cache-dir "$work/shared" --out "$work/mended"
if same_as_uncached "$work/mended"; then ok; else bad "mended cache: bytes differ"; fi
finish
