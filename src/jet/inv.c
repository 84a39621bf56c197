/* jet_inv: R encloses the jet of 1/A truncated at degree K.  If the constant
   term of A contains 0, R is indeterminate.

   From A B = 1: B_0 = 1/A_0 and, for r != 0,
   B_r = -B_0 sum_{i + j = r, j != 0} B_i A_j
   (every B_i on the right has lower degree, hence a lower index). */
#include "jet_impl.h"

void
jet_inv(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec)
{
    slong r, len = ctx->len;
    arb_ptr B;
    arb_t t;
    arb_struct * tx, * ty;

    if (arb_contains_zero(A->coeffs))
    {
        _arb_vec_indeterminate(R->coeffs, len);
        return;
    }

    B = _arb_vec_init(len);
    arb_init(t);
    tx = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);
    ty = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);

    arb_inv(B, A->coeffs, prec);
    for (r = 1; r < len; r++)
    {
        /* all pairs except the last one, (r, 0) */
        _jet_dot_pairs(t, NULL, 0, B, A->coeffs, JET_PAIRS(ctx, r),
                       JET_NPAIRS(ctx, r) - 1, tx, ty, prec);
        arb_mul(B + r, t, B, prec);
        arb_neg(B + r, B + r);
    }

    _arb_vec_swap(R->coeffs, B, len);
    _arb_vec_clear(B, len);
    arb_clear(t);
    flint_free(tx);
    flint_free(ty);
}
