# module score: sources, public header, tests
