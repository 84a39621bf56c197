# module action: Onsager-Machlup actions, backward action, Eq. (11),
# classical paths of the linear SDE (math.md sections 2, 3, 5), classical
# paths of nonlinear drifts by certified shooting (Krawczyk)
pkginclude_HEADERS += src/diffwkb/action.h
noinst_HEADERS += src/action/impl.h src/action/test/common.h
libdiffwkb_la_SOURCES += src/action/drift.c src/action/discrete.c src/action/linear.c \
	src/action/classical.c src/action/integrate.c src/action/path_series.c \
	src/action/lagrangian.c src/action/poly.c src/action/shoot.c \
	src/action/shoot_classical.c
ACTION_TESTS = src/action/test/t-classical src/action/test/t-discrete src/action/test/t-path_series \
	src/action/test/t-shoot
check_PROGRAMS += $(ACTION_TESTS)
TESTS += $(ACTION_TESTS)
