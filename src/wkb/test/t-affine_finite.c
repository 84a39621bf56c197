/*
    Series versus finite h for the affine route: random d = 2 problems
    (non-diagonal scaled Gaussian score with a mean, or a non-symmetric
    affine score A x + b; random schedule; prior N(0, I)).  The finite-h
    value log q^h_{t0}(x) (the h-dependent moment ODE at h) must overlap
    the partial sum sum_{n<=N} c_n h^n (N = 6, h = 1/64) widened by the
    explicit tail budget 2 |c_{N+1}| h^{N+1} (with c_{N+1} from the series
    route; the test requires |c_{N+1}| h <= |c_N| / 4, the geometric decay
    that makes the budget a bound of the tail, and skips an input where
    that is not observed).  Same for NLL(h) with data N(m, S).
    The finite-h route integrates a different ODE (size 5 instead of 35),
    so a wrong coupling between the h-orders or a wrong noise term shows.
*/
#include "diffwkb/wkb.h"
#include "common.h"

/* 1 if checked (pass), 0 if skipped; aborts on failure */
static int
compare(const arb_poly_t c, const arb_t F, const arb_t h, slong N, const char * what,
        slong iter, slong prec)
{
    arb_t s, t, u, e;
    int checked = 1;
    arb_init(s); arb_init(t); arb_init(u); arb_init(e);
    arb_poly_get_coeff_arb(t, c, N + 1);
    arb_poly_get_coeff_arb(u, c, N);
    arb_mul(e, t, h, prec);
    arb_abs(e, e);
    arb_abs(u, u);
    arb_mul_2exp_si(u, u, -2);
    if (!arb_le(e, u))
        checked = 0;
    else
    {
        arb_poly_t p;
        arb_poly_init(p);
        arb_poly_set(p, c);
        arb_poly_truncate(p, N + 1);
        arb_poly_evaluate(s, p, h, prec);
        arb_pow_ui(e, h, N + 1, prec);
        arb_mul(e, e, t, prec);
        arb_abs(e, e);
        arb_mul_2exp_si(e, e, 1);
        arb_add_error(s, e);
        if (!arb_overlaps(s, F))
        {
            flint_printf("FAIL (%s), iter %wd\n", what, iter);
            flint_printf("partial sum + tail = "); arb_printd(s, 30);
            flint_printf("\nfinite h           = "); arb_printd(F, 30);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }
        arb_poly_clear(p);
    }
    arb_clear(s); arb_clear(t); arb_clear(u); arb_clear(e);
    return checked;
}

int
main(void)
{
    flint_rand_t st;
    slong iter, checked = 0;

    flint_printf("affine_finite....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 5; iter++)
    {
        slong prec = 64, N = 6, i, j;
        int sch = (int) n_randint(st, 6);
        wkb_affine_t M;
        sched_t S;
        arb_t p1, p2, t0, T, lam, h, F;
        arb_ptr m, x;
        arb_mat_t A, C;
        arb_poly_t c;

        wkb_affine_init(M, 2);
        sched_init(S);
        arb_init(p1); arb_init(p2); arb_init(t0); arb_init(T); arb_init(lam);
        arb_init(h); arb_init(F);
        m = _arb_vec_init(2); x = _arb_vec_init(2);
        arb_mat_init(A, 2, 2); arb_mat_init(C, 2, 2);
        arb_poly_init(c);

        arb_one(T);
        switch (sch)
        {
            case SCHED_CONST:
                arb_one(p1); sched_set_const(S, p1); arb_set_ui(T, 2); break;
            case SCHED_VP:
                arb_set_str(p1, "0.1", prec); arb_set_ui(p2, 20);
                sched_set_vp(S, p1, p2); arb_set_str(t0, "0.001", prec); break;
            case SCHED_SIMPLE:
                sched_set_simple(S); arb_set_str(t0, "0.01", prec); break;
            case SCHED_COSINE:
                sched_set_cosine(S); arb_set_str(t0, "0.01", prec);
                arb_set_str(T, "0.99", prec); break;
            case SCHED_VE:
                arb_set_str(p1, "0.01", prec); arb_set_ui(p2, 5);
                sched_set_ve(S, p1, p2); break;
            default:
                arb_set_str(p1, "0.1", prec); arb_set_ui(p2, 20);
                sched_set_subvp(S, p1, p2); arb_set_str(t0, "0.001", prec); break;
        }
        wkb_affine_set_sched(M, S, t0, T);

        /* data covariance C = [[c00, c01], [c01, c11]], diagonally dominant */
        rand_frac(arb_mat_entry(C, 0, 0), st, 30, 100, 100, prec);
        rand_frac(arb_mat_entry(C, 1, 1), st, 30, 100, 100, prec);
        rand_frac(arb_mat_entry(C, 0, 1), st, -20, 41, 100, prec);
        arb_set(arb_mat_entry(C, 1, 0), arb_mat_entry(C, 0, 1));
        for (i = 0; i < 2; i++)
        {
            rand_frac(m + i, st, -100, 200, 100, prec);
            rand_frac(x + i, st, -150, 300, 100, prec);
        }
        if (n_randint(st, 2))
        {
            rand_frac(lam, st, 70, 80, 100, prec);
            wkb_affine_set_score_gauss(M, m, C, lam);
        }
        else
        {
            for (i = 0; i < 2; i++)
                for (j = 0; j < 2; j++)
                    rand_frac(arb_mat_entry(A, i, j), st, i == j ? -300 : -50,
                              i == j ? 250 : 101, 100, prec);
            wkb_affine_set_score_const(M, A, m);
        }
        arb_one(h);
        arb_mul_2exp_si(h, h, -6);

        if (wkb_affine_loglik_series(c, M, x, N + 1, prec) != WKB_OK ||
            wkb_affine_loglik(F, M, x, h, prec) != WKB_OK)
        {
            flint_printf("FAIL (status), iter %wd, schedule %d\n", iter, sch);
            flint_abort();
        }
        checked += compare(c, F, h, N, "loglik", iter, prec);

        if (wkb_affine_nll_series(c, M, m, C, N + 1, prec) != WKB_OK ||
            wkb_affine_nll(F, M, m, C, h, prec) != WKB_OK)
        {
            flint_printf("FAIL (nll status), iter %wd, schedule %d\n", iter, sch);
            flint_abort();
        }
        checked += compare(c, F, h, N, "nll", iter, prec);

        wkb_affine_clear(M);
        sched_clear(S);
        arb_clear(p1); arb_clear(p2); arb_clear(t0); arb_clear(T); arb_clear(lam);
        arb_clear(h); arb_clear(F);
        _arb_vec_clear(m, 2); _arb_vec_clear(x, 2);
        arb_mat_clear(A); arb_mat_clear(C);
        arb_poly_clear(c);
    }
    if (checked < 5)
    {
        flint_printf("FAIL (only %wd comparisons had a valid tail budget)\n", checked);
        flint_abort();
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
