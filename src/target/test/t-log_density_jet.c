/* Test _target_log_density_jet, _target_log_density, _target_score,
   _target_laplacian_log for random mixtures in d = 1, 2, 3 at orders
   K = 8..10 against an independent route: along a line x + s v, each
   component's log-density is a quadratic in s (LU solve, determinant), so
   log p_t(x + s v) = log_series(sum exp_series(quadratic)) with arb_poly.
   The jet restricted to the line must overlap it for several v; the
   constant term, the degree-1 part (score) and twice the pure second
   degree coefficients (Laplacian) must overlap the value functions. */
#include "target_test.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("log_density_jet....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 150; iter++)
    {
        slong d = 1 + iter % 3, n = 1 + n_randint(state, 4), K = 8 + n_randint(state, 3);
        slong prec = 80 + n_randint(state, 120), i, j, r;
        target_t P;
        jet_ctx_t ctx;
        jet_t J;
        arb_t a, s2, val, lap, t;
        arb_ptr x, v, sc;
        arb_poly_t pj, pi;
        int bad = 0;

        target_init(P, d, n);
        jet_ctx_init(ctx, d, K);
        jet_init(J, ctx);
        arb_init(a); arb_init(s2); arb_init(val); arb_init(lap); arb_init(t);
        x = _arb_vec_init(d);
        v = _arb_vec_init(d);
        sc = _arb_vec_init(d);
        arb_poly_init(pj);
        arb_poly_init(pi);

        _t_rand_target(P, state, n_randint(state, 3), prec);
        _t_rand_a_s2(a, s2, state);
        for (i = 0; i < d; i++)
            _t_rand_dyadic(x + i, state, 320, 6);

        _target_log_density_jet(J, P, a, s2, x, ctx, prec);

        for (j = 0; j < 4 && !bad; j++)
        {
            for (i = 0; i < d; i++)
                _t_rand_dyadic(v + i, state, 64, 6);
            jet_restrict_line(pj, J, v, ctx, prec);
            _t_log_density_line(pi, P, a, s2, x, v, K + 1, 2 * prec);
            if (!arb_poly_overlaps(pj, pi))
                bad = bad ? bad : 1;
            /* non-vacuous: finite and reasonably tight */
            for (r = 0; r <= K; r++)
            {
                arb_poly_get_coeff_arb(t, pj, r);
                if (!arb_is_finite(t) || mag_cmp_2exp_si(arb_radref(t), -prec / 4 + 30) > 0)
                    bad = bad ? bad : 2;
            }
        }

        _target_log_density(val, P, a, s2, x, prec);
        if (!arb_overlaps(val, J->coeffs))
            bad = bad ? bad : 3;

        _target_score(sc, P, a, s2, x, prec);
        for (i = 0; i < d; i++)
            if (!arb_overlaps(sc + i, J->coeffs + 1 + i) || !arb_is_finite(sc + i))
                bad = bad ? bad : 4;

        _target_laplacian_log(lap, P, a, s2, x, prec);
        arb_zero(t);
        for (i = 0; i < d; i++)
            arb_add(t, t, J->coeffs + ctx->up[(1 + i) * d + i], prec);
        arb_mul_2exp_si(t, t, 1);
        if (!arb_overlaps(lap, t) || !arb_is_finite(lap))
            bad = bad ? bad : 5;

        if (bad)
        {
            flint_printf("FAIL (case %d) K = %wd prec = %wd\n", bad, K, prec);
            _t_print_target(P, a, s2, x);
            flint_printf("v = ");
            for (i = 0; i < d; i++) { arb_printd(v + i, 20); flint_printf(" "); }
            flint_printf("\njet line = "); arb_poly_printd(pj, 20);
            flint_printf("\nindependent = "); arb_poly_printd(pi, 20);
            flint_printf("\nlog p = "); arb_printd(val, 20);
            flint_printf("\nlaplacian = "); arb_printd(lap, 20);
            flint_printf(" jet: "); arb_printd(t, 20);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        jet_clear(J, ctx);
        jet_ctx_clear(ctx);
        arb_clear(a); arb_clear(s2); arb_clear(val); arb_clear(lap); arb_clear(t);
        _arb_vec_clear(x, d);
        _arb_vec_clear(v, d);
        _arb_vec_clear(sc, d);
        arb_poly_clear(pj);
        arb_poly_clear(pi);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
