/*
    validate_flow_cdf, validate_flow_ks_stat: the CDF of q^0_{t0} in 1D
    through the probability-flow map (see validate.h).
*/
#include "diffwkb/validate.h"
#include "diffwkb/ode.h"

typedef struct
{
    const problem_struct * P;
    jet_ctx_t j0, j1;
}
flow_param;

/* F(x(t+tau), t+tau) = f x - (g^2/2) s_theta, as a tau-series of length len;
   with K = 1 the xi-coefficient is dF/dx. */
static int
_flow_eval(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
           flow_param * Q, int jac, slong prec)
{
    tjet_ctx_t ctx;
    tjet_t F;
    slong i;
    int ok = 1;
    if (!sched_contains_time(Q->P->sde, t))
        return 1;
    tjet_ctx_init(ctx, jac ? Q->j1 : Q->j0, len);
    tjet_init(F, ctx);
    score_pf_drift_tjet(F, Q->P->score, Q->P->data, Q->P->sde, t, x, ctx, prec);
    tjet_get_coeff_arb_poly(res, F, jac ? 1 : 0, ctx);
    for (i = 0; i < len; i++)
    {
        arb_t c;
        arb_init(c);
        arb_poly_get_coeff_arb(c, res, i);
        ok = ok && arb_is_finite(c);
        arb_clear(c);
    }
    tjet_clear(F, ctx);
    tjet_ctx_clear(ctx);
    return ok ? 0 : 1;
}

static int
_flow_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
          void * param, slong prec)
{
    return _flow_eval(res, x, t, len, (flow_param *) param, 0, prec);
}

static int
_flow_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
          void * param, slong prec)
{
    return _flow_eval(J, x, t, len, (flow_param *) param, 1, prec);
}

/* Prior CDF at y. */
static void
_prior_cdf(arb_t F, const problem_t P, const arb_t y, slong prec)
{
    if (P->prior == PRIOR_NORMAL)
    {
        arb_t s;
        arb_init(s);
        arb_sqrt_ui(s, 2, prec);
        arb_div(F, y, s, prec);
        arb_neg(F, F);
        arb_hypgeom_erfc(F, F, prec);
        arb_mul_2exp_si(F, F, -1);
        arb_clear(s);
    }
    else
    {
        target_t Q;
        arb_t a, s2;
        arb_init(a);
        arb_init(s2);
        target_init(Q, 1, 1);
        sched_a(a, P->sde, P->T, prec);
        sched_s2(s2, P->sde, P->T, prec);
        validate_mix_marginal(Q, P->data, a, s2, prec);
        validate_mix_cdf(F, Q, y, prec);
        target_clear(Q);
        arb_clear(a);
        arb_clear(s2);
    }
}

int
validate_flow_cdf(arb_t F, const problem_t P, const arb_t x, slong prec)
{
    flow_param Q;
    ode_problem_t O;
    ode_options_t opt;
    ode_solution_t sol;
    int ok;

    if (P->dim != 1)
    {
        arb_indeterminate(F);
        return 0;
    }
    Q.P = P;
    jet_ctx_init(Q.j0, 1, 0);
    jet_ctx_init(Q.j1, 1, 1);
    ode_problem_init(O, 1);
    ode_options_init(opt);
    ode_solution_init(sol, 1);
    opt->store = 0;
    /* steer the step size for about 30 bits (the KS test needs ~1e-6) */
    arb_one(opt->tol);
    arb_mul_2exp_si(opt->tol, opt->tol, -30);
    opt->order = 8;
    ode_problem_set_rhs(O, _flow_rhs, _flow_jac, &Q);
    arb_set(O->t0, P->t0);
    arb_set(O->t1, P->T);
    arb_set(O->x0, x);
    ok = (ode_solve(sol, O, opt, prec) == ODE_SUCCESS);
    if (ok)
        _prior_cdf(F, P, sol->x, prec);
    else
        arb_indeterminate(F);
    ode_solution_clear(sol);
    ode_options_clear(opt);
    ode_problem_clear(O);
    jet_ctx_clear(Q.j0);
    jet_ctx_clear(Q.j1);
    return ok;
}

int
validate_flow_ks_stat(arb_t D, const problem_t P, const double * xs, slong n, slong grid,
                      slong prec)
{
    slong g, j, idx, lt, le;
    arb_t x, F, a;
    int ok = 1;

    arb_init(x);
    arb_init(F);
    arb_init(a);
    arb_zero(D);
    if (grid > n)
        grid = n;
    if (grid < 1)
        grid = 1;
    for (g = 0; g < grid && ok; g++)
    {
        idx = ((g + 1) * n + grid - 1) / grid - 1;     /* ceil((g+1) n / grid) - 1 */
        arb_set_d(x, xs[idx]);
        ok = validate_flow_cdf(F, P, x, prec);
        /* lt = #{x_i < x}, le = #{x_i <= x} */
        lt = idx;
        while (lt > 0 && xs[lt - 1] == xs[idx])
            lt--;
        le = idx + 1;
        while (le < n && xs[le] == xs[idx])
            le++;
        for (j = 0; j < 2; j++)
        {
            arb_set_si(a, j ? le : lt);
            arb_div_si(a, a, n, prec);
            arb_sub(a, a, F, prec);
            arb_abs(a, a);
            arb_max(D, D, a, prec);
        }
    }
    if (!ok)
        arb_indeterminate(D);
    arb_clear(x);
    arb_clear(F);
    arb_clear(a);
    return ok;
}
