# wkb sub-makefile (transport); included from src/wkb/local.mk
# the backward blocks with and without the Jacobian callback (transport_rhs.c)
WKB_TRANSPORT_JAC_TESTS = src/wkb/test/t-transport_jac
check_PROGRAMS += $(WKB_TRANSPORT_JAC_TESTS)
TESTS += $(WKB_TRANSPORT_JAC_TESTS)
