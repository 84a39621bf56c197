/* The shooting system of the Euler-Lagrange problem (action.h): contexts,
   the right-hand side on time series (Hamilton's equations, variational
   equations, action and divergence integral), and the flow. */
#include "impl.h"

void
action_shoot_init_forward(action_shoot_t C, const sched_t S, slong d)
{
    C->kind = ACTION_SHOOT_FORWARD;
    C->d = d;
    C->S = S;
    C->M = NULL;
    C->P = NULL;
    arb_init(C->h);
    arb_one(C->h);
    jet_ctx_init(C->jctx, d, 2);
}

void
action_shoot_init_h(action_shoot_t C, const score_t M, const target_t P, const sched_t S,
                    const arb_t h)
{
    C->kind = ACTION_SHOOT_H;
    C->d = P->d;
    C->S = S;
    C->M = M;
    C->P = P;
    arb_init(C->h);
    arb_set(C->h, h);
    jet_ctx_init(C->jctx, P->d, 2);
}

void
action_shoot_clear(action_shoot_t C)
{
    arb_clear(C->h);
    jet_ctx_clear(C->jctx);
}

/* B[i] = b_i, DB[i*d + k] = d_k b_i, HB[(i*d + k)*d + l] = d_k d_l b_i along
   the point x (series of length len).  Returns 0 on success. */
static int
_shoot_drift(arb_poly_struct * B, arb_poly_struct * DB, arb_poly_struct * HB,
             const action_shoot_struct * C, const arb_poly_struct * x, const arb_poly_t f,
             const arb_poly_t g2, const arb_t t, slong len, slong prec)
{
    slong d = C->d, i, k, l;

    for (i = 0; i < d; i++)
    {
        arb_poly_mullow(B + i, f, x + i, len, prec);
        for (k = 0; k < d; k++)
        {
            if (k == i)
                arb_poly_set(DB + i * d + k, f);
            else
                arb_poly_zero(DB + i * d + k);
            for (l = 0; l < d; l++)
                arb_poly_zero(HB + (i * d + k) * d + l);
        }
    }
    if (C->kind == ACTION_SHOOT_H)
    {
        tjet_ctx_t tc;
        tjet_struct * J;
        arb_poly_t c, u;
        arb_t w;
        slong e[64], r;
        int ok = 1;

        if (d > 64)
            return 1;
        tjet_ctx_init(tc, C->jctx, len);
        J = flint_malloc(d * sizeof(tjet_struct));
        for (i = 0; i < d; i++)
            tjet_init(J + i, tc);
        arb_poly_init(c);
        arb_poly_init(u);
        arb_init(w);
        score_tjet(J, C->M, C->P, C->S, t, x, tc, prec);
        /* c = -(1+h)/2 g^2 */
        arb_add_ui(w, C->h, 1, prec);
        arb_mul_2exp_si(w, w, -1);
        arb_neg(w, w);
        arb_poly_scalar_mul(c, g2, w, prec);
        for (i = 0; i < d; i++)
        {
            /* value */
            tjet_get_coeff_arb_poly(u, J + i, 0, tc);
            arb_poly_mullow(u, u, c, len, prec);
            arb_poly_add(B + i, B + i, u, prec);
            for (k = 0; k < d; k++)
            {
                tjet_get_coeff_arb_poly(u, J + i, 1 + k, tc);
                arb_poly_mullow(u, u, c, len, prec);
                arb_poly_add(DB + i * d + k, DB + i * d + k, u, prec);
                for (l = 0; l < d; l++)
                {
                    for (r = 0; r < d; r++)
                        e[r] = 0;
                    e[k]++;
                    e[l]++;
                    r = jet_ctx_index(C->jctx, e);
                    tjet_get_coeff_arb_poly(u, J + i, r, tc);
                    arb_poly_mullow(u, u, c, len, prec);
                    if (k == l)
                        arb_poly_scalar_mul_2exp_si(u, u, 1);
                    arb_poly_set(HB + (i * d + k) * d + l, u);
                }
            }
        }
        for (i = 0; i < d && ok; i++)
            for (r = 0; r < tc->L * C->jctx->len; r++)
                if (!arb_is_finite(J[i].coeffs + r))
                {
                    ok = 0;
                    break;
                }
        for (i = 0; i < d; i++)
            tjet_clear(J + i, tc);
        flint_free(J);
        tjet_ctx_clear(tc);
        arb_poly_clear(c);
        arb_poly_clear(u);
        arb_clear(w);
        if (!ok)
            return 1;
    }
    return 0;
}

