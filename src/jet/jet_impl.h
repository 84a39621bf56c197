/* jet_impl.h: private helpers of module jet. */
#ifndef DIFFWKB_JET_IMPL_H
#define DIFFWKB_JET_IMPL_H

#include "diffwkb/jet.h"

/* res = initial + (-1)^subtract sum_p X[i_p] Y[j_p] over the npairs pairs
   (i_p, j_p) stored at pairs; exactly zero terms are skipped.  tx, ty are
   scratch arrays of at least npairs arb_structs (uninitialised memory: they
   receive shallow, read-only copies).  initial may be NULL. */
static inline void
_jet_dot_pairs(arb_t res, const arb_t initial, int subtract,
               arb_srcptr X, arb_srcptr Y, const slong * pairs, slong npairs,
               arb_struct * tx, arb_struct * ty, slong prec)
{
    slong p, n = 0;

    for (p = 0; p < npairs; p++)
    {
        arb_srcptr x = X + pairs[2 * p];
        arb_srcptr y = Y + pairs[2 * p + 1];
        if (arb_is_zero(x) || arb_is_zero(y))
            continue;
        tx[n] = *x;
        ty[n] = *y;
        n++;
    }

    arb_dot(res, initial, subtract, tx, 1, ty, 1, n, prec);
}

#define JET_PAIRS(ctx, r) ((ctx)->mul_pairs + 2 * (ctx)->mul_start[r])
#define JET_NPAIRS(ctx, r) ((ctx)->mul_start[(r) + 1] - (ctx)->mul_start[r])

#endif
