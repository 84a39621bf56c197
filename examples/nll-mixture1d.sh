#!/bin/sh
# nll-mixture1d.sh: the NLL of a 1D two-component mixture
# (examples/mixture1d.json: 0.3 N(-1, 0.2) + 0.7 N(1.5, 0.5), const beta = 1,
# T = 5, prior N(0, 1)) under three scores: the exact one, the exact one
# scaled by 1.1, and a misspecified mixture (both variances 20% too large).
# C_0 (the probability-flow NLL, 6 digits) and C_1 (the slope of the
# paper's Table 1, absolute tolerance 1e-3: --digits would ask significant
# digits of the exact score's C_1, which is near zero) are certified by the
# d = 1 quadrature; next to them a Monte Carlo estimate of both, labelled.
#
#     sh examples/nll-mixture1d.sh [OUTDIR] [THREADS] [NPOINTS]
#
# Writes OUTDIR/nll-mixture1d.md.  Defaults: current directory, 2 threads,
# 200 Monte Carlo points.  Takes about 20 min wall on 2 threads (30 min of
# CPU, measured while the machine was also busy): the certified C_1 about
# 5 min of CPU per score, C_0 1-2 min per score, the Monte Carlo about 0.5 s
# per point (order 1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
threads=${2:-2}
npoints=${3:-200}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nll-mixture1d.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

cp "$here/mixture1d.json" "$tmp/exact.json"
sed 's/"score": *{"type": *"exact"}/"score": {"type": "scaled", "eps": "0.1"}/' \
    "$here/mixture1d.json" >"$tmp/scaled.json"
sed 's/"score": *{"type": *"exact"}/"score": {"type": "mixture", "weights": ["0.3", "0.7"], "means": [["-1"], ["1.5"]], "covs": [[["0.24"]], [["0.6"]]]}/' \
    "$here/mixture1d.json" >"$tmp/misspec.json"
for s in scaled misspec; do
    grep -q '"type": "exact"' "$tmp/$s.json" && { echo "nll-mixture1d.sh: could not edit the score" >&2; exit 1; }
done

{
    printf '# NLL of a 1D two-component mixture (examples/mixture1d.json)\n\n'
    printf 'C_0 and C_1 certified (route d1-quadrature: every ball contains the true value).\n'
    printf 'C_0 and C_1 (MC): Monte Carlo over %s points drawn from p_0, NOT certified\n' "$npoints"
    printf '(mean of certified per-point values, and its standard error).\n\n'
    printf '| score | C_0 (certified) | C_1 (certified) | C_0 (MC) | C_1 (MC) |\n|---|---|---|---|---|\n'
    for s in exact scaled misspec; do
        c0=$("$diffwkb" nll "$tmp/$s.json" --order 0 --digits 6 --threads "$threads" \
             | sed -n 's/^C_0 = //p')
        c1=$("$diffwkb" nll "$tmp/$s.json" --order 1 --tol 1e-3 --threads "$threads" \
             | sed -n 's/^C_1 = //p')
        "$diffwkb" nll "$tmp/$s.json" --mc "$npoints" --order 1 --digits 6 \
            --threads "$threads" >"$tmp/mc"
        m0=$(sed -n 's/^C_0 = \[\([^ ]*\) .*stderr \(.*\)$/\1 (stderr \2)/p' "$tmp/mc")
        m1=$(sed -n 's/^C_1 = \[\([^ ]*\) .*stderr \(.*\)$/\1 (stderr \2)/p' "$tmp/mc")
        printf '| %s | %s | %s | %s | %s |\n' "$s" "$c0" "$c1" "$m0" "$m1"
    done
} >"$out/nll-mixture1d.md"
cat "$out/nll-mixture1d.md"
