#!/bin/sh
# w2-vs-h.sh: W2 between the data law p_0 and the model samples against the
# noise level h in [0, 0.2] (the paper's Fig. 4 analogue) for the section 5.1
# model with a misspecified score (N(0, 0.3) data, const beta = 1, T = 5,
# score scaled by 1 + eps, eps = 0.1, prior N(0, 1)).
#
#     sh examples/w2-vs-h.sh [OUTDIR] [N] [STEPS]   (defaults: ., 50000, 500)
#
# For each h: N Euler-Maruyama samples (diffwkb sample, STEPS steps), judged
# by diffwkb validate against the certified law of that em scheme, and
#   w2_samples   the W2 estimate between the samples and p_0 from certified
#                quantiles of p_0 (midpoint of the printed ball; statistical
#                noise of order 1/sqrt(N) remains),
#   w2_discrete  the certified W2(p_0, law of the em scheme) (both Gaussian),
#   w2_exact     the certified W2(p_0, q^h_0) of the continuous process,
#                |sqrt(0.3) - sqrt(u_0(h))| (paper section 5.1 closed form),
#   verdict      validate's verdict on the samples (consistent expected).
# Writes OUTDIR/w2-vs-h.dat and, if gnuplot is installed, OUTDIR/w2-vs-h.png.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
nsamp=${2:-50000}
steps=${3:-500}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/w2-vs-h.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prob="$here/paper-1d.json"

# midpoint of the ball printed on the line starting with KEY
mid() {
    sed -n "s/^$1 = \[\([^ ]*\) +\/- .*/\1/p; s/^$1 = \([-0-9.e]*\)\$/\1/p" "$2"
}

{
    printf '# W2(p_0, .) against h, section 5.1 model with eps = 0.1; %s em samples, %s steps\n' \
        "$nsamp" "$steps"
    printf '# h\tw2_samples\tw2_discrete\tw2_exact\tverdict\n'
    i=0
    while [ $i -le 10 ]; do
        h=$(echo "scale=2; $i/50" | bc -l | sed 's/^\./0./')
        "$diffwkb" sample "$prob" --h "$h" --steps "$steps" --n "$nsamp" --seed $((100 + i)) \
            --out "$tmp/s.csv"
        st=0
        "$diffwkb" validate "$prob" "$tmp/s.csv" --h "$h" --steps "$steps" --method em \
            >"$tmp/r" || st=$?
        [ "$st" -le 1 ] || exit "$st"
        # continuous law: only its W2 is used (the tests may reject the em bias)
        "$diffwkb" validate "$prob" "$tmp/s.csv" --h "$h" >"$tmp/c" || [ $? -eq 1 ]
        printf '%s\t%s\t%s\t%s\t%s\n' "$h" \
            "$(mid 'w2_estimate(samples, data p_0)' "$tmp/r")" \
            "$(mid 'w2(reference, data p_0)' "$tmp/r")" \
            "$(mid 'w2(reference, data p_0)' "$tmp/c")" \
            "$(sed -n 's/^verdict = //p' "$tmp/r")"
        i=$((i + 1))
    done
} >"$out/w2-vs-h.dat"
echo "wrote $out/w2-vs-h.dat"

if command -v gnuplot >/dev/null 2>&1; then
    gnuplot <<GP
set terminal pngcairo size 800,560 noenhanced
set output "$out/w2-vs-h.png"
set title "W2(p_0, model) against h, 1D Gaussian model, eps = 0.1 (paper Fig. 4 analogue)"
set xlabel "h"
set ylabel "W2"
set key top right
plot "$out/w2-vs-h.dat" using 1:2 with points pt 7 title "samples (em, $steps steps, n = $nsamp), estimate", \
     "$out/w2-vs-h.dat" using 1:3 with lines lw 2 title "certified: law of the em scheme", \
     "$out/w2-vs-h.dat" using 1:4 with lines lw 2 dt 2 title "certified: continuous q^h_0"
GP
    echo "wrote $out/w2-vs-h.png"
fi
