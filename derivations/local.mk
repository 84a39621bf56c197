# derivations/: one program per result of the paper, each checking it in
# ball arithmetic (PASS/exit 0 only when both sides' balls overlap and are
# narrow).  Run by make check.
noinst_HEADERS += derivations/deriv.h
DERIVATIONS = derivations/prop31 derivations/prop32 derivations/sec51 derivations/thm42 \
	derivations/eq9 derivations/eq11
check_PROGRAMS += $(DERIVATIONS)
TESTS += $(DERIVATIONS)
