# module target: sources, public header, tests
