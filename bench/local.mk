# Benchmarks: `make bench` builds and runs each program listed in BENCHES
# (they are EXTRA_PROGRAMS, never part of `make check`).
BENCHES =
bench: $(BENCHES)
	@for b in $(BENCHES); do echo "== $$b"; ./$$b || exit 1; done
.PHONY: bench
CLEANFILES = $(BENCHES)

BENCHES += bench/b-sample
EXTRA_PROGRAMS += bench/b-sample
bench_b_sample_SOURCES = bench/b-sample.c
bench_b_sample_CPPFLAGS = $(AM_CPPFLAGS) -DDIFFWKB_SRCDIR='"$(abs_top_srcdir)"'
EXTRA_DIST += bench/b-sample-numpy.py

BENCHES += bench/b-ode
EXTRA_PROGRAMS += bench/b-ode
bench_b_ode_SOURCES = bench/b-ode.c
bench_b_ode_CPPFLAGS = $(AM_CPPFLAGS) -DDIFFWKB_SRCDIR='"$(abs_top_srcdir)"'

BENCHES += bench/b-jets
EXTRA_PROGRAMS += bench/b-jets
bench_b_jets_SOURCES = bench/b-jets.c

BENCHES += bench/b-c1
EXTRA_PROGRAMS += bench/b-c1
bench_b_c1_SOURCES = bench/b-c1.c
