/* sched_a: a_t = exp(int_0^t f). */
#include "diffwkb/sched.h"

/* res encloses a_t for every t in the ball t; indeterminate unless
   sched_contains_time(S, t).  cosine: cos(pi t/2) directly; ve: 1. */
void
sched_a(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    if (!sched_contains_time(S, t))
    {
        arb_indeterminate(res);
        return;
    }

    if (S->type == SCHED_COSINE)
    {
        arb_mul_2exp_si(res, t, -1);
        arb_cos_pi(res, res, prec);
    }
    else if (S->type == SCHED_VE)
    {
        arb_one(res);
    }
    else
    {
        sched_log_a(res, S, t, prec);
        arb_exp(res, res, prec);
    }
}
