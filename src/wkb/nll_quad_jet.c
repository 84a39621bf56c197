/*
    wkb_nll_quad_c0_jet: the Taylor jet in x of c_0(x) = log q^0_{t0}(x)
    for a d = 1 problem, at a point or over a whole ball of points.

    In d = 1 the probability-flow log-likelihood is
        c_0(x) = log pi(X_T(x)) + int_{t0}^T div F(X_t(x), t) dt
               = log pi(X_T(x)) + log X_T'(x)
    (Liouville: the variation V = dX_t/dx obeys V' = F'(X_t, t) V, V(t0) = 1,
    so log V(T) = int div F dt, and V > 0).  So the jet of c_0 to degree K
    follows from the jet of the flow map X_T(x + e) = sum_{j<=J} Y_j e^j to
    degree J = K + 1.  Its coefficients obey the jet (higher variational)
    equations
        d/dt sum_j X_j(t) e^j = F(X_0 + delta(e), t)  mod e^{J+1},
        delta = sum_{j>=1} X_j e^j,   X_0(t0) = x, X_1(t0) = 1, X_j(t0) = 0,
    with F(X_0 + delta) = sum_k F_k(X_0, t) delta^k (Horner in delta), the
    F_k being the xi-jet of the drift from score_pf_drift_tjet (on time
    series, as ode_solve wants).  The Jacobian of this right-hand side is
    lower-triangular Toeplitz: d[...]_j/dX_i = G_{j-i}, G(e) = F'(X_0 +
    delta) mod e^{J+1} (the same Horner with the coefficients (k+1) F_{k+1}),
    which ode_solve uses for Lohner's wrapping control.  A ball initial
    point x gives enclosures valid for every point of the ball (ode_solve
    accepts ball initial conditions).

    At T: log pi(Y(e)) is the prior's log-density jet at Y_0 composed with
    Y(e) - Y_0 (arb_poly_compose_series), and log Y'(e) by
    arb_poly_log_series (Y_1 > 0 must be certified, else WKB_FAIL).
*/
#include "nll_quad_impl.h"

typedef _wkb_nll_quad_flow_param _c0_param;

/*
    Horner in d = 1 with the degree growing: R_J = c_J and
    R_k = R_{k+1} D + c_k, where only the e-degrees <= J - k of R_k reach
    the result (D has no constant term and multiplies R_k k more times),
    so the product at step k is taken to degree J - k: about J^3/6 tau-
    convolutions instead of J^3/2 for full-degree products.
*/
void
_wkb_nll_quad_horner(tjet_t R, const tjet_t F, const tjet_ctx_t Fctx, const tjet_t D, slong J,
        int deriv, const tjet_ctx_t ctx, slong prec)
{
    slong L = ctx->L, k, j, a, t, m;
    arb_ptr A, B, tmp;

    if (ctx->jctx->d != 1 || Fctx->L != L)
    {
        flint_printf("_wkb_nll_quad_horner: d = 1 and equal tau-lengths only\n");
        flint_abort();
    }
    A = _arb_vec_init((J + 1) * L);
    B = _arb_vec_init((J + 1) * L);
    for (k = J; k >= 0; k--)
    {
        m = J - k;                          /* the degree of R_k */
        /* B = R_{k+1} D to degree m (B_0 = 0), A = R_{k+1} of degree m - 1 */
        for (j = 1; j <= m; j++)
            for (t = 0; t < L; t++)
            {
                arb_ptr out = B + j * L + t;
                arb_zero(out);
                for (a = 0; a < j; a++)
                    arb_dot(out, out, 0, A + a * L, 1, tjet_coeff(D, j - a, ctx) + t, -1,
                            t + 1, prec);
            }
        /* B_0 = c_k = (k + 1) F_{k+1} if deriv, else F_k */
        if (deriv)
            for (t = 0; t < L; t++)
                arb_mul_ui(B + t, tjet_coeff(F, k + 1, Fctx) + t, k + 1, prec);
        else
            _arb_vec_set(B, tjet_coeff(F, k, Fctx), L);
        tmp = A; A = B; B = tmp;
    }
    _arb_vec_set(R->coeffs, A, (J + 1) * L);
    _arb_vec_clear(A, (J + 1) * L);
    _arb_vec_clear(B, (J + 1) * L);
}

