/* sched_s2: the kernel variance s_t^2 = a_t^2 int_0^t g^2/a^2. */
#include "diffwkb/sched.h"

/* res encloses s_t^2 for every t in the ball t; indeterminate unless
   sched_contains_time(S, t).  No cancellation near t = 0:
   const, vp, simple: -expm1(2 log a); cosine: sin(pi t/2)^2;
   ve: smin^2 expm1(2 L t); subvp: expm1(2 log a)^2. */
void
sched_s2(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    arb_t u, v;

    if (!sched_contains_time(S, t))
    {
        arb_indeterminate(res);
        return;
    }

    arb_init(u);
    arb_init(v);
    switch (S->type)
    {
        case SCHED_CONST:
        case SCHED_VP:
        case SCHED_SIMPLE:
            sched_log_a(u, S, t, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_expm1(u, u, prec);
            arb_neg(u, u);
            break;
        case SCHED_COSINE:
            arb_mul_2exp_si(u, t, -1);
            arb_sin_pi(u, u, prec);
            arb_sqr(u, u, prec);
            break;
        case SCHED_VE:
            _sched_ve_log_ratio(u, S, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_mul(u, u, t, prec);
            arb_expm1(u, u, prec);
            arb_sqr(v, S->smin, prec);
            arb_mul(u, u, v, prec);
            break;
        case SCHED_SUBVP:
            sched_log_a(u, S, t, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_expm1(u, u, prec);
            arb_sqr(u, u, prec);
            break;
        default:
            arb_indeterminate(u);
    }
    arb_swap(res, u);
    arb_clear(u);
    arb_clear(v);
}
