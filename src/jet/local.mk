# module jet: sources, public header, tests
noinst_HEADERS += src/jet/jet_impl.h src/jet/test/common.h
libdiffwkb_la_SOURCES += src/jet/ctx.c src/jet/init.c src/jet/add.c src/jet/mul.c \
	src/jet/inv.c src/jet/exp.c src/jet/log.c src/jet/derivative.c src/jet/truncate.c \
	src/jet/evaluate.c src/jet/set_quadratic.c src/jet/printd.c
check_PROGRAMS += src/jet/test/t-ctx src/jet/test/t-mul src/jet/test/t-inv_exp_log \
	src/jet/test/t-derivative_evaluate
TESTS += src/jet/test/t-ctx src/jet/test/t-mul src/jet/test/t-inv_exp_log \
	src/jet/test/t-derivative_evaluate
