/*
    The samplers (see sample.h for the exact discrete steps) and their
    threading.  Samples are processed in chunks of SAMPLE_CHUNK consecutive
    indices; threads take chunks from a shared counter.  Within a chunk the
    fixed-step methods advance all samples in lockstep, so the coefficients
    at each grid time are computed once per chunk.  Every sample depends only
    on (seed, index, model, options), never on the chunk or the thread.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include "diffwkb/sample.h"

#define SAMPLE_CHUNK 512

typedef struct
{
    double * X;
    uint64_t i0;
    slong n;
    slong nchunks;
    const sample_model_struct * M;
    const sample_opts_struct * O;
    slong next;           /* next chunk (atomic) */
    slong done;           /* work units done (atomic) */
    slong finished;       /* threads finished (atomic) */
    int error;            /* set (atomic) if a thread could not allocate */
}
run_state;

/* Grid time t_k = T - k dt, with t_K = t0 exactly. */
static inline double
grid_time(const sample_model_struct * M, slong k, slong K, double dt)
{
    return (k >= K) ? M->t0 : M->T - (double) k * dt;
}

static void
chunk_fixed(run_state * R, slong lo, slong m, double * work, double * z,
            double * k1, double * k2, double * k3, double * k4, double * y,
            sample_tcoef_struct * C0, sample_tcoef_struct * Cm, sample_tcoef_struct * C1)
{
    const sample_model_struct * M = R->M;
    const sample_opts_struct * O = R->O;
    slong d = M->d, K = O->steps, k, s, j;
    double dt = (M->T - M->t0) / (double) K;
    double * x = R->X + lo * d;
    sample_tcoef_struct * tmp;
    int method = O->method;
    double h = (method == SAMPLE_EM) ? O->h : 0.0;

    for (s = 0; s < m; s++)
        sample_model_prior(x + s * d, M, O->seed, R->i0 + (uint64_t) (lo + s), work);

    sample_tcoef_set(C0, M, grid_time(M, 0, K, dt));
    for (k = 0; k < K; k++)
    {
        double tn = grid_time(M, k, K, dt);
        double tn1 = grid_time(M, k + 1, K, dt);

        if (method == SAMPLE_EM || method == SAMPLE_PF_EULER)
        {
            double c = 0.5 * (1.0 + h) * C0->g2;
            double f = C0->f;
            double sig = sqrt(h * C0->g2 * dt);
            for (s = 0; s < m; s++)
            {
                double * xs = x + s * d;
                sample_model_score(k1, M, C0, xs, work);
                for (j = 0; j < d; j++)
                    xs[j] = xs[j] - dt * (f * xs[j] - c * k1[j]);
                if (h > 0.0)
                {
                    sample_normals(z, d, O->seed, R->i0 + (uint64_t) (lo + s), (uint32_t) (k + 1));
                    for (j = 0; j < d; j++)
                        xs[j] += sig * z[j];
                }
            }
            sample_tcoef_set(C0, M, tn1);
        }
        else if (method == SAMPLE_PF_HEUN)
        {
            sample_tcoef_set(C1, M, tn1);
            for (s = 0; s < m; s++)
            {
                double * xs = x + s * d;
                sample_model_pf(k1, M, C0, xs, work);
                for (j = 0; j < d; j++)
                    y[j] = xs[j] - dt * k1[j];
                sample_model_pf(k2, M, C1, y, work);
                for (j = 0; j < d; j++)
                    xs[j] = xs[j] - 0.5 * dt * (k1[j] + k2[j]);
            }
            tmp = C0; C0 = C1; C1 = tmp;
        }
        else /* SAMPLE_PF_RK4 */
        {
            sample_tcoef_set(Cm, M, (k + 1 >= K) ? 0.5 * (tn + tn1) : M->T - ((double) k + 0.5) * dt);
            sample_tcoef_set(C1, M, tn1);
            for (s = 0; s < m; s++)
            {
                double * xs = x + s * d;
                sample_model_pf(k1, M, C0, xs, work);
                for (j = 0; j < d; j++)
                    y[j] = xs[j] - 0.5 * dt * k1[j];
                sample_model_pf(k2, M, Cm, y, work);
                for (j = 0; j < d; j++)
                    y[j] = xs[j] - 0.5 * dt * k2[j];
                sample_model_pf(k3, M, Cm, y, work);
                for (j = 0; j < d; j++)
                    y[j] = xs[j] - dt * k3[j];
                sample_model_pf(k4, M, C1, y, work);
                for (j = 0; j < d; j++)
                    xs[j] = xs[j] - (dt / 6.0) * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]);
            }
            tmp = C0; C0 = C1; C1 = tmp;
        }
        __atomic_fetch_add(&R->done, m, __ATOMIC_RELAXED);
    }
}

