/* tjet_add, tjet_sub, tjet_neg, tjet_add_arb_poly, tjet_scalar_mul,
   tjet_scalar_mul_arb_poly, tjet_scalar_addmul_arb_poly: linear operations;
   the results enclose the exact sums and products (truncated at length L). */
#include "tjet_impl.h"

#define TJET_N(ctx) ((ctx)->jctx->len * (ctx)->L)

void
tjet_add(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec)
{
    _arb_vec_add(R->coeffs, A->coeffs, B->coeffs, TJET_N(ctx), prec);
}

void
tjet_sub(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec)
{
    _arb_vec_sub(R->coeffs, A->coeffs, B->coeffs, TJET_N(ctx), prec);
}

void
tjet_neg(tjet_t R, const tjet_t A, const tjet_ctx_t ctx)
{
    _arb_vec_neg(R->coeffs, A->coeffs, TJET_N(ctx));
}

void
tjet_add_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p, const tjet_ctx_t ctx,
                  slong prec)
{
    tjet_set(R, A, ctx);
    _arb_vec_add(R->coeffs, R->coeffs, p->coeffs, FLINT_MIN(ctx->L, p->length), prec);
}

void
tjet_scalar_mul(tjet_t R, const tjet_t A, const arb_t c, const tjet_ctx_t ctx, slong prec)
{
    _arb_vec_scalar_mul(R->coeffs, A->coeffs, TJET_N(ctx), c, prec);
}

void
tjet_scalar_mul_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p,
                         const tjet_ctx_t ctx, slong prec)
{
    slong r, L = ctx->L, lp = FLINT_MIN(L, p->length);
    arb_ptr T = _arb_vec_init(L);

    for (r = 0; r < ctx->jctx->len; r++)
    {
        arb_srcptr a = tjet_coeff(A, r, ctx);
        _tjet_series_mullow(T, a, _tjet_series_len(a, L), p->coeffs, lp, L, prec);
        _arb_vec_swap(tjet_coeff(R, r, ctx), T, L);
    }
    _arb_vec_clear(T, L);
}

void
tjet_scalar_addmul_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p,
                            const tjet_ctx_t ctx, slong prec)
{
    slong r, L = ctx->L, lp = FLINT_MIN(L, p->length);
    arb_ptr T = _arb_vec_init(L);

    for (r = 0; r < ctx->jctx->len; r++)
    {
        arb_srcptr a = tjet_coeff(A, r, ctx);
        slong la = _tjet_series_len(a, L);
        if (la == 0 || lp == 0)
            continue;
        _tjet_series_mullow(T, a, la, p->coeffs, lp, FLINT_MIN(L, la + lp - 1), prec);
        _arb_vec_add(tjet_coeff(R, r, ctx), tjet_coeff(R, r, ctx), T,
                     FLINT_MIN(L, la + lp - 1), prec);
    }
    _arb_vec_clear(T, L);
}
