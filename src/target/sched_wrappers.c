/* target_log_density, target_score, target_laplacian_log,
   target_log_density_jet: the underscore versions with (a, s2) = (a_t, s_t^2)
   from the schedule (sched_a, sched_s2); they enclose the same quantities
   for every t in the ball t. */
#include "diffwkb/target.h"

void
target_log_density(arb_t res, const target_t P, const sched_t S, const arb_t t,
                   arb_srcptr x, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _target_log_density(res, P, a, s2, x, prec);
    arb_clear(a);
    arb_clear(s2);
}

void
target_score(arb_ptr res, const target_t P, const sched_t S, const arb_t t,
             arb_srcptr x, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _target_score(res, P, a, s2, x, prec);
    arb_clear(a);
    arb_clear(s2);
}

void
target_laplacian_log(arb_t res, const target_t P, const sched_t S, const arb_t t,
                     arb_srcptr x, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _target_laplacian_log(res, P, a, s2, x, prec);
    arb_clear(a);
    arb_clear(s2);
}

void
target_log_density_jet(jet_t J, const target_t P, const sched_t S, const arb_t t,
                       arb_srcptr x, const jet_ctx_t ctx, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _target_log_density_jet(J, P, a, s2, x, ctx, prec);
    arb_clear(a);
    arb_clear(s2);
}
