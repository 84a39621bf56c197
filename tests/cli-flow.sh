#!/bin/sh
# cli-flow.sh: `diffwkb flow` against closed forms and itself.
# For Gaussian data N(0, v0) with the exact score the probability-flow map
# is X_t = x sqrt(v_t / v0) (v_t = v0 e^-t + 1 - e^-t under const beta = 1)
# and log q^0_{t0}(x) = log N(X_T; 0, 1) + (1/2) log(v_T / v0); each printed
# ball must contain the value computed by bc -l.  Round trips z -> x -> z
# (the x from a 30-digit run) contain z; so do runs with --order adaptive
# and a fixed --order.  --csv and --json have the
# documented shape; bad options exit 2 with one line on stderr.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

p1="$ex/paper-1d-exact.json"
echo "define v(t) { return 0.3*e(-t) + 1 - e(-t); }" >"$tmp/defs"

# ---- encode x = 0.5 (t0 = 0 -> T = 5), trajectory at t = 1
run flow "$p1" --x 0.5 --logdensity --at 1,5
contains "encode z" "$(field 'z\[0\]' "$tmp/out")" "0.5*sqrt(v(5)/0.3)"
contains "encode log_q" "$(field log_q "$tmp/out")" "-l(2*pi)/2 - 0.25*v(5)/0.3/2 + l(v(5)/0.3)/2"
contains "encode int_div_F" "$(field int_div_F "$tmp/out")" "l(v(5)/0.3)/2"
contains "encode X(1)" "$(field 'X(1)\[0\]' "$tmp/out")" "0.5*sqrt(v(1)/0.3)"
contains "encode log_q(1)" "$(field 'log_q(1)' "$tmp/out")" "-l(2*pi)/2 - 0.25*v(5)/0.3/2 + l(v(5)/v(1))/2"
contains "encode log_q(5)" "$(field 'log_q(5)' "$tmp/out")" "-l(2*pi)/2 - 0.25*v(5)/0.3/2"

# ---- generate z = -1.25 (T -> t0), --digits 25
run flow "$p1" --z -1.25 --logdensity --digits 25
b=$(field 'x\[0\]' "$tmp/out")
contains "generate x" "$b" "-1.25*sqrt(0.3/v(5))"
contains "generate log_q" "$(field log_q "$tmp/out")" "-l(2*pi)/2 - 1.5625/2 + l(v(5)/0.3)/2"
rad=$(tobc "$(echo "$b" | sed 's/^.* +\/- \(.*\)\]$/\1/')")
n=$((n + 1))
if [ "$(printf "%s\n" "scale=100" "($rad) < 10^(-24)" | bc -l)" != 1 ]; then
    echo "FAIL: --digits 25 gave radius $rad"; fail=1
fi

# ---- round trips z -> x -> z (1D and the 2D VP problem with a scaled score)
roundtrip() {
    file=$1
    z=$2
    run flow "$file" --z "$z" --digits 30
    x=$(sed -n 's/^x\[[0-9]*\] = \[\(.*\) +\/- .*\]$/\1/p' "$tmp/out" | paste -sd, -)
    run flow "$file" --x "$x"
    i=0
    for zi in $(echo "$z" | tr ',' ' '); do
        contains "round trip $file z[$i]" "$(field "z\[$i\]" "$tmp/out")" "$zi"
        i=$((i + 1))
    done
}
roundtrip "$p1" 0.75
roundtrip "$ex/gauss2d-vp.json" 0.3,-1.1

# ---- --csv: header and one row per --at time, 1 + 2d (+ 2) columns
run flow "$ex/gauss2d-vp.json" --z 0.3,-1.1 --at 1,0.5,0.1,0.001 --csv --logdensity
n=$((n + 1))
if [ "$(head -n 1 "$tmp/out")" != "t,x1,x1_rad,x2,x2_rad,log_q,log_q_rad" ] \
   || [ "$(grep -c '' "$tmp/out")" -ne 5 ] \
   || ! awk -F, 'NR > 1 && (NF != 7 || $3 < 0 || $5 < 0) { bad = 1 } END { exit bad }' "$tmp/out"; then
    echo "FAIL: --csv output:"; cat "$tmp/out"; fail=1
fi
n=$((n + 1))
if [ "$(sed -n 2p "$tmp/out" | cut -d, -f1-2)" != "1,0.300000000000000" ]; then
    echo "FAIL: --csv first row is not z at t = 1:"; sed -n 2p "$tmp/out"; fail=1
fi
# without --at: the start and end rows
run flow "$p1" --x 0.5 --csv
n=$((n + 1))
if [ "$(grep -c '' "$tmp/out")" -ne 3 ] || [ "$(sed -n 2p "$tmp/out" | cut -d, -f1)" != 0 ] \
   || [ "$(sed -n 3p "$tmp/out" | cut -d, -f1)" != 5 ]; then
    echo "FAIL: --csv without --at:"; cat "$tmp/out"; fail=1
