# wkb sub-makefile (quad); included from src/wkb/local.mk
