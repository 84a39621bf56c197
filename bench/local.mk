# Benchmarks: `make bench` builds and runs each program listed in BENCHES
# (they are EXTRA_PROGRAMS, never part of `make check`).
BENCHES =
bench: $(BENCHES)
	@for b in $(BENCHES); do echo "== $$b"; ./$$b || exit 1; done
.PHONY: bench
CLEANFILES = $(BENCHES)
