/* sched_log_a: log a_t = int_0^t f. */
#include "diffwkb/sched.h"

/* res encloses log a_t = int_0^t f for every t in the ball t;
   indeterminate unless sched_contains_time(S, t).  Relative accuracy is
   kept near t = 0 for every schedule. */
void
sched_log_a(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    arb_t u;

    if (!sched_contains_time(S, t))
    {
        arb_indeterminate(res);
        return;
    }

    arb_init(u);
    switch (S->type)
    {
        case SCHED_CONST:             /* -beta t/2 */
            arb_mul(u, S->beta, t, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_neg(u, u);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:             /* -B(t)/2 */
            _sched_int_b(u, S, t, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_neg(u, u);
            break;
        case SCHED_SIMPLE:            /* -5 t^2 */
            arb_sqr(u, t, prec);
            arb_mul_si(u, u, -5, prec);
            break;
        case SCHED_COSINE:
            /* log cos(pi t/2); for t <= 1/2 as log1p(-sin^2)/2, which
               keeps the relative accuracy near t = 0.  Both forms enclose
               the same function, the choice only affects the radius. */
            arb_mul_2exp_si(u, t, -1);
            if (arf_cmp_2exp_si(arb_midref(t), -1) <= 0)
            {
                arb_sin_pi(u, u, prec);
                arb_sqr(u, u, prec);
                arb_neg(u, u);
                arb_log1p(u, u, prec);
                arb_mul_2exp_si(u, u, -1);
            }
            else
            {
                arb_cos_pi(u, u, prec);
                arb_log(u, u, prec);
            }
            break;
        case SCHED_VE:
            arb_zero(u);
            break;
        default:
            arb_indeterminate(u);
    }
    arb_swap(res, u);
    arb_clear(u);
}
