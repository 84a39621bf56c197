/*
    wkb_affine_t: init/clear and setters (schedule, score, prior).
*/
#include "diffwkb/wkb.h"

void
wkb_affine_init(wkb_affine_t M, slong d)
{
    arb_t one;
    M->d = d;
    M->kind = WKB_AFFINE_GAUSS;
    sched_init(M->sde);
    arb_init(one);
    arb_one(one);
    sched_set_const(M->sde, one);
    arb_init(M->t0);
    arb_init(M->T);
    arb_one(M->T);
    arb_init(M->lambda);
    arb_one(M->lambda);
    M->m = _arb_vec_init(d);
    arb_mat_init(M->S, d, d);
    arb_mat_one(M->S);
    arb_mat_init(M->A, d, d);
    M->b = _arb_vec_init(d);
    M->muT = _arb_vec_init(d);
    arb_mat_init(M->SigmaT, d, d);
    arb_mat_one(M->SigmaT);
    M->order = 0;
    arb_clear(one);
}

void
wkb_affine_clear(wkb_affine_t M)
{
    sched_clear(M->sde);
    arb_clear(M->t0);
    arb_clear(M->T);
    arb_clear(M->lambda);
    _arb_vec_clear(M->m, M->d);
    arb_mat_clear(M->S);
    arb_mat_clear(M->A);
    _arb_vec_clear(M->b, M->d);
    _arb_vec_clear(M->muT, M->d);
    arb_mat_clear(M->SigmaT);
}

void
wkb_affine_set_sched(wkb_affine_t M, const sched_t sde, const arb_t t0, const arb_t T)
{
    sched_set(M->sde, sde);
    arb_set(M->t0, t0);
    arb_set(M->T, T);
}

void
wkb_affine_set_score_gauss(wkb_affine_t M, arb_srcptr m, const arb_mat_t S,
        const arb_t lambda)
{
    M->kind = WKB_AFFINE_GAUSS;
    if (m == NULL)
        _arb_vec_zero(M->m, M->d);
    else
        _arb_vec_set(M->m, m, M->d);
    arb_mat_set(M->S, S);
    arb_set(M->lambda, lambda);
}

void
wkb_affine_set_score_const(wkb_affine_t M, const arb_mat_t A, arb_srcptr b)
{
    M->kind = WKB_AFFINE_CONST;
    arb_mat_set(M->A, A);
    if (b == NULL)
        _arb_vec_zero(M->b, M->d);
    else
        _arb_vec_set(M->b, b, M->d);
}

void
wkb_affine_set_prior(wkb_affine_t M, arb_srcptr mean, const arb_mat_t cov)
{
    if (mean == NULL)
        _arb_vec_zero(M->muT, M->d);
    else
        _arb_vec_set(M->muT, mean, M->d);
    arb_mat_set(M->SigmaT, cov);
}

void
wkb_affine_set_prior_normal(wkb_affine_t M)
{
    _arb_vec_zero(M->muT, M->d);
    arb_mat_one(M->SigmaT);
}

void
wkb_affine_set_prior_marginal(wkb_affine_t M, arb_srcptr m, const arb_mat_t S, slong prec)
{
    arb_t a, s2;
    slong i;
    arb_init(a);
    arb_init(s2);
    sched_a(a, M->sde, M->T, prec);
    sched_s2(s2, M->sde, M->T, prec);
    if (m == NULL)
        _arb_vec_zero(M->muT, M->d);
    else
        _arb_vec_scalar_mul(M->muT, m, M->d, a, prec);
    arb_sqr(a, a, prec);
    arb_mat_scalar_mul_arb(M->SigmaT, S, a, prec);
    for (i = 0; i < M->d; i++)
        arb_add(arb_mat_entry(M->SigmaT, i, i), arb_mat_entry(M->SigmaT, i, i), s2, prec);
    arb_clear(a);
    arb_clear(s2);
}
