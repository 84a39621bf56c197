# Example problem files (design.md "Problem file"); tests/examples.sh reads them all.
EXTRA_DIST += examples/paper-1d.json examples/paper-1d-exact.json examples/gauss2d-vp.json \
	examples/mixture1d.json examples/g25-simple.json examples/g25-cosine.json \
	examples/g25-simple-misspec.json
