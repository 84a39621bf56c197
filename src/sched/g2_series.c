/* sched_g2_series: Taylor polynomial of g^2(t + tau). */
#include "diffwkb/sched.h"

/* res encloses the Taylor polynomial in tau of g(t + tau)^2 to length len,
   for every t in the ball t; indeterminate coefficients unless
   sched_contains_time(S, t).
   ve: 2 L smin^2 exp(2 L (t + tau)); subvp: -b expm1(-2 B) as series. */
void
sched_g2_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
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
            arb_poly_set_coeff_arb(p, 0, S->beta);
            break;
        case SCHED_VP:
            _sched_b_series(p, S, t, len, prec);
            break;
        case SCHED_SIMPLE:
            arb_mul_si(c, t, 20, prec);
            arb_poly_set_coeff_arb(p, 0, c);
            arb_poly_set_coeff_si(p, 1, 20);
            break;
        case SCHED_COSINE:            /* pi sin/cos */
            _sched_cosine_sin_cos_series(p, q, t, len, prec);
            arb_poly_div_series(p, p, q, len, prec);
            arb_const_pi(c, prec);
            arb_poly_scalar_mul(p, p, c, prec);
            break;
        case SCHED_VE:
            _sched_ve_log_ratio(L, S, prec);
            arb_mul_2exp_si(L, L, 1);          /* 2L */
            arb_mul(c, L, t, prec);
            arb_poly_set_coeff_arb(q, 0, c);
            arb_poly_set_coeff_arb(q, 1, L);
            arb_poly_exp_series(p, q, len, prec);
            arb_sqr(c, S->smin, prec);
            arb_mul(c, c, L, prec);
            arb_poly_scalar_mul(p, p, c, prec);
            break;
        case SCHED_SUBVP:
            _sched_int_b_series(q, S, t, len, prec);
            arb_poly_scalar_mul_2exp_si(q, q, 1);
            arb_poly_neg(q, q);
            _sched_poly_expm1_series(q, q, len, prec);   /* expm1(-2B) */
            _sched_b_series(p, S, t, len, prec);
            arb_poly_mullow(p, p, q, len, prec);
            arb_poly_neg(p, p);
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