int
action_shoot_rhs(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t, slong len,
                 void * param, slong prec)
{
    const action_shoot_struct * C = param;
    slong d = C->d, i, j, k, l;
    const arb_poly_struct * x = y + ACTION_SHOOT_X(d), * p = y + ACTION_SHOOT_P(d),
                          * X = y + ACTION_SHOOT_VX(d), * Pv = y + ACTION_SHOOT_VP(d);
    arb_poly_struct * B, * DB, * HB;
    arb_poly_t f, g2, ng2, u, v;
    int status = 0;

    if (!sched_contains_time(C->S, t))
        return 1;
    B = _action_poly_vec_init(d);
    DB = _action_poly_vec_init(d * d);
    HB = _action_poly_vec_init(d * d * d);
    arb_poly_init(f);
    arb_poly_init(g2);
    arb_poly_init(ng2);
    arb_poly_init(u);
    arb_poly_init(v);

    sched_f_series(f, C->S, t, len, prec);
    sched_g2_series(g2, C->S, t, len, prec);
    arb_poly_scalar_mul(ng2, g2, C->h, prec);          /* nu g^2 (nu = h, or 1) */
    if (_shoot_drift(B, DB, HB, C, x, f, g2, t, len, prec))
    {
        status = 1;
        goto cleanup;
    }

    /* x' = b + nu g^2 p;  p_j' = -sum_i d_j b_i p_i */
    for (i = 0; i < d; i++)
    {
        arb_poly_mullow(u, ng2, p + i, len, prec);
        arb_poly_add(res + ACTION_SHOOT_X(d) + i, B + i, u, prec);
        arb_poly_zero(v);
        for (k = 0; k < d; k++)
        {
            arb_poly_mullow(u, DB + k * d + i, p + k, len, prec);
            arb_poly_sub(v, v, u, prec);
        }
        arb_poly_set(res + ACTION_SHOOT_P(d) + i, v);
    }
    /* X_ij' = sum_k d_k b_i X_kj + nu g^2 Pv_ij;
       Pv_ij' = -sum_l d_i b_l Pv_lj - sum_l sum_k d_i d_k b_l p_l X_kj */
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            arb_poly_mullow(v, ng2, Pv + i * d + j, len, prec);
            for (k = 0; k < d; k++)
            {
                arb_poly_mullow(u, DB + i * d + k, X + k * d + j, len, prec);
                arb_poly_add(v, v, u, prec);
            }
            arb_poly_set(res + ACTION_SHOOT_VX(d) + i * d + j, v);
            arb_poly_zero(v);
            for (l = 0; l < d; l++)
            {
                arb_poly_mullow(u, DB + l * d + i, Pv + l * d + j, len, prec);
                arb_poly_sub(v, v, u, prec);
                for (k = 0; k < d; k++)
                {
                    arb_poly_t w;
                    if (arb_poly_is_zero(HB + (l * d + i) * d + k))
                        continue;
                    arb_poly_init(w);
                    arb_poly_mullow(w, HB + (l * d + i) * d + k, p + l, len, prec);
                    arb_poly_mullow(u, w, X + k * d + j, len, prec);
                    arb_poly_sub(v, v, u, prec);
                    arb_poly_clear(w);
                }
            }
            arb_poly_set(res + ACTION_SHOOT_VP(d) + i * d + j, v);
        }
    /* Jd' = div b */
    arb_poly_zero(v);
    for (i = 0; i < d; i++)
        arb_poly_add(v, v, DB + i * d + i, prec);
    arb_poly_set(res + ACTION_SHOOT_JD(d), v);
    for (i = 0; i < action_shoot_dim(d); i++)
        arb_poly_truncate(res + i, len);

cleanup:
    _action_poly_vec_clear(B, d);
    _action_poly_vec_clear(DB, d * d);
    _action_poly_vec_clear(HB, d * d * d);
    arb_poly_clear(f);
    arb_poly_clear(g2);
    arb_poly_clear(ng2);
    arb_poly_clear(u);
    arb_poly_clear(v);
    return status;
}

int
action_shoot_flow(ode_solution_t sol, const action_shoot_t C, arb_srcptr xa, arb_srcptr pa,
                  const arb_t ta, const arb_t tb, int store, slong prec)
{
    slong d = C->d, n = action_shoot_dim(d), i;
    ode_problem_t Q;
    ode_options_t opt;
    int status;

    ode_problem_init(Q, n);
    ode_options_init(opt);
    ode_problem_set_rhs(Q, action_shoot_rhs, NULL, (void *) C);
    arb_set(Q->t0, ta);
    arb_set(Q->t1, tb);
    _arb_vec_zero(Q->x0, n);
    _arb_vec_set(Q->x0 + ACTION_SHOOT_X(d), xa, d);
    _arb_vec_set(Q->x0 + ACTION_SHOOT_P(d), pa, d);
    for (i = 0; i < d; i++)
        arb_one(Q->x0 + ACTION_SHOOT_VP(d) + i * d + i);
    opt->store = store;
    status = ode_solve(sol, Q, opt, prec);
    ode_options_clear(opt);
    ode_problem_clear(Q);
    return status;
}

/* nu g^2 |p|^2 / 2 along the state series */
static int
_shoot_lagrangian(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t, slong len,
                  void * param, slong prec)
{
    const action_shoot_struct * C = param;
    slong d = C->d, i;
    arb_poly_t g2, u;
    if (!sched_contains_time(C->S, t))
        return 1;
    arb_poly_init(g2);
    arb_poly_init(u);
    sched_g2_series(g2, C->S, t, len, prec);
    arb_poly_zero(res + 0);
    for (i = 0; i < d; i++)
    {
        arb_poly_mullow(u, y + ACTION_SHOOT_P(d) + i, y + ACTION_SHOOT_P(d) + i, len, prec);
        arb_poly_add(res + 0, res + 0, u, prec);
    }
    arb_poly_mullow(res + 0, res + 0, g2, len, prec);
    arb_poly_scalar_mul(res + 0, res + 0, C->h, prec);
    arb_poly_scalar_mul_2exp_si(res + 0, res + 0, -1);
    arb_poly_clear(g2);
    arb_poly_clear(u);
    return 0;
}

int
action_shoot_path_action(arb_t A, const ode_solution_t sol, const action_shoot_t C, slong prec)
{
    if (sol->status != ODE_SUCCESS || sol->len == 0
        || !ode_solution_integrate(A, sol, _shoot_lagrangian, 1, (void *) C, prec))
    {
        arb_indeterminate(A);
        return 0;
    }
    return 1;
}
