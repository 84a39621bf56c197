/*
    Gaussian mixtures in double: storage and conversion.  Each covariance
    is diagonalised once, S = Q diag(lam) Q^T, by cyclic Jacobi rotations.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/sample.h"

void
sample_mix_init(sample_mix_t X, slong d, slong n)
{
    X->d = d;
    X->n = n;
    X->w = (double *) flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    X->logw = (double *) flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    X->cw = (double *) flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    X->m = (double *) flint_calloc(FLINT_MAX(n * d, 1), sizeof(double));
    X->lam = (double *) flint_calloc(FLINT_MAX(n * d, 1), sizeof(double));
    X->Q = (double *) flint_calloc(FLINT_MAX(n * d * d, 1), sizeof(double));
    X->diag = 1;
}

void
sample_mix_clear(sample_mix_t X)
{
    flint_free(X->w);
    flint_free(X->logw);
    flint_free(X->cw);
    flint_free(X->m);
    flint_free(X->lam);
    flint_free(X->Q);
}

/* Cyclic Jacobi: A (d x d, symmetric, destroyed) = Q diag(lam) Q^T. */
static void
jacobi_eig(double * lam, double * Q, double * A, slong d)
{
    slong i, j, p, q, sweep;
    double off, tot, theta, t, c, s, tau, apq, app, aqq;

    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            Q[i * d + j] = (i == j);

    for (sweep = 0; sweep < 100; sweep++)
    {
        off = tot = 0.0;
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                if (i != j) off += A[i * d + j] * A[i * d + j];
                tot += A[i * d + j] * A[i * d + j];
            }
        if (off == 0.0 || off <= 1e-36 * tot)
            break;
        for (p = 0; p < d; p++)
            for (q = p + 1; q < d; q++)
            {
                apq = A[p * d + q];
                if (apq == 0.0)
                    continue;
                app = A[p * d + p];
                aqq = A[q * d + q];
                theta = (aqq - app) / (2.0 * apq);
                t = (theta >= 0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
                c = 1.0 / sqrt(t * t + 1.0);
                s = t * c;
                tau = s / (1.0 + c);
                A[p * d + p] = app - t * apq;
                A[q * d + q] = aqq + t * apq;
                A[p * d + q] = A[q * d + p] = 0.0;
                for (i = 0; i < d; i++)
                {
                    double aip, aiq, qip, qiq;
                    if (i != p && i != q)
                    {
                        aip = A[i * d + p];
                        aiq = A[i * d + q];
                        A[i * d + p] = A[p * d + i] = aip - s * (aiq + tau * aip);
                        A[i * d + q] = A[q * d + i] = aiq + s * (aip - tau * aiq);
                    }
                    qip = Q[i * d + p];
                    qiq = Q[i * d + q];
                    Q[i * d + p] = qip - s * (qiq + tau * qip);
                    Q[i * d + q] = qiq + s * (qip - tau * qiq);
                }
            }
    }
    for (i = 0; i < d; i++)
        lam[i] = A[i * d + i];
}

int
sample_mix_set_d(sample_mix_t X, const double * w, const double * m, const double * S)
{
    slong d = X->d, n = X->n, k, i, j;
    double * A = (double *) flint_malloc(FLINT_MAX(d * d, 1) * sizeof(double));
    double tot = 0.0;
    int ret = 0;

    X->diag = 1;
    for (k = 0; k < n; k++)
    {
        const double * Sk = S + k * d * d;
        int isdiag = 1;

        if (!(w[k] >= 0.0) || !isfinite(w[k]))
        {
            if (ret == 0) ret = -1 - (int) k;
        }
        X->w[k] = w[k];
        tot += w[k];
        for (i = 0; i < d; i++)
        {
            X->m[k * d + i] = m[k * d + i];
            if (!isfinite(m[k * d + i]) && ret == 0)
                ret = -1 - (int) k;
        }
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                A[i * d + j] = 0.5 * (Sk[i * d + j] + Sk[j * d + i]);
                if (i != j && A[i * d + j] != 0.0)
                    isdiag = 0;
                if (!isfinite(A[i * d + j]) && ret == 0)
                    ret = -1 - (int) k;
            }
        if (!isdiag)
            X->diag = 0;
        jacobi_eig(X->lam + k * d, X->Q + k * d * d, A, d);
        for (i = 0; i < d; i++)
            if (!(X->lam[k * d + i] > 0.0) && ret == 0)
                ret = -1 - (int) k;
    }
    /* Weights are normalised (they sum to 1 exactly in the problem). */
    for (k = 0; k < n; k++)
    {
        X->w[k] = (tot > 0.0) ? X->w[k] / tot : 0.0;
        X->logw[k] = log(X->w[k]);
        X->cw[k] = (k > 0 ? X->cw[k - 1] : 0.0) + X->w[k];
    }
    if (n > 0)
        X->cw[n - 1] = 1.0;
    if (!(tot > 0.0) && ret == 0)
        ret = -1;
    flint_free(A);
    return ret;
}

int
sample_mix_set_target(sample_mix_t X, const target_t P)
{
    slong d = P->d, n = P->n, k, i, j;
    double * w, * m, * S;
    int ret;

    sample_mix_clear(X);
    sample_mix_init(X, d, n);
    w = (double *) flint_malloc(FLINT_MAX(n, 1) * sizeof(double));
    m = (double *) flint_malloc(FLINT_MAX(n * d, 1) * sizeof(double));
    S = (double *) flint_malloc(FLINT_MAX(n * d * d, 1) * sizeof(double));
    for (k = 0; k < n; k++)
    {
        w[k] = arf_get_d(arb_midref(P->w + k), ARF_RND_NEAR);
        for (i = 0; i < d; i++)
        {
            m[k * d + i] = arf_get_d(arb_midref(P->m + k * d + i), ARF_RND_NEAR);
            for (j = 0; j < d; j++)
                S[k * d * d + i * d + j] =
                    arf_get_d(arb_midref(arb_mat_entry(P->S + k, i, j)), ARF_RND_NEAR);
        }
    }
    ret = sample_mix_set_d(X, w, m, S);
    flint_free(w);
    flint_free(m);
    flint_free(S);
    return ret;
}
