#!/usr/bin/env bash
# The signed seal as a user meets it: keygen writes a key only its owner reads; every sample
# card rendered with a key at 300 and 600 dpi verifies and agrees with its record; an unsigned
# specimen, another key, disagreeing data, a picture without a code and bad keys all exit 1
# with the reason; the independent decoder dmtxread (dmtx-utils) reads the same bytes.
source "$(dirname "$0")/contract.sh" "$@"

# 1. keygen: a private key of mode 0600, its public key and a self-signed certificate.
if "$cardface" keygen --out "$work/keys" >"$work/out" 2>"$work/err"; then
  [[ $(stat -c %a "$work/keys/seal-key.pem") == 600 ]] && ok || bad "key mode $(stat -c %a "$work/keys/seal-key.pem")"
  grep -q "BEGIN CERTIFICATE" "$work/keys/seal-cert.pem" && ok || bad "no certificate"
  grep -q "BEGIN PUBLIC KEY" "$work/keys/seal-public.pem" && ok || bad "no public key"
  grep -q "PRIVATE" "$work/out" "$work/err" && bad "keygen printed key material" || ok
else
  bad "keygen failed: $(cat "$work/err")"
fi
"$cardface" keygen --out "$work/keys" >/dev/null 2>"$work/err"
[[ $? -eq 1 ]] && grep -q "exists" "$work/err" && ok || bad "keygen overwrote a key: $(cat "$work/err")"
key=$work/keys/seal-key.pem
cert=$work/keys/seal-cert.pem

# 2. Round trip: every sample holder of a card type with a seal, at 300 and 600 dpi.
for data in "$root"/samples/*.json; do
  grep -q '"type": "fprc-' "$data" || continue
  name=$(basename "$data" .json)
  for dpi in 300 600; do
    out=$work/rt-$dpi
    if ! "$cardface" render "$data" --side back --dpi "$dpi" --seal-key "$key" --out "$out" >/dev/null 2>"$work/err"; then
      bad "$name $dpi dpi: render failed: $(cat "$work/err")"
      continue
    fi
    png=$out/$name-back.png
    if "$cardface" verify "$png" --key "$cert" --data "$data" >"$work/json" 2>"$work/err" &&
      grep -q '"status": "genuine"' "$work/json"; then ok; else bad "$name $dpi dpi: $(cat "$work/err")"; fi
  done
done

# 3. dmtxread reads the same bytes as cardface verify (the seal of the specimen at 300 dpi).
png=$work/rt-300/zhengjian-yangben-back.png
"$cardface" verify "$png" --key "$cert" >"$work/json" 2>/dev/null
ours=$(sed -n 's/.*"bytes": "\([0-9a-f]*\)".*/\1/p' "$work/json")
theirs=$(dmtxread -N1 "$png" | od -An -v -tx1 | tr -d ' \n')
if [[ -n $ours && $ours == "$theirs" ]]; then ok; else bad "dmtxread read '$theirs', verify '$ours'"; fi
[[ ${ours:0:4} == dc03 ]] && ok || bad "the code does not hold a version 4 seal: ${ours:0:4}"

