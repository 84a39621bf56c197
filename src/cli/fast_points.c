/*
    The fast path over many points (loglik --points FILE --fast, nll --mc N
    --fast): c_0 and c_1 in double at each point (sample_wkb_c01, NOT
    certified), in threads, with progress on stderr.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <time.h>
#include "cli.h"
#include "diffwkb/wkb.h"
#include "diffwkb/sample.h"

typedef struct
{
    const sample_model_struct * M;
    const double * x;
    double * c;
    slong n, d, next, done, failed;
    double tol;
    pthread_mutex_t lock;
}
fast_job;

static void *
fast_worker(void * arg)
{
    fast_job * J = arg;
    sample_wkb_opts_t O;

    sample_wkb_opts_init(O);
    O->tol = J->tol;
    for (;;)
    {
        slong k;
        int st;
        pthread_mutex_lock(&J->lock);
        k = (J->failed >= 0) ? J->n : J->next++;
        pthread_mutex_unlock(&J->lock);
        if (k >= J->n)
            break;
        st = sample_wkb_c01(J->c + 2 * k, J->M, J->x + k * J->d, O);
        pthread_mutex_lock(&J->lock);
        J->done++;
        if (st != SAMPLE_OK && (J->failed < 0 || k < J->failed))
            J->failed = k;
        pthread_mutex_unlock(&J->lock);
    }
    return NULL;
}

slong
cli_fast_points(double * c, const sample_model_t M, const double * x, slong n, double tol,
                slong threads, int progress, const char * what)
{
    fast_job J;
    pthread_t * th;
    slong k, nt = FLINT_MAX(1, FLINT_MIN(threads, n));

    J.M = M;
    J.x = x;
    J.c = c;
    J.n = n;
    J.d = M->d;
    J.next = J.done = 0;
    J.failed = -1;
    J.tol = tol;
    pthread_mutex_init(&J.lock, NULL);
    th = flint_malloc(nt * sizeof(pthread_t));
    for (k = 0; k < nt; k++)
        pthread_create(th + k, NULL, fast_worker, &J);
    if (progress)
    {
        struct timespec ts = {0, 250000000};
        for (;;)
        {
            slong done;
            pthread_mutex_lock(&J.lock);
            done = J.done;
            pthread_mutex_unlock(&J.lock);
            fprintf(stderr, "\rdiffwkb %s: %ld/%ld points", what, (long) done, (long) n);
            if (done >= n || J.failed >= 0)
                break;
            nanosleep(&ts, NULL);
        }
        fprintf(stderr, "\n");
    }
    for (k = 0; k < nt; k++)
        pthread_join(th[k], NULL);
    flint_free(th);
    pthread_mutex_destroy(&J.lock);
    return J.failed;
}

void
cli_fmpq_vec_get_d(double * x, const fmpq * q, slong d)
{
    arf_t y;
    slong i;
    arf_init(y);
    for (i = 0; i < d; i++)
    {
        /* rounded to 53 bits, then exact in double */
        arf_fmpz_div_fmpz(y, fmpq_numref(q + i), fmpq_denref(q + i), 53, ARF_RND_NEAR);
        x[i] = arf_get_d(y, ARF_RND_NEAR);
    }
    arf_clear(y);
}
