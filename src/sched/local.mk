# module sched: sources, public header, tests
