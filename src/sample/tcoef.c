/*
    Score models in double at one time: coefficients, s_theta, the
    probability-flow velocity, and the prior draw.
*/
#include <math.h>
#include "diffwkb/sample.h"

static const sample_mix_struct *
score_mix(const sample_model_t M)
{
    return (M->score == SCORE_OTHER) ? M->other : M->data;
}

void
sample_tcoef_init(sample_tcoef_t C, const sample_model_t M)
{
    C->t = C->f = C->g2 = C->a = C->s2 = 0.0;
    sample_mixcoef_init(C->mc, score_mix(M));
}

void
sample_tcoef_clear(sample_tcoef_t C)
{
    sample_mixcoef_clear(C->mc);
}

void
sample_tcoef_set(sample_tcoef_t C, const sample_model_t M, double t)
{
    C->t = t;
    sample_sched_eval(&C->f, &C->g2, &C->a, &C->s2, M->sched, t);
    if (M->score != SCORE_AFFINE)
        sample_mixcoef_set(C->mc, score_mix(M), C->a, C->s2);
}

slong
sample_model_work_size(const sample_model_t M)
{
    slong n = FLINT_MAX(M->data->n, M->other->n);
    return n * (M->d + 1) + 2 * M->d + 2;
}

void
sample_model_score(double * s, const sample_model_t M, const sample_tcoef_t C,
                   const double * x, double * work)
{
    slong d = M->d, i, j;

    switch (M->score)
    {
        case SCORE_AFFINE:
            for (i = 0; i < d; i++)
            {
                double y = M->b[i];
                for (j = 0; j < d; j++)
                    y += M->A[i * d + j] * x[j];
                s[i] = y;
            }
            break;
        case SCORE_SCALED:
            sample_mix_score(s, M->data, C->mc, x, work);
            for (i = 0; i < d; i++)
                s[i] *= 1.0 + M->eps;
            break;
        case SCORE_OTHER:
            sample_mix_score(s, M->other, C->mc, x, work);
            break;
        default:
            sample_mix_score(s, M->data, C->mc, x, work);
            break;
    }
}

void
sample_model_pf(double * v, const sample_model_t M, const sample_tcoef_t C,
                const double * x, double * work)
{
    slong d = M->d, i;
    double c = 0.5 * C->g2;

    sample_model_score(v, M, C, x, work);
    for (i = 0; i < d; i++)
        v[i] = C->f * x[i] - c * v[i];
}

void
sample_model_prior(double * x, const sample_model_t M, uint64_t seed, uint64_t i,
                   double * work)
{
    slong d = M->d;
    double a, s2, u[2];

    sample_normals(x, d, seed, i, 0);
    if (M->prior == PRIOR_MARGINAL)
    {
        double * z = work;
        slong j;
        for (j = 0; j < d; j++)
            z[j] = x[j];
        sample_sched_eval(NULL, NULL, &a, &s2, M->sched, M->T);
        sample_uniforms(u, seed, i, 0, SAMPLE_LANE_COMPONENT);
        sample_mix_draw(x, M->data, a, s2, u[1], z, work + d);
    }
}
