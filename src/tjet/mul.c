/* tjet_mul: R encloses the product A B truncated at xi-degree K and
   tau-length L.  For monomial r and tau-power k, the coefficient
   sum_{x^i x^j = x^r} sum_{m <= k} A_{i,m} B_{j,k-m} is one arb_dot over the
   pairs whose series are not exactly zero, each limited to the nonzero
   prefixes of the two series. */
#include "tjet_impl.h"

void
tjet_mul(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, len = jc->len, L = ctx->L;
    slong * la, * lb;
    arb_ptr T;
    _tjet_scratch_struct s;

    la = flint_malloc(sizeof(slong) * len);
    lb = flint_malloc(sizeof(slong) * len);
    T = _arb_vec_init(len * L);
    _tjet_scratch_init(&s, ctx);

    _tjet_lens(la, A->coeffs, len, L);
    if (B == A)
        memcpy(lb, la, sizeof(slong) * len);
    else
        _tjet_lens(lb, B->coeffs, len, L);

    for (r = 0; r < len; r++)
        _tjet_pairs_conv(T + r * L, NULL, 0, A->coeffs, la, B->coeffs, lb,
                         TJET_PAIRS(jc, r), TJET_NPAIRS(jc, r), L, &s, prec);

    _arb_vec_swap(R->coeffs, T, len * L);
    _arb_vec_clear(T, len * L);
    _tjet_scratch_clear(&s);
    flint_free(la);
    flint_free(lb);
}
