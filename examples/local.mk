# Example problem files (design.md "Problem file"); tests/examples.sh reads them all.
EXTRA_DIST += examples/flow-trajectory.sh examples/c1-map.sh examples/nll-curves.sh examples/nll-mixture1d.sh examples/w2-vs-h.sh examples/w2-vs-h-g25.sh examples/table1.sh examples/g25-simple-gauss.json examples/g25-cosine-gauss.json examples/paper-1d.json examples/paper-1d-exact.json examples/gauss2d-vp.json \
	examples/mixture1d.json examples/g25-simple.json examples/g25-cosine.json \
	examples/g25-simple-misspec.json examples/g25-cosine-misspec.json examples/table1-mixture.sh \
	examples/g25-simple-scaled.json

# A C program using the installed library; `make installcheck` (and so
# `make distcheck`) compiles and runs it against the installed headers and library.
EXTRA_DIST += examples/library.c
installcheck-local:
	$(CC) $(CFLAGS) -I$(DESTDIR)$(includedir) $(JSONC_CFLAGS) $(srcdir)/examples/library.c \
	  -L$(DESTDIR)$(libdir) -ldiffwkb $(ARB_LIBS) -lmpfr -lgmp -o examples-library$(EXEEXT)
	LD_LIBRARY_PATH=$(DESTDIR)$(libdir) ./examples-library$(EXEEXT)
	rm -f examples-library$(EXEEXT)
