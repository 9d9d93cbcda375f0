#!/usr/bin/env bash
# Hostile inputs (issue #15), generated here: each is refused with exit 1 and a message naming
# the field, JSON path or file, within 10 s and 1 GB peak RSS, writing no output file; a batch
# of 200,000 bad records takes at most 60 s and prints a few hundred stderr lines ending with
# the count and the report's path. With CARDFACE_SANITIZED=1 (the ASan/UBSan suite) the time
# and memory bounds are not checked (the sanitizers' own overhead) and the batch is 20,000.
source "$(dirname "$0")/contract.sh" "$@"

sanitized=${CARDFACE_SANITIZED:-0}
base='"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN", "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK", "id_number": "931586198001010028", "valid_from": "2023-08-08", "valid_until": "2033-08-07"'
holder='ZHENGJIAN|YANGBEN|证件样本|931586198001010028'
cp "$root/samples/photos/s00.png" "$work/p.png"
printf '{%s, "photo": "p.png"}\n' "$base" >"$work/good.json"

# within_budget NAME SECONDS: the last /usr/bin/time run (in $work/time) kept to the bounds.
within_budget() {
  [[ $sanitized == 1 ]] && return
  local seconds kb
  read -r seconds kb < <(tail -1 "$work/time")
  echo "$1: $seconds s, $((kb / 1024)) MB peak"
  if awk -v s="$seconds" -v l="$2" 'BEGIN { exit !(s <= l) }' && ((kb <= 1048576)); then ok; else
    bad "$1: $seconds s, $((kb / 1024)) MB peak (at most $2 s, 1024 MB)"
  fi
}

# refused NAME NEEDLE -- COMMAND...: expect_refused (exit 1, NEEDLE, no holder data, no output
# in $work/out-NAME), timed.
refused() {
  local name=$1 needle=$2
  shift 3
  expect_refused "$name" "$needle" "$holder" "$work/out-$name" -- \
    /usr/bin/time -f '%e %M' -o "$work/time" "$@"
  within_budget "$name" 10
}

# 1. A number out of range (nlohmann's out_of_range 406) in a record, a template, a batch line.
printf '{%s, "photo": "p.png", "sex": 1e400}\n' "${base/\"sex\": \"F\", /}" >"$work/e400.json"
refused record-1e400 "e400.json: is not valid JSON: number out of range at /sex (line 1," -- \
  "$cardface" render "$work/e400.json" --out "$work/out-record-1e400"

mkdir -p "$work/t-e400"
printf '{"name": "x", "card_types": ["fprc-2023"], "size": {"width": 1e400, "height": 54},
  "sides": {"front": {"elements": []}}}\n' >"$work/t-e400/template.json"
refused template-1e400 "template.json: is not valid JSON: number out of range at /size/width (line 1," -- \
  "$cardface" render "$work/good.json" -t "$work/t-e400" --out "$work/out-template-1e400"

{ cat "$work/good.json"; printf '{%s, "photo": "p.png", "sex": -1e400}\n' "${base/\"sex\": \"F\", /}"; } >"$work/e400.jsonl"
"$cardface" render "$work/e400.jsonl" --dpi 100 --out "$work/batch-e400" >/dev/null 2>"$work/err"
if [[ $? -eq 1 ]] && grep -qF "line 2: (json): is not valid JSON: number out of range at /sex" "$work/err" &&
  grep -q "2 records: 1 rendered, 0 unchanged, 1 failed" "$work/err"; then ok; else bad "batch-1e400: $(cat "$work/err")"; fi

# 2. Images that claim 20000 x 20000 pixels in a 65-byte PNG and a 636-byte JPEG: refused from
#    the header, as the holder's photo.
for image in claims-20000x20000-65-bytes.png claims-20000x20000-636-bytes.jpg claims-8000x8000.jpg; do
  cp "$root/tests/fuzz/regress/image/$image" "$work/$image"
  printf '{%s, "photo": "%s"}\n' "$base" "$image" >"$work/photo.json"
  refused "photo-$image" "photo: image too large" -- \
    "$cardface" render "$work/photo.json" --out "$work/out-photo-$image"
done

# 3. Templates whose generated art or element count is beyond the side's budget, and numbers
#    that scale work: refused at load, naming the JSON path and the figure.
template() { # name, elements (JSON)
  mkdir -p "$work/t-$1"
  printf '{"name": "%s", "card_types": ["fprc-2023"], "sides": {"front": {"elements": [%s]}}}\n' \
    "$1" "$2" >"$work/t-$1/template.json"
}
template_refused() { # name, elements, needle
  template "$1" "$2"
  refused "template-$1" "$3" -- "$cardface" render "$work/good.json" -t "$work/t-$1" --out "$work/out-$1"
}
template_refused rosette '{"panel": "color", "kind": "guilloche", "pattern": "rosette", "cx": 40, "cy": 25, "R": 20, "r": 3, "curves": 100000, "samples": 100000, "turns": 100000, "stroke_width": 0.05}' \
  "/sides/front/elements/0: brings this side's curve segments to 10000000000; at most 1000000"
