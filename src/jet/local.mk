# module jet: sources, public header, tests
