/* Shared helpers of the derivation programs: each prints its statement,
   the enclosures of both sides, and PASS (exit 0) only when every pair of
   balls overlaps and is narrow; else FAIL (exit 1). */
#ifndef DIFFWKB_DERIV_H
#define DIFFWKB_DERIV_H

#include <stdio.h>
#include "diffwkb/diffwkb.h"
#include "diffwkb/action.h"
#include "diffwkb/wkb.h"

static int deriv_failures = 0;  /* one per program */

/* 1 if the balls a and b overlap and both have radius < 2^radexp. */
static inline int
deriv_check(const char * what, const arb_t a, const arb_t b, slong radexp, int verbose)
{
    int ok = arb_overlaps(a, b) && mag_cmp_2exp_si(arb_radref(a), radexp) < 0
             && mag_cmp_2exp_si(arb_radref(b), radexp) < 0;
    if (verbose || !ok)
    {
        printf("  %s:\n    lhs = ", what);
        arb_printn(a, 25, 0);
        printf("\n    rhs = ");
        arb_printn(b, 25, 0);
        printf("\n    %s\n", ok ? "overlap, narrow" : "MISMATCH or too wide");
    }
    if (!ok)
        deriv_failures++;
    return ok;
}

/* 1 if x contains 0 and has radius < 2^radexp. */
static inline int
deriv_check_zero(const char * what, const arb_t x, slong radexp, int verbose)
{
    int ok = arb_contains_zero(x) && mag_cmp_2exp_si(arb_radref(x), radexp) < 0;
    if (verbose || !ok)
    {
        printf("  %s = ", what);
        arb_printn(x, 10, 0);
        printf("  %s\n", ok ? "(contains 0, narrow)" : "NOT a narrow ball around 0");
    }
    if (!ok)
        deriv_failures++;
    return ok;
}

static inline void
deriv_fail(const char * msg)
{
    printf("  FAILED: %s\n", msg);
    deriv_failures++;
}

static inline int
deriv_finish(void)
{
    flint_cleanup();
    if (deriv_failures)
    {
        printf("FAIL (%d checks failed)\n", deriv_failures);
        return 1;
    }
    printf("PASS\n");
    return 0;
}

/* x = (n_randint(2001) - 1000)/500 */
static inline void
deriv_rand_point(arb_ptr x, slong d, flint_rand_t st, slong prec)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        arb_set_si(x + i, (slong) n_randint(st, 2001) - 1000);
        arb_div_ui(x + i, x + i, 500, prec);
    }
}

#endif
