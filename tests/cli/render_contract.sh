#!/usr/bin/env bash
# cardface render: good data renders both faces at the stated size; every kind of bad input
# exits 1 (2 for usage), names the field or file, never shows the holder's values, and leaves
# no output file.
source "$(dirname "$0")/contract.sh" "$@"

# A record written from the specimen holder with one field changed (jq-free: python-free too).
base='"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN", "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK", "id_number": "931586198001010028", "valid_from": "2023-08-08", "valid_until": "2033-08-07"'
cp "$root/samples/photos/s00.png" "$work/p.png"
record() { # name, json body
  printf '%s\n' "$2" >"$work/$1.json"
}

# 1. The good card: both faces, 2022 x 1275 at 600 dpi.
record good "{$base, \"photo\": \"p.png\"}"
if "$cardface" render "$work/good.json" --out "$work/out-good" >/dev/null 2>"$work/err"; then
  for side in front back; do
    f="$work/out-good/good-$side.png"
    if [[ -f "$f" && $(png_size "$f") == 2022x1275 ]]; then ok; else bad "good $side: $(png_size "$f" 2>/dev/null)"; fi
  done
else
  bad "good card failed: $(cat "$work/err")"
fi

# 2. Bad data: name, JSON body, the text stderr must contain.
expect_invalid() {
  local name=$1 body=$2 needle=$3
  record "$name" "$body"
  expect_refused "$name" "$needle" 'ZHENGJIAN|YANGBEN|证件样本' "$work/out-$name" -- \
    "$cardface" render "$work/$name.json" --out "$work/out-$name"
}

expect_invalid check "{${base/931586198001010028/931586198001010027}, \"photo\": \"p.png\"}" "id_number"
expect_invalid birth "{${base/1980-01-01/1980-01-02}, \"photo\": \"p.png\"}" "date_of_birth"
expect_invalid sex "{${base/\"F\"/\"M\"}, \"photo\": \"p.png\"}" "sex"
expect_invalid nationality "{${base/PAK/XXX}, \"photo\": \"p.png\"}" "nationality"
expect_invalid missing "{${base/\"surname\": \"ZHENGJIAN\", /}, \"photo\": \"p.png\"}" "surname"
expect_invalid type "{${base/\"F\"/7}, \"photo\": \"p.png\"}" "sex"
expect_invalid date "{${base/2023-08-08/2023-02-29}, \"photo\": \"p.png\"}" "valid_from"
expect_invalid malformed "{${base}, \"photo\": \"p.png\"" "malformed"
expect_invalid nophoto "{$base, \"photo\": \"nope.png\"}" "photo"
printf 'not an image' >"$work/text.png"
expect_invalid notimage "{$base, \"photo\": \"text.png\"}" "photo"
expect_invalid emoji "{${base/YANGBEN/YANG😀BEN}, \"photo\": \"p.png\"}" "given_names"
expect_invalid control "{${base/YANGBEN/YANG\\u0007BEN}, \"photo\": \"p.png\"}" "given_names"
long=$(printf 'A%.0s' {1..3000})
expect_invalid long "{${base/ZHENGJIAN/$long}, \"photo\": \"p.png\"}" "surname"
# A character no bundled font has (outside the 8,105 standard characters) is an error naming it.
rare=$'\U0002C13C'
expect_invalid glyph "{${base/证件样本/证$rare}, \"photo\": \"p.png\"}" "name_zh: U+2C13C"
expect_invalid typo "{${base/surname/surnmae}, \"photo\": \"p.png\"}" "surnmae"

# 3. An unknown template is invalid too.
"$cardface" render "$work/good.json" --template no-such-template --out "$work/out-tmpl" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 ]] && grep -q "no-such-template" "$work/err" && [[ -z $(ls -A "$work/out-tmpl" 2>/dev/null) ]]; then ok; else bad "unknown template: exit $status $(cat "$work/err")"; fi

# 4. Usage errors exit 2.
"$cardface" render "$work/good.json" >/dev/null 2>&1
status=$?
if [[ $status -eq 2 ]]; then ok; else bad "missing --out: exit $status, expected 2"; fi
"$cardface" render "$work/good.json" --side sideways --out "$work/x" >/dev/null 2>&1
status=$?
if [[ $status -eq 2 ]]; then ok; else bad "bad --side: exit $status, expected 2"; fi

# 5. Without --side, every side the template has: a back-only template writes its back alone;
#    --side both asks for a front it has not.
one_side=$root/tests/golden/barcode/symbologies/template
"$cardface" render "$root/samples/zhengjian-yangben.json" -t "$one_side" --dpi 100 --out "$work/one-side" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 0 && "$(ls "$work/one-side")" == "zhengjian-yangben-back.png" ]]; then ok; else
  bad "one-sided template: exit $status, wrote $(ls "$work/one-side" 2>/dev/null | tr '\n' ' ') $(cat "$work/err")"
fi
"$cardface" render "$root/samples/zhengjian-yangben.json" -t "$one_side" --side both --dpi 100 --out "$work/both-sides" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 1 ]] && grep -q 'has no front side' "$work/err" && [[ -z $(ls -A "$work/both-sides" 2>/dev/null) ]]; then ok; else
  bad "--side both on a one-sided template: exit $status $(cat "$work/err")"
fi

finish
