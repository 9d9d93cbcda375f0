#!/usr/bin/env bash
# `cardface test` as a template author's CI meets it: a repository of its own in a scratch
# folder (a copied specimen template, two records, three cases, one a 1200 dpi crop). Passes;
# one colour changed in the template fails exactly the cases that show it, with the changed
# area in mm, a JUnit file and an HTML report that headless Chromium shows; --update makes it
# pass again; broken case files are refused with exit 2, naming the file and the key.
#   user_repository_test.sh CARDFACE SOURCE_ROOT
source "$2/tests/cli/contract.sh" "$@"
cardface=$(realpath "$cardface")  # the test works from inside the repository it builds
root=$(realpath "$root")
expect_exit() {  # NAME WANT GOT
  if [[ $3 -eq $2 ]]; then ok; else bad "$1: exit $3, expected $2"; fi
}
expect_in() {  # NAME NEEDLE FILE
  if grep -qF -- "$2" "$3"; then ok; else bad "$1: '$2' not in $3: $(head -c 2000 "$3")"; fi
}

repo=$work/repo
mkdir -p "$repo/templates" "$repo/records/photos" "$repo/tests/golden"
cp -r "$root/templates/fprc-2023" "$repo/templates/acme-resident"
cp "$root/samples/zhengjian-yangben.json" "$root/samples/smith-john-paul.json" "$repo/records/"
cp "$root/samples/photos/s00.png" "$root/samples/photos/s01.png" "$repo/records/photos/"

make_case() {  # NAME JSON
  mkdir -p "$repo/tests/golden/$1"
  printf '%s\n' "$2" >"$repo/tests/golden/$1/case.json"
}
make_case zhengjian '{"description": "both faces", "data": "../../../records/zhengjian-yangben.json",
  "template": "../../../templates/acme-resident", "dpi": 300}'
make_case smith-back '{"data": "../../../records/smith-john-paul.json",
  "template": "../../../templates/acme-resident", "dpi": 300, "sides": ["back"]}'
# The left edge of the front's specimen box (x 59.5, y 40.2 mm, stroke 0.35 mm) at 1200 dpi.
make_case specimen-corner-1200dpi '{"data": "../../../records/zhengjian-yangben.json",
  "template": "../../../templates/acme-resident", "dpi": 1200, "sides": ["front"],
  "crop_mm": [57, 38, 6, 6]}'

cd "$repo"
# No references yet: broken (exit 2) until --update creates them.
"$cardface" test tests/golden >"$work/out" 2>"$work/err"
expect_exit "no references" 2 $?
expect_in "no references" "tests/golden/zhengjian/front.png: no reference image" "$work/err"
"$cardface" test --update tests/golden >"$work/out" 2>"$work/err"
expect_exit "create references" 0 $?
expect_in "create references" "created tests/golden/specimen-corner-1200dpi/front.png" "$work/out"
[[ $(grep -c "^    created " "$work/out") -eq 4 ]] && ok || bad "expected 4 references created: $(cat "$work/out")"
size=$(png_size tests/golden/specimen-corner-1200dpi/front.png)
[[ $size == 283x283 ]] && ok || bad "1200 dpi crop of 6 x 6 mm is $size, expected round(6/25.4*1200) = 283 square"

"$cardface" test tests/golden -j 2 --junit "$work/pass.xml" >"$work/out" 2>"$work/err"
expect_exit "all pass" 0 $?
expect_in "all pass" "3 cases: 3 passed, 0 failed" "$work/out"
expect_in "all pass junit" 'tests="3" failures="0" errors="0"' "$work/pass.xml"

