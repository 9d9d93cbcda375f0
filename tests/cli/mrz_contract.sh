#!/usr/bin/env bash
# cardface mrz: the Doc 9303 specimen exactly; every sample's MRZ passes --check; bad lines
# are named precisely and exit 1.
source "$(dirname "$0")/contract.sh" "$@"

expected=$'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<'
actual=$("$cardface" mrz "$root/samples/eriksson-anna-maria.json")
if [[ "$actual" == "$expected" ]]; then ok; else bad "specimen MRZ: $actual"; fi

for data in "$root"/samples/*.json; do
  mapfile -t lines < <("$cardface" mrz "$data")
  if [[ ${#lines[@]} -eq 3 ]] && "$cardface" mrz --check "${lines[@]}" >/dev/null; then ok; else bad "$(basename "$data"): ${lines[*]}"; fi
done

check_fails() { # expected text, three lines
  local needle=$1
  shift
  out=$("$cardface" mrz --check "$@")
  status=$?
  if [[ $status -eq 1 ]] && grep -qF -- "$needle" <<<"$out"; then ok; else bad "check '$needle': exit $status: $out"; fi
}
check_fails "line 1: line has 29 characters, expected 30" 'I<UTOD231458907<<<<<<<<<<<<<<' '7408122F1204159UTO<<<<<<<<<<<6' 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'
check_fails "line 1, position 15: document number check digit is 8, expected 7" 'I<UTOD231458908<<<<<<<<<<<<<<<' '7408122F1204159UTO<<<<<<<<<<<6' 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'
check_fails "line 3, position 1: lowercase letter" 'I<UTOD231458907<<<<<<<<<<<<<<<' '7408122F1204159UTO<<<<<<<<<<<6' 'eRIKSSON<<ANNA<MARIA<<<<<<<<<<'
check_fails "line 2, position 3: birth date month is 13" 'I<UTOD231458907<<<<<<<<<<<<<<<' '7413122F1204159UTO<<<<<<<<<<<6' 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'

"$cardface" mrz >/dev/null 2>&1
status=$?
if [[ $status -eq 2 ]]; then ok; else bad "mrz with nothing: exit $status, expected 2"; fi

finish
