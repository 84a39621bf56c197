/*
    Gragg-Bulirsch-Stoer extrapolation in double (the fast WKB path).

    One macro step H from (t, y): for j = 1..k the modified midpoint rule
    with n_j = 2j substeps h = H/n_j,
        z_0 = y, z_1 = y + h f(t, y), z_{m+1} = z_{m-1} + 2 h f(t + m h, z_m),
    gives T_{j,1} = z_{n_j}, whose error expands in even powers of h (Gragg);
    Aitken-Neville extrapolation to h = 0,
        T_{j,l+1} = T_{j,l} + (T_{j,l} - T_{j-1,l}) / ((n_j/n_{j-l})^2 - 1),
    gives T_{k,k} of order 2k.  err = ||T_{k,k} - T_{k,k-1}|| (weighted as
    in sample_impl.h) accepts the step when err <= 1, and the next step is
    H * min(4, max(0.2, 0.94 (0.65/err)^(1/(2k-1)))).
*/
#include <math.h>
#include <string.h>
#include "sample_impl.h"

#define GBS_K 6

int
_sample_gbs_solve(double * y, slong n, double t0, double t1, double tol,
                  sample_rhs_fn f, void * par, slong max_steps,
                  slong * steps, slong * evals)
{
    double * T, * prev, * cur, * f0, * z0, * z1, * fz, * tmp;
    double H_old = 0.0, err_old = 1.0;
    double t = t0, H = (t1 - t0) / 8, dir = (t1 > t0) ? 1.0 : -1.0;
    slong nst = 0, nev = 0, i, j, l, m;
    int status = 0;

    if (t1 == t0)
        return 0;
    /* prev: row j - 1 of the extrapolation table, cur: row j (columns 1..j) */
    T = flint_malloc(sizeof(double) * n * (2 * GBS_K + 4));
    prev = T;
    cur = T + n * GBS_K;
    f0 = cur + n * GBS_K;
    z0 = f0 + n;
    z1 = z0 + n;
    fz = z1 + n;
    f(f0, t, y, par);
    nev++;
    while (dir * (t1 - t) > 0)
    {
        double err = 0.0, fac;
        int last = 0;
        if (dir * (t + H - t1) >= 0)
        {
            H = t1 - t;
            last = 1;
        }
        for (j = 1; j <= GBS_K; j++)
        {
            slong nj = 2 * j;
            double h = H / nj;
            for (i = 0; i < n; i++)
            {
                z0[i] = y[i];
                z1[i] = y[i] + h * f0[i];
            }
            for (m = 1; m < nj; m++)
            {
                f(fz, t + m * h, z1, par);
                nev++;
                for (i = 0; i < n; i++)
                {
                    double zn = z0[i] + 2 * h * fz[i];
                    z0[i] = z1[i];
                    z1[i] = zn;
                }
            }
            /* Gragg's smoothing: (z_n + z_{n-1} + h f(t + H, z_n)) / 2 */
            f(fz, t + H, z1, par);
            nev++;
            for (i = 0; i < n; i++)
                cur[i] = 0.5 * (z1[i] + z0[i] + h * fz[i]);
            for (l = 1; l < j; l++)
            {
                double r = (double) nj / (double) (2 * (j - l));
                double c = 1.0 / (r * r - 1.0);
                double * a = cur + (l - 1) * n, * b = prev + (l - 1) * n, * v = cur + l * n;
                for (i = 0; i < n; i++)
                    v[i] = a[i] + (a[i] - b[i]) * c;
            }
            tmp = prev;
            prev = cur;
            cur = tmp;
        }
        /* prev holds row k: T_{k,k} at column k */
        for (i = 0; i < n; i++)
        {
            double v = prev[(GBS_K - 1) * n + i], w = prev[(GBS_K - 2) * n + i];
            double e = fabs(v - w) / (tol * (1.0 + fabs(y[i])));
            if (!(e <= err))
                err = (e == e) ? e : INFINITY;
        }
        nst++;
        if (err <= 1.0)
        {
            t = last ? t1 : t + H;
            memcpy(y, prev + (GBS_K - 1) * n, sizeof(double) * n);
            if (!last)
            {
                f(f0, t, y, par);
                nev++;
            }
        }
        if (nst > max_steps || !isfinite(err))
        {
            status = -1;
            break;
        }
        fac = (err > 0) ? 0.94 * pow(0.65 / err, 1.0 / (2 * GBS_K - 1)) : 4.0;
        /* Gustafsson's predictive control after two accepted steps: the
           error constant changes by err/err_old per step, so expect that again */
        if (err <= 1.0 && H_old != 0 && err > 0)
            fac = FLINT_MIN(fac, fac * (H / H_old) * pow(err_old / err, 1.0 / (2 * GBS_K - 1)));
        if (err <= 1.0)
        {
            H_old = H;
            err_old = FLINT_MAX(err, 1e-10);
        }
        H *= FLINT_MIN(4.0, FLINT_MAX(0.2, fac));
    }
    if (steps != NULL)
        *steps += nst;
    if (evals != NULL)
        *evals += nev;
    flint_free(T);
    return status;
}
