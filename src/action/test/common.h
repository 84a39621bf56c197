/* Shared helpers of the action tests and derivations: random schedules. */
#ifndef ACTION_TEST_COMMON_H
#define ACTION_TEST_COMMON_H

#include "diffwkb/action.h"

/* A random schedule of type k (0..5) with exact-rational parameters;
   tmax gets an upper end of its time range used by the tests. */
static void
test_sched_set(sched_t S, int k, arb_t tmax, slong prec)
{
    arb_t p, q;
    arb_init(p);
    arb_init(q);
    switch (k)
    {
        case 0: arb_set_str(p, "1.5", prec); sched_set_const(S, p); arb_set_ui(tmax, 2); break;
        case 1: arb_set_str(p, "0.1", prec); arb_set_ui(q, 20); sched_set_vp(S, p, q);
                arb_one(tmax); break;
        case 2: sched_set_simple(S); arb_one(tmax); break;
        case 3: sched_set_cosine(S); arb_set_str(tmax, "0.9", prec); break;
        case 4: arb_set_str(p, "0.01", prec); arb_set_ui(q, 50); sched_set_ve(S, p, q);
                arb_one(tmax); break;
        default: arb_set_str(p, "0.1", prec); arb_set_ui(q, 20); sched_set_subvp(S, p, q);
                arb_one(tmax); break;
    }
    arb_clear(p);
    arb_clear(q);
}

/* t = tmax * (n_randint(num) + off)/den, an exact dyadic-ish rational ball */
static void
test_rand_time(arb_t t, flint_rand_t st, const arb_t tmax, ulong lo, ulong hi, slong prec)
{
    ulong k = lo + n_randint(st, hi - lo + 1);
    arb_mul_ui(t, tmax, k, prec);
    arb_div_ui(t, t, 64, prec);
}

/* x = (n_randint(2001) - 1000)/500 */
static void
test_rand_point(arb_ptr x, slong d, flint_rand_t st, slong prec)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        arb_set_si(x + i, (slong) n_randint(st, 2001) - 1000);
        arb_div_ui(x + i, x + i, 500, prec);
    }
}

#endif
