# derivations/: one check per result of the paper, each computing both sides
# in ball arithmetic (PASS only when the balls overlap and are narrow).  Each
# file defines derivation_NAME(); `diffwkb derive` runs them from the table
# in table.c, and `make check` runs each as a program (built with
# -DDERIVATION_MAIN, which adds a main).
noinst_HEADERS += derivations/deriv.h derivations/derivations.h
DERIVATION_SOURCES = derivations/prop31.c derivations/prop32.c derivations/prop33.c \
	derivations/eq9.c derivations/eq11.c derivations/thm41.c derivations/thm42.c \
	derivations/sec51.c
diffwkb_SOURCES += $(DERIVATION_SOURCES) derivations/table.c src/cli/cmd_derive.c

DERIVATIONS = derivations/prop31 derivations/prop32 derivations/prop33 derivations/eq9 \
	derivations/eq11 derivations/thm41 derivations/thm42 derivations/sec51
check_PROGRAMS += $(DERIVATIONS)
TESTS += $(DERIVATIONS)
derivations_prop31_SOURCES = derivations/prop31.c
derivations_prop31_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_prop32_SOURCES = derivations/prop32.c
derivations_prop32_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_prop33_SOURCES = derivations/prop33.c
derivations_prop33_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_eq9_SOURCES = derivations/eq9.c
derivations_eq9_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_eq11_SOURCES = derivations/eq11.c
derivations_eq11_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_thm41_SOURCES = derivations/thm41.c
derivations_thm41_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_thm42_SOURCES = derivations/thm42.c
derivations_thm42_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
derivations_sec51_SOURCES = derivations/sec51.c
derivations_sec51_CPPFLAGS = $(AM_CPPFLAGS) -DDERIVATION_MAIN
