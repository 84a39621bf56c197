/* jet_init, jet_clear, jet_zero, jet_set, jet_swap, jet_set_arb, jet_set_var,
   jet_is_constant: basic assignment.  These are exact. */
#include "diffwkb/jet.h"

void
jet_init(jet_t J, const jet_ctx_t ctx)
{
    J->coeffs = _arb_vec_init(ctx->len);
}

void
jet_clear(jet_t J, const jet_ctx_t ctx)
{
    _arb_vec_clear(J->coeffs, ctx->len);
}

void
jet_zero(jet_t J, const jet_ctx_t ctx)
{
    _arb_vec_zero(J->coeffs, ctx->len);
}

void
jet_set(jet_t R, const jet_t J, const jet_ctx_t ctx)
{
    if (R != J)
        _arb_vec_set(R->coeffs, J->coeffs, ctx->len);
}

void
jet_swap(jet_t R, jet_t J, const jet_ctx_t ctx)
{
    arb_ptr t = R->coeffs;
    R->coeffs = J->coeffs;
    J->coeffs = t;
}

void
jet_set_arb(jet_t R, const arb_t c, const jet_ctx_t ctx)
{
    _arb_vec_zero(R->coeffs + 1, ctx->len - 1);
    arb_set(R->coeffs, c);
}

void
jet_set_var(jet_t R, slong i, const jet_ctx_t ctx)
{
    jet_zero(R, ctx);
    if (ctx->K >= 1)
        arb_one(R->coeffs + 1 + i);
    else
    {
        flint_printf("jet_set_var: order 0 has no variable\n");
        flint_abort();
    }
}

int
jet_is_constant(const jet_t A, const jet_ctx_t ctx)
{
    return _arb_vec_is_zero(A->coeffs + 1, ctx->len - 1);
}
