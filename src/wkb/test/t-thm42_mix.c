/*
    The Thm 4.2 route (wkb_thm42_c1: forward variational equation along the
    characteristic with grad/Lap log q^0_t from a degree-2 jet block) against
    independent routes for c_1:
    (1) the section 5.1 Gaussian model: wkb_gauss1d_c1_thm42 (closed-form
        trajectory and acb_calc quadrature) and the closed-form h-series;
    (2) random Gaussian mixtures (d = 1, 2; 2 components) with a scaled or
        misspecified-mixture score and the normal prior: c_1 of the jet
        transport hierarchy (block U_1 integrated backward from U_0).
*/
#include <stdio.h>
#include <string.h>
#include "diffwkb/wkb.h"
#include "common.h"

/* "[[m..], ..]" means and covs of a random 2-component mixture in dim d */
static void
rand_mix(char * out, size_t len, flint_rand_t st, slong d)
{
    char buf[256];
    slong k, i;
    snprintf(out, len, "{\"type\": \"mixture\", \"weights\": [\"%d/10\", \"%d/10\"], \"means\": [",
             3, 7);
    for (k = 0; k < 2; k++)
    {
        strcat(out, k ? ", [" : "[");
        for (i = 0; i < d; i++)
        {
            snprintf(buf, sizeof buf, "%s\"%d/10\"", i ? ", " : "", (int) n_randint(st, 31) - 15);
            strcat(out, buf);
        }
        strcat(out, "]");
    }
    strcat(out, "], \"covs\": [");
    for (k = 0; k < 2; k++)
    {
        int s00 = 10 + n_randint(st, 60), s11 = 10 + n_randint(st, 60);
        int s01 = (int) n_randint(st, 11) - 5;
        if (d == 1)
            snprintf(buf, sizeof buf, "%s[[\"%d/100\"]]", k ? ", " : "", s00);
        else
            snprintf(buf, sizeof buf, "%s[[\"%d/100\", \"%d/100\"], [\"%d/100\", \"%d/100\"]]",
                     k ? ", " : "", s00, s01, s01, s11);
        strcat(out, buf);
    }
    strcat(out, "]}");
}

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("thm42_mix....");
    fflush(stdout);
    flint_randinit(st);

    /* (1) */
    for (iter = 0; iter < 3; iter++)
    {
        slong prec = 64 + 64 * n_randint(st, 2);
        char json[1024];
        problem_t P;
        arb_poly_t r;
        arb_t x, c1, u;
        wkb_gauss1d_t M;

        snprintf(json, sizeof json,
            "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"%d/4\", \"t0\": \"0\", "
            "\"T\": \"%d/2\"}, \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], "
            "\"cov\": [[\"%d/10\"]]}, \"score\": {\"type\": \"scaled\", \"eps\": \"%d/20\"}, "
            "\"prior\": {\"type\": \"normal\"}}",
            3 + (int) n_randint(st, 4), 2 + (int) n_randint(st, 5), 2 + (int) n_randint(st, 12),
            (int) n_randint(st, 9) - 4);
        problem_init(P);
        read_problem(P, json, prec);
        arb_poly_init(r);
        arb_init(x); arb_init(c1); arb_init(u);
        arb_set_si(x, (slong) n_randint(st, 301) - 150);
        arb_div_ui(x, x, 100, prec);

        if (wkb_thm42_c1(c1, P, x, NULL, prec) != WKB_OK || !arb_is_finite(c1))
            fail("status", json, c1, c1);
        wkb_gauss1d_init(M);
        wkb_gauss1d_set(M, arb_mat_entry(target_cov(P->data, 0), 0, 0), P->sde->beta, P->T,
                        P->score->eps);
        wkb_gauss1d_c1_thm42(u, M, x, prec);
        if (!arb_overlaps(c1, u))
            fail("gauss1d thm42", json, c1, u);
        wkb_gauss1d_loglik_series(r, M, x, 1, prec);
        arb_poly_get_coeff_arb(u, r, 1);
        if (!arb_overlaps(c1, u))
            fail("gauss1d series", json, c1, u);

        wkb_gauss1d_clear(M);
        problem_clear(P);
        arb_poly_clear(r);
        arb_clear(x); arb_clear(c1); arb_clear(u);
    }

    /* (2) */
    for (iter = 0; iter < 3; iter++)
    {
        slong prec = 64, d = 1 + (iter == 2), i;
        char json[4096], data[1024], score[1024];
        problem_t P;
        arb_poly_t r;
        arb_t c1, u;
        arb_ptr x;

        rand_mix(data, sizeof data, st, d);
        if (n_randint(st, 2))
            snprintf(score, sizeof score, "{\"type\": \"scaled\", \"eps\": \"%d/20\"}",
                     (int) n_randint(st, 9) - 4);
        else
            rand_mix(score, sizeof score, st, d);
        snprintf(json, sizeof json, "{\"dim\": %d, \"sde\": {\"schedule\": \"const\", "
                 "\"beta\": \"1\", \"t0\": \"0\", \"T\": \"2\"}, \"data\": %s, \"score\": %s, "
                 "\"prior\": {\"type\": \"normal\"}}", (int) d, data, score);
        problem_init(P);
        read_problem(P, json, prec);
        arb_poly_init(r);
        arb_init(c1); arb_init(u);
        x = _arb_vec_init(d);
        for (i = 0; i < d; i++)
        {
            arb_set_si(x + i, (slong) n_randint(st, 301) - 150);
            arb_div_ui(x + i, x + i, 100, prec);
        }
        if (wkb_thm42_c1(c1, P, x, NULL, prec) != WKB_OK || !arb_is_finite(c1))
            fail("status 2", json, c1, c1);
        if (wkb_transport_loglik_series(r, P, x, 1, NULL, prec) != WKB_OK)
            fail("transport status", json, c1, c1);
        arb_poly_get_coeff_arb(u, r, 1);
        if (!arb_overlaps(c1, u))
            fail("transport c_1", json, c1, u);

        problem_clear(P);
        arb_poly_clear(r);
        arb_clear(c1); arb_clear(u);
        _arb_vec_clear(x, d);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
