/* jet_evaluate: res encloses A(v) = sum_alpha A_alpha v^alpha.
   jet_restrict_line: res(s) encloses A(s v), a polynomial of length K + 1
   whose s^k coefficient is sum_{|alpha| = k} A_alpha v^alpha. */
#include "diffwkb/jet.h"

/* M[r] = v^(exponents of r), built along the up table (each monomial once,
   from the one with its first nonzero exponent lowered). */
static void
_jet_monomials(arb_ptr M, arb_srcptr v, const jet_ctx_t ctx, slong prec)
{
    slong r, i, u, d = ctx->d;

    arb_one(M);
    for (r = 0; r < ctx->deg_start[ctx->K]; r++)
    {
        for (i = 0; i < d; i++)
        {
            u = ctx->up[r * d + i];
            arb_mul(M + u, M + r, v + i, prec);
            if (ctx->exps[r * d + i] != 0)
                break;
        }
    }
}

void
jet_evaluate(arb_t res, const jet_t A, arb_srcptr v, const jet_ctx_t ctx, slong prec)
{
    arb_ptr M = _arb_vec_init(ctx->len);
    _jet_monomials(M, v, ctx, prec);
    arb_dot(res, NULL, 0, A->coeffs, 1, M, 1, ctx->len, prec);
    _arb_vec_clear(M, ctx->len);
}

void
jet_restrict_line(arb_poly_t res, const jet_t A, arb_srcptr v, const jet_ctx_t ctx,
                  slong prec)
{
    slong k, a, b;
    arb_ptr M = _arb_vec_init(ctx->len);

    _jet_monomials(M, v, ctx, prec);
    arb_poly_fit_length(res, ctx->K + 1);
    for (k = 0; k <= ctx->K; k++)
    {
        a = ctx->deg_start[k];
        b = ctx->deg_start[k + 1];
        arb_dot(res->coeffs + k, NULL, 0, A->coeffs + a, 1, M + a, 1, b - a, prec);
    }
    _arb_poly_set_length(res, ctx->K + 1);
    _arb_poly_normalise(res);
    _arb_vec_clear(M, ctx->len);
}
