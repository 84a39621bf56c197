/* Private helpers of the action module. */
#ifndef DIFFWKB_ACTION_IMPL_H
#define DIFFWKB_ACTION_IMPL_H

#include "diffwkb/action.h"

static inline arb_poly_struct *
_action_poly_vec_init(slong n)
{
    slong i;
    arb_poly_struct * v = flint_malloc(FLINT_MAX(n, 1) * sizeof(arb_poly_struct));
    for (i = 0; i < n; i++)
        arb_poly_init(v + i);
    return v;
}

static inline void
_action_poly_vec_clear(arb_poly_struct * v, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        arb_poly_clear(v + i);
    flint_free(v);
}

/* res[i] -= c v[i], i < n */
static inline void
_action_vec_submul(arb_ptr res, arb_srcptr v, slong n, const arb_t c, slong prec)
{
    slong i;
    for (i = 0; i < n; i++)
        arb_submul(res + i, v + i, c, prec);
}

/* xs[i] = x_i(t + tau) truncated to len */
void _action_shift_path(arb_poly_struct * xs, const arb_poly_struct * x, slong d,
                        const arb_t t, slong len, slong prec);

#endif
