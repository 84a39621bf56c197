# wkb sub-makefile (flow); included from src/wkb/local.mk