/* Shared part of the callbacks: F (xi-degree J + deriv) at X_0(tau) and
   R = the Horner sum.  Returns 0 on success. */
static int
_jet_rhs(tjet_t R, const arb_poly_struct * x, const arb_t t, slong len,
         const _c0_param * Q, int deriv, slong prec)
{
    const problem_struct * P = Q->P;
    slong J = Q->J, j;
    jet_ctx_t jc, jcF;
    tjet_ctx_t ctx, ctxF;
    tjet_t F, D;
    arb_t tc;
    int ok;

    jet_ctx_init(jc, 1, J);
    jet_ctx_init(jcF, 1, J + deriv);
    tjet_ctx_init(ctx, jc, len);
    tjet_ctx_init(ctxF, jcF, len);
    tjet_init(F, ctxF);
    tjet_init(D, ctx);
    arb_init(tc);

    problem_clip_time(tc, P, t, prec);
    score_pf_drift_tjet(F, P->score, P->data, P->sde, tc, x, ctxF, prec);
    ok = _arb_vec_is_finite(F->coeffs, jcF->len * len);
    if (ok)
    {
        /* delta: monomial j (degree j in d = 1) is the series x[j], j >= 1 */
        for (j = 1; j <= J; j++)
        {
            slong k, n = FLINT_MIN(len, x[j].length);
            for (k = 0; k < n; k++)
                arb_set(tjet_coeff(D, j, ctx) + k, x[j].coeffs + k);
        }
        /* R has the context ctx; the caller's R was initialised with it */
        _wkb_nll_quad_horner(R, F, ctxF, D, J, deriv, ctx, prec);
    }

    arb_clear(tc);
    tjet_clear(D, ctx);
    tjet_clear(F, ctxF);
    tjet_ctx_clear(ctxF);
    tjet_ctx_clear(ctx);
    jet_ctx_clear(jcF);
    jet_ctx_clear(jc);
    return ok ? 0 : 1;
}

static int
_c0_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    const _c0_param * Q = param;
    slong J = Q->J, j;
    jet_ctx_t jc;
    tjet_ctx_t ctx;
    tjet_t R;
    int r;

    jet_ctx_init(jc, 1, J);
    tjet_ctx_init(ctx, jc, len);
    tjet_init(R, ctx);
    r = _jet_rhs(R, x, t, len, Q, 0, prec);
    if (r == 0)
        for (j = 0; j <= J; j++)
            tjet_get_coeff_arb_poly(res + j, R, j, ctx);
    tjet_clear(R, ctx);
    tjet_ctx_clear(ctx);
    jet_ctx_clear(jc);
    return r;
}

static int
_c0_jac(arb_poly_struct * Jm, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    const _c0_param * Q = param;
    slong J = Q->J, n = J + 1, i, j;
    jet_ctx_t jc;
    tjet_ctx_t ctx;
    tjet_t G;
    int r;

    jet_ctx_init(jc, 1, J);
    tjet_ctx_init(ctx, jc, len);
    tjet_init(G, ctx);
    r = _jet_rhs(G, x, t, len, Q, 1, prec);
    if (r == 0)
        for (j = 0; j < n; j++)
            for (i = 0; i < n; i++)
            {
                if (i <= j)
                    tjet_get_coeff_arb_poly(Jm + j * n + i, G, j - i, ctx);
                else
                    arb_poly_zero(Jm + j * n + i);
            }
    tjet_clear(G, ctx);
    tjet_ctx_clear(ctx);
    jet_ctx_clear(jc);
    return r;
}

