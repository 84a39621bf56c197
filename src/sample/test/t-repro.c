/*
    Reproducibility: for every method, the samples are bitwise equal for
    1, 2, 3 and 5 threads, with and without a progress callback, and a
    sub-range [i0, i0 + m) run on its own gives bitwise the samples i0..i0+m-1
    of the full run.  Also em at h = 0 equals pf-euler bitwise, and two
    seeds give different samples.  Random 2D/3D mixtures (non-diagonal
    covariances), random schedules, both priors, all score types.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/sample.h"

static void
progress_cb(void * arg, double frac)
{
    double * last = (double *) arg;
    if (frac < *last || frac > 1.0)
        *last = 2.0;   /* flag: not monotone or out of range */
    else
        *last = frac;
}

static double
rnd(flint_rand_t state)
{
    return (double) n_randint(state, 1000001) / 1000000.0;
}

static void
random_mix(sample_mix_t X, slong d, slong n, flint_rand_t state)
{
    double * w = malloc(sizeof(double) * n), * m = malloc(sizeof(double) * n * d);
    double * S = malloc(sizeof(double) * n * d * d), * L = malloc(sizeof(double) * d * d);
    slong k, i, j, l;
    for (k = 0; k < n; k++)
    {
        w[k] = 0.1 + rnd(state);
        for (i = 0; i < d; i++)
            m[k * d + i] = 2.0 * rnd(state) - 1.0;
        for (i = 0; i < d * d; i++)
            L[i] = rnd(state) - 0.5;
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                double s = (i == j) ? 0.05 : 0.0;
                for (l = 0; l < d; l++)
                    s += L[i * d + l] * L[j * d + l];
                S[k * d * d + i * d + j] = s;
            }
    }
    sample_mix_clear(X);
    sample_mix_init(X, d, n);
    if (sample_mix_set_d(X, w, m, S) != 0)
        abort();
    free(w); free(m); free(S); free(L);
}

int
main(void)
{
    flint_rand_t state;
    slong iter, n = 1300, d, i, j;
    double * X1, * X2;
    int fail = 0;

    printf("repro....");
    fflush(stdout);
    flint_randinit(state);
    X1 = malloc(sizeof(double) * n * 3);
    X2 = malloc(sizeof(double) * n * 3);

    for (iter = 0; iter < 10; iter++)
    {
        sample_model_t M;
        sample_opts_t O;
        int meth;
        d = 2 + n_randint(state, 2);
        sample_model_init(M, d);
        switch (n_randint(state, 3))
        {
            case 0: sample_sched_set_d(M->sched, SCHED_VP, 0.1, 20.0); M->t0 = 1e-3; M->T = 1.0; break;
            case 1: sample_sched_set_d(M->sched, SCHED_SIMPLE, 0, 0); M->t0 = 0.01; M->T = 1.0; break;
            default: sample_sched_set_d(M->sched, SCHED_COSINE, 0, 0); M->t0 = 0.01; M->T = 0.99; break;
        }
        random_mix(M->data, d, 1 + n_randint(state, 4), state);
        M->score = (score_type) n_randint(state, 4);
        M->eps = 0.1;
        if (M->score == SCORE_OTHER)
            random_mix(M->other, d, 1 + n_randint(state, 3), state);
        if (M->score == SCORE_AFFINE)
            for (i = 0; i < d; i++)
            {
                M->b[i] = 0.1 * i;
                for (j = 0; j < d; j++)
                    M->A[i * d + j] = (i == j) ? -1.0 : 0.1;
            }
        M->prior = (prior_type) n_randint(state, 2);

        for (meth = 0; meth <= SAMPLE_PF_RK45; meth++)
        {
            int th[4] = {1, 2, 3, 5}, t;
            uint64_t i0;
            slong m;
            sample_opts_init(O);
            O->method = meth;
            O->h = (iter % 3 == 0) ? 0.0 : 0.3 + rnd(state);
            O->steps = (meth == SAMPLE_PF_RK45) ? 10 : 20 + n_randint(state, 30);
            O->seed = n_randtest(state);
            O->rtol = 1e-5;
            O->atol = 1e-8;
            O->threads = 1;
            if (sample_run(X1, 0, n, M, O) != SAMPLE_OK)
            {
                printf("FAIL: sample_run\n");
                return 1;
            }
            for (i = 0; i < n * d; i++)
                if (!isfinite(X1[i]))
                {
                    printf("FAIL: non-finite sample (iter %ld method %s)\n", (long) iter,
                           sample_method_name(meth));
                    return 1;
                }
            for (t = 1; t < 4; t++)
            {
                double last = 0.0;
                O->threads = th[t];
                if (t == 2)
                {
                    O->progress = progress_cb;
                    O->progress_arg = &last;
                    O->progress_interval = 0.001;
                }
                memset(X2, 0, sizeof(double) * n * d);
                sample_run(X2, 0, n, M, O);
                if (memcmp(X1, X2, sizeof(double) * n * d) != 0)
                {
                    printf("FAIL: %ld threads differ from 1 (iter %ld method %s)\n",
                           (long) th[t], (long) iter, sample_method_name(meth));
                    return 1;
                }
                if (t == 2 && last != 1.0)
                {
                    printf("FAIL: progress callback ended at %g\n", last);
                    return 1;
                }
                O->progress = NULL;
            }
            /* a sub-range */
            i0 = n_randint(state, n - 1);
            m = 1 + n_randint(state, n - i0);
            O->threads = 2;
            sample_run(X2, i0, m, M, O);
            if (memcmp(X1 + i0 * d, X2, sizeof(double) * m * d) != 0)
            {
                printf("FAIL: sub-range [%lu, %lu) differs (iter %ld method %s)\n",
                       (unsigned long) i0, (unsigned long) (i0 + m), (long) iter,
                       sample_method_name(meth));
                return 1;
            }
            /* em at h = 0 is pf-euler */
            if (meth == SAMPLE_EM && O->h == 0.0)
            {
                O->method = SAMPLE_PF_EULER;
                sample_run(X2, 0, n, M, O);
                if (memcmp(X1, X2, sizeof(double) * n * d) != 0)
                {
                    printf("FAIL: em at h = 0 differs from pf-euler\n");
                    return 1;
                }
            }
            /* another seed gives other samples */
            O->method = meth;
            O->seed += 1;
            sample_run(X2, 0, n, M, O);
            for (i = 0; i < n * d; i++)
                if (X1[i] == X2[i])
                    break;
            if (i < n * d)
            {
                printf("FAIL: seeds %lu and %lu share a coordinate\n",
                       (unsigned long) (O->seed - 1), (unsigned long) O->seed);
                return 1;
            }
        }
        sample_model_clear(M);
    }

    free(X1);
    free(X2);
    flint_randclear(state);
    flint_cleanup();
    printf("PASS\n");
    return fail;
}
