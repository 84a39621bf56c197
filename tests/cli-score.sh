#!/bin/sh
# cli-score.sh: `diffwkb score` against hand values.
# Each printed ball must contain the value computed independently by bc -l
# (at 60-100 digits) from the closed forms p_t = sum_k w_k N(a m_k, a^2 S_k + s2 I);
# bad options must exit 2 with one line on stderr and nothing on stdout.
set -u
: "${srcdir:?srcdir must point to the source tree}"
. "$srcdir/tests/testlib.sh"

# ---- the paper's 1D model: N(0, 0.3), const beta = 1, scaled eps = 0.1
: >"$tmp/defs"
run score "$ex/paper-1d.json" --x 0 --t 0
contains "1d t=0 log_p" "$(field log_p "$tmp/out")" "-l(2*pi*0.3)/2"
contains "1d t=0 score" "$(field 'score\[0\]' "$tmp/out")" "0"
contains "1d t=0 laplacian" "$(field laplacian "$tmp/out")" "-1/0.3"
contains "1d t=0 model_score" "$(field 'model_score\[0\]' "$tmp/out")" "0"
contains "1d t=0 model_div" "$(field model_div "$tmp/out")" "-1.1/0.3"

# v_t = 0.3 e^-t + 1 - e^-t
echo "define v(t) { return 0.3*e(-t) + 1 - e(-t); }" >"$tmp/defs"
run score "$ex/paper-1d.json" --x 0.5 --t 1
contains "1d t=1 log_p" "$(field log_p "$tmp/out")" "-l(2*pi*v(1))/2 - 0.25/(2*v(1))"
contains "1d t=1 score" "$(field 'score\[0\]' "$tmp/out")" "-0.5/v(1)"
contains "1d t=1 laplacian" "$(field laplacian "$tmp/out")" "-1/v(1)"
contains "1d t=1 model_score" "$(field 'model_score\[0\]' "$tmp/out")" "-1.1*0.5/v(1)"
contains "1d t=1 model_div" "$(field model_div "$tmp/out")" "-1.1/v(1)"

# exact rationals in --x; t = T is allowed
run score "$ex/paper-1d-exact.json" --x 1/3 --t 5
contains "1d x=1/3 t=T log_p" "$(field log_p "$tmp/out")" "-l(2*pi*v(5))/2 - (1/9)/(2*v(5))"
if grep -q model "$tmp/out"; then
    echo "FAIL: exact score model printed a model score"; fail=1
fi

# --digits 40: the balls are that accurate and still contain the value
run score "$ex/paper-1d.json" --x -2 --t 2.5 --digits 40
b=$(field log_p "$tmp/out")
contains "1d digits=40 log_p" "$b" "-l(2*pi*v(2.5))/2 - 4/(2*v(2.5))"
rad=$(tobc "$(echo "$b" | sed 's/^.* +\/- \(.*\)\]$/\1/')")
ok=$(printf "%s\n" "scale=100" "($rad) < 10^(-39)" | bc -l)
n=$((n + 1))
if [ "$ok" != 1 ]; then
    echo "FAIL: --digits 40 gave radius $rad"; fail=1
fi

# --json
run score "$ex/paper-1d.json" --x 0.5 --t 1 --json
n=$((n + 1))
if [ "$(grep -c '' "$tmp/out")" -ne 1 ]; then
    echo "FAIL: --json printed more than one line"; fail=1
fi
if command -v python3 >/dev/null 2>&1; then
    n=$((n + 1))
    python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert set(o) == {"x","t","log_p","score","laplacian","model_score","model_div"}, o; assert o["x"] == ["0.5"] and o["t"] == "1"' "$tmp/out" \
        || { echo "FAIL: --json output is not the expected JSON object"; cat "$tmp/out"; fail=1; }
fi
j=$(sed -n 's/.*"log_p": "\([^"]*\)".*/\1/p' "$tmp/out")
contains "json log_p" "$j" "-l(2*pi*v(1))/2 - 0.25/(2*v(1))"
j=$(sed -n 's/.*"score": \["\([^"]*\)"\].*/\1/p' "$tmp/out")
contains "json score" "$j" "-0.5/v(1)"
j=$(sed -n 's/.*"laplacian": "\([^"]*\)".*/\1/p' "$tmp/out")
contains "json laplacian" "$j" "-1/v(1)"

# ---- 1D mixture 0.3 N(-1, 0.2) + 0.7 N(1.5, 0.5), const beta = 1, x = 0.25, t = 0.5
cat >"$tmp/defs" <<'BC'
a = e(-0.25)
s = 1 - e(-0.5)
define nd(x, m, v) { return e(0 - (x - m)^2/(2*v))/sqrt(2*pi*v); }
x = 0.25
m1 = -a; v1 = a^2*0.2 + s
m2 = 1.5*a; v2 = a^2*0.5 + s
p = 0.3*nd(x, m1, v1) + 0.7*nd(x, m2, v2)
p1 = -0.3*nd(x, m1, v1)*(x - m1)/v1 - 0.7*nd(x, m2, v2)*(x - m2)/v2
p2 = 0.3*nd(x, m1, v1)*((x - m1)^2/v1^2 - 1/v1) + 0.7*nd(x, m2, v2)*((x - m2)^2/v2^2 - 1/v2)
BC
run score "$ex/mixture1d.json" --x 0.25 --t 0.5 --digits 30
contains "mixture log_p" "$(field log_p "$tmp/out")" "l(p)"
contains "mixture score" "$(field 'score\[0\]' "$tmp/out")" "p1/p"
contains "mixture laplacian" "$(field laplacian "$tmp/out")" "p2/p - (p1/p)^2"

