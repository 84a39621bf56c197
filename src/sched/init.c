/* sched_init, sched_clear, sched_set: memory management of sched_t. */
#include "diffwkb/sched.h"

/* Initialises S as the schedule const with beta = 0 (all parameters 0). */
void
sched_init(sched_t S)
{
    S->type = SCHED_CONST;
    arb_init(S->beta);
    arb_init(S->b0);
    arb_init(S->b1);
    arb_init(S->smin);
    arb_init(S->smax);
}

void
sched_clear(sched_t S)
{
    arb_clear(S->beta);
    arb_clear(S->b0);
    arb_clear(S->b1);
    arb_clear(S->smin);
    arb_clear(S->smax);
}

/* Copies T into S. */
void
sched_set(sched_t S, const sched_t T)
{
    if (S == T)
        return;
    S->type = T->type;
    arb_set(S->beta, T->beta);
    arb_set(S->b0, T->b0);
    arb_set(S->b1, T->b1);
    arb_set(S->smin, T->smin);
    arb_set(S->smax, T->smax);
}
