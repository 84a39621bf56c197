/*
    Marginals of a double mixture at one time: coefficients, log-density and
    score by log-sum-exp, and draws.
*/
#include <math.h>
#include "diffwkb/sample.h"

void
sample_mixcoef_init(sample_mixcoef_t C, const sample_mix_t X)
{
    slong n = X->n, d = X->d;
    C->d = d;
    C->n = n;
    C->a = 1.0;
    C->s2 = 0.0;
    C->am = (double *) flint_calloc(FLINT_MAX(n * d, 1), sizeof(double));
    C->iv = (double *) flint_calloc(FLINT_MAX(n * d, 1), sizeof(double));
    C->ln = (double *) flint_calloc(FLINT_MAX(n, 1), sizeof(double));
}

void
sample_mixcoef_clear(sample_mixcoef_t C)
{
    flint_free(C->am);
    flint_free(C->iv);
    flint_free(C->ln);
}

void
sample_mixcoef_set(sample_mixcoef_t C, const sample_mix_t X, double a, double s2)
{
    slong n = X->n, d = X->d, k, j;
    const double half_log_2pi = 0.91893853320467274178032973640562;
    double a2 = a * a, v, sl;

    C->a = a;
    C->s2 = s2;
    for (k = 0; k < n; k++)
    {
        sl = 0.0;
        for (j = 0; j < d; j++)
        {
            C->am[k * d + j] = a * X->m[k * d + j];
            v = a2 * X->lam[k * d + j] + s2;
            C->iv[k * d + j] = 1.0 / v;
            sl += log(v);
        }
        C->ln[k] = X->logw[k] - 0.5 * sl - d * half_log_2pi;
    }
}

/*
    work layout: logits (n), then u_k (n*d): u_k = diag(iv_k) Q_k^T (x - a m_k)
    (or diag(iv_k) (x - a m_k) for diagonal mixtures).  The score is
    -sum_k r_k Q_k u_k with r_k the responsibilities.
*/
double
sample_mix_score(double * s, const sample_mix_t X, const sample_mixcoef_t C,
                 const double * x, double * work)
{
    slong n = X->n, d = X->d, k, i, j;
    double * lg = work;
    double * u = work + n;
    double mx = -INFINITY, tot, r, q;

    if (d == 1)
    {
        for (k = 0; k < n; k++)
        {
            double y = x[0] - C->am[k];
            double yi = y * C->iv[k];
            u[k] = yi;
            lg[k] = C->ln[k] - 0.5 * y * yi;
            if (lg[k] > mx) mx = lg[k];
        }
    }
    else if (X->diag)
    {
        for (k = 0; k < n; k++)
        {
            const double * am = C->am + k * d;
            const double * iv = C->iv + k * d;
            double * uk = u + k * d;
            q = 0.0;
            for (j = 0; j < d; j++)
            {
                double y = x[j] - am[j];
                uk[j] = y * iv[j];
                q += y * uk[j];
            }
            lg[k] = C->ln[k] - 0.5 * q;
            if (lg[k] > mx) mx = lg[k];
        }
    }
    else
    {
        for (k = 0; k < n; k++)
        {
            const double * am = C->am + k * d;
            const double * iv = C->iv + k * d;
            const double * Qk = X->Q + k * d * d;
            double * uk = u + k * d;
            q = 0.0;
            for (j = 0; j < d; j++)
            {
                double y = 0.0;
                for (i = 0; i < d; i++)
                    y += Qk[i * d + j] * (x[i] - am[i]);
                uk[j] = y * iv[j];
                q += y * uk[j];
            }
            lg[k] = C->ln[k] - 0.5 * q;
            if (lg[k] > mx) mx = lg[k];
        }
    }

    if (!(mx > -INFINITY))
    {
        /* no component has positive weight here (or NaN input) */
        if (s != NULL)
            for (j = 0; j < d; j++)
                s[j] = NAN;
        return mx;
    }

    tot = 0.0;
    if (s != NULL)
        for (j = 0; j < d; j++)
            s[j] = 0.0;
    for (k = 0; k < n; k++)
    {
        if (lg[k] < mx - SAMPLE_LSE_CUTOFF)
            continue;
        r = exp(lg[k] - mx);
        tot += r;
        if (s == NULL)
            continue;
        if (d == 1)
            s[0] -= r * u[k];
        else if (X->diag)
        {
            for (j = 0; j < d; j++)
                s[j] -= r * u[k * d + j];
        }
        else
        {
            const double * Qk = X->Q + k * d * d;
            for (i = 0; i < d; i++)
            {
                double y = 0.0;
                for (j = 0; j < d; j++)
                    y += Qk[i * d + j] * u[k * d + j];
                s[i] -= r * y;
            }
        }
    }
    if (s != NULL)
    {
        r = 1.0 / tot;
        for (j = 0; j < d; j++)
            s[j] *= r;
    }
    return mx + log(tot);
}

void
sample_mix_draw(double * x, const sample_mix_t X, double a, double s2, double u,
                const double * z, double * work)
{
    slong n = X->n, d = X->d, k, i, j;
    const double * Qk;
    const double * lam;

    for (k = 0; k + 1 < n && !(X->cw[k] > u); k++)
        ;
    /* skip zero-weight components at the end of a run of equal cw */
    while (k + 1 < n && X->w[k] == 0.0)
        k++;
    lam = X->lam + k * d;
    for (j = 0; j < d; j++)
        work[j] = sqrt(a * a * lam[j] + s2) * z[j];
    if (X->diag)
    {
        for (i = 0; i < d; i++)
            x[i] = a * X->m[k * d + i] + work[i];
    }
    else
    {
        Qk = X->Q + k * d * d;
        for (i = 0; i < d; i++)
        {
            double y = 0.0;
            for (j = 0; j < d; j++)
                y += Qk[i * d + j] * work[j];
            x[i] = a * X->m[k * d + i] + y;
        }
    }
}
