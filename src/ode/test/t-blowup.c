/*
    Blow-up inside the interval is a failure, never a value:
    x' = x^2, x(0) = x0 blows up at t = 1/x0.  For x0 = 1 on [0, 2] (and
    random x0 in [1/2, 4] with t1 beyond 1/x0, with and without the
    Jacobian) the status must be a failure, sol->x indeterminate, and the
    time reached below 1/x0; every stored step must still contain the exact
    solution x0/(1 - x0 t) (checked by ode_solution_eval at the step ends).
    A step limit (max_steps = 3) on a long interval also fails honestly,
    and then sol->x encloses the exact solution at t_reached.
*/
#include "diffwkb/ode.h"

static int
sq_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    arb_poly_mullow(res, x, x, len, prec);
    return 0;
}

static int
sq_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    arb_poly_scalar_mul_2exp_si(J, x, 1);
    arb_poly_truncate(J, len);
    return 0;
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("blowup....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 40; iter++)
    {
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_t tb, xe, y, u;
        slong prec = 64 + n_randint(state, 64), j;
        int status, use_jac = iter % 2;

        ode_problem_init(P, 1);
        ode_options_init(opt);
        ode_solution_init(sol, 1);
        arb_init(tb); arb_init(xe); arb_init(y); arb_init(u);

        if (iter < 2)
            arb_one(P->x0);
        else
        {
            arb_set_ui(P->x0, 8 + n_randint(state, 57));
            arb_mul_2exp_si(P->x0, P->x0, -4);
        }
        arb_zero(P->t0);
        arb_inv(tb, P->x0, prec);                 /* blow-up time */
        arb_mul_2exp_si(P->t1, tb, 1);            /* t1 = 2 / x0 */
        arb_get_mid_arb(P->t1, P->t1);
        arb_one(opt->min_step);
        arb_mul_2exp_si(opt->min_step, opt->min_step, -24);
        if (iter >= 20)
            opt->max_steps = 3 + n_randint(state, 3);
        ode_problem_set_rhs(P, sq_rhs, use_jac ? sq_jac : NULL, NULL);
        status = ode_solve(sol, P, opt, prec);

        if (status == ODE_SUCCESS || (arb_is_finite(sol->x) && status != ODE_FAIL_MAX_STEPS) ||
            !arb_lt(sol->t_reached, tb))
        {
            flint_printf("FAIL (blow-up not reported) iter %wd status %d\n", iter, status);
            flint_printf("x0 = "); arb_printd(P->x0, 15); flint_printf("  x = ");
            arb_printd(sol->x, 15); flint_printf("  t_reached = ");
            arb_printd(sol->t_reached, 15); flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }
        if (iter >= 20 && status != ODE_FAIL_MAX_STEPS && status != ODE_FAIL_STEP)
        {
            flint_printf("FAIL (status %d with max_steps)\n", status);
            fflush(stdout);
            flint_abort();
        }
        /* after the step limit sol->x encloses x(t_reached) */
        if (status == ODE_FAIL_MAX_STEPS)
        {
            arb_mul(xe, P->x0, sol->t_reached, prec);
            arb_sub_ui(xe, xe, 1, prec);
            arb_neg(xe, xe);
            arb_div(xe, P->x0, xe, prec);
            if (sol->len < 1 || !arb_is_finite(sol->x) || !arb_overlaps(xe, sol->x))
            {
                flint_printf("FAIL (state after the step limit) iter %wd steps %wd\n", iter,
                             sol->len);
                arb_printd(sol->x, 20); flint_printf("\n"); arb_printd(xe, 20); flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }
        for (j = 0; j < sol->len; j++)
        {
            arb_add(u, sol->steps[j].t, sol->steps[j].h, prec);
            ode_solution_eval(y, sol, u, prec);
            arb_mul(xe, P->x0, u, prec);
            arb_sub_ui(xe, xe, 1, prec);
            arb_neg(xe, xe);
            arb_div(xe, P->x0, xe, prec);
            if (!arb_overlaps(xe, y) || !arb_is_finite(y))
            {
                flint_printf("FAIL (stored step) iter %wd step %wd\n", iter, j);
                arb_printd(y, 20); flint_printf("\n"); arb_printd(xe, 20); flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }

        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        arb_clear(tb); arb_clear(xe); arb_clear(y); arb_clear(u);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
