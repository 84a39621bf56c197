/* sched_contains_time: is every point of t inside the domain? */
#include "diffwkb/sched.h"

/* 1 if every point of the ball t satisfies t >= 0 (and t < 1 for cosine),
   0 otherwise or when this cannot be decided (including non-finite t). */
int
sched_contains_time(const sched_t S, const arb_t t)
{
    if (!arb_is_finite(t) || !arb_is_nonnegative(t))
        return 0;
    if (S->type == SCHED_COSINE)
    {
        arb_t one;
        int ok;
        arb_init(one);
        arb_one(one);
        ok = arb_lt(t, one);
        arb_clear(one);
        return ok;
    }
    return 1;
}
