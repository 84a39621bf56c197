/*
    Affine route versus the gauss1d closed form on the section 5.1 model
    (d = 1, const schedule, centred data N(0, v0), scaled score, t0 = 0,
    prior N(0, 1) or the exact marginal N(0, v_T)), random parameters:
    (1) the log-likelihood series c_0..c_N (N = 10) overlap
        wkb_gauss1d_loglik_series;
    (2) the NLL series overlap wkb_gauss1d_nll_series (data moments 0, v0);
    (3) finite-h loglik and NLL (the h-dependent moment ODE) overlap
        wkb_gauss1d_loglik / wkb_gauss1d_nll at random h in [0, 1];
*/
#include "diffwkb/wkb.h"
#include "common.h"

static void
check_poly(const arb_poly_t a, const arb_poly_t b, slong N, const char * what,
           const wkb_gauss1d_t G)
{
    slong n;
    arb_t p, q;
    arb_init(p);
    arb_init(q);
    for (n = 0; n <= N; n++)
    {
        arb_poly_get_coeff_arb(p, a, n);
        arb_poly_get_coeff_arb(q, b, n);
        if (!arb_overlaps(p, q) || !arb_is_finite(q))
        {
            flint_printf("FAIL (%s), n = %wd\n", what, n);
            flint_printf("v0 = "); arb_printd(G->v0, 20);
            flint_printf("\nbeta = "); arb_printd(G->beta, 20);
            flint_printf("\nT = "); arb_printd(G->T, 20);
            flint_printf("\neps = "); arb_printd(G->eps, 20);
            flint_printf("\nuT = "); arb_printd(G->uT, 20);
            flint_printf("\ngauss1d = "); arb_printd(p, 30);
            flint_printf("\naffine  = "); arb_printd(q, 30);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }
    }
    arb_clear(p);
    arb_clear(q);
}

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("affine_gauss1d....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 6; iter++)
    {
        slong prec = 64 + 32 * n_randint(st, 2), N = 10;
        wkb_gauss1d_t G;
        wkb_affine_t M;
        sched_t S;
        arb_t v0, beta, T, eps, lam, t0, x, h, r1, r2;
        arb_mat_t Sm;
        arb_poly_t a, b;
        int prior_exact = n_randint(st, 2);

        wkb_gauss1d_init(G);
        wkb_affine_init(M, 1);
        sched_init(S);
        arb_init(v0); arb_init(beta); arb_init(T); arb_init(eps); arb_init(lam);
        arb_init(t0); arb_init(x); arb_init(h); arb_init(r1); arb_init(r2);
        arb_mat_init(Sm, 1, 1);
        arb_poly_init(a); arb_poly_init(b);

        rand_frac(v0, st, 10, 190, 100, prec);       /* 0.1 .. 2   */
        rand_frac(beta, st, 50, 150, 100, prec);     /* 0.5 .. 2   */
        rand_frac(T, st, 10, 40, 10, prec);          /* 1 .. 5     */
        rand_frac(eps, st, -30, 80, 100, prec);      /* -0.3 .. 0.5 */
        rand_frac(x, st, -200, 400, 100, prec);      /* -2 .. 2    */

        wkb_gauss1d_set(G, v0, beta, T, eps);
        if (prior_exact)
            wkb_gauss1d_set_prior_exact(G, prec);

        sched_set_const(S, beta);
        wkb_affine_set_sched(M, S, t0, T);
        arb_set(arb_mat_entry(Sm, 0, 0), v0);
        arb_add_ui(lam, eps, 1, prec);
        wkb_affine_set_score_gauss(M, NULL, Sm, lam);
        if (prior_exact)
            wkb_affine_set_prior_marginal(M, NULL, Sm, prec);
        else
            wkb_affine_set_prior_normal(M);

        /* (1) */
        wkb_gauss1d_loglik_series(a, G, x, N, prec);
        if (wkb_affine_loglik_series(b, M, x, N, prec) != WKB_OK)
        {
            flint_printf("FAIL (loglik series status)\n");
            flint_abort();
        }
        check_poly(a, b, N, "loglik series", G);

        /* (2) */
        wkb_gauss1d_nll_series(a, G, N, prec);
        if (wkb_affine_nll_series(b, M, NULL, Sm, N, prec) != WKB_OK)
        {
            flint_printf("FAIL (nll series status)\n");
            flint_abort();
        }
        check_poly(a, b, N, "nll series", G);

        /* (3) */
        rand_frac(h, st, 0, 101, 100, prec);
        wkb_gauss1d_loglik(r1, G, x, h, prec);
        if (wkb_affine_loglik(r2, M, x, h, prec) != WKB_OK || !arb_overlaps(r1, r2))
        {
            flint_printf("FAIL (finite h loglik)\nh = "); arb_printd(h, 20);
            flint_printf("\n"); arb_printd(r1, 30); flint_printf("\n");
            arb_printd(r2, 30); flint_printf("\n");
            flint_abort();
        }
        wkb_gauss1d_nll(r1, G, h, prec);
        if (wkb_affine_nll(r2, M, NULL, Sm, h, prec) != WKB_OK || !arb_overlaps(r1, r2))
        {
            flint_printf("FAIL (finite h nll)\nh = "); arb_printd(h, 20);
            flint_printf("\n"); arb_printd(r1, 30); flint_printf("\n");
            arb_printd(r2, 30); flint_printf("\n");
            flint_abort();
        }

        wkb_gauss1d_clear(G);
        wkb_affine_clear(M);
        sched_clear(S);
        arb_clear(v0); arb_clear(beta); arb_clear(T); arb_clear(eps); arb_clear(lam);
        arb_clear(t0); arb_clear(x); arb_clear(h); arb_clear(r1); arb_clear(r2);
        arb_mat_clear(Sm);
        arb_poly_clear(a); arb_poly_clear(b);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