# ---- correlated 2D Gaussian, vp (0.1, 20), t = 1: int_0^1 b = 10.05
cat >"$tmp/defs" <<'BC'
a = e(-10.05/2)
s = 1 - a^2
c11 = a^2*1 + s; c12 = a^2*0.3; c22 = a^2*0.5 + s
det = c11*c22 - c12^2
y1 = 0.5 - a*1; y2 = -0.2 - a*(-0.5)
g1 = -(c22*y1 - c12*y2)/det
g2 = -(-c12*y1 + c11*y2)/det
q = -(g1*y1 + g2*y2)
BC
run score "$ex/gauss2d-vp.json" --x 0.5,-0.2 --t 1
contains "vp log_p" "$(field log_p "$tmp/out")" "-l(2*pi) - l(det)/2 - q/2"
contains "vp score[0]" "$(field 'score\[0\]' "$tmp/out")" "g1"
contains "vp score[1]" "$(field 'score\[1\]' "$tmp/out")" "g2"
contains "vp laplacian" "$(field laplacian "$tmp/out")" "-(c11 + c22)/det"
contains "vp model_score[1]" "$(field 'model_score\[1\]' "$tmp/out")" "1.05*g2"

# ---- 25-Gaussian, simple schedule, t = 0.5, x = (0.3, -0.1); misspecified score
cat >"$tmp/defs" <<'BC'
a = e(-5*0.25)
s = 1 - e(-10*0.25)
define lp(x, y, w) {
    auto i, j, m1, m2, v, p;
    v = a^2*w/7.997584 + s
    p = 0
    for (i = -2; i <= 2; i++) for (j = -2; j <= 2; j++) {
        m1 = a*2*i/2.828; m2 = a*2*j/2.828
        p = p + e(-((x - m1)^2 + (y - m2)^2)/(2*v))/(2*pi*v)/25
    }
    return l(p)
}
h = 10^(-30)
BC
run score "$ex/g25-simple-misspec.json" --x 0.3,-0.1 --t 0.5
contains "g25 log_p" "$(field log_p "$tmp/out")" "lp(0.3, -0.1, 0.0025)"
# score and model score by central differences of lp (error ~ h^2, far below the printed radius)
contains "g25 score[0]" "$(field 'score\[0\]' "$tmp/out")" "(lp(0.3 + h, -0.1, 0.0025) - lp(0.3 - h, -0.1, 0.0025))/(2*h)"
contains "g25 model_score[1]" "$(field 'model_score\[1\]' "$tmp/out")" "(lp(0.3, -0.1 + h, 0.003) - lp(0.3, -0.1 - h, 0.003))/(2*h)"

# ---- bad options: exit 2, one line on stderr naming the option, nothing on stdout
p1="$ex/paper-1d.json"
bad score "--x is required" "$p1" --t 0
bad score "--t is required" "$p1" --x 0
bad score "--x: expected 1 coordinate " "$p1" --x 0,0 --t 0
bad score "--x: expected 2 coordinates" "$ex/gauss2d-vp.json" --x 0 --t 0.5
bad score "--x: coordinate 2" "$p1" --x 0, --t 0
bad score "--x: coordinate 1: 'abc'" "$p1" --x abc --t 0
bad score "--x: missing value" "$p1" --t 0 --x
bad score "--t: t = 5.0001 is outside [t0, T] = [0, 5]" "$p1" --x 0 --t 5.0001
bad score "--t: t = -1 is outside" "$p1" --x 0 --t -1
bad score "--t: t = 0.005 is outside [t0, T] = [0.01, 1]" "$ex/g25-simple.json" --x 0,0 --t 0.005
bad score "--t: t = 0.9995 is outside" "$ex/g25-cosine.json" --x 0,0 --t 0.9995
bad score "--t: 'NaN'" "$p1" --x 0 --t NaN
bad score "--digits: expected an integer" "$p1" --x 0 --t 0 --digits -1
bad score "--digits: expected an integer" "$p1" --x 0 --t 0 --digits 0
bad score "--digits: expected an integer" "$p1" --x 0 --t 0 --digits abc
bad score "--digits: expected an integer" "$p1" --x 0 --t 0 --digits 100000
bad score "unknown option '--y'" "$p1" --x 0 --t 0 --y 1
bad score "missing PROBLEM" --x 0 --t 0
bad score "more than one problem file" "$p1" "$p1" --x 0 --t 0
bad score "does-not-exist.json: cannot open" "$ex/does-not-exist.json" --x 0 --t 0

# --help
n=$((n + 1))
if ! "$DIFFWKB" score --help >"$tmp/out" 2>&1 || ! grep -q '^Usage: diffwkb score' "$tmp/out"; then
    echo "FAIL: diffwkb score --help"; fail=1
fi

[ "$fail" -eq 0 ] && echo "PASS: $n checks"
exit "$fail"
