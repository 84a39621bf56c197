# wkb sub-makefile (affine); included from src/wkb/local.mk
