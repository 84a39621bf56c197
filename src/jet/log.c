/* jet_log: R encloses the jet of log(A) truncated at degree K.  If the
   constant term of A is not certified positive, R is indeterminate.

   With the Euler operator E (multiplication by m on degree m), B = log A
   satisfies A E B = E A, so B_0 = log A_0 and, for r of degree m >= 1,
   B_r = (A_r - (1/m) sum_{i + j = r, i != 0, j != 0} |i| B_i A_j) / A_0. */
#include "jet_impl.h"

void
jet_log(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec)
{
    slong r, m, len = ctx->len;
    arb_ptr B, EB;
    arb_t t;
    arb_struct * tx, * ty;

    if (!arb_is_positive(A->coeffs))
    {
        _arb_vec_indeterminate(R->coeffs, len);
        return;
    }

    B = _arb_vec_init(len);
    EB = _arb_vec_init(len);
    arb_init(t);
    tx = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);
    ty = flint_malloc(sizeof(arb_struct) * ctx->max_pairs);

    arb_log(B, A->coeffs, prec);
    for (r = 1; r < len; r++)
    {
        m = ctx->deg[r];
        /* pairs without the first (0, r) and the last (r, 0) */
        _jet_dot_pairs(t, NULL, 0, EB, A->coeffs, JET_PAIRS(ctx, r) + 2,
                       JET_NPAIRS(ctx, r) - 2, tx, ty, prec);
        arb_div_ui(t, t, m, prec);
        arb_sub(t, A->coeffs + r, t, prec);
        arb_div(B + r, t, A->coeffs, prec);
        arb_mul_ui(EB + r, B + r, m, prec);
    }

    _arb_vec_swap(R->coeffs, B, len);
    _arb_vec_clear(B, len);
    _arb_vec_clear(EB, len);
    arb_clear(t);
    flint_free(tx);
    flint_free(ty);
}
