# The diffwkb program: main.c dispatches to cmd_NAME.c.
noinst_HEADERS += src/cli/cli.h
diffwkb_SOURCES += src/cli/main.c src/cli/util.c src/cli/cmd_score.c src/cli/cmd_wkb.c src/cli/cmd_sample.c src/cli/cmd_action.c src/cli/cmd_validate.c src/cli/cmd_flow.c src/cli/nll_quad.c src/cli/loglik_fast.c src/cli/fast_points.c
libdiffwkb_la_SOURCES += src/misc/version.c
