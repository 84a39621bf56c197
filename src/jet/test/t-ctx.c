/* Test jet_ctx: len = binomial(d + K, K), graded order with decreasing
   exponent of xi_1 first, jet_ctx_index inverts the table, the order does not
   depend on K, up[] and the product table agree with exponent arithmetic. */
#include "diffwkb/jet.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("ctx....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 300; iter++)
    {
        slong d = 1 + n_randint(state, 4), K = n_randint(state, 9), r, i, j, p, t;
        slong e[8], tot = 0;
        jet_ctx_t ctx, ctx2;
        fmpz_t bin;

        jet_ctx_init(ctx, d, K);
        jet_ctx_init(ctx2, d, K + 1 + n_randint(state, 3));
        fmpz_init(bin);
        fmpz_bin_uiui(bin, d + K, K);
        if (!fmpz_equal_si(bin, ctx->len) || ctx->deg_start[0] != 0
            || ctx->deg_start[K + 1] != ctx->len)
        {
            flint_printf("FAIL (len) d = %wd K = %wd len = %wd\n", d, K, ctx->len);
            fflush(stdout);
            flint_abort();
        }

        for (r = 0; r < ctx->len; r++)
        {
            slong deg = 0;
            for (i = 0; i < d; i++)
                deg += ctx->exps[r * d + i];
            if (deg != ctx->deg[r] || jet_ctx_index(ctx, ctx->exps + r * d) != r
                || jet_ctx_index(ctx2, ctx->exps + r * d) != r)
            {
                flint_printf("FAIL (index) d = %wd K = %wd r = %wd\n", d, K, r);
                fflush(stdout);
                flint_abort();
            }
            for (i = 0; i < d; i++)
                if (ctx2->exps[r * d + i] != ctx->exps[r * d + i])
                {
                    flint_printf("FAIL (prefix) d = %wd K = %wd r = %wd\n", d, K, r);
                    fflush(stdout);
                    flint_abort();
                }
            if (r > 0 && ctx->deg[r] == ctx->deg[r - 1])
            {
                /* strictly decreasing in lexicographic order */
                for (i = 0; i < d && ctx->exps[r * d + i] == ctx->exps[(r - 1) * d + i]; i++) ;
                if (i == d || ctx->exps[r * d + i] > ctx->exps[(r - 1) * d + i])
                {
                    flint_printf("FAIL (order) d = %wd K = %wd r = %wd\n", d, K, r);
                    fflush(stdout);
                    flint_abort();
                }
            }
            if (r >= 1 && r <= d && ctx->exps[r * d + (r - 1)] != 1)
            {
                flint_printf("FAIL (variables) d = %wd K = %wd\n", d, K);
                fflush(stdout);
                flint_abort();
            }
            for (i = 0; i < d; i++)
            {
                for (j = 0; j < d; j++)
                    e[j] = ctx->exps[r * d + j] + (j == i);
                if (ctx->up[r * d + i] != (ctx->deg[r] < K ? jet_ctx_index(ctx2, e) : -1))
                {
                    flint_printf("FAIL (up) d = %wd K = %wd r = %wd\n", d, K, r);
                    fflush(stdout);
                    flint_abort();
                }
            }
            /* product table: exponents add, sorted, first (0, r), last (r, 0) */
            for (p = ctx->mul_start[r]; p < ctx->mul_start[r + 1]; p++)
            {
                slong a = ctx->mul_pairs[2 * p], b = ctx->mul_pairs[2 * p + 1];
                for (t = 0; t < d; t++)
                    if (ctx->exps[a * d + t] + ctx->exps[b * d + t] != ctx->exps[r * d + t])
                    {
                        flint_printf("FAIL (pairs) d = %wd K = %wd r = %wd\n", d, K, r);
                        fflush(stdout);
                        flint_abort();
                    }
                if (p > ctx->mul_start[r] && a <= ctx->mul_pairs[2 * p - 2])
                {
                    flint_printf("FAIL (pair order) d = %wd K = %wd r = %wd\n", d, K, r);
                    fflush(stdout);
                    flint_abort();
                }
            }
            p = ctx->mul_start[r];
            t = ctx->mul_start[r + 1] - 1;
            if (ctx->mul_pairs[2 * p] != 0 || ctx->mul_pairs[2 * t] != r)
            {
                flint_printf("FAIL (pair ends) d = %wd K = %wd r = %wd\n", d, K, r);
                fflush(stdout);
                flint_abort();
            }
            tot += ctx->mul_start[r + 1] - ctx->mul_start[r];
        }
        /* number of pairs = number of (i, j) with deg i + deg j <= K = binomial(2d + K, K) */
        fmpz_bin_uiui(bin, 2 * d + K, K);
        if (!fmpz_equal_si(bin, tot))
        {
            flint_printf("FAIL (pair count) d = %wd K = %wd\n", d, K);
            fflush(stdout);
            flint_abort();
        }
        fmpz_clear(bin);
        jet_ctx_clear(ctx);
        jet_ctx_clear(ctx2);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
