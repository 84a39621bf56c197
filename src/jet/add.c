/* Linear operations on jets: the results enclose the exact coefficientwise
   sums, differences and scalar multiples. */
#include "diffwkb/jet.h"

void
jet_add(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec)
{
    _arb_vec_add(R->coeffs, A->coeffs, B->coeffs, ctx->len, prec);
}

void
jet_sub(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec)
{
    _arb_vec_sub(R->coeffs, A->coeffs, B->coeffs, ctx->len, prec);
}

void
jet_neg(jet_t R, const jet_t A, const jet_ctx_t ctx)
{
    _arb_vec_neg(R->coeffs, A->coeffs, ctx->len);
}

void
jet_scalar_mul(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec)
{
    _arb_vec_scalar_mul(R->coeffs, A->coeffs, ctx->len, c, prec);
}

void
jet_scalar_addmul(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec)
{
    _arb_vec_scalar_addmul(R->coeffs, A->coeffs, ctx->len, c, prec);
}

void
jet_add_arb(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec)
{
    jet_set(R, A, ctx);
    arb_add(R->coeffs, A->coeffs, c, prec);
}
