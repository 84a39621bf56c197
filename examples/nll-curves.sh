#!/bin/sh
# nll-curves.sh: NLL(h) of the paper's section 5.1 model (N(0, 0.3) data,
# const beta = 1, T = 5, score scaled by 1 + eps) for eps in
# {-0.2, -0.1, 0, 0.1, 0.2} and h in [0, 1]: a table of certified values and,
# if gnuplot is installed, a figure (the paper's Fig. 2 analogue).
#
#     sh examples/nll-curves.sh [OUTDIR]        (default: current directory)
#
# Writes OUTDIR/nll-curves.dat (columns: h, then NLL(h) for each eps: the
# midpoints of certified balls with radius < 1e-15) and OUTDIR/nll-curves.png.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nll-curves.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

epss="-0.2 -0.1 0 0.1 0.2"
for eps in $epss; do
    sed "s/\"eps\": *\"0.1\"/\"eps\": \"$eps\"/" "$here/paper-1d.json" >"$tmp/p$eps.json"
done
{
    printf '# NLL(h) of the section 5.1 model, certified to 15 digits (midpoints printed)\n'
    printf '# h'
    for eps in $epss; do printf '\teps=%s' "$eps"; done
    printf '\n'
    i=0
    while [ $i -le 20 ]; do
        h=$(printf '%d/20' $i)
        printf '%s' "$(echo "scale=2; $i/20" | bc -l | sed 's/^\./0./')"
        for eps in $epss; do
            v=$("$diffwkb" nll "$tmp/p$eps.json" --order 0 --h "$h" --digits 15 \
                | sed -n 's/^nll(h) = \[\([^ ]*\) .*/\1/p')
            printf '\t%s' "$v"
        done
        printf '\n'
        i=$((i + 1))
    done
} >"$out/nll-curves.dat"
echo "wrote $out/nll-curves.dat"

if command -v gnuplot >/dev/null 2>&1; then
    gnuplot <<GP
set terminal pngcairo size 800,560 noenhanced
set output "$out/nll-curves.png"
set title "NLL(h) of the 1D Gaussian model (paper section 5.1), certified"
set xlabel "h"
set ylabel "NLL (nats)"
set key top right
plot for [k=2:6] "$out/nll-curves.dat" using 1:k with linespoints title sprintf("eps = %s", word("$epss", k-1))
GP
    echo "wrote $out/nll-curves.png"
fi