# 3b. OpenSSL's own command checks the signature (docs/seal.md): the signed bytes are all but
# the last 66 (FF 40 r s); r and s go into a DER ECDSA-Sig-Value.
der_int() { # a big-endian hex number as a DER INTEGER
  local h=$1
  while [[ ${#h} -gt 2 && ${h:0:2} == 00 && $((16#${h:2:1})) -lt 8 ]]; do h=${h:2}; done
  [[ $((16#${h:0:1})) -ge 8 ]] && h=00$h
  printf '02%02x%s' $((${#h} / 2)) "$h"
}
n=${#ours}
printf '%s' "${ours:0:n-132}" | xxd -r -p >"$work/signed.bin"
[[ ${ours:n-132:4} == ff40 ]] && ok || bad "no 64-byte signature zone at the end"
sequence=$(der_int "${ours:n-128:64}")$(der_int "${ours:n-64:64}")
printf '30%02x%s' $((${#sequence} / 2)) "$sequence" | xxd -r -p >"$work/sig.der"
openssl dgst -sha256 -verify "$work/keys/seal-public.pem" -signature "$work/sig.der" "$work/signed.bin" >/dev/null 2>&1 &&
  ok || bad "openssl dgst -verify rejects the seal's signature"

# 4. Not genuine: exit 1 and the reason; the holder's values never in stderr.
expect_not_genuine() { # name, needle, verify arguments...
  local name=$1 needle=$2
  shift 2
  "$cardface" verify "$@" >"$work/json" 2>"$work/err"
  local status=$?
  if [[ $status -ne 1 ]]; then bad "$name: exit $status, expected 1"; return; fi
  if ! grep -qF -- "$needle" "$work/err"; then bad "$name: stderr lacks '$needle': $(cat "$work/err")"; return; fi
  if grep -qE 'ZHENGJIAN|YANGBEN|DUBOIS|BEGIN' "$work/err"; then bad "$name: stderr shows data or keys"; return; fi
  ok
}
"$cardface" render "$root/samples/zhengjian-yangben.json" --side back --dpi 300 --out "$work/unsigned" >/dev/null
expect_not_genuine unsigned "unsigned specimen" "$work/unsigned/zhengjian-yangben-back.png" --key "$cert"
grep -q '"signed": false' "$work/json" && ok || bad "unsigned: JSON does not say signed false"
"$cardface" keygen --out "$work/other" >/dev/null 2>&1
expect_not_genuine other-key "signed by another key" "$png" --key "$work/other/seal-cert.pem"
expect_not_genuine disagrees "disagrees with the record in: " "$png" --key "$cert" --data "$root/samples/dubois-claire.json"
expect_not_genuine no-key "no key was given" "$png"
expect_not_genuine no-code "no readable DataMatrix" "$root/samples/photos/s00.png" --key "$cert"
expect_not_genuine missing-key "no such key file" "$png" --key "$work/nope.pem"
expect_not_genuine not-a-key "is not a PEM certificate" "$png" --key "$root/README.md"

# 5. Bad signing keys: exit 1, the file named, the key never shown, no output file.
expect_render_refused() { # name, needle, key file
  expect_refused "$1" "$2" 'BEGIN|MII|MEE' "$work/out-$1" -- \
    "$cardface" render "$root/samples/zhengjian-yangben.json" --side back --seal-key "$3" --out "$work/out-$1"
}
expect_render_refused missing "$work/none.pem: no such key file" "$work/none.pem"
expect_render_refused public "is not a PEM private key" "$work/keys/seal-public.pem"
expect_render_refused ed25519 "is not an ECDSA P-256 key" "$root/tests/data/seal/ed25519-key.pem"
cp "$key" "$work/unreadable.pem"
chmod 000 "$work/unreadable.pem"
if [[ $(id -u) -ne 0 ]]; then
  expect_render_refused unreadable "cannot read the key file" "$work/unreadable.pem"
fi

# 6. The same key and card give the same bytes.
"$cardface" render "$root/samples/kim-min-jun.json" --side back --dpi 300 --seal-key "$key" --out "$work/d1" >/dev/null
"$cardface" render "$root/samples/kim-min-jun.json" --side back --dpi 300 --seal-key "$key" --out "$work/d2" >/dev/null
cmp -s "$work/d1/kim-min-jun-back.png" "$work/d2/kim-min-jun-back.png" && ok || bad "signed renders differ"

# 7. --verbose reports the module size used: 0.254 mm is 3 px at 300 dpi, 6 px at 600 dpi.
for pair in 300:3 600:6; do
  "$cardface" render "$root/samples/kim-min-jun.json" --side back --dpi "${pair%:*}" --verbose --out "$work/v" >/dev/null 2>"$work/err"
  grep -qE "back seal: [0-9]+ x [0-9]+ modules of ${pair#*:} px \(0.254 mm at ${pair%:*} dpi" "$work/err" && ok || bad "verbose at ${pair%:*}: $(cat "$work/err")"
done

finish
