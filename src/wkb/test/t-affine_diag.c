/*
    Factorisation and rotation invariance of the affine route, d = 2.
    With an exactly orthogonal rational Q = [[3/5, -4/5], [4/5, 3/5]] and a
    diagonal D, the problem with score law N(Q m', Q D Q^T) (or affine score
    A = Q diag(alpha) Q^T, b = Q b'), prior N(0, I), read at Q x, equals the
    product of the 1D problems (D_ii, m'_i) (resp. (alpha_i, b'_i)) read at
    x_i: log q^h = sum_i log q_i^h for every h.  Checks, random parameters:
    (1) const schedule, centred, scaled score, t0 = 0: the 2D series
        (full matrices, off-diagonal entries nonzero) overlaps the sum of
        the gauss1d closed-form series (independent route), N = 4;
    (2) random schedule, scaled Gaussian score with a mean, or affine score:
        the 2D series overlaps the sum of the 1D affine series;
    (3) the same for the NLL series (data N(Q m', Q D Q^T) vs 1D data).
*/
#include "diffwkb/wkb.h"
#include "common.h"

/* res = Q diag(D) Q^T, Q the 3-4-5 rotation */
static void
rot_mat(arb_mat_t res, arb_srcptr D, slong prec)
{
    arb_mat_t Q, T;
    slong i;
    arb_mat_init(Q, 2, 2);
    arb_mat_init(T, 2, 2);
    arb_set_si(arb_mat_entry(Q, 0, 0), 3);
    arb_set_si(arb_mat_entry(Q, 0, 1), -4);
    arb_set_si(arb_mat_entry(Q, 1, 0), 4);
    arb_set_si(arb_mat_entry(Q, 1, 1), 3);
    arb_mat_scalar_div_si(Q, Q, 5, prec);
    arb_mat_zero(T);
    for (i = 0; i < 2; i++)
        arb_set(arb_mat_entry(T, i, i), D + i);
    arb_mat_mul(T, Q, T, prec);
    arb_mat_transpose(Q, Q);
    arb_mat_mul(res, T, Q, prec);
    arb_mat_clear(Q);
    arb_mat_clear(T);
}

/* y = Q x */
static void
rot_vec(arb_ptr y, arb_srcptr x, slong prec)
{
    arb_t u, v;
    arb_init(u);
    arb_init(v);
    arb_mul_si(u, x + 0, 3, prec);
    arb_submul_si(u, x + 1, 4, prec);
    arb_mul_si(v, x + 0, 4, prec);
    arb_addmul_si(v, x + 1, 3, prec);
    arb_div_si(y + 0, u, 5, prec);
    arb_div_si(y + 1, v, 5, prec);
    arb_clear(u);
    arb_clear(v);
}

