/*
    Shared pieces of the wkb tests: random rationals, reading a JSON problem,
    printing a section 5.1 model, the failure report, random mixture
    problems.
*/
#ifndef DIFFWKB_WKB_TEST_COMMON_H
#define DIFFWKB_WKB_TEST_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* json (size sz) = a random d-dimensional Gaussian-mixture problem with nc
   components (weights w1/(w1 + nc - 1), 1/(w1 + nc - 1), ...; means k/10 in
   [-1.5, 1.5]; covariances [[s00, s01], [s01, s11]]/100, positive definite),
   the vp schedule on [0.05, 1] or const beta = 1 on [0, 2], and the given
   score and prior objects, e.g. "{\"type\": \"exact\"}". */
static inline void
rand_mixture_json(char * json, size_t sz, flint_rand_t st, slong d, slong nc, int vp,
                  const char * score, const char * prior)
{
    char buf[256];
    slong k, i;
    int w1 = 1 + n_randint(st, 4);
    snprintf(json, sz, "{\"dim\": %d, \"sde\": %s, \"data\": {\"type\": \"mixture\", "
             "\"weights\": [", (int) d,
             vp ? "{\"schedule\": \"vp\", \"t0\": \"0.05\", \"T\": \"1\"}"
                : "{\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"2\"}");
    for (k = 0; k < nc; k++)
    {
        snprintf(buf, sizeof buf, "%s\"%d/%d\"", k ? ", " : "", k ? 1 : w1, w1 + (int) nc - 1);
        strcat(json, buf);
    }
    strcat(json, "], \"means\": [");
    for (k = 0; k < nc; k++)
    {
        strcat(json, k ? ", [" : "[");
        for (i = 0; i < d; i++)
        {
            snprintf(buf, sizeof buf, "%s\"%d/10\"", i ? ", " : "", (int) n_randint(st, 31) - 15);
            strcat(json, buf);
        }
        strcat(json, "]");
    }
    strcat(json, "], \"covs\": [");
    for (k = 0; k < nc; k++)
    {
        int s00 = 10 + n_randint(st, 60), s11 = 10 + n_randint(st, 60);
        int s01 = (int) n_randint(st, 11) - 5;
        if (d == 1)
            snprintf(buf, sizeof buf, "%s[[\"%d/100\"]]", k ? ", " : "", s00);
        else
            snprintf(buf, sizeof buf, "%s[[\"%d/100\", \"%d/100\"], [\"%d/100\", \"%d/100\"]]",
                     k ? ", " : "", s00, s01, s01, s11);
        strcat(json, buf);
    }
    snprintf(buf, sizeof buf, "]}, \"score\": %s, \"prior\": %s}", score, prior);
    strcat(json, buf);
}

#endif