# One colour changed: the front's specimen box stroke, red to blue.
python3 - "$repo/templates/acme-resident/template.json" <<'EOF'
import json, sys
path = sys.argv[1]
t = json.load(open(path, encoding="utf-8"))
box = next(e for e in t["sides"]["front"]["elements"] if e.get("id") == "specimen-box")
assert box["stroke"] == "#c8102e", box
box["stroke"] = "#1060c0"
json.dump(t, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
"$cardface" test tests/golden -j 2 --junit "$work/fail.xml" --report "$work/report" \
  --artifacts "$work/artifacts" >"$work/out" 2>"$work/err"
expect_exit "changed colour" 1 $?
expect_in "changed colour" "3 cases: 1 passed, 2 failed" "$work/out"
expect_in "changed colour" "FAIL    zhengjian" "$work/err"
expect_in "changed colour" "FAIL    specimen-corner-1200dpi" "$work/err"
grep -q "FAIL    smith-back" "$work/err" && bad "smith-back shows no front yet failed"
grep -q "zhengjian/back.png:" "$work/err" && bad "zhengjian's back has no specimen box yet failed"
[[ -f $work/artifacts/zhengjian/actual-front.png && -f $work/artifacts/zhengjian/diff-front.png ]] &&
  ok || bad "no actual/diff images for zhengjian: $(ls -R "$work/artifacts")"

# The changed area: the stroke's outer edge, 59.5 - 0.175 = 59.325 to 81.175 mm across and
# 40.025 to 47.975 mm down, within two pixels (antialiased edges below tolerance).
changed() {  # CASE → "x0 x1 y0 y1" from its "changed:" line
  awk -v c="tests/golden/$1/front.png:" '$1 == c {found = 1} found && $1 == "changed:" {print $3, $5, $8, $10; exit}' "$work/err"
}
within() {  # NAME GOT WANT SLACK
  awk -v g="$2" -v w="$3" -v s="$4" 'BEGIN {exit !(g >= w - s && g <= w + s)}' && ok ||
    bad "$1 is $2 mm, expected $3 ± $4"
}
read -r x0 x1 y0 y1 <<<"$(changed zhengjian)"
within "zhengjian changed x0" "${x0:-none}" 59.325 0.17
within "zhengjian changed x1" "${x1:-none}" 81.175 0.17
within "zhengjian changed y0" "${y0:-none}" 40.025 0.17
within "zhengjian changed y1" "${y1:-none}" 47.975 0.17
# The crop (57..63 x 38..44 mm) holds the box's left part: its right and bottom edges are the crop's.
read -r x0 x1 y0 y1 <<<"$(changed specimen-corner-1200dpi)"
within "crop changed x0" "${x0:-none}" 59.325 0.05
within "crop changed x1" "${x1:-none}" 63.0 0.05
within "crop changed y0" "${y0:-none}" 40.025 0.05
within "crop changed y1" "${y1:-none}" 44.0 0.05

expect_in "junit" 'tests="3" failures="2" errors="0"' "$work/fail.xml"
python3 - "$work/fail.xml" <<'EOF' && ok || bad "JUnit does not name exactly the failing cases"
import sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
failing = sorted(c.get("name") for c in cases if c.find("failure") is not None)
sys.exit(failing != ["specimen-corner-1200dpi", "zhengjian"])
EOF

# The report in real headless Chromium: every image loaded, and the diffs' red in the picture.
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$work/chromium-profile")
page="file://$work/report/index.html"
timeout 120 chromium "${chromium_flags[@]}" --virtual-time-budget=5000 --dump-dom "$page" \
  >"$work/dom.html" 2>/dev/null
expect_in "report dom" "6 of 6 images loaded" "$work/dom.html"
expect_in "report dom" 'src="cases/zhengjian/diff-front.png"' "$work/dom.html"
timeout 120 chromium "${chromium_flags[@]}" --virtual-time-budget=5000 --hide-scrollbars \
  --window-size=1400,1000 --screenshot="$work/report.png" "$page" >/dev/null 2>&1
[[ -n ${CARDFACE_KEEP_SCREENSHOT:-} ]] && cp "$work/report.png" "$CARDFACE_KEEP_SCREENSHOT"
python3 - "$work/report.png" <<'EOF' && ok || bad "the report's screenshot shows no diff"
# Counts pure-red pixels (the diff's "beyond tolerance" colour; nothing else on the page is
# pure red) in the screenshot, with a small PNG reader (8-bit RGB/RGBA, not interlaced).
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, red, y = bytearray(stride), 0, 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        pred = [0, a, b, (a + b) // 2,
                a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][f]
        line[i] = (line[i] + pred) & 255
    red += sum(1 for x in range(0, stride, bpp) if line[x] >= 250 and line[x + 1] <= 20 and line[x + 2] <= 20)
    prev = line
print("red pixels in the screenshot:", red)
sys.exit(red < 100)
EOF

# --update rewrites the two changed references, lists them, and the suite passes again.
"$cardface" test tests/golden --update >"$work/out" 2>"$work/err"
expect_exit "update" 0 $?
[[ $(grep -c "^    updated " "$work/out") -eq 2 ]] && ok || bad "expected 2 updated: $(cat "$work/out")"
expect_in "update" "updated tests/golden/zhengjian/front.png" "$work/out"
expect_in "update" "updated tests/golden/specimen-corner-1200dpi/front.png" "$work/out"
"$cardface" test tests/golden >"$work/out" 2>"$work/err"
expect_exit "after update" 0 $?

# Broken case files: exit 2, the file and the key named.
broken() {  # NAME NEEDLE: runs the suite with the case just made broken
  "$cardface" test tests/golden >"$work/out" 2>"$work/err"
  expect_exit "$1" 2 $?
  expect_in "$1" "$2" "$work/err"
}
cp tests/golden/smith-back/case.json "$work/case.json"
make_case smith-back '{"data": "../../../records/smith-john-paul.json",
  "template": "../../../templates/acme-resident", "dpi": 300, "sides": ["back"], "colour": "red"}'
