/* tjet_derivative: R encloses d/dxi_i A: coefficient (alpha, k) is
   (alpha_i + 1) A_{alpha + e_i, k} for |alpha| <= K - 1; the xi-degree K
   coefficients (unknown from an order K jet) are set to 0.
   tjet_tau_derivative: R encloses d/dtau A: coefficient (alpha, k) is
   (k + 1) A_{alpha, k+1} for k <= L - 2; the tau^{L-1} coefficients are set
   to 0.  Both are exact when A is and allow R to alias A. */
#include "tjet_impl.h"

void
tjet_derivative(tjet_t R, const tjet_t A, slong i, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, u, d = jc->d, L = ctx->L, n = jc->len * L;
    arb_ptr T;

    T = _arb_vec_init(n);
    for (r = 0; r < jc->deg_start[jc->K]; r++)
    {
        u = jc->up[r * d + i];
        _tjet_vec_mul_ui(T + r * L, tjet_coeff(A, u, ctx), L,
                               jc->exps[r * d + i] + 1, prec);
    }
    _arb_vec_swap(R->coeffs, T, n);
    _arb_vec_clear(T, n);
}

void
tjet_tau_derivative(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec)
{
    slong r, k, L = ctx->L;

    for (r = 0; r < ctx->jctx->len; r++)
    {
        arb_ptr Rr = tjet_coeff(R, r, ctx);
        arb_srcptr Ar = tjet_coeff(A, r, ctx);
        for (k = 0; k + 1 < L; k++)
            arb_mul_ui(Rr + k, Ar + k + 1, k + 1, prec);
        arb_zero(Rr + L - 1);
    }
}
