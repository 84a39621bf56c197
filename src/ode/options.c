/* ode_options_t: defaults. */
#include "diffwkb/ode.h"

void
ode_options_init(ode_options_t opt)
{
    opt->order = 0;
    opt->max_steps = 100000;
    arb_init(opt->tol);
    arb_init(opt->min_step);
    arb_one(opt->min_step);
    arb_mul_2exp_si(opt->min_step, opt->min_step, -40);
    arb_init(opt->max_step);
    arb_init(opt->max_rad);
    opt->store = 1;
    opt->parallel = 0;
}

void
ode_options_clear(ode_options_t opt)
{
    arb_clear(opt->tol);
    arb_clear(opt->min_step);
    arb_clear(opt->max_step);
    arb_clear(opt->max_rad);
}
