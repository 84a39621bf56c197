/* sched_a_series: Taylor polynomial of a_{t + tau}. */
#include "diffwkb/sched.h"

/* res encloses the Taylor polynomial in tau of a_{t+tau} to length len,
   for every t in the ball t; indeterminate coefficients unless
   sched_contains_time(S, t).  cosine: the cos jet; ve: 1;
   others: arb_poly_exp_series of the log a jet. */
void
sched_a_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec)
{
    arb_poly_t p, q;

    if (_sched_series_trivial(res, S, t, len))
        return;

    arb_poly_init(p);
    arb_poly_init(q);
    if (S->type == SCHED_COSINE)
    {
        _sched_cosine_sin_cos_series(q, p, t, len, prec);
    }
    else if (S->type == SCHED_VE)
    {
        arb_poly_one(p);
    }
    else
    {
        sched_log_a_series(q, S, t, len, prec);
        arb_poly_exp_series(p, q, len, prec);
    }
    arb_poly_truncate(p, len);
    arb_poly_swap(res, p);
    arb_poly_clear(p);
    arb_poly_clear(q);
}
