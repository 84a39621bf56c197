#!/bin/sh
# cli-validate.sh: `diffwkb validate` on samples from `diffwkb sample`.
#  - correct samples are accepted (exit 0), wrong ones rejected (exit 1);
#  - the certified discrete law of em printed for the paper's 1D model
#    contains the variance of the em recursion computed by bc at 60 digits,
#    and the continuous law contains u_0(h) of the closed form (wkb.h);
#  - bad input (malformed lines, wrong dimension, no certified route,
#    inconsistent options) exits 2 with one line on stderr naming the problem.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

# expect STATUS DESCRIPTION CMD...: run, require the exit status
expect() {
    want=$1
    what=$2
    shift 2
    n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" -ne "$want" ]; then
        echo "FAIL: $what: exit $st (expected $want)"
        cat "$tmp/out" "$tmp/err"
        fail=1
    fi
}

p1="$ex/paper-1d.json"
"$DIFFWKB" sample "$p1" --h 0.25 --steps 40 --n 20000 --seed 5 --threads 2 --out "$tmp/s1.csv" || exit 99

# correct em samples against the exact em law: consistent
expect 0 "correct em samples" "$DIFFWKB" validate "$p1" "$tmp/s1.csv" --h 1/4 --steps 40 --method em
grep -q '^verdict = consistent$' "$tmp/out" || { echo "FAIL: no consistent verdict"; fail=1; }
grep -q '^reference = affine-gaussian (exact law of em with 40 steps' "$tmp/out" \
    || { echo "FAIL: reference line"; cat "$tmp/out"; fail=1; }
cp "$tmp/out" "$tmp/report1"

# the discrete em law by bc: v_t = v0 e^-t + 1 - e^-t, D = -1/2 + c (1+eps)/v_t,
# c = (1+h)/2, var <- (1 - dt D(t_n))^2 var + h dt, t_n = 5 - n dt, var_0 = 1
cat >"$tmp/defs" <<'BC'
scale = 60
v0 = 0.3; ep = 0.1; hh = 0.25; kk = 40; dt = 5/kk
define vt(t) { return v0*e(-t) + 1 - e(-t); }
define emvar() {
    auto i, t, m, v;
    v = 1
    for (i = 0; i < kk; i++) {
        t = 5 - i*dt
        m = 1 - dt*(-1/2 + (1 + hh)/2*(1 + ep)/vt(t))
        v = m^2*v + hh*dt
    }
    return v
}
w = 1 + (e(5) - 1)/v0
define u(h) {
    auto m;
    m = (1 + h)*(1 + ep)
    return e(5 - m*l(w)) + h*v0*(e((1 - m)*l(w)) - 1)/(1 - m)
}
BC
b=$(sed -n 's/^var: .*discrete law \(\[[^]]*\]\).*/\1/p' "$tmp/report1")
contains "discrete em variance" "$b" "emvar()"
b=$(sed -n 's/^var: .*continuous \(\[[^]]*\]\).*/\1/p' "$tmp/report1")
contains "continuous variance u_0(1/4)" "$b" "u(0.25)"
n=$((n + 1))
grep -q '^mean: .*discrete law 0, continuous 0' "$tmp/report1" \
    || { echo "FAIL: centred model: mean not exactly 0"; fail=1; }

# the same samples against the continuous law: the em bias at 40 steps is visible
expect 1 "em samples (40 steps) against the continuous law" \
    "$DIFFWKB" validate "$p1" "$tmp/s1.csv" --h 1/4
grep -q '^var: .*REJECT$' "$tmp/out" || { echo "FAIL: variance not rejected"; cat "$tmp/out"; fail=1; }
grep -q '^verdict = INCONSISTENT$' "$tmp/out" || { echo "FAIL: no INCONSISTENT verdict"; fail=1; }

