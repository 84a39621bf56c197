/* Path series of log p_t, score, Laplacian along random polynomial paths
   (random mixtures, d = 1..3): the constant terms against target.h at the
   point, and the first time derivative of log p_t(x(t)) against the
   Fokker-Planck form  -d f - f x.s + (g^2/2)(Lap + |s|^2) + x'.s  (from
   target.h values).  Also the continuous actions: forward minus backward
   (alpha = 1/2) against log p_T(x_T) - log p_0(x_0) (Prop. 3.2), and the
   h-action at h = 1 with the exact score against the backward action with
   alpha = 1. */
#include "common.h"

static void
rand_target(target_t P, flint_rand_t st, slong prec)
{
    slong k, i, j, d = P->d, n = P->n;
    for (k = 0; k < n; k++)
    {
        arb_set_ui(target_weight(P, k), 1);
        arb_div_ui(target_weight(P, k), target_weight(P, k), n, prec);
        test_rand_point(target_mean(P, k), d, st, prec);
        arb_mat_zero(target_cov(P, k));
        for (i = 0; i < d; i++)
        {
            arb_set_ui(arb_mat_entry(target_cov(P, k), i, i), 1 + n_randint(st, 8));
            arb_div_ui(arb_mat_entry(target_cov(P, k), i, i),
                       arb_mat_entry(target_cov(P, k), i, i), 8, prec);
        }
        for (i = 0; i < d; i++)
            for (j = 0; j < i; j++)
            {
                arb_set_si(arb_mat_entry(target_cov(P, k), i, j), (slong) n_randint(st, 3) - 1);
                arb_div_ui(arb_mat_entry(target_cov(P, k), i, j),
                           arb_mat_entry(target_cov(P, k), i, j), 40, prec);
                arb_set(arb_mat_entry(target_cov(P, k), j, i), arb_mat_entry(target_cov(P, k), i, j));
            }
    }
}

