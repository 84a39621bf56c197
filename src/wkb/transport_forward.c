/*
    _wkb_tr_fwd_rhs, _wkb_tr_fwd_jac, _wkb_tr_forward: the probability-flow
    characteristic X' = F(X, t) = f X - (g^2/2) s(X, t) from X(t0) = x0 to
    T.  The callbacks enclose F and DF along a time-series point through
    _score_pf_drift_tjet (xi-degree 0, resp. 1); the solve keeps its dense
    output, which encloses X(t) on [t0, T].
*/
#include "transport_impl.h"

/* F (d tjets of xi-degree K, length len) along x; 0 on success. */
static int
_drift(tjet_struct * F, const tjet_ctx_t ctx, const _wkb_tr_struct * T,
       const arb_poly_struct * x, const arb_t t, slong prec)
{
    const problem_struct * P = T->P;
    slong i;
    int ok = 1;
    arb_t tc;
    arb_init(tc);
    problem_clip_time(tc, P, t, prec);
    score_pf_drift_tjet(F, P->score, P->data, P->sde, tc, x, ctx, prec);
    arb_clear(tc);
    for (i = 0; i < T->d && ok; i++)
        ok = _arb_vec_is_finite(F[i].coeffs, ctx->jctx->len * ctx->L);
    return ok ? 0 : 1;
}

/* F (jac = 0: res[0..d-1]) or DF (jac = 1: res[i*d + j] = dF_i/dx_j) along x,
   from the drift tjets of xi-degree jac; 0 on success. */
static int
_fwd_eval(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
          _wkb_tr_struct * T, int jac, slong prec)
{
    slong d = T->d, i, j;
    jet_ctx_t jc;
    tjet_ctx_t ctx;
    tjet_struct * F;
    int r;

    jet_ctx_init(jc, d, jac);
    tjet_ctx_init(ctx, jc, len);
    F = flint_malloc(sizeof(tjet_struct) * d);
    for (i = 0; i < d; i++)
        tjet_init(F + i, ctx);
    r = _drift(F, ctx, T, x, t, prec);
    if (r == 0)
        for (i = 0; i < d; i++)
        {
            if (!jac)
                tjet_get_coeff_arb_poly(res + i, F + i, 0, ctx);
            else
                for (j = 0; j < d; j++)
                    tjet_get_coeff_arb_poly(res + i * d + j, F + i, 1 + j, ctx);
        }
    for (i = 0; i < d; i++)
        tjet_clear(F + i, ctx);
    flint_free(F);
    tjet_ctx_clear(ctx);
    jet_ctx_clear(jc);
    return r;
}

int
_wkb_tr_fwd_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec)
{
    return _fwd_eval(res, x, t, len, param, 0, prec);
}

int
_wkb_tr_fwd_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec)
{
    return _fwd_eval(J, x, t, len, param, 1, prec);
}

int
_wkb_tr_forward(_wkb_tr_t T, arb_srcptr x, slong prec)
{
    const problem_struct * P = T->P;
    ode_problem_t Q;
    ode_options_t opt;
    int status;

    ode_problem_init(Q, T->d);
    ode_options_init(opt);
    ode_problem_set_rhs(Q, _wkb_tr_fwd_rhs, _wkb_tr_fwd_jac, T);
    arb_set(Q->t0, P->t0);
    arb_set(Q->t1, P->T);
    _arb_vec_set(Q->x0, x, T->d);
    opt->order = (T->order_fwd > 0) ? T->order_fwd : _wkb_tr_default_order(prec);
    if (T->max_steps > 0)
        opt->max_steps = T->max_steps;
    opt->store = 1;
    opt->parallel = 1;   /* the callbacks only read T's problem */

    status = ode_solve(T->fwd, Q, opt, prec);
    T->have_fwd = (status == ODE_SUCCESS);
    T->steps_fwd = T->fwd->len;
    /* slots computed before (none expected) would refer to an old pass */
    {
        slong j;
        for (j = 0; j < _WKB_TR_SLOTS; j++)
            T->slot[j].valid = 0;
    }

    ode_options_clear(opt);
    ode_problem_clear(Q);
    return T->have_fwd;
}
