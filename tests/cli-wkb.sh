#!/bin/sh
# cli-wkb.sh: `diffwkb loglik` and `diffwkb nll` against independent values.
# The section 5.1 model has q^h_0 = N(0, u_0(h)) with u_0 in closed form
# (wkb.h); bc -l evaluates it at 100 digits, and the h-derivatives by central
# differences with step 1e-30 (error ~1e-40, far below the printed radii).
# Bad options must exit 2 with one line on stderr and nothing on stdout.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

# u_0(h) of the model v0 = 0.3, beta = 1, T = 5, eps = 0.1, prior N(0, 1)
cat >"$tmp/defs" <<'BC'
v0 = 0.3; b = 1; tt = 5; ep = 0.1
w = 1 + (e(b*tt) - 1)/v0
define u(h) {
    auto m;
    m = (1 + h)*(1 + ep)
    return e(b*tt - m*l(w)) + h*v0*(e((1 - m)*l(w)) - 1)/(1 - m)
}
define lq(x, h) { return -l(2*pi*u(h))/2 - x^2/(2*u(h)); }
define nl(h) { return l(2*pi*u(h))/2 + v0/(2*u(h)); }
d = 10^(-30)
BC

run loglik "$ex/paper-1d.json" --x 0.5 --order 2 --digits 30 --h 1/2
contains "loglik c_0" "$(field c_0 "$tmp/out")" "lq(0.5, 0)"
contains "loglik c_1" "$(field c_1 "$tmp/out")" "(lq(0.5, d) - lq(0.5, -d))/(2*d)"
contains "loglik c_2" "$(field c_2 "$tmp/out")" "(lq(0.5, d) - 2*lq(0.5, 0) + lq(0.5, -d))/(2*d^2)"
contains "loglik log_q(1/2)" "$(field 'log_q(h)' "$tmp/out")" "lq(0.5, 0.5)"
contains "loglik partial_sum" "$(field partial_sum "$tmp/out")" \
    "lq(0.5, 0) + 0.5*(lq(0.5, d) - lq(0.5, -d))/(2*d) + 0.25*(lq(0.5, d) - 2*lq(0.5, 0) + lq(0.5, -d))/(2*d^2)"
n=$((n + 1))
grep -q '^# truncation, not certified' "$tmp/out" || { echo "FAIL: partial sum not labelled"; fail=1; }
n=$((n + 1))
grep -q '^route = gauss1d-closed-form$' "$tmp/out" || { echo "FAIL: route not printed"; fail=1; }

# the paper's NLL table (section 5.1), certified, and C_1
for h in 0 0.25 0.5 0.75 1; do
    run nll "$ex/paper-1d.json" --order 1 --h "$h" --digits 25
    contains "nll($h)" "$(field 'nll(h)' "$tmp/out")" "nl($h)"
done
contains "nll C_1" "$(field C_1 "$tmp/out")" "(nl(d) - nl(-d))/(2*d)"
# paper values to 4 decimals: 0.9344 0.8530 0.8350 0.8287 0.8258
for hv in "0 0.9344" "0.25 0.8530" "0.5 0.8350" "0.75 0.8287" "1 0.8258"; do
    set -- $hv
    run nll "$ex/paper-1d.json" --order 0 --h "$1" --digits 10
    m=$(field 'nll(h)' "$tmp/out" | sed 's/^\[\([^ ]*\) .*/\1/')
    n=$((n + 1))
    r=$(printf '%s\n' "scale=20" "x = $m - $2" "x < 0.00005 && x > -0.00005" | bc -l)
    [ "$r" = 1 ] || { echo "FAIL: NLL($1) = $m does not round to the paper's $2"; fail=1; }
done

# --digits 50: radius below 10^-49
run loglik "$ex/paper-1d.json" --x -1.25 --order 3 --digits 50
b=$(field c_3 "$tmp/out")
rad=$(tobc "$(echo "$b" | sed 's/^.* +\/- \(.*\)\]$/\1/')")
n=$((n + 1))
[ "$(printf '%s\n' "scale=100" "($rad) < 10^(-45)" | bc -l)" = 1 ] || { echo "FAIL: --digits 50 gave c_3 = $b"; fail=1; }

# --json: one object with the coefficients
run loglik "$ex/paper-1d.json" --x 0.5 --order 3 --json --h 1
n=$((n + 1))
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["x"] == ["0.5"] and len(o["coefficients"]) == 4 and o["route"] == "gauss1d-closed-form" and "value" in o and "partial_sum" in o, o' "$tmp/out" \
    || { echo "FAIL: loglik --json"; cat "$tmp/out"; fail=1; }
