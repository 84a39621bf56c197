/* jet_set_quadratic: R encloses c + b.xi + (1/2) xi^T H xi, truncated at
   degree K.  The coefficient of xi_i xi_j (i < j) is (H_ij + H_ji)/2, so R is
   the quadratic form of H even when the ball matrix H is not symmetric. */
#include "diffwkb/jet.h"

void
jet_set_quadratic(jet_t R, const arb_t c, arb_srcptr b, const arb_mat_t H,
                  const jet_ctx_t ctx, slong prec)
{
    slong i, j, d = ctx->d, r;

    jet_zero(R, ctx);
    arb_set(R->coeffs, c);
    if (ctx->K < 1)
        return;
    for (i = 0; i < d; i++)
        arb_set(R->coeffs + 1 + i, b + i);
    if (ctx->K < 2)
        return;
    for (i = 0; i < d; i++)
    {
        r = ctx->up[(1 + i) * d + i];
        arb_mul_2exp_si(R->coeffs + r, arb_mat_entry(H, i, i), -1);
        for (j = i + 1; j < d; j++)
        {
            r = ctx->up[(1 + i) * d + j];
            arb_add(R->coeffs + r, arb_mat_entry(H, i, j), arb_mat_entry(H, j, i), prec);
            arb_mul_2exp_si(R->coeffs + r, R->coeffs + r, -1);
        }
    }
}
