# wkb sub-makefile (flow); included from src/wkb/local.mk
# the certified probability-flow map (flow.h): X(t) of the PF ODE and the
# CNF log-density log q^0_{t0}(x)
pkginclude_HEADERS += src/diffwkb/flow.h
libdiffwkb_la_SOURCES += src/wkb/pf_flow.c
WKB_FLOW_TESTS = src/wkb/test/t-pf_flow
check_PROGRAMS += $(WKB_FLOW_TESTS)
TESTS += $(WKB_FLOW_TESTS)
