# module validate: judging samples against certified laws (moments, KS, W2), tests
pkginclude_HEADERS += src/diffwkb/validate.h
libdiffwkb_la_SOURCES += src/validate/samples.c src/validate/mix.c src/validate/discrete.c \
	src/validate/flow.c src/validate/report.c src/validate/moments.c src/validate/ks.c \
	src/validate/w2.c src/validate/ref.c src/validate/run.c src/validate/convergence.c
noinst_HEADERS += src/validate/test/common.h src/validate/test/faults.h
VALIDATE_TESTS = src/validate/test/t-mix src/validate/test/t-discrete \
	src/validate/test/t-flow src/validate/test/t-falsealarm \
	src/validate/test/t-faults-paper1d src/validate/test/t-faults-gauss2d \
	src/validate/test/t-faults-marginal src/validate/test/t-convergence
check_PROGRAMS += $(VALIDATE_TESTS)
TESTS += $(VALIDATE_TESTS)
# fallback estimates (no certified law): log-likelihood means, first-order prediction
libdiffwkb_la_SOURCES += src/validate/nll_estimate.c
check_PROGRAMS += src/validate/test/t-nll_estimate
TESTS += src/validate/test/t-nll_estimate
