/*
    wkb_pf_flow_solve, wkb_pf_flow_log_prior, wkb_pf_flow_log_density: the
    certified probability-flow map (flow.h).

    The ode callbacks enclose F = f X - (g^2/2) s_theta and its Jacobian
    along a time-series point through score_pf_drift_tjet: xi-degree 0 for
    F, 1 for DF (and div F), 2 for the gradient of div F (the Jacobian row
    of the accumulated divergence).  The jet contexts of degree 0, 1, 2 are
    built once per solve, not per call.
*/
#include "diffwkb/flow.h"
#include "diffwkb/score.h"

typedef struct
{
    const problem_struct * P;
    slong d, n;          /* n = d + with_div */
    int with_div;
    jet_ctx_t jc[3];     /* xi-degree 0, 1, 2 (2 only with with_div) */
}
_pf_param;

void
wkb_pf_flow_opt_init(wkb_pf_flow_opt_t opt)
{
    opt->order = 0;
    opt->max_steps = 0;
    opt->store = 1;
    arb_init(opt->tol);
    opt->steps = 0;
    opt->rejected = 0;
}

void
wkb_pf_flow_opt_clear(wkb_pf_flow_opt_t opt)
{
    arb_clear(opt->tol);
}

/* F (d tjets of degree K, length len) along x at the time ball t (clipped
   to [t0, T]).  Returns 0 on success (finite coefficients). */
static int
_pf_drift(tjet_struct * F, const tjet_ctx_t ctx, const _pf_param * Q,
          const arb_poly_struct * x, const arb_t t, slong prec)
{
    const problem_struct * P = Q->P;
    arb_t tc;
    slong i;
    int ok = 1;

    arb_init(tc);
    problem_clip_time(tc, P, t, prec);
    if (!sched_contains_time(P->sde, tc))
        ok = 0;
    else
    {
        score_pf_drift_tjet(F, P->score, P->data, P->sde, tc, x, ctx, prec);
        for (i = 0; i < Q->d && ok; i++)
            ok = _arb_vec_is_finite(F[i].coeffs, ctx->jctx->len * ctx->L);
    }
    arb_clear(tc);
    return ok ? 0 : 1;
}

static int
_pf_eval(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
         const _pf_param * Q, int jac, slong prec)
{
    slong d = Q->d, n = Q->n, K = jac + Q->with_div, i, j;
    const jet_ctx_struct * jc = Q->jc[K];
    tjet_ctx_t ctx;
    tjet_struct * F;
    arb_poly_t c;
    int r;

    tjet_ctx_init(ctx, Q->jc[K], len);
    F = flint_malloc(sizeof(tjet_struct) * d);
    for (i = 0; i < d; i++)
        tjet_init(F + i, ctx);
    r = _pf_drift(F, ctx, Q, x, t, prec);
    if (r == 0 && !jac)
    {
        for (i = 0; i < d; i++)
            tjet_get_coeff_arb_poly(res + i, F + i, 0, ctx);
        if (Q->with_div)
        {
            /* div F = sum_i dF_i/dxi_i */
            arb_poly_init(c);
            arb_poly_zero(res + d);
            for (i = 0; i < d; i++)
            {
                tjet_get_coeff_arb_poly(c, F + i, 1 + i, ctx);
                arb_poly_add(res + d, res + d, c, prec);
            }
            arb_poly_clear(c);
        }
    }
    else if (r == 0)
    {
        for (i = 0; i < d; i++)
        {
            for (j = 0; j < d; j++)
                tjet_get_coeff_arb_poly(res + i * n + j, F + i, 1 + j, ctx);
            if (Q->with_div)
                arb_poly_zero(res + i * n + d);
        }
        if (Q->with_div)
        {
            /* d/dx_j div F = sum_i d^2 F_i / dx_i dx_j; the coefficient of
               xi_i xi_j is that derivative times 1/2 (i = j) or 1 (i != j) */
            arb_poly_init(c);
            for (j = 0; j < d; j++)
            {
                arb_poly_struct * J = res + d * n + j;
                arb_poly_zero(J);
                for (i = 0; i < d; i++)
                {
                    tjet_get_coeff_arb_poly(c, F + i, jc->up[(1 + i) * d + j], ctx);
                    if (i == j)
                        arb_poly_scalar_mul_2exp_si(c, c, 1);
                    arb_poly_add(J, J, c, prec);
                }
            }
            arb_poly_zero(res + d * n + d);
            arb_poly_clear(c);
        }
    }
    for (i = 0; i < d; i++)
        tjet_clear(F + i, ctx);
    flint_free(F);
    tjet_ctx_clear(ctx);
    return r;
}

static int
_pf_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    return _pf_eval(res, x, t, len, (const _pf_param *) param, 0, prec);
}

