#!/bin/sh
# flow-trajectory.sh: certified probability-flow trajectories of the 2D
# 25-Gaussian (examples/g25-simple.json: SIMPLE schedule on [0.01, 1],
# exact score, prior N(0, I)) from a few latent points z at T = 1 down to
# t0 = 0.01, with diffwkb flow --csv --at (dense output of the validated
# ODE solve: every row's x_i lies within x_i_rad of the true X(t)).
#
#     sh examples/flow-trajectory.sh [OUTDIR] [DIGITS] [NTIMES]
#                                   (defaults: ., 10, 25)
#
# Writes OUTDIR/flow-trajectory-K.csv (K = 1, 2, ...; columns
# t,x1,x1_rad,x2,x2_rad,log_q,log_q_rad at NTIMES times from 1 down to
# 0.01, log_q = log q^0_t(X_t) the CNF log-density of the h = 0 model)
# and, if gnuplot is installed, OUTDIR/flow-trajectory.png (the paths in
# the plane over the 25 component means); without gnuplot the plot is
# skipped.  Each point takes some seconds (the score is a 25-component
# mixture; the solve is certified).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
digits=${2:-10}
ntimes=${3:-25}
problem="$here/g25-simple.json"
mkdir -p "$out"

# NTIMES exact decimal times from 1 down to 0.01 (4 decimals, last 0.01)
times=$(awk -v n="$ntimes" 'BEGIN {
    if (n < 2) n = 2
    for (k = 0; k < n; k++) {
        t = (k == n - 1) ? 100 : int(10000 - 9900 * k / (n - 1) + 0.5)
        s = s (k ? "," : "") sprintf("%d.%04d", int(t / 10000), t % 10000)
    }
    print s }')

k=0
for z in 0.3,-0.7 -1.2,0.4 0.8,1.1 -0.5,-1.5 1.6,0.2; do
    k=$((k + 1))
    "$diffwkb" flow "$problem" --z "$z" --at "$times" --logdensity --digits "$digits" --csv \
        >"$out/flow-trajectory-$k.csv"
    end=$(tail -n 1 "$out/flow-trajectory-$k.csv" | cut -d, -f2,4)
    echo "z = ($z) -> x = ($end)"
done

if command -v gnuplot >/dev/null 2>&1; then
    {
        echo "set terminal png size 800,800"
        echo "set output '$out/flow-trajectory.png'"
        echo "set datafile separator ','"
        echo "set title 'Probability-flow trajectories, 25-Gaussian (T = 1 to t0 = 0.01)'"
        echo "set xlabel 'x1'; set ylabel 'x2'; set size square; set key off"
        echo "set xrange [-2.2:2.2]; set yrange [-2.2:2.2]"
        echo "\$means << EOD"
        for i in -4 -2 0 2 4; do
            for j in -4 -2 0 2 4; do
                echo "$i $j" | awk '{ printf "%.6f,%.6f\n", $1 / 2.828, $2 / 2.828 }'
            done
        done
        echo "EOD"
        printf "plot \$means using 1:2 with points pt 7 ps 1.5 lc rgb 'gray'"
        i=1
        while [ "$i" -le "$k" ]; do
            printf ", '%s' using 2:4 every ::1 with linespoints pt 7 ps 0.5" "$out/flow-trajectory-$i.csv"
            i=$((i + 1))
        done
        echo
    } | gnuplot && echo "wrote $out/flow-trajectory.png"
else
    echo "gnuplot not found: plot skipped"
fi
