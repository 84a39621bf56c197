# module wkb: sources, public header, tests
pkginclude_HEADERS += src/diffwkb/wkb.h
noinst_HEADERS += src/wkb/test/common.h
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
# jet transport (math.md section 8) and the Thm 4.2 route for c_1
libdiffwkb_la_SOURCES += src/wkb/transport_impl.h src/wkb/transport_init.c \
	src/wkb/transport_slot.c src/wkb/transport_forward.c src/wkb/transport_rhs.c \
	src/wkb/transport_backward.c src/wkb/transport_loglik.c src/wkb/thm42_c1.c
WKB_TRANSPORT_TESTS = src/wkb/test/t-transport_gauss src/wkb/test/t-transport_exact \
	src/wkb/test/t-thm42_mix src/wkb/test/t-transport_stiff
check_PROGRAMS += $(WKB_TRANSPORT_TESTS)
TESTS += $(WKB_TRANSPORT_TESTS)
# per-topic additions (one owner each)
include src/wkb/flow.mk
include src/wkb/quad.mk
include src/wkb/affine.mk
include src/wkb/transport.mk
