# module ode: sources, public header, tests
