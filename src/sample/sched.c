/*
    Schedules in double: the closed forms of sched.h.
*/
#include <math.h>
#include "diffwkb/sample.h"

static double
mid_d(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

void
sample_sched_set_d(sample_sched_t S, sched_type type, double p0, double p1)
{
    S->type = type;
    S->beta = S->b0 = S->b1 = S->smin = S->smax = S->L = 0.0;
    switch (type)
    {
        case SCHED_CONST:
            S->beta = p0;
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            S->b0 = p0;
            S->b1 = p1;
            break;
        case SCHED_VE:
            S->smin = p0;
            S->smax = p1;
            S->L = log(p1 / p0);
            break;
        default:
            break;
    }
}

void
sample_sched_set(sample_sched_t S, const sched_t src)
{
    switch (src->type)
    {
        case SCHED_CONST:
            sample_sched_set_d(S, src->type, mid_d(src->beta), 0.0);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            sample_sched_set_d(S, src->type, mid_d(src->b0), mid_d(src->b1));
            break;
        case SCHED_VE:
            sample_sched_set_d(S, src->type, mid_d(src->smin), mid_d(src->smax));
            break;
        default:
            sample_sched_set_d(S, src->type, 0.0, 0.0);
            break;
    }
}

void
sample_sched_eval(double * f, double * g2, double * a, double * s2,
                  const sample_sched_t S, double t)
{
    double F, G2, A, S2, b, B, x;
    const double pi = 3.14159265358979323846264338328;

    switch (S->type)
    {
        case SCHED_CONST:
            F = -0.5 * S->beta;
            G2 = S->beta;
            A = exp(-0.5 * S->beta * t);
            S2 = -expm1(-S->beta * t);
            break;
        case SCHED_VP:
            b = S->b0 + t * (S->b1 - S->b0);
            B = t * (S->b0 + 0.5 * t * (S->b1 - S->b0));
            F = -0.5 * b;
            G2 = b;
            A = exp(-0.5 * B);
            S2 = -expm1(-B);
            break;
        case SCHED_SUBVP:
            b = S->b0 + t * (S->b1 - S->b0);
            B = t * (S->b0 + 0.5 * t * (S->b1 - S->b0));
            F = -0.5 * b;
            G2 = -b * expm1(-2.0 * B);
            A = exp(-0.5 * B);
            x = expm1(-B);
            S2 = x * x;
            break;
        case SCHED_SIMPLE:
            F = -10.0 * t;
            G2 = 20.0 * t;
            A = exp(-5.0 * t * t);
            S2 = -expm1(-10.0 * t * t);
            break;
        case SCHED_COSINE:
            x = 0.5 * pi * t;
            F = -0.5 * pi * tan(x);
            G2 = pi * tan(x);
            A = cos(x);
            S2 = sin(x);
            S2 = S2 * S2;
            break;
        case SCHED_VE:
            F = 0.0;
            G2 = 2.0 * S->L * S->smin * S->smin * exp(2.0 * S->L * t);
            A = 1.0;
            S2 = S->smin * S->smin * expm1(2.0 * S->L * t);
            break;
        default:
            F = G2 = A = S2 = NAN;
            break;
    }
    if (f != NULL) *f = F;
    if (g2 != NULL) *g2 = G2;
    if (a != NULL) *a = A;
    if (s2 != NULL) *s2 = S2;
}
