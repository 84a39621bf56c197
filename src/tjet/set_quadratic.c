/* _tjet_set_quadratic: R encloses c + b.xi + (1/2) xi^T H xi (truncated at
   xi-degree K) with tau-series coefficients c (L entries), b_i (at b + i L)
   and H_ij (at H + (i d + j) L), H symmetric: the coefficient of xi_i^2 is
   H_ii / 2 and that of xi_i xi_j (i < j) is H_ij. */
#include "diffwkb/tjet.h"

void
_tjet_set_quadratic(tjet_t R, arb_srcptr c, arb_srcptr b, arb_srcptr H,
                    const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong i, j, r, d = jc->d, L = ctx->L;

    (void) prec;
    tjet_zero(R, ctx);
    _arb_vec_set(R->coeffs, c, L);
    if (jc->K < 1)
        return;
    for (i = 0; i < d; i++)
        _arb_vec_set(tjet_coeff(R, 1 + i, ctx), b + i * L, L);
    if (jc->K < 2)
        return;
    for (i = 0; i < d; i++)
    {
        r = jc->up[(1 + i) * d + i];
        _arb_vec_scalar_mul_2exp_si(tjet_coeff(R, r, ctx), H + (i * d + i) * L, L, -1);
        for (j = i + 1; j < d; j++)
        {
            r = jc->up[(1 + i) * d + j];
            _arb_vec_set(tjet_coeff(R, r, ctx), H + (i * d + j) * L, L);
        }
    }
}