# --progress writes only to stderr: stdout is the same JSON
cp "$tmp/out" "$tmp/out0"
run loglik "$ex/paper-1d.json" --x 0.5 --order 3 --json --h 1 --progress
n=$((n + 1))
cmp -s "$tmp/out0" "$tmp/out" || { echo "FAIL: loglik --progress changed stdout"; fail=1; }
run nll "$ex/paper-1d.json" --order 2 --json
n=$((n + 1))
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert len(o["coefficients"]) == 3 and "x" not in o, o' "$tmp/out" \
    || { echo "FAIL: nll --json"; cat "$tmp/out"; fail=1; }

# --points: same balls as --x, in file order, whatever the thread count
printf '# points\n0.5\n\n-1.25\n1/3\n2\n' >"$tmp/pts"
run loglik "$ex/paper-1d.json" --points "$tmp/pts" --order 3 --threads 3
cp "$tmp/out" "$tmp/pts3"
run loglik "$ex/paper-1d.json" --points "$tmp/pts" --order 3 --threads 1
n=$((n + 1))
cmp -s "$tmp/out" "$tmp/pts3" || { echo "FAIL: --points differs between 1 and 3 threads"; fail=1; }
# --progress: the same stdout, and the count of points done on stderr
run loglik "$ex/paper-1d.json" --points "$tmp/pts" --order 3 --threads 2 --progress
n=$((n + 1))
{ cmp -s "$tmp/out" "$tmp/pts3" && tr '\r' '\n' <"$tmp/err" | grep -q '^diffwkb loglik: 4/4 points$'; } \
    || { echo "FAIL: --points --progress"; cat "$tmp/err"; fail=1; }
n=$((n + 1))
[ "$(grep -c '' "$tmp/out")" -eq 4 ] || { echo "FAIL: --points printed $(grep -c '' "$tmp/out") lines, expected 4"; fail=1; }
for p in 0.5 -1.25 1/3 2; do
    "$DIFFWKB" loglik "$ex/paper-1d.json" --x "$p" --order 3 --json >"$tmp/one"
    n=$((n + 1))
    grep -qxF "$(cat "$tmp/one")" "$tmp/pts3" || { echo "FAIL: --points line for $p differs from --x"; fail=1; }
done

# the exact prior (marginal) and eps = 0: NLL independent of h, C_n = 0 for n >= 1
sed -e 's/"type": *"normal"/"type": "marginal"/' "$ex/paper-1d-exact.json" >"$tmp/exact-prior.json"
if grep -q marginal "$tmp/exact-prior.json"; then
    run nll "$tmp/exact-prior.json" --order 3
    for k in 1 2 3; do
        contains "exact prior C_$k" "$(field C_$k "$tmp/out")" "0"
    done
    contains "exact prior C_0" "$(field C_0 "$tmp/out")" "l(2*pi*e(1)*0.3)/2"
fi

# d = 1 without an affine route: C_0 by quadrature (route d1-quadrature).  A
# mixture of two identical components N(0, 1/2) runs the mixture-score code;
# with its exact score and the marginal prior q^0_0 = p_0, so C_0 is the
# entropy log(pi e)/2.  Only --order 0 is certified there.
cat >"$tmp/twin.json" <<'EOF'
{"dim": 1, "sde": {"schedule": "const", "beta": "1", "t0": "0", "T": "1/2"},
 "data": {"type": "mixture", "weights": ["1/2", "1/2"], "means": [["0"], ["0"]],
          "covs": [[["1/2"]], [["1/2"]]]},
 "score": {"type": "exact"}, "prior": {"type": "marginal"}}
EOF
run nll "$tmp/twin.json" --order 1 --digits 8
n=$((n + 1))
[ "$(field route "$tmp/out")" = d1-quadrature ] || { echo "FAIL: quadrature route"; cat "$tmp/out"; fail=1; }
contains "quadrature C_0" "$(field C_0 "$tmp/out")" "l(pi*e(1))/2"
# exact score and marginal prior: q^h = p for every h, so C_1 = 0
contains "quadrature C_1 (exact score)" "$(field C_1 "$tmp/out")" "0"
# a scaled score: C_1 of the twin mixture (mixture code) = C_1 of the same
# Gaussian data by the closed-form route
sed 's/"exact"}, "prior": {"type": "marginal"}/"scaled", "eps": "1\/10"}, "prior": {"type": "normal"}/' \
    "$tmp/twin.json" >"$tmp/twin-scaled.json"
cat >"$tmp/gauss-scaled.json" <<'EOF'
{"dim": 1, "sde": {"schedule": "const", "beta": "1", "t0": "0", "T": "1/2"},
 "data": {"type": "gaussian", "mean": ["0"], "cov": [["1/2"]]},
 "score": {"type": "scaled", "eps": "1/10"}, "prior": {"type": "normal"}}
