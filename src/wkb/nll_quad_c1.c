/*
    _wkb_nll_quad_c1_jet: the Taylor jet in x of the first WKB coefficient
    c_1(x) of a d = 1 problem, at a point or over a whole ball of points,
    from the forward flow alone (no backward solve).

    math.md section 8: c_1(x) = -int_{t0}^T RHS_1(X_t(x), t) dt with
        RHS_1 = (g^2/2) [ s' + s u1 - u2 - u1^2 ],
    s the model score, u1 = d/dy log q^0_t(y), u2 = d^2/dy^2 log q^0_t(y)
    at y = X_t(x), X_t the probability-flow characteristic from X_{t0} = x.
    In d = 1 these follow from the flow map and c_0 (Liouville, as in
    nll_quad_jet.c): along the characteristic
        u_0(X_t(x), t) = c_0(x) - log X'(x, t)      (X' = dX_t/dx > 0),
    so with v(x, t) = c_0(x) - log X'(x, t) and the chain rule
        v_x  = u1 X',                 u1 = (c_0' - X''/X') / X',
        v_xx = u2 X'^2 + u1 X'',      u2 = (c_0'' - (X''' X' - X''^2)/X'^2 - u1 X'') / X'^2,
    everything a polynomial in the x-derivatives of X_t and c_0 and in
    1/X'.  Expanding at x + e, each of X', X'', X''' is a series in e read
    off the flow-map jet X_t(x + e) = sum_j Y_j(t) e^j (degree K + 3 for
    an e-jet of degree K), s(X_t) and s'(X_t) are the score's xi-jet at
    Y_0(t) composed with delta = sum_{j>=1} Y_j e^j (Horner), and c_0', c_0''
    are series in e from the c_0 jet at T (degree K + 2).  So the e-jet of
    RHS_1 is a tjet in (e, tau) along the stored flow, and
    ode_solution_integrate encloses its time integral: c[k] = -(that)_k.

    For a ball x every factor encloses its value for each point of the ball
    (ode_solve's contract for ball initial data, and the c_0 jet's), so
    c[k] encloses the k-th Taylor coefficient of c_1 at every point of the
    ball.  WKB_FAIL if the flow solve fails or X' > 0 is not certified.
*/
#include "nll_quad_impl.h"

typedef struct
{
    const _wkb_nll_quad_flow_param * Q;
    slong K;
    arb_srcptr C1, C2;       /* e-series of c_0' and c_0'' (K + 1 each) */
}
_c1_param;

/* R = the e-jet whose coefficient k is m(k) Y_{k + s}, m(k) = (k+1)...(k+s) */
static void
_derivative_series(tjet_t R, const arb_poly_struct * Y, slong s, slong K,
                   const tjet_ctx_t ctx, slong prec)
{
    slong k, i, j, len = ctx->L;
    tjet_zero(R, ctx);
    for (k = 0; k <= K; k++)
    {
        const arb_poly_struct * y = Y + k + s;
        ulong m = 1;
        arb_ptr r = tjet_coeff(R, k, ctx);
        for (i = 1; i <= s; i++)
            m *= k + i;
        for (j = 0; j < FLINT_MIN(len, y->length); j++)
            arb_mul_ui(r + j, y->coeffs + j, m, prec);
    }
}

/* G callback for ode_solution_integrate: res[k] (k = 0..K) is the tau-series
   of the e^k coefficient of RHS_1 along the flow-map jet series Y. */