static void
check(const arb_poly_t a, const arb_poly_t b, slong N, const char * what, slong iter)
{
    slong n;
    arb_t p, q;
    arb_init(p);
    arb_init(q);
    for (n = 0; n <= N; n++)
    {
        arb_poly_get_coeff_arb(p, a, n);
        arb_poly_get_coeff_arb(q, b, n);
        if (!arb_overlaps(p, q) || !arb_is_finite(p) || !arb_is_finite(q))
        {
            flint_printf("FAIL (%s), iter %wd, n = %wd\n", what, iter, n);
            arb_printd(p, 30); flint_printf("\n");
            arb_printd(q, 30); flint_printf("\n");
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

    flint_printf("affine_diag....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 8; iter++)
    {
        slong prec = 64, N = (iter < 2) ? 4 : 3, i;
        int sch = (iter < 2) ? SCHED_CONST : (int) n_randint(st, 6);
        int kind = (iter < 2) ? 0 : (int) n_randint(st, 2);   /* 0 gauss, 1 const */
        wkb_affine_t M2, M1;
        sched_t S;
        arb_t p1, p2, t0, T, lam, u;
        arb_ptr D, mp, m, x, y, al, bp, b;
        arb_mat_t S2, S1;
        arb_poly_t r2, r1, sum;

        wkb_affine_init(M2, 2);
        wkb_affine_init(M1, 1);
        sched_init(S);
        arb_init(p1); arb_init(p2); arb_init(t0); arb_init(T); arb_init(lam); arb_init(u);
        D = _arb_vec_init(2); mp = _arb_vec_init(2); m = _arb_vec_init(2);
        x = _arb_vec_init(2); y = _arb_vec_init(2); al = _arb_vec_init(2);
        bp = _arb_vec_init(2); b = _arb_vec_init(2);
        arb_mat_init(S2, 2, 2);
        arb_mat_init(S1, 1, 1);
        arb_poly_init(r2); arb_poly_init(r1); arb_poly_init(sum);

        /* schedule */
        arb_one(T);
        switch (sch)
        {
            case SCHED_CONST:
                rand_frac(p1, st, 50, 150, 100, prec);
                sched_set_const(S, p1);
                rand_frac(T, st, 10, 20, 10, prec);
                break;
            case SCHED_VP:
                arb_set_str(p1, "0.1", prec); arb_set_ui(p2, 20);
                sched_set_vp(S, p1, p2);
                arb_set_str(t0, "0.001", prec);
                break;
            case SCHED_SIMPLE:
                sched_set_simple(S);
                arb_set_str(t0, "0.01", prec);
                break;
            case SCHED_COSINE:
                sched_set_cosine(S);
                arb_set_str(t0, "0.01", prec);
                arb_set_str(T, "0.99", prec);
                break;
            case SCHED_VE:
                arb_set_str(p1, "0.01", prec); arb_set_ui(p2, 5);
                sched_set_ve(S, p1, p2);
                break;
            default:
                arb_set_str(p1, "0.1", prec); arb_set_ui(p2, 20);
                sched_set_subvp(S, p1, p2);
                arb_set_str(t0, "0.001", prec);
                break;
        }
        wkb_affine_set_sched(M2, S, t0, T);
        wkb_affine_set_sched(M1, S, t0, T);

        for (i = 0; i < 2; i++)
        {
            rand_frac(D + i, st, 10, 190, 100, prec);
            rand_frac(x + i, st, -200, 400, 100, prec);
            if (iter >= 2)
                rand_frac(mp + i, st, -100, 200, 100, prec);
            rand_frac(al + i, st, -300, 280, 100, prec);     /* -3 .. -0.2 */
            rand_frac(bp + i, st, -100, 200, 100, prec);
        }
        rand_frac(lam, st, 70, 80, 100, prec);               /* 0.7 .. 1.5 */
        rot_vec(y, x, prec);

        /* 2D problem */
        if (kind == 0)
        {
            rot_mat(S2, D, prec);
            rot_vec(m, mp, prec);
            wkb_affine_set_score_gauss(M2, m, S2, lam);
        }
        else
        {
            rot_mat(S2, al, prec);
            rot_vec(b, bp, prec);
            wkb_affine_set_score_const(M2, S2, b);
        }
        if (wkb_affine_loglik_series(r2, M2, y, N, prec) != WKB_OK)
        {
            flint_printf("FAIL (status 2D), iter %wd\n", iter);
            flint_abort();
        }

        /* sum of 1D problems */
        arb_poly_zero(sum);
        for (i = 0; i < 2; i++)
        {
            if (iter < 2)
            {
                wkb_gauss1d_t G;
                wkb_gauss1d_init(G);
                arb_sub_ui(u, lam, 1, prec);
                wkb_gauss1d_set(G, D + i, S->beta, T, u);
                wkb_gauss1d_loglik_series(r1, G, x + i, N, prec);
                wkb_gauss1d_clear(G);
            }
            else
            {
                if (kind == 0)
                {
                    arb_set(arb_mat_entry(S1, 0, 0), D + i);
                    wkb_affine_set_score_gauss(M1, mp + i, S1, lam);
                }
                else
                {
                    arb_set(arb_mat_entry(S1, 0, 0), al + i);
                    wkb_affine_set_score_const(M1, S1, bp + i);
                }
                if (wkb_affine_loglik_series(r1, M1, x + i, N, prec) != WKB_OK)
                {
                    flint_printf("FAIL (status 1D), iter %wd\n", iter);
                    flint_abort();
                }
            }
            arb_poly_add(sum, sum, r1, prec);
        }
        check(sum, r2, N, "loglik factorisation", iter);

        /* (3) NLL with data N(Q mp, Q D Q^T) */
        if (iter >= 2)
        {
            arb_mat_t C2;
            arb_mat_init(C2, 2, 2);
            rot_mat(C2, D, prec);
            rot_vec(m, mp, prec);
            if (wkb_affine_nll_series(r2, M2, m, C2, N, prec) != WKB_OK)
            {
                flint_printf("FAIL (status NLL 2D), iter %wd\n", iter);
                flint_abort();
            }
            arb_poly_zero(sum);
            for (i = 0; i < 2; i++)
            {
                if (kind == 0)
                {
                    arb_set(arb_mat_entry(S1, 0, 0), D + i);
                    wkb_affine_set_score_gauss(M1, mp + i, S1, lam);
                }
                else
                {
                    arb_set(arb_mat_entry(S1, 0, 0), al + i);
                    wkb_affine_set_score_const(M1, S1, bp + i);
                }
                arb_set(arb_mat_entry(S1, 0, 0), D + i);
                if (wkb_affine_nll_series(r1, M1, mp + i, S1, N, prec) != WKB_OK)
                {
                    flint_printf("FAIL (status NLL 1D), iter %wd\n", iter);
                    flint_abort();
                }
                arb_poly_add(sum, sum, r1, prec);
            }
            check(sum, r2, N, "NLL factorisation", iter);
            arb_mat_clear(C2);
        }

        wkb_affine_clear(M2);
        wkb_affine_clear(M1);
        sched_clear(S);
        arb_clear(p1); arb_clear(p2); arb_clear(t0); arb_clear(T); arb_clear(lam); arb_clear(u);
        _arb_vec_clear(D, 2); _arb_vec_clear(mp, 2); _arb_vec_clear(m, 2);
        _arb_vec_clear(x, 2); _arb_vec_clear(y, 2); _arb_vec_clear(al, 2);
        _arb_vec_clear(bp, 2); _arb_vec_clear(b, 2);
        arb_mat_clear(S2);
        arb_mat_clear(S1);
        arb_poly_clear(r2); arb_poly_clear(r1); arb_poly_clear(sum);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
