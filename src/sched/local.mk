# module sched: sources, public header, tests
libdiffwkb_la_SOURCES += src/sched/init.c src/sched/set.c src/sched/name.c \
	src/sched/contains_time.c src/sched/raw.c \
	src/sched/f.c src/sched/g2.c src/sched/log_a.c src/sched/a.c src/sched/s2.c \
	src/sched/f_series.c src/sched/g2_series.c src/sched/log_a_series.c \
	src/sched/a_series.c src/sched/s2_series.c
check_PROGRAMS += src/sched/test/t-a-s2 src/sched/test/t-series src/sched/test/t-domain
TESTS += src/sched/test/t-a-s2 src/sched/test/t-series src/sched/test/t-domain
