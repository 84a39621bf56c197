/* sched_log_a_series: Taylor polynomial of log a_{t + tau}. */
#include "diffwkb/sched.h"

/* res encloses the Taylor polynomial in tau of log a_{t+tau} to length len,
   for every t in the ball t; indeterminate coefficients unless
   sched_contains_time(S, t).  cosine: arb_poly_log_series of the cos jet,
   constant term from sched_log_a. */
void
sched_log_a_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
{
    arb_poly_t p, q;
    arb_t c;

    if (_sched_series_trivial(res, S, t, len))
        return;

    arb_poly_init(p);
    arb_poly_init(q);
    arb_init(c);
    switch (S->type)
    {
        case SCHED_CONST:             /* -beta t/2 - beta/2 tau */
            arb_mul_2exp_si(c, S->beta, -1);
            arb_neg(c, c);
            arb_poly_set_coeff_arb(p, 1, c);
            arb_mul(c, c, t, prec);
            arb_poly_set_coeff_arb(p, 0, c);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:             /* -B/2 */
            _sched_int_b_series(p, S, t, len, prec);
            arb_poly_scalar_mul_2exp_si(p, p, -1);
            arb_poly_neg(p, p);
            break;
        case SCHED_SIMPLE:            /* -5 t^2 - 10 t tau - 5 tau^2 */
            arb_sqr(c, t, prec);
            arb_mul_si(c, c, -5, prec);
            arb_poly_set_coeff_arb(p, 0, c);
            arb_mul_si(c, t, -10, prec);
            arb_poly_set_coeff_arb(p, 1, c);
            arb_poly_set_coeff_si(p, 2, -5);
            break;
        case SCHED_COSINE:
            _sched_cosine_sin_cos_series(q, p, t, len, prec);
            arb_poly_log_series(p, p, len, prec);
            sched_log_a(c, S, t, prec);        /* accurate near t = 0 */
            arb_poly_set_coeff_arb(p, 0, c);
            break;
        case SCHED_VE:
            break;
        default:
            _sched_poly_indeterminate(p, len);
    }
    arb_poly_truncate(p, len);
    arb_poly_swap(res, p);
    arb_poly_clear(p);
    arb_poly_clear(q);
    arb_clear(c);
}
