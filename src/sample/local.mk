# module sample: fast double-precision samplers (Eq. 9), public header, tests
pkginclude_HEADERS += src/diffwkb/sample.h
libdiffwkb_la_SOURCES += src/sample/philox.c src/sample/sched.c src/sample/mix.c \
	src/sample/mixcoef.c src/sample/model.c src/sample/tcoef.c src/sample/method.c \
	src/sample/run.c src/sample/gbs.c src/sample/wkb.c
noinst_HEADERS += src/sample/sample_impl.h
SAMPLE_TESTS = src/sample/test/t-philox src/sample/test/t-sched src/sample/test/t-score \
	src/sample/test/t-gauss src/sample/test/t-repro src/sample/test/t-wkb
check_PROGRAMS += $(SAMPLE_TESTS)
TESTS += $(SAMPLE_TESTS)
