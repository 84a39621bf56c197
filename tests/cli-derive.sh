#!/bin/sh
# cli-derive.sh: `diffwkb derive` lists and runs the derivation checks.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

n=$((n + 1))
"$DIFFWKB" derive --list >"$tmp/list" || { echo "FAIL: derive --list"; fail=1; }
for name in prop31 prop32 eq9 eq11 thm42 sec51; do
    n=$((n + 1))
    grep -q "^$name " "$tmp/list" || { echo "FAIL: derive --list lacks $name"; fail=1; }
done
n=$((n + 1))
"$DIFFWKB" derive sec51 thm42 >"$tmp/out"
st=$?
if [ "$st" -ne 0 ] || [ "$(grep -c '^PASS' "$tmp/out")" -ne 2 ] || ! grep -q '^all derivation checks PASS' "$tmp/out" \
   || grep -q '^==== prop31' "$tmp/out"; then
    echo "FAIL: derive sec51 thm42 (exit $st):"; cat "$tmp/out"; fail=1
fi
bad derive "unknown check 'nosuch'" nosuch
bad derive "unknown option '--x'" --x 1
n=$((n + 1))
"$DIFFWKB" derive --help | grep -q '^Usage: diffwkb derive' || { echo "FAIL: derive --help"; fail=1; }

[ "$fail" -eq 0 ] && echo "PASS: $n checks"
exit "$fail"
