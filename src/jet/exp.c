/* jet_exp: R encloses the jet of exp(A) truncated at degree K.

   With the Euler operator E = sum_i xi_i d/dxi_i (multiplication by m on
   degree-m monomials), B = exp(A) satisfies E B = B E A, so B_0 = exp(A_0)
   and, for r of degree m >= 1,
   B_r = (1/m) sum_{i + j = r, j != 0} B_i |j| A_j. */
#include "jet_impl.h"

void
jet_exp(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec)
{
    slong r, len = ctx->len;
    arb_ptr B, EA;
    arb_struct * tx, * ty;

    B = _arb_vec_init(len);
    EA = _arb_vec_init(len);
    tx = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);
    ty = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);

    for (r = 1; r < len; r++)
        arb_mul_ui(EA + r, A->coeffs + r, ctx->deg[r], prec);

    arb_exp(B, A->coeffs, prec);
    for (r = 1; r < len; r++)
    {
        _jet_dot_pairs(B + r, NULL, 0, B, EA, JET_PAIRS(ctx, r),
                       JET_NPAIRS(ctx, r) - 1, tx, ty, prec);
        arb_div_ui(B + r, B + r, ctx->deg[r], prec);
    }

    _arb_vec_swap(R->coeffs, B, len);
    _arb_vec_clear(B, len);
    _arb_vec_clear(EA, len);
    flint_free(tx);
    flint_free(ty);
}