# samples of h = 1 claimed as h = 1/4: rejected
"$DIFFWKB" sample "$p1" --h 1 --steps 40 --n 20000 --seed 6 --threads 2 --out "$tmp/s2.csv" || exit 99
expect 1 "h = 1 samples judged as h = 1/4" "$DIFFWKB" validate "$p1" "$tmp/s2.csv" --h 1/4 --steps 40

# samples scaled by 1.02 (n = 10^5): rejected; unscaled: accepted
"$DIFFWKB" sample "$p1" --h 0.25 --steps 40 --n 100000 --seed 7 --threads 2 --out "$tmp/s3.csv" || exit 99
expect 0 "correct em samples, n = 10^5" "$DIFFWKB" validate "$p1" "$tmp/s3.csv" --h 1/4 --steps 40
awk '/^#/ { print; next } { printf "%.17g\n", 1.02 * $1 }' "$tmp/s3.csv" >"$tmp/s3x.csv"
expect 1 "samples x 1.02, n = 10^5" "$DIFFWKB" validate "$p1" "$tmp/s3x.csv" --h 1/4 --steps 40

# 2D, pf-rk4 (h = 0), JSON output
p2="$ex/gauss2d-vp.json"
"$DIFFWKB" sample "$p2" --h 0 --method pf-rk4 --steps 20 --n 20000 --threads 2 --out "$tmp/s4.csv" || exit 99
expect 0 "2D pf-rk4 samples, JSON" "$DIFFWKB" validate "$p2" "$tmp/s4.csv" --h 0 --steps 20 --method pf-rk4 --json
n=$((n + 1))
[ "$(grep -c '' "$tmp/out")" -eq 1 ] && grep -q '"consistent": true}$' "$tmp/out" \
    && grep -q '"name": "cov\[0\]\[1\]"' "$tmp/out" \
    || { echo "FAIL: JSON report"; cat "$tmp/out"; fail=1; }
if command -v python3 >/dev/null 2>&1; then
    n=$((n + 1))
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["dim"] == 2 and len(d["tests"]) == 5' \
        "$tmp/out" || { echo "FAIL: JSON does not parse"; fail=1; }
fi
# stdin
expect 0 "samples from standard input" sh -c "\"\$DIFFWKB\" validate \"$p2\" - --h 0 --steps 20 --method pf-rk4 <\"$tmp/s4.csv\""

# bad input: one line on stderr, nothing on stdout, exit 2
printf '# comment\n0.5\n0.25\nabc\n' >"$tmp/bad1.csv"
bad validate "bad1.csv:4: field 1: not a finite decimal number: 'abc'" "$p1" "$tmp/bad1.csv" --h 0
printf '0.5\n0.1,0.2\n' >"$tmp/bad2.csv"
bad validate "bad2.csv:2: 2 coordinates, expected 1" "$p1" "$tmp/bad2.csv" --h 0
printf '0.5\n\n1e5000\n' >"$tmp/bad3.csv"
bad validate "bad3.csv:3: field 1: not a finite decimal number" "$p1" "$tmp/bad3.csv" --h 0
printf '0.5,\n' >"$tmp/bad4.csv"
bad validate "bad4.csv:1: empty field 2" "$p1" "$tmp/bad4.csv" --h 0
printf '# only comments\n' >"$tmp/bad5.csv"
bad validate "bad5.csv: no samples" "$p1" "$tmp/bad5.csv" --h 0
bad validate "--h: missing" "$p1" "$tmp/s1.csv"
bad validate "--h: must be >= 0" "$p1" "$tmp/s1.csv" --h -1
bad validate "--alpha: must lie in (0, 1)" "$p1" "$tmp/s1.csv" --h 0 --alpha 1
bad validate "h must be 0" "$p1" "$tmp/s1.csv" --h 1/4 --steps 40 --method pf-heun
bad validate "--steps: missing" "$p1" "$tmp/s1.csv" --h 0 --method pf-rk4
bad validate "--method: unknown method" "$p1" "$tmp/s1.csv" --h 0 --steps 4 --method rk2
bad validate "cannot open" "$p1" "$tmp/nonexistent.csv" --h 0
bad validate "missing SAMPLES" "$p1"

