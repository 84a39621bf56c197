/* sched_set_TYPE: choose the schedule and copy its parameters; the
   parameters of the other types are set to zero. */
#include "diffwkb/sched.h"

static void
_sched_zero_params(sched_t S)
{
    arb_zero(S->beta);
    arb_zero(S->b0);
    arb_zero(S->b1);
    arb_zero(S->smin);
    arb_zero(S->smax);
}

void
sched_set_const(sched_t S, const arb_t beta)
{
    arb_t tb;
    arb_init(tb);
    arb_set(tb, beta);           /* beta may alias a field of S */
    _sched_zero_params(S);
    S->type = SCHED_CONST;
    arb_swap(S->beta, tb);
    arb_clear(tb);
}

static void
_sched_set_b(sched_t S, sched_type type, const arb_t b0, const arb_t b1)
{
    arb_t u, v;
    arb_init(u);
    arb_init(v);
    arb_set(u, b0);
    arb_set(v, b1);
    _sched_zero_params(S);
    S->type = type;
    arb_swap(S->b0, u);
    arb_swap(S->b1, v);
    arb_clear(u);
    arb_clear(v);
}

void
sched_set_vp(sched_t S, const arb_t b0, const arb_t b1)
{
    _sched_set_b(S, SCHED_VP, b0, b1);
}

void
sched_set_subvp(sched_t S, const arb_t b0, const arb_t b1)
{
    _sched_set_b(S, SCHED_SUBVP, b0, b1);
}

void
sched_set_simple(sched_t S)
{
    _sched_zero_params(S);
    S->type = SCHED_SIMPLE;
}

void
sched_set_cosine(sched_t S)
{
    _sched_zero_params(S);
    S->type = SCHED_COSINE;
}

void
sched_set_ve(sched_t S, const arb_t smin, const arb_t smax)
{
    arb_t u, v;
    arb_init(u);
    arb_init(v);
    arb_set(u, smin);
    arb_set(v, smax);
    _sched_zero_params(S);
    S->type = SCHED_VE;
    arb_swap(S->smin, u);
    arb_swap(S->smax, v);
    arb_clear(u);
    arb_clear(v);
}
