/* tjet_inv: R encloses 1/A truncated at xi-degree K and tau-length L.  If
   the coefficient xi^0 tau^0 of A contains 0, R is indeterminate.

   From A B = 1: B_0(tau) = 1/A_0(tau) (arb inv_series) and, for r != 0,
   B_r = -B_0 sum_{x^i x^j = x^r, j != 0} B_i A_j  (series products; every
   B_i on the right has lower xi-degree, hence a lower index). */
#include "tjet_impl.h"

void
tjet_inv(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, len = jc->len, L = ctx->L;
    slong * la, * lb;
    arb_ptr B, T;
    _tjet_scratch_struct s;

    if (arb_contains_zero(A->coeffs))
    {
        _arb_vec_indeterminate(R->coeffs, len * L);
        return;
    }

    la = flint_malloc(sizeof(slong) * len);
    lb = flint_malloc(sizeof(slong) * len);
    B = _arb_vec_init(len * L);
    T = _arb_vec_init(L);
    _tjet_scratch_init(&s, ctx);

    _tjet_lens(la, A->coeffs, len, L);
    _arb_poly_inv_series(B, A->coeffs, la[0], L, prec);
    lb[0] = _tjet_series_len(B, L);

    for (r = 1; r < len; r++)
    {
        _tjet_pairs_conv(T, NULL, 0, B, lb, A->coeffs, la, TJET_PAIRS(jc, r),
                         TJET_NPAIRS(jc, r) - 1, L, &s, prec);
        _tjet_series_mullow(B + r * L, T, _tjet_series_len(T, L), B, lb[0], L, prec);
        _arb_vec_neg(B + r * L, B + r * L, L);
        lb[r] = _tjet_series_len(B + r * L, L);
    }

    _arb_vec_swap(R->coeffs, B, len * L);
    _arb_vec_clear(B, len * L);
    _arb_vec_clear(T, L);
    _tjet_scratch_clear(&s);
    flint_free(la);
    flint_free(lb);
}
