/*
    A ball of initial points through a nonlinear flow: the logistic
    equation with its variational equation,
        x' = x (1 - x),   v' = (1 - 2 x) v,   x(0) = x0,  v(0) = 1,
    with x(t) = x0 e^t / D, v(t) = dx(t)/dx0 = e^t / D^2,
    D = 1 - x0 + x0 e^t.  The image of the segment {(x0, 1)} is a curve,
    the set a ball of initial points becomes: Lohner's parallelepiped
    alone grew geometrically on such sets (the solver without the box
    track failed here, e.g. from 0.1465 +/- 0.019 on [0, 8]) while a box
    stays bounded.  For
    random balls x0 (radius 1e-3 .. 2e-2) and t1 in [2, 10], with the
    Jacobian: the solve must succeed, sol->x must contain the exact state
    for the ball's endpoints and random points of it, and each radius must
    be within 8 times the true half-spread of the image plus 2^-40 (x and
    v are monotone in x0, so the spread is that of the endpoints).
*/
#include "diffwkb/ode.h"

static int
lg_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    arb_poly_t u;
    arb_poly_init(u);
    /* u = 1 - x */
    arb_poly_neg(u, x + 0);
    arb_poly_add_si(u, u, 1, prec);
    arb_poly_mullow(res + 0, x + 0, u, len, prec);
    /* 1 - 2x = u - x */
    arb_poly_sub(u, u, x + 0, prec);
    arb_poly_mullow(res + 1, u, x + 1, len, prec);
    arb_poly_clear(u);
    return 0;
}

/* J = [[1 - 2x, 0], [-2 v, 1 - 2x]] (row-major) */
static int
lg_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    arb_poly_scalar_mul_2exp_si(J + 0, x + 0, 1);
    arb_poly_neg(J + 0, J + 0);
    arb_poly_add_si(J + 0, J + 0, 1, prec);
    arb_poly_truncate(J + 0, len);
    arb_poly_zero(J + 1);
    arb_poly_scalar_mul_2exp_si(J + 2, x + 1, 1);
    arb_poly_neg(J + 2, J + 2);
    arb_poly_truncate(J + 2, len);
    arb_poly_set(J + 3, J + 0);
    return 0;
}

/* the exact state at t from the point x0 */
static void
lg_exact(arb_t x, arb_t v, const arb_t x0, const arb_t t, slong prec)
{
    arb_t e, D;
    arb_init(e);
    arb_init(D);
    arb_exp(e, t, prec);
    arb_sub_ui(D, e, 1, prec);
    arb_mul(D, D, x0, prec);
    arb_add_ui(D, D, 1, prec);
    arb_mul(x, x0, e, prec);
    arb_div(x, x, D, prec);
    arb_div(v, e, D, prec);
    arb_div(v, v, D, prec);
    arb_clear(e);
    arb_clear(D);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("ballflow....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 60; iter++)
    {
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_t x0, pt, xe, ve, lo, hi, sp;
        slong prec = 64 + n_randint(state, 64), j, k;
        int status;

        ode_problem_init(P, 2);
        ode_options_init(opt);
        ode_solution_init(sol, 2);
        arb_init(x0); arb_init(pt); arb_init(xe); arb_init(ve);
        arb_init(lo); arb_init(hi); arb_init(sp);
        ode_problem_set_rhs(P, lg_rhs, lg_jac, NULL);
        opt->store = 0;

        /* x0 = m +/- r, m in [1/10, 6/10], r in [1e-3, 2e-2] */
        arb_set_ui(x0, 200 + n_randint(state, 1001));
        arb_div_ui(x0, x0, 2000, prec);
        arb_get_mid_arb(x0, x0);
        mag_set_ui(arb_radref(x0), 1 + n_randint(state, 20));
        mag_div_ui(arb_radref(x0), arb_radref(x0), 1000);
        arb_set(P->x0 + 0, x0);
        arb_one(P->x0 + 1);
        arb_zero(P->t0);
        arb_set_ui(P->t1, 2 + n_randint(state, 9));

        status = ode_solve(sol, P, opt, prec);
        if (status != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %s)\niter %wd prec %wd x0 = ", ode_status_str(status),
                         iter, prec);
            arb_printd(x0, 20);
            flint_printf(" t1 = ");
            arb_printd(P->t1, 5);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        for (k = 0; k < 8; k++)
        {
            /* k = 0, 1: the endpoints; else a random point of the ball */
            if (k < 2)
            {
                arb_get_lbound_arf(arb_midref(pt), x0, prec);
                if (k == 1)
                    arb_get_ubound_arf(arb_midref(pt), x0, prec);
                mag_zero(arb_radref(pt));
                /* rounded outwards: keep it inside the ball */
                if (!arb_contains(x0, pt))
                    arb_get_mid_arb(pt, x0);
            }
            else
            {
                /* mid + (u/500 - 1) rad, u in [0, 1000] */
                arb_set_ui(pt, n_randint(state, 1001));
                arb_div_ui(pt, pt, 500, prec);
                arb_sub_ui(pt, pt, 1, prec);
                arb_get_rad_arb(sp, x0);
                arb_mul(pt, pt, sp, prec);
                arb_add_arf(pt, pt, arb_midref(x0), prec);
                arb_get_mid_arb(pt, pt);
                if (!arb_contains(x0, pt))
                    arb_get_mid_arb(pt, x0);
            }
            lg_exact(xe, ve, pt, P->t1, prec);
            if (!arb_contains(sol->x + 0, xe) || !arb_contains(sol->x + 1, ve))
            {
                flint_printf("FAIL (containment)\niter %wd prec %wd x0 = ", iter, prec);
                arb_printd(x0, 20);
                flint_printf(" point ");
                arb_printd(pt, 20);
                flint_printf(" t1 = ");
                arb_printd(P->t1, 5);
                flint_printf("\nx = ");
                arb_printd(sol->x + 0, 20);
                flint_printf(" exact ");
                arb_printd(xe, 20);
                flint_printf("\nv = ");
                arb_printd(sol->x + 1, 20);
                flint_printf(" exact ");
                arb_printd(ve, 20);
                flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }

        /* radii against the true half-spread of the image */
        for (j = 0; j < 2; j++)
        {
            arb_get_lbound_arf(arb_midref(pt), x0, prec);
            mag_zero(arb_radref(pt));
            lg_exact(xe, ve, pt, P->t1, prec);
            arb_set(lo, j == 0 ? xe : ve);
            arb_get_ubound_arf(arb_midref(pt), x0, prec);
            lg_exact(xe, ve, pt, P->t1, prec);
            arb_set(hi, j == 0 ? xe : ve);
            arb_sub(sp, hi, lo, prec);
            arb_abs(sp, sp);
            arb_mul_2exp_si(sp, sp, 2);           /* 8 x half-spread */
            arb_set_ui(pt, 1);
            arb_mul_2exp_si(pt, pt, -40);
            arb_add(sp, sp, pt, prec);
            arb_get_rad_arb(pt, sol->x + j);
            if (!arb_lt(pt, sp))
            {
                flint_printf("FAIL (radius of %s)\niter %wd prec %wd x0 = ", j == 0 ? "x" : "v",
                             iter, prec);
                arb_printd(x0, 20);
                flint_printf(" t1 = ");
                arb_printd(P->t1, 5);
                flint_printf("\nradius ");
                arb_printd(pt, 5);
                flint_printf(" bound ");
                arb_printd(sp, 5);
                flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }

        arb_clear(x0); arb_clear(pt); arb_clear(xe); arb_clear(ve);
        arb_clear(lo); arb_clear(hi); arb_clear(sp);
        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