# --convergence: em at K = 10 and 2K = 20 steps (independent seeds): the observed
# differences of mean and variance match the exact em laws' differences
"$DIFFWKB" sample "$p1" --h 0.25 --steps 10 --n 20000 --seed 11 --threads 2 --out "$tmp/k10.csv" || exit 99
"$DIFFWKB" sample "$p1" --h 0.25 --steps 20 --n 20000 --seed 12 --threads 2 --out "$tmp/k20.csv" || exit 99
expect 0 "convergence em 10/20 steps" "$DIFFWKB" validate "$p1" "$tmp/k10.csv" --h 1/4 --steps 10 --convergence "$tmp/k20.csv"
n=$((n + 1))
grep -q '^convergence = em with K = 10 and 2K = 20 steps, weak order p = 1' "$tmp/out" \
    && grep -q '^var: K .*exact-law difference' "$tmp/out" \
    && grep -q '^var: richardson estimate .*exact bias(2K)' "$tmp/out" \
    && grep -q '^verdict = consistent$' "$tmp/out" \
    || { echo "FAIL: convergence report"; cat "$tmp/out"; fail=1; }
# the 10-step run passed off as the 20-step run: the bias does not shrink, rejected
expect 1 "convergence: K-step samples given as the 2K run" "$DIFFWKB" validate "$p1" "$tmp/k10.csv" --h 1/4 --steps 10 --convergence "$tmp/k10.csv"
grep -q '^var: K .*REJECT$' "$tmp/out" || { echo "FAIL: convergence variance not rejected"; cat "$tmp/out"; fail=1; }
# pf-euler samples claimed as pf-heun (order 1 bias claimed as order 2): rejected
"$DIFFWKB" sample "$p1" --h 0 --method pf-euler --steps 10 --n 20000 --seed 13 --threads 2 --out "$tmp/e10.csv" || exit 99
"$DIFFWKB" sample "$p1" --h 0 --method pf-euler --steps 20 --n 20000 --seed 14 --threads 2 --out "$tmp/e20.csv" || exit 99
expect 0 "convergence pf-euler 10/20" "$DIFFWKB" validate "$p1" "$tmp/e10.csv" --h 0 --method pf-euler --steps 10 --convergence "$tmp/e20.csv"
expect 1 "convergence pf-euler claimed pf-heun" "$DIFFWKB" validate "$p1" "$tmp/e10.csv" --h 0 --method pf-heun --steps 10 --convergence "$tmp/e20.csv"
# JSON
expect 0 "convergence JSON" "$DIFFWKB" validate "$p1" "$tmp/k10.csv" --h 1/4 --steps 10 --convergence "$tmp/k20.csv" --json
n=$((n + 1))
[ "$(grep -c '' "$tmp/out")" -eq 1 ] && grep -q '"mode": "convergence"' "$tmp/out" \
    && grep -q '"consistent": true}$' "$tmp/out" || { echo "FAIL: convergence JSON"; cat "$tmp/out"; fail=1; }
if command -v python3 >/dev/null 2>&1; then
    n=$((n + 1))
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["order"] == 1 and d["steps2"] == 20 and len(d["items"]) == 2 and d["test"] == "difference"' \
        "$tmp/out" || { echo "FAIL: convergence JSON does not parse"; fail=1; }
