/*
    Nonlinear problems with known solutions, random initial points (some
    balls), forward and backward, with and without the Jacobian:
      logistic  x' = x (1 - x):  x(t) = x0 e^d / (1 - x0 + x0 e^d), d = t - t0;
      Riccati   x' = 1 + x^2:    x(t) = tan(atan(x0) + d);
      rotation  x' = -r y, y' = r x, r = 1 + x^2 + y^2 (r is conserved):
                (x, y)(t) = R((1 + |z0|^2) d) z0.
    The enclosure of x(t1) must contain the exact value (from the midpoint
    and a corner of the initial ball) and be small for exact starts.
*/
#include "common.h"

static int
riccati_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
            void * param, slong prec)
{
    arb_poly_t one;
    arb_poly_init(one);
    arb_poly_one(one);
    arb_poly_mullow(res, x, x, len, prec);
    arb_poly_add(res, res, one, prec);
    arb_poly_truncate(res, len);
    arb_poly_clear(one);
    return 0;
}

static int
riccati_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
            void * param, slong prec)
{
    arb_poly_scalar_mul_2exp_si(J, x, 1);
    arb_poly_truncate(J, len);
    return 0;
}

/* r = 1 + x^2 + y^2 */
static void
rot_r(arb_poly_t r, const arb_poly_struct * x, slong len, slong prec)
{
    arb_poly_t u, one;
    arb_poly_init(u);
    arb_poly_init(one);
    arb_poly_one(one);
    arb_poly_mullow(r, x + 0, x + 0, len, prec);
    arb_poly_mullow(u, x + 1, x + 1, len, prec);
    arb_poly_add(r, r, u, prec);
    arb_poly_add(r, r, one, prec);
    arb_poly_clear(u);
    arb_poly_clear(one);
}

static int
rot_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    arb_poly_t r, a;
    arb_poly_init(r);
    arb_poly_init(a);
    rot_r(r, x, len, prec);
    arb_poly_mullow(a, r, x + 1, len, prec);
    arb_poly_neg(res + 0, a);
    arb_poly_mullow(res + 1, r, x + 0, len, prec);
    arb_poly_clear(r);
    arb_poly_clear(a);
    return 0;
}

static int
rot_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    arb_poly_t r, u;
    arb_poly_init(r);
    arb_poly_init(u);
    rot_r(r, x, len, prec);
    /* F0 = -r y: dF0/dx = -2 x y, dF0/dy = -r - 2 y^2 */
    arb_poly_mullow(u, x + 0, x + 1, len, prec);
    arb_poly_scalar_mul_2exp_si(u, u, 1);
    arb_poly_neg(J + 0, u);
    arb_poly_set(J + 3, u);   /* dF1/dy = 2 x y */
    arb_poly_mullow(u, x + 1, x + 1, len, prec);
    arb_poly_scalar_mul_2exp_si(u, u, 1);
    arb_poly_add(J + 1, r, u, prec);
    arb_poly_neg(J + 1, J + 1);
    arb_poly_mullow(u, x + 0, x + 0, len, prec);
    arb_poly_scalar_mul_2exp_si(u, u, 1);
    arb_poly_add(J + 2, r, u, prec);   /* dF1/dx = r + 2 x^2 */
    arb_poly_clear(r);
    arb_poly_clear(u);
    return 0;
}

