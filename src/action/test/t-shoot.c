/*
    Classical paths by certified shooting (action_shoot_classical):

    1. forward Lagrangian of the linear SDE, all schedules, d = 1, 2: the
       action, D = det dx_b/dp_a and Jd/2 agree with the closed forms of
       action_classical_linear (A_cl, D = (s2/a)^d, J = (d/2) log a), the
       path at the midpoint with action_classical_linear_path_series, and
       exp(-A - Jd/2)/sqrt((2 pi)^d D) with the exact transition density;
    2. the h-Lagrangian of Eq. (11) for Gaussian data (affine drift
       F_h with time-dependent coefficients): the semiclassical density
       exp(-A - Jd/2)/sqrt(2 pi D) equals the exact transition density
       N(xb; mu(tb), sig2(tb)) of dx = F_h dt + sqrt(h) g dw, with
       mu' = F_h(mu), sig2' = 2 dF_h/dx sig2 + h g^2 integrated independently
       by ode_solve;
    3. the h-Lagrangian with the exact score of a two-component 1D mixture
       (nonlinear): Krawczyk certifies a unique momentum; the action
       (quadrature of nu g^2 p^2/2) equals the time quadrature of the
       second form of Eq. (11), written with the score and xdot, along the
       dense output; the path ends at xb; the difference quotient
       (x_b(p + e) - x_b(p - e))/(2e) of two point flows lies in the
       enclosure of X(tb) = dx_b/dp_a over the box p +/- e (mean value
       theorem: checks the variational equations with their D^2 b term); and when xb is the
       end of the zero-noise flow x' = F_h from xa, the certified momentum
       box contains 0 and the action contains 0.
*/
#include "common.h"

