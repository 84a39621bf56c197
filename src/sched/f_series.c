/* sched_f_series: Taylor polynomial of f(t + tau). */
#include "diffwkb/sched.h"

/* res encloses the Taylor polynomial in tau of f(t + tau) to length len,
   for every t in the ball t; indeterminate coefficients unless
   sched_contains_time(S, t).  cosine: -(pi/2) sin/cos with the sin and cos
   jets from arb_poly_sin_cos_pi_series. */
void
sched_f_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
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
        case SCHED_CONST:
            arb_mul_2exp_si(c, S->beta, -1);
            arb_neg(c, c);
            arb_poly_set_coeff_arb(p, 0, c);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            _sched_b_series(p, S, t, len, prec);
            arb_poly_scalar_mul_2exp_si(p, p, -1);
            arb_poly_neg(p, p);
            break;
        case SCHED_SIMPLE:
            arb_mul_si(c, t, -10, prec);
            arb_poly_set_coeff_arb(p, 0, c);
            arb_poly_set_coeff_si(p, 1, -10);
            break;
        case SCHED_COSINE:
            _sched_cosine_sin_cos_series(p, q, t, len, prec);
            arb_poly_div_series(p, p, q, len, prec);
            arb_const_pi(c, prec);
            arb_mul_2exp_si(c, c, -1);
            arb_neg(c, c);
            arb_poly_scalar_mul(p, p, c, prec);
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
