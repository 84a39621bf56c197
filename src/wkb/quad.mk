# wkb sub-makefile (quad); included from src/wkb/local.mk
# certified d = 1 NLL by quadrature (issue #5): building blocks
libdiffwkb_la_SOURCES += src/wkb/nll_quad_impl.h src/wkb/nll_quad_jet.c \
	src/wkb/nll_quad_tail.c
WKB_QUAD_TESTS = src/wkb/test/t-nll_quad
check_PROGRAMS += $(WKB_QUAD_TESTS)
TESTS += $(WKB_QUAD_TESTS)
