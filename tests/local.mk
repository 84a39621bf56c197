# Shell tests of the diffwkb program (run with DIFFWKB and srcdir set, see
# AM_TESTS_ENVIRONMENT in Makefile.am).
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
TESTS += tests/parse-errors.sh tests/cli-score.sh tests/examples.sh tests/cli-wkb.sh tests/cli-derive.sh tests/cli-validate.sh tests/cli-action.sh tests/cli-flow.sh
EXTRA_DIST += tests/parse-errors.sh tests/cli-score.sh tests/examples.sh tests/cli-wkb.sh tests/cli-derive.sh tests/cli-validate.sh tests/cli-action.sh tests/cli-flow.sh tests/testlib.sh
EXTRA_DIST += \
	tests/problems/bad-affine-dim.json \
	tests/problems/bad-beta-negative.json \
	tests/problems/bad-comment-not-string.json \
	tests/problems/bad-cosine-T-one.json \
	tests/problems/bad-count-mismatch-covs.json \
	tests/problems/bad-count-mismatch-means.json \
	tests/problems/bad-cov-bool.json \
	tests/problems/bad-cov-nonsymmetric.json \
	tests/problems/bad-cov-not-pd-3d.json \
	tests/problems/bad-cov-not-pd.json \
	tests/problems/bad-cov-singular.json \
	tests/problems/bad-dim-float.json \
	tests/problems/bad-dim-huge.json \
	tests/problems/bad-dim-mismatch-cov-row.json \
	tests/problems/bad-dim-mismatch-cov.json \
	tests/problems/bad-dim-mismatch-mean.json \
	tests/problems/bad-dim-mismatch-means.json \
	tests/problems/bad-dim-string.json \
	tests/problems/bad-dim-zero.json \
	tests/problems/bad-empty.json \
	tests/problems/bad-eps-minus-one.json \
	tests/problems/bad-hex-number.json \
	tests/problems/bad-huge-exponent.json \
	tests/problems/bad-huge-integer.json \
	tests/problems/bad-infinity.json \
	tests/problems/bad-invalid-json.json \
	tests/problems/bad-mean-not-array.json \
	tests/problems/bad-mean-null.json \
	tests/problems/bad-missing-T.json \
	tests/problems/bad-missing-covs.json \
	tests/problems/bad-missing-data-type.json \
	tests/problems/bad-missing-data.json \
	tests/problems/bad-missing-dim.json \
	tests/problems/bad-missing-eps.json \
	tests/problems/bad-missing-mean.json \
	tests/problems/bad-missing-schedule.json \
	tests/problems/bad-missing-sde.json \
	tests/problems/bad-mixture-cov-not-pd.json \
	tests/problems/bad-nan-literal.json \
	tests/problems/bad-nan-string.json \
	tests/problems/bad-negative-variance.json \
	tests/problems/bad-not-decimal.json \
	tests/problems/bad-null-T.json \
	tests/problems/bad-null-score.json \
	tests/problems/bad-param-of-other-schedule.json \
	tests/problems/bad-score-mixture-cov.json \
	tests/problems/bad-sde-not-object.json \
	tests/problems/bad-t0-ge-T.json \
	tests/problems/bad-t0-negative.json \
	tests/problems/bad-top-array.json \
	tests/problems/bad-trailing-text.json \
	tests/problems/bad-truncated-json.json \
	tests/problems/bad-unknown-data-type.json \
	tests/problems/bad-unknown-key-data.json \
	tests/problems/bad-unknown-key-exact.json \
	tests/problems/bad-unknown-key-sde.json \
	tests/problems/bad-unknown-key.json \
	tests/problems/bad-unknown-prior-type.json \
	tests/problems/bad-unknown-schedule.json \
	tests/problems/bad-unknown-score-type.json \
	tests/problems/bad-ve-smin-smax.json \
	tests/problems/bad-vp-b-negative.json \
	tests/problems/bad-vp-b0-zero.json \
	tests/problems/bad-weights-empty.json \
	tests/problems/bad-weights-negative.json \
	tests/problems/bad-weights-sum.json \
	tests/problems/bad-weights-thirds.json \
	tests/problems/bad-weights-zero.json \
	tests/problems/bad-whitespace.json \
	tests/problems/bad-zero-denominator.json \
	tests/problems/bad-zero-variance.json
