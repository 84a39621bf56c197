/* Test tjet arithmetic.
   (1) L = 1: tjet_add, mul, exp, derivative agree exactly with the jet_*
       functions, inv and log overlap them.
   (2) General L, independent route: a tjet in d variables of order K and
       length L is the part {deg_xi <= K, deg_tau < L} of a jet in d + 1
       variables (xi, tau) of order K + L - 1, and that part of a product,
       inverse, exp, log or derivative only depends on the same part of the
       inputs; so the results must overlap those of the jet module in d + 1
       variables (different recurrences: the Euler operator there counts
       tau-degree too).
   (3) Line route for mul: restricted to xi = s v, the product is the
       bivariate product of the restrictions (arb_poly_mullow in tau).
   (5) _tjet_exp_quadratic_diag overlaps tjet_exp of the same quadratic.
   (6) _tjet_compose_linear: for M(eta) = exp(c + b.eta + (1/2) eta^T H eta)
       (built by tjet_exp) and eta = A(tau) xi, M(A xi) must overlap
       exp(c + (A^T b).xi + (1/2) xi^T (A^T H A) xi) built from series
       products of A, b, H (A, b, H random series with some radii).
   (4) Identities: exp(log A) = A, A inv(A) = 1, d/dtau exp(A) = exp(A) dA/dtau,
       truncation commutes with mul, scalar_mul_arb_poly = mul by a
       xi-constant tjet, evaluate_tau = sum of tau-slices times tau^k. */
#include "diffwkb/tjet.h"

static void
rand_dyadic(arb_t x, flint_rand_t state, slong lim, slong e)
{
    arb_set_si(x, (slong) n_randint(state, 2 * lim + 1) - lim);
    arb_mul_2exp_si(x, x, -e);
}

/* random tjet: sparse dyadic coefficients, some with a small radius */
static void
rand_tjet(tjet_t A, flint_rand_t state, const tjet_ctx_t ctx, int radius)
{
    slong i, n = ctx->jctx->len * ctx->L;
    for (i = 0; i < n; i++)
    {
        if (n_randint(state, 4) == 0)
            arb_zero(A->coeffs + i);
        else
            rand_dyadic(A->coeffs + i, state, 64, 6);
        if (radius && n_randint(state, 3) == 0)
            mag_set_ui_2exp_si(arb_radref(A->coeffs + i), 1, -60 - (slong) n_randint(state, 40));
    }
}

/* J (d + 1 variables, order K + L - 1) = A */
static void
to_jet(jet_t J, const jet_ctx_t c1, const tjet_t A, const tjet_ctx_t ctx)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, k, i, e[8], d = jc->d;
    jet_zero(J, c1);
    for (r = 0; r < jc->len; r++)
        for (k = 0; k < ctx->L; k++)
        {
            for (i = 0; i < d; i++)
                e[i] = jc->exps[r * d + i];
            e[d] = k;
            arb_set(J->coeffs + jet_ctx_index(c1, e), tjet_coeff(A, r, ctx) + k);
        }
}

/* 1 if every kept coefficient of A overlaps J's */
static int
overlaps_jet(const tjet_t A, const tjet_ctx_t ctx, const jet_t J, const jet_ctx_t c1)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, k, i, e[8], d = jc->d;
    for (r = 0; r < jc->len; r++)
        for (k = 0; k < ctx->L; k++)
        {
            for (i = 0; i < d; i++)
                e[i] = jc->exps[r * d + i];
            e[d] = k;
            if (!arb_overlaps(J->coeffs + jet_ctx_index(c1, e), tjet_coeff(A, r, ctx) + k))
                return 0;
        }
    return 1;
}

static int
tjet_overlaps(const tjet_t A, const tjet_t B, const tjet_ctx_t ctx)
{
    slong i;
    for (i = 0; i < ctx->jctx->len * ctx->L; i++)
        if (!arb_overlaps(A->coeffs + i, B->coeffs + i))
            return 0;
    return 1;
}

static int
tjet_equal(const tjet_t A, const tjet_t B, const tjet_ctx_t ctx)
{
    slong i;
    for (i = 0; i < ctx->jctx->len * ctx->L; i++)
        if (!arb_equal(A->coeffs + i, B->coeffs + i))
            return 0;
    return 1;
}

