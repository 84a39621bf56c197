#!/bin/sh
# c1-map.sh: the first-order WKB coefficient c_1(x) over the plane, where
# log q^h_{t0}(x) = c_0(x) + h c_1(x) + O(h^2), for the 25-Gaussian under
# SIMPLE with a misspecified score (examples/g25-simple-misspec.json: the
# exact score of the same mixture with variances 20% too large).  The grid
# is computed by the fast path (`loglik --points FILE --fast`: double, NOT
# certified); with CHECK = 1 one point between two modes is also computed
# certified (`--fast --check`), which bounds the fast path's actual error.
#
#     sh examples/c1-map.sh [OUTDIR] [THREADS] [N] [CHECK]
#
# Writes OUTDIR/c1-map.dat (x1 x2 c_0 c_1 on the N x N grid over [-2, 2]^2,
# rows separated by blank lines as gnuplot's image plots want) and, if
# gnuplot is installed, OUTDIR/c1-map.png (c_1 as a heat map on a signed
# logarithmic scale, with the component means).  Defaults: current directory, 2 threads, N = 81,
# CHECK = 1.  Measured: 6561 points in about 10 s on 2 threads; the check
# takes about 25 s (the certified route between two modes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
threads=${2:-2}
n=${3:-81}
check=${4:-1}
problem="$here/g25-simple-misspec.json"
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/c1-map.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# N x N exact decimals on [-2, 2]^2 (4 decimals), x2 fastest
awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) for (j = 0; j < n; j++)
    printf "%.4f,%.4f\n", -2 + 4 * i / (n - 1), -2 + 4 * j / (n - 1) }' >"$tmp/points"
start=$(date +%s)
"$diffwkb" loglik "$problem" --points "$tmp/points" --fast --threads "$threads" >"$tmp/out"
end=$(date +%s)
{
    echo "# c_0(x), c_1(x) of $problem by loglik --fast (double, NOT certified)"
    echo "# x1 x2 c_0 c_1"
    sed 's/.*"x": \[\([^,]*\), \([^]]*\)\].*"c": \[\([^,]*\), \([^]]*\)\].*/\1 \2 \3 \4/' "$tmp/out" \
        | awk -v n="$n" '{ print; if (NR % n == 0) print "" }'
} >"$out/c1-map.dat"
echo "wrote $out/c1-map.dat: $((n * n)) points in $((end - start)) s on $threads threads"
awk 'NF == 4 && $1 !~ /^#/ { if (min == "" || $4 < min) { min = $4; a = $1; b = $2 }
                             if (max == "" || $4 > max) { max = $4; c = $1; d = $2 } }
     END { printf "c_1 ranges from %.6g at (%s, %s) to %.6g at (%s, %s)\n", min, a, b, max, c, d }' \
    "$out/c1-map.dat"

if [ "$check" = 1 ]; then
    # halfway between the means (0, 0) and (2/2.828, 0)
    "$diffwkb" loglik "$problem" --x 0.3536,0 --fast --check
fi

if command -v gnuplot >/dev/null 2>&1; then
    {
        echo "set terminal png size 900,800"
        echo "set output '$out/c1-map.png'"
        echo "set title 'c_1(x): first-order h-coefficient of log q^h, 25-Gaussian, SIMPLE, variances +20%'"
        echo "f(c) = (c > 0 ? 1 : -1) * log10(1 + abs(c) / 1e-9)"
        echo "stats '$out/c1-map.dat' using (abs(f(\$4))) nooutput"
        echo "set cbrange [-STATS_max:STATS_max]"
        echo "set xlabel 'x1'; set ylabel 'x2'; set size square"
        echo "set xrange [-2:2]; set yrange [-2:2]; set key off"
        echo "set palette defined (-1 'blue', 0 'white', 1 'red')"
        echo "set cblabel 'sign(c_1) log10(1 + |c_1|/1e-9)'"
        echo "\$means << EOD"
        for i in -4 -2 0 2 4; do
            for j in -4 -2 0 2 4; do
                echo "$i $j" | awk '{ printf "%.6f %.6f\n", $1 / 2.828, $2 / 2.828 }'
            done
        done
        echo "EOD"
        echo "plot '$out/c1-map.dat' using 1:2:(f(\$4)) with image, \$means using 1:2 with points pt 7 ps 0.6 lc rgb 'black'"
    } | gnuplot && echo "wrote $out/c1-map.png"
else
    echo "gnuplot not found: plot skipped"
fi
