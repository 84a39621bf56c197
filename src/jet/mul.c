/* jet_mul: R encloses the product A B truncated at total degree K. */
#include "jet_impl.h"

void
jet_mul(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec)
{
    slong r, len = ctx->len;
    arb_ptr T;
    arb_struct * tx, * ty;

    T = _arb_vec_init(len);
    tx = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);
    ty = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);

    for (r = 0; r < len; r++)
        _jet_dot_pairs(T + r, NULL, 0, A->coeffs, B->coeffs,
                       JET_PAIRS(ctx, r), JET_NPAIRS(ctx, r), tx, ty, prec);

    _arb_vec_swap(R->coeffs, T, len);
    _arb_vec_clear(T, len);
    flint_free(tx);
    flint_free(ty);
}
