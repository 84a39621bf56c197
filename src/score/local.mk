# module score: sources, public header, tests
libdiffwkb_la_SOURCES += src/score/init.c src/score/eval.c src/score/div.c src/score/jet.c \
	src/score/sched_wrappers.c
check_PROGRAMS += src/score/test/t-score src/score/test/t-sched_wrappers
TESTS += src/score/test/t-score src/score/test/t-sched_wrappers
libdiffwkb_la_SOURCES += src/score/tjet.c
check_PROGRAMS += src/score/test/t-tjet
TESTS += src/score/test/t-tjet
