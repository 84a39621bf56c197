# module tjet: jets in xi with tau-series coefficients (sources, public header, tests)
pkginclude_HEADERS += src/diffwkb/tjet.h
noinst_HEADERS += src/tjet/tjet_impl.h
libdiffwkb_la_SOURCES += src/tjet/ctx.c src/tjet/init.c src/tjet/add.c src/tjet/mul.c \
	src/tjet/inv.c src/tjet/exp.c src/tjet/log.c src/tjet/derivative.c src/tjet/tau.c \
	src/tjet/restrict_line.c src/tjet/set_quadratic.c src/tjet/exp_quadratic_diag.c \
	src/tjet/compose_linear.c \
	src/tjet/printd.c
check_PROGRAMS += src/tjet/test/t-arith
TESTS += src/tjet/test/t-arith