/* Dormand-Prince 5(4) tableau. */
static const double dp_c[7] = {0.0, 1.0/5, 3.0/10, 4.0/5, 8.0/9, 1.0, 1.0};
static const double dp_a[7][6] = {
    {0},
    {1.0/5},
    {3.0/40, 9.0/40},
    {44.0/45, -56.0/15, 32.0/9},
    {19372.0/6561, -25360.0/2187, 64448.0/6561, -212.0/729},
    {9017.0/3168, -355.0/33, 46732.0/5247, 49.0/176, -5103.0/18656},
    {35.0/384, 0.0, 500.0/1113, 125.0/192, -2187.0/6784, 11.0/84}
};
static const double dp_e[7] = {71.0/57600, 0.0, -71.0/16695, 71.0/1920,
                               -17253.0/339200, 22.0/525, -1.0/40};

/* One sample by adaptive Dormand-Prince; x holds the prior draw on entry. */
static void
sample_rk45(double * x, const sample_model_struct * M, const sample_opts_struct * O,
            double * kk, double * y, double * xn, double * work, sample_tcoef_struct * C)
{
    slong d = M->d, j, st, attempts = 0;
    double t = M->T, t0 = M->t0;
    slong K0 = (O->steps > 0) ? O->steps : 100;
    double tau = -(M->T - M->t0) / (double) K0;
    double errn, fac, sc, e, tn;
    int last, rejected = 0;
    double * k[7];

    for (st = 0; st < 7; st++)
        k[st] = kk + st * d;

    sample_tcoef_set(C, M, t);
    sample_model_pf(k[0], M, C, x, work);

    while (t > t0)
    {
        if (++attempts > O->max_steps)
            goto fail;
        last = 0;
        if (!(t + tau > t0))
        {
            tau = t0 - t;
            last = 1;
        }
        if (!(fabs(tau) > 1e-14 * (fabs(t) + 1e-300)))
            goto fail;
        for (st = 1; st < 7; st++)
        {
            slong l;
            for (j = 0; j < d; j++)
            {
                double acc = 0.0;
                for (l = 0; l < st; l++)
                    acc += dp_a[st][l] * k[l][j];
                y[j] = x[j] + tau * acc;
            }
            tn = (st >= 5) ? (last ? t0 : t + tau) : t + dp_c[st] * tau;
            sample_tcoef_set(C, M, tn);
            sample_model_pf(k[st], M, C, y, work);
            if (st == 6)
                for (j = 0; j < d; j++)
                    xn[j] = y[j];
        }
        /* k[6] = F(x_new, t + tau) (FSAL); error estimate */
        errn = 0.0;
        for (j = 0; j < d; j++)
        {
            e = 0.0;
            for (st = 0; st < 7; st++)
                e += dp_e[st] * k[st][j];
            e *= tau;
            sc = O->atol + O->rtol * fmax(fabs(x[j]), fabs(xn[j]));
            errn += (e / sc) * (e / sc);
        }
        errn = sqrt(errn / (double) d);
        if (!isfinite(errn))
            goto fail;
        if (errn <= 1.0)
        {
            t = last ? t0 : t + tau;
            for (j = 0; j < d; j++)
            {
                x[j] = xn[j];
                k[0][j] = k[6][j];
            }
            fac = (errn == 0.0) ? 5.0 : 0.9 * pow(errn, -0.2);
            fac = fmin(5.0, fmax(0.2, fac));
            if (rejected)
                fac = fmin(fac, 1.0);
            rejected = 0;
        }
        else
        {
            fac = fmax(0.2, 0.9 * pow(errn, -0.2));
            rejected = 1;
        }
        tau *= fac;
    }
    return;
fail:
    for (j = 0; j < d; j++)
        x[j] = NAN;
}