EOF
run nll "$tmp/gauss-scaled.json" --order 1 --digits 20
c1=$(field C_1 "$tmp/out" | sed 's/^\[\([^ ]*\) .*/\1/')
run nll "$tmp/twin-scaled.json" --order 1 --digits 6
n=$((n + 1))
[ "$(field route "$tmp/out")" = d1-quadrature ] || { echo "FAIL: quadrature route (scaled)"; cat "$tmp/out"; fail=1; }
contains "quadrature C_1 (scaled score)" "$(field C_1 "$tmp/out")" "$c1"
# --tol: an absolute tolerance (one attempt): radius at most about 3/4 of it
run nll "$tmp/twin-scaled.json" --order 1 --tol 1e-6
contains "quadrature C_1 (--tol)" "$(field C_1 "$tmp/out")" "$c1"
n=$((n + 1))
rad=$(field C_1 "$tmp/out" | sed 's/.*+\/- \([^]]*\)\]/\1/')
[ "$(echo "$rad" | awk '{ print ($1 <= 1e-6) }')" = 1 ] || { echo "FAIL: --tol radius $rad"; fail=1; }
bad nll "--tol applies to the d = 1 quadrature" "$tmp/gauss-scaled.json" --tol 1e-3
bad nll "--tol cannot be combined with --mc" "$tmp/twin-scaled.json" --mc 10 --tol 1e-3
bad nll "--tol: the tolerance must be > 0" "$tmp/twin-scaled.json" --tol 0
run nll "$tmp/twin.json" --order 0 --digits 5 --json --threads 2 --progress
n=$((n + 1))
grep -qF '"route": "d1-quadrature", "order": 0, "coefficients": ["[1.0724' "$tmp/out" \
    || { echo "FAIL: quadrature --json"; cat "$tmp/out"; fail=1; }
n=$((n + 1))
grep -q 'subintervals' "$tmp/err" || { echo "FAIL: quadrature --progress"; cat "$tmp/err"; fail=1; }
bad nll "only C_0 and C_1 are certified for this problem" "$tmp/twin.json" --order 2

# --mc: Monte Carlo over data, labelled as not certified, within 5 standard
# errors of the certified coefficients, independent of the thread count
run nll "$ex/paper-1d.json" --mc 4000 --order 1 --threads 2 --seed 3
cp "$tmp/out" "$tmp/mc2"
n=$((n + 1))
grep -q 'NOT certified' "$tmp/out" || { echo "FAIL: --mc estimate not labelled"; fail=1; }
for k in 0 1; do
    line=$(sed -n "s/^C_$k = //p" "$tmp/out")
    m=$(echo "$line" | sed 's/^\[\([^ ]*\) .*/\1/')
    se=$(echo "$line" | sed 's/.*stderr //')
    case $k in 0) ex_v="nl(0)" ;; 1) ex_v="(nl(d) - nl(-d))/(2*d)" ;; esac
    n=$((n + 1))
    r=$(printf '%s\n' "scale=40" "pi=4*a(1)" "$(cat "$tmp/defs")" "x = ($(tobc "$m")) - ($ex_v)" \
        "if (x < 0) x = -x" "x <= 5*($(tobc "$se"))" | BC_LINE_LENGTH=0 bc -l | tail -n1)
    [ "$r" = 1 ] || { echo "FAIL: --mc C_$k = $m +/- $se is far from the certified value"; fail=1; }
done
run nll "$ex/paper-1d.json" --mc 4000 --order 1 --threads 1 --seed 3
n=$((n + 1))
cmp -s "$tmp/out" "$tmp/mc2" || { echo "FAIL: --mc differs between 1 and 2 threads"; fail=1; }

# bad input
bad nll "--mc: expected an integer" "$ex/paper-1d.json" --mc 1
bad nll "--h cannot be combined with --mc" "$ex/paper-1d.json" --mc 10 --h 1
p1="$ex/paper-1d.json"
bad loglik "give exactly one of --x" "$p1"
bad loglik "give exactly one of --x" "$p1" --x 0 --points "$tmp/pts"
bad loglik "--x: expected 1 coordinate" "$p1" --x 0,1
bad loglik "--order: expected an integer" "$p1" --x 0 --order -1
bad loglik "--order: expected an integer" "$p1" --x 0 --order 100000
bad loglik "--h: h must be >= 0" "$p1" --x 0 --h -0.5
bad loglik "--h" "$p1" --x 0 --h abc
bad loglik "--threads: expected an integer" "$p1" --x 0 --threads 0
bad loglik "unknown option '--t'" "$p1" --x 0 --t 1
bad loglik "--points: cannot open" "$p1" --points "$tmp/nonexistent"
printf '0.5\n0.5,1\n' >"$tmp/badpts"
bad loglik "--points line 2: expected 1 coordinates" "$p1" --points "$tmp/badpts"
printf '0.5\nx\n' >"$tmp/badpts"
bad loglik "--points line 2" "$p1" --points "$tmp/badpts"
bad nll "unknown option '--x'" "$p1" --x 0
bad nll "missing PROBLEM" --order 2
bad loglik "does-not-exist.json: cannot open" "$ex/does-not-exist.json" --x 0

