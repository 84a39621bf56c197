/* jet_truncate: R (context ctxR) gets the coefficients of A (context ctxA)
   of degree <= min(ctxR->K, ctxA->K); both contexts must have the same d.
   The graded order does not depend on K, so this is a prefix copy. */
#include "diffwkb/jet.h"

void
jet_truncate(jet_t R, const jet_ctx_t ctxR, const jet_t A, const jet_ctx_t ctxA)
{
    slong n = FLINT_MIN(ctxR->len, ctxA->len);

    if (ctxR->d != ctxA->d)
    {
        flint_printf("jet_truncate: dimensions differ\n");
        flint_abort();
    }

    _arb_vec_set(R->coeffs, A->coeffs, n);
    _arb_vec_zero(R->coeffs + n, ctxR->len - n);
}
