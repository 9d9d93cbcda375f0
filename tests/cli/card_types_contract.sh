#!/usr/bin/env bash
# A new card as data only, as a user makes it in a folder of their own: the employee badge of
# tests/golden/card-types copied to a scratch folder renders, signs its own seal profile and
# `verify` finds it genuine; its bad records are refused naming the field; `types` lists it;
# a folder without template.json says so; the national ID's MRZ comes from its template.
source "$(dirname "$0")/contract.sh" "$@"

cp -r "$root/tests/golden/card-types/employee-badge/badge" "$work/badge"
cp "$root/samples/photos/s03.png" "$work/alex.png"
cat >"$work/alex.json" <<'JSON'
{"type": "employee-badge", "full_name": "ALEX TAYLOR", "employee_number": "10000008",
 "department": "FIN", "job_title": "Accountant", "valid_from": "2025-01-01",
 "valid_until": "2027-12-31", "photo": "alex.png"}
JSON

# 1. Renders by the folder's own type, signed; verify reads the badge's own profile back.
"$cardface" keygen --out "$work/keys" >/dev/null 2>&1 || bad "keygen"
if "$cardface" render "$work/alex.json" --template "$work/badge" --seal-key "$work/keys/seal-key.pem" --dpi 300 --out "$work/out" 2>"$work/err"; then
  [[ -s $work/out/alex-front.png && -s $work/out/alex-back.png ]] && ok || bad "no faces"
else
  bad "badge render: $(cat "$work/err")"
fi
"$cardface" verify "$work/out/alex-back.png" --key "$work/keys/seal-cert.pem" --types "$work/badge" --data "$work/alex.json" >"$work/verify.json" 2>"$work/err"
[[ $? -eq 0 ]] && grep -q '"status": "genuine"' "$work/verify.json" && ok || bad "verify: $(cat "$work/err")"
grep -q '"department": "FIN"' "$work/verify.json" && grep -q '"feature_reference": 241' "$work/verify.json" && ok || bad "seal fields: $(cat "$work/verify.json")"
# Without the type, the profile is unknown: malformed, exit 1.
"$cardface" verify "$work/out/alex-back.png" --key "$work/keys/seal-cert.pem" >/dev/null 2>"$work/err"
[[ $? -eq 1 ]] && grep -q "known card type's profile" "$work/err" && ok || bad "verify without the type: $(cat "$work/err")"

# 2. Bad records: the field is named, the value is not shown, nothing is written.
refuse() {  # NAME FIELD-MESSAGE JSON-EDIT
  sed "$3" "$work/alex.json" >"$work/bad.json"
  expect_refused "$1" "$2" "ALEX|Accountant|99999999" "$work/out-$1" -- \
    "$cardface" render "$work/bad.json" --template "$work/badge" --out "$work/out-$1"
}
refuse department 'department: must be one of "ENG", "FIN", "OPS"' 's/"FIN"/"SALES"/'
refuse luhn 'employee_number: check character is 9, expected 8' 's/10000008/10000009/'
refuse digits 'employee_number: must hold only digits 0-9' 's/10000008/1000000A/'
refuse title 'job_title: is required' 's/"job_title": "Accountant", //'
refuse dates 'valid_until: is not after valid_from' 's/2027-12-31/2024-12-31/'
refuse typo 'jobtitle: unknown field; did you mean "job_title"?' 's/"job_title"/"jobtitle"/'

# 3. types: the folder's type with where it came from; its fields.
"$cardface" types --types "$work/badge" >"$work/types" 2>"$work/err"
grep -q "^employee-badge	$work/badge/card-type.json" "$work/types" && grep -q "^fprc-2023	" "$work/types" && ok || bad "types: $(cat "$work/types" "$work/err")"
"$cardface" types employee-badge --types "$work/badge" >"$work/fields" 2>&1
grep -q "department *enum" "$work/fields" && grep -q "FIN  en: Finance  zh: 财务部" "$work/fields" && ok || bad "types NAME: $(cat "$work/fields")"
"$cardface" types no-such-type >/dev/null 2>"$work/err"
[[ $? -eq 1 ]] && grep -q "type: is not a known card type" "$work/err" && ok || bad "unknown type: $(cat "$work/err")"

# 4. A folder without template.json, and a type file fault with its JSON path.
mkdir -p "$work/empty"
expect_refused no-template "$work/empty: no template.json in this directory" "ALEX" "$work/out-empty" -- \
  "$cardface" render "$work/alex.json" --template "$work/empty" --out "$work/out-empty"
sed 's/"kind": "enum"/"kind": "enumeration"/' "$work/badge/card-type.json" >"$work/card-type.json"
mkdir -p "$work/broken" && cp "$work/card-type.json" "$work/broken/card-type.json" && cp "$work/badge/template.json" "$work/broken/"
expect_refused type-fault "$work/broken/card-type.json:/fields/3/kind: must be one of" "ALEX" "$work/out-broken" -- \
  "$cardface" render "$work/alex.json" --template "$work/broken" --out "$work/out-broken"

# 5. The national ID card: its MRZ from its own folder's type and template.
cp -r "$root/tests/golden/card-types/national-id/national-id" "$work/nid"
sed 's#../../../../samples/photos/s07.png#alex.png#' "$root/tests/golden/card-types/national-id/ana-lucia.json" >"$work/ana.json"
"$cardface" mrz "$work/ana.json" --template "$work/nid" >"$work/mrz" 2>"$work/err"
# Doc 9303's own specimen number L898902C3 has check digit 6.
[[ $(head -1 "$work/mrz") == "IDUTOL898902C36<<<<<<<<<<<<<<<" ]] && ok || bad "mrz: $(cat "$work/mrz" "$work/err")"
sed 's/"place_of_birth": "Port Amity", //' "$work/ana.json" >"$work/ana-bad.json"
expect_refused place "place_of_birth: is required" "MORAES|Harbour" "$work/out-nid" -- \
  "$cardface" render "$work/ana-bad.json" --template "$work/nid" --out "$work/out-nid"

finish