/* exact solution at t1 from the point z0 */
static void
exact(arb_ptr xe, int kind, arb_srcptr z0, const arb_t d, slong prec)
{
    arb_t e, u, sn, cs, w;
    arb_init(e); arb_init(u); arb_init(sn); arb_init(cs); arb_init(w);
    if (kind == 0)
    {
        arb_exp(e, d, prec);
        arb_mul(u, z0, e, prec);
        arb_sub_ui(w, z0, 1, prec);
        arb_sub(w, u, w, prec);
        arb_div(xe, u, w, prec);
    }
    else if (kind == 1)
    {
        arb_atan(u, z0, prec);
        arb_add(u, u, d, prec);
        arb_tan(xe, u, prec);
    }
    else
    {
        arb_mul(w, z0 + 0, z0 + 0, prec);
        arb_addmul(w, z0 + 1, z0 + 1, prec);
        arb_add_ui(w, w, 1, prec);
        arb_mul(w, w, d, prec);
        arb_sin_cos(sn, cs, w, prec);
        arb_mul(xe + 0, cs, z0 + 0, prec);
        arb_submul(xe + 0, sn, z0 + 1, prec);
        arb_mul(xe + 1, sn, z0 + 0, prec);
        arb_addmul(xe + 1, cs, z0 + 1, prec);
    }
    arb_clear(e); arb_clear(u); arb_clear(sn); arb_clear(cs); arb_clear(w);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("nonlinear....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 300; iter++)
    {
        int loose, kind = iter % 3, use_jac = (n_randint(state, 3) != 0), status, pt;
        slong n = (kind == 2) ? 2 : 1, prec = 64 + n_randint(state, 128), i;
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_ptr z0, xe;
        arb_t d, a;

        ode_problem_init(P, n);
        ode_options_init(opt);
        ode_solution_init(sol, n);
        z0 = _arb_vec_init(n);
        xe = _arb_vec_init(n);
        arb_init(d);
        arb_init(a);

        rand_dyadic(P->t0, state, 4);
        rand_dyadic(d, state, 5);
        if (arb_is_zero(d))
            arb_one(d);
        if (kind == 0)
        {
            /* x0 in (0, 1), |d| <= 3 */
            arb_set_ui(P->x0, 1 + n_randint(state, 255));
            arb_mul_2exp_si(P->x0, P->x0, -8);
            arb_mul_ui(d, d, 3, prec);
            ode_problem_set_rhs(P, logistic_rhs, use_jac ? logistic_jac : NULL, NULL);
        }
        else if (kind == 1)
        {
            /* x0 in [-2, 2]; atan(x0) + d in [-1.3, 1.3] */
            rand_dyadic(P->x0, state, 6);
            arb_mul_2exp_si(P->x0, P->x0, 1);
            arb_atan(a, P->x0, 30);
            arb_get_mid_arb(a, a);
            arb_set_round(a, a, 10);
            arb_get_mid_arb(a, a);
            /* d = u (1.3 - a) for d > 0 or u (1.3 + a) for d < 0, |u| <= 1 */
            arb_set_ui(xe, 13);
            arb_div_ui(xe, xe, 10, 30);
            if (arb_is_positive(d))
                arb_sub(xe, xe, a, 30);
            else
                arb_add(xe, xe, a, 30);
            arb_mul(d, d, xe, 30);
            arb_get_mid_arb(d, d);
            arb_set_round(d, d, 16);
            arb_get_mid_arb(d, d);
            if (arb_is_zero(d))
                { arb_one(d); arb_mul_2exp_si(d, d, -4); }
            ode_problem_set_rhs(P, riccati_rhs, use_jac ? riccati_jac : NULL, NULL);
        }
        else
        {
            /* |z0| <= 1, |d| <= 2 */
            rand_dyadic(P->x0 + 0, state, 6);
            rand_dyadic(P->x0 + 1, state, 6);
            arb_mul_2exp_si(P->x0 + 0, P->x0 + 0, -1);
            arb_mul_2exp_si(P->x0 + 1, P->x0 + 1, -1);
            arb_mul_2exp_si(d, d, 1);
            ode_problem_set_rhs(P, rot_rhs, use_jac ? rot_jac : NULL, NULL);
        }
        if (n_randint(state, 3) == 0)
            for (i = 0; i < n; i++)
                mag_set_ui_2exp_si(arb_radref(P->x0 + i), 1, -20 - (slong) n_randint(state, 30));
        arb_add(P->t1, P->t0, d, prec);

        /* loose tolerance and low order half of the time: the remainder
           then dominates the rounding and a wrong remainder would show */
        loose = n_randint(state, 2);
        if (loose)
        {
            /* a quarter of them with the adaptive order, which then drifts
               down towards p0/2 */
            opt->order = n_randint(state, 4) ? 4 + n_randint(state, 8) : ODE_ORDER_ADAPTIVE;
            arb_one(opt->tol);
            arb_mul_2exp_si(opt->tol, opt->tol, -8 - (slong) n_randint(state, 12));
        }
        else if (n_randint(state, 4) == 0)
            opt->order = ODE_ORDER_ADAPTIVE;
        status = ode_solve(sol, P, opt, prec);
        if (status != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %s) iter %wd kind %d jac %d\n", ode_status_str(status),
                         iter, kind, use_jac);
            flint_printf("x0 = "); arb_printd(P->x0, 20);
            flint_printf("  d = "); arb_printd(d, 20); flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        for (pt = 0; pt < 2; pt++)
        {
            for (i = 0; i < n; i++)
            {
                arb_get_mid_arb(z0 + i, P->x0 + i);
                if (pt == 1)
                {
                    arf_t rr;
                    arf_init(rr);
                    arf_set_mag(rr, arb_radref(P->x0 + i));
                    arf_sub(arb_midref(z0 + i), arb_midref(z0 + i), rr, ARF_PREC_EXACT, ARF_RND_DOWN);
                    arf_clear(rr);
                }
            }
            exact(xe, kind, z0, d, prec);
            for (i = 0; i < n; i++)
            {
                if (!arb_overlaps(sol->x + i, xe + i))
                {
                    flint_printf("FAIL (containment) iter %wd kind %d jac %d i %wd\n", iter, kind, use_jac, i);
                    flint_printf("x0 = "); arb_printd(P->x0 + i, 20);
                    flint_printf("  d = "); arb_printd(d, 20); flint_printf("\n");
                    flint_printf("enclosure = "); arb_printd(sol->x + i, 30); flint_printf("\n");
                    flint_printf("exact     = "); arb_printd(xe + i, 30); flint_printf("\n");
                    fflush(stdout);
                    flint_abort();
                }
                /* exact starts: result accurate to about prec - 30 bits */
                if (!loose && arb_is_exact(P->x0 + i) && arb_rel_accuracy_bits(sol->x + i) < prec - 40
                    && arb_rel_accuracy_bits(xe + i) > prec - 10)
                {
                    flint_printf("FAIL (accuracy %wd bits of %wd) iter %wd kind %d jac %d\n",
                                 arb_rel_accuracy_bits(sol->x + i), prec, iter, kind, use_jac);
                    flint_printf("enclosure = "); arb_printd(sol->x + i, 30); flint_printf("\n");
                    fflush(stdout);
                    flint_abort();
                }
            }
        }

        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        _arb_vec_clear(z0, n);
        _arb_vec_clear(xe, n);
        arb_clear(d);
        arb_clear(a);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
