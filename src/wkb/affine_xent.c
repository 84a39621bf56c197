/*
    _wkb_affine_xent_series: h-series of the Gaussian cross-entropy
    E[-log N(Y; mu(h), Sigma(h))], Y with mean m and covariance C, from the
    h-series of mu and Sigma.
*/
#include "affine_impl.h"

/* tr(A B) */
static void
_trace_mul(arb_t res, const arb_mat_t A, const arb_mat_t B, slong prec)
{
    slong i, j, d = arb_mat_nrows(A);
    arb_zero(res);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            arb_addmul(res, arb_mat_entry(A, i, j), arb_mat_entry(B, j, i), prec);
}

int
_wkb_affine_xent_series(arb_poly_t res, arb_srcptr mu, const arb_mat_struct * Sigma,
        arb_srcptr m, const arb_mat_t C, slong d, slong N, slong prec)
{
    arb_mat_struct * X;
    arb_mat_t L, T, U;
    arb_ptr y, z, out;
    arb_t u, v;
    slong n, i, j;
    int ok = 1;

    X = flint_malloc(sizeof(arb_mat_struct) * (N + 1));
    for (n = 0; n <= N; n++)
        arb_mat_init(X + n, d, d);
    arb_mat_init(L, d, d);
    arb_mat_init(T, d, d);
    arb_mat_init(U, d, d);
    y = _arb_vec_init((N + 1) * d);
    z = _arb_vec_init((N + 1) * d);
    out = _arb_vec_init(N + 1);
    arb_init(u);
    arb_init(v);

    /* Sigma_0 = L L^T, X_0 = Sigma_0^{-1} */
    if (!arb_mat_cho(L, Sigma + 0, prec) || !arb_mat_spd_inv(X + 0, Sigma + 0, prec))
    {
        ok = 0;
        goto cleanup;
    }
    /* X_n = -X_0 sum_{i=1..n} Sigma_i X_{n-i} */
    for (n = 1; n <= N; n++)
    {
        arb_mat_zero(U);
        for (i = 1; i <= n; i++)
        {
            arb_mat_mul(T, Sigma + i, X + n - i, prec);
            arb_mat_add(U, U, T, prec);
        }
        arb_mat_mul(X + n, X + 0, U, prec);
        arb_mat_neg(X + n, X + n);
    }

    /* log det: D_0 = 2 sum log L_ii, n D_n = sum_{i=1..n} i tr(X_{n-i} Sigma_i) */
    arb_zero(out + 0);
    for (i = 0; i < d; i++)
    {
        arb_log(u, arb_mat_entry(L, i, i), prec);
        arb_add(out + 0, out + 0, u, prec);
    }
    for (n = 1; n <= N; n++)
    {
        arb_zero(v);
        for (i = 1; i <= n; i++)
        {
            _trace_mul(u, X + n - i, Sigma + i, prec);
            arb_addmul_si(v, u, i, prec);
        }
        arb_div_si(v, v, n, prec);
        arb_mul_2exp_si(out + n, v, -1);    /* (1/2) D_n */
    }
    /* (1/2) D_0 = sum log L_ii: already in out + 0 */

    /* (1/2) tr(X_n C) */
    if (C != NULL)
        for (n = 0; n <= N; n++)
        {
            _trace_mul(u, X + n, C, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_add(out + n, out + n, u, prec);
        }

    /* y = m - mu, z = X y, Q_n = sum_i y_i . z_{n-i} */
    for (n = 0; n <= N; n++)
        for (j = 0; j < d; j++)
        {
            if (mu != NULL)
                arb_neg(y + n * d + j, mu + n * d + j);
            else
                arb_zero(y + n * d + j);
            if (n == 0 && m != NULL)
                arb_add(y + j, y + j, m + j, prec);
        }
    for (n = 0; n <= N; n++)
        for (j = 0; j < d; j++)
        {
            arb_zero(z + n * d + j);
            for (i = 0; i <= n; i++)
                arb_dot(z + n * d + j, z + n * d + j, 0, arb_mat_entry(X + i, j, 0), 1,
                        y + (n - i) * d, 1, d, prec);
        }
    for (n = 0; n <= N; n++)
    {
        arb_zero(v);
        for (i = 0; i <= n; i++)
            arb_dot(v, v, 0, y + i * d, 1, z + (n - i) * d, 1, d, prec);
        arb_mul_2exp_si(v, v, -1);
        arb_add(out + n, out + n, v, prec);
    }

    /* + (d/2) log 2 pi */
    arb_const_log_sqrt2pi(u, prec);
    arb_mul_si(u, u, d, prec);
    arb_add(out + 0, out + 0, u, prec);

cleanup:
    arb_poly_fit_length(res, N + 1);
    if (ok)
        _arb_vec_set(res->coeffs, out, N + 1);
    else
        _arb_vec_indeterminate(res->coeffs, N + 1);
    _arb_poly_set_length(res, N + 1);
    _arb_poly_normalise(res);

    for (n = 0; n <= N; n++)
        arb_mat_clear(X + n);
    flint_free(X);
    arb_mat_clear(L);
    arb_mat_clear(T);
    arb_mat_clear(U);
    _arb_vec_clear(y, (N + 1) * d);
    _arb_vec_clear(z, (N + 1) * d);
    _arb_vec_clear(out, N + 1);
    arb_clear(u);
    arb_clear(v);
    return ok;
}