broken "unknown key" 'tests/golden/smith-back/case.json: colour: unknown key'
make_case smith-back '{"data": "../../../records/smith-john-paul.json",
  "template": "../../../templates/acme-resident", "tolerance": {"max_delta": 3}, "sides": ["back"]}'
broken "unknown tolerance key" 'tests/golden/smith-back/case.json: tolerance/max_delta: unknown key'
make_case smith-back '{"data": "../../../records/smith-john-paul.json",
  "template": "../../../templates/no-such-template", "sides": ["back"]}'
broken "template not found" 'tests/golden/smith-back/case.json: template: no template.json in'
make_case smith-back '{"data": "../../../records/smith-john-paul.json",
  "template": "no-such-template", "sides": ["back"]}'
broken "template name not found" 'tests/golden/smith-back/case.json: template: cannot load the template'
make_case smith-back '{"data": "../../../records/nobody.json", "sides": ["back"]}'
broken "record not found" 'tests/golden/smith-back/case.json: data: no record file'
make_case smith-back '{"data": "../../../records/smith-john-paul.json", "dpi": "300"}'
broken "dpi of the wrong kind" 'tests/golden/smith-back/case.json: dpi: must be a whole number'
cp "$work/case.json" tests/golden/smith-back/case.json
rm tests/golden/smith-back/back.png
broken "missing reference" 'tests/golden/smith-back/back.png: no reference image'
grep -q "JOHN\|SMITH" "$work/err" && bad "an error shows the holder's name"
"$cardface" test no-such-folder >"$work/out" 2>"$work/err"
expect_exit "no such folder" 2 $?
expect_in "no such folder" "no-such-folder: is not a folder" "$work/err"

# A panels case: a card printer's four panels per face, created by --update, then passing.
mkdir -p "$work/panels/evolis"
printf '%s\n' '{"data": "../../repo/records/smith-john-paul.json", "panels": "evolis"}' \
  >"$work/panels/evolis/case.json"
"$cardface" test --update "$work/panels" >"$work/out" 2>"$work/err"
expect_exit "panels update" 0 $?
[[ $(grep -c "^    created " "$work/out") -eq 8 ]] && ok || bad "expected 8 panels created: $(cat "$work/out")"
size=$(png_size "$work/panels/evolis/back-k.png")/$(png_depth "$work/panels/evolis/back-k.png")
[[ $size == 1016x648/1/0 ]] && ok || bad "evolis k panel is $size, expected 1016x648, 1-bit grey"
"$cardface" test "$work/panels" >"$work/out" 2>"$work/err"
expect_exit "panels pass" 0 $?

finish
