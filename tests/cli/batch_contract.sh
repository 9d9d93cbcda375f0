#!/usr/bin/env bash
# cardface render BATCH.jsonl|BATCH.csv: same bytes for -j1 and -j2, a bad record reported
# (line, field) while the rest render, --fail-fast, --name patterns, CSV, the report, and a
# run killed with kill -9 then --resume'd ending with exactly the folder of an uninterrupted run.
source "$(dirname "$0")/contract.sh" "$@"
make_holders=$3
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
# sha256 of every file in a folder but the journal, by name.
digest_folder() { (cd "$1" && find . -type f ! -name .cardface-journal | sort | xargs sha256sum); }
no_holder_data() { ! grep -qE 'ZHENGJIAN|YANGBEN|证件样本|931586198001010028|OKONKWO' "$@"; }

cp -r "$root/samples/photos" "$work/photos"
dpi=150  # the contract, not the pixels: keep it quick

# 1. The samples (two card types, mixed): exit 0, one report line per record, both faces each,
#    the same bytes with one worker or two; nothing but the summary on a non-terminal stderr.
cp "$root/samples/cards.jsonl" "$work/cards.jsonl"
records=$(grep -c . "$work/cards.jsonl")
"$cardface" render "$work/cards.jsonl" --dpi $dpi -j 1 --out "$work/j1" >/dev/null 2>"$work/err1"
s1=$?
"$cardface" render "$work/cards.jsonl" --dpi $dpi -j 2 --out "$work/j2" >/dev/null 2>"$work/err2"
s2=$?
if [[ $s1 -eq 0 && $s2 -eq 0 ]]; then ok; else bad "samples: exit $s1 / $s2: $(cat "$work/err1")"; fi
if [[ $(ls "$work/j1"/*.png | wc -l) -eq $((2 * records)) ]]; then ok; else bad "samples: $(ls "$work/j1" | wc -l) files"; fi
if [[ "$(digest_folder "$work/j1")" == "$(digest_folder "$work/j2")" ]]; then ok; else bad "-j1 and -j2 differ"; fi
if [[ $(grep -c '"status":"ok"' "$work/j1/report.jsonl") -eq $records ]]; then ok; else bad "report: $(cat "$work/j1/report.jsonl")"; fi
if [[ $(wc -l <"$work/err2") -eq 1 ]] && grep -q "$records records: $records rendered, 0 unchanged, 0 failed" "$work/err2" &&
  ! grep -q $'\r' "$work/err2"; then ok; else bad "stderr: $(cat -A "$work/err2")"; fi

# A card alone gives the bytes it gives in a batch.
head -1 "$work/cards.jsonl" >"$work/first.json"
"$cardface" render "$work/first.json" --dpi $dpi --out "$work/single" >/dev/null 2>&1
if cmp -s "$work/single/first-front.png" "$work/j1/1-front.png"; then ok; else bad "single card differs from the batch's"; fi

# 2. Bad records among good ones: reported by line and field, the rest render, exit 1.
good=$(head -1 "$root/samples/cards.jsonl")
{
  echo "$good"
  echo "${good/931586198001010028/931586198001010027}"
  echo ""
  echo "${good%\}}"
  echo "${good/\"F\"/\"Q\"}"
  echo "${good/YANGBEN/YANGBEN-B}"
} >"$work/mixed.jsonl"
"$cardface" render "$work/mixed.jsonl" --dpi $dpi --out "$work/mixed" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 ]]; then ok; else bad "mixed: exit $status, expected 1"; fi
if grep -q "line 2: id_number: check character" "$work/err" && grep -q "line 4: .*not valid JSON" "$work/err" &&
  grep -q "line 5: sex:" "$work/err"; then ok; else bad "mixed stderr: $(cat "$work/err")"; fi
if [[ -f "$work/mixed/1-front.png" && -f "$work/mixed/6-back.png" && ! -e "$work/mixed/2-front.png" &&
  ! -e "$work/mixed/4-front.png" ]]; then ok; else bad "mixed files: $(ls "$work/mixed")"; fi
if grep -q '"line":2,"status":"failed","problems":\[{"where":"id_number"' "$work/mixed/report.jsonl" &&
  [[ $(wc -l <"$work/mixed/report.jsonl") -eq 5 ]]; then ok; else bad "mixed report: $(cat "$work/mixed/report.jsonl")"; fi
if no_holder_data "$work/err" "$work/mixed/report.jsonl"; then ok; else bad "holder data in messages"; fi
if grep -q "5 records: 2 rendered, 0 unchanged, 3 failed" "$work/err"; then ok; else bad "mixed summary: $(cat "$work/err")"; fi

# 3. --fail-fast stops at the first failure.
{
  echo "${good/931586198001010028/931586198001010027}"
  echo "$good"
  echo "$good"
} >"$work/first-bad.jsonl"
"$cardface" render "$work/first-bad.jsonl" --dpi $dpi -j 1 --fail-fast --out "$work/ff" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 && -z $(ls "$work/ff"/*.png 2>/dev/null) ]] && grep -q "stopped at the first failure" "$work/err"; then ok; else
  bad "--fail-fast: exit $status, $(ls "$work/ff") $(cat "$work/err")"
fi

# 4. --name: by a field; unsafe names and names given twice are errors naming the line.
"$cardface" render "$work/cards.jsonl" --dpi $dpi --side front --name '{id_number}' --out "$work/named" >/dev/null 2>"$work/err"
if [[ -f "$work/named/931586198001010028-front.png" && -f "$work/named/FRA310078090226-front.png" ]]; then ok; else bad "--name: $(ls "$work/named")"; fi
if cmp -s "$work/named/931586198001010028-front.png" "$work/j1/1-front.png"; then ok; else bad "--name changed the pixels"; fi
"$cardface" render "$work/cards.jsonl" --dpi $dpi --name '{surname}/x' --out "$work/unsafe" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 ]] && grep -q "line 1: --name: the file name it gives contains a path separator" "$work/err" &&
  no_holder_data "$work/err" && [[ -z $(ls "$work/unsafe"/*.png 2>/dev/null) ]]; then ok; else bad "unsafe --name: exit $status $(cat "$work/err")"; fi
"$cardface" render "$work/cards.jsonl" --dpi $dpi --name 'card' --out "$work/twice" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 && -f "$work/twice/card-front.png" ]] && grep -q "line 2: --name: gives the same file name as line 1" "$work/err"; then ok; else
  bad "same --name twice: exit $status $(cat "$work/err")"
fi
"$cardface" render "$work/cards.jsonl" --dpi $dpi --name '{no_such_field}' --out "$work/unknown" >/dev/null 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "no_such_field" "$work/err"; then ok; else bad "unknown --name key: $(cat "$work/err")"; fi

# 5. CSV: a header of field names; quoted cells; a blank optional cell is "none"; the same
#    record gives the same bytes as in JSON Lines; a row with too few cells names its line.
cat >"$work/cards.csv" <<'CSV'
type,surname,given_names,name_zh,sex,date_of_birth,nationality,id_number,valid_from,valid_until,photo
fprc-2023,ZHENGJIAN,"YANGBEN",证件样本,F,1980-01-01,PAK,931586198001010028,2023-08-08,2033-08-07,photos/s00.png
fprc-2023,OKONKWO,"CHIDINMA ADAEZE",,F,1992-11-30,NGA,944566199211300027,2025-06-01,2035-05-31,photos/s03.png
fprc-2023,SHORT,ROW
CSV
"$cardface" render "$work/cards.csv" --dpi $dpi -j 2 --out "$work/csv" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 ]] && grep -q "line 4: row: has 3 cells; the header row has 11" "$work/err"; then ok; else bad "csv: exit $status $(cat "$work/err")"; fi
if cmp -s "$work/csv/2-front.png" "$work/j1/1-front.png" && cmp -s "$work/csv/3-back.png" "$work/j1/4-back.png"; then ok; else
  bad "csv records differ from the same records in JSON Lines: $(ls "$work/csv")"
fi

# 6. Batch options with one card are usage errors; -j is not: it draws the card's faces and
#    its layout checks at once, and the files are the same bytes at any -j.
"$cardface" render "$work/first.json" --name '{id_number}' --out "$work/x" >/dev/null 2>&1
if [[ $? -eq 2 ]]; then ok; else bad "--name with one card: expected exit 2"; fi
"$cardface" render "$work/first.json" --dpi $dpi -j 1 --out "$work/one-j1" >/dev/null 2>&1 &&
  "$cardface" render "$work/first.json" --dpi $dpi -j 2 --out "$work/one-j2" >/dev/null 2>&1
if [[ $? -eq 0 && -n $(ls "$work/one-j1") ]] && diff -r "$work/one-j1" "$work/one-j2" >/dev/null; then
  ok
else
  bad "one card at -j 1 and -j 2: $(ls "$work/one-j1" "$work/one-j2" 2>&1 | tr '\n' ' ')"
fi

# 7. kill -9 in the middle, then --resume: the folder equals an uninterrupted run's, and the
#    resumed run renders only what was missing.
"$make_holders" 40 photos >"$work/holders.jsonl"
"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 --out "$work/whole" >/dev/null 2>&1 || bad "uninterrupted run failed"
"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 --out "$work/killed" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  [[ $(ls "$work/killed" 2>/dev/null | grep -c 'png$') -ge 12 ]] && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
before=$(ls "$work/killed" | grep -c 'png$')
if [[ $before -ge 12 && $before -lt 80 ]]; then ok; else bad "kill -9 came at $before files (wanted between 12 and 80)"; fi
"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 --resume --out "$work/killed" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 0 ]] && grep -qE "40 records: [0-9]+ rendered, [1-9][0-9]* unchanged, 0 failed" "$work/err"; then ok; else bad "resume: exit $status $(cat "$work/err")"; fi
if [[ "$(digest_folder "$work/killed")" == "$(digest_folder "$work/whole")" ]]; then ok; else
  bad "resumed folder differs: $(diff <(digest_folder "$work/killed") <(digest_folder "$work/whole") | head -5)"
fi
if [[ -z $(find "$work/killed" -name '.*' -type f ! -name .cardface-journal) ]]; then ok; else bad "temporary files left"; fi

# A changed record is rendered again on --resume; the others are not.
sed -i '7s/"2024-03-01"/"2024-03-02"/' "$work/holders.jsonl"
"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 --resume --out "$work/killed" >/dev/null 2>"$work/err"
if grep -q "40 records: 1 rendered, 39 unchanged, 0 failed" "$work/err"; then ok; else bad "resume after a change: $(cat "$work/err")"; fi
# A file deleted behind the journal's back is rendered again.
rm "$work/killed/3-back.png"
"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 --resume --out "$work/killed" >/dev/null 2>"$work/err"
if grep -q "40 records: 1 rendered, 39 unchanged, 0 failed" "$work/err" && cmp -s "$work/killed/3-back.png" "$work/whole/3-back.png"; then ok; else
  bad "resume after a deletion: $(cat "$work/err")"
fi

# A batch signs every card's seal with --seal-key (300 dpi so the reader has modules to read);
# a resume with another key renders everything again. PDF/SVG/panels are for single cards.
"$cardface" keygen --out "$work/key" >/dev/null 2>&1
"$cardface" keygen --out "$work/key2" >/dev/null 2>&1
head -3 "$work/cards.jsonl" >"$work/three.jsonl"
"$cardface" render "$work/three.jsonl" --dpi 300 --seal-key "$work/key/seal-key.pem" --out "$work/signed" >/dev/null 2>&1
if "$cardface" verify "$work/signed/2-back.png" --key "$work/key/seal-public.pem" >/dev/null 2>&1; then ok; else bad "a batch's seal does not verify"; fi
"$cardface" render "$work/three.jsonl" --dpi 300 --seal-key "$work/key2/seal-key.pem" --resume --out "$work/signed" >/dev/null 2>"$work/err"
if grep -q "3 records: 3 rendered, 0 unchanged" "$work/err" &&
  "$cardface" verify "$work/signed/2-back.png" --key "$work/key2/seal-public.pem" >/dev/null 2>&1; then ok; else
  bad "resume with another key: $(cat "$work/err")"
fi
"$cardface" render "$work/three.jsonl" --format pdf --out "$work/pdfbatch" >/dev/null 2>"$work/err"
s=$?
if [[ $s -eq 1 && ! -e "$work/pdfbatch/1.pdf" ]] && grep -q -- "--format" "$work/err"; then ok; else bad "batch --format pdf: exit $s"; fi

finish
