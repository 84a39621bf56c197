/*
    ode_solve after ODE_FAIL_MAX_STEPS: sol->x encloses x(t_reached), so a
    caller may march one step at a time (max_steps = 1), restarting from
    sol->x (the jet transport's backward march does).  Random stiff linear
    systems with closed-form solutions,
      kind 0: x' = -l (x - a), x(t) = a + (x0 - a) e^{-l (t - t0)};
      kind 1: x' = [[-l, -w], [w, -l]] x,  x(t) = e^{-l dt} R(w dt) x0,
    l in [16, 128], forward or backward in time (backward with l -> -l, so
    the flow contracts in the direction of integration), from a ball x0,
    with and without the Jacobian.  Checks:
      - one-step-at-a-time marching reaches t1 and the final ball contains
        the exact solution from the centre and a corner of x0;
      - with the Jacobian, the final radius is at most 4 rad(x0) e^{-|l|}
        (times e^{|w|} for the wrapping of the rotation, each restart
        starting from a box) plus 2^(40-prec): Lohner's state contracts
        with the flow, while the step polynomial evaluated at the step's
        end grows like e^{+|l| h} per step (e^{2|l|} too wide in all);
      - max_steps = 0: ODE_FAIL_MAX_STEPS and sol->x indeterminate.
*/
#include "common.h"

typedef struct
{
    slong kind;
    arb_t l, w, a;   /* kind 1 runs as rs_rhs with l -> -l */
}
stiff_struct;

/* kind 0: x' = -l (x - a) */
static int
stiff_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
          void * param, slong prec)
{
    stiff_struct * S = param;
    arb_poly_t u;
    arb_poly_init(u);
    arb_poly_set_arb(u, S->a);
    arb_poly_sub(u, x + 0, u, prec);
    arb_poly_scalar_mul(res + 0, u, S->l, prec);
    arb_poly_neg(res + 0, res + 0);
    arb_poly_truncate(res + 0, len);
    arb_poly_clear(u);
    return 0;
}

static int
stiff_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
          void * param, slong prec)
{
    stiff_struct * S = param;
    arb_poly_set_arb(J + 0, S->l);
    arb_poly_neg(J + 0, J + 0);
    return 0;
}

