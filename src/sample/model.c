/*
    The double model: conversion of a problem's Arb data (once) and checks.
*/
#include <math.h>
#include <stdio.h>
#include "diffwkb/sample.h"

static double
mid_d(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

void
sample_model_init(sample_model_t M, slong d)
{
    M->d = d;
    sample_sched_set_d(M->sched, SCHED_CONST, 1.0, 0.0);
    sample_mix_init(M->data, d, 0);
    sample_mix_init(M->other, d, 0);
    M->score = SCORE_EXACT;
    M->eps = 0.0;
    M->A = (double *) flint_calloc(FLINT_MAX(d * d, 1), sizeof(double));
    M->b = (double *) flint_calloc(FLINT_MAX(d, 1), sizeof(double));
    M->prior = PRIOR_NORMAL;
    M->t0 = 0.0;
    M->T = 1.0;
}

void
sample_model_clear(sample_model_t M)
{
    sample_mix_clear(M->data);
    sample_mix_clear(M->other);
    flint_free(M->A);
    flint_free(M->b);
}

int
sample_model_check(const sample_model_t M, char * err, size_t errlen)
{
    const sample_sched_struct * S = M->sched;

    if (M->d < 1)
    {
        snprintf(err, errlen, "dim: must be at least 1");
        return SAMPLE_EINPUT;
    }
    if (M->data->n < 1 || M->data->d != M->d)
    {
        snprintf(err, errlen, "data: no components of dimension %ld", (long) M->d);
        return SAMPLE_EINPUT;
    }
    if (M->score == SCORE_OTHER && (M->other->n < 1 || M->other->d != M->d))
    {
        snprintf(err, errlen, "score: the model law has no components of dimension %ld",
                 (long) M->d);
        return SAMPLE_EINPUT;
    }
    if (!isfinite(M->t0) || !isfinite(M->T) || !(M->t0 >= 0.0) || !(M->T > M->t0))
    {
        snprintf(err, errlen, "sde: need 0 <= t0 < T (t0 = %g, T = %g)", M->t0, M->T);
        return SAMPLE_EINPUT;
    }
    if (S->type == SCHED_COSINE && !(M->T < 1.0))
    {
        snprintf(err, errlen, "sde.T: the cosine schedule needs T < 1 (T = %g)", M->T);
        return SAMPLE_EINPUT;
    }
    if (!isfinite(S->beta) || !isfinite(S->b0) || !isfinite(S->b1) || !isfinite(S->L)
        || (S->type == SCHED_VE && !(S->smin > 0.0 && S->smax > 0.0)))
    {
        snprintf(err, errlen, "sde: schedule parameter out of range in double precision");
        return SAMPLE_EINPUT;
    }
    if (M->score == SCORE_SCALED && !isfinite(M->eps))
    {
        snprintf(err, errlen, "score.eps: not finite in double precision");
        return SAMPLE_EINPUT;
    }
    return SAMPLE_OK;
}

int
sample_model_set(sample_model_t M, const sched_t S, const target_t data,
                 const score_t score, prior_type prior, const arb_t t0, const arb_t T,
                 char * err, size_t errlen)
{
    slong d = data->d, i, j;
    int r;

    sample_model_clear(M);
    sample_model_init(M, d);
    sample_sched_set(M->sched, S);
    r = sample_mix_set_target(M->data, data);
    if (r != 0)
    {
        snprintf(err, errlen, "data: component %d has a covariance that is not positive "
                 "definite (or a bad weight or mean) in double precision", -r - 1);
        return SAMPLE_EINPUT;
    }
    M->score = score->type;
    if (score->type == SCORE_SCALED)
        M->eps = mid_d(score->eps);
    else if (score->type == SCORE_OTHER)
    {
        if (score->other == NULL || score->other->d != d)
        {
            snprintf(err, errlen, "score: the model law is missing or of the wrong dimension");
            return SAMPLE_EINPUT;
        }
        r = sample_mix_set_target(M->other, score->other);
        if (r != 0)
        {
            snprintf(err, errlen, "score: component %d has a covariance that is not positive "
                     "definite (or a bad weight or mean) in double precision", -r - 1);
            return SAMPLE_EINPUT;
        }
    }
    else if (score->type == SCORE_AFFINE)
    {
        for (i = 0; i < d; i++)
        {
            M->b[i] = mid_d(score->b + i);
            for (j = 0; j < d; j++)
                M->A[i * d + j] = mid_d(arb_mat_entry(score->A, i, j));
        }
        for (i = 0; i < d * (d + 1); i++)
            if (!isfinite(i < d * d ? M->A[i] : M->b[i - d * d]))
            {
                snprintf(err, errlen, "score: affine coefficients not finite in double precision");
                return SAMPLE_EINPUT;
            }
    }
    M->prior = prior;
    M->t0 = mid_d(t0);
    M->T = mid_d(T);
    return sample_model_check(M, err, errlen);
}

int
sample_model_set_problem(sample_model_t M, const problem_t P, char * err, size_t errlen)
{
    return sample_model_set(M, P->sde, P->data, P->score, P->prior, P->t0, P->T, err, errlen);
}
