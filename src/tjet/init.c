/* tjet_init, tjet_clear, tjet_zero, tjet_set, tjet_swap, tjet_set_jet,
   tjet_set_arb_poly, tjet_set_poly_vec, tjet_get_poly_vec,
   tjet_get_coeff_arb_poly: assignment and conversion.  These are exact. */
#include "diffwkb/tjet.h"

#define TJET_N(ctx) ((ctx)->jctx->len * (ctx)->L)

void
tjet_init(tjet_t A, const tjet_ctx_t ctx)
{
    A->coeffs = _arb_vec_init(TJET_N(ctx));
}

void
tjet_clear(tjet_t A, const tjet_ctx_t ctx)
{
    _arb_vec_clear(A->coeffs, TJET_N(ctx));
}

void
tjet_zero(tjet_t R, const tjet_ctx_t ctx)
{
    _arb_vec_zero(R->coeffs, TJET_N(ctx));
}

void
tjet_set(tjet_t R, const tjet_t A, const tjet_ctx_t ctx)
{
    if (R != A)
        _arb_vec_set(R->coeffs, A->coeffs, TJET_N(ctx));
}

void
tjet_swap(tjet_t R, tjet_t A, const tjet_ctx_t ctx)
{
    arb_ptr t = R->coeffs;
    (void) ctx;
    R->coeffs = A->coeffs;
    A->coeffs = t;
}

void
tjet_set_jet(tjet_t R, const jet_t J, const tjet_ctx_t ctx)
{
    slong r;
    tjet_zero(R, ctx);
    for (r = 0; r < ctx->jctx->len; r++)
        arb_set(tjet_coeff(R, r, ctx), J->coeffs + r);
}

/* p into the L entries at res (zero-padded, truncated). */
static void
_tjet_set_series(arb_ptr res, const arb_poly_t p, slong L)
{
    slong n = FLINT_MIN(L, p->length);
    _arb_vec_set(res, p->coeffs, n);
    _arb_vec_zero(res + n, L - n);
}

void
tjet_set_arb_poly(tjet_t R, const arb_poly_t p, const tjet_ctx_t ctx)
{
    tjet_zero(R, ctx);
    _tjet_set_series(R->coeffs, p, ctx->L);
}

void
tjet_set_poly_vec(tjet_t R, const arb_poly_struct * v, const tjet_ctx_t ctx)
{
    slong r;
    for (r = 0; r < ctx->jctx->len; r++)
        _tjet_set_series(tjet_coeff(R, r, ctx), v + r, ctx->L);
}

void
tjet_get_coeff_arb_poly(arb_poly_t p, const tjet_t A, slong r, const tjet_ctx_t ctx)
{
    arb_poly_fit_length(p, ctx->L);
    _arb_vec_set(p->coeffs, tjet_coeff(A, r, ctx), ctx->L);
    _arb_poly_set_length(p, ctx->L);
    _arb_poly_normalise(p);
}

void
tjet_get_poly_vec(arb_poly_struct * v, const tjet_t A, const tjet_ctx_t ctx)
{
    slong r;
    for (r = 0; r < ctx->jctx->len; r++)
        tjet_get_coeff_arb_poly(v + r, A, r, ctx);
}