static int
_pf_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    return _pf_eval(J, x, t, len, (const _pf_param *) param, 1, prec);
}

int
wkb_pf_flow_solve_opt(ode_solution_t sol, const problem_t P, arb_srcptr x,
                      const arb_t ta, const arb_t tb, int with_div,
                      wkb_pf_flow_opt_t opt, slong prec)
{
    _pf_param Q;
    ode_problem_t O;
    ode_options_t o;
    slong d = P->dim, n, k;
    int status;

    with_div = (with_div != 0);
    n = d + with_div;
    if (sol->n != n)
    {
        ode_solution_clear(sol);
        ode_solution_init(sol, n);
    }
    if (d < 1 || P->data == NULL)
    {
        _arb_vec_indeterminate(sol->x, n);
        sol->status = ODE_FAIL_INPUT;
        return ODE_FAIL_INPUT;
    }

    Q.P = P;
    Q.d = d;
    Q.n = n;
    Q.with_div = with_div;
    for (k = 0; k <= 1 + with_div; k++)
        jet_ctx_init(Q.jc[k], d, k);

    ode_problem_init(O, n);
    ode_options_init(o);
    ode_problem_set_rhs(O, _pf_rhs, _pf_jac, &Q);
    arb_set(O->t0, ta);
    arb_set(O->t1, tb);
    _arb_vec_set(O->x0, x, d);
    if (with_div)
        arb_zero(O->x0 + d);
    o->order = (opt != NULL && (opt->order > 0 || opt->order == ODE_ORDER_ADAPTIVE))
               ? opt->order : WKB_PF_FLOW_DEFAULT_ORDER(prec);
    if (opt != NULL && opt->max_steps > 0)
        o->max_steps = opt->max_steps;
    o->store = (opt != NULL) ? opt->store : 1;
    if (opt != NULL)
        arb_set(o->tol, opt->tol);
    o->parallel = 1;     /* the callbacks only read Q and P */

    status = ode_solve(sol, O, o, prec);
    if (opt != NULL)
    {
        opt->steps = sol->len;
        opt->rejected = sol->num_rejected;
    }

    ode_options_clear(o);
    ode_problem_clear(O);
    for (k = 0; k <= 1 + with_div; k++)
        jet_ctx_clear(Q.jc[k]);
    /* the stored callbacks refer to Q, which is gone: dense output
       (ode_solution_eval) does not call them; series/integrate must not */
    sol->rhs = NULL;
    sol->jac = NULL;
    sol->param = NULL;
    return status;
}

int
wkb_pf_flow_solve(ode_solution_t sol, const problem_t P, arb_srcptr x, const arb_t ta,
                  const arb_t tb, int with_div, slong prec)
{
    return wkb_pf_flow_solve_opt(sol, P, x, ta, tb, with_div, NULL, prec);
}

void
wkb_pf_flow_log_prior(arb_t res, const problem_t P, arb_srcptr y, slong prec)
{
    slong d = P->dim;

    if (P->prior == PRIOR_MARGINAL)
    {
        target_log_density(res, P->data, P->sde, P->T, y, prec);
    }
    else
    {
        arb_t c;
        arb_init(c);
        /* -(d/2) log(2 pi) - |y|^2 / 2 */
        arb_dot(res, NULL, 0, y, 1, y, 1, d, prec);
        arb_const_log_sqrt2pi(c, prec);
        arb_mul_si(c, c, 2 * d, prec);
        arb_add(res, res, c, prec);
        arb_mul_2exp_si(res, res, -1);
        arb_neg(res, res);
        arb_clear(c);
    }
}

int
wkb_pf_flow_log_density(arb_t res, arb_ptr xT, const problem_t P, arb_srcptr x,
                        wkb_pf_flow_opt_t opt, slong prec)
{
    ode_solution_t sol;
    wkb_pf_flow_opt_t o;
    slong d = P->dim;
    int status;

    wkb_pf_flow_opt_init(o);
    if (opt != NULL)
        *o = *opt;
    else
        o->store = 0;
    ode_solution_init(sol, d + 1);
    status = wkb_pf_flow_solve_opt(sol, P, x, P->t0, P->T, 1, o, prec);
    if (status == ODE_SUCCESS)
    {
        wkb_pf_flow_log_prior(res, P, sol->x, prec);
        arb_add(res, res, sol->x + d, prec);
        if (xT != NULL)
            _arb_vec_set(xT, sol->x, d);
    }
    else
    {
        arb_indeterminate(res);
        if (xT != NULL)
            _arb_vec_indeterminate(xT, d);
    }
    if (opt != NULL)
    {
        opt->steps = o->steps;
        opt->rejected = o->rejected;
    }
    ode_solution_clear(sol);
    wkb_pf_flow_opt_clear(o);
    return status;
}
