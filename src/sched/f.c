/* sched_f: the drift coefficient f(t). */
#include "diffwkb/sched.h"

/* res encloses f(t) for every t in the ball t (and every parameter in the
   parameter balls); indeterminate unless sched_contains_time(S, t). */
void
sched_f(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    arb_t u, pi;

    if (!sched_contains_time(S, t))
    {
        arb_indeterminate(res);
        return;
    }

    arb_init(u);
    switch (S->type)
    {
        case SCHED_CONST:             /* -beta/2 */
            arb_mul_2exp_si(u, S->beta, -1);
            arb_neg(u, u);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:             /* -b(t)/2 */
            _sched_b(u, S, t, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_neg(u, u);
            break;
        case SCHED_SIMPLE:            /* -10 t */
            arb_mul_si(u, t, -10, prec);
            break;
        case SCHED_COSINE:            /* -(pi/2) tan(pi t/2) */
            arb_init(pi);
            arb_mul_2exp_si(u, t, -1);
            arb_tan_pi(u, u, prec);
            arb_const_pi(pi, prec);
            arb_mul(u, u, pi, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_neg(u, u);
            arb_clear(pi);
            break;
        case SCHED_VE:                /* 0 */
            arb_zero(u);
            break;
        default:
            arb_indeterminate(u);
    }
    arb_swap(res, u);
    arb_clear(u);
}