/* y = exact x(t0 + dt) from the point x0 */
static void
stiff_exact(arb_ptr y, const stiff_struct * S, arb_srcptr x0, const arb_t dt, slong prec)
{
    arb_t e, s, c, u;
    arb_init(e); arb_init(s); arb_init(c); arb_init(u);
    arb_mul(e, S->l, dt, prec);
    arb_neg(e, e);
    arb_exp(e, e, prec);
    if (S->kind == 0)
    {
        arb_sub(u, x0 + 0, S->a, prec);
        arb_mul(u, u, e, prec);
        arb_add(y + 0, u, S->a, prec);
    }
    else
    {
        arb_mul(u, S->w, dt, prec);
        arb_sin_cos(s, c, u, prec);
        arb_mul(u, c, x0 + 0, prec);
        arb_submul(u, s, x0 + 1, prec);
        arb_mul(y + 1, s, x0 + 0, prec);
        arb_addmul(y + 1, c, x0 + 1, prec);
        arb_mul(y + 0, u, e, prec);
        arb_mul(y + 1, y + 1, e, prec);
    }
    arb_clear(e); arb_clear(s); arb_clear(c); arb_clear(u);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("steplimit....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 200; iter++)
    {
        stiff_struct S;
        rs_struct R;
        slong n, prec = 64 + n_randint(state, 64), i, k, pt;
        int use_jac = (iter % 4 != 3), back = n_randint(state, 2);
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_ptr x, x0, z, ye;
        arb_t dt, bound;
        mag_t r;   /* max radius of x0 */

        S.kind = iter % 2;
        n = (S.kind == 0) ? 1 : 2;
        arb_init(S.l); arb_init(S.w); arb_init(S.a);
        arb_init(R.l); arb_init(R.w);
        arb_set_ui(S.l, 16 + n_randint(state, 113));
        rand_dyadic(S.w, state, 3);
        arb_mul_2exp_si(S.w, S.w, 4);     /* |w| <= 16 */
        rand_dyadic(S.a, state, 6);
        if (back)
            arb_neg(S.l, S.l);            /* contracts backward in time */

        ode_problem_init(P, n);
        ode_options_init(opt);
        ode_solution_init(sol, n);
        x = _arb_vec_init(n);
        x0 = _arb_vec_init(n);
        z = _arb_vec_init(n);
        ye = _arb_vec_init(n);
        arb_init(dt); arb_init(bound);
        mag_init(r);

        rand_dyadic(P->t0, state, 3);
        arb_one(dt);
        if (back)
            arb_neg(dt, dt);
        arb_add(P->t1, P->t0, dt, prec);
        for (i = 0; i < n; i++)
        {
            rand_dyadic(P->x0 + i, state, 6);
            mag_set_ui_2exp_si(arb_radref(P->x0 + i), 1, -10 - (slong) n_randint(state, 30));
        }
        _arb_vec_set(x0, P->x0, n);
        if (S.kind == 0)
            ode_problem_set_rhs(P, stiff_rhs, use_jac ? stiff_jac : NULL, &S);
        else   /* [[-l, -w], [w, -l]] */
        {
            arb_neg(R.l, S.l);
            arb_set(R.w, S.w);
            ode_problem_set_rhs(P, rs_rhs, use_jac ? rs_jac : NULL, &R);
        }

        /* max_steps = 0: failure, nothing enclosed */
        opt->max_steps = 0;
        if (ode_solve(sol, P, opt, prec) != ODE_FAIL_MAX_STEPS || _arb_vec_is_finite(sol->x, n))
        {
            flint_printf("FAIL (max_steps 0) iter %wd: status %d\n", iter, sol->status);
            fflush(stdout); flint_abort();
        }

        /* one step at a time */
        opt->max_steps = 1;
        _arb_vec_set(x, P->x0, n);
        for (k = 0; ; k++)
        {
            int st;
            _arb_vec_set(P->x0, x, n);
            st = ode_solve(sol, P, opt, prec);
            if (k > 10000 || !(st == ODE_SUCCESS || (st == ODE_FAIL_MAX_STEPS && sol->len == 1)))
            {
                flint_printf("FAIL (march) iter %wd kind %wd jac %d step %wd: status %d\n",
                             iter, S.kind, use_jac, k, st);
                fflush(stdout); flint_abort();
            }
            _arb_vec_set(x, sol->x, n);
            if (!_arb_vec_is_finite(x, n))
            {
                flint_printf("FAIL (state not finite) iter %wd kind %wd jac %d step %wd\n",
                             iter, S.kind, use_jac, k);
                fflush(stdout); flint_abort();
            }
            if (st == ODE_SUCCESS)
                break;
            arb_set(P->t0, sol->t_reached);
        }

        /* the exact solution from the centre and a corner of x0 */
        for (pt = 0; pt < 2; pt++)
        {
            for (i = 0; i < n; i++)
            {
                arb_get_mid_arb(z + i, x0 + i);
                if (pt == 1)
                {
                    arf_t rr;
                    arf_init(rr);
                    arf_set_mag(rr, arb_radref(x0 + i));
                    arf_add(arb_midref(z + i), arb_midref(z + i), rr, ARF_PREC_EXACT, ARF_RND_DOWN);
                    arf_clear(rr);
                }
            }
            stiff_exact(ye, &S, z, dt, prec + 64);
            for (i = 0; i < n; i++)
                if (!arb_overlaps(x + i, ye + i))
                {
                    flint_printf("FAIL (containment) iter %wd kind %wd jac %d back %d prec %wd pt %wd i %wd\n",
                                 iter, S.kind, use_jac, back, prec, pt, i);
                    flint_printf("l = "); arb_printd(S.l, 10);
                    flint_printf("  w = "); arb_printd(S.w, 10);
                    flint_printf("\nenclosure "); arb_printd(x + i, 30);
                    flint_printf("\nexact     "); arb_printd(ye + i, 30); flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
        }

        /* with the Jacobian the radius contracts with the flow */
        if (use_jac)
        {
            for (i = 0; i < n; i++)
                if (mag_cmp(r, arb_radref(x0 + i)) < 0)
                    mag_set(r, arb_radref(x0 + i));
            /* bound = 4 r e^{|w| - |l|} + 2^(40 - prec): every restart
               starts from a box, and a box rotated by the angle a grows
               by |cos a| + |sin a| <= e^{|a|} (wrapping, total e^{|w|}) */
            arb_abs(bound, S.l);
            arb_neg(bound, bound);
            if (S.kind == 1)
            {
                arb_t aw;
                arb_init(aw);
                arb_abs(aw, S.w);
                arb_add(bound, bound, aw, prec);
                arb_clear(aw);
            }
            arb_exp(bound, bound, prec);
            arb_mul_2exp_si(bound, bound, 2);
            {
                arb_t rb;
                arb_init(rb);
                arf_set_mag(arb_midref(rb), r);
                arb_mul(bound, bound, rb, prec);
                arb_one(rb);
                arb_mul_2exp_si(rb, rb, 40 - prec);
                arb_add(bound, bound, rb, prec);
                arb_clear(rb);
            }
            for (i = 0; i < n; i++)
                if (arf_cmpabs_mag(arb_midref(bound), arb_radref(x + i)) < 0)
                {
                    flint_printf("FAIL (radius) iter %wd kind %wd back %d prec %wd steps %wd: ",
                                 iter, S.kind, back, prec, k + 1);
                    flint_printf("l = "); arb_printd(S.l, 10);
                    flint_printf(", radius %.3e, bound ", mag_get_d(arb_radref(x + i)));
                    arb_printd(bound, 5); flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
        }

        arb_clear(dt); arb_clear(bound);
        mag_clear(r);
        _arb_vec_clear(x, n);
        _arb_vec_clear(x0, n);
        _arb_vec_clear(z, n);
        _arb_vec_clear(ye, n);
        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        arb_clear(S.l); arb_clear(S.w); arb_clear(S.a);
        arb_clear(R.l); arb_clear(R.w);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
