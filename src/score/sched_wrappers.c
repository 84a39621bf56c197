/* score_eval, score_div, score_jet: the underscore versions with
   (a, s2) = (a_t, s_t^2) from the schedule (sched_a, sched_s2); they
   enclose the same quantities for every t in the ball t. */
#include "diffwkb/score.h"

void
score_eval(arb_ptr s, const score_t M, const target_t P, const sched_t S,
           const arb_t t, arb_srcptr x, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _score_eval(s, M, P, a, s2, x, prec);
    arb_clear(a);
    arb_clear(s2);
}

void
score_div(arb_t res, const score_t M, const target_t P, const sched_t S,
          const arb_t t, arb_srcptr x, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _score_div(res, M, P, a, s2, x, prec);
    arb_clear(a);
    arb_clear(s2);
}

void
score_jet(jet_struct * J, const score_t M, const target_t P, const sched_t S,
          const arb_t t, arb_srcptr x, const jet_ctx_t ctx, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    _score_jet(J, M, P, a, s2, x, ctx, prec);
    arb_clear(a);
    arb_clear(s2);
}
