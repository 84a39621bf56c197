/* Test jet_inv, jet_exp, jet_log against arb_poly_inv_series, exp_series,
   log_series along random lines, and the identities A inv(A) = 1,
   exp(log A) = A, log(exp A) = A (containment of the exact input). */
#include "common.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("inv_exp_log....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 1000; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 10), prec = 64 + n_randint(state, 100);
        slong r;
        jet_ctx_t ctx;
        jet_t A, B, C;
        arb_ptr v;
        arb_poly_t pa, pb, q;

        jet_ctx_init(ctx, d, K);
        jet_init(A, ctx); jet_init(B, ctx); jet_init(C, ctx);
        v = _arb_vec_init(d);
        arb_poly_init(pa); arb_poly_init(pb); arb_poly_init(q);

        _randjet(A, state, n_randint(state, 3), ctx);
        /* constant term in [1/2, 4], so inverse and log are defined */
        arb_set_ui(A->coeffs, 128 + n_randint(state, 897));
        arb_mul_2exp_si(A->coeffs, A->coeffs, -8);
        _randvec(v, d, state);
        jet_restrict_line(pa, A, v, ctx, 2 * prec);

        /* inverse */
        jet_inv(B, A, ctx, prec);
        jet_restrict_line(pb, B, v, ctx, prec);
        arb_poly_inv_series(q, pa, K + 1, 2 * prec);
        if (!arb_poly_overlaps(pb, q))
            _fail("inv", A, B, v, pb, q, ctx);
        jet_mul(C, A, B, ctx, prec);
        for (r = 0; r < ctx->len; r++)
            if (!arb_contains_si(C->coeffs + r, r == 0))
                _fail("A inv(A) = 1", A, C, v, pb, q, ctx);

        /* log */
        jet_log(B, A, ctx, prec);
        jet_restrict_line(pb, B, v, ctx, prec);
        arb_poly_log_series(q, pa, K + 1, 2 * prec);
        if (!arb_poly_overlaps(pb, q))
            _fail("log", A, B, v, pb, q, ctx);
        jet_exp(C, B, ctx, prec);
        if (!_tvec_contains(C->coeffs, A->coeffs, ctx->len))
            _fail("exp(log A) = A", A, C, v, pb, q, ctx);

        /* exp (aliased) */
        jet_set(B, A, ctx);
        jet_exp(B, B, ctx, prec);
        jet_restrict_line(pb, B, v, ctx, prec);
        arb_poly_exp_series(q, pa, K + 1, 2 * prec);
        if (!arb_poly_overlaps(pb, q))
            _fail("exp", A, B, v, pb, q, ctx);
        jet_log(C, B, ctx, prec);
        if (!_tvec_contains(C->coeffs, A->coeffs, ctx->len))
            _fail("log(exp A) = A", A, C, v, pb, q, ctx);

        /* undecidable inputs give indeterminate results */
        arb_zero_pm_one(A->coeffs);
        jet_inv(B, A, ctx, prec);
        jet_log(C, A, ctx, prec);
        if (arb_is_finite(B->coeffs + ctx->len - 1) || arb_is_finite(C->coeffs + ctx->len - 1))
            _fail("indeterminate", A, B, v, pb, q, ctx);

        jet_clear(A, ctx); jet_clear(B, ctx); jet_clear(C, ctx);
        _arb_vec_clear(v, d);
        arb_poly_clear(pa); arb_poly_clear(pb); arb_poly_clear(q);
        jet_ctx_clear(ctx);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
