/*
    NLL(h) of the section 5.1 model:
    (1) the paper's values (v0 = 0.3, beta = 1, T = 5, prior N(0,1)):
        eps = 0.1: 0.9344, 0.8530, 0.8350, 0.8287, 0.8258 at
        h = 0, 0.25, 0.5, 0.75, 1; eps = 0: 0.8170 at each h.  The
        certified ball must lie inside [value - 5e-5, value + 5e-5];
    (2) eps = 0 with the exact prior N(0, v_T): q^h_0 = p_0 for every h, so
        NLL(h) contains log(2 pi e v0)/2 for random h, and every series
        coefficient C_n, n >= 1, contains 0;
    (3) NLL(h) overlaps -log q^h_0(sqrt(v0)) (log q is affine in x^2, and
        E_{p_0} x^2 = v0), the NLL series overlaps minus the loglik series at
        x = sqrt(v0), and NLL(h) overlaps the NLL partial sum for h = 0.
*/
#include "diffwkb/wkb.h"
#include "common.h"

int
main(void)
{
    flint_rand_t st;
    slong iter, i, j, n;
    const char * hs[5] = { "0", "0.25", "0.5", "0.75", "1" };
    const char * known[2][5] = {
        { "0.9344", "0.8530", "0.8350", "0.8287", "0.8258" },
        { "0.8170", "0.8170", "0.8170", "0.8170", "0.8170" } };

    flint_printf("gauss1d_nll....");
    fflush(stdout);
    flint_randinit(st);

    /* (1) known values */
    {
        wkb_gauss1d_t M;
        arb_t v0, beta, T, eps, h, r, k;
        slong prec = 64;
        wkb_gauss1d_init(M);
        arb_init(v0); arb_init(beta); arb_init(T); arb_init(eps);
        arb_init(h); arb_init(r); arb_init(k);
        arb_set_str(v0, "0.3", prec);
        arb_set_ui(beta, 1);
        arb_set_ui(T, 5);
        for (j = 0; j < 2; j++)
        {
            arb_set_str(eps, j == 0 ? "0.1" : "0", prec);
            wkb_gauss1d_set(M, v0, beta, T, eps);
            for (i = 0; i < 5; i++)
            {
                arb_set_str(h, hs[i], prec);
                wkb_gauss1d_nll(r, M, h, prec);
                /* certainly |nll - known| < 5e-5 */
                arb_set_str(k, known[j][i], prec);
                arb_sub(k, r, k, prec);
                arb_abs(k, k);
                arb_set_str(h, "0.00005", prec);
                if (!arb_lt(k, h))
                {
                    flint_printf("FAIL (known value), eps = %s, h = %s\n",
                        j == 0 ? "0.1" : "0", hs[i]);
                    flint_printf("nll = "); arb_printd(r, 20);
                    flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
            }
        }
        wkb_gauss1d_clear(M);
        arb_clear(v0); arb_clear(beta); arb_clear(T); arb_clear(eps);
        arb_clear(h); arb_clear(r); arb_clear(k);
    }

    for (iter = 0; iter < 300; iter++)
    {
        wkb_gauss1d_t M;
        arb_t h, r, s, x, t;
        arb_poly_t P, Q;
        slong prec = 64 + n_randint(st, 200);
        slong N = n_randint(st, 25);

        wkb_gauss1d_init(M);
        arb_init(h); arb_init(r); arb_init(s); arb_init(x); arb_init(t);
        arb_poly_init(P); arb_poly_init(Q);

        rand_frac(M->v0, st, 50, 2950, 1000, prec);
        rand_frac(M->beta, st, 200, 2800, 1000, prec);
        rand_frac(M->T, st, 100, 700, 100, prec);
        rand_frac(M->eps, st, -300, 600, 1000, prec);
        if (n_randint(st, 2))
            rand_frac(M->uT, st, 100, 1900, 1000, prec);
        rand_frac(h, st, 0, 2000, 1000, prec);

        /* (3) */
        wkb_gauss1d_nll(r, M, h, prec);
        arb_sqrt(x, M->v0, prec);
        wkb_gauss1d_loglik(s, M, x, h, prec);
        arb_neg(s, s);
        if (!arb_overlaps(r, s) || arb_rel_accuracy_bits(r) < prec - 40)
        {
            flint_printf("FAIL (nll vs -loglik(sqrt v0))\n");
            flint_printf("nll = "); arb_printd(r, 30);
            flint_printf("\n-loglik = "); arb_printd(s, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }
        wkb_gauss1d_nll_series(P, M, N, prec);
        wkb_gauss1d_loglik_series(Q, M, x, N, prec);
        arb_poly_neg(Q, Q);
        if (!arb_poly_overlaps(P, Q) || P->length != N + 1)
        {
            flint_printf("FAIL (nll series vs -loglik series)\n");
            fflush(stdout); flint_abort();
        }
        arb_zero(h);
        wkb_gauss1d_nll(r, M, h, prec);
        if (!arb_overlaps(r, P->coeffs))
        {
            flint_printf("FAIL (C_0 vs nll(0))\n");
            fflush(stdout); flint_abort();
        }

        /* (2) eps = 0, exact prior */
        arb_zero(M->eps);
        wkb_gauss1d_set_prior_exact(M, prec);
        rand_frac(h, st, 0, 2000, 1000, prec);
        wkb_gauss1d_nll(r, M, h, prec);
        arb_const_pi(s, prec);
        arb_mul_2exp_si(s, s, 1);
        arb_mul(s, s, M->v0, prec);
        arb_log(s, s, prec);
        arb_add_ui(s, s, 1, prec);
        arb_mul_2exp_si(s, s, -1);               /* log(2 pi e v0)/2 */
        if (!arb_overlaps(r, s))
        {
            flint_printf("FAIL (eps = 0, exact prior: NLL depends on h)\n");
            flint_printf("v0 = "); arb_printd(M->v0, 20);
            flint_printf("\nh = "); arb_printd(h, 20);
            flint_printf("\nnll = "); arb_printd(r, 30);
            flint_printf("\nexpected = "); arb_printd(s, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }
        wkb_gauss1d_nll_series(P, M, N, prec);
        if (!arb_overlaps(P->coeffs, s))
        {
            flint_printf("FAIL (eps = 0, exact prior: C_0)\n");
            fflush(stdout); flint_abort();
        }
        for (n = 1; n <= N; n++)
        {
            arb_poly_get_coeff_arb(t, P, n);
            if (!arb_contains_zero(t))
            {
                flint_printf("FAIL (eps = 0, exact prior: C_%wd != 0)\n", n);
                arb_printd(t, 20);
                flint_printf("\n");
                fflush(stdout); flint_abort();
            }
        }

        wkb_gauss1d_clear(M);
        arb_clear(h); arb_clear(r); arb_clear(s); arb_clear(x); arb_clear(t);
        arb_poly_clear(P); arb_poly_clear(Q);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
