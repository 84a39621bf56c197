/*
    Jet transport on Gaussian mixtures with the exact score and the prior
    p_T ("marginal"): every process of Eq. (9) then has the marginals p_t,
    so log q^h_{t0} = log p_{t0} for every h.  Random mixtures (d = 1 with
    2 or 3 components, d = 2 with 2 components, random weights, means and
    SPD covariances), const or vp schedule, random point; through the
    problem-level dispatch (route WKB_ROUTE_TRANSPORT):
      c_0 overlaps log p_{t0}(x) (target_log_density, closed form),
      c_n contains 0 for 1 <= n <= N,
    a check of every level of the hierarchy (div s, s.grad u, Lap u and the
    grad u_i . grad u_j terms must cancel exactly).
*/
#include <stdio.h>
#include <string.h>
#include "diffwkb/wkb.h"
#include "common.h"

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("transport_exact....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 4; iter++)
    {
        slong prec = 64, d = (iter < 2) ? 1 : 2, nc = (d == 1) ? 2 + n_randint(st, 2) : 2;
        slong N = (d == 1) ? 3 : 2, n, i;
        char json[2048], err[256];
        problem_t P;
        arb_poly_t c;
        arb_t r, u;
        arb_ptr x;

        /* data */
        rand_mixture_json(json, sizeof json, st, d, nc, iter % 2, "{\"type\": \"exact\"}",
                          "{\"type\": \"marginal\"}");

        problem_init(P);
        if (problem_read_string(P, json, err, sizeof err, prec) != 0)
        {
            flint_printf("FAIL (read): %s\n%s\n", err, json);
            flint_abort();
        }
        arb_poly_init(c);
        arb_init(r);
        arb_init(u);
        x = _arb_vec_init(d);
        for (i = 0; i < d; i++)
        {
            arb_set_si(x + i, (slong) n_randint(st, 301) - 150);
            arb_div_ui(x + i, x + i, 100, prec);
        }
        if (wkb_problem_route(P) != WKB_ROUTE_TRANSPORT)
        {
            flint_printf("FAIL (route)\n%s\n", json);
            flint_abort();
        }
        if (wkb_problem_loglik_series(c, P, x, N, prec) != WKB_OK)
        {
            flint_printf("FAIL (status)\n%s\n", json);
            flint_abort();
        }
        target_log_density(r, P->data, P->sde, P->t0, x, prec);
        arb_poly_get_coeff_arb(u, c, 0);
        if (!arb_overlaps(r, u))
        {
            flint_printf("FAIL (c_0)\n%s\n", json);
            arb_printd(u, 30); flint_printf("\n");
            arb_printd(r, 30); flint_printf("\n");
            flint_abort();
        }
        for (n = 1; n <= N; n++)
        {
            arb_poly_get_coeff_arb(u, c, n);
            if (!arb_is_finite(u) || !arb_contains_zero(u))
            {
                flint_printf("FAIL (c_%wd contains 0)\n%s\n", n, json);
                arb_printd(u, 30); flint_printf("\n");
                flint_abort();
            }
        }

        problem_clear(P);
        arb_poly_clear(c);
        arb_clear(r);
        arb_clear(u);
        _arb_vec_clear(x, d);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
