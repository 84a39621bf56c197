/* Test the Gaussian case (one component):
   - log density against the closed form log N(x; a m, a^2 S + s2 I) written
     directly (arb_mat_det, arb_mat_solve, no Cholesky), score against
     -C^{-1}(x - a m), Laplacian against -tr C^{-1} (arb_mat_inv), and the
     jet: an exact quadratic, zero above degree 2;
   - the Gaussian equals the mixture of two copies of itself with weights
     1/3, 2/3 (log density, score, Laplacian, jet);
   - a covariance ball that is not certified positive definite gives
     indeterminate results. */
#include "target_test.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("gaussian....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 500; iter++)
    {
        slong d = 1 + n_randint(state, 4), K = 1 + n_randint(state, 6), prec = 64 + n_randint(state, 128);
        slong i, j, r;
        target_t P, Q;
        jet_ctx_t ctx;
        jet_t J, J2;
        arb_mat_t C, Ci, rv, sol;
        arb_t a, s2, val, val2, lap, lap2, t, det;
        arb_ptr x, sc, sc2;
        int bad = 0;

        target_init(P, d, 1);
        target_init(Q, d, 2);
        jet_ctx_init(ctx, d, K);
        jet_init(J, ctx);
        jet_init(J2, ctx);
        arb_mat_init(C, d, d); arb_mat_init(Ci, d, d); arb_mat_init(rv, d, 1); arb_mat_init(sol, d, 1);
        arb_init(a); arb_init(s2); arb_init(val); arb_init(val2); arb_init(lap); arb_init(lap2);
        arb_init(t); arb_init(det);
        x = _arb_vec_init(d);
        sc = _arb_vec_init(d);
        sc2 = _arb_vec_init(d);

        _t_rand_target(P, state, n_randint(state, 3), prec);
        _t_rand_a_s2(a, s2, state);
        for (i = 0; i < d; i++)
            _t_rand_dyadic(x + i, state, 512, 6);

        /* closed form, at twice the precision */
        arb_sqr(t, a, 2 * prec);
        arb_mat_scalar_mul_arb(C, P->S, t, 2 * prec);
        for (i = 0; i < d; i++)
        {
            arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), s2, 2 * prec);
            arb_mul(t, a, P->m + i, 2 * prec);
            arb_sub(arb_mat_entry(rv, i, 0), x + i, t, 2 * prec);
        }
        arb_mat_det(det, C, 2 * prec);
        arb_mat_solve(sol, C, rv, 2 * prec);
        arb_mat_inv(Ci, C, 2 * prec);
        arb_const_pi(t, 2 * prec);
        arb_mul_2exp_si(t, t, 1);
        arb_pow_ui(t, t, d, 2 * prec);
        arb_mul(t, t, det, 2 * prec);
        arb_log(val2, t, 2 * prec);
        for (i = 0; i < d; i++)
            arb_addmul(val2, arb_mat_entry(rv, i, 0), arb_mat_entry(sol, i, 0), 2 * prec);
        arb_mul_2exp_si(val2, val2, -1);
        arb_neg(val2, val2);        /* weight 1: log w = 0 */
        arb_zero(lap2);
        for (i = 0; i < d; i++)
            arb_sub(lap2, lap2, arb_mat_entry(Ci, i, i), 2 * prec);

        arb_one(P->w);
        _target_log_density(val, P, a, s2, x, prec);
        _target_score(sc, P, a, s2, x, prec);
        _target_laplacian_log(lap, P, a, s2, x, prec);
        _target_log_density_jet(J, P, a, s2, x, ctx, prec);

        if (!arb_overlaps(val, val2))
            bad = 1;
        if (!arb_overlaps(J->coeffs, val2))
            bad = bad ? bad : 1;
        for (i = 0; i < d; i++)
        {
            arb_neg(t, arb_mat_entry(sol, i, 0));
            if (!arb_overlaps(sc + i, t) || !arb_overlaps(J->coeffs + 1 + i, t))
                bad = bad ? bad : 2;
        }
        if (!arb_overlaps(lap, lap2))
            bad = bad ? bad : 3;
        if (K >= 2)
            for (i = 0; i < d; i++)
                for (j = i; j < d; j++)
                {
                    r = ctx->up[(1 + i) * d + j];
                    arb_neg(t, arb_mat_entry(Ci, i, j));
                    if (i == j)
                        arb_mul_2exp_si(t, t, -1);
                    if (!arb_overlaps(J->coeffs + r, t))
                        bad = bad ? bad : 4;
                }
        for (r = ctx->deg_start[FLINT_MIN(K, 2) + 1]; r < ctx->len; r++)
            if (!arb_is_zero(J->coeffs + r))
                bad = bad ? bad : 5;

        /* two copies, weights 1/3 and 2/3 */
        arb_set_ui(Q->w, 1);
        arb_div_ui(Q->w, Q->w, 3, 2 * prec);
        arb_set_ui(Q->w + 1, 2);
        arb_div_ui(Q->w + 1, Q->w + 1, 3, 2 * prec);
        for (j = 0; j < 2; j++)
        {
            _arb_vec_set(target_mean(Q, j), P->m, d);
            arb_mat_set(target_cov(Q, j), P->S);
        }
        _target_log_density(t, Q, a, s2, x, prec);
        if (!arb_overlaps(t, val2))
            bad = bad ? bad : 6;
        _target_score(sc2, Q, a, s2, x, prec);
        for (i = 0; i < d; i++)
            if (!arb_overlaps(sc2 + i, sc + i))
                bad = bad ? bad : 6;
        _target_laplacian_log(t, Q, a, s2, x, prec);
        if (!arb_overlaps(t, lap2))
            bad = bad ? bad : 6;
        _target_log_density_jet(J2, Q, a, s2, x, ctx, prec);
        for (r = 0; r < ctx->len; r++)
            if (!arb_overlaps(J2->coeffs + r, J->coeffs + r))
                bad = bad ? bad : 7;

        /* not certified positive definite: S = [0 +/- 1], s2 = 0 */
        arb_mat_zero(P->S);
        for (i = 0; i < d; i++)
            arb_zero_pm_one(arb_mat_entry(P->S, i, i));
        arb_zero(s2);
        _target_log_density(t, P, a, s2, x, prec);
        _target_score(sc2, P, a, s2, x, prec);
        _target_log_density_jet(J2, P, a, s2, x, ctx, prec);
        if (arb_is_finite(t) || arb_is_finite(sc2) || arb_is_finite(J2->coeffs + ctx->len - 1))
            bad = bad ? bad : 8;

        if (bad)
        {
            flint_printf("FAIL (case %d) K = %wd prec = %wd\n", bad, K, prec);
            _t_print_target(P, a, s2, x);
            flint_printf("log p = "); arb_printd(val, 20);
            flint_printf(" closed form: "); arb_printd(val2, 20);
            flint_printf("\nlaplacian = "); arb_printd(lap, 20);
            flint_printf(" closed form: "); arb_printd(lap2, 20);
            flint_printf("\njet = "); jet_printd(J, 20, ctx);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        target_clear(Q);
        jet_clear(J, ctx);
        jet_clear(J2, ctx);
        jet_ctx_clear(ctx);
        arb_mat_clear(C); arb_mat_clear(Ci); arb_mat_clear(rv); arb_mat_clear(sol);
        arb_clear(a); arb_clear(s2); arb_clear(val); arb_clear(val2); arb_clear(lap); arb_clear(lap2);
        arb_clear(t); arb_clear(det);
        _arb_vec_clear(x, d);
        _arb_vec_clear(sc, d);
        _arb_vec_clear(sc2, d);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
