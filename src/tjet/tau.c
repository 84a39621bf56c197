/* tjet_evaluate_tau, tjet_get_tau_coeff, tjet_set_tau_coeff, tjet_truncate:
   moving between tjets and ordinary jets, and between orders and lengths.
   tjet_evaluate_tau encloses the truncated tau-polynomial at the ball tau;
   the others are exact copies. */
#include "diffwkb/tjet.h"

void
tjet_evaluate_tau(jet_t R, const tjet_t A, const arb_t tau, const tjet_ctx_t ctx,
                  slong prec)
{
    slong r;
    for (r = 0; r < ctx->jctx->len; r++)
        _arb_poly_evaluate(R->coeffs + r, tjet_coeff(A, r, ctx), ctx->L, tau, prec);
}

void
tjet_get_tau_coeff(jet_t R, const tjet_t A, slong k, const tjet_ctx_t ctx)
{
    slong r;
    if (k < 0 || k >= ctx->L)
    {
        flint_printf("tjet_get_tau_coeff: k out of range\n");
        flint_abort();
    }
    for (r = 0; r < ctx->jctx->len; r++)
        arb_set(R->coeffs + r, tjet_coeff(A, r, ctx) + k);
}

void
tjet_set_tau_coeff(tjet_t R, const jet_t J, slong k, const tjet_ctx_t ctx)
{
    slong r;
    if (k < 0 || k >= ctx->L)
    {
        flint_printf("tjet_set_tau_coeff: k out of range\n");
        flint_abort();
    }
    for (r = 0; r < ctx->jctx->len; r++)
        arb_set(tjet_coeff(R, r, ctx) + k, J->coeffs + r);
}

void
tjet_truncate(tjet_t R, const tjet_ctx_t ctxR, const tjet_t A, const tjet_ctx_t ctxA)
{
    slong r, n, LR = ctxR->L, LA = ctxA->L, l = FLINT_MIN(LR, LA);

    if (ctxR->jctx->d != ctxA->jctx->d)
    {
        flint_printf("tjet_truncate: dimensions differ\n");
        flint_abort();
    }
    if (R == A)
    {
        flint_printf("tjet_truncate: aliasing not allowed\n");
        flint_abort();
    }

    n = FLINT_MIN(ctxR->jctx->len, ctxA->jctx->len);
    for (r = 0; r < n; r++)
    {
        _arb_vec_set(tjet_coeff(R, r, ctxR), tjet_coeff(A, r, ctxA), l);
        _arb_vec_zero(tjet_coeff(R, r, ctxR) + l, LR - l);
    }
    _arb_vec_zero(tjet_coeff(R, n, ctxR), (ctxR->jctx->len - n) * LR);
}
