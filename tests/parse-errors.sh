#!/bin/sh
# parse-errors.sh: every malformed problem file in tests/problems/bad-*.json
# makes `diffwkb score` exit 2 with exactly one line on stderr,
#   diffwkb: FILE: FIELD: problem
# that names the expected field (the table below), and nothing on stdout.
# Also: a nonexistent file, a directory, a file with a NUL byte, a file
# above the size limit.  Every bad-*.json must be listed in the table.
set -u
: "${DIFFWKB:?DIFFWKB must point to the diffwkb program}"
: "${srcdir:?srcdir must point to the source tree}"
dir="$srcdir/tests/problems"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diffwkb-parse.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0

# check FILE EXPECTED-SUBSTRING
check() {
    file=$1
    exp=$2
    n=$((n + 1))
    "$DIFFWKB" score "$file" --x 0 --t 0 >"$tmp/out" 2>"$tmp/err"
    st=$?
    lines=$(grep -c '' "$tmp/err")
    msg=$(cat "$tmp/err")
    if [ "$st" -ne 2 ]; then
        echo "FAIL: $file: exit status $st, expected 2 ($msg)"
        fail=1
    elif [ -s "$tmp/out" ]; then
        echo "FAIL: $file: wrote to stdout:"; cat "$tmp/out"
        fail=1
    elif [ "$lines" -ne 1 ]; then
        echo "FAIL: $file: $lines lines on stderr, expected 1:"; cat "$tmp/err"
        fail=1
    else
        case "$msg" in
            "diffwkb: $file: "*"$exp"*) ;;
            *) echo "FAIL: $file: message '$msg' does not contain '$exp'"; fail=1 ;;
        esac
    fi
}

listed=" "
while IFS='|' read -r name exp; do
    [ -n "$name" ] || continue
    listed="$listed$name "
    check "$dir/bad-$name.json" "$exp"
done <<'TABLE'
missing-dim|dim: missing
missing-sde|sde: missing
missing-data|data: missing
missing-T|sde.T: missing
missing-schedule|sde.schedule: missing
missing-mean|data.mean: missing
missing-data-type|data.type: missing
missing-eps|score.eps: missing
missing-covs|data.covs: missing
dim-string|dim: expected an integer
dim-zero|dim: must be between
dim-float|dim: expected an integer
dim-huge|dim: must be between
mean-not-array|data.mean: expected an array
cov-bool|data.cov[0][0]: expected a number
mean-null|data.mean[0]:
sde-not-object|sde: expected an object
top-array|expected a JSON object at the top level
negative-variance|data.cov[0][0]: variance must be positive
zero-variance|data.cov[0][0]: variance must be positive
cov-nonsymmetric|data.cov[0][1]: covariance is not symmetric
cov-not-pd|data.cov: covariance is not positive definite
cov-singular|data.cov: covariance is not positive definite
cov-not-pd-3d|data.cov: covariance is not positive definite
weights-sum|data.weights: weights sum to 9/10
weights-thirds|data.weights: weights sum to
weights-negative|data.weights[1]: weight must be positive
weights-zero|data.weights[1]: weight must be positive
weights-empty|data.weights: expected 1 to
dim-mismatch-mean|data.mean: expected 2 entries
dim-mismatch-cov|data.cov: expected 2 rows
dim-mismatch-cov-row|data.cov[1]: expected 2 entries
dim-mismatch-means|data.means[1]: expected 1 entry
count-mismatch-means|data.means: expected 2 mean vectors
count-mismatch-covs|data.covs: expected 2 covariance matrices
mixture-cov-not-pd|data.covs[1][0][0]: variance must be positive
unknown-schedule|sde.schedule: unknown schedule 'cosin' (expected const, vp, simple, cosine, ve, subvp)
unknown-data-type|data.type: unknown law type 'normal'
unknown-score-type|score.type: unknown score type 'scaling'
unknown-prior-type|prior.type: unknown prior type 'uniform'
t0-ge-T|sde.T: must be larger than t0
t0-negative|sde.t0: must be >= 0
cosine-T-one|sde.T: must be < 1 for the cosine schedule
beta-negative|sde.beta: must be positive
vp-b0-zero|sde.b0: must be positive
vp-b-negative|sde.b1: b(t)
ve-smin-smax|sde.smax: must be larger than smin
eps-minus-one|score.eps: must be > -1
affine-dim|score.A: expected 2 rows
score-mixture-cov|score.cov[0][0]: variance must be positive
invalid-json|invalid JSON at line 1
truncated-json|invalid JSON
trailing-text|invalid JSON at line 2
empty|empty problem file
whitespace|empty problem file
huge-integer|data.mean[0]: integer too large
huge-exponent|sde.beta: '1e99999' is number out of range
not-decimal|data.mean[0]: 'abc' is not a decimal number
hex-number|sde.T: '0x5' is not a decimal number
nan-literal|data.mean[0]:
nan-string|data.cov[0][0]: 'NaN' is not a decimal number
infinity|sde.T:
zero-denominator|data.cov[0][0]: '1/0' is division by zero
unknown-key|scor: unknown key
unknown-key-sde|sde.Tmax: unknown key
param-of-other-schedule|sde.b0: unknown key
unknown-key-data|data.covariance: unknown key
unknown-key-exact|score.eps: unknown key
comment-not-string|comment: expected a string
null-T|sde.T: expected a number, got null
null-score|score: expected an object, got null
TABLE

# every bad-*.json is in the table
for f in "$dir"/bad-*.json; do
    name=${f##*/bad-}
    name=${name%.json}
    case "$listed" in
        *" $name "*) ;;
        *) echo "FAIL: $f is not listed in parse-errors.sh"; fail=1 ;;
    esac
done

check "$dir/does-not-exist.json" "cannot open file"
check "$dir" "cannot read file"
printf '{"dim": 1,\000 "sde": {}}\n' >"$tmp/nul.json"
check "$tmp/nul.json" "NUL byte"
# 17 MB of spaces: above the 16 MB limit
head -c 17000000 /dev/zero | tr '\000' ' ' >"$tmp/big.json"
check "$tmp/big.json" "too large"

if [ "$n" -lt 25 ]; then
    echo "FAIL: only $n cases"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "PASS: $n malformed problems rejected"
exit "$fail"