template_refused wave '{"panel": "color", "kind": "guilloche", "pattern": "wave_band", "x": 0, "y": 0, "width": 85, "height": 50, "wavelength": 5, "lines": 100000, "samples": 100000, "stroke_width": 0.05}' \
  "/sides/front/elements/0: brings this side's curve segments to 10000000000"
template_refused size-1e6 '{"panel": "color", "kind": "text", "x": 1, "y": 5, "text": "X", "size": 1e6}' "/sides/front/elements/0/size: must be at most 500"
template_refused size-1e9 '{"panel": "color", "kind": "text", "x": 1, "y": 5, "text": "X", "size": 1e9}' "/sides/front/elements/0/size: must be at most 500"
template_refused spacing '{"panel": "color", "kind": "text", "x": 1, "y": 5, "text": "XY", "size": 9, "letter_spacing": 1e300}' \
  "/sides/front/elements/0/letter_spacing: must be at most 50"
rect='{"panel": "color", "kind": "rect", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "#000000"}'
template_refused elements "$(yes "$rect" | head -5001 | paste -sd,)" "/sides/front/elements/5000: more than 5000 elements on this side"

# A million elements (63 MB of JSON): refused by its size before it is parsed.
mkdir -p "$work/t-million"
{
  printf '{"name": "m", "card_types": ["fprc-2023"], "sides": {"front": {"elements": ['
  yes "$rect," | head -999999
  printf '%s]}}}\n' "$rect"
} >"$work/t-million/template.json"
refused template-million "template.json: is " -- \
  "$cardface" render "$work/good.json" -t "$work/t-million" --out "$work/out-template-million"

# 4. Long values: a 50 MB surname in a record, a 10 MB cell in a CSV batch.
{
  printf '{%s, "photo": "p.png", "surname": "' "${base/\"surname\": \"ZHENGJIAN\", /}"
  head -c 50000000 /dev/zero | tr '\0' 'A'
  printf '"}\n'
} >"$work/long.json"
refused surname-50mb "surname: is 50000000 characters long; at most 64" -- \
  "$cardface" render "$work/long.json" --out "$work/out-surname-50mb"

{
  printf 'type,surname,given_names,sex,date_of_birth,nationality,id_number,valid_from,valid_until,photo\n'
  printf 'fprc-2023,'
  head -c 10000000 /dev/zero | tr '\0' 'A'
  printf ',YANGBEN,F,1980-01-01,PAK,931586198001010028,2023-08-08,2033-08-07,p.png\n'
} >"$work/cell.csv"
/usr/bin/time -f '%e %M' -o "$work/time" "$cardface" render "$work/cell.csv" --out "$work/out-cell" >/dev/null 2>"$work/err"
if [[ $? -eq 1 ]] && grep -qF "line 2: row: column surname: a cell longer than 65536 bytes" "$work/err" &&
  [[ -z $(ls "$work/out-cell" | grep -v report.jsonl) ]]; then ok; else bad "csv-cell: $(head -c 500 "$work/err")"; fi
within_budget csv-cell 10

# 5. A face too large for memory at the asked dpi.
refused dpi "dpi: a 85.6 x 53.98 mm face at 4800 dpi is" -- \
  "$cardface" render "$work/good.json" --dpi 4800 --out "$work/out-dpi"

# 6. 200,000 bad records: stderr capped (every problem still in the report), the count and the
#    report's path last.
count=200000
[[ $sanitized == 1 ]] && count=20000
bad_record=$(printf '{%s, "photo": "p.png"}' "${base/931586198001010028/931586198001010027}")
yes "$bad_record" | head -$count >"$work/bad.jsonl"
/usr/bin/time -f '%e %M' -o "$work/time" "$cardface" render "$work/bad.jsonl" --out "$work/out-bad" >/dev/null 2>"$work/err"
status=$?
lines=$(wc -l <"$work/err")
if [[ $status -eq 1 ]] && ((lines <= 300)) &&
  tail -1 "$work/err" | grep -qF "$count records: 0 rendered, 0 unchanged, $count failed" &&
  tail -1 "$work/err" | grep -qF "report: $work/out-bad/report.jsonl" &&
  [[ $(grep -c '"status":"failed"' "$work/out-bad/report.jsonl") -eq $count ]] &&
  [[ -z $(ls "$work/out-bad" | grep -v report.jsonl) ]]; then ok; else
  bad "bad batch: exit $status, $lines stderr lines: $(tail -3 "$work/err")"
fi
if ! grep -qE "$holder" "$work/err"; then ok; else bad "bad batch: stderr shows holder data"; fi
within_budget bad-batch 60

finish