static int
gauss_kernel_rhs(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t, slong len,
                 void * param, slong prec)
{
    /* param: S, m, v0, h (const arb pointers) */
    void ** q = param;
    const sched_struct * S = q[0];
    const arb_struct * m = q[1], * v0 = q[2], * h = q[3];
    arb_poly_t f, g2, a, s2, V, iV, u, bx;
    arb_t c;
    if (!sched_contains_time(S, t))
        return 1;
    arb_poly_init(f); arb_poly_init(g2); arb_poly_init(a); arb_poly_init(s2);
    arb_poly_init(V); arb_poly_init(iV); arb_poly_init(u); arb_poly_init(bx);
    arb_init(c);
    sched_f_series(f, S, t, len, prec);
    sched_g2_series(g2, S, t, len, prec);
    sched_a_series(a, S, t, len, prec);
    sched_s2_series(s2, S, t, len, prec);
    arb_poly_mullow(V, a, a, len, prec);
    arb_poly_scalar_mul(V, V, v0, prec);
    arb_poly_add(V, V, s2, prec);
    arb_poly_inv_series(iV, V, len, prec);
    /* F_h = f x + c g2 (x - a m)/V, c = (1+h)/2; dF/dx = f + c g2/V */
    arb_add_ui(c, h, 1, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_poly_mullow(u, g2, iV, len, prec);
    arb_poly_scalar_mul(u, u, c, prec);               /* c g2 / V */
    arb_poly_add(bx, f, u, prec);
    arb_poly_mullow(res + 0, bx, y + 0, len, prec);
    arb_poly_scalar_mul(a, a, m, prec);
    arb_poly_mullow(a, a, u, len, prec);
    arb_poly_sub(res + 0, res + 0, a, prec);
    /* sig2' = 2 bx sig2 + h g2 */
    arb_poly_mullow(res + 1, bx, y + 1, len, prec);
    arb_poly_scalar_mul_2exp_si(res + 1, res + 1, 1);
    arb_poly_scalar_mul(u, g2, h, prec);
    arb_poly_add(res + 1, res + 1, u, prec);
    arb_poly_truncate(res + 0, len);
    arb_poly_truncate(res + 1, len);
    arb_poly_clear(f); arb_poly_clear(g2); arb_poly_clear(a); arb_poly_clear(s2);
    arb_poly_clear(V); arb_poly_clear(iV); arb_poly_clear(u); arb_poly_clear(bx);
    arb_clear(c);
    return 0;
}

/* Second form of Eq. (11) along the shooting state (x, p), d = 1..:
   xdot = F_h + h g^2 p, f_PF = f x - (g^2/2) s,
   L = |xdot - f_PF|^2/(2 h g^2) + (xdot - f_PF).s/2 + h g^2 |s|^2/8 */
static int
lagr_h_pf_series(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t, slong len,
                 void * param, slong prec)
{
    const action_shoot_struct * C = param;
    slong d = C->d, i;
    jet_ctx_t jc;
    tjet_ctx_t tc;
    tjet_struct * J;
    arb_poly_t f, g2, s, v, u, acc;
    arb_t c;
    if (!sched_contains_time(C->S, t))
        return 1;
    jet_ctx_init(jc, d, 1);
    tjet_ctx_init(tc, jc, len);
    J = flint_malloc(d * sizeof(tjet_struct));
    for (i = 0; i < d; i++)
        tjet_init(J + i, tc);
    arb_poly_init(f); arb_poly_init(g2); arb_poly_init(s); arb_poly_init(v); arb_poly_init(u);
    arb_poly_init(acc);
    arb_init(c);
    sched_f_series(f, C->S, t, len, prec);
    sched_g2_series(g2, C->S, t, len, prec);
    score_tjet(J, C->M, C->P, C->S, t, y, tc, prec);
    arb_poly_zero(acc);
    for (i = 0; i < d; i++)
    {
        tjet_get_coeff_arb_poly(s, J + i, 0, tc);
        /* xdot - f_PF = h g2 (p - s/2) */
        arb_poly_scalar_mul_2exp_si(u, s, -1);
        arb_poly_sub(v, y + d + i, u, prec);
        arb_poly_mullow(v, v, g2, len, prec);
        arb_poly_scalar_mul(v, v, C->h, prec);
        /* |v|^2 / (2 h g2) */
        arb_poly_mullow(u, v, v, len, prec);
        {
            arb_poly_t w;
            arb_poly_init(w);
            arb_poly_scalar_mul(w, g2, C->h, prec);
            arb_poly_scalar_mul_2exp_si(w, w, 1);
            arb_poly_div_series(u, u, w, len, prec);
            arb_poly_clear(w);
        }
        arb_poly_add(acc, acc, u, prec);
        /* v s / 2 */
        arb_poly_mullow(u, v, s, len, prec);
        arb_poly_scalar_mul_2exp_si(u, u, -1);
        arb_poly_add(acc, acc, u, prec);
        /* h g2 s^2 / 8 */
        arb_poly_mullow(u, s, s, len, prec);
        arb_poly_mullow(u, u, g2, len, prec);
        arb_poly_scalar_mul(u, u, C->h, prec);
        arb_poly_scalar_mul_2exp_si(u, u, -3);
        arb_poly_add(acc, acc, u, prec);
    }
    arb_poly_set(res + 0, acc);
    arb_poly_truncate(res + 0, len);
    for (i = 0; i < d; i++)
        tjet_clear(J + i, tc);
    flint_free(J);
    tjet_ctx_clear(tc);
    jet_ctx_clear(jc);
    arb_poly_clear(f); arb_poly_clear(g2); arb_poly_clear(s); arb_poly_clear(v);
    arb_poly_clear(u); arb_poly_clear(acc);
    arb_clear(c);
    return 0;
}

static void
fail_case(const char * msg, const arb_t a, const arb_t b)
{
    flint_printf("FAIL: %s\n  a = ", msg);
    arb_printn(a, 30, 0);
    flint_printf("\n  b = ");
    arb_printn(b, 30, 0);
    flint_printf("\n");
    fflush(stdout);
    flint_abort();
}

int
main(void)
{
    slong iter, prec = 96;
    flint_rand_t state;
    flint_printf("shoot....");
    fflush(stdout);
    flint_randinit(state);

    /* 1. forward, linear: closed forms */
    for (iter = 0; iter < 8; iter++)
    {
        slong d = 1 + (iter % 2), i;
        sched_t S;
        action_shoot_t C;
        arb_t tmax, ta, tb, A, Jd, D, A0, J0, D0, l1, l2, tm;
        arb_ptr xa = _arb_vec_init(d), xb = _arb_vec_init(d), pa = _arb_vec_init(d);
        arb_poly_struct * xs = flint_malloc(d * sizeof(arb_poly_struct));
        int r;

        sched_init(S);
        arb_init(tmax); arb_init(ta); arb_init(tb); arb_init(A); arb_init(Jd); arb_init(D);
        arb_init(A0); arb_init(J0); arb_init(D0); arb_init(l1); arb_init(l2); arb_init(tm);
        for (i = 0; i < d; i++)
            arb_poly_init(xs + i);
        test_sched_set(S, n_randint(state, 6), tmax, prec);
        test_rand_time(ta, state, tmax, 1, 30, prec);
        test_rand_time(tb, state, tmax, 34, 63, prec);
        test_rand_point(xa, d, state, prec);
        test_rand_point(xb, d, state, prec);
        action_shoot_init_forward(C, S, d);
        r = action_shoot_classical(pa, A, Jd, D, C, xa, xb, ta, tb, prec);
        if (r != ACTION_SHOOT_OK)
        {
            flint_printf("FAIL: forward shooting status %d (d %wd)\n", r, d);
            flint_abort();
        }
        action_classical_linear(A0, J0, D0, S, xa, xb, d, ta, tb, prec);
        if (!arb_overlaps(A, A0) || mag_cmp_2exp_si(arb_radref(A), -40) > 0)
            fail_case("forward action vs closed form", A, A0);
        if (!arb_overlaps(D, D0) || mag_cmp_2exp_si(arb_radref(D), -40) > 0)
            fail_case("forward D vs (s2/a)^d", D, D0);
        arb_mul_2exp_si(Jd, Jd, -1);
        if (!arb_overlaps(Jd, J0))
            fail_case("forward Jd/2 vs (d/2) log a", Jd, J0);
        action_semiclassical_log_density(l1, A, Jd, D, d, prec);
        action_transition_log_density(l2, S, xa, xb, d, ta, tb, prec);
        if (!arb_overlaps(l1, l2))
            fail_case("forward semiclassical vs exact density", l1, l2);
        /* path at the midpoint */
        {
            ode_solution_t sol;
            arb_ptr y = _arb_vec_init(action_shoot_dim(d));
            ode_solution_init(sol, action_shoot_dim(d));
            action_shoot_flow(sol, C, xa, pa, ta, tb, 1, prec);
            arb_add(tm, ta, tb, prec);
            arb_mul_2exp_si(tm, tm, -1);
            if (!ode_solution_eval(y, sol, tm, prec))
            {
                flint_printf("FAIL: dense output\n");
                flint_abort();
            }
            action_classical_linear_path_series(xs, S, xa, xb, d, ta, tb, tm, 1, prec);
            for (i = 0; i < d; i++)
            {
                arb_poly_get_coeff_arb(l1, xs + i, 0);
                if (!arb_overlaps(l1, y + i))
                    fail_case("classical path at the midpoint", y + i, l1);
            }
            ode_solution_clear(sol);
            _arb_vec_clear(y, action_shoot_dim(d));
        }
        action_shoot_clear(C);
        sched_clear(S);
        arb_clear(tmax); arb_clear(ta); arb_clear(tb); arb_clear(A); arb_clear(Jd);
        arb_clear(D); arb_clear(A0); arb_clear(J0); arb_clear(D0); arb_clear(l1); arb_clear(l2);
        arb_clear(tm);
        for (i = 0; i < d; i++)
            arb_poly_clear(xs + i);
        flint_free(xs);
        _arb_vec_clear(xa, d); _arb_vec_clear(xb, d); _arb_vec_clear(pa, d);
    }

    /* 2. h-Lagrangian, Gaussian data: exact kernel of the affine SDE */
    for (iter = 0; iter < 2; iter++)
    {
        sched_t S;
        target_t P;
        score_t M;
        action_shoot_t C;
        arb_t tmax, ta, tb, h, A, Jd, D, l1, l2, m, v0, u;
        arb_struct xa[1], xb[1], pa[1];
        void * q[4];
        ode_problem_t Q;
        ode_options_t opt;
        ode_solution_t sol;
        int r;

        sched_init(S);
        target_init(P, 1, 1);
        score_init(M, 1);
        arb_init(tmax); arb_init(ta); arb_init(tb); arb_init(h); arb_init(A); arb_init(Jd);
        arb_init(D); arb_init(l1); arb_init(l2); arb_init(m); arb_init(v0); arb_init(u);
        arb_init(xa); arb_init(xb); arb_init(pa);
        test_sched_set(S, 2 * iter + n_randint(state, 2), tmax, prec);
        test_rand_time(ta, state, tmax, 0, 20, prec);
        test_rand_time(tb, state, tmax, 40, 60, prec);
        arb_set_ui(h, 1 + n_randint(state, 10));
        arb_div_ui(h, h, 10, prec);
        arb_set_si(m, (slong) n_randint(state, 11) - 5);
        arb_div_ui(m, m, 5, prec);
        arb_set_ui(v0, 1 + n_randint(state, 10));
        arb_div_ui(v0, v0, 5, prec);
        arb_one(target_weight(P, 0));
        arb_set(target_mean(P, 0), m);
        arb_set(arb_mat_entry(target_cov(P, 0), 0, 0), v0);
        test_rand_point(xa, 1, state, prec);
        test_rand_point(xb, 1, state, prec);
        action_shoot_init_h(C, M, P, S, h);
        r = action_shoot_classical(pa, A, Jd, D, C, xa, xb, ta, tb, prec);
        if (r != ACTION_SHOOT_OK)
        {
            flint_printf("FAIL: h shooting (Gaussian) status %d\n", r);
            flint_abort();
        }
        arb_mul_2exp_si(Jd, Jd, -1);
        action_semiclassical_log_density(l1, A, Jd, D, 1, prec);

        q[0] = S; q[1] = m; q[2] = v0; q[3] = h;
        ode_problem_init(Q, 2);
        ode_options_init(opt);
        ode_solution_init(sol, 2);
        ode_problem_set_rhs(Q, gauss_kernel_rhs, NULL, q);
        arb_set(Q->t0, ta);
        arb_set(Q->t1, tb);
        arb_set(Q->x0 + 0, xa);
        arb_zero(Q->x0 + 1);
        opt->store = 0;
        if (ode_solve(sol, Q, opt, prec) != ODE_SUCCESS)
        {
            flint_printf("FAIL: kernel ODE\n");
            flint_abort();
        }
        /* log N(xb; mu, sig2) */
        arb_sub(u, xb, sol->x + 0, prec);
        arb_mul(u, u, u, prec);
        arb_div(u, u, sol->x + 1, prec);
        arb_const_pi(l2, prec);
        arb_mul_2exp_si(l2, l2, 1);
        arb_mul(l2, l2, sol->x + 1, prec);
        arb_log(l2, l2, prec);
        arb_add(l2, l2, u, prec);
        arb_mul_2exp_si(l2, l2, -1);
        arb_neg(l2, l2);
        if (!arb_overlaps(l1, l2) || mag_cmp_2exp_si(arb_radref(l1), -30) > 0)
            fail_case("h-Lagrangian, Gaussian data: semiclassical vs exact kernel", l1, l2);
        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(Q);
        action_shoot_clear(C);
        sched_clear(S);
        target_clear(P);
        score_clear(M);
        arb_clear(tmax); arb_clear(ta); arb_clear(tb); arb_clear(h); arb_clear(A);
        arb_clear(Jd); arb_clear(D); arb_clear(l1); arb_clear(l2); arb_clear(m); arb_clear(v0);
        arb_clear(u); arb_clear(xa); arb_clear(xb); arb_clear(pa);
    }

    /* 3. h-Lagrangian, exact score of a 1D mixture (64 bits: each flow of
       the mixture needs many Taylor steps) */
    prec = 64;
    for (iter = 0; iter < 1; iter++)
    {
        sched_t S;
        target_t P;
        score_t M;
        action_shoot_t C;
        arb_t beta, ta, tb, h, A, Jd, D, Aq;
        arb_struct xa[1], xb[1], pa[1];
        ode_solution_t sol;
        int r;

        sched_init(S);
        target_init(P, 1, 2);
        score_init(M, 1);
        arb_init(beta); arb_init(ta); arb_init(tb); arb_init(h); arb_init(A); arb_init(Jd);
        arb_init(D); arb_init(Aq);
        arb_init(xa); arb_init(xb); arb_init(pa);
        arb_one(beta);
        sched_set_const(S, beta);
        arb_set_str(target_weight(P, 0), "0.3", prec);
        arb_set_str(target_weight(P, 1), "0.7", prec);
        arb_set_si(target_mean(P, 0), -1);
        arb_one(target_mean(P, 1));
        arb_set_str(arb_mat_entry(target_cov(P, 0), 0, 0), "0.2", prec);
        arb_set_str(arb_mat_entry(target_cov(P, 1), 0, 0), "0.3", prec);
        arb_set_ui(ta, 1 + n_randint(state, 2));
        arb_mul_2exp_si(ta, ta, -2);                  /* 1/4 or 1/2 */
        arb_set_ui(tb, 1);
        arb_mul_2exp_si(tb, tb, -1);
        arb_add(tb, tb, ta, prec);                    /* ta + 1/2 */
        arb_set_ui(h, 1 + n_randint(state, 10));
        arb_div_ui(h, h, 10, prec);
        test_rand_point(xa, 1, state, prec);
        test_rand_point(xb, 1, state, prec);
        action_shoot_init_h(C, M, P, S, h);
        r = action_shoot_classical(pa, A, Jd, D, C, xa, xb, ta, tb, prec);
        if (r != ACTION_SHOOT_OK)
        {
            flint_printf("FAIL: mixture shooting status %d\n  xa = ", r);
            arb_printn(xa, 10, 0);
            flint_printf(", xb = ");
            arb_printn(xb, 10, 0);
            flint_printf(", h = ");
            arb_printn(h, 10, 0);
            flint_printf("\n");
            flint_abort();
        }
        if (mag_cmp_2exp_si(arb_radref(pa), -30) > 0 || !arb_is_positive(D))
            fail_case("mixture: momentum box too wide or D not positive", pa, D);
        /* action from the state vs quadrature of Eq. (11), second form */
        ode_solution_init(sol, action_shoot_dim(1));
        if (action_shoot_flow(sol, C, xa, pa, ta, tb, 1, prec) != ODE_SUCCESS
            || !ode_solution_integrate(Aq, sol, lagr_h_pf_series, 1, C, prec))
        {
            flint_printf("FAIL: mixture flow / quadrature\n");
            flint_abort();
        }
        if (!arb_overlaps(A, Aq) || mag_cmp_2exp_si(arb_radref(Aq), -30) > 0)
            fail_case("mixture: action vs quadrature of the Lagrangian", A, Aq);
        if (!arb_overlaps(sol->x + 0, xb))
            fail_case("mixture: certified path misses xb", sol->x + 0, xb);
        ode_solution_clear(sol);

        /* variational equations (the D^2 b term included): by the mean value
           theorem (x_b(p + e) - x_b(p - e))/(2e) lies in X(tb) over the box
           p +/- e */
        {
            arb_t pe, q1, q2, e;
            arb_init(pe); arb_init(q1); arb_init(q2); arb_init(e);
            arb_one(e);
            arb_mul_2exp_si(e, e, -20);
            ode_solution_init(sol, action_shoot_dim(1));
            arb_get_mid_arb(pe, pa);
            arb_add(pe, pe, e, prec);
            action_shoot_flow(sol, C, xa, pe, ta, tb, 0, prec);
            arb_set(q1, sol->x + 0);
            arb_sub(pe, pe, e, prec);
            arb_sub(pe, pe, e, prec);
            action_shoot_flow(sol, C, xa, pe, ta, tb, 0, prec);
            arb_sub(q1, q1, sol->x + 0, prec);
            arb_div(q1, q1, e, prec);
            arb_mul_2exp_si(q1, q1, -1);
            arb_add(pe, pe, e, prec);
            arb_add_error(pe, e);
            action_shoot_flow(sol, C, xa, pe, ta, tb, 0, prec);
            arb_set(q2, sol->x + ACTION_SHOOT_VX(1));
            if (!arb_overlaps(q1, q2) || !arb_overlaps(q2, D))
                fail_case("mixture: difference quotient of x_b vs X(tb) on the box", q1, q2);
            ode_solution_clear(sol);
            arb_clear(pe); arb_clear(q1); arb_clear(q2); arb_clear(e);
        }

        /* zero-noise flow end: p_a = 0, A = 0 */
        ode_solution_init(sol, action_shoot_dim(1));
        arb_zero(pa);
        action_shoot_flow(sol, C, xa, pa, ta, tb, 0, prec);
        arb_set(xb, sol->x + 0);
        ode_solution_clear(sol);
        r = action_shoot_classical(pa, A, Jd, D, C, xa, xb, ta, tb, prec);
        if (r != ACTION_SHOOT_OK || !arb_contains_zero(pa) || !arb_contains_zero(A))
            fail_case("mixture: flow end point must give p_a = 0, A = 0", pa, A);

        action_shoot_clear(C);
        sched_clear(S);
        target_clear(P);
        score_clear(M);
        arb_clear(beta); arb_clear(ta); arb_clear(tb); arb_clear(h); arb_clear(A);
        arb_clear(Jd); arb_clear(D); arb_clear(Aq);
        arb_clear(xa); arb_clear(xb); arb_clear(pa);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
