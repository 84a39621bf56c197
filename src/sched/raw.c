/* Raw helpers shared by the schedule evaluations (no domain checks):
   b(t), B(t) = int_0^t b, L = log(smax/smin), their Taylor polynomials,
   the cosine sin/cos jets, expm1 of a series, indeterminate polynomials. */
#include "diffwkb/sched.h"

/* res encloses b(t) = b0 + t (b1 - b0). */
void
_sched_b(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    arb_t d;
    arb_init(d);
    arb_sub(d, S->b1, S->b0, prec);
    arb_mul(d, d, t, prec);
    arb_add(res, d, S->b0, prec);
    arb_clear(d);
}

/* res encloses B(t) = t (b0 + t (b1 - b0)/2). */
void
_sched_int_b(arb_t res, const sched_t S, const arb_t t, slong prec)
{
    arb_t d;
    arb_init(d);
    arb_sub(d, S->b1, S->b0, prec);
    arb_mul_2exp_si(d, d, -1);
    arb_mul(d, d, t, prec);
    arb_add(d, d, S->b0, prec);
    arb_mul(res, d, t, prec);
    arb_clear(d);
}

/* res encloses log(smax/smin). */
void
_sched_ve_log_ratio(arb_t res, const sched_t S, slong prec)
{
    arb_t q;
    arb_init(q);
    arb_div(q, S->smax, S->smin, prec);
    arb_log(res, q, prec);
    arb_clear(q);
}

/* res encloses b(t + tau) = b(t) + (b1 - b0) tau, truncated to length len. */
void
_sched_b_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
{
    arb_t c0, c1;
    arb_init(c0);
    arb_init(c1);
    _sched_b(c0, S, t, prec);
    arb_sub(c1, S->b1, S->b0, prec);
    arb_poly_zero(res);
    arb_poly_set_coeff_arb(res, 0, c0);
    arb_poly_set_coeff_arb(res, 1, c1);
    arb_poly_truncate(res, FLINT_MAX(len, 0));
    arb_clear(c0);
    arb_clear(c1);
}

/* res encloses B(t + tau) = B(t) + b(t) tau + (b1 - b0)/2 tau^2,
   truncated to length len. */
void
_sched_int_b_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
{
    arb_t c;
    arb_init(c);
    arb_poly_zero(res);
    _sched_int_b(c, S, t, prec);
    arb_poly_set_coeff_arb(res, 0, c);
    _sched_b(c, S, t, prec);
    arb_poly_set_coeff_arb(res, 1, c);
    arb_sub(c, S->b1, S->b0, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_poly_set_coeff_arb(res, 2, c);
    arb_poly_truncate(res, FLINT_MAX(len, 0));
    arb_clear(c);
}

/* s, c enclose sin(pi (t + tau)/2), cos(pi (t + tau)/2) to length len.
   Uses arb_poly_sin_cos_pi_series on t/2 + tau/2 (exact halving), so the
   constant terms come from arb_sin_cos_pi (accurate near t = 0 and 1). */
void
_sched_cosine_sin_cos_series(arb_poly_t s, arb_poly_t c, const arb_t t, slong len, slong prec)
{
    arb_poly_t u;
    arb_t h;
    arb_poly_init(u);
    arb_init(h);
    arb_mul_2exp_si(h, t, -1);
    arb_poly_set_coeff_arb(u, 0, h);
    arb_one(h);
    arb_mul_2exp_si(h, h, -1);
    arb_poly_set_coeff_arb(u, 1, h);
    arb_poly_sin_cos_pi_series(s, c, u, FLINT_MAX(len, 0), prec);
    arb_poly_clear(u);
    arb_clear(h);
}

/* res encloses exp(h) - 1 to length len, constant term by arb_expm1. */
void
_sched_poly_expm1_series(arb_poly_t res, const arb_poly_t h, slong len, slong prec)
{
    arb_t c;
    if (len <= 0)
    {
        arb_poly_zero(res);
        return;
    }
    arb_init(c);
    arb_poly_get_coeff_arb(c, h, 0);
    arb_poly_exp_series(res, h, len, prec);
    arb_expm1(c, c, prec);
    arb_poly_set_coeff_arb(res, 0, c);
    arb_clear(c);
}

/* res has length len, every coefficient indeterminate. */
void
_sched_poly_indeterminate(arb_poly_t res, slong len)
{
    slong i;
    if (len <= 0)
    {
        arb_poly_zero(res);
        return;
    }
    arb_poly_fit_length(res, len);
    for (i = 0; i < len; i++)
        arb_indeterminate(res->coeffs + i);
    _arb_poly_set_length(res, len);
}

/* The shared start of the NAME_series functions: returns 1 after setting
   res when there is nothing to compute (res = 0 for len <= 0, every
   coefficient indeterminate when t is outside the domain), else 0. */
int
_sched_series_trivial(arb_poly_t res, const sched_t S, const arb_t t, slong len)
{
    if (len <= 0)
    {
        arb_poly_zero(res);
        return 1;
    }
    if (!sched_contains_time(S, t))
    {
        _sched_poly_indeterminate(res, len);
        return 1;
    }
    return 0;
}
