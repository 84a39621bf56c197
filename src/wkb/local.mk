# module wkb: sources, public header, tests
