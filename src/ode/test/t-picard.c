/*
    A priori enclosure with a component started as a ball centred at 0 and
    a component depending on it quadratically:
        p' = -p,  a' = p^2,  p(t0) = p0,  a(t0) = a0,
    exact solution (d = t - t0)
        p = p0 e^{-d},  a = a0 + p0^2 (1 - e^{-2d}) / 2.
    p0 is a ball centred at 0 (radius 2^-e, e up to 60) or at a random
    point; a0 is 0 or random; forward and backward; with and without the
    Jacobian.  The enclosures of x(t1) and of the dense output at random
    times must contain the exact values for p0 at its midpoint, its two
    ends and a random inner point; for p0 = 0 +/- r the enclosure of a must
    be O(r^2) (not indeterminate) and ode_solve must succeed.
*/
#include <stdlib.h>
#include "diffwkb/ode.h"

static int
pa_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    (void) t; (void) param;
    arb_poly_neg(res + 0, x + 0);
    arb_poly_truncate(res + 0, len);
    arb_poly_mullow(res + 1, x + 0, x + 0, len, prec);
    return 0;
}

static int
pa_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    (void) t; (void) param; (void) prec;
    arb_poly_set_si(J + 0, -1);
    arb_poly_zero(J + 1);
    arb_poly_scalar_mul_2exp_si(J + 2, x + 0, 1);
    arb_poly_truncate(J + 2, len);
    arb_poly_zero(J + 3);
    return 0;
}

