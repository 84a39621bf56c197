#!/bin/sh
# cli-action.sh: `diffwkb action` against independent closed forms (bc -l at
# 100 digits).
#  - --lagrangian forward on the paper's 1D model (const schedule, beta = 1:
#    f = -1/2, g^2 = 1): a = e^{-(t1-t0)/2}, s2 = 1 - e^{-(t1-t0)},
#    A = (x1 - a x0)^2/(2 s2), J = (1/2) log a, D = s2/a, log N(x1; a x0, s2).
#  - --lagrangian h on the same model (Gaussian data, scaled score
#    s = -(1+eps) x/v_t, v_t = 1 - 0.7 e^{-t}): the drift
#    F_h = k(t) x, k = -1/2 + m/(1 - 0.7 e^{-t}), m = (1+h)(1+eps)/2, is
#    linear with K(t) = int k = -t/2 + m log(e^t - 0.7); the backward kernel
#    of Eq. (9) from (t1, x1) to t0 is N(x0; F x1, V), F = e^{K(t0) - K(t1)},
#    V = h e^{2K(t0)} [(e^t - 0.7)^{1-2m}/(1-2m)]_{t0}^{t1}, and the
#    classical path has A = (x0 - F x1)^2/(2V), int div F_h = K(t1) - K(t0),
#    D = V/F; its semiclassical log-density must contain log N(x0; F x1, V).
#  - --lagrangian h on a mixture (nonlinear drift): certified, narrow, D > 0.
#  - bad options exit 2 with one line on stderr and nothing on stdout.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

cat >"$tmp/defs" <<'BC'
define pw(x, y) { return e(y*l(x)); }
/* forward, const beta = 1 */
define fa(t0, t1) { return e(-(t1 - t0)/2); }
define fs(t0, t1) { return 1 - e(-(t1 - t0)); }
/* h-Lagrangian, paper-1d model, eps = 0.1 */
define m(h) { return (1 + h)*1.1/2; }
define kk(t, h) { return -t/2 + m(h)*l(e(t) - 0.7); }
define ff(t0, t1, h) { return e(kk(t0, h) - kk(t1, h)); }
define vv(t0, t1, h) {
    auto c;
    c = 1 - 2*m(h)
    return h*e(2*kk(t0, h))*(pw(e(t1) - 0.7, c) - pw(e(t0) - 0.7, c))/c
}
BC

# --lagrangian forward (the default), paper-1d
run action "$ex/paper-1d.json" --x0 0.5 --x1 -0.25 --t0 1/4 --t1 2 --digits 30
a="fa(0.25, 2)"; s="fs(0.25, 2)"
contains "forward action" "$(field action "$tmp/out")" "(-0.25 - $a*0.5)^2/(2*$s)"
contains "forward jacobian" "$(field jacobian "$tmp/out")" "l($a)/2"
contains "forward fluctuation_det" "$(field fluctuation_det "$tmp/out")" "$s/$a"
contains "forward log density" "$(field log_transition_density "$tmp/out")" \
    "0 - (-0.25 - $a*0.5)^2/(2*$s) - l(2*pi*$s)/2"
contains "forward log semiclassical" "$(field log_semiclassical_density "$tmp/out")" \
    "0 - (-0.25 - $a*0.5)^2/(2*$s) - l(2*pi*$s)/2"
n=$((n + 1))
grep -q '^semiclassical == exact: yes' "$tmp/out" || { echo "FAIL: forward: densities disagree"; fail=1; }
run action "$ex/paper-1d.json" --x0 0.5 --x1 -0.25 --lagrangian forward
contains "forward default times" "$(field fluctuation_det "$tmp/out")" "fs(0, 5)/fa(0, 5)"

