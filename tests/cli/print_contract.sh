#!/usr/bin/env bash
# cardface render --format pdf|svg, --panels, impose and proof as a user meets them: the files
# and their sizes, usage errors (exit 2), bad input (exit 1, no output file).
source "$(dirname "$0")/contract.sh" "$@"
sample=$root/samples/zhengjian-yangben.json

# PDF: one file, two pages, trim box of the card, crop marks widen the page.
if "$cardface" render "$sample" --format pdf --crop-marks --out "$work/pdf" >/dev/null 2>"$work/err"; then
  f=$work/pdf/zhengjian-yangben.pdf
  info=$(pdfinfo -box "$f")
  grep -q "Pages:           2" <<<"$info" && ok || bad "pdf pages: $info"
  grep -qE "TrimBox: +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+" <<<"$info" && ok || bad "pdf trim box"
  # 85.6 + 2 × (2 bleed + 6 slug) = 101.6 mm = 288.00 pt.
  grep -q "Page size:       288 x" <<<"$info" && ok || bad "pdf page size: $info"
else
  bad "pdf failed: $(cat "$work/err")"
fi

# SVG: one file per face, sized in points.
if "$cardface" render "$sample" --format svg --side front --out "$work/svg" >/dev/null 2>"$work/err"; then
  grep -q 'width="242.645669pt" height="153.014173pt"' "$work/svg/zhengjian-yangben-front.svg" && ok || bad "svg size"
  [[ ! -e $work/svg/zhengjian-yangben-back.svg ]] && ok || bad "svg back written for --side front"
else
  bad "svg failed: $(cat "$work/err")"
fi

# Panels: four PNGs per face at the printer's size and bit depths.
if "$cardface" render "$sample" --panels --printer zebra --out "$work/panels" >/dev/null 2>"$work/err"; then
  for side in front back; do
    for panel_depth in color:8/2 k:1/0 uv:8/0 overlay:1/0; do
      panel=${panel_depth%%:*}
      f=$work/panels/zhengjian-yangben-$side-$panel.png
      [[ -f $f && $(png_size "$f") == 1006x640 && $(png_depth "$f") == "${panel_depth#*:}" ]] && ok ||
        bad "panel $side $panel: $(png_size "$f" 2>/dev/null) $(png_depth "$f" 2>/dev/null)"
    done
  done
else
  bad "panels failed: $(cat "$work/err")"
fi

# impose and proof write one PDF each.
if "$cardface" impose "$sample" "$root/samples/kim-min-jun.json" --sheet a3 --out "$work/sheet.pdf" >/dev/null 2>"$work/err"; then
  pdfinfo "$work/sheet.pdf" | grep -q "Pages:           2" && ok || bad "impose pages"
  pdfinfo "$work/sheet.pdf" | grep -q "841.89 x 1190.55 pts" && ok || bad "impose a3 size: $(pdfinfo "$work/sheet.pdf" | grep size)"
else
  bad "impose failed: $(cat "$work/err")"
fi
if "$cardface" proof "$sample" --out "$work/proof.pdf" >/dev/null 2>"$work/err"; then
  pdftotext "$work/proof.pdf" - | grep -q "id_number: 931586198001010028" && ok || bad "proof lacks the key fields"
else
  bad "proof failed: $(cat "$work/err")"
fi

# Usage errors: exit 2, nothing written.
usage() {
  local name=$1
  shift
  "$cardface" "$@" >/dev/null 2>"$work/err"
  local status=$?
  [[ $status -eq 2 ]] && ok || bad "$name: exit $status, expected 2: $(cat "$work/err")"
}
usage crop-png render "$sample" --crop-marks --out "$work/u1"
usage bleed-png render "$sample" --bleed 3 --out "$work/u2"
usage panels-pdf render "$sample" --panels --format pdf --out "$work/u3"
usage printer render "$sample" --panels --printer hp --out "$work/u4"
usage sheet impose "$sample" --sheet letter --out "$work/u5.pdf"
usage bleed-range render "$sample" --format pdf --bleed 30 --out "$work/u6"
[[ -z $(ls "$work" | grep '^u') ]] && ok || bad "usage errors left files: $(ls "$work")"

# Bad data in a batch: exit 1, the field named, no sheet written, no holder values shown.
printf '{"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK", "id_number": "931586198001010027", "valid_from": "2023-08-08", "valid_until": "2033-08-07"}\n' >"$work/badcheck.json"
for cmd in impose proof; do
  "$cardface" $cmd "$sample" "$work/badcheck.json" --out "$work/bad-$cmd.pdf" >/dev/null 2>"$work/err"
  status=$?
  if [[ $status -ne 1 ]]; then bad "$cmd bad data: exit $status"
  elif ! grep -q id_number "$work/err"; then bad "$cmd bad data: $(cat "$work/err")"
  elif grep -qE 'ZHENGJIAN|YANGBEN' "$work/err"; then bad "$cmd bad data shows holder data"
  elif [[ -e $work/bad-$cmd.pdf ]]; then bad "$cmd bad data left a file"
  else ok; fi
done

# A sheet's seals are signed with --seal-key: the backs page, rasterized by poppler, verifies
# against the record; a missing key file is an error naming it, and leaves no sheet.
"$cardface" keygen --out "$work/key" >/dev/null 2>&1
"$cardface" impose "$sample" --seal-key "$work/key/seal-key.pem" --out "$work/signed.pdf" >/dev/null 2>&1
pdftoppm -r 400 -f 2 -l 2 -png "$work/signed.pdf" "$work/signed"
if "$cardface" verify "$work/signed-2.png" --key "$work/key/seal-public.pem" --data "$sample" >/dev/null 2>&1; then ok; else
  bad "impose --seal-key: the backs page does not verify"
fi
"$cardface" proof "$sample" --seal-key "$work/nokey.pem" --out "$work/nokey.pdf" >/dev/null 2>"$work/err"
if [[ $? -eq 1 && ! -e $work/nokey.pdf ]] && grep -q nokey.pem "$work/err"; then ok; else bad "proof with a missing key: $(cat "$work/err")"; fi

finish
