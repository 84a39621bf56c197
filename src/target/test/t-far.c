/* Test _target_log_density, _target_score, _target_laplacian_log and
   _target_log_density_jet far from all means (|x| about 1e3 .. 1e6 times
   the spread), at 64 and 128 bits: every result must be finite and tight
   (radius a small multiple of 2^-prec relative to the size of the value)
   and must overlap a naive independent evaluation at 1024 bits (sum of the
   component densities exp(c0_k), which Arb represents without underflow;
   the score as sum_k exp(c0_k) grad_k / sum_k exp(c0_k); jets along lines
   by exp_series / log_series). */
#include "target_test.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("far....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 5), K = 6;
        slong prec = (iter % 2) ? 128 : 64, hp = 1024, i, j, k, r;
        target_t P;
        jet_ctx_t ctx;
        jet_t J;
        arb_t a, s2, val, lap, t, Rk, c0, c1, c2, num, den, bound;
        arb_ptr x, v, sc, e, ld;
        arb_poly_t pj, pi;
        int bad = 0;

        target_init(P, d, n);
        jet_ctx_init(ctx, d, K);
        jet_init(J, ctx);
        arb_init(a); arb_init(s2); arb_init(val); arb_init(lap); arb_init(t); arb_init(Rk);
        arb_init(c0); arb_init(c1); arb_init(c2); arb_init(num); arb_init(den); arb_init(bound);
        x = _arb_vec_init(d);
        v = _arb_vec_init(d);
        sc = _arb_vec_init(d);
        e = _arb_vec_init(d);
        ld = _arb_vec_init(n);
        arb_poly_init(pj);
        arb_poly_init(pi);

        _t_rand_target(P, state, 0, prec);
        _t_rand_a_s2(a, s2, state);
        /* x = R u, R = 2^(10..20), u a random direction with entries in [-1, 1] */
        arb_one(Rk);
        arb_mul_2exp_si(Rk, Rk, 10 + n_randint(state, 11));
        for (i = 0; i < d; i++)
        {
            _t_rand_dyadic(x + i, state, 64, 6);
            arb_mul(x + i, x + i, Rk, prec);
        }
        if (_arb_vec_is_zero(x, d))
            arb_set(x, Rk);

        /* independent: log-densities of the components at 1024 bits */
        for (k = 0; k < n; k++)
            _t_comp_line(ld + k, c1, c2, P, k, a, s2, x, v, hp);

        /* log density */
        _target_log_density(val, P, a, s2, x, prec);
        arb_zero(den);
        for (k = 0; k < n; k++)
        {
            arb_exp(t, ld + k, hp);
            arb_add(den, den, t, hp);
        }
        arb_log(t, den, hp);
        if (!arb_overlaps(val, t) || !arb_is_finite(val)
            || arb_rel_accuracy_bits(val) < prec - 40)
            bad = 1;

        /* score: component i */
        _target_score(sc, P, a, s2, x, prec);
        arb_zero(bound);
        for (i = 0; i < d; i++)
        {
            arb_abs(t, sc + i);
            arb_max(bound, bound, t, prec);
        }
        arb_add_ui(bound, bound, 1, prec);
        arb_mul_2exp_si(bound, bound, -prec + 40);
        for (i = 0; i < d && !bad; i++)
        {
            _arb_vec_zero(e, d);
            arb_one(e + i);
            arb_zero(num);
            for (k = 0; k < n; k++)
            {
                _t_comp_line(c0, c1, c2, P, k, a, s2, x, e, hp);
                arb_exp(t, c0, hp);
                arb_addmul(num, t, c1, hp);
            }
            arb_div(num, num, den, hp);
            if (!arb_overlaps(sc + i, num) || !arb_is_finite(sc + i)
                || arf_cmpabs_mag(arb_midref(bound), arb_radref(sc + i)) < 0)
                bad = 2;
        }

        /* Laplacian: sum over unit vectors of twice the s^2 coefficient
           of the line expansion (independent route, 1024 bits) */
        _target_laplacian_log(lap, P, a, s2, x, prec);
        arb_zero(num);
        for (i = 0; i < d && !bad; i++)
        {
            _arb_vec_zero(e, d);
            arb_one(e + i);
            _t_log_density_line(pi, P, a, s2, x, e, 3, hp);
            arb_poly_get_coeff_arb(t, pi, 2);
            arb_mul_2exp_si(t, t, 1);
            arb_add(num, num, t, hp);
        }
        arb_abs(t, lap);
        arb_add_ui(t, t, 1, prec);
        arb_mul_2exp_si(t, t, -prec + 50);
        if (!bad && (!arb_overlaps(lap, num) || !arb_is_finite(lap)
            || arf_cmpabs_mag(arb_midref(t), arb_radref(lap)) < 0))
            bad = 3;

        /* jet along random lines */
        _target_log_density_jet(J, P, a, s2, x, ctx, prec);
        for (j = 0; j < 2 && !bad; j++)
        {
            for (i = 0; i < d; i++)
                _t_rand_dyadic(v + i, state, 64, 6);
            jet_restrict_line(pj, J, v, ctx, prec);
            _t_log_density_line(pi, P, a, s2, x, v, K + 1, hp);
            if (!arb_poly_overlaps(pj, pi))
                bad = 4;
            for (r = 0; r <= K; r++)
            {
                arb_poly_get_coeff_arb(t, pj, r);
                arb_abs(num, t);
                arb_add_ui(num, num, 1, prec);
                arb_mul_2exp_si(num, num, -prec / 2);
                if (!arb_is_finite(t) || arf_cmpabs_mag(arb_midref(num), arb_radref(t)) < 0)
                    bad = 5;
            }
        }

        if (bad)
        {
            flint_printf("FAIL (case %d) prec = %wd\n", bad, prec);
            _t_print_target(P, a, s2, x);
            flint_printf("log p = "); arb_printd(val, 20);
            flint_printf("\nscore = ");
            for (i = 0; i < d; i++) { arb_printd(sc + i, 20); flint_printf(" "); }
            flint_printf("\nlaplacian = "); arb_printd(lap, 20);
            flint_printf("\njet line = "); arb_poly_printd(pj, 20);
            flint_printf("\nindependent = "); arb_poly_printd(pi, 20);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        jet_clear(J, ctx);
        jet_ctx_clear(ctx);
        arb_clear(a); arb_clear(s2); arb_clear(val); arb_clear(lap); arb_clear(t); arb_clear(Rk);
        arb_clear(c0); arb_clear(c1); arb_clear(c2); arb_clear(num); arb_clear(den); arb_clear(bound);
        _arb_vec_clear(x, d);
        _arb_vec_clear(v, d);
        _arb_vec_clear(sc, d);
        _arb_vec_clear(e, d);
        _arb_vec_clear(ld, n);
        arb_poly_clear(pj);
        arb_poly_clear(pi);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
