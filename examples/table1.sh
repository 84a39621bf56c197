#!/bin/sh
# table1.sh: an analogue of the paper's Table 1 (NLL at h = 0 and the slope
# C_1 of NLL(h) = C_0 + C_1 h + C_2 h^2 + ...) for the 25-Gaussian data under
# the SIMPLE and COSINE schedules, with deliberately misspecified scores, in
# which every number is certified: the model scores are exact scores of a
# Gaussian N(0, v I) (v = 0.5, 0.8, 1.25, 2), affine in x, so NLL(h) of the
# mixture data is exact (it needs only the data mean and covariance).
#
#     sh examples/table1.sh [OUTDIR]      (default: current directory)
#
# Writes OUTDIR/table1.md (a Markdown table of certified balls) and
# OUTDIR/table1.json (one JSON object per row, as printed by diffwkb nll).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
diffwkb=${DIFFWKB:-$here/../diffwkb}
out=${1:-.}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/table1.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

{
    echo "| schedule | model score | C_0 = NLL(0) | C_1 | C_2 |"
    echo "|---|---|---|---|---|"
} >"$out/table1.md"
: >"$out/table1.json"
for sch in simple cosine; do
    for v in 0.5 0.8 1.25 2; do
        sed "/\"score\"/s/\"0.5\"/\"$v\"/g" "$here/g25-$sch-gauss.json" >"$tmp/p.json"
        "$diffwkb" nll "$tmp/p.json" --order 2 --digits 12 --json >"$tmp/r.json"
        cat "$tmp/r.json" >>"$out/table1.json"
        c=$(sed 's/.*"coefficients": \[\(.*\)\].*/\1/; s/"//g' "$tmp/r.json")
        c0=$(echo "$c" | cut -d, -f1); c1=$(echo "$c" | cut -d, -f2); c2=$(echo "$c" | cut -d, -f3)
        echo "| $sch | N(0, $v I) | $c0 | $c1 | $c2 |" >>"$out/table1.md"
    done
done
echo "wrote $out/table1.md and $out/table1.json"