static int
_c1_integrand(arb_poly_struct * res, const arb_poly_struct * Y, const arb_t t, slong len,
              void * param, slong prec)
{
    const _c1_param * C = param;
    const problem_struct * P = C->Q->P;
    slong K = C->K, k, j;
    jet_ctx_t jc, jcS;
    tjet_ctx_t ctx, ctxS;
    tjet_t S, D, sv, sp, X1, X2, X3, iX, u1, u2, w, z;
    arb_poly_t hg2;
    arb_t tc;
    int ok;

    jet_ctx_init(jc, 1, K);
    jet_ctx_init(jcS, 1, K + 1);
    tjet_ctx_init(ctx, jc, len);
    tjet_ctx_init(ctxS, jcS, len);
    tjet_init(S, ctxS);
    tjet_init(D, ctx); tjet_init(sv, ctx); tjet_init(sp, ctx);
    tjet_init(X1, ctx); tjet_init(X2, ctx); tjet_init(X3, ctx); tjet_init(iX, ctx);
    tjet_init(u1, ctx); tjet_init(u2, ctx); tjet_init(w, ctx); tjet_init(z, ctx);
    arb_poly_init(hg2);
    arb_init(tc);

    problem_clip_time(tc, P, t, prec);
    score_tjet(S, P->score, P->data, P->sde, tc, Y, ctxS, prec);
    sched_g2_series(hg2, P->sde, tc, len, prec);
    arb_poly_scalar_mul_2exp_si(hg2, hg2, -1);

    /* delta = sum_{j=1..K} Y_j e^j; s(X) and s'(X) as e-jets */
    for (j = 1; j <= K; j++)
    {
        slong i, n = FLINT_MIN(len, Y[j].length);
        for (i = 0; i < n; i++)
            arb_set(tjet_coeff(D, j, ctx) + i, Y[j].coeffs + i);
    }
    _wkb_nll_quad_horner(sv, S, ctxS, D, K, 0, ctx, prec);
    _wkb_nll_quad_horner(sp, S, ctxS, D, K, 1, ctx, prec);

    /* X', X'', X''' and 1/X' */
    _derivative_series(X1, Y, 1, K, ctx, prec);
    _derivative_series(X2, Y, 2, K, ctx, prec);
    _derivative_series(X3, Y, 3, K, ctx, prec);
    ok = arb_is_positive(tjet_coeff(X1, 0, ctx));
    if (ok)
    {
        tjet_inv(iX, X1, ctx, prec);

        /* u1 = (c_0' - X'' / X') / X' */
        tjet_mul(w, X2, iX, ctx, prec);
        tjet_neg(u1, w, ctx);
        for (k = 0; k <= K; k++)
            arb_add(tjet_coeff(u1, k, ctx), tjet_coeff(u1, k, ctx), C->C1 + k, prec);
        tjet_mul(u1, u1, iX, ctx, prec);

        /* u2 = (c_0'' - (X''' X' - X''^2) / X'^2 - u1 X'') / X'^2 */
        tjet_mul(z, iX, iX, ctx, prec);          /* 1/X'^2 */
        tjet_mul(w, X3, X1, ctx, prec);
        tjet_mul(u2, X2, X2, ctx, prec);
        tjet_sub(w, w, u2, ctx, prec);
        tjet_mul(w, w, z, ctx, prec);
        tjet_mul(u2, u1, X2, ctx, prec);
        tjet_add(w, w, u2, ctx, prec);
        tjet_neg(u2, w, ctx);
        for (k = 0; k <= K; k++)
            arb_add(tjet_coeff(u2, k, ctx), tjet_coeff(u2, k, ctx), C->C2 + k, prec);
        tjet_mul(u2, u2, z, ctx, prec);

        /* RHS_1 = (g^2/2) [ s' + s u1 - u2 - u1^2 ] */
        tjet_mul(w, sv, u1, ctx, prec);
        tjet_add(w, w, sp, ctx, prec);
        tjet_sub(w, w, u2, ctx, prec);
        tjet_mul(z, u1, u1, ctx, prec);
        tjet_sub(w, w, z, ctx, prec);
        tjet_scalar_mul_arb_poly(w, w, hg2, ctx, prec);
        for (k = 0; k <= K; k++)
            tjet_get_coeff_arb_poly(res + k, w, k, ctx);
        ok = _arb_vec_is_finite(w->coeffs, (K + 1) * len);
    }

    arb_clear(tc);
    arb_poly_clear(hg2);
    tjet_clear(S, ctxS);
    tjet_clear(D, ctx); tjet_clear(sv, ctx); tjet_clear(sp, ctx);
    tjet_clear(X1, ctx); tjet_clear(X2, ctx); tjet_clear(X3, ctx); tjet_clear(iX, ctx);
    tjet_clear(u1, ctx); tjet_clear(u2, ctx); tjet_clear(w, ctx); tjet_clear(z, ctx);
    tjet_ctx_clear(ctxS);
    tjet_ctx_clear(ctx);
    jet_ctx_clear(jcS);
    jet_ctx_clear(jc);
    return ok ? 0 : 1;
}

int
_wkb_nll_quad_c1_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        const mag_t tol, slong prec)
{
    _wkb_nll_quad_flow_param Q;
    _c1_param C;
    ode_solution_t sol;
    arb_ptr c0, C1, C2;
    slong k;
    int res = WKB_OK;

    if (P->dim != 1 || K < 0)
    {
        _arb_vec_indeterminate(c, FLINT_MAX(K + 1, 0));
        return WKB_UNSUPPORTED;
    }
    Q.P = P;
    Q.J = K + 3;
    c0 = _arb_vec_init(K + 3);
    C1 = _arb_vec_init(K + 1);
    C2 = _arb_vec_init(K + 1);
    ode_solution_init(sol, Q.J + 1);

    if (_wkb_nll_quad_flow(sol, &Q, x, order, tol, 1, prec) != ODE_SUCCESS
        || !_wkb_nll_quad_c0_from_flow(c0, P, sol->x, Q.J, prec))
        res = WKB_FAIL;
    else
    {
        for (k = 0; k <= K; k++)
        {
            arb_mul_ui(C1 + k, c0 + k + 1, k + 1, prec);
            arb_mul_ui(C2 + k, c0 + k + 2, (k + 1) * (k + 2), prec);
        }
        C.Q = &Q;
        C.K = K;
        C.C1 = C1;
        C.C2 = C2;
        if (!ode_solution_integrate(c, sol, _c1_integrand, K + 1, &C, prec))
            res = WKB_FAIL;
        else
        {
            _arb_vec_neg(c, c, K + 1);
            if (!_arb_vec_is_finite(c, K + 1))
                res = WKB_FAIL;
        }
    }
    if (res != WKB_OK)
        _arb_vec_indeterminate(c, K + 1);

    ode_solution_clear(sol);
    _arb_vec_clear(c0, K + 3);
    _arb_vec_clear(C1, K + 1);
    _arb_vec_clear(C2, K + 1);
    return res;
}

int
wkb_nll_quad_c1_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        slong prec)
{
    return _wkb_nll_quad_c1_jet(c, P, x, K, order, NULL, prec);
}
