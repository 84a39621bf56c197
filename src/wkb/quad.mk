# wkb sub-makefile (quad); included from src/wkb/local.mk
# certified d = 1 NLL at h = 0 by quadrature
libdiffwkb_la_SOURCES += src/wkb/nll_quad_impl.h src/wkb/nll_quad_jet.c src/wkb/nll_quad.c \
	src/wkb/nll_quad_tail.c src/wkb/nll_quad_tail1.c src/wkb/nll_quad_moments.c \
	src/wkb/nll_quad_c1.c
WKB_QUAD_TESTS = src/wkb/test/t-nll_quad src/wkb/test/t-nll_quad_c0 \
	src/wkb/test/t-nll_quad_tail1 src/wkb/test/t-nll_quad_c1
check_PROGRAMS += $(WKB_QUAD_TESTS)
TESTS += $(WKB_QUAD_TESTS)
