#!/bin/sh
# examples.sh: every examples/*.json parses, and `diffwkb score` evaluates
# it at x = 0 and t = t0 (exit 0, finite balls for log_p, score, laplacian).
set -u
: "${DIFFWKB:?DIFFWKB must point to the diffwkb program}"
: "${srcdir:?srcdir must point to the source tree}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diffwkb-examples.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0
for f in "$srcdir"/examples/*.json; do
    n=$((n + 1))
    dim=$(sed -n 's/^ *"dim": *\([0-9][0-9]*\).*/\1/p' "$f" | head -n 1)
    t0=$(sed -n 's/.*"t0": *"\([^"]*\)".*/\1/p' "$f" | head -n 1)
    [ -n "$t0" ] || t0=0
    x=0
    i=1
    while [ "$i" -lt "${dim:-1}" ]; do
        x="$x,0"
        i=$((i + 1))
    done
    if ! "$DIFFWKB" score "$f" --x "$x" --t "$t0" >"$tmp/out" 2>"$tmp/err"; then
        echo "FAIL: $f (--x $x --t $t0):"; cat "$tmp/err"
        fail=1
        continue
    fi
    for k in log_p 'score\[0\]' laplacian; do
        if ! grep -q "^$k = " "$tmp/out" || grep "^$k = " "$tmp/out" | grep -q 'nan\|inf'; then
            echo "FAIL: $f: no finite $k:"; cat "$tmp/out"
            fail=1
        fi
    done
done
# the example scripts run as they are
if DIFFWKB="$DIFFWKB" sh "$srcdir/examples/nll-curves.sh" "$tmp/curves" >"$tmp/out" 2>&1; then
    rows=$(grep -vc '^#' "$tmp/curves/nll-curves.dat")
    if [ "$rows" -ne 21 ] || grep -v '^#' "$tmp/curves/nll-curves.dat" | awk -F'\t' '{ if (NF != 6) bad = 1; for (i = 1; i <= NF; i++) if ($i == "") bad = 1 } END { exit !bad }'; then
        echo "FAIL: examples/nll-curves.sh wrote $rows rows or incomplete ones"; fail=1
    fi
else
    echo "FAIL: examples/nll-curves.sh:"; cat "$tmp/out"; fail=1
fi
if DIFFWKB="$DIFFWKB" sh "$srcdir/examples/table1.sh" "$tmp/t1" >"$tmp/out" 2>&1; then
    rows=$(grep -c '^| simple\|^| cosine' "$tmp/t1/table1.md")
    if [ "$rows" -ne 8 ] || grep -q '| *|' "$tmp/t1/table1.md"; then
        echo "FAIL: examples/table1.sh wrote $rows rows or empty cells"; cat "$tmp/t1/table1.md"; fail=1
    fi
else
    echo "FAIL: examples/table1.sh:"; cat "$tmp/out"; fail=1
fi
if DIFFWKB="$DIFFWKB" sh "$srcdir/examples/c1-map.sh" "$tmp/c1" 2 5 0 >"$tmp/out" 2>&1; then
    rows=$(awk 'NF == 4 && $1 !~ /^#/' "$tmp/c1/c1-map.dat" | grep -vc 'nan\|inf')
    if [ "$rows" -ne 25 ]; then
        echo "FAIL: examples/c1-map.sh wrote $rows finite rows (expected 25)"; fail=1
    fi
else
    echo "FAIL: examples/c1-map.sh:"; cat "$tmp/out"; fail=1
fi
if [ "$n" -lt 7 ]; then
    echo "FAIL: only $n examples found"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "PASS: $n examples"
exit "$fail"
