/* action_shoot_classical: Newton's iteration on the initial momentum, then
   the Krawczyk test proving a unique zero of the shooting map in a box,
   then the action, divergence integral and fluctuation determinant along
   the certified path (action.h). */
#include "impl.h"

/* G = x(tb) - xb and Jm = X(tb) for the momentum pa; returns ode status */
static int
_shoot_eval(arb_ptr G, arb_mat_t Jm, const action_shoot_t C, arb_srcptr xa, arb_srcptr xb,
            arb_srcptr pa, const arb_t ta, const arb_t tb, slong prec)
{
    slong d = C->d, i, j;
    ode_solution_t sol;
    int status;
    ode_solution_init(sol, action_shoot_dim(d));
    status = action_shoot_flow(sol, C, xa, pa, ta, tb, 0, prec);
    if (status == ODE_SUCCESS)
    {
        if (G != NULL)
            _arb_vec_sub(G, sol->x + ACTION_SHOOT_X(d), xb, d, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                arb_set(arb_mat_entry(Jm, i, j), sol->x + ACTION_SHOOT_VX(d) + i * d + j);
    }
    ode_solution_clear(sol);
    return status;
}

/* y = A x */
static void
_matvec(arb_ptr y, const arb_mat_t A, arb_srcptr x, slong prec)
{
    slong i;
    for (i = 0; i < arb_mat_nrows(A); i++)
        arb_dot(y + i, NULL, 0, arb_mat_entry(A, i, 0), 1, x, 1, arb_mat_ncols(A), prec);
}

int
action_shoot_classical(arb_ptr pa, arb_t A, arb_t Jd, arb_t D, const action_shoot_t C,
                       arb_srcptr xa, arb_srcptr xb, const arb_t ta, const arb_t tb,
                       slong prec)
{
    slong d = C->d, i, it, attempt;
    slong nprec = FLINT_MAX(64, prec / 2);
    arb_ptr p = _arb_vec_init(d), G = _arb_vec_init(d), dp = _arb_vec_init(d),
            Pbox = _arb_vec_init(d), K = _arb_vec_init(d), w = _arb_vec_init(d);
    arb_mat_t Jm, Cm, M;
    arb_t nrm, r, c;
    int result = ACTION_SHOOT_NO_NEWTON, converged = 0;

    arb_mat_init(Jm, d, d);
    arb_mat_init(Cm, d, d);
    arb_mat_init(M, d, d);
    arb_init(nrm);
    arb_init(r);
    arb_init(c);

    /* Newton from p = 0, midpoints only (heuristic: the test below certifies) */
    for (it = 0; it < 60 && !converged; it++)
    {
        if (_shoot_eval(G, Jm, C, xa, xb, p, ta, tb, nprec) != ODE_SUCCESS)
        {
            result = ACTION_SHOOT_ODE_FAIL;
            goto fail;
        }
        arb_mat_get_mid(Jm, Jm);
        for (i = 0; i < d; i++)
            arb_get_mid_arb(G + i, G + i);
        {
            arb_mat_t rhs, sol;
            arb_mat_init(rhs, d, 1);
            arb_mat_init(sol, d, 1);
            for (i = 0; i < d; i++)
                arb_set(arb_mat_entry(rhs, i, 0), G + i);
            if (!arb_mat_approx_solve(sol, Jm, rhs, nprec))
            {
                arb_mat_clear(rhs);
                arb_mat_clear(sol);
                goto fail;
            }
            arb_zero(nrm);
            arb_zero(c);
            for (i = 0; i < d; i++)
            {
                arb_set(dp + i, arb_mat_entry(sol, i, 0));
                arb_sub(p + i, p + i, dp + i, nprec);
                arb_get_mid_arb(p + i, p + i);
                arb_abs(r, dp + i);
                arb_max(nrm, nrm, r, nprec);
                arb_abs(r, p + i);
                arb_max(c, c, r, nprec);
            }
            arb_mat_clear(rhs);
            arb_mat_clear(sol);
        }
        /* |dp| <= 2^(-nprec/2 - 8) max(1, |p|) */
        arb_one(r);
        arb_max(c, c, r, nprec);
        arb_mul_2exp_si(c, c, -nprec / 2 - 8);
        if (arb_le(nrm, c))
            converged = 1;
    }
    if (!converged)
        goto fail;

    /* Krawczyk at full precision: G(p~), C = mid(G'(p~))^{-1} */
    result = ACTION_SHOOT_NOT_CERTIFIED;
    if (_shoot_eval(G, Jm, C, xa, xb, p, ta, tb, prec) != ODE_SUCCESS)
    {
        result = ACTION_SHOOT_ODE_FAIL;
        goto fail;
    }
    arb_mat_get_mid(M, Jm);
    if (!arb_mat_approx_inv(Cm, M, prec))
        goto fail;
    _matvec(w, Cm, G, prec);                        /* C G(p~) */
    arb_zero(nrm);
    arb_zero(c);
    for (i = 0; i < d; i++)
    {
        arb_abs(r, w + i);
        arb_max(nrm, nrm, r, prec);
        arb_abs(r, p + i);
        arb_max(c, c, r, prec);
    }
    arb_one(r);
    arb_max(c, c, r, prec);
    arb_mul_2exp_si(c, c, -prec / 2);               /* minimal radius */
    arb_mul_2exp_si(nrm, nrm, 3);
    arb_max(r, nrm, c, prec);
    arb_get_ubound_arf(arb_midref(r), r, prec);
    mag_zero(arb_radref(r));
    for (attempt = 0; attempt < 6; attempt++)
    {
        int inside = 1;
        for (i = 0; i < d; i++)
        {
            arb_set(Pbox + i, p + i);
            arb_add_error(Pbox + i, r);
        }
        if (_shoot_eval(NULL, Jm, C, xa, xb, Pbox, ta, tb, prec) != ODE_SUCCESS)
        {
            result = ACTION_SHOOT_ODE_FAIL;
            goto fail;
        }
        /* K = p~ - C G(p~) + (I - C G'(P)) (P - p~) */
        arb_mat_mul(M, Cm, Jm, prec);
        arb_mat_neg(M, M);
        for (i = 0; i < d; i++)
            arb_add_ui(arb_mat_entry(M, i, i), arb_mat_entry(M, i, i), 1, prec);
        for (i = 0; i < d; i++)
            arb_sub(dp + i, Pbox + i, p + i, prec);
        _matvec(K, M, dp, prec);
        for (i = 0; i < d; i++)
        {
            arb_add(K + i, K + i, p + i, prec);
            arb_sub(K + i, K + i, w + i, prec);
            if (!arb_contains_interior(Pbox + i, K + i))
                inside = 0;
        }
        if (inside)
        {
            result = ACTION_SHOOT_OK;
            break;
        }
        arb_mul_2exp_si(r, r, 4);
    }
    if (result != ACTION_SHOOT_OK)
        goto fail;

    /* the certified path: start from the whole box K */
    {
        ode_solution_t sol;
        ode_solution_init(sol, action_shoot_dim(d));
        if (action_shoot_flow(sol, C, xa, K, ta, tb, A != NULL, prec) != ODE_SUCCESS
            || (A != NULL && !action_shoot_path_action(A, sol, C, prec)))
            result = ACTION_SHOOT_ODE_FAIL;
        else
        {
            if (pa != NULL)
                _arb_vec_set(pa, K, d);
            if (Jd != NULL)
                arb_set(Jd, sol->x + ACTION_SHOOT_JD(d));
            if (D != NULL)
            {
                slong j;
                for (i = 0; i < d; i++)
                    for (j = 0; j < d; j++)
                        arb_set(arb_mat_entry(M, i, j),
                                sol->x + ACTION_SHOOT_VX(d) + i * d + j);
                arb_mat_det(D, M, prec);
            }
        }
        ode_solution_clear(sol);
    }
    if (result == ACTION_SHOOT_OK)
        goto done;

fail:
    if (pa != NULL)
        _arb_vec_indeterminate(pa, d);
    if (A != NULL)
        arb_indeterminate(A);
    if (Jd != NULL)
        arb_indeterminate(Jd);
    if (D != NULL)
        arb_indeterminate(D);
done:
    _arb_vec_clear(p, d);
    _arb_vec_clear(G, d);
    _arb_vec_clear(dp, d);
    _arb_vec_clear(Pbox, d);
    _arb_vec_clear(K, d);
    _arb_vec_clear(w, d);
    arb_mat_clear(Jm);
    arb_mat_clear(Cm);
    arb_mat_clear(M);
    arb_clear(nrm);
    arb_clear(r);
    arb_clear(c);
    return result;
}
