/* sched_s2_series: Taylor polynomial of s^2_{t + tau}. */
#include "diffwkb/sched.h"

/* res encloses the Taylor polynomial in tau of s^2_{t+tau} to length len,
   for every t in the ball t; indeterminate coefficients unless
   sched_contains_time(S, t).  The constant term has the accuracy of
   sched_s2 (expm1 or sin^2, no cancellation near t = 0). */
void
sched_s2_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
{
    arb_poly_t p, q;
    arb_t c, L;

    if (_sched_series_trivial(res, S, t, len))
        return;

    arb_poly_init(p);
    arb_poly_init(q);
    arb_init(c);
    arb_init(L);
    switch (S->type)
    {
        case SCHED_CONST:
        case SCHED_VP:
        case SCHED_SIMPLE:            /* -expm1(2 log a) */
            sched_log_a_series(q, S, t, len, prec);
            arb_poly_scalar_mul_2exp_si(q, q, 1);
            _sched_poly_expm1_series(p, q, len, prec);
            arb_poly_neg(p, p);
            break;
        case SCHED_COSINE:            /* sin^2 */
            _sched_cosine_sin_cos_series(q, p, t, len, prec);
            arb_poly_mullow(p, q, q, len, prec);
            break;
        case SCHED_VE:                /* smin^2 expm1(2 L (t + tau)) */
            _sched_ve_log_ratio(L, S, prec);
            arb_mul_2exp_si(L, L, 1);
            arb_mul(c, L, t, prec);
            arb_poly_set_coeff_arb(q, 0, c);
            arb_poly_set_coeff_arb(q, 1, L);
            _sched_poly_expm1_series(p, q, len, prec);
            arb_sqr(c, S->smin, prec);
            arb_poly_scalar_mul(p, p, c, prec);
            break;
        case SCHED_SUBVP:             /* expm1(2 log a)^2 */
            sched_log_a_series(q, S, t, len, prec);
            arb_poly_scalar_mul_2exp_si(q, q, 1);
            _sched_poly_expm1_series(q, q, len, prec);
            arb_poly_mullow(p, q, q, len, prec);
            break;
        default:
            _sched_poly_indeterminate(p, len);
    }
    arb_poly_truncate(p, len);
    arb_poly_swap(res, p);
    arb_poly_clear(p);
    arb_poly_clear(q);
    arb_clear(c);
    arb_clear(L);
}