static int
tjet_finite_tight(const tjet_t A, const tjet_ctx_t ctx, slong bits)
{
    slong i;
    for (i = 0; i < ctx->jctx->len * ctx->L; i++)
        if (!arb_is_finite(A->coeffs + i) || mag_cmp_2exp_si(arb_radref(A->coeffs + i), -bits) > 0)
            return 0;
    return 1;
}

static void
fail(const char * what, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx)
{
    flint_printf("FAIL: %s (d = %wd, K = %wd, L = %wd)\nA = ", what, ctx->jctx->d,
                 ctx->jctx->K, ctx->L);
    tjet_printd(A, 20, ctx);
    if (B != NULL)
    {
        flint_printf("B = ");
        tjet_printd(B, 20, ctx);
    }
    fflush(stdout);
    flint_abort();
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("arith....");
    fflush(stdout);
    flint_randinit(state);

    /* (1) L = 1 against jet_* */
    for (iter = 0; iter < 300; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 7), prec = 60 + n_randint(state, 200);
        slong i, r;
        jet_ctx_t jc;
        tjet_ctx_t ctx;
        tjet_t A, B, C;
        jet_t JA, JB, JC, JT;

        jet_ctx_init(jc, d, K);
        tjet_ctx_init(ctx, jc, 1);
        tjet_init(A, ctx); tjet_init(B, ctx); tjet_init(C, ctx);
        jet_init(JA, jc); jet_init(JB, jc); jet_init(JC, jc); jet_init(JT, jc);

        rand_tjet(A, state, ctx, 1);
        rand_tjet(B, state, ctx, 1);
        arb_add_ui(A->coeffs, A->coeffs, 2, prec);      /* positive constant term */
        for (r = 0; r < jc->len; r++)
        {
            arb_set(JA->coeffs + r, A->coeffs + r);
            arb_set(JB->coeffs + r, B->coeffs + r);
        }

#define CMP_EXACT(what) \
        for (r = 0; r < jc->len; r++) \
            if (!arb_equal(C->coeffs + r, JC->coeffs + r)) fail(what, A, B, ctx);
#define CMP_OVERLAP(what) \
        for (r = 0; r < jc->len; r++) \
            if (!arb_overlaps(C->coeffs + r, JC->coeffs + r)) fail(what, A, B, ctx);

        tjet_add(C, A, B, ctx, prec); jet_add(JC, JA, JB, jc, prec); CMP_EXACT("add L=1");
        tjet_mul(C, A, B, ctx, prec); jet_mul(JC, JA, JB, jc, prec); CMP_EXACT("mul L=1");
        tjet_exp(C, B, ctx, prec); jet_exp(JC, JB, jc, prec); CMP_EXACT("exp L=1");
        tjet_inv(C, A, ctx, prec); jet_inv(JC, JA, jc, prec); CMP_OVERLAP("inv L=1");
        tjet_log(C, A, ctx, prec); jet_log(JC, JA, jc, prec); CMP_OVERLAP("log L=1");
        for (i = 0; i < d; i++)
        {
            tjet_derivative(C, A, i, ctx, prec); jet_derivative(JC, JA, i, jc, prec);
            CMP_EXACT("derivative L=1");
        }
        tjet_set_jet(C, JA, ctx);
        if (!tjet_equal(C, A, ctx)) fail("set_jet", A, C, ctx);

        tjet_clear(A, ctx); tjet_clear(B, ctx); tjet_clear(C, ctx);
        jet_clear(JA, jc); jet_clear(JB, jc); jet_clear(JC, jc); jet_clear(JT, jc);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
    }

    /* (2)-(4) general L */
    for (iter = 0; iter < 400; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 5), L = 1 + n_randint(state, 5);
        slong prec = 80 + n_randint(state, 200), i, m, k;
        jet_ctx_t jc, c1, jc2;
        tjet_ctx_t ctx, ctx2;
        tjet_t A, B, C, D, E, A2, B2, C2;
        jet_t JA, JB, JC, S;
        arb_poly_struct * la, * lb, * lc;
        arb_poly_t p, q;
        arb_ptr v;
        arb_t tau, tk;

        jet_ctx_init(jc, d, K);
        jet_ctx_init(c1, d + 1, K + L - 1);
        tjet_ctx_init(ctx, jc, L);
        tjet_init(A, ctx); tjet_init(B, ctx); tjet_init(C, ctx); tjet_init(D, ctx); tjet_init(E, ctx);
        jet_init(JA, c1); jet_init(JB, c1); jet_init(JC, c1);
        jet_init(S, jc);
        la = flint_malloc(sizeof(arb_poly_struct) * (K + 1));
        lb = flint_malloc(sizeof(arb_poly_struct) * (K + 1));
        lc = flint_malloc(sizeof(arb_poly_struct) * (K + 1));
        for (m = 0; m <= K; m++)
        {
            arb_poly_init(la + m); arb_poly_init(lb + m); arb_poly_init(lc + m);
        }
        arb_poly_init(p); arb_poly_init(q);
        v = _arb_vec_init(d);
        arb_init(tau); arb_init(tk);

        rand_tjet(A, state, ctx, n_randint(state, 2));
        rand_tjet(B, state, ctx, n_randint(state, 2));
        if (n_randint(state, 3) == 0)   /* sometimes constant in tau */
            for (i = 0; i < jc->len; i++)
                _arb_vec_zero(tjet_coeff(B, i, ctx) + 1, L - 1);
        arb_add_ui(A->coeffs, A->coeffs, 2, prec);      /* positive constant term */
        to_jet(JA, c1, A, ctx);
        to_jet(JB, c1, B, ctx);

        /* (2) the (d+1)-variable route */
        tjet_mul(C, A, B, ctx, prec); jet_mul(JC, JA, JB, c1, 2 * prec);
        if (!overlaps_jet(C, ctx, JC, c1) || !tjet_finite_tight(C, ctx, 30))
            fail("mul vs d+1 jet", A, B, ctx);
        tjet_inv(C, A, ctx, prec); jet_inv(JC, JA, c1, 2 * prec);
        if (!overlaps_jet(C, ctx, JC, c1) || !tjet_finite_tight(C, ctx, 30))
            fail("inv vs d+1 jet", A, C, ctx);
        tjet_exp(C, B, ctx, prec); jet_exp(JC, JB, c1, 2 * prec);
        if (!overlaps_jet(C, ctx, JC, c1) || !tjet_finite_tight(C, ctx, 30))
            fail("exp vs d+1 jet", B, C, ctx);
        tjet_log(C, A, ctx, prec); jet_log(JC, JA, c1, 2 * prec);
        if (!overlaps_jet(C, ctx, JC, c1) || !tjet_finite_tight(C, ctx, 30))
            fail("log vs d+1 jet", A, C, ctx);
        i = n_randint(state, d);
        tjet_derivative(C, A, i, ctx, prec); jet_derivative(JC, JA, i, c1, prec);
        {
            /* compare xi-degree <= K-1 only */
            tjet_t Ct; tjet_ctx_t ctxt; jet_ctx_t jct;
            if (K >= 1)
            {
                jet_ctx_init(jct, d, K - 1);
                tjet_ctx_init(ctxt, jct, L);
                tjet_init(Ct, ctxt);
                tjet_truncate(Ct, ctxt, C, ctx);
                if (!overlaps_jet(Ct, ctxt, JC, c1))
                    fail("derivative vs d+1 jet", A, C, ctx);
                tjet_clear(Ct, ctxt);
                tjet_ctx_clear(ctxt);
                jet_ctx_clear(jct);
            }
            /* the degree K part must be zero */
            if (!_arb_vec_is_zero(C->coeffs + jc->deg_start[K] * L, (jc->len - jc->deg_start[K]) * L))
                fail("derivative top degree", A, C, ctx);
        }
        tjet_tau_derivative(C, A, ctx, prec); jet_derivative(JC, JA, d, c1, prec);
        for (i = 0; i < jc->len; i++)
        {
            for (k = 0; k + 1 < L; k++)
            {
                slong e[8], t;
                for (t = 0; t < d; t++)
                    e[t] = jc->exps[i * d + t];
                e[d] = k;
                if (!arb_overlaps(tjet_coeff(C, i, ctx) + k, JC->coeffs + jet_ctx_index(c1, e)))
                    fail("tau_derivative vs d+1 jet", A, C, ctx);
            }
            if (!arb_is_zero(tjet_coeff(C, i, ctx) + L - 1))
                fail("tau_derivative top", A, C, ctx);
        }

        /* (3) line route for mul */
        for (i = 0; i < d; i++)
            rand_dyadic(v + i, state, 64, 5);
        tjet_mul(C, A, B, ctx, prec);
        tjet_restrict_line(la, A, v, ctx, prec);
        tjet_restrict_line(lb, B, v, ctx, prec);
        tjet_restrict_line(lc, C, v, ctx, prec);
        for (m = 0; m <= K; m++)
        {
            arb_poly_zero(p);
            for (i = 0; i <= m; i++)
            {
                arb_poly_mullow(q, la + i, lb + m - i, L, 2 * prec);
                arb_poly_add(p, p, q, 2 * prec);
            }
            if (!arb_poly_overlaps(p, lc + m))
                fail("mul vs line", A, B, ctx);
        }

        /* (4) identities */
        tjet_log(C, A, ctx, prec);
        tjet_exp(C, C, ctx, prec);
        if (!tjet_overlaps(C, A, ctx))
            fail("exp(log A) = A", A, C, ctx);
        tjet_inv(C, A, ctx, prec);
        tjet_mul(C, C, A, ctx, prec);
        tjet_zero(D, ctx);
        arb_one(D->coeffs);
        if (!tjet_overlaps(C, D, ctx))
            fail("A inv(A) = 1", A, C, ctx);
        tjet_exp(C, B, ctx, prec);              /* C = exp B */
        tjet_tau_derivative(D, C, ctx, prec);   /* (exp B)' */
        tjet_tau_derivative(E, B, ctx, prec);
        tjet_mul(E, C, E, ctx, prec);           /* exp(B) B' */
        for (i = 0; i < jc->len; i++)
            for (k = 0; k + 1 < L; k++)
                if (!arb_overlaps(tjet_coeff(D, i, ctx) + k, tjet_coeff(E, i, ctx) + k))
                    fail("d/dtau exp", B, D, ctx);

        /* truncation commutes with mul (exact zeros may change the last bit of a radius) */
        {
            slong K2 = n_randint(state, K + 1), L2 = 1 + n_randint(state, L);
            jet_ctx_init(jc2, d, K2);
            tjet_ctx_init(ctx2, jc2, L2);
            tjet_init(A2, ctx2); tjet_init(B2, ctx2); tjet_init(C2, ctx2);
            tjet_mul(C, A, B, ctx, prec);
            tjet_truncate(A2, ctx2, A, ctx);
            tjet_truncate(B2, ctx2, B, ctx);
            tjet_mul(B2, A2, B2, ctx2, prec);
            tjet_truncate(C2, ctx2, C, ctx);
            if (!tjet_overlaps(B2, C2, ctx2))
            {
                slong ii;
                for (ii = 0; ii < jc2->len * L2; ii++)
                    if (!arb_overlaps(B2->coeffs + ii, C2->coeffs + ii))
                    {
                        flint_printf("K2 = %wd, L2 = %wd, index %wd: ", K2, L2, ii);
                        arb_printd(B2->coeffs + ii, 30); flint_printf(" vs ");
                        arb_printd(C2->coeffs + ii, 30); flint_printf("\n");
                    }
                fail("truncate/mul", A, B, ctx);
            }
            tjet_clear(A2, ctx2); tjet_clear(B2, ctx2); tjet_clear(C2, ctx2);
            tjet_ctx_clear(ctx2);
            jet_ctx_clear(jc2);
        }

        /* scalar_mul_arb_poly = mul by a xi-constant tjet; addmul */
        tjet_get_coeff_arb_poly(p, B, n_randint(state, jc->len), ctx);
        tjet_set_arb_poly(D, p, ctx);
        tjet_mul(D, A, D, ctx, prec);
        tjet_scalar_mul_arb_poly(C, A, p, ctx, prec);
        if (!tjet_overlaps(C, D, ctx))
            fail("scalar_mul_arb_poly", A, C, ctx);
        tjet_set(E, B, ctx);
        tjet_scalar_addmul_arb_poly(E, A, p, ctx, prec);
        tjet_add(D, D, B, ctx, prec);
        if (!tjet_overlaps(E, D, ctx))
            fail("scalar_addmul_arb_poly", A, E, ctx);

        /* evaluate_tau = sum_k slice_k tau^k */
        rand_dyadic(tau, state, 64, 7);
        tjet_evaluate_tau(S, A, tau, ctx, prec);
        {
            jet_t T, U;
            jet_init(T, jc); jet_init(U, jc);
            for (k = 0; k < L; k++)
            {
                tjet_get_tau_coeff(T, A, k, ctx);
                arb_pow_ui(tk, tau, k, prec);
                jet_scalar_addmul(U, T, tk, jc, prec);
            }
            for (i = 0; i < jc->len; i++)
                if (!arb_overlaps(U->coeffs + i, S->coeffs + i))
                    fail("evaluate_tau", A, NULL, ctx);
            /* set_tau_coeff / get_tau_coeff round trip */
            tjet_zero(C, ctx);
            for (k = 0; k < L; k++)
            {
                tjet_get_tau_coeff(T, A, k, ctx);
                tjet_set_tau_coeff(C, T, k, ctx);
            }
            if (!tjet_equal(C, A, ctx))
                fail("tau coefficient round trip", A, C, ctx);
            jet_clear(T, jc); jet_clear(U, jc);
        }

        tjet_clear(A, ctx); tjet_clear(B, ctx); tjet_clear(C, ctx); tjet_clear(D, ctx); tjet_clear(E, ctx);
        jet_clear(JA, c1); jet_clear(JB, c1); jet_clear(JC, c1);
        jet_clear(S, jc);
        for (m = 0; m <= K; m++)
        {
            arb_poly_clear(la + m); arb_poly_clear(lb + m); arb_poly_clear(lc + m);
        }
        flint_free(la); flint_free(lb); flint_free(lc);
        arb_poly_clear(p); arb_poly_clear(q);
        _arb_vec_clear(v, d);
        arb_clear(tau); arb_clear(tk);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
        jet_ctx_clear(c1);
    }

    /* (5) exp of a quadratic with diagonal Hessian */
    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 7), L = 1 + n_randint(state, 6);
        slong prec = 80 + n_randint(state, 100), i, k;
        jet_ctx_t jc;
        tjet_ctx_t ctx;
        tjet_t Q, C, E;
        arb_ptr c, b, H, h;

        jet_ctx_init(jc, d, K);
        tjet_ctx_init(ctx, jc, L);
        tjet_init(Q, ctx); tjet_init(C, ctx); tjet_init(E, ctx);
        c = _arb_vec_init(L);
        b = _arb_vec_init(d * L);
        H = _arb_vec_init(d * d * L);
        h = _arb_vec_init(d * L);
        for (k = 0; k < L; k++)
        {
            rand_dyadic(c + k, state, 64, 5);
            for (i = 0; i < d; i++)
            {
                if (n_randint(state, 4) != 0)
                    rand_dyadic(b + i * L + k, state, 64, 5);
                if (n_randint(state, 4) != 0)
                    rand_dyadic(h + i * L + k, state, 64, 5);
                if (n_randint(state, 4) == 0)
                    mag_set_ui_2exp_si(arb_radref(h + i * L + k), 1, -70);
                arb_set(H + (i * d + i) * L + k, h + i * L + k);
            }
        }
        _tjet_set_quadratic(Q, c, b, H, ctx, prec);
        tjet_exp(E, Q, ctx, prec);
        _tjet_exp_quadratic_diag(C, c, b, h, ctx, prec);
        if (!tjet_overlaps(C, E, ctx) || !tjet_finite_tight(C, ctx, 30))
            fail("exp_quadratic_diag", C, E, ctx);

        tjet_clear(Q, ctx); tjet_clear(C, ctx); tjet_clear(E, ctx);
        _arb_vec_clear(c, L);
        _arb_vec_clear(b, d * L);
        _arb_vec_clear(H, d * d * L);
        _arb_vec_clear(h, d * L);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
    }

    /* (6) composition with a linear map, against the exponential of the
       transformed quadratic */
    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(state, 3), K = n_randint(state, 6), L = 1 + n_randint(state, 6);
        slong prec = 80 + n_randint(state, 100), i, j, u, v, k;
        jet_ctx_t jc;
        tjet_ctx_t ctx;
        tjet_t Q, M, R, E;
        arb_ptr c, b, H, A, b2, H2, AH, T;

        jet_ctx_init(jc, d, K);
        tjet_ctx_init(ctx, jc, L);
        tjet_init(Q, ctx); tjet_init(M, ctx); tjet_init(R, ctx); tjet_init(E, ctx);
        c = _arb_vec_init(L);
        b = _arb_vec_init(d * L);
        H = _arb_vec_init(d * d * L);
        A = _arb_vec_init(d * d * L);
        b2 = _arb_vec_init(d * L);
        H2 = _arb_vec_init(d * d * L);
        AH = _arb_vec_init(d * d * L);
        T = _arb_vec_init(L);
        for (k = 0; k < L; k++)
        {
            rand_dyadic(c + k, state, 64, 6);
            for (i = 0; i < d; i++)
            {
                if (n_randint(state, 3) != 0)
                    rand_dyadic(b + i * L + k, state, 64, 6);
                for (j = 0; j < d; j++)
                {
                    if (n_randint(state, 3) != 0)
                        rand_dyadic(A + (i * d + j) * L + k, state, 64, 6);
                    if (n_randint(state, 4) == 0)
                        mag_set_ui_2exp_si(arb_radref(A + (i * d + j) * L + k), 1, -70);
                    if (j >= i && n_randint(state, 3) != 0)
                    {
                        rand_dyadic(H + (i * d + j) * L + k, state, 64, 6);
                        arb_set(H + (j * d + i) * L + k, H + (i * d + j) * L + k);
                    }
                }
            }
        }
        _tjet_set_quadratic(Q, c, b, H, ctx, prec);
        tjet_exp(M, Q, ctx, prec);
        _tjet_compose_linear(R, M, A, ctx, prec);

        /* b2 = A^T b, AH = H A, H2 = A^T H A (series products) */
        for (j = 0; j < d; j++)
            for (i = 0; i < d; i++)
            {
                _arb_poly_mullow(T, A + (i * d + j) * L, L, b + i * L, L, L, prec);
                _arb_vec_add(b2 + j * L, b2 + j * L, T, L, prec);
            }
        for (u = 0; u < d; u++)
            for (v = 0; v < d; v++)
                for (i = 0; i < d; i++)
                {
                    _arb_poly_mullow(T, H + (u * d + i) * L, L, A + (i * d + v) * L, L, L, prec);
                    _arb_vec_add(AH + (u * d + v) * L, AH + (u * d + v) * L, T, L, prec);
                }
        for (u = 0; u < d; u++)
            for (v = 0; v < d; v++)
                for (i = 0; i < d; i++)
                {
                    _arb_poly_mullow(T, A + (i * d + u) * L, L, AH + (i * d + v) * L, L, L, prec);
                    _arb_vec_add(H2 + (u * d + v) * L, H2 + (u * d + v) * L, T, L, prec);
                }
        _tjet_set_quadratic(Q, c, b2, H2, ctx, prec);
        tjet_exp(E, Q, ctx, prec);
        if (!tjet_overlaps(R, E, ctx) || !tjet_finite_tight(R, ctx, 20))
            fail("compose_linear", R, E, ctx);

        tjet_clear(Q, ctx); tjet_clear(M, ctx); tjet_clear(R, ctx); tjet_clear(E, ctx);
        _arb_vec_clear(c, L);
        _arb_vec_clear(b, d * L);
        _arb_vec_clear(H, d * d * L);
        _arb_vec_clear(A, d * d * L);
        _arb_vec_clear(b2, d * L);
        _arb_vec_clear(H2, d * d * L);
        _arb_vec_clear(AH, d * d * L);
        _arb_vec_clear(T, L);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
    }

    /* indeterminate cases */
    {
        jet_ctx_t jc;
        tjet_ctx_t ctx;
        tjet_t A, C;
        jet_ctx_init(jc, 2, 3);
        tjet_ctx_init(ctx, jc, 3);
        tjet_init(A, ctx); tjet_init(C, ctx);
        arb_set_si(A->coeffs + 1, 1);
        mag_set_ui_2exp_si(arb_radref(A->coeffs), 1, -10);   /* A_00 = 0 +/- eps */
        tjet_inv(C, A, ctx, 64);
        if (arb_is_finite(C->coeffs + 5))
            fail("inv of 0 not indeterminate", A, C, ctx);
        tjet_log(C, A, ctx, 64);
        if (arb_is_finite(C->coeffs + 5))
            fail("log of 0 not indeterminate", A, C, ctx);
        tjet_clear(A, ctx); tjet_clear(C, ctx);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
