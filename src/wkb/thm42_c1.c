/*
    wkb_thm42_c1: c_1(x0) by the paper's first-order form (Thm 4.2,
    Eqs. 16-17; math.md section 7), without finite differences:

      1. the characteristic X' = F(X, t), X(t0) = x0 (forward, dense);
      2. U_0 = log q^0_t(X(t) + xi) to degree 2 by the backward jet block
         (N = 1, one block): grad log q^0_t(X(t)) and Lap log q^0_t(X(t))
         are its degree-1 part and twice the trace of its degree-2 part;
      3. the linear system along X(t), forward from t0 to T,
           dx' = DF(X) dx - (g^2/2)(s(X) - grad log q^0_t(X)),   dx(t0) = 0,
           I'  = grad(div F)(X) . dx - (g^2/2)(div s(X) - Lap log q^0_t(X)),
                                                             I(t0) = 0,
         integrated with ode_solve (Jacobian given: Lohner);
      4. c_1 = dx(T) . grad log pi(X(T)) + I(T).

    DF, grad div F, s and div s come from the score's (xi, tau)-jet at
    X(t + tau) (degree 3), U_0's series from the backward block's dense
    output; every coefficient encloses the true one at every time of the
    ball t, so the result encloses c_1(x0).  WKB_FAIL if a solve failed.
*/
#include "transport_impl.h"

/* res (d+1 series) = A y + b truncated at len; J: the matrix A. */
static int
_aux(arb_poly_struct * res, arb_poly_struct * J, const arb_poly_struct * y, const arb_t t,
     slong len, _wkb_tr_struct * T, slong prec)
{
    slong d = T->d, i, j, L, mD;
    _wkb_tr_slot_struct * s;
    arb_poly_t a, u;
    int ok;

    s = _wkb_tr_slot(T, t, FLINT_MAX(len, T->Lc), prec);
    if (s == NULL || !_wkb_tr_slot_block(T, s, 0, prec))
        return 1;
    L = s->L;
    mD = T->mD[0];
    arb_poly_init(a);
    arb_poly_init(u);

#define SER(p, ptr) do { arb_poly_fit_length(p, len); _arb_vec_set((p)->coeffs, ptr, len); \
        _arb_poly_set_length(p, len); _arb_poly_normalise(p); } while (0)

    if (J != NULL)
    {
        for (i = 0; i <= d; i++)
            for (j = 0; j <= d; j++)
            {
                arb_poly_struct * e = J + i * (d + 1) + j;
                if (j == d)
                    arb_poly_zero(e);
                else if (i < d)
                    SER(e, tjet_coeff(s->G + i, 1 + j, s->ctx));
                else
                    SER(e, tjet_coeff(s->divF, 1 + j, s->ctx));
            }
    }
    if (res != NULL)
    {
        arb_ptr w = _arb_vec_init(L);
        for (i = 0; i <= d; i++)
        {
            /* inhomogeneous part: -(g^2/2)(s_i - d_i u0) or -(g^2/2)(div s - Lap u0) */
            if (i < d)
                _arb_vec_sub(w, tjet_coeff(s->S + i, 0, s->ctx), s->Ds[0] + (i * mD) * L, L, prec);
            else
                _arb_vec_sub(w, tjet_coeff(s->divs, 0, s->ctx), s->Ls[0], L, prec);
            _arb_vec_neg(w, w, L);
            SER(a, w);
            SER(u, s->hg2);
            arb_poly_mullow(res + i, a, u, len, prec);
            for (j = 0; j < d; j++)
            {
                if (i < d)
                    SER(a, tjet_coeff(s->G + i, 1 + j, s->ctx));
                else
                    SER(a, tjet_coeff(s->divF, 1 + j, s->ctx));
                arb_poly_mullow(u, a, y + j, len, prec);
                arb_poly_add(res + i, res + i, u, prec);
            }
        }
        _arb_vec_clear(w, L);
    }
#undef SER
    ok = 1;
    if (res != NULL)
        for (i = 0; i <= d; i++)
            ok = ok && _arb_vec_is_finite(res[i].coeffs, res[i].length);
    arb_poly_clear(a);
    arb_poly_clear(u);
    return ok ? 0 : 1;
}

static int
_aux_rhs(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t, slong len,
         void * param, slong prec)
{
    return _aux(res, NULL, y, t, len, param, prec);
}

static int
_aux_jac(arb_poly_struct * J, const arb_poly_struct * y, const arb_t t, slong len,
         void * param, slong prec)
{
    return _aux(NULL, J, y, t, len, param, prec);
}

int
wkb_thm42_c1(arb_t res, const problem_t P, arb_srcptr x, wkb_transport_opt_t opt, slong prec)
{
    _wkb_tr_t T;
    slong d = P->dim;
    int ok;

    if (d < 1 || P->data == NULL)
    {
        arb_indeterminate(res);
        return WKB_UNSUPPORTED;
    }

    _wkb_tr_init(T, P, 1, 1, opt);
    ok = _wkb_tr_forward(T, x, prec);
    if (ok)
        ok = _wkb_tr_backward(T, prec);
    if (opt != NULL)
        opt->steps_aux = 0;
    if (ok)
    {
        ode_problem_t Q;
        ode_options_t o;
        ode_solution_t sol;
        arb_ptr gp = _arb_vec_init(d);

        ode_problem_init(Q, d + 1);
        ode_options_init(o);
        ode_solution_init(sol, d + 1);
        ode_problem_set_rhs(Q, _aux_rhs, _aux_jac, T);
        arb_set(Q->t0, P->t0);
        arb_set(Q->t1, P->T);
        _arb_vec_zero(Q->x0, d + 1);
        o->order = (T->order_bwd > 0) ? T->order_bwd : _wkb_tr_default_order(prec);
        if (T->max_steps > 0)
            o->max_steps = T->max_steps;
        o->store = 1;
        ok = (ode_solve(sol, Q, o, prec) == ODE_SUCCESS);
        if (opt != NULL)
            opt->steps_aux = sol->len;
        if (ok)
        {
            /* grad log pi at X(T) */
            if (P->prior == PRIOR_MARGINAL)
                target_score(gp, P->data, P->sde, P->T, T->fwd->x, prec);
            else
                _arb_vec_neg(gp, T->fwd->x, d);
            arb_dot(res, sol->x + d, 0, sol->x, 1, gp, 1, d, prec);
            ok = arb_is_finite(res);
        }
        _arb_vec_clear(gp, d);
        ode_solution_clear(sol);
        ode_options_clear(o);
        ode_problem_clear(Q);
    }
    if (opt != NULL)
    {
        opt->steps_fwd = T->steps_fwd;
        opt->steps_bwd = T->steps_bwd;
        opt->jac_switched = T->jac_switched;
    }
    if (!ok)
        arb_indeterminate(res);
    _wkb_tr_clear(T);
    return ok ? WKB_OK : WKB_FAIL;
}