int
_wkb_nll_quad_c0_from_flow(arb_ptr c, const problem_t P, arb_srcptr Y, slong J, slong prec)
{
    slong K = J - 1, j;
    jet_ctx_t jc;
    jet_t L;
    arb_poly_t y, d, lp, t1;
    int ok = 1;

    jet_ctx_init(jc, 1, K);
    jet_init(L, jc);
    arb_poly_init(y); arb_poly_init(d); arb_poly_init(lp); arb_poly_init(t1);

    /* log-density jet of the prior at Y_0 */
    if (P->prior == PRIOR_MARGINAL)
        target_log_density_jet(L, P->data, P->sde, P->T, Y, jc, prec);
    else
    {
        target_t N01;
        target_init(N01, 1, 1);
        arb_one(target_weight(N01, 0));
        arb_zero(target_mean(N01, 0));
        arb_mat_one(target_cov(N01, 0));
        {
            arb_t a, s2;
            arb_init(a); arb_init(s2);
            arb_one(a);
            _target_log_density_jet(L, N01, a, s2, Y, jc, prec);
            arb_clear(a); arb_clear(s2);
        }
        target_clear(N01);
    }
    for (j = 0; j <= K; j++)
        arb_poly_set_coeff_arb(lp, j, L->coeffs + j);

    /* y = Y(e) - Y_0 (degree <= K suffices: no constant term) */
    for (j = 1; j <= K; j++)
        arb_poly_set_coeff_arb(y, j, Y + j);
    arb_poly_compose_series(t1, lp, y, K + 1, prec);

    /* d = Y'(e) to degree K */
    for (j = 1; j <= J; j++)
    {
        arb_t m;
        arb_init(m);
        arb_mul_si(m, Y + j, j, prec);
        arb_poly_set_coeff_arb(d, j - 1, m);
        arb_clear(m);
    }
    if (!arb_is_positive(Y + 1))
        ok = 0;
    else
    {
        arb_poly_log_series(d, d, K + 1, prec);
        arb_poly_add(t1, t1, d, prec);
        for (j = 0; j <= K; j++)
            arb_poly_get_coeff_arb(c + j, t1, j);
        ok = _arb_vec_is_finite(c, K + 1);
    }

    arb_poly_clear(y); arb_poly_clear(d); arb_poly_clear(lp); arb_poly_clear(t1);
    jet_clear(L, jc);
    jet_ctx_clear(jc);
    return ok;
}

int
wkb_nll_quad_c0_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        slong prec)
{
    return _wkb_nll_quad_c0_jet(c, P, x, K, order, NULL, prec);
}

int
_wkb_nll_quad_flow(ode_solution_t sol, const _wkb_nll_quad_flow_param * Q, const arb_t x,
        slong order, const mag_t tol, int store, slong prec)
{
    slong J = Q->J, n = J + 1;
    ode_problem_t OP;
    ode_options_t opt;
    int status;

    ode_problem_init(OP, n);
    ode_options_init(opt);
    ode_problem_set_rhs(OP, _c0_rhs, _c0_jac, (void *) Q);
    arb_set(OP->t0, Q->P->t0);
    arb_set(OP->t1, Q->P->T);
    arb_set(OP->x0 + 0, x);
    arb_one(OP->x0 + 1);
    opt->order = (order > 0) ? order : FLINT_MAX(8, FLINT_MIN(8 + prec / 4, 200));
    opt->store = store;
    if (tol != NULL && !mag_is_zero(tol) && mag_is_finite(tol))
    {
        /* a looser step target (the enclosures stay rigorous): the
           automatic order follows its bits as it follows prec */
        arf_set_mag(arb_midref(opt->tol), tol);
        if (order <= 0 && MAG_EXP(tol) < 0)
            opt->order = FLINT_MAX(8, FLINT_MIN(8 + (-MAG_EXP(tol)) / 4, opt->order));
    }
    if (!arb_is_exact(x))
    {
        /* ball solves may blow up (see wkb.h): fail fast */
        arb_one(opt->max_rad);
        arb_mul_2exp_si(opt->max_rad, opt->max_rad, 40);
    }
    status = ode_solve(sol, OP, opt, prec);
    ode_options_clear(opt);
    ode_problem_clear(OP);
    return status;
}

int
_wkb_nll_quad_c0_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        const mag_t tol, slong prec)
{
    _c0_param Q;
    ode_solution_t sol;
    int res = WKB_OK;

    if (P->dim != 1 || K < 0)
    {
        _arb_vec_indeterminate(c, FLINT_MAX(K + 1, 0));
        return WKB_UNSUPPORTED;
    }
    Q.P = P;
    Q.J = K + 1;
    ode_solution_init(sol, Q.J + 1);
    if (_wkb_nll_quad_flow(sol, &Q, x, order, tol, 0, prec) != ODE_SUCCESS
        || !_wkb_nll_quad_c0_from_flow(c, P, sol->x, Q.J, prec))
    {
        _arb_vec_indeterminate(c, K + 1);
        res = WKB_FAIL;
    }
    ode_solution_clear(sol);
    return res;
}