/* exact (p, a) at elapsed time d from (p0, a0) */
static void
pa_exact(arb_t p, arb_t a, const arb_t p0, const arb_t a0, const arb_t d, slong prec)
{
    arb_t e;
    arb_init(e);
    arb_neg(e, d);
    arb_exp(e, e, prec);
    arb_mul(p, p0, e, prec);
    arb_mul(e, e, e, prec);
    arb_sub_ui(e, e, 1, prec);
    arb_neg(e, e);
    arb_mul(e, e, p0, prec);
    arb_mul(e, e, p0, prec);
    arb_mul_2exp_si(e, e, -1);
    arb_add(a, a0, e, prec);
    arb_clear(e);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("picard....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 300; iter++)
    {
        slong prec = 64 + n_randint(state, 200), e, j, q;
        int centred = (n_randint(state, 3) != 0), use_jac = n_randint(state, 2);
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_t p0, d, pe, ae, tt, r;
        arb_ptr xe;
        mag_t bound;

        arb_init(p0); arb_init(d); arb_init(pe); arb_init(ae); arb_init(tt); arb_init(r);
        mag_init(bound);
        xe = _arb_vec_init(2);
        ode_problem_init(P, 2);
        ode_options_init(opt);
        ode_solution_init(sol, 2);
        ode_problem_set_rhs(P, pa_rhs, use_jac ? pa_jac : NULL, NULL);

        /* p0 = c +/- 2^-e */
        e = 1 + n_randint(state, 60);
        if (iter < 10)
            e = 50;   /* 0 +/- ~1e-15, the reported case */
        if (centred)
            arb_zero(p0);
        else
            arb_randtest(p0, state, prec, 2);
        mag_one(arb_radref(p0));
        mag_mul_2exp_si(arb_radref(p0), arb_radref(p0), -e);
        arb_set(P->x0 + 0, p0);
        if (n_randint(state, 2))
            arb_zero(P->x0 + 1);
        else
            arb_randtest(P->x0 + 1, state, prec, 2);

        arb_randtest_exact(P->t0, state, prec, 3);
        arb_set_ui(d, 1 + n_randint(state, 64));
        arb_mul_2exp_si(d, d, -4);        /* |t1 - t0| in (0, 4] */
        if (n_randint(state, 4) == 0)
            arb_neg(d, d);                /* backward (p grows like e^|d|) */
        arb_add(P->t1, P->t0, d, prec);

        if (ode_solve(sol, P, opt, prec) != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %s)\n", ode_status_str(sol->status));
            flint_printf("iter %wd prec %wd jac %d p0 = ", iter, prec, use_jac);
            arb_printd(P->x0 + 0, 20); flint_printf("  a0 = ");
            arb_printd(P->x0 + 1, 20); flint_printf("\nt0 = ");
            arb_printd(P->t0, 20); flint_printf("  t1 = ");
            arb_printd(P->t1, 20); flint_printf("  reached ");
            arb_printd(sol->t_reached, 20); flint_printf("\n");
            fflush(stdout);
            exit(1);
        }

        /* containment at t1 and at random dense-output times, for p0 at the
           midpoint, both ends and a random inner point */
        for (j = 0; j < 5; j++)
        {
            arb_t pp;
            arb_init(pp);
            if (j == 0)
                arb_set(tt, P->t1);
            else
            {
                arb_set_ui(r, n_randint(state, 1001));
                arb_div_ui(r, r, 1000, prec);
                arb_mul(r, r, d, prec);
                arb_add(tt, P->t0, r, prec);
                arb_get_mid_arb(tt, tt);
            }
            arb_sub(r, tt, P->t0, 2 * prec);
            if (j == 0)
                _arb_vec_set(xe, sol->x, 2);
            else if (!ode_solution_eval(xe, sol, tt, prec))
            {
                flint_printf("FAIL (eval)\niter %wd\n", iter);
                fflush(stdout);
                exit(1);
            }
            for (q = 0; q < 4; q++)
            {
                arb_get_mid_arb(pp, p0);
                if (q == 1 || q == 2)
                {
                    arf_t u;
                    arf_init(u);
                    arf_set_mag(u, arb_radref(p0));
                    if (q == 2)
                        arf_neg(u, u);
                    arf_add(arb_midref(pp), arb_midref(pp), u, ARF_PREC_EXACT, ARF_RND_DOWN);
                    arf_clear(u);
                }
                else if (q == 3)
                {
                    arf_t u;
                    arf_init(u);
                    arf_set_mag(u, arb_radref(p0));
                    arf_mul_ui(u, u, n_randint(state, 1000), 2 * prec, ARF_RND_DOWN);
                    arf_div_ui(u, u, 1000, 2 * prec, ARF_RND_DOWN);
                    arf_add(arb_midref(pp), arb_midref(pp), u, 2 * prec, ARF_RND_DOWN);
                    arf_clear(u);
                }
                /* (exact arithmetic: pp is a point of p0) */
                if (!arb_contains(p0, pp))
                    continue;
                pa_exact(pe, ae, pp, P->x0 + 1, r, 2 * prec);
                if (!arb_overlaps(xe + 0, pe) || !arb_overlaps(xe + 1, ae))
                {
                    flint_printf("FAIL (containment)\n");
                    flint_printf("iter %wd j %wd q %wd prec %wd jac %d\np0 = ", iter, j, q,
                                 prec, use_jac);
                    arb_printd(p0, 20); flint_printf("  a0 = ");
                    arb_printd(P->x0 + 1, 20); flint_printf("\nt0 = ");
                    arb_printd(P->t0, 20); flint_printf("  t = ");
                    arb_printd(tt, 20); flint_printf("\nx = ");
                    arb_printd(xe + 0, 20); flint_printf(", ");
                    arb_printd(xe + 1, 20); flint_printf("\nexact = ");
                    arb_printd(pe, 20); flint_printf(", ");
                    arb_printd(ae, 20); flint_printf("\n");
                    fflush(stdout);
                    exit(1);
                }
            }
            arb_clear(pp);
        }

        /* centred start from a0 = 0: the true range of a is
           [0, r^2 (1 - e^{-2d})/2]; the enclosure must be of that size
           (within a generous factor 2^20 e^{6|d|} + 2^-prec slack) */
        if (centred && arb_is_zero(P->x0 + 1))
        {
            mag_t m, s;
            mag_init(m);
            mag_init(s);
            mag_mul(bound, arb_radref(p0), arb_radref(p0));
            mag_mul_2exp_si(bound, bound, 20);
            arb_get_mag(m, d);
            mag_mul_ui(m, m, 6);
            mag_exp(m, m);
            mag_mul(bound, bound, m);
            mag_one(s);
            mag_mul_2exp_si(s, s, -prec + 20);
            mag_add(bound, bound, s);
            arb_get_mag(m, sol->x + 1);
            if (mag_cmp(m, bound) > 0)
            {
                flint_printf("FAIL (a too wide)\niter %wd prec %wd jac %d p0 = ", iter, prec,
                             use_jac);
                arb_printd(p0, 20); flint_printf("  d = ");
                arb_printd(d, 20); flint_printf("\na = ");
                arb_printd(sol->x + 1, 20); flint_printf("\n");
                fflush(stdout);
                exit(1);
            }
            mag_clear(m);
            mag_clear(s);
        }

        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        arb_clear(p0); arb_clear(d); arb_clear(pe); arb_clear(ae); arb_clear(tt); arb_clear(r);
        mag_clear(bound);
        _arb_vec_clear(xe, 2);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
