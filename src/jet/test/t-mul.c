/* Test jet_mul against arb_poly_mullow along random lines: restricting to
   xi = s v commutes with truncated products.  Also R aliasing an input and
   commutativity. */
#include "common.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("mul....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 1000; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 10), prec = 64 + n_randint(state, 100);
        jet_ctx_t ctx;
        jet_t A, B, C, D;
        arb_ptr v;
        arb_poly_t pa, pb, pc, q;

        jet_ctx_init(ctx, d, K);
        jet_init(A, ctx); jet_init(B, ctx); jet_init(C, ctx); jet_init(D, ctx);
        v = _arb_vec_init(d);
        arb_poly_init(pa); arb_poly_init(pb); arb_poly_init(pc); arb_poly_init(q);

        _randjet(A, state, n_randint(state, 4), ctx);
        _randjet(B, state, n_randint(state, 4), ctx);
        _randvec(v, d, state);

        jet_mul(C, A, B, ctx, prec);
        jet_restrict_line(pa, A, v, ctx, 2 * prec);
        jet_restrict_line(pb, B, v, ctx, 2 * prec);
        arb_poly_mullow(q, pa, pb, K + 1, 2 * prec);
        jet_restrict_line(pc, C, v, ctx, prec);
        if (!arb_poly_overlaps(pc, q))
            _fail("mul", A, B, v, pc, q, ctx);

        jet_mul(D, B, A, ctx, prec);
        if (!_tvec_overlaps(D->coeffs, C->coeffs, ctx->len))
            _fail("commute", A, B, v, pc, q, ctx);

        jet_set(D, A, ctx);
        jet_mul(D, D, B, ctx, prec);
        if (!_tvec_equal(D->coeffs, C->coeffs, ctx->len))
            _fail("alias", A, B, v, pc, q, ctx);

        /* an independent ball check: exact inputs, so the product of the
           constant terms is an exact value that must be contained */
        {
            arb_t c;
            arb_init(c);
            arb_mul(c, A->coeffs, B->coeffs, 2 * prec);
            if (!arb_contains(C->coeffs, c))
                _fail("constant", A, B, v, pc, q, ctx);
            arb_clear(c);
        }

        jet_clear(A, ctx); jet_clear(B, ctx); jet_clear(C, ctx); jet_clear(D, ctx);
        _arb_vec_clear(v, d);
        arb_poly_clear(pa); arb_poly_clear(pb); arb_poly_clear(pc); arb_poly_clear(q);
        jet_ctx_clear(ctx);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
