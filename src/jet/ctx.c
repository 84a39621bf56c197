/* jet_ctx_init, jet_ctx_clear, jet_ctx_index: monomial tables of a jet context. */
#include "diffwkb/jet.h"

/* binomial(n, m) for small arguments (exact: each partial product is a binomial). */
static slong
_jet_binom(slong n, slong m)
{
    slong i, r = 1;
    if (m < 0 || n < m)
        return 0;
    for (i = 1; i <= m; i++)
        r = (r * (n - m + i)) / i;
    return r;
}

/* Write the monomials of degree rem in variables t..d-1 (decreasing exponent
   of variable t first) starting at row *pos; the exponents of variables
   0..t-1 are taken from cur. */
static void
_jet_fill(slong * exps, slong * pos, slong * cur, slong t, slong d, slong rem)
{
    slong e, i;

    if (t == d - 1)
    {
        cur[t] = rem;
        for (i = 0; i < d; i++)
            exps[(*pos) * d + i] = cur[i];
        (*pos)++;
        return;
    }

    for (e = rem; e >= 0; e--)
    {
        cur[t] = e;
        _jet_fill(exps, pos, cur, t + 1, d, rem - e);
    }
}

slong
jet_ctx_index(const jet_ctx_t ctx, const slong * e)
{
    slong t, k, rem, m, rank, d = ctx->d;

    k = 0;
    for (t = 0; t < d; t++)
    {
        if (e[t] < 0)
            return -1;
        k += e[t];
    }
    if (k > ctx->K)
        return -1;

    rank = 0;
    rem = k;
    for (t = 0; t + 1 < d; t++)
    {
        /* monomials of degree rem in variables t..d-1 whose exponent of
           variable t exceeds e[t]: binomial(rem - e[t] - 1 + m, m), m = d-t-1 */
        m = d - t - 1;
        if (rem - e[t] >= 1)
            rank += _jet_binom(rem - e[t] - 1 + m, m);
        rem -= e[t];
    }

    return ctx->deg_start[k] + rank;
}

void
jet_ctx_init(jet_ctx_t ctx, slong d, slong K)
{
    slong k, r, i, j, pos, len, npairs, e[64], * cur, * cnt;

    if (d < 1 || K < 0 || d > 64)
    {
        flint_printf("jet_ctx_init: need 1 <= d <= 64 and K >= 0\n");
        flint_abort();
    }

    len = _jet_binom(d + K, K);
    ctx->d = d;
    ctx->K = K;
    ctx->len = len;
    ctx->exps = flint_malloc(sizeof(slong) * len * d);
    ctx->deg_start = flint_malloc(sizeof(slong) * (K + 2));
    ctx->deg = flint_malloc(sizeof(slong) * len);
    ctx->up = flint_malloc(sizeof(slong) * len * d);
    ctx->mul_start = flint_malloc(sizeof(slong) * (len + 1));

    cur = flint_malloc(sizeof(slong) * d);
    pos = 0;
    for (k = 0; k <= K; k++)
    {
        ctx->deg_start[k] = pos;
        _jet_fill(ctx->exps, &pos, cur, 0, d, k);
        for (r = ctx->deg_start[k]; r < pos; r++)
            ctx->deg[r] = k;
    }
    ctx->deg_start[K + 1] = pos;
    flint_free(cur);

    for (r = 0; r < len; r++)
    {
        for (i = 0; i < d; i++)
        {
            for (j = 0; j < d; j++)
                e[j] = ctx->exps[r * d + j];
            e[i]++;
            ctx->up[r * d + i] = jet_ctx_index(ctx, e);
        }
    }

    /* product table: count, offsets, fill (outer loop over i ascending, so
       each list is sorted by i) */
    cnt = flint_calloc(len + 1, sizeof(slong));
    for (i = 0; i < len; i++)
        for (j = 0; j < ctx->deg_start[K - ctx->deg[i] + 1]; j++)
        {
            slong t;
            for (t = 0; t < d; t++)
                e[t] = ctx->exps[i * d + t] + ctx->exps[j * d + t];
            cnt[jet_ctx_index(ctx, e)]++;
        }

    npairs = 0;
    ctx->max_pairs = 0;
    for (r = 0; r < len; r++)
    {
        ctx->mul_start[r] = npairs;
        npairs += cnt[r];
        ctx->max_pairs = FLINT_MAX(ctx->max_pairs, cnt[r]);
        cnt[r] = ctx->mul_start[r];
    }
    ctx->mul_start[len] = npairs;
    ctx->mul_pairs = flint_malloc(sizeof(slong) * 2 * FLINT_MAX(npairs, 1));

    for (i = 0; i < len; i++)
        for (j = 0; j < ctx->deg_start[K - ctx->deg[i] + 1]; j++)
        {
            slong t;
            for (t = 0; t < d; t++)
                e[t] = ctx->exps[i * d + t] + ctx->exps[j * d + t];
            r = jet_ctx_index(ctx, e);
            ctx->mul_pairs[2 * cnt[r]] = i;
            ctx->mul_pairs[2 * cnt[r] + 1] = j;
            cnt[r]++;
        }

    flint_free(cnt);
}

void
jet_ctx_clear(jet_ctx_t ctx)
{
    flint_free(ctx->exps);
    flint_free(ctx->deg_start);
    flint_free(ctx->deg);
    flint_free(ctx->up);
    flint_free(ctx->mul_start);
    flint_free(ctx->mul_pairs);
}