static void *
worker(void * arg)
{
    run_state * R = (run_state *) arg;
    const sample_model_struct * M = R->M;
    const sample_opts_struct * O = R->O;
    slong d = M->d, c, lo, m, s;
    double * work, * buf;
    sample_tcoef_t C0, Cm, C1;

    work = (double *) malloc(sizeof(double) * (sample_model_work_size(M) + 2 * d));
    buf = (double *) malloc(sizeof(double) * 16 * d);
    if (work == NULL || buf == NULL)
    {
        free(work);
        free(buf);
        __atomic_store_n(&R->error, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&R->finished, 1, __ATOMIC_RELEASE);
        return NULL;
    }
    sample_tcoef_init(C0, M);
    sample_tcoef_init(Cm, M);
    sample_tcoef_init(C1, M);

    for (;;)
    {
        c = __atomic_fetch_add(&R->next, 1, __ATOMIC_RELAXED);
        if (c >= R->nchunks)
            break;
        lo = c * SAMPLE_CHUNK;
        m = FLINT_MIN(SAMPLE_CHUNK, R->n - lo);
        if (O->method == SAMPLE_PF_RK45)
        {
            for (s = 0; s < m; s++)
            {
                double * xs = R->X + (lo + s) * d;
                sample_model_prior(xs, M, O->seed, R->i0 + (uint64_t) (lo + s), work);
                sample_rk45(xs, M, O, buf, buf + 7 * d, buf + 8 * d, work, C0);
                __atomic_fetch_add(&R->done, 1, __ATOMIC_RELAXED);
            }
        }
        else
        {
            chunk_fixed(R, lo, m, work, buf, buf + d, buf + 2 * d, buf + 3 * d, buf + 4 * d,
                        buf + 5 * d, C0, Cm, C1);
        }
    }

    sample_tcoef_clear(C0);
    sample_tcoef_clear(Cm);
    sample_tcoef_clear(C1);
    free(work);
    free(buf);
    __atomic_fetch_add(&R->finished, 1, __ATOMIC_RELEASE);
    return NULL;
}

static int
opts_ok(const sample_opts_t O)
{
    if ((int) O->method < 0 || (int) O->method > (int) SAMPLE_PF_RK45)
        return 0;
    if (O->method == SAMPLE_EM && !(O->h >= 0.0 && isfinite(O->h)))
        return 0;
    if (O->method != SAMPLE_PF_RK45 && !(O->steps >= 1 && O->steps <= (slong) 0xFFFFFFF0))
        return 0;
    if (O->method == SAMPLE_PF_RK45
        && !(O->rtol > 0.0 && O->atol >= 0.0 && isfinite(O->rtol) && isfinite(O->atol)
             && O->max_steps >= 1))
        return 0;
    if (O->threads < 1)
        return 0;
    return 1;
}

int
sample_run(double * X, uint64_t i0, slong n, const sample_model_t M, const sample_opts_t O)
{
    run_state R;
    slong nthreads, t, total;
    pthread_t * th;
    char err[160];

    if (n < 0 || !opts_ok(O) || sample_model_check(M, err, sizeof(err)) != SAMPLE_OK)
        return SAMPLE_EINPUT;
    if (n == 0)
        return SAMPLE_OK;

    R.X = X;
    R.i0 = i0;
    R.n = n;
    R.nchunks = (n + SAMPLE_CHUNK - 1) / SAMPLE_CHUNK;
    R.M = M;
    R.O = O;
    R.next = 0;
    R.done = 0;
    R.finished = 0;
    R.error = 0;
    total = (O->method == SAMPLE_PF_RK45) ? n : n * O->steps;

    nthreads = FLINT_MIN(O->threads, R.nchunks);
    if (nthreads <= 1 && O->progress == NULL)
    {
        worker(&R);
        return R.error ? SAMPLE_ESYSTEM : SAMPLE_OK;
    }

    th = (pthread_t *) malloc(sizeof(pthread_t) * nthreads);
    if (th == NULL)
        return SAMPLE_ESYSTEM;
    for (t = 0; t < nthreads; t++)
    {
        if (pthread_create(th + t, NULL, worker, &R) != 0)
        {
            /* run out the work with the threads that did start (or here) */
            slong started = t;
            if (started == 0)
                worker(&R);
            for (t = 0; t < started; t++)
                pthread_join(th[t], NULL);
            free(th);
            return R.error ? SAMPLE_ESYSTEM : SAMPLE_OK;
        }
    }
    if (O->progress != NULL)
    {
        double iv = (O->progress_interval > 0.0) ? O->progress_interval : 0.25;
        struct timespec ts;
        ts.tv_sec = (time_t) iv;
        ts.tv_nsec = (long) ((iv - (double) ts.tv_sec) * 1e9);
        while (__atomic_load_n(&R.finished, __ATOMIC_ACQUIRE) < nthreads)
        {
            nanosleep(&ts, NULL);
            O->progress(O->progress_arg,
                        (double) __atomic_load_n(&R.done, __ATOMIC_RELAXED) / (double) total);
        }
    }
    for (t = 0; t < nthreads; t++)
        pthread_join(th[t], NULL);
    free(th);
    if (O->progress != NULL)
        O->progress(O->progress_arg, 1.0);
    return R.error ? SAMPLE_ESYSTEM : SAMPLE_OK;
}
