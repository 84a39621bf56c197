# module wkb: sources, public header, tests
pkginclude_HEADERS += src/diffwkb/wkb.h
libdiffwkb_la_SOURCES += src/wkb/gauss1d_init.c src/wkb/gauss1d_u0.c \
	src/wkb/gauss1d_u0_series.c src/wkb/gauss1d_u0_quad.c \
	src/wkb/gauss1d_loglik.c src/wkb/gauss1d_nll.c src/wkb/gauss1d_c1_thm42.c \
	src/wkb/problem.c \
	src/wkb/affine_impl.h src/wkb/affine_init.c src/wkb/affine_rhs.c \
	src/wkb/affine_solve.c src/wkb/affine_moments.c src/wkb/affine_xent.c \
	src/wkb/affine_loglik.c src/wkb/affine_problem.c
WKB_TESTS = src/wkb/test/t-gauss1d_u0 src/wkb/test/t-gauss1d_series \
	src/wkb/test/t-gauss1d_nll \
	src/wkb/test/t-affine_gauss1d src/wkb/test/t-affine_exact \
	src/wkb/test/t-affine_diag src/wkb/test/t-affine_finite
check_PROGRAMS += $(WKB_TESTS)
TESTS += $(WKB_TESTS)
