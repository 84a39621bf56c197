/*
    Problem-level WKB entry points: pick a certified route and run it.
*/
#include "diffwkb/wkb.h"

/* 1 if P is the section 5.1 model: dim 1, const schedule, t0 = 0,
   centred Gaussian data, exact or scaled score, normal or marginal prior. */
static int
is_gauss1d(const problem_t P)
{
    const target_struct * D = P->data;
    return P->dim == 1
        && P->sde->type == SCHED_CONST
        && fmpq_is_zero(P->t0_exact)
        && D != NULL && D->n == 1
        && arb_is_zero(target_mean(D, 0))
        && (P->score->type == SCORE_EXACT || P->score->type == SCORE_SCALED);
}

wkb_route
wkb_problem_route(const problem_t P)
{
    if (is_gauss1d(P))
        return WKB_ROUTE_GAUSS1D;
    if (wkb_affine_problem_applies(P))
        return WKB_ROUTE_AFFINE;
    if (P->dim >= 1 && P->data != NULL)
        return WKB_ROUTE_TRANSPORT;
    return WKB_ROUTE_NONE;
}

const char *
wkb_route_name(wkb_route route)
{
    switch (route)
    {
        case WKB_ROUTE_GAUSS1D: return "gauss1d-closed-form";
        case WKB_ROUTE_AFFINE: return "affine-moment-ode";
        case WKB_ROUTE_TRANSPORT: return "jet-transport";
        default: return "none";
    }
}

/* M = the section 5.1 model of P (P must satisfy is_gauss1d). */
static void
gauss1d_from_problem(wkb_gauss1d_t M, const problem_t P, slong prec)
{
    arb_t eps;
    arb_init(eps);
    if (P->score->type == SCORE_SCALED)
        arb_set(eps, P->score->eps);
    wkb_gauss1d_set(M, arb_mat_entry(target_cov(P->data, 0), 0, 0), P->sde->beta, P->T, eps);
    if (P->prior == PRIOR_MARGINAL)
        wkb_gauss1d_set_prior_exact(M, prec);
    arb_clear(eps);
}

/* M = the affine model of P (P must satisfy wkb_affine_problem_applies);
   initialises M. */
static void
affine_from_problem(wkb_affine_t M, const problem_t P, slong prec)
{
    wkb_affine_init(M, P->dim);
    wkb_affine_set_problem(M, P, prec);
}

/* mean (dim) and covariance of the data law p_0 (Gaussian or mixture). */
static void
data_moments(arb_ptr m0, arb_mat_t S0, const problem_t P, slong prec)
{
    arb_t a, s2;
    arb_init(a);
    arb_init(s2);
    arb_one(a);
    _target_moments(m0, S0, P->data, a, s2, prec);
    arb_clear(a);
    arb_clear(s2);
}

int
wkb_problem_loglik_series(arb_poly_t res, const problem_t P, arb_srcptr x, slong N, slong prec)
{
    wkb_route route = wkb_problem_route(P);
    int status;
    if (route == WKB_ROUTE_GAUSS1D)
    {
        wkb_gauss1d_t M;
        wkb_gauss1d_init(M);
        gauss1d_from_problem(M, P, prec);
        wkb_gauss1d_loglik_series(res, M, x, N, prec);
        wkb_gauss1d_clear(M);
        return WKB_OK;
    }
    if (route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_t M;
        affine_from_problem(M, P, prec);
        status = wkb_affine_loglik_series(res, M, x, N, prec);
        wkb_affine_clear(M);
        return status;
    }
    if (route == WKB_ROUTE_TRANSPORT)
        return wkb_transport_loglik_series(res, P, x, N, NULL, prec);
    return WKB_UNSUPPORTED;
}

int
wkb_problem_loglik(arb_t res, const problem_t P, arb_srcptr x, const arb_t h, slong prec)
{
    wkb_route route = wkb_problem_route(P);
    int status;
    if (route == WKB_ROUTE_GAUSS1D)
    {
        wkb_gauss1d_t M;
        wkb_gauss1d_init(M);
        gauss1d_from_problem(M, P, prec);
        wkb_gauss1d_loglik(res, M, x, h, prec);
        wkb_gauss1d_clear(M);
        return WKB_OK;
    }
    if (route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_t M;
        affine_from_problem(M, P, prec);
        status = wkb_affine_loglik(res, M, x, h, prec);
        wkb_affine_clear(M);
        return status;
    }
    return WKB_UNSUPPORTED;
}

int
wkb_problem_nll_series(arb_poly_t res, const problem_t P, slong N, slong prec)
{
    wkb_route route = wkb_problem_route(P);
    int status;
    if (route == WKB_ROUTE_GAUSS1D)
    {
        wkb_gauss1d_t M;
        wkb_gauss1d_init(M);
        gauss1d_from_problem(M, P, prec);
        wkb_gauss1d_nll_series(res, M, N, prec);
        wkb_gauss1d_clear(M);
        return WKB_OK;
    }
    if (route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_t M;
        arb_ptr m0 = _arb_vec_init(P->dim);
        arb_mat_t S0;
        arb_mat_init(S0, P->dim, P->dim);
        affine_from_problem(M, P, prec);
        data_moments(m0, S0, P, prec);
        status = wkb_affine_nll_series(res, M, m0, S0, N, prec);
        wkb_affine_clear(M);
        _arb_vec_clear(m0, P->dim);
        arb_mat_clear(S0);
        return status;
    }
    return WKB_UNSUPPORTED;
}

int
wkb_problem_nll(arb_t res, const problem_t P, const arb_t h, slong prec)
{
    wkb_route route = wkb_problem_route(P);
    int status;
    if (route == WKB_ROUTE_GAUSS1D)
    {
        wkb_gauss1d_t M;
        wkb_gauss1d_init(M);
        gauss1d_from_problem(M, P, prec);
        wkb_gauss1d_nll(res, M, h, prec);
        wkb_gauss1d_clear(M);
        return WKB_OK;
    }
    if (route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_t M;
        arb_ptr m0 = _arb_vec_init(P->dim);
        arb_mat_t S0;
        arb_mat_init(S0, P->dim, P->dim);
        affine_from_problem(M, P, prec);
        data_moments(m0, S0, P, prec);
        status = wkb_affine_nll(res, M, m0, S0, h, prec);
        wkb_affine_clear(M);
        _arb_vec_clear(m0, P->dim);
        arb_mat_clear(S0);
        return status;
    }
    return WKB_UNSUPPORTED;
}
