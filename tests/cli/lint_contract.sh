#!/usr/bin/env bash
# cardface lint and render's layout warnings: exit 0 clean, 1 with errors; --json for CI; a
# finding is one line naming side, element and rule; render --strict refuses and writes nothing.
source "$(dirname "$0")/contract.sh" "$@"

td1="$root/samples/eriksson-anna-maria.json"
broken="$root/tests/lint/broken"

# Clean: the bundled templates with their sample records, and the static parts alone.
for t in fprc-2023 fprc-2017; do
  mapfile -t records < <(grep -l "\"type\": \"$t\"" "$root"/samples/*.json)
  if "$cardface" lint "$t" "${records[@]}" >"$work/out" 2>&1; then ok; else bad "lint $t: $(cat "$work/out")"; fi
done
if "$cardface" lint icao-td1 "$td1" >"$work/out" 2>&1; then ok; else bad "lint icao-td1: $(cat "$work/out")"; fi
if "$cardface" lint fprc-2023 >"$work/out" 2>&1; then ok; else bad "lint static parts: $(cat "$work/out")"; fi

# A broken template: exit 1, one line naming the side, element and rule.
"$cardface" lint "$broken/date-under-barcode" "$td1" >"$work/out" 2>"$work/err"
status=$?
if [[ $status -eq 1 ]] && grep -qF "front expiry: overlap (error): text lies under barcode 'qr'" "$work/out"; then ok; else bad "lint broken: exit $status: $(cat "$work/out")"; fi
if [[ $(wc -l <"$work/out") -eq 1 ]]; then ok; else bad "lint broken: $(wc -l <"$work/out") lines"; fi

# Warnings exit 0, and 1 with --strict.
"$cardface" lint "$broken/k-not-black" "$td1" >/dev/null 2>&1
status=$?
if [[ $status -eq 0 ]]; then ok; else bad "warning only: exit $status, expected 0"; fi
"$cardface" lint --strict "$broken/k-not-black" "$td1" >/dev/null 2>&1
status=$?
if [[ $status -eq 1 ]]; then ok; else bad "warning --strict: exit $status, expected 1"; fi

# --json: the finding's fields, and the record's line in a batch file.
{ head -n 1 "$root/samples/cards.jsonl"; tr -d '\n' <"$td1"; echo; } |
  sed "s|\"photos/|\"$root/samples/photos/|" >"$work/two.jsonl"
"$cardface" lint --json "$broken/uv-over-mrz" "$work/two.jsonl" >"$work/json" 2>/dev/null
status=$?
# One finding (the uv mark, back, on line 2) and one problem (line 1 is another card type).
if [[ $status -eq 1 ]] && [[ $(grep -c '"rule": "uv-over-mrz"' "$work/json") -eq 1 ]] &&
  sed -n '/"findings"/,/"problems"/p' "$work/json" | grep -qF '"line": 2' &&
  grep -qF '"element": "uv-mark"' "$work/json" && grep -qF '"side": "back"' "$work/json" &&
  grep -qF '"errors": 2' "$work/json" && sed -n '/"problems"/,$p' "$work/json" | grep -qF '"line": 1'; then ok; else bad "lint --json: exit $status: $(cat "$work/json")"; fi

# render: findings are warnings on stderr, files written; --strict exits 1 and writes nothing.
"$cardface" render "$td1" -t "$broken/texts-overlap" -o "$work/warn" --dpi 100 >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 0 ]] && grep -qF "cardface: warning: front name: overlap (error)" "$work/err" && [[ -f "$work/warn/eriksson-anna-maria-front.png" ]]; then ok; else bad "render warns: exit $status: $(cat "$work/err")"; fi
mkdir -p "$work/strict"
expect_refused "render --strict" "front name: overlap" "ERIKSSON|ANNA" "$work/strict" -- \
  "$cardface" render "$td1" -t "$broken/texts-overlap" -o "$work/strict" --strict --dpi 100
expect_refused "render --strict --format pdf" "front name: overlap" "ERIKSSON|ANNA" "$work/strict" -- \
  "$cardface" render "$td1" -t "$broken/texts-overlap" -o "$work/strict" --strict --format pdf
if "$cardface" render "$td1" -t icao-td1 -o "$work/clean" --strict --dpi 100 >/dev/null 2>"$work/err" && [[ ! -s "$work/err" ]]; then ok; else bad "render --strict clean: $(cat "$work/err")"; fi

# A batch renders and lists each record's findings (those that need no pixels) in its report.
{ tr -d '\n' <"$td1"; echo; } | sed "s|\"photos/|\"$root/samples/photos/|" >"$work/td1.jsonl"
"$cardface" render "$work/td1.jsonl" -t "$broken/texts-overlap" -o "$work/batch" --dpi 300 >/dev/null 2>&1
status=$?
if [[ $status -eq 0 ]] && [[ $(wc -l <"$work/batch/report.jsonl") -eq 1 ]] &&
  grep -qF '"status":"ok"' "$work/batch/report.jsonl" &&
  grep -qF '"findings":[{"side":"front","element":"name","rule":"overlap","severity":"error"' "$work/batch/report.jsonl" &&
  [[ $(grep -o '"rule":' "$work/batch/report.jsonl" | wc -l) -eq 1 ]]; then ok; else bad "batch report findings: exit $status: $(cat "$work/batch/report.jsonl" 2>&1)"; fi

finish
