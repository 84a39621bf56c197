# module target: sources, public header, tests
noinst_HEADERS += src/target/target_impl.h src/target/test/target_test.h
libdiffwkb_la_SOURCES += src/target/init.c src/target/comp.c src/target/log_density.c \
	src/target/score.c src/target/laplacian_log.c src/target/log_density_jet.c \
	src/target/moments.c src/target/sched_wrappers.c
check_PROGRAMS += src/target/test/t-log_density_jet src/target/test/t-far \
	src/target/test/t-gaussian src/target/test/t-moments src/target/test/t-sched_wrappers
TESTS += src/target/test/t-log_density_jet src/target/test/t-far \
	src/target/test/t-gaussian src/target/test/t-moments src/target/test/t-sched_wrappers
libdiffwkb_la_SOURCES += src/target/log_density_tjet.c
check_PROGRAMS += src/target/test/t-log_density_tjet
TESTS += src/target/test/t-log_density_tjet