fi

# ---- --json
run flow "$p1" --x 0.5 --logdensity --at 1 --json
n=$((n + 1))
if [ "$(grep -c '' "$tmp/out")" -ne 1 ]; then
    echo "FAIL: --json printed more than one line"; fail=1
fi
if command -v python3 >/dev/null 2>&1; then
    n=$((n + 1))
    python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert set(o) == {"problem","direction","x","z","log_q","int_div_F","trajectory"}, o; assert o["direction"] == "encode" and o["x"] == ["0.5"] and len(o["z"]) == 1; assert [s["t"] for s in o["trajectory"]] == ["1"] and set(o["trajectory"][0]) == {"t","X","log_q"}' "$tmp/out" \
        || { echo "FAIL: --json output is not the expected JSON object"; cat "$tmp/out"; fail=1; }
fi
j=$(sed -n 's/.*"z": \["\([^"]*\)"\].*/\1/p' "$tmp/out")
contains "json z" "$j" "0.5*sqrt(v(5)/0.3)"

# ---- --threads: a 9-component mixture (chunks of components in parallel)
# gives the same balls as one thread
m9="$tmp/m9.json"
cat >"$m9" <<'EOF9'
{"dim": 2, "sde": {"schedule": "simple", "t0": "0.05", "T": "1"},
 "data": {"type": "mixture", "weights": ["1/9","1/9","1/9","1/9","1/9","1/9","1/9","1/9","1/9"],
   "means": [["-1","-1"],["-1","0"],["-1","1"],["0","-1"],["0","0"],["0","1"],["1","-1"],["1","0"],["1","1"]],
   "covs": [[["0.01","0"],["0","0.01"]],[["0.01","0"],["0","0.01"]],[["0.01","0"],["0","0.01"]],
            [["0.01","0"],["0","0.01"]],[["0.01","0"],["0","0.01"]],[["0.01","0"],["0","0.01"]],
            [["0.02","0"],["0","0.01"]],[["0.01","0"],["0","0.02"]],[["0.01","0.005"],["0.005","0.01"]]]},
 "score": {"type": "exact"}, "prior": {"type": "normal"}}
EOF9
run flow "$m9" --z 0.3,-0.4 --digits 12 --logdensity
cp "$tmp/out" "$tmp/out1"
run flow "$m9" --z 0.3,-0.4 --digits 12 --logdensity --threads 2
n=$((n + 1))
if ! cmp -s "$tmp/out1" "$tmp/out"; then
    echo "FAIL: flow --threads 2 differs from one thread"; diff "$tmp/out1" "$tmp/out"; fail=1
fi
bad flow "--threads" "$p1" --x 0 --threads 0

# ---- --order adaptive (order chosen per step) and a fixed order: same
#      closed forms, at 25 digits
for ord in adaptive 12; do
    run flow "$p1" --x 0.5 --logdensity --digits 25 --order $ord
    contains "--order $ord z" "$(field 'z\[0\]' "$tmp/out")" "0.5*sqrt(v(5)/0.3)"
    contains "--order $ord log_q" "$(field log_q "$tmp/out")" "-l(2*pi)/2 - 0.25*v(5)/0.3/2 + l(v(5)/0.3)/2"
done
bad flow "--order" "$p1" --x 0 --order 0
bad flow "--order" "$p1" --x 0 --order adapt

# ---- --help
n=$((n + 1))
if ! "$DIFFWKB" flow --help | grep -q '^Usage: diffwkb flow'; then
    echo "FAIL: flow --help"; fail=1
fi

# ---- bad input: exit 2, one line on stderr naming the field, nothing on stdout
bad flow "exactly one of --z" "$p1"
bad flow "exactly one of --z" "$p1" --z 0 --x 0
bad flow "--z: expected 1 coordinate " "$p1" --z 0,0
bad flow "--x: expected 2 coordinates" "$ex/gauss2d-vp.json" --x 0
bad flow "--z: coordinate 1: 'abc'" "$p1" --z abc
bad flow "--x: missing value" "$p1" --x
bad flow "--at: t = 6 is outside [t0, T] = [0, 5]" "$p1" --x 0 --at 1,6
bad flow "--at: t = -1 is outside" "$p1" --x 0 --at -1
bad flow "--at: coordinate 2" "$p1" --x 0 --at 1,
bad flow "--json and --csv" "$p1" --x 0 --json --csv
bad flow "--digits" "$p1" --x 0 --digits 0
bad flow "unknown option" "$p1" --x 0 --bogus
bad flow "PROBLEM" --x 0
bad flow "nonexistent.json" "$tmp/nonexistent.json" --x 0

[ "$fail" -eq 0 ] && echo "PASS: $n checks"
exit "$fail"