# --lagrangian h on the Gaussian paper-1d model: exact backward kernel
for c in "0.3 -0.4 1/2 1/2 1" "-1 0.75 1 0 1/2"; do
    set -- $c
    x0=$1; x1=$2; h=$3; t0=$4; t1=$5
    run action "$ex/paper-1d.json" --lagrangian h --h "$h" --x0 "$x0" --x1 "$x1" --t0 "$t0" --t1 "$t1"
    H="($h)"; T0="($t0)"; T1="($t1)"
    F="ff($T0, $T1, $H)"; V="vv($T0, $T1, $H)"
    contains "h=$h action" "$(field action "$tmp/out")" "($x0 - $F*($x1))^2/(2*$V)"
    contains "h=$h div_integral" "$(field div_integral "$tmp/out")" "kk($T1, $H) - kk($T0, $H)"
    contains "h=$h fluctuation_det" "$(field fluctuation_det "$tmp/out")" "$V/$F"
    contains "h=$h log semiclassical = log kernel" "$(field log_semiclassical_density "$tmp/out")" \
        "0 - ($x0 - $F*($x1))^2/(2*$V) - l(2*pi*$V)/2"
    contains "h=$h p0 (scale check)" "$(field p0 "$tmp/out")" \
        "(($x1) - ($x0)/$F)/($V/$F)"
done
n=$((n + 1))
grep -q '^# semiclassical backward kernel.*approximation' "$tmp/out" \
    || { echo "FAIL: h: the approximation note is missing"; fail=1; }

# --lagrangian h on a mixture (nonlinear drift): certified, narrow balls
run action "$ex/mixture1d.json" --lagrangian h --h 1/2 --x0 0.2 --x1 0.9 --t0 1/2 --t1 1 --json
n=$((n + 1))
python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))
def rad(b):
    b = b.strip("[]")
    return float(b.split("+/-")[1]) if "+/-" in b else 0.0
def mid(b):
    b = b.strip("[]")
    return float(b.split("+/-")[0]) if "+/-" in b and not b.startswith("+/-") else (0.0 if "+/-" in b else float(b))
assert o["lagrangian"] == "h" and o["h"] == "1/2" and len(o["p0"]) == 1, o
for k in ["action", "div_integral", "fluctuation_det", "log_semiclassical_density"]:
    assert rad(o[k]) < 1e-8 and abs(mid(o[k])) < 1e6, (k, o[k])
assert rad(o["p0"][0]) < 1e-8, o["p0"]
assert mid(o["fluctuation_det"]) > 0 and mid(o["action"]) > 0, o
assert "approximation" in o["note"], o
' "$tmp/out" || { echo "FAIL: mixture --lagrangian h"; cat "$tmp/out"; fail=1; }
# --lagrangian forward on the mixture: the closed form (linear forward drift)
run action "$ex/mixture1d.json" --x0 0.2 --x1 0.9 --t0 1/2 --t1 1
contains "mixture forward D" "$(field fluctuation_det "$tmp/out")" "fs(0.5, 1)/fa(0.5, 1)"

# bad options
p="$ex/paper-1d.json"
bad action "--lagrangian: expected" "$p" --x0 0 --x1 1 --lagrangian backward
bad action "needs --h" "$p" --x0 0 --x1 1 --lagrangian h
bad action "--h: need h > 0" "$p" --x0 0 --x1 1 --lagrangian h --h 0
bad action "--h: need h > 0" "$p" --x0 0 --x1 1 --lagrangian h --h -1/2
bad action "--h" "$p" --x0 0 --x1 1 --lagrangian h --h abc
bad action "only with --lagrangian h" "$p" --x0 0 --x1 1 --h 1/2
bad action "--digits" "$p" --x0 0 --x1 1 --lagrangian h --h 1 --digits 0
bad action "--t0/--t1" "$p" --x0 0 --x1 1 --lagrangian h --h 1 --t0 1 --t1 1/2
bad action "expected 1 coordinates" "$p" --x0 0,1 --x1 1 --lagrangian h --h 1
bad action "could not reach 80 digits" "$p" --x0 0 --x1 1 --lagrangian h --h 1 --t0 1/2 --t1 1 --digits 80
# a path from 0 to 50 in time 1/1000 (speed 5e4): the validated shooting
# integration fails at every precision up to the cap; reported, no value
bad action "no certified classical path" "$p" --x0 0 --x1 50 --lagrangian h --h 1/100 --t0 0 --t1 1/1000

if [ "$fail" -ne 0 ]; then
    echo "cli-action: FAIL"
    exit 1
fi
echo "cli-action: PASS ($n checks)"
exit 0
