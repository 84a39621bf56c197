/* tjet_exp: R encloses exp(A) truncated at xi-degree K and tau-length L.

   With the Euler operator E = sum_i xi_i d/dxi_i (multiplication by m on
   xi-degree m; it acts on the xi part only), B = exp(A) satisfies
   E B = B E A with tau-series coefficients, so
       B_0(tau) = exp(A_0(tau))            (arb exp_series),
       B_r = (1/m) sum_{x^i x^j = x^r, j != 0} B_i |j| A_j   (series products),
   for r of xi-degree m >= 1; only pairs with nonzero A_j contribute, so a
   quadratic A costs O(len (d + d(d+1)/2) L^2). */
#include "tjet_impl.h"

void
tjet_exp(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, len = jc->len, L = ctx->L;
    slong * la, * lb;
    arb_ptr B, EA;
    _tjet_scratch_struct s;

    la = flint_malloc(sizeof(slong) * len);
    lb = flint_malloc(sizeof(slong) * len);
    B = _arb_vec_init(len * L);
    EA = _arb_vec_init(len * L);
    _tjet_scratch_init(&s, ctx);

    _tjet_lens(la, A->coeffs, len, L);
    for (r = 1; r < len; r++)
        _tjet_vec_mul_ui(EA + r * L, A->coeffs + r * L, la[r], jc->deg[r], prec);

    if (la[0] == 0)
        arb_one(B);
    else
        _arb_poly_exp_series(B, A->coeffs, la[0], L, prec);
    lb[0] = _tjet_series_len(B, L);

    for (r = 1; r < len; r++)
    {
        _tjet_pairs_conv(B + r * L, NULL, 0, B, lb, EA, la, TJET_PAIRS(jc, r),
                         TJET_NPAIRS(jc, r) - 1, L, &s, prec);
        _tjet_vec_div_ui(B + r * L, B + r * L, L, jc->deg[r], prec);
        lb[r] = _tjet_series_len(B + r * L, L);
    }

    _arb_vec_swap(R->coeffs, B, len * L);
    _arb_vec_clear(B, len * L);
    _arb_vec_clear(EA, len * L);
    _tjet_scratch_clear(&s);
    flint_free(la);
    flint_free(lb);
}