fi
# no certified law (mixture, normal prior): Richardson estimates only, exit 0
"$DIFFWKB" sample "$ex/mixture1d.json" --h 0.5 --steps 10 --n 2000 --seed 15 --threads 2 --out "$tmp/m10.csv" || exit 99
"$DIFFWKB" sample "$ex/mixture1d.json" --h 0.5 --steps 20 --n 2000 --seed 16 --threads 2 --out "$tmp/m20.csv" || exit 99
expect 0 "convergence without a certified law" "$DIFFWKB" validate "$ex/mixture1d.json" "$tmp/m10.csv" --h 1/2 --steps 10 --convergence "$tmp/m20.csv"
n=$((n + 1))
grep -q '^mean: richardson estimate' "$tmp/out" && grep -q '^verdict = untested (estimates only)$' "$tmp/out" \
    || { echo "FAIL: convergence estimates"; cat "$tmp/out"; fail=1; }
bad validate "--convergence: --steps K missing" "$p1" "$tmp/k10.csv" --h 1/4 --convergence "$tmp/k20.csv"
bad validate "--convergence: needs a fixed-step method" "$p1" "$tmp/k10.csv" --h 0 --steps 10 --method pf-rk45 --convergence "$tmp/k20.csv"
bad validate "cannot open" "$p1" "$tmp/k10.csv" --h 1/4 --steps 10 --convergence "$tmp/nonexistent.csv"

# no certified law (mixture data, exact score, normal prior, h > 0): estimates only, exit 0
expect 0 "estimates without a certified law" "$DIFFWKB" validate "$ex/mixture1d.json" "$tmp/m10.csv" --h 1/2
n=$((n + 1))
grep -q '^reference = none$' "$tmp/out" && grep -q '^# no test is run' "$tmp/out" \
    && grep -q '^loglik_data_t0: mean .*, se ' "$tmp/out" \
    && grep -q '^# c0, c1 not computed' "$tmp/out" \
    && grep -q '^verdict = untested (estimates only)$' "$tmp/out" \
    || { echo "FAIL: estimates report"; cat "$tmp/out"; fail=1; }
# the data-law mean agrees with the same mean computed in double precision by awk
# (log of 0.3 N(-1, 0.2) + 0.7 N(1.5, 0.5) at each sample)
m=$(awk -F, '!/^#/ && NF { x = $1; p = 0.3 * exp(-(x + 1)^2 / 0.4) / sqrt(2 * 3.141592653589793 * 0.2) + 0.7 * exp(-(x - 1.5)^2 / 1.0) / sqrt(2 * 3.141592653589793 * 0.5); s += log(p); k++ } END { printf "%.12f", s / k }' "$tmp/m10.csv")
ball=$(sed -n 's/^loglik_data_t0: mean \(\[[^]]*\]\).*/\1/p' "$tmp/out" | sed 's/ +\/- .*\]/]/; s/\[//; s/\]//')
n=$((n + 1))
echo "d = $ball - ($m); if (d < 0) d = -d; d < 10^(-6)" | bc -l | grep -q '^1$' \
    || { echo "FAIL: loglik_data_t0 $ball vs awk $m"; fail=1; }
expect 0 "estimates with --nll-points 2, JSON" "$DIFFWKB" validate "$ex/mixture1d.json" "$tmp/m10.csv" --h 1/2 --nll-points 2 --json
n=$((n + 1))
[ "$(grep -c '' "$tmp/out")" -eq 1 ] && grep -q '"nll_points": 2' "$tmp/out" \
    && grep -q '"verdict": "untested (estimates only)"}$' "$tmp/out" \
    || { echo "FAIL: estimates JSON"; cat "$tmp/out"; fail=1; }
if command -v python3 >/dev/null 2>&1; then
    n=$((n + 1))
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["tested"] is False and d["c1_mean"] is not None and d["loglik_model_first_order_se"] is not None' \
        "$tmp/out" || { echo "FAIL: estimates JSON does not parse"; fail=1; }
fi
bad validate "--nll-points: " "$ex/mixture1d.json" "$tmp/m10.csv" --h 1/2 --nll-points -1

echo "cli-validate: $n checks"
if [ "$fail" -ne 0 ]; then
    exit 1
fi
echo PASS
exit 0
