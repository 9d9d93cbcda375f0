# Sourced by every CLI contract test: arguments, a scratch folder, pass/fail counting, PNG
# header readers, and the check every refusal must pass. Usage at the top of a test:
#   source "$(dirname "$0")/contract.sh" "$@"      # $1 the cardface binary, $2 the source root
set -uo pipefail
cardface=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# Width x height, and bit depth / colour type, from a PNG's IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print ($1*16777216+$2*65536+$3*256+$4) "x" ($5*16777216+$6*65536+$7*256+$8)}'; }
png_depth() { od -An -tu1 -j24 -N2 "$1" | awk '{print $1 "/" $2}'; }

# expect_refused NAME NEEDLE FORBIDDEN OUT -- COMMAND...: the command exits 1, its stderr
# holds NEEDLE and nothing matching the regex FORBIDDEN (holder data, key material), and the
# folder OUT is left empty.
expect_refused() {
  local name=$1 needle=$2 forbidden=$3 out=$4
  shift 5
  "$@" >/dev/null 2>"$work/err"
  local status=$?
  if [[ $status -ne 1 ]]; then bad "$name: exit $status, expected 1"; return; fi
  if ! grep -qF -- "$needle" "$work/err"; then bad "$name: stderr lacks '$needle': $(cat "$work/err")"; return; fi
  if grep -qE -- "$forbidden" "$work/err"; then bad "$name: stderr shows what it must not"; return; fi
  if [[ -n $(ls -A "$out" 2>/dev/null) ]]; then bad "$name: left output files"; return; fi
  ok
}

# The last line of every test.
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
