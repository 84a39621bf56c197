/* sched_g2: the squared diffusion coefficient g(t)^2. */
#include "diffwkb/sched.h"

/* res encloses g(t)^2 for every t in the ball t (and every parameter in
   the parameter balls); indeterminate unless sched_contains_time(S, t).
   ve: g^2 = 2 L smin^2 e^{2 L t}, L = log(smax/smin);
   subvp: g^2 = -b(t) expm1(-2 B(t)). */
void
sched_g2(arb_t res, const sched_t S, const arb_t t, slong prec)
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
            arb_set(u, S->beta);
            break;
        case SCHED_VP:
            _sched_b(u, S, t, prec);
            break;
        case SCHED_SIMPLE:
            arb_mul_si(u, t, 20, prec);
            break;
        case SCHED_COSINE:            /* pi tan(pi t/2) */
            arb_mul_2exp_si(u, t, -1);
            arb_tan_pi(u, u, prec);
            arb_const_pi(v, prec);
            arb_mul(u, u, v, prec);
            break;
        case SCHED_VE:
            _sched_ve_log_ratio(v, S, prec);
            arb_mul_2exp_si(v, v, 1);          /* 2L */
            arb_mul(u, v, t, prec);
            arb_exp(u, u, prec);
            arb_mul(u, u, v, prec);
            arb_sqr(v, S->smin, prec);
            arb_mul(u, u, v, prec);
            break;
        case SCHED_SUBVP:
            _sched_int_b(v, S, t, prec);
            arb_mul_si(v, v, -2, prec);
            arb_expm1(v, v, prec);
            _sched_b(u, S, t, prec);
            arb_mul(u, u, v, prec);
            arb_neg(u, u);
            break;
        default:
            arb_indeterminate(u);
    }
    arb_swap(res, u);
    arb_clear(u);
    arb_clear(v);
}
