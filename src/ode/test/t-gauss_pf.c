/*
    Probability-flow ODE of a Gaussian target N(m, v0) with its exact score,
    for every schedule of sched.h:
        X' = f X - (g^2/2) s(X, t),  s = -(X - a_t m)/v_t,  v_t = a_t^2 v0 + s_t^2.
    Since v' = 2 f v + g^2, X - a m is proportional to sqrt(v):
        X(t1) = a_{t1} m + sqrt(v_{t1}/v_{t0}) (X(t0) - a_{t0} m),
    evaluated with sched_a and sched_s2 (the closed forms, not the series
    the right-hand side uses).  Random m, v0, start point and times inside
    each schedule's interval, forward and backward, with and without the
    Jacobian; the enclosure of X(t1) must contain the exact value.
*/
#include "diffwkb/ode.h"
#include "diffwkb/sched.h"

typedef struct
{
    sched_struct * S;
    arb_t m, v0;
}
pf_struct;

/* k(t+tau) = g^2/(2 v), f(t+tau), a(t+tau) series; 0 on success */
static int
pf_coeffs(arb_poly_t f, arb_poly_t k, arb_poly_t a, const pf_struct * Q, const arb_t t,
          slong len, slong prec)
{
    arb_poly_t g2, s2, v;
    slong i;
    int ok = 1;
    arb_poly_init(g2);
    arb_poly_init(s2);
    arb_poly_init(v);
    sched_f_series(f, Q->S, t, len, prec);
    sched_g2_series(g2, Q->S, t, len, prec);
    sched_a_series(a, Q->S, t, len, prec);
    sched_s2_series(s2, Q->S, t, len, prec);
    arb_poly_mullow(v, a, a, len, prec);
    arb_poly_scalar_mul(v, v, Q->v0, prec);
    arb_poly_add(v, v, s2, prec);
    arb_poly_inv_series(v, v, len, prec);
    arb_poly_mullow(k, g2, v, len, prec);
    arb_poly_scalar_mul_2exp_si(k, k, -1);
    for (i = 0; i < arb_poly_length(k); i++)
        ok = ok && arb_is_finite(k->coeffs + i);
    for (i = 0; i < arb_poly_length(f); i++)
        ok = ok && arb_is_finite(f->coeffs + i);
    for (i = 0; i < arb_poly_length(a); i++)
        ok = ok && arb_is_finite(a->coeffs + i);
    arb_poly_clear(g2);
    arb_poly_clear(s2);
    arb_poly_clear(v);
    return ok ? 0 : 1;
}

/* F = f X + k (X - a m) */
static int
pf_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    pf_struct * Q = param;
    arb_poly_t f, k, a, u;
    int r;
    arb_poly_init(f); arb_poly_init(k); arb_poly_init(a); arb_poly_init(u);
    r = pf_coeffs(f, k, a, Q, t, len, prec);
    if (r == 0)
    {
        arb_poly_scalar_mul(a, a, Q->m, prec);
        arb_poly_sub(u, x, a, prec);
        arb_poly_mullow(u, k, u, len, prec);
        arb_poly_mullow(res, f, x, len, prec);
        arb_poly_add(res, res, u, prec);
    }
    arb_poly_clear(f); arb_poly_clear(k); arb_poly_clear(a); arb_poly_clear(u);
    return r;
}

static int
pf_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    pf_struct * Q = param;
    arb_poly_t f, k, a;
    int r;
    arb_poly_init(f); arb_poly_init(k); arb_poly_init(a);
    r = pf_coeffs(f, k, a, Q, t, len, prec);
    if (r == 0)
        arb_poly_add(J, f, k, prec);
    arb_poly_clear(f); arb_poly_clear(k); arb_poly_clear(a);
    return r;
}

