/*
    Jets in double precision for the fast WKB path: log, and exp of
    quadratics, by the Euler-operator recurrences of jet_log / jet_exp
    (module jet), on the same monomial and product tables.  Nothing here is
    certified.
*/
#include <math.h>
#include <string.h>
#include "sample_impl.h"

#define PAIRS(ctx, r) ((ctx)->mul_pairs + 2 * (ctx)->mul_start[r])
#define NPAIRS(ctx, r) ((ctx)->mul_start[(r) + 1] - (ctx)->mul_start[r])

/* B = log(A): B_0 = log A_0,
   B_r = (A_r - (1/m) sum_{i + j = r, i, j != 0} |i| B_i A_j) / A_0. */
void
_sample_jetd_log(double * B, const double * A, double * EB, const jet_ctx_t ctx)
{
    slong r, p, len = ctx->len;
    double ia = 1.0 / A[0];

    B[0] = log(A[0]);
    for (r = 1; r < len; r++)
    {
        const slong * pr = PAIRS(ctx, r) + 2;
        slong np = NPAIRS(ctx, r) - 2;      /* without (0, r) and (r, 0) */
        double s = 0.0;
        for (p = 0; p < np; p++)
            s += EB[pr[2 * p]] * A[pr[2 * p + 1]];
        B[r] = (A[r] - s / ctx->deg[r]) * ia;
        EB[r] = ctx->deg[r] * B[r];
    }
}

/* The recurrence of exp for A of degree <= 2, pushed forward: B_r is final
   once every lower degree has added |j| A_j B_{r-j} for the d linear and
   d(d+1)/2 quadratic monomials j.  The pushes are listed once per context. */
void
_sample_jetd_expq_init(sample_jetd_expq_t E, const jet_ctx_t ctx)
{
    slong r, k, l, u, v, d = ctx->d, len = ctx->len, np = 0;
    const slong * up = ctx->up;

    E->len = len;
    E->start = flint_malloc(sizeof(slong) * (len + 1));
    E->inv = flint_malloc(sizeof(double) * len);
    E->dst = flint_malloc(sizeof(slong) * len * (d + d * (d + 1) / 2));
    E->src = flint_malloc(sizeof(slong) * len * (d + d * (d + 1) / 2));
    E->coef = flint_malloc(sizeof(double) * len * (d + d * (d + 1) / 2));
    for (r = 0; r < len; r++)
    {
        E->start[r] = np;
        E->inv[r] = (r == 0) ? 1.0 : 1.0 / ctx->deg[r];
        for (k = 0; k < d; k++)
        {
            u = up[r * d + k];
            if (u < 0)
                continue;
            E->dst[np] = u;
            E->src[np] = 1 + k;
            E->coef[np++] = 1.0;
            for (l = k; l < d; l++)
            {
                v = up[u * d + l];
                if (v < 0)
                    continue;
                E->dst[np] = v;
                E->src[np] = up[(1 + k) * d + l];
                E->coef[np++] = 2.0;
            }
        }
    }
    E->start[len] = np;
}

void
_sample_jetd_expq_clear(sample_jetd_expq_t E)
{
    flint_free(E->start);
    flint_free(E->inv);
    flint_free(E->dst);
    flint_free(E->src);
    flint_free(E->coef);
}

void
_sample_jetd_expq(double * B, const double * A, slong n, const sample_jetd_expq_t E)
{
    slong r, p, k, len = E->len;

    memset(B + n, 0, sizeof(double) * n * (len - 1));
    for (k = 0; k < n; k++)
        B[k] = exp(A[k]);
    for (r = 0; r < len; r++)
    {
        double * Br = B + r * n;
        if (r > 0)
            for (k = 0; k < n; k++)
                Br[k] *= E->inv[r];
        for (p = E->start[r]; p < E->start[r + 1]; p++)
        {
            double * Bd = B + E->dst[p] * n;
            const double * As = A + E->src[p] * n;
            double c = E->coef[p];
            for (k = 0; k < n; k++)
                Bd[k] += c * As[k] * Br[k];
        }
    }
}
