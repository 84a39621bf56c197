# module problem: the JSON problem file (src/diffwkb/problem.h)
noinst_HEADERS += src/problem/internal.h
libdiffwkb_la_SOURCES += src/problem/decimal.c src/problem/init.c src/problem/json_get.c \
	src/problem/law.c src/problem/exact_read.c src/problem/read.c \
	src/problem/clip_time.c
check_PROGRAMS += src/problem/test/t-decimal src/problem/test/t-read src/problem/test/t-clip_time
TESTS += src/problem/test/t-decimal src/problem/test/t-read src/problem/test/t-clip_time
