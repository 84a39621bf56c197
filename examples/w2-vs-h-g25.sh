#!/bin/sh
# w2-vs-h-g25.sh: W2 between samples of the data law p_t0 and the model
# samples against the noise level h (the paper's Fig. 4 analogue) for the
# 2D 25-Gaussian with a misspecified mixture score
# (examples/g25-simple-misspec.json: component variances 20% too large,
# SIMPLE schedule on [0.01, 1], prior N(0, I)).
#
#     sh examples/w2-vs-h-g25.sh [OUTDIR] [N] [STEPS]   (defaults: ., 2000, 200)
#
# For h in {0, 0.05, 0.1, 0.15, 0.2}: N Euler-Maruyama samples (diffwkb
# sample, STEPS steps).  Reference: N samples of p_t0 drawn by diffwkb sample
# on the same problem with the exact score and the prior "marginal" (every h
# then has marginal p_t0), probability flow pf-rk45 (rtol 1e-8, atol 1e-10),
# another seed.  Everything here is sampled in double precision: the W2
# values are estimates (statistical noise and the sampler's bias remain),
# not certified numbers.  No certified law exists for these samples (mixture
# score, h > 0): diffwkb validate would report estimates only.
#
# W2 between the two equal-size point clouds:
#   exact   the optimal assignment (scipy.optimize.linear_sum_assignment),
#           when python3 has numpy and scipy;
#   sliced  otherwise: the sliced W2, (mean over 50 fixed random directions
#           of the 1D W2^2 of the projections)^(1/2), pure python3; it never
#           exceeds the exact W2 of the same two clouds (projections are
#           1-Lipschitz) and has another scale (about W2 / sqrt(2) in 2D).
# The column "method" says which one was used.  The noise floor (the same
# W2 between two independent sets of N samples of p_t0) is written as a
# comment line and drawn as a horizontal line.  At the default N = 2000 the
# differences between the h values are of the order of that floor (the
# counts of the 25 clusters fluctuate): read the curve as a picture of the
# pipeline, not as evidence; larger N (e.g. 20000) is needed for the shape.
# Writes OUTDIR/w2-vs-h-g25.dat and, if gnuplot is installed,
# OUTDIR/w2-vs-h-g25.png.  Needs python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
nsamp=${2:-2000}
steps=${3:-200}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/w2-vs-h-g25.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prob="$here/g25-simple-misspec.json"
command -v python3 >/dev/null 2>&1 || { echo "w2-vs-h-g25.sh: python3 not found" >&2; exit 77; }

# the reference problem: same data and schedule, exact score, prior = p_T
python3 - "$prob" "$tmp/exact.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["comment"] = "g25-simple-misspec.json with the exact score and the prior marginal: samples of p_t0"
p["score"] = {"type": "exact"}
p["prior"] = {"type": "marginal"}
json.dump(p, open(sys.argv[2], "w"))
PY
"$diffwkb" sample "$tmp/exact.json" --h 0 --method pf-rk45 --steps 100 --rtol 1e-8 --atol 1e-10 \
    --n "$nsamp" --seed 999 --out "$tmp/ref.csv"

cat >"$tmp/w2.py" <<'PY'
import math, random, sys

def load(path):
    pts = []
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            pts.append([float(v) for v in line.split(",")])
    return pts

a, b = load(sys.argv[1]), load(sys.argv[2])
if len(a) != len(b):
    sys.exit("w2.py: the point clouds differ in size")
n, d = len(a), len(a[0])
try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    A, B = np.array(a), np.array(b)
    C = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    r, c = linear_sum_assignment(C)
    print("%.6g\texact" % math.sqrt(C[r, c].mean()))
except ImportError:
    rng = random.Random(12345)
    L, s = 50, 0.0
    for _ in range(L):
        u = [rng.gauss(0.0, 1.0) for _ in range(d)]
        nu = math.sqrt(sum(x * x for x in u))
        u = [x / nu for x in u]
        pa = sorted(sum(x * y for x, y in zip(p, u)) for p in a)
        pb = sorted(sum(x * y for x, y in zip(p, u)) for p in b)
        s += sum((x - y) ** 2 for x, y in zip(pa, pb)) / n
    print("%.6g\tsliced" % math.sqrt(s / L))
PY

"$diffwkb" sample "$tmp/exact.json" --h 0 --method pf-rk45 --steps 100 --rtol 1e-8 --atol 1e-10 \
    --n "$nsamp" --seed 998 --out "$tmp/ref2.csv"
floor=$(python3 "$tmp/w2.py" "$tmp/ref.csv" "$tmp/ref2.csv" | cut -f1)

{
    printf '# W2(samples of p_t0, model samples) against h, 25-Gaussian (SIMPLE, t0 = 0.01),\n'
    printf '# misspecified mixture score; %s em samples, %s steps; estimates, not certified\n' \
        "$nsamp" "$steps"
    printf '# noise floor (two independent sets of p_t0 samples): %s\n' "$floor"
    printf '# h\tw2\tmethod\n'
    i=0
    for h in 0 0.05 0.1 0.15 0.2; do
        "$diffwkb" sample "$prob" --h "$h" --steps "$steps" --n "$nsamp" --seed $((200 + i)) \
            --out "$tmp/s.csv"
        printf '%s\t%s\n' "$h" "$(python3 "$tmp/w2.py" "$tmp/ref.csv" "$tmp/s.csv")"
        i=$((i + 1))
    done
} >"$out/w2-vs-h-g25.dat"
echo "wrote $out/w2-vs-h-g25.dat"

if command -v gnuplot >/dev/null 2>&1; then
    method=$(awk '!/^#/ { print $3; exit }' "$out/w2-vs-h-g25.dat")
    gnuplot <<GP
set terminal pngcairo size 800,560 noenhanced
set output "$out/w2-vs-h-g25.png"
set title "W2(p_t0, model) against h, 2D 25-Gaussian, misspecified score (paper Fig. 4 analogue)"
set xlabel "h"
set ylabel "W2 ($method, estimate)"
set key top right
plot "$out/w2-vs-h-g25.dat" using 1:2 with linespoints pt 7 lw 2 title "em, $steps steps, n = $nsamp ($method W2 to samples of p_t0)", \
     $floor with lines dt 2 title "noise floor (p_t0 samples vs p_t0 samples)"
GP
    echo "wrote $out/w2-vs-h-g25.png"
fi
