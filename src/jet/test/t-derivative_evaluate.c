/* Test jet_derivative, jet_evaluate, jet_restrict_line, jet_set_quadratic,
   jet_truncate.
   - restrict_line: against monomials v^alpha computed as products of
     powers (arb_pow_ui), independently of the context's up table;
   - evaluate: A(v) = restricted polynomial at s = 1;
   - derivative: sum_i v_i (d/dxi_i A)(s v) = d/ds A(s v) (arb_poly_derivative);
   - set_quadratic: c + b.v + v^T H v / 2 written out directly;
   - truncate: degree <= K' coefficients equal. */
#include "common.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("derivative_evaluate....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 1000; iter++)
    {
        slong d = 1 + n_randint(state, 4), K = n_randint(state, 10), prec = 64 + n_randint(state, 100);
        slong r, i, j, k;
        jet_ctx_t ctx, ctx2;
        jet_t A, B, C, T;
        arb_ptr v, b;
        arb_poly_t pa, pb, q;
        arb_t x, y, c;
        arb_mat_t H;

        jet_ctx_init(ctx, d, K);
        jet_init(A, ctx); jet_init(B, ctx); jet_init(C, ctx);
        v = _arb_vec_init(d);
        b = _arb_vec_init(d);
        arb_poly_init(pa); arb_poly_init(pb); arb_poly_init(q);
        arb_init(x); arb_init(y); arb_init(c);
        arb_mat_init(H, d, d);

        _randjet(A, state, n_randint(state, 4), ctx);
        _randvec(v, d, state);

        /* restrict_line against explicit powers */
        jet_restrict_line(pa, A, v, ctx, prec);
        arb_poly_zero(q);
        for (r = 0; r < ctx->len; r++)
        {
            arb_set(x, A->coeffs + r);
            for (i = 0; i < d; i++)
            {
                arb_pow_ui(y, v + i, ctx->exps[r * d + i], 2 * prec);
                arb_mul(x, x, y, 2 * prec);
            }
            arb_poly_get_coeff_arb(y, q, ctx->deg[r]);
            arb_add(y, y, x, 2 * prec);
            arb_poly_set_coeff_arb(q, ctx->deg[r], y);
        }
        if (!arb_poly_overlaps(pa, q))
            _fail("restrict_line", A, NULL, v, pa, q, ctx);

        /* evaluate */
        jet_evaluate(x, A, v, ctx, prec);
        arb_one(c);
        arb_poly_evaluate(y, q, c, 2 * prec);
        if (!arb_overlaps(x, y))
            _fail("evaluate", A, NULL, v, pa, q, ctx);

        /* derivative: directional derivative along v, restricted to the line,
           up to degree K - 1 */
        jet_zero(B, ctx);
        for (i = 0; i < d; i++)
        {
            jet_derivative(C, A, i, ctx, prec);
            for (r = ctx->deg_start[K]; r < ctx->len; r++)
                if (!arb_is_zero(C->coeffs + r))
                    _fail("derivative top degree", A, C, v, pa, q, ctx);
            jet_scalar_addmul(B, C, v + i, ctx, prec);
        }
        jet_restrict_line(pb, B, v, ctx, prec);
        arb_poly_derivative(q, q, 2 * prec);
        if (!arb_poly_overlaps(pb, q))
            _fail("derivative", A, B, v, pb, q, ctx);
        jet_set(C, A, ctx);
        jet_derivative(C, C, d - 1, ctx, prec);
        jet_derivative(B, A, d - 1, ctx, prec);
        if (!_tvec_equal(B->coeffs, C->coeffs, ctx->len))
            _fail("derivative alias", A, B, v, pb, q, ctx);

        /* quadratic (H not symmetric on purpose) */
        arb_set_si(c, (slong) n_randint(state, 100) - 50);
        _randvec(b, d, state);
        for (i = 0; i < d; i++)
            _randvec(arb_mat_entry(H, i, 0), d, state);
        jet_set_quadratic(B, c, b, H, ctx, prec);
        jet_evaluate(x, B, v, ctx, prec);
        arb_set(y, c);
        if (K >= 1)
            for (i = 0; i < d; i++)
                arb_addmul(y, b + i, v + i, 2 * prec);
        if (K >= 2)
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                {
                    arb_mul(c, arb_mat_entry(H, i, j), v + i, 2 * prec);
                    arb_mul(c, c, v + j, 2 * prec);
                    arb_mul_2exp_si(c, c, -1);
                    arb_add(y, y, c, 2 * prec);
                }
        if (!arb_overlaps(x, y))
        {
            flint_printf("FAIL (quadratic)\n");
            arb_printd(x, 20); flint_printf("\n"); arb_printd(y, 20); flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        /* truncate to a lower and to a higher order */
        k = n_randint(state, K + 3);
        jet_ctx_init(ctx2, d, k);
        jet_init(T, ctx2);
        jet_truncate(T, ctx2, A, ctx);
        for (r = 0; r < ctx2->len; r++)
            if (!arb_equal(T->coeffs + r, r < ctx->len ? A->coeffs + r : c)
                && !(r >= ctx->len && arb_is_zero(T->coeffs + r)))
            {
                flint_printf("FAIL (truncate)\n");
                fflush(stdout);
                flint_abort();
            }
        jet_clear(T, ctx2);
        jet_ctx_clear(ctx2);

        jet_clear(A, ctx); jet_clear(B, ctx); jet_clear(C, ctx);
        _arb_vec_clear(v, d);
        _arb_vec_clear(b, d);
        arb_poly_clear(pa); arb_poly_clear(pb); arb_poly_clear(q);
        arb_clear(x); arb_clear(y); arb_clear(c);
        arb_mat_clear(H);
        jet_ctx_clear(ctx);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
