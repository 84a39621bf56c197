/*
    Shared pieces of the wkb tests: random rationals, reading a JSON problem,
    printing a section 5.1 model, and the failure report.
*/
#ifndef DIFFWKB_WKB_TEST_COMMON_H
#define DIFFWKB_WKB_TEST_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/wkb.h"

/* x = (lo + n_randint(span)) / den */
static inline void
rand_frac(arb_t x, flint_rand_t st, slong lo, ulong span, ulong den, slong prec)
{
    arb_set_si(x, lo + (slong) n_randint(st, span));
    arb_div_ui(x, x, den, prec);
}

static inline void
print_model(const wkb_gauss1d_t M)
{
    flint_printf("v0 = "); arb_printd(M->v0, 20);
    flint_printf("\nbeta = "); arb_printd(M->beta, 20);
    flint_printf("\nT = "); arb_printd(M->T, 20);
    flint_printf("\neps = "); arb_printd(M->eps, 20);
    flint_printf("\nuT = "); arb_printd(M->uT, 20);
    flint_printf("\n");
}

static inline void
read_problem(problem_t P, const char * json, slong prec)
{
    char err[256];
    if (problem_read_string(P, json, err, sizeof err, prec) != 0)
    {
        flint_printf("FAIL (read): %s\n%s\n", err, json);
        flint_abort();
    }
}

static inline void
fail(const char * what, const char * json, const arb_t a, const arb_t b)
{
    flint_printf("FAIL (%s)\n%s\n", what, json);
    arb_printd(a, 30); flint_printf("\n");
    arb_printd(b, 30); flint_printf("\n");
    fflush(stdout);
    flint_abort();
}

#endif
