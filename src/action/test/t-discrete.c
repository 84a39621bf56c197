/* Grid actions: action_discrete with the forward drift against the one-step
   log density of the linear alpha-scheme (-A - J' + log measure, J' the
   exact log-Jacobian); action_linear_compose against the product recursion
   x_{n+1} ~ N(r_n x_n, v_n) (mean coefficient, variance) and mass 1 with
   the Jacobian, prod 1/|u_n| without; the two forms of Eq. (11) at random
   points (mixture data, scaled score). */
#include "common.h"

int
main(void)
{
    slong iter, prec = 128, i, n;
    flint_rand_t st;
    flint_randinit(st);

    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(st, 3), N = 1 + n_randint(st, 12);
        int k = n_randint(st, 6), ok = 1;
        sched_t S;
        arb_t tmax, al, kap, A, J, lm, ls, lsum, c, g2, dt, u, w, R, V, M, rest, Rr, Vr, Mr;
        arb_ptr x = _arb_vec_init((N + 1) * d), t = _arb_vec_init(N + 1);
        action_drift_param_t D;

        sched_init(S);
        arb_init(tmax); arb_init(al); arb_init(kap); arb_init(A); arb_init(J); arb_init(lm);
        arb_init(ls); arb_init(lsum); arb_init(c); arb_init(g2); arb_init(dt); arb_init(u);
        arb_init(w); arb_init(R); arb_init(V); arb_init(M); arb_init(rest); arb_init(Rr);
        arb_init(Vr); arb_init(Mr);
        test_sched_set(S, k, tmax, prec);
        action_drift_param_init(D, d, S, NULL, NULL);
        arb_set_ui(al, n_randint(st, 3));
        arb_mul_2exp_si(al, al, -1);                 /* alpha in {0, 1/2, 1} */
        arb_set(kap, al);
        test_rand_time(t, st, tmax, 2, 20, prec);
        for (n = 1; n <= N; n++)
        {
            arb_set_ui(c, 1 + n_randint(st, 3));
            arb_mul(c, c, tmax, prec);
            arb_div_ui(c, c, 64, prec);
            arb_add(t + n, t + n - 1, c, prec);
        }
        test_rand_point(x, (N + 1) * d, st, prec);

        action_discrete(A, J, x, t, N, d, action_drift_forward, D, S, NULL, al, kap, prec);
        action_discrete_log_measure(lm, t, N, d, S, NULL, prec);
        /* sum of step log densities without Jacobian = -A + log measure */
        arb_zero(lsum);
        arb_one(Mr);
        for (n = 0; n < N; n++)
        {
            arb_sub(dt, t + n + 1, t + n, prec);
            action_linear_step_log_density(ls, S, x + n * d, x + (n + 1) * d, d, t + n, dt, al,
                                           0, prec);
            arb_add(lsum, lsum, ls, prec);
        }
        arb_sub(c, lm, A, prec);
        ok = ok && arb_overlaps(c, lsum);
        /* J = alpha d sum f dt */
        arb_zero(c);
        for (n = 0; n < N; n++)
        {
            arb_sub(dt, t + n + 1, t + n, prec);
            sched_f(u, S, t + n, prec);
            arb_addmul(c, u, dt, prec);
        }
        arb_mul(c, c, al, prec);
        arb_mul_si(c, c, d, prec);
        ok = ok && arb_overlaps(c, J);

        /* composition vs recursion */
        arb_one(Rr);
        arb_zero(Vr);
        for (n = 0; n < N; n++)
        {
            arb_sub(dt, t + n + 1, t + n, prec);
            sched_f(c, S, t + n, prec);
            sched_g2(g2, S, t + n, prec);
            arb_mul(c, c, dt, prec);
            arb_one(u);
            arb_submul(u, al, c, prec);
            arb_sub_ui(w, al, 1, prec);
            arb_neg(w, w);
            arb_mul(w, w, c, prec);
            arb_add_ui(w, w, 1, prec);
            arb_div(w, w, u, prec);                  /* r_n */
            arb_mul(Rr, Rr, w, prec);
            arb_mul(Vr, Vr, w, prec);
            arb_mul(Vr, Vr, w, prec);
            arb_mul(g2, g2, dt, prec);
            arb_div(g2, g2, u, prec);
            arb_div(g2, g2, u, prec);
            arb_add(Vr, Vr, g2, prec);               /* V = r^2 V + g2 dt/u^2 */
            arb_abs(u, u);
            arb_div(Mr, Mr, u, prec);
        }
        action_linear_compose(R, V, M, rest, S, t, N, al, 1, prec);
        ok = ok && arb_overlaps(R, Rr) && arb_overlaps(V, Vr) && arb_contains_si(M, 1)
             && arb_contains_zero(rest) && arb_rel_accuracy_bits(V) > 80;
        action_linear_compose(R, V, M, rest, S, t, N, al, 0, prec);
        ok = ok && arb_overlaps(M, Mr);

        if (!ok)
        {
            flint_printf("FAIL: schedule %d, d = %wd, N = %wd, alpha = ", k, d, N);
            arb_printd(al, 5);
            flint_printf("\nA = "); arb_printd(A, 20); flint_printf("  J = "); arb_printd(J, 20);
            flint_printf("\nR = "); arb_printd(R, 20); flint_printf("  Rr = "); arb_printd(Rr, 20);
            flint_printf("\nV = "); arb_printd(V, 20); flint_printf("  Vr = "); arb_printd(Vr, 20);
            flint_printf("\nM = "); arb_printd(M, 20); flint_printf("  Mr = "); arb_printd(Mr, 20);
            flint_printf("\n");
            return 1;
        }
        action_drift_param_clear(D);
        sched_clear(S);
        arb_clear(tmax); arb_clear(al); arb_clear(kap); arb_clear(A); arb_clear(J); arb_clear(lm);
        arb_clear(ls); arb_clear(lsum); arb_clear(c); arb_clear(g2); arb_clear(dt); arb_clear(u);
        arb_clear(w); arb_clear(R); arb_clear(V); arb_clear(M); arb_clear(rest); arb_clear(Rr);
        arb_clear(Vr); arb_clear(Mr);
        _arb_vec_clear(x, (N + 1) * d);
        _arb_vec_clear(t, N + 1);
    }

    /* Eq. (11): both forms */
    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(st, 2);
        sched_t S;
        target_t P;
        score_t Mo;
        arb_t tmax, t, h, L1, L2;
        arb_ptr x = _arb_vec_init(d), xd = _arb_vec_init(d);
        int k = n_randint(st, 6);

        sched_init(S);
        target_init(P, d, 2);
        score_init(Mo, d);
        arb_init(tmax); arb_init(t); arb_init(h); arb_init(L1); arb_init(L2);
        test_sched_set(S, k, tmax, prec);
        test_rand_time(t, st, tmax, 1, 63, prec);
        for (i = 0; i < 2; i++)
        {
            arb_set_str(target_weight(P, i), i ? "0.7" : "0.3", prec);
            test_rand_point(target_mean(P, i), d, st, prec);
            arb_mat_one(target_cov(P, i));
            arb_mat_scalar_mul_2exp_si(target_cov(P, i), target_cov(P, i), -2 - i);
        }
        arb_set_si(h, (slong) n_randint(st, 100) - 20);
        arb_div_ui(h, h, 100, prec);
        score_set_scaled(Mo, h);
        arb_set_ui(h, 1 + n_randint(st, 100));
        arb_div_ui(h, h, 50, prec);
        test_rand_point(x, d, st, prec);
        test_rand_point(xd, d, st, prec);
        action_lagrangian_h(L1, Mo, P, S, h, x, xd, t, prec);
        action_lagrangian_h_pf(L2, Mo, P, S, h, x, xd, t, prec);
        if (!arb_overlaps(L1, L2) || arb_rel_accuracy_bits(L1) < 80)
        {
            flint_printf("FAIL (Eq. 11): "); arb_printd(L1, 30); flint_printf(" vs ");
            arb_printd(L2, 30); flint_printf("\n");
            return 1;
        }
        sched_clear(S);
        target_clear(P);
        score_clear(Mo);
        arb_clear(tmax); arb_clear(t); arb_clear(h); arb_clear(L1); arb_clear(L2);
        _arb_vec_clear(x, d);
        _arb_vec_clear(xd, d);
    }
    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
