/*
    Dense output and integrals along the solution.
      kind 0: z' = lambda z in R^2 (lambda = l + i w, rotation-scaling):
              z(t) = e^{lambda (t - t0)} z0 and int_{t0}^{t1} z dt =
              z0 (e^{lambda D} - 1)/lambda (acb, independent of the solver);
      kind 1: logistic x' = x(1 - x): int_{t0}^{t1} x dt = log(1 - x0 + x0 e^D).
    ode_solution_eval at random point and ball times of the interval must
    contain the exact solution; ode_solution_integrate of G(x) = x must
    contain the exact integral; a time outside the interval gives 0.  On a
    short interval far from 0, a ball around t1 leaking past it by rounding
    (2^(4-prec) |t1|) is accepted and contains x(t1), one past it by
    2^-20 |t1| is not.
    Loose tolerances and low orders half of the time, so that the stored
    remainders matter.
*/
#include "common.h"

/* G(x) = x: two components for kind 0, one for kind 1 (param = &m) */
static int
ident(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
      void * param, slong prec)
{
    slong i, m = *(slong *) param;
    for (i = 0; i < m; i++)
    {
        arb_poly_set(res + i, x + i);
        arb_poly_truncate(res + i, len);
    }
    return 0;
}

/* exact value at time s (kind 0: lambda, z0) */
static void
exact_at(arb_ptr xe, int kind, const rs_struct * R, arb_srcptr x0, const arb_t d, slong prec)
{
    if (kind == 0)
    {
        acb_t lam, z, e;
        acb_init(lam); acb_init(z); acb_init(e);
        acb_set_arb_arb(lam, R->l, R->w);
        acb_mul_arb(e, lam, d, prec);
        acb_exp(e, e, prec);
        acb_set_arb_arb(z, x0 + 0, x0 + 1);
        acb_mul(z, z, e, prec);
        arb_set(xe + 0, acb_realref(z));
        arb_set(xe + 1, acb_imagref(z));
        acb_clear(lam); acb_clear(z); acb_clear(e);
    }
    else
    {
        arb_t e, u;
        arb_init(e); arb_init(u);
        arb_exp(e, d, prec);
        arb_mul(e, e, x0, prec);
        arb_sub_ui(u, x0, 1, prec);
        arb_sub(u, e, u, prec);
        arb_div(xe, e, u, prec);
        arb_clear(e); arb_clear(u);
    }
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("dense....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 200; iter++)
    {
        int kind = iter % 2, use_jac = n_randint(state, 2), status;
        slong n = (kind == 0) ? 2 : 1, prec = 64 + n_randint(state, 96), i, k;
        rs_struct R;
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_ptr xe, y, I, Ie;
        arb_t d, s, ds;

        arb_init(R.l); arb_init(R.w);
        ode_problem_init(P, n);
        ode_options_init(opt);
        ode_solution_init(sol, n);
        xe = _arb_vec_init(n); y = _arb_vec_init(n);
        I = _arb_vec_init(n); Ie = _arb_vec_init(n);
        arb_init(d); arb_init(s); arb_init(ds);

        rand_dyadic(P->t0, state, 4);
        rand_dyadic(d, state, 5);
        arb_mul_2exp_si(d, d, 1);
        if (arb_is_zero(d))
            arb_one(d);
        arb_add(P->t1, P->t0, d, prec);
        if (kind == 0)
        {
            rand_dyadic(R.l, state, 4);
            rand_dyadic(R.w, state, 4);
            arb_mul_2exp_si(R.w, R.w, 1);
            if (arb_is_zero(R.w))
                arb_one(R.w);
            rand_dyadic(P->x0 + 0, state, 6);
            rand_dyadic(P->x0 + 1, state, 6);
            ode_problem_set_rhs(P, rs_rhs, use_jac ? rs_jac : NULL, &R);
        }
        else
        {
            arb_set_ui(P->x0, 1 + n_randint(state, 255));
            arb_mul_2exp_si(P->x0, P->x0, -8);
            ode_problem_set_rhs(P, logistic_rhs, use_jac ? logistic_jac : NULL, NULL);
        }
        if (n_randint(state, 2))
        {
            opt->order = 4 + n_randint(state, 8);
            arb_one(opt->tol);
            arb_mul_2exp_si(opt->tol, opt->tol, -8 - (slong) n_randint(state, 16));
        }

        status = ode_solve(sol, P, opt, prec);
        if (status != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %s) iter %wd\n", ode_status_str(status), iter);
            fflush(stdout);
            flint_abort();
        }

        /* eval at random times (points and small balls) */
        for (k = 0; k < 10; k++)
        {
            arb_set_ui(s, n_randint(state, 1025));
            arb_mul_2exp_si(s, s, -10);
            arb_mul(ds, s, d, prec);          /* offset from t0 */
            if (k % 3 == 2)
                mag_set_ui_2exp_si(arb_radref(ds), 1, -12);
            arb_add(s, P->t0, ds, prec);
            if (k % 3 == 2)
            {
                /* keep the ball inside the interval */
                arb_t lo, hi;
                arb_init(lo); arb_init(hi);
                arb_min(lo, P->t0, P->t1, prec);
                arb_max(hi, P->t0, P->t1, prec);
                if (!arb_le(lo, s) || !arb_le(s, hi))
                    arb_get_mid_arb(s, s);
                if (!arb_le(lo, s) || !arb_le(s, hi))
                    arb_set(s, P->t0);
                arb_clear(lo); arb_clear(hi);
            }
            if (!ode_solution_eval(y, sol, s, prec))
            {
                flint_printf("FAIL (eval refused a time inside) iter %wd\n", iter);
                arb_printd(s, 20); flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
            arb_sub(ds, s, P->t0, prec);
            exact_at(xe, kind, &R, P->x0, ds, prec);
            for (i = 0; i < n; i++)
                if (!arb_overlaps(y + i, xe + i))
                {
                    flint_printf("FAIL (eval) iter %wd kind %d jac %d at ", iter, kind, use_jac);
                    arb_printd(s, 20); flint_printf("\n");
                    arb_printd(y + i, 30); flint_printf("\n");
                    arb_printd(xe + i, 30); flint_printf("\n");
                    fflush(stdout);
                    flint_abort();
                }
        }

        /* outside the interval */
        arb_mul_2exp_si(ds, d, 1);
        arb_add(s, P->t0, ds, prec);
        if (ode_solution_eval(y, sol, s, prec) || arb_is_finite(y))
        {
            flint_printf("FAIL (eval outside) iter %wd\n", iter);
            fflush(stdout);
            flint_abort();
        }

        /* integral of x */
        ode_solution_integrate(I, sol, ident, n, &n, prec);
        if (kind == 0)
        {
            acb_t lam, z, e;
            acb_init(lam); acb_init(z); acb_init(e);
            acb_set_arb_arb(lam, R.l, R.w);
            acb_mul_arb(e, lam, d, prec);
            acb_exp(e, e, prec);
            acb_sub_ui(e, e, 1, prec);
            acb_div(e, e, lam, prec);
            acb_set_arb_arb(z, P->x0 + 0, P->x0 + 1);
            acb_mul(z, z, e, prec);
            arb_set(Ie + 0, acb_realref(z));
            arb_set(Ie + 1, acb_imagref(z));
            acb_clear(lam); acb_clear(z); acb_clear(e);
        }
        else
        {
            arb_exp(Ie, d, prec);
            arb_sub_ui(Ie, Ie, 1, prec);
            arb_mul(Ie, Ie, P->x0, prec);
            arb_log1p(Ie, Ie, prec);
        }
        for (i = 0; i < n; i++)
            if (!arb_overlaps(I + i, Ie + i) || !arb_is_finite(I + i))
            {
                flint_printf("FAIL (integral) iter %wd kind %d jac %d\n", iter, kind, use_jac);
                arb_printd(I + i, 30); flint_printf("\n");
                arb_printd(Ie + i, 30); flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }

        arb_clear(R.l); arb_clear(R.w);
        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        _arb_vec_clear(xe, n); _arb_vec_clear(y, n);
        _arb_vec_clear(I, n); _arb_vec_clear(Ie, n);
        arb_clear(d); arb_clear(s); arb_clear(ds);
    }

    /* a short interval [t0, t0 + 2^-e] far from 0 (logistic): a ball
       around t1 that leaks past it by rounding (2^(4 - prec) |t1|, far
       more than the interval's own 2^-30) is accepted and encloses x(t1);
       one past it by 2^-20 |t1| is refused */
    for (iter = 0; iter < 200; iter++)
    {
        slong prec = 64 + n_randint(state, 96), e = 20 + n_randint(state, 20);
        int back = n_randint(state, 2), bad;
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_t d, s;
        mag_t m;

        ode_problem_init(P, 1);
        ode_options_init(opt);
        ode_solution_init(sol, 1);
        arb_init(d); arb_init(s); mag_init(m);
        arb_set_ui(P->t0, 1 + n_randint(state, 1000));
        arb_div_ui(P->t0, P->t0, 7, prec);          /* an inexact start */
        arb_one(d);
        arb_mul_2exp_si(d, d, -e);
        if (back)
            arb_neg(d, d);
        arb_add(P->t1, P->t0, d, prec);
        arb_set_ui(P->x0, 1 + n_randint(state, 255));
        arb_mul_2exp_si(P->x0, P->x0, -8);
        ode_problem_set_rhs(P, logistic_rhs, NULL, NULL);
        opt->store = 1;
        if (ode_solve(sol, P, opt, prec) != ODE_SUCCESS)
        {
            flint_printf("FAIL (short interval status) iter %wd\n", iter);
            fflush(stdout);
            flint_abort();
        }
        for (bad = 0; bad < 2; bad++)
        {
            arb_t y, xe;
            int ok;
            arb_init(y); arb_init(xe);
            arb_get_mag(m, P->t1);
            mag_mul_2exp_si(m, m, bad ? -20 : 4 - prec);
            arb_set(s, P->t1);
            mag_add(arb_radref(s), arb_radref(s), m);
            ok = ode_solution_eval(y, sol, s, prec);
            exact_at(xe, 1, NULL, P->x0, d, prec);
            if (ok == bad || (!bad && !arb_overlaps(y, xe)))
            {
                flint_printf("FAIL (eval %s t1 + %s) iter %wd prec %wd e %wd\n",
                             ok ? "accepted" : "refused", bad ? "2^-20" : "rounding",
                             iter, prec, e);
                arb_printd(s, 30); flint_printf("\n");
                arb_printd(y, 30); flint_printf("\n");
                arb_printd(xe, 30); flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
            arb_clear(y); arb_clear(xe);
        }
        ode_problem_clear(P);
        ode_options_clear(opt);
        ode_solution_clear(sol);
        arb_clear(d); arb_clear(s); mag_clear(m);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
