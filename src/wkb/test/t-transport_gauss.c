/*
    Jet transport (wkb_transport_loglik_series) on Gaussian problems against
    the independent closed-form and moment-ODE routes:
    (1) the section 5.1 model (dim 1, const schedule, centred Gaussian
        data, scaled score, prior normal or marginal), random v0, beta, T,
        eps, x: c_0..c_N overlap wkb_gauss1d_loglik_series (closed form);
    (2) 2D Gaussian data (random mean, SPD covariance) under vp or simple,
        scaled score, normal prior: c_0..c_N overlap the affine route
        (wkb_affine_loglik_series: mean/covariance ODE, no jets);
    (3) 1D Gaussian data under cosine with T = 0.99 or 0.999 (near the
        schedule's singularity), against the affine route, and the
        backward march takes at most 4 (N + 1) times the forward steps.
    Also checks that the problem dispatch picks gauss1d / affine there and
    that every transport coefficient is finite.
*/
#include <stdio.h>
#include "diffwkb/wkb.h"
#include "common.h"

static void
check(const char * json, const arb_poly_t a, const arb_poly_t b, slong N)
{
    slong n;
    arb_t u, v;
    arb_init(u);
    arb_init(v);
    for (n = 0; n <= N; n++)
    {
        arb_poly_get_coeff_arb(u, a, n);
        arb_poly_get_coeff_arb(v, b, n);
        if (!arb_is_finite(u) || !arb_overlaps(u, v))
        {
            flint_printf("FAIL (c_%wd)\n%s\n", n, json);
            arb_printd(u, 30); flint_printf("\n");
            arb_printd(v, 30); flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }
    }
    arb_clear(u);
    arb_clear(v);
}

/* The problem of json (dim d, x in R^d) takes the affine route, and the
   transport coefficients c_0..c_N (opt may be NULL) overlap the affine
   route's; tag names the case in failure messages. */
