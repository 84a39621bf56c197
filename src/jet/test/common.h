/*
    Shared pieces of the jet tests: random jets and directions, ball-vector
    comparisons, and the failure report (prints the inputs, then aborts).
*/
#ifndef DIFFWKB_JET_TEST_COMMON_H
#define DIFFWKB_JET_TEST_COMMON_H

#include "diffwkb/jet.h"

static inline int
_tvec_equal(arb_srcptr a, arb_srcptr b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!arb_equal(a + i, b + i))
            return 0;
    return 1;
}

static inline int
_tvec_overlaps(arb_srcptr a, arb_srcptr b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!arb_overlaps(a + i, b + i))
            return 0;
    return 1;
}

static inline int
_tvec_contains(arb_srcptr a, arb_srcptr b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!arb_contains(a + i, b + i))
            return 0;
    return 1;
}

/* random jet with exact coefficients of magnitude about 2^mag, about a
   third of them zero */
static inline void
_randjet(jet_t A, flint_rand_t state, slong mag, const jet_ctx_t ctx)
{
    slong r;
    for (r = 0; r < ctx->len; r++)
    {
        if (n_randint(state, 3) == 0)
            arb_zero(A->coeffs + r);
        else
        {
            arb_set_si(A->coeffs + r, (slong) n_randint(state, 2001) - 1000);
            arb_mul_2exp_si(A->coeffs + r, A->coeffs + r, mag - 10);
        }
    }
}

static inline void
_randvec(arb_ptr v, slong d, flint_rand_t state)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        arb_set_si(v + i, (slong) n_randint(state, 2001) - 1000);
        arb_mul_2exp_si(v + i, v + i, -10);
    }
}

static inline void
_fail(const char * what, const jet_t A, const jet_t B, arb_srcptr v,
      const arb_poly_t P, const arb_poly_t Q, const jet_ctx_t ctx)
{
    slong i;
    flint_printf("FAIL (%s) d = %wd K = %wd\nA = ", what, ctx->d, ctx->K);
    jet_printd(A, 20, ctx);
    if (B != NULL)
    {
        flint_printf("B = ");
        jet_printd(B, 20, ctx);
    }
    flint_printf("v = ");
    for (i = 0; i < ctx->d; i++)
    {
        arb_printd(v + i, 20);
        flint_printf(" ");
    }
    flint_printf("\njet route = ");
    arb_poly_printd(P, 20);
    flint_printf("\npoly route = ");
    arb_poly_printd(Q, 20);
    flint_printf("\n");
    fflush(stdout);
    flint_abort();
}

#endif
