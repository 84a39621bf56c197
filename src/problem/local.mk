# module problem: sources, public header, tests