static void
vt(arb_t v, const sched_t S, const arb_t v0, const arb_t t, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    sched_a(a, S, t, prec);
    sched_s2(s2, S, t, prec);
    arb_mul(v, a, a, prec);
    arb_mul(v, v, v0, prec);
    arb_add(v, v, s2, prec);
    arb_clear(a);
    arb_clear(s2);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("gauss_pf....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 120; iter++)
    {
        int type = iter % 6, use_jac = (n_randint(state, 3) != 0), status;
        slong prec = 64 + n_randint(state, 64);
        sched_t S;
        pf_struct Q;
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_t lo, hi, u, w, a0, a1, v0t, v1t, xe;

        sched_init(S);
        arb_init(Q.m); arb_init(Q.v0);
        arb_init(lo); arb_init(hi); arb_init(u); arb_init(w);
        arb_init(a0); arb_init(a1); arb_init(v0t); arb_init(v1t); arb_init(xe);
        Q.S = S;
        ode_problem_init(P, 1);
        ode_options_init(opt);
        ode_solution_init(sol, 1);

        arb_set_str(u, "0.1", prec);
        arb_set_ui(w, 20);
        switch (type)
        {
            case 0:
                arb_set_ui(lo, 1 + n_randint(state, 4));
                arb_mul_2exp_si(lo, lo, -1);
                sched_set_const(S, lo);
                arb_zero(lo); arb_set_ui(hi, 5);
                break;
            case 1:
                sched_set_vp(S, u, w);
                arb_set_str(lo, "0.001", prec); arb_one(hi);
                break;
            case 2:
                sched_set_simple(S);
                arb_set_str(lo, "0.01", prec); arb_one(hi);
                break;
            case 3:
                sched_set_cosine(S);
                arb_set_str(lo, "0.01", prec); arb_set_str(hi, "0.9", prec);
                break;
            case 4:
                arb_set_str(u, "0.01", prec); arb_set_ui(w, 50);
                sched_set_ve(S, u, w);
                arb_zero(lo); arb_one(hi);
                break;
            default:
                sched_set_subvp(S, u, w);
                arb_set_str(lo, "0.001", prec); arb_one(hi);
                break;
        }

        /* times lo + (hi - lo) j / 64, distinct */
        {
            slong j0 = n_randint(state, 65), j1;
            do j1 = n_randint(state, 65); while (j1 == j0);
            arb_sub(u, hi, lo, prec);
            arb_mul_ui(P->t0, u, j0, prec);
            arb_mul_2exp_si(P->t0, P->t0, -6);
            arb_add(P->t0, P->t0, lo, prec);
            arb_mul_ui(P->t1, u, j1, prec);
            arb_mul_2exp_si(P->t1, P->t1, -6);
            arb_add(P->t1, P->t1, lo, prec);
        }
        arb_set_si(Q.m, (slong) n_randint(state, 33) - 16);
        arb_mul_2exp_si(Q.m, Q.m, -3);
        arb_set_ui(Q.v0, 1 + n_randint(state, 32));
        arb_mul_2exp_si(Q.v0, Q.v0, -4);
        arb_set_si(P->x0, (slong) n_randint(state, 129) - 64);
        arb_mul_2exp_si(P->x0, P->x0, -4);
        if (n_randint(state, 2))
        {
            opt->order = 6 + n_randint(state, 10);
            arb_one(opt->tol);
            arb_mul_2exp_si(opt->tol, opt->tol, -10 - (slong) n_randint(state, 20));
        }

        ode_problem_set_rhs(P, pf_rhs, use_jac ? pf_jac : NULL, &Q);
        status = ode_solve(sol, P, opt, prec);

        sched_a(a0, S, P->t0, prec);
        sched_a(a1, S, P->t1, prec);
        vt(v0t, S, Q.v0, P->t0, prec);
        vt(v1t, S, Q.v0, P->t1, prec);
        arb_div(u, v1t, v0t, prec);
        arb_sqrt(u, u, prec);
        arb_mul(w, a0, Q.m, prec);
        arb_sub(w, P->x0, w, prec);
        arb_mul(xe, u, w, prec);
        arb_addmul(xe, a1, Q.m, prec);

        if (status != ODE_SUCCESS || !arb_overlaps(sol->x, xe))
        {
            flint_printf("FAIL iter %wd type %d (%s) jac %d status %s\n", iter, type,
                         sched_name(S->type), use_jac, ode_status_str(status));
            flint_printf("t0 = "); arb_printd(P->t0, 15);
            flint_printf("  t1 = "); arb_printd(P->t1, 15); flint_printf("\n");
            flint_printf("m = "); arb_printd(Q.m, 15); flint_printf("  v0 = "); arb_printd(Q.v0, 15);
            flint_printf("  x0 = "); arb_printd(P->x0, 15); flint_printf("\n");
            flint_printf("enclosure = "); arb_printd(sol->x, 30); flint_printf("\n");
            flint_printf("exact     = "); arb_printd(xe, 30); flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        sched_clear(S);
        arb_clear(Q.m); arb_clear(Q.v0);
        arb_clear(lo); arb_clear(hi); arb_clear(u); arb_clear(w);
        arb_clear(a0); arb_clear(a1); arb_clear(v0t); arb_clear(v1t); arb_clear(xe);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
