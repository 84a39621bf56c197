# wkb sub-makefile (transport); included from src/wkb/local.mk
