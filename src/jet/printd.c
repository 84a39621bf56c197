/* jet_printd: print the nonzero coefficients with their exponents. */
#include "diffwkb/jet.h"

void
jet_printd(const jet_t A, slong digits, const jet_ctx_t ctx)
{
    slong r, i, d = ctx->d;

    flint_printf("{");
    for (r = 0; r < ctx->len; r++)
    {
        if (arb_is_zero(A->coeffs + r))
            continue;
        flint_printf(" (");
        for (i = 0; i < d; i++)
            flint_printf(i + 1 < d ? "%wd," : "%wd", ctx->exps[r * d + i]);
        flint_printf("): ");
        arb_printd(A->coeffs + r, digits);
    }
    flint_printf(" }\n");
}