int
main(void)
{
    slong iter, prec = 128, i;
    flint_rand_t st;
    flint_randinit(st);

    for (iter = 0; iter < 40; iter++)
    {
        slong d = 1 + n_randint(st, 3), n = 1 + n_randint(st, 3), len = 3;
        int k = n_randint(st, 6), ok = 1;
        sched_t S;
        target_t P;
        arb_poly_struct x[3], sc[3];
        arb_poly_t lp, lap;
        arb_ptr xv = _arb_vec_init(d), xd = _arb_vec_init(d), s = _arb_vec_init(d);
        arb_t tmax, t, c, c2, f, g2, L, u;

        sched_init(S);
        target_init(P, d, n);
        rand_target(P, st, prec);
        arb_poly_init(lp); arb_poly_init(lap);
        for (i = 0; i < 3; i++) { arb_poly_init(x + i); arb_poly_init(sc + i); }
        arb_init(tmax); arb_init(t); arb_init(c); arb_init(c2); arb_init(f); arb_init(g2);
        arb_init(L); arb_init(u);

        test_sched_set(S, k, tmax, prec);
        test_rand_time(t, st, tmax, 1, 60, prec);
        for (i = 0; i < d; i++)
        {
            arb_ptr cf = _arb_vec_init(3);
            test_rand_point(cf, 3, st, prec);
            arb_poly_set_coeff_arb(x + i, 0, cf);
            arb_poly_set_coeff_arb(x + i, 1, cf + 1);
            arb_poly_set_coeff_arb(x + i, 2, cf + 2);
            _arb_vec_clear(cf, 3);
            arb_poly_evaluate2(xv + i, xd + i, x + i, t, prec);
        }
        action_target_path_series(lp, sc, lap, P, S, x, t, len, prec);
        target_log_density(c, P, S, t, xv, prec);
        arb_poly_get_coeff_arb(c2, lp, 0);
        ok = ok && arb_overlaps(c, c2) && arb_rel_accuracy_bits(c2) > 90;
        target_laplacian_log(c, P, S, t, xv, prec);
        arb_poly_get_coeff_arb(c2, lap, 0);
        ok = ok && arb_overlaps(c, c2);
        target_score(s, P, S, t, xv, prec);
        for (i = 0; i < d; i++)
        {
            arb_poly_get_coeff_arb(c2, sc + i, 0);
            ok = ok && arb_overlaps(s + i, c2);
        }
        /* d/dt log p_t(x(t)) = -d f - f x.s + (g2/2)(Lap + |s|^2) + x'.s */
        sched_f(f, S, t, prec);
        sched_g2(g2, S, t, prec);
        arb_dot(u, NULL, 0, s, 1, s, 1, d, prec);
        arb_add(u, u, c, prec);
        arb_mul(u, u, g2, prec);
        arb_mul_2exp_si(L, u, -1);
        arb_submul_si(L, f, d, prec);
        for (i = 0; i < d; i++)
        {
            arb_set(u, xd + i);
            arb_submul(u, f, xv + i, prec);
            arb_addmul(L, u, s + i, prec);
        }
        arb_poly_get_coeff_arb(c2, lp, 1);
        ok = ok && arb_overlaps(L, c2) && arb_rel_accuracy_bits(c2) > 80;

        if (!ok)
        {
            flint_printf("FAIL: schedule %d, d = %wd, n = %wd, t = ", k, d, n);
            arb_printd(t, 20);
            flint_printf("\nlogp series: "); arb_poly_printd(lp, 20);
            flint_printf("\nFP d/dt: "); arb_printd(L, 20);
            flint_printf("\nLap: "); arb_printd(c, 20); flint_printf("\n");
            return 1;
        }

        /* continuous actions, 1 in 4 iterations (const or vp only: cheap) */
        if (iter % 10 == 0)
        {
            arb_t A, At, al, T0, T1, h;
            score_t M;
            arb_init(A); arb_init(At); arb_init(al); arb_init(T0); arb_init(T1); arb_init(h);
            score_init(M, d);
            test_sched_set(S, iter % 8 == 0 ? 0 : 1, tmax, prec);
            arb_zero(T0);
            arb_mul_2exp_si(T1, tmax, -1);
            arb_one(al);
            arb_mul_2exp_si(al, al, -1);
            action_forward_poly(A, S, x, d, T0, T1, al, 64);
            action_backward_poly(At, P, S, x, T0, T1, al, 64);
            arb_sub(A, At, A, prec);
            for (i = 0; i < d; i++)
                arb_poly_evaluate(xv + i, x + i, T1, prec);
            target_log_density(c, P, S, T1, xv, prec);
            for (i = 0; i < d; i++)
                arb_poly_evaluate(xv + i, x + i, T0, prec);
            target_log_density(c2, P, S, T0, xv, prec);
            arb_sub(c, c, c2, prec);
            ok = arb_overlaps(A, c) && arb_rel_accuracy_bits(A) > 30;
            /* h = 1, exact score: L~_1 = backward Lagrangian without J~ (alpha = 1) */
            arb_one(al);
            arb_one(h);
            action_backward_poly(At, P, S, x, T0, T1, al, 64);
            action_h_poly(A, M, P, S, h, x, T0, T1, 64);
            ok = ok && arb_overlaps(A, At) && arb_rel_accuracy_bits(A) > 30;
            if (!ok)
            {
                flint_printf("FAIL (actions): A~ - A = "); arb_printd(A, 30);
                flint_printf("\nlog p_T - log p_0 = "); arb_printd(c, 30);
                flint_printf("\nA_h(1) = "); arb_printd(A, 30);
                flint_printf("\nA~(alpha=1) = "); arb_printd(At, 30); flint_printf("\n");
                return 1;
            }
            score_clear(M);
            arb_clear(A); arb_clear(At); arb_clear(al); arb_clear(T0); arb_clear(T1); arb_clear(h);
        }

        sched_clear(S);
        target_clear(P);
        arb_poly_clear(lp); arb_poly_clear(lap);
        for (i = 0; i < 3; i++) { arb_poly_clear(x + i); arb_poly_clear(sc + i); }
        arb_clear(tmax); arb_clear(t); arb_clear(c); arb_clear(c2); arb_clear(f); arb_clear(g2);
        arb_clear(L); arb_clear(u);
        _arb_vec_clear(xv, d); _arb_vec_clear(xd, d); _arb_vec_clear(s, d);
    }
    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
