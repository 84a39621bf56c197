/*
    b-sample: sample-steps per second of the em sampler on the paper's
    2D 25-Gaussian mixture (means (2i, 2j)/2.828, i, j in -2..2, std
    0.05/2.828, equal weights), SIMPLE schedule on [0.01, 1], exact score,
    h = 0.5, prior N(0, I); on 1 and 2 threads, against a vectorised numpy
    implementation of the same sampler (bench/b-sample-numpy.py).
    Prints, never asserts.

    Usage: b-sample [N [STEPS]]   (defaults 20000, 1000)
    The numpy script runs under $PYTHON, python3 or /usr/bin/python3 (the first
    that imports numpy) and is looked for in $DIFFWKB_BENCH_DIR, then in
    DIFFWKB_SRCDIR/bench (a compile-time path, if defined), then beside the
    program; set DIFFWKB_BENCH_NUMPY=0 to skip it.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "diffwkb/sample.h"

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static int
readable(const char * p)
{
    return access(p, R_OK) == 0;
}

int
main(int argc, char ** argv)
{
    slong n = (argc > 1) ? atol(argv[1]) : 20000;
    slong K = (argc > 2) ? atol(argv[2]) : 1000;
    slong d = 2, nc = 25, k, i, j;
    double w[25], m[50], S[100], * X, t, rate[3] = {0, 0, 0}, np_rate = 0.0;
    sample_model_t M;
    sample_opts_t O;
    int th;
    char script[4096] = "", cmd[8192];
    const char * env;

    for (i = -2, k = 0; i <= 2; i++)
        for (j = -2; j <= 2; j++, k++)
        {
            w[k] = 1.0 / nc;
            m[2 * k] = 2.0 * i / 2.828;
            m[2 * k + 1] = 2.0 * j / 2.828;
            S[4 * k] = S[4 * k + 3] = 0.0025 / (2.828 * 2.828);
            S[4 * k + 1] = S[4 * k + 2] = 0.0;
        }
    sample_model_init(M, d);
    sample_sched_set_d(M->sched, SCHED_SIMPLE, 0.0, 0.0);
    sample_mix_clear(M->data);
    sample_mix_init(M->data, d, nc);
    sample_mix_set_d(M->data, w, m, S);
    M->score = SCORE_EXACT;
    M->prior = PRIOR_NORMAL;
    M->t0 = 0.01;
    M->T = 1.0;

    X = (double *) malloc(sizeof(double) * n * d);
    printf("b-sample: em, h = 0.5, 25-Gaussian 2D, SIMPLE [0.01, 1], exact score, "
           "n = %ld, steps = %ld\n", (long) n, (long) K);
    for (th = 1; th <= 2; th++)
    {
        sample_opts_init(O);
        O->method = SAMPLE_EM;
        O->h = 0.5;
        O->steps = K;
        O->seed = 1;
        O->threads = th;
        t = now();
        sample_run(X, 0, n, M, O);
        t = now() - t;
        rate[th] = (double) n * K / t;
        {
            double mx = 0.0, my = 0.0, near = 0.0;
            for (i = 0; i < n; i++)
            {
                double gx = 2.828 * X[2 * i] / 2.0, gy = 2.828 * X[2 * i + 1] / 2.0;
                mx += X[2 * i];
                my += X[2 * i + 1];
                if (fabs(gx - nearbyint(gx)) < 0.1 && fabs(gy - nearbyint(gy)) < 0.1)
                    near += 1.0;
            }
            printf("  C, %d thread%s: %8.3f s, %.3e sample-steps/s  (mean %.3f %.3f, "
                   "%.1f%% within 0.1 grid units of a mode)\n", th, th > 1 ? "s" : " ", t,
                   rate[th], mx / n, my / n, 100.0 * near / n);
        }
    }

    env = getenv("DIFFWKB_BENCH_NUMPY");
    if (env == NULL || strcmp(env, "0") != 0)
    {
        const char * dirs[3];
        char self[4096];
        int nd = 0, q;
        if ((env = getenv("DIFFWKB_BENCH_DIR")) != NULL)
            dirs[nd++] = env;
#ifdef DIFFWKB_SRCDIR
        dirs[nd++] = DIFFWKB_SRCDIR "/bench";
#endif
        strncpy(self, argv[0], sizeof(self) - 1);
        self[sizeof(self) - 1] = '\0';
        if (strrchr(self, '/') != NULL)
            *strrchr(self, '/') = '\0';
        else
            strcpy(self, ".");
        dirs[nd++] = self;
        for (q = 0; q < nd; q++)
        {
            snprintf(script, sizeof(script), "%s/b-sample-numpy.py", dirs[q]);
            if (readable(script))
                break;
            script[0] = '\0';
        }
        if (script[0] == '\0')
            printf("  numpy: b-sample-numpy.py not found (set DIFFWKB_BENCH_DIR)\n");
        else
        {
            FILE * p = NULL;
            char line[512];
            const char * py[3];
            int npy = 0;
            if ((env = getenv("PYTHON")) != NULL && env[0] != '\0')
                py[npy++] = env;
            py[npy++] = "python3";
            py[npy++] = "/usr/bin/python3";
            /* the first interpreter that has numpy (a pyenv python3 may not) */
            for (q = 0; q < npy; q++)
            {
                snprintf(cmd, sizeof(cmd), "%s -c 'import numpy' >/dev/null 2>&1", py[q]);
                if (system(cmd) == 0)
                    break;
            }
            if (q < npy)
            {
                snprintf(cmd, sizeof(cmd), "%s '%s' %ld %ld 2>&1", py[q], script, (long) n, (long) K);
                p = popen(cmd, "r");
            }
            if (p == NULL)
                printf("  numpy: no python3 with numpy found (set PYTHON)\n");
            else
            {
                while (fgets(line, sizeof(line), p) != NULL)
                {
                    double r;
                    printf("  %s", line);
                    if (sscanf(line, "numpy: %*f s, %lf sample-steps/s", &r) == 1)
                        np_rate = r;
                }
                pclose(p);
            }
        }
    }
    if (np_rate > 0.0)
        printf("  ratio C/numpy: %.1fx on 1 thread, %.1fx on 2 threads (target >= 5x on 2 cores)\n",
               rate[1] / np_rate, rate[2] / np_rate);
    else
        printf("  ratio C/numpy: not measured\n");

    free(X);
    sample_model_clear(M);
    flint_cleanup();
    return 0;
}
