/* tjet_printd: print the monomials with a nonzero tau-series, with their
   exponents and the series coefficients. */
#include "diffwkb/tjet.h"

void
tjet_printd(const tjet_t A, slong digits, const tjet_ctx_t ctx)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, i, k, d = jc->d, L = ctx->L;

    flint_printf("{");
    for (r = 0; r < jc->len; r++)
    {
        if (_arb_vec_is_zero(tjet_coeff(A, r, ctx), L))
            continue;
        flint_printf("\n (");
        for (i = 0; i < d; i++)
            flint_printf(i + 1 < d ? "%wd," : "%wd", jc->exps[r * d + i]);
        flint_printf("): [");
        for (k = 0; k < L; k++)
        {
            arb_printd(tjet_coeff(A, r, ctx) + k, digits);
            flint_printf(k + 1 < L ? ", " : "");
        }
        flint_printf("]");
    }
    flint_printf(" }\n");
}