# loglik --fast (double, not certified): c_0 and c_1 of the section 5.1
# model against the closed form, within 1e-9; labelled not certified
near() {
    n=$((n + 1))
    v=$(echo "$2" | awk '{printf "%.20f", $1}')
    ok=$(printf '%s\n' "scale=100" "pi=4*a(1)" "$(cat "$tmp/defs")" \
        "x = ($v) - ($3); if (x < 0) x = -x; x < $4" | BC_LINE_LENGTH=0 bc -l)
    [ "$ok" = 1 ] || { echo "FAIL: $1 = $2, expected $3 within $4"; fail=1; }
}
run loglik "$ex/paper-1d.json" --x 0.5 --fast --json
near "loglik --fast c_0" "$(sed 's/.*"c": \[\([^,]*\),.*/\1/' "$tmp/out")" "lq(0.5, 0)" "10^(-9)"
near "loglik --fast c_1" "$(sed 's/.*"c": \[[^,]*, \([^]]*\)\].*/\1/' "$tmp/out")" \
    "(lq(0.5, d) - lq(0.5, -d))/(2*d)" "10^(-9)"
n=$((n + 1))
grep -q '"certified": false' "$tmp/out" || { echo "FAIL: --fast not labelled"; fail=1; }
run loglik "$ex/mixture1d.json" --x 0.1 --fast --check
n=$((n + 1))
grep -q '^fast path (double, NOT certified)' "$tmp/out" || { echo "FAIL: --fast text label"; fail=1; }
near "loglik --fast --check bound" \
    "$(sed -n 's/^check against the certified balls: |error| <= \([^ ]*\) (c_0), \([^ ]*\) (c_1)$/\2/p' "$tmp/out")" 0 "10^(-9)"
# --points with --fast: one line per point, each against the closed form
printf '0.5\n-1\n' >"$tmp/fastpts"
run loglik "$ex/paper-1d.json" --points "$tmp/fastpts" --fast --threads 2
near "loglik --points --fast c_0(0.5)" "$(sed -n '1s/.*"c": \[\([^,]*\),.*/\1/p' "$tmp/out")" "lq(0.5, 0)" "10^(-9)"
near "loglik --points --fast c_1(-1)" "$(sed -n '2s/.*"c": \[[^,]*, \([^]]*\)\].*/\1/p' "$tmp/out")" \
    "(lq(-1, d) - lq(-1, -d))/(2*d)" "10^(-9)"
# nll --mc --fast draws the same points as nll --mc (same seed): the two
# sample means agree to 1e-8; the certified one is a ball, its midpoint suffices
run nll "$ex/paper-1d.json" --mc 20 --seed 5 --order 1 --digits 12
mc0=$(sed -n 's/^C_0 = \[\([^ ]*\) .*/\1/p' "$tmp/out"); mc1=$(sed -n 's/^C_1 = \[\([^ ]*\) .*/\1/p' "$tmp/out")
run nll "$ex/paper-1d.json" --mc 20 --seed 5 --fast
near "nll --mc --fast C_0" "$(sed -n 's/^C_0 = \([^ ]*\) .*/\1/p' "$tmp/out")" "$(tobc "$mc0")" "10^(-8)"
near "nll --mc --fast C_1" "$(sed -n 's/^C_1 = \([^ ]*\) .*/\1/p' "$tmp/out")" "$(tobc "$mc1")" "10^(-8)"
n=$((n + 1))
grep -q 'NOT certified' "$tmp/out" || { echo "FAIL: nll --mc --fast not labelled"; fail=1; }
bad nll "--fast needs --mc" "$p1" --fast
bad nll "--digits is for the certified output" "$p1" --fast --mc 10 --digits 3
bad loglik "--fast-tol: expected a number" "$p1" --x 0 --fast --fast-tol 0
bad loglik "--check needs --fast" "$p1" --x 0 --check
bad loglik "--h is for the certified output" "$p1" --x 0 --fast --h 1
bad loglik "--check takes one point" "$p1" --points "$tmp/fastpts" --fast --check

for c in loglik nll; do
    n=$((n + 1))
    "$DIFFWKB" $c --help >"$tmp/out" 2>&1 && grep -q "^Usage: diffwkb $c" "$tmp/out" \
        || { echo "FAIL: diffwkb $c --help"; fail=1; }
done

[ "$fail" -eq 0 ] && echo "PASS: $n checks"
exit "$fail"
