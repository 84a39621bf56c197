/*
    Exact score with the prior p_T (prior "marginal"): every Eq. (9) process
    has the marginals p_t, so q^h_{t0} = p_{t0} for every h.  Random
    Gaussian data (d = 1, 2, random mean, random SPD covariance), every
    schedule, problems read from JSON and run through the problem-level
    entry points (route WKB_ROUTE_AFFINE):
    (1) c_0 overlaps log p_{t0}(x) (target_log_density, an independent
        closed form) and c_1..c_N contain 0;
    (2) the finite-h log-likelihood at a random h in [0, 1] overlaps
        log p_{t0}(x);
    (3) NLL series: C_0 overlaps the closed-form cross entropy
        E_{p_0}[-log p_{t0}] and C_n contains 0 for n >= 1.
*/
#include <stdio.h>
#include "diffwkb/wkb.h"
#include "common.h"

static const char * sdes[6] = {
    "{\"schedule\": \"const\", \"beta\": \"%s\", \"t0\": \"0\", \"T\": \"2\"}",
    "{\"schedule\": \"vp\", \"t0\": \"0.001\", \"T\": \"1\"}",
    "{\"schedule\": \"simple\", \"t0\": \"0.01\", \"T\": \"1\"}",
    "{\"schedule\": \"cosine\", \"t0\": \"0.01\", \"T\": \"0.99\"}",
    "{\"schedule\": \"ve\", \"smin\": \"0.01\", \"smax\": \"5\", \"t0\": \"0\", \"T\": \"1\"}",
    "{\"schedule\": \"subvp\", \"t0\": \"0.001\", \"T\": \"1\"}" };

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("affine_exact....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 6; iter++)
    {
        slong prec = 64, N = 3, d = 1 + n_randint(st, 2), n, i;
        int sch = iter % 6;
        char sde[256], json[1024], err[256], beta[16];
        int m0 = n_randint(st, 11) - 5, m1 = n_randint(st, 11) - 5;
        int s00 = 10 + n_randint(st, 90), s11 = 10 + n_randint(st, 90);
        int s01 = (int) n_randint(st, 19) - 9;
        problem_t P;
        arb_poly_t c;
        arb_t r, u, h;
        arb_ptr x;

        snprintf(beta, sizeof beta, "%d/4", 2 + (int) n_randint(st, 6));
        snprintf(sde, sizeof sde, sdes[sch], beta);
        if (d == 1)
            snprintf(json, sizeof json,
                "{\"dim\": 1, \"sde\": %s, \"data\": {\"type\": \"gaussian\", "
                "\"mean\": [\"%d/10\"], \"cov\": [[\"%d/100\"]]}, "
                "\"score\": {\"type\": \"exact\"}, \"prior\": {\"type\": \"marginal\"}}",
                sde, m0, s00);
        else
            snprintf(json, sizeof json,
                "{\"dim\": 2, \"sde\": %s, \"data\": {\"type\": \"gaussian\", "
                "\"mean\": [\"%d/10\", \"%d/10\"], "
                "\"cov\": [[\"%d/100\", \"%d/100\"], [\"%d/100\", \"%d/100\"]]}, "
                "\"score\": {\"type\": \"exact\"}, \"prior\": {\"type\": \"marginal\"}}",
                sde, m0, m1, s00, s01, s01, s11);

        problem_init(P);
        if (problem_read_string(P, json, err, sizeof err, prec) != 0)
        {
            flint_printf("FAIL (read): %s\n%s\n", err, json);
            flint_abort();
        }
        arb_poly_init(c);
        arb_init(r); arb_init(u); arb_init(h);
        x = _arb_vec_init(d);
        for (i = 0; i < d; i++)
        {
            arb_set_si(x + i, (slong) n_randint(st, 401) - 200);
            arb_div_ui(x + i, x + i, 100, prec);
        }

        if (wkb_problem_route(P) != WKB_ROUTE_AFFINE)
        {
            /* d = 1 const centred t0 = 0 goes to gauss1d: also fine */
            if (!(d == 1 && sch == 0 && m0 == 0 && wkb_problem_route(P) == WKB_ROUTE_GAUSS1D))
            {
                flint_printf("FAIL (route)\n%s\n", json);
                flint_abort();
            }
        }

        /* (1) */
        target_log_density(r, P->data, P->sde, P->t0, x, prec);
        if (wkb_problem_loglik_series(c, P, x, N, prec) != WKB_OK)
        {
            flint_printf("FAIL (status)\n%s\n", json);
            flint_abort();
        }
        arb_poly_get_coeff_arb(u, c, 0);
        if (!arb_overlaps(r, u))
            fail("c_0 = log p_t0", json, r, u);
        for (n = 1; n <= N; n++)
        {
            arb_poly_get_coeff_arb(u, c, n);
            if (!arb_contains_zero(u) || !arb_is_finite(u))
                fail("c_n contains 0", json, r, u);
        }

        /* (2) */
        arb_set_ui(h, n_randint(st, 101));
        arb_div_ui(h, h, 100, prec);
        if (wkb_problem_loglik(u, P, x, h, prec) != WKB_OK || !arb_overlaps(r, u))
            fail("finite h", json, r, u);

        /* (3) E_{p_0}[-log p_t0] = (d/2) log 2pi + (1/2) log det C
               + (1/2) [tr(C^{-1} S) + (m - a m)^T C^{-1} (m - a m)],
           C = a^2 S + s^2 I: by the target module's moments and Arb's
           matrix routines */
        {
            arb_mat_t C, S0, Ci, Tm;
            arb_ptr mt, m, y;
            arb_t a, s2, one, zero;
            arb_mat_init(C, d, d); arb_mat_init(S0, d, d); arb_mat_init(Ci, d, d);
            arb_mat_init(Tm, d, d);
            mt = _arb_vec_init(d); m = _arb_vec_init(d); y = _arb_vec_init(d);
            arb_init(a); arb_init(s2); arb_init(one); arb_init(zero);
            sched_a(a, P->sde, P->t0, prec);
            sched_s2(s2, P->sde, P->t0, prec);
            _target_moments(mt, C, P->data, a, s2, prec);
            arb_one(one);
            _target_moments(m, S0, P->data, one, zero, prec);
            arb_mat_inv(Ci, C, prec);
            arb_mat_det(r, C, prec);
            arb_log(r, r, prec);
            arb_mat_mul(Tm, Ci, S0, prec);
            arb_mat_trace(u, Tm, prec);
            arb_add(r, r, u, prec);
            _arb_vec_sub(y, m, mt, d, prec);
            for (i = 0; i < d; i++)
            {
                arb_dot(u, NULL, 0, arb_mat_entry(Ci, i, 0), 1, y, 1, d, prec);
                arb_addmul(r, u, y + i, prec);
            }
            arb_mul_2exp_si(r, r, -1);
            arb_const_log_sqrt2pi(u, prec);
            arb_addmul_si(r, u, d, prec);
            if (wkb_problem_nll_series(c, P, N, prec) != WKB_OK)
            {
                flint_printf("FAIL (nll status)\n%s\n", json);
                flint_abort();
            }
            arb_poly_get_coeff_arb(u, c, 0);
            if (!arb_overlaps(r, u))
                fail("NLL C_0", json, r, u);
            for (n = 1; n <= N; n++)
            {
                arb_poly_get_coeff_arb(u, c, n);
                if (!arb_contains_zero(u) || !arb_is_finite(u))
                    fail("NLL C_n contains 0", json, r, u);
            }
            arb_mat_clear(C); arb_mat_clear(S0); arb_mat_clear(Ci); arb_mat_clear(Tm);
            _arb_vec_clear(mt, d); _arb_vec_clear(m, d); _arb_vec_clear(y, d);
            arb_clear(a); arb_clear(s2); arb_clear(one); arb_clear(zero);
        }

        problem_clear(P);
        arb_poly_clear(c);
        arb_clear(r); arb_clear(u); arb_clear(h);
        _arb_vec_clear(x, d);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
