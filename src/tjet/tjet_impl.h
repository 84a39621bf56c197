/* tjet_impl.h: private helpers of module tjet (flat tau-series kernels). */
#ifndef DIFFWKB_TJET_IMPL_H
#define DIFFWKB_TJET_IMPL_H

#include <string.h>
#include "diffwkb/tjet.h"

#define TJET_PAIRS(jctx, r) ((jctx)->mul_pairs + 2 * (jctx)->mul_start[r])
#define TJET_NPAIRS(jctx, r) ((jctx)->mul_start[(r) + 1] - (jctx)->mul_start[r])

/* res[0..n-1] = c A[0..n-1], resp. A / c, for a word c (Arb has no
   _arb_vec_scalar_mul_ui). */
static inline void
_tjet_vec_mul_ui(arb_ptr res, arb_srcptr A, slong n, ulong c, slong prec)
{
    slong k;
    for (k = 0; k < n; k++)
        arb_mul_ui(res + k, A + k, c, prec);
}

static inline void
_tjet_vec_div_ui(arb_ptr res, arb_srcptr A, slong n, ulong c, slong prec)
{
    slong k;
    for (k = 0; k < n; k++)
        arb_div_ui(res + k, A + k, c, prec);
}

/* Length of the series A[0..L-1] without its trailing exact zeros. */
static inline slong
_tjet_series_len(arb_srcptr A, slong L)
{
    while (L > 0 && arb_is_zero(A + L - 1))
        L--;
    return L;
}

/* lens[r] = _tjet_series_len of monomial r, r < len. */
static inline void
_tjet_lens(slong * lens, arb_srcptr A, slong len, slong L)
{
    slong r;
    for (r = 0; r < len; r++)
        lens[r] = _tjet_series_len(A + r * L, L);
}

/* res[0..n-1] = (A B) truncated at length n, for series A (la nonzero
   leading coefficients) and B (lb); res must not alias A or B.  Each
   coefficient is one arb_dot (exact when the inputs are). */
static inline void
_tjet_series_mullow(arb_ptr res, arb_srcptr A, slong la, arb_srcptr B, slong lb,
                    slong n, slong prec)
{
    slong k, lo, hi;
    for (k = 0; k < n; k++)
    {
        lo = FLINT_MAX(0, k - lb + 1);
        hi = FLINT_MIN(k, la - 1);
        if (lo > hi)
            arb_zero(res + k);
        else
            arb_dot(res + k, NULL, 0, A + lo, 1, B + k - lo, -1, hi - lo + 1, prec);
    }
}

/* Scratch for the pair kernel: shallow copies and the active pair list. */
typedef struct
{
    arb_struct * tx;
    arb_struct * ty;
    slong * act;
}
_tjet_scratch_struct;

static inline void
_tjet_scratch_init(_tjet_scratch_struct * s, const tjet_ctx_t ctx)
{
    slong n = FLINT_MAX(1, ctx->jctx->max_pairs);
    s->tx = flint_malloc(sizeof(arb_struct) * n * ctx->L);
    s->ty = flint_malloc(sizeof(arb_struct) * n * ctx->L);
    s->act = flint_malloc(sizeof(slong) * n);
}

static inline void
_tjet_scratch_clear(_tjet_scratch_struct * s)
{
    flint_free(s->tx);
    flint_free(s->ty);
    flint_free(s->act);
}

/* res[k] (k < L) = initial[k] + (-1)^subtract
       sum_p sum_m X_{i_p}[m] Y_{j_p}[k - m]
   over the npairs pairs (i_p, j_p) at pairs, where X_i is the series at
   X + i*L with lx[i] nonzero leading terms (likewise Y, ly).  Pairs with a
   zero series are skipped; initial may be NULL.  res must not alias the
   series read.  One arb_dot per output coefficient. */
static inline void
_tjet_pairs_conv(arb_ptr res, arb_srcptr initial, int subtract,
                 arb_srcptr X, const slong * lx, arb_srcptr Y, const slong * ly,
                 const slong * pairs, slong npairs, slong L,
                 _tjet_scratch_struct * s, slong prec)
{
    slong p, q, na, k, m, lo, hi, n, i, j, maxlen = 0;

    na = 0;
    for (p = 0; p < npairs; p++)
    {
        i = pairs[2 * p];
        j = pairs[2 * p + 1];
        if (lx[i] == 0 || ly[j] == 0)
            continue;
        s->act[na++] = p;
        maxlen = FLINT_MAX(maxlen, lx[i] + ly[j] - 1);
    }

    for (k = 0; k < L; k++)
    {
        n = 0;
        if (k < maxlen)
        {
            for (q = 0; q < na; q++)
            {
                p = s->act[q];
                i = pairs[2 * p];
                j = pairs[2 * p + 1];
                lo = FLINT_MAX(0, k - ly[j] + 1);
                hi = FLINT_MIN(k, lx[i] - 1);
                for (m = lo; m <= hi; m++)
                {
                    s->tx[n] = X[i * L + m];
                    s->ty[n] = Y[j * L + k - m];
                    n++;
                }
            }
        }
        arb_dot(res + k, initial == NULL ? NULL : initial + k, subtract,
                s->tx, 1, s->ty, 1, n, prec);
    }
}

#endif