static void
vs_affine(const char * json, arb_srcptr x, slong N, wkb_transport_opt_t opt, slong prec,
          int tag)
{
    problem_t P;
    arb_poly_t c, r;
    wkb_affine_t A;

    problem_init(P);
    read_problem(P, json, prec);
    arb_poly_init(c);
    arb_poly_init(r);
    if (wkb_problem_route(P) != WKB_ROUTE_AFFINE)
    {
        flint_printf("FAIL (route %d)\n%s\n", tag, json);
        fflush(stdout);
        flint_abort();
    }
    if (wkb_transport_loglik_series(c, P, x, N, opt, prec) != WKB_OK)
    {
        flint_printf("FAIL (status %d)\n%s\n", tag, json);
        fflush(stdout);
        flint_abort();
    }
    wkb_affine_init(A, P->dim);
    wkb_affine_set_problem(A, P, prec);
    if (wkb_affine_loglik_series(r, A, x, N, prec) != WKB_OK)
    {
        flint_printf("FAIL (affine status %d)\n%s\n", tag, json);
        fflush(stdout);
        flint_abort();
    }
    check(json, c, r, N);

    wkb_affine_clear(A);
    problem_clear(P);
    arb_poly_clear(c);
    arb_poly_clear(r);
}

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("transport_gauss....");
    fflush(stdout);
    flint_randinit(st);

    /* (1) */
    for (iter = 0; iter < 3; iter++)
    {
        slong prec = 64 + 32 * n_randint(st, 2), N = 2 + n_randint(st, 3);
        char json[1024];
        problem_t P;
        arb_poly_t c, r;
        arb_t x;
        wkb_gauss1d_t M;

        snprintf(json, sizeof json,
            "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"%d/4\", \"t0\": \"0\", "
            "\"T\": \"%d/2\"}, \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], "
            "\"cov\": [[\"%d/10\"]]}, \"score\": {\"type\": \"scaled\", \"eps\": \"%d/20\"}, "
            "\"prior\": {\"type\": \"%s\"}}",
            3 + (int) n_randint(st, 4), 2 + (int) n_randint(st, 3), 2 + (int) n_randint(st, 12),
            (int) n_randint(st, 9) - 4, n_randint(st, 2) ? "normal" : "marginal");
        problem_init(P);
        read_problem(P, json, prec);
        arb_poly_init(c);
        arb_poly_init(r);
        arb_init(x);
        arb_set_si(x, (slong) n_randint(st, 301) - 150);
        arb_div_ui(x, x, 100, prec);

        if (wkb_problem_route(P) != WKB_ROUTE_GAUSS1D)
        {
            flint_printf("FAIL (route)\n%s\n", json);
            fflush(stdout);
            flint_abort();
        }
        if (wkb_transport_loglik_series(c, P, x, N, NULL, prec) != WKB_OK)
        {
            flint_printf("FAIL (status)\n%s\n", json);
            fflush(stdout);
            flint_abort();
        }
        wkb_gauss1d_init(M);
        wkb_gauss1d_set(M, arb_mat_entry(target_cov(P->data, 0), 0, 0), P->sde->beta, P->T,
                        P->score->eps);
        if (P->prior == PRIOR_MARGINAL)
            wkb_gauss1d_set_prior_exact(M, prec);
        wkb_gauss1d_loglik_series(r, M, x, N, prec);
        check(json, c, r, N);

        wkb_gauss1d_clear(M);
        problem_clear(P);
        arb_poly_clear(c);
        arb_poly_clear(r);
        arb_clear(x);
    }

    /* (2) */
    for (iter = 0; iter < 2; iter++)
    {
        slong prec = 64, N = 2 + n_randint(st, 2), i;
        char json[1024];
        int m0 = n_randint(st, 11) - 5, m1 = n_randint(st, 11) - 5;
        int s00 = 20 + n_randint(st, 80), s11 = 20 + n_randint(st, 80);
        int s01 = (int) n_randint(st, 19) - 9;
        arb_ptr x;

        snprintf(json, sizeof json,
            "{\"dim\": 2, \"sde\": %s, \"data\": {\"type\": \"gaussian\", "
            "\"mean\": [\"%d/10\", \"%d/10\"], "
            "\"cov\": [[\"%d/100\", \"%d/100\"], [\"%d/100\", \"%d/100\"]]}, "
            "\"score\": {\"type\": \"scaled\", \"eps\": \"%d/20\"}, \"prior\": {\"type\": \"normal\"}}",
            (iter % 2) ? "{\"schedule\": \"vp\", \"t0\": \"0.1\", \"T\": \"1\"}"
                       : "{\"schedule\": \"simple\", \"t0\": \"0.2\", \"T\": \"1\"}",
            m0, m1, s00, s01, s01, s11, (int) n_randint(st, 9) - 4);
        x = _arb_vec_init(2);
        for (i = 0; i < 2; i++)
        {
            arb_set_si(x + i, (slong) n_randint(st, 201) - 100);
            arb_div_ui(x + i, x + i, 100, prec);
        }
        vs_affine(json, x, N, NULL, prec, 2);
        _arb_vec_clear(x, 2);
    }

    /* (3) COSINE near its singular end T -> 1 (f = -(pi/2) tan(pi t/2)):
       1D Gaussian data, scaled score, normal prior, against the affine
       route; the backward march must let its steps grow again after the
       small ones near T (it once kept 2^-12 for the whole interval: 40
       times the forward steps) */
    for (iter = 0; iter < 2; iter++)
    {
        slong prec = 64, N = 1 + n_randint(st, 2);
        char json[1024];
        arb_t x;
        wkb_transport_opt_t opt;

        snprintf(json, sizeof json,
            "{\"dim\": 1, \"sde\": {\"schedule\": \"cosine\", \"t0\": \"0.01\", "
            "\"T\": \"%s\"}, \"data\": {\"type\": \"gaussian\", \"mean\": [\"%d/10\"], "
            "\"cov\": [[\"%d/100\"]]}, \"score\": {\"type\": \"scaled\", \"eps\": \"%d/20\"}, "
            "\"prior\": {\"type\": \"normal\"}}",
            (iter % 2) ? "0.999" : "0.99", (int) n_randint(st, 11) - 5,
            1 + (int) n_randint(st, 99), (int) n_randint(st, 9) - 4);
        arb_init(x);
        arb_set_si(x, (slong) n_randint(st, 201) - 100);
        arb_div_ui(x, x, 100, prec);
        wkb_transport_opt_init(opt);
        vs_affine(json, x, N, opt, prec, 3);
        if (opt->steps_bwd > 4 * (N + 1) * opt->steps_fwd)
        {
            flint_printf("FAIL (backward steps %wd for %wd forward steps, N = %wd)\n%s\n",
                         opt->steps_bwd, opt->steps_fwd, N, json);
            fflush(stdout);
            flint_abort();
        }
        arb_clear(x);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
