/* jet_derivative: R encloses the jet of d/dxi_i A: coefficient alpha is
   (alpha_i + 1) A_{alpha + e_i} for |alpha| <= K - 1 (exact when A is), and
   the degree K coefficients (unknown from an order K jet) are set to 0. */
#include "diffwkb/jet.h"

void
jet_derivative(jet_t R, const jet_t A, slong i, const jet_ctx_t ctx, slong prec)
{
    slong r, u, d = ctx->d, len = ctx->len;
    arb_ptr T;

    T = _arb_vec_init(len);
    for (r = 0; r < ctx->deg_start[ctx->K]; r++)
    {
        u = ctx->up[r * d + i];
        arb_mul_ui(T + r, A->coeffs + u, ctx->exps[r * d + i] + 1, prec);
    }
    _arb_vec_swap(R->coeffs, T, len);
    _arb_vec_clear(T, len);
}
