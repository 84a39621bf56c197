# module ode: validated ODE integration (Taylor + a priori enclosure + Lohner QR)
pkginclude_HEADERS += src/diffwkb/ode.h
noinst_HEADERS += src/ode/impl.h src/ode/test/common.h
libdiffwkb_la_SOURCES += src/ode/problem.c src/ode/options.c src/ode/solution.c \
	src/ode/taylor_series.c src/ode/lohner_q.c src/ode/solve.c src/ode/eval.c \
	src/ode/integrate.c
ODE_TESTS = src/ode/test/t-linear src/ode/test/t-nonlinear src/ode/test/t-gauss_pf \
	src/ode/test/t-blowup src/ode/test/t-dense src/ode/test/t-picard \
	src/ode/test/t-steplimit src/ode/test/t-ballflow
check_PROGRAMS += $(ODE_TESTS)
TESTS += $(ODE_TESTS)
