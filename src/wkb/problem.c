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

/*
    The model of a problem's route, built once per call: the section 5.1
    model (gauss1d), or the affine model with the data moments (affine); the
    transport route reads the problem directly.
*/
typedef struct
{
    wkb_route route;
    wkb_gauss1d_t g;
    wkb_affine_t a;
    arb_ptr m0;          /* data mean (affine, when moments were asked for) */
    arb_mat_t S0;        /* data covariance */
    int moments;
}
route_model;

static void
route_model_init(route_model * R, const problem_t P, int moments, slong prec)
{
    R->route = wkb_problem_route(P);
    R->moments = 0;
    if (R->route == WKB_ROUTE_GAUSS1D)
    {
        arb_t eps;
        arb_init(eps);
        if (P->score->type == SCORE_SCALED)
            arb_set(eps, P->score->eps);
        wkb_gauss1d_init(R->g);
        wkb_gauss1d_set(R->g, arb_mat_entry(target_cov(P->data, 0), 0, 0), P->sde->beta,
                        P->T, eps);
        if (P->prior == PRIOR_MARGINAL)
            wkb_gauss1d_set_prior_exact(R->g, prec);
        arb_clear(eps);
    }
    else if (R->route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_init(R->a, P->dim);
        wkb_affine_set_problem(R->a, P, prec);
        if (moments)
        {
            arb_t one, zero;
            arb_init(one);
            arb_init(zero);
            arb_one(one);
            R->moments = 1;
            R->m0 = _arb_vec_init(P->dim);
            arb_mat_init(R->S0, P->dim, P->dim);
            _target_moments(R->m0, R->S0, P->data, one, zero, prec);   /* p_0 */
            arb_clear(one);
            arb_clear(zero);
        }
    }
}

static void
route_model_clear(route_model * R, const problem_t P)
{
    if (R->route == WKB_ROUTE_GAUSS1D)
        wkb_gauss1d_clear(R->g);
    else if (R->route == WKB_ROUTE_AFFINE)
    {
        wkb_affine_clear(R->a);
        if (R->moments)
        {
            _arb_vec_clear(R->m0, P->dim);
            arb_mat_clear(R->S0);
        }
    }
}

int
wkb_problem_loglik_series(arb_poly_t res, const problem_t P, arb_srcptr x, slong N, slong prec)
{
    route_model R;
    int status = WKB_OK;
    route_model_init(&R, P, 0, prec);
    switch (R.route)
    {
        case WKB_ROUTE_GAUSS1D: wkb_gauss1d_loglik_series(res, R.g, x, N, prec); break;
        case WKB_ROUTE_AFFINE: status = wkb_affine_loglik_series(res, R.a, x, N, prec); break;
        case WKB_ROUTE_TRANSPORT:
            status = wkb_transport_loglik_series(res, P, x, N, NULL, prec); break;
        default: status = WKB_UNSUPPORTED;
    }
    route_model_clear(&R, P);
    return status;
}

int
wkb_problem_loglik(arb_t res, const problem_t P, arb_srcptr x, const arb_t h, slong prec)
{
    route_model R;
    int status = WKB_OK;
    route_model_init(&R, P, 0, prec);
    switch (R.route)
    {
        case WKB_ROUTE_GAUSS1D: wkb_gauss1d_loglik(res, R.g, x, h, prec); break;
        case WKB_ROUTE_AFFINE: status = wkb_affine_loglik(res, R.a, x, h, prec); break;
        default: status = WKB_UNSUPPORTED;
    }
    route_model_clear(&R, P);
    return status;
}

int
wkb_problem_nll_series(arb_poly_t res, const problem_t P, slong N, slong prec)
{
    route_model R;
    int status = WKB_OK;
    route_model_init(&R, P, 1, prec);
    switch (R.route)
    {
        case WKB_ROUTE_GAUSS1D: wkb_gauss1d_nll_series(res, R.g, N, prec); break;
        case WKB_ROUTE_AFFINE:
            status = wkb_affine_nll_series(res, R.a, R.m0, R.S0, N, prec); break;
        default: status = WKB_UNSUPPORTED;
    }
    route_model_clear(&R, P);
    return status;
}

int
wkb_problem_nll(arb_t res, const problem_t P, const arb_t h, slong prec)
{
    route_model R;
    int status = WKB_OK;
    route_model_init(&R, P, 1, prec);
    switch (R.route)
    {
        case WKB_ROUTE_GAUSS1D: wkb_gauss1d_nll(res, R.g, h, prec); break;
        case WKB_ROUTE_AFFINE: status = wkb_affine_nll(res, R.a, R.m0, R.S0, h, prec); break;
        default: status = WKB_UNSUPPORTED;
    }
    route_model_clear(&R, P);
    return status;
}
