/* tjet_log: R encloses log(A) truncated at xi-degree K and tau-length L.
   If the coefficient xi^0 tau^0 of A is not certified positive, R is
   indeterminate.

   With the Euler operator E (multiplication by m on xi-degree m),
   B = log A satisfies A E B = E A, so B_0(tau) = log A_0(tau) (arb
   log_series) and, for r of xi-degree m >= 1,
   B_r = (A_r - (1/m) sum_{x^i x^j = x^r, i, j != 0} |i| B_i A_j) / A_0,
   the division being a series product with 1/A_0 (inv_series). */
#include "tjet_impl.h"

void
tjet_log(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, m, len = jc->len, L = ctx->L, li;
    slong * la, * lb;
    arb_ptr B, EB, T, I0;
    _tjet_scratch_struct s;

    if (!arb_is_positive(A->coeffs))
    {
        _arb_vec_indeterminate(R->coeffs, len * L);
        return;
    }

    la = flint_malloc(sizeof(slong) * len);
    lb = flint_malloc(sizeof(slong) * len);
    B = _arb_vec_init(len * L);
    EB = _arb_vec_init(len * L);
    T = _arb_vec_init(L);
    I0 = _arb_vec_init(L);
    _tjet_scratch_init(&s, ctx);

    _tjet_lens(la, A->coeffs, len, L);
    _arb_poly_log_series(B, A->coeffs, la[0], L, prec);
    _arb_poly_inv_series(I0, A->coeffs, la[0], L, prec);
    li = _tjet_series_len(I0, L);
    lb[0] = 0;    /* EB_0 = 0: the pairs (0, r) drop out */

    for (r = 1; r < len; r++)
    {
        m = jc->deg[r];
        /* pairs without the first (0, r) and the last (r, 0) */
        if (TJET_NPAIRS(jc, r) > 2)
        {
            _tjet_pairs_conv(T, NULL, 0, EB, lb, A->coeffs, la, TJET_PAIRS(jc, r) + 2,
                             TJET_NPAIRS(jc, r) - 2, L, &s, prec);
            _tjet_vec_div_ui(T, T, L, m, prec);
            _arb_vec_sub(T, A->coeffs + r * L, T, L, prec);
        }
        else
            _arb_vec_set(T, A->coeffs + r * L, L);
        _tjet_series_mullow(B + r * L, T, _tjet_series_len(T, L), I0, li, L, prec);
        _tjet_vec_mul_ui(EB + r * L, B + r * L, L, m, prec);
        lb[r] = _tjet_series_len(EB + r * L, L);
    }

    _arb_vec_swap(R->coeffs, B, len * L);
    _arb_vec_clear(B, len * L);
    _arb_vec_clear(EB, len * L);
    _arb_vec_clear(T, L);
    _arb_vec_clear(I0, L);
    _tjet_scratch_clear(&s);
    flint_free(la);
    flint_free(lb);
}
