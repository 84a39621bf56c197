/* _target_log_density_tjet, target_log_density_tjet: R encloses the Taylor
   coefficients in (xi, tau) of log p_{t+tau}(x(tau) + xi), to xi-degree K
   and tau-length L, where the schedule coefficients a(tau) = a_{t+tau},
   s2(tau) = s^2_{t+tau} and the point x(tau) are given as time series.

   Component k of p_{t+tau} is w_k N(a m_k, C(tau)), C(tau) = a^2 S_k + s2 I.
   As series in tau (all coefficient matrices commute with S_k, so all are
   symmetric):
     X = C^{-1}:  X_0 = C_0^{-1} (Cholesky), X_j = -X_0 sum_{i=1..j} C_i X_{j-i};
     log det C:  2 sum log diag(chol C_0) + int_0^tau tr(X C'), C' = (a^2)' S_k + s2' I;
     r = x - a m_k,  g = X r,  l = log w_k - (d/2) log 2 pi - (1/2) log det C - (1/2) r.g;
   and the component's log-density is the quadratic in xi
     Q_k(xi, tau) = l - g.xi - (1/2) xi^T X xi.
   Then log p = Q_kmax + log(1 + sum_{k != kmax} exp(Q_k - Q_kmax)), kmax the
   component with the largest midpoint of l(0); the differences Q_k - Q_kmax
   are built coefficient-wise (constant l_k - l_kmax, linear
   -(g_k - g_kmax), Hessian X_kmax - X_k), so far from all means the large
   gradients of single components never enter an exponential.  When the
   Hessian difference is exactly diagonal (diagonal covariances), the
   exponential is taken by _tjet_exp_quadratic_diag (factorised over the
   variables), else by tjet_exp.
   Indeterminate if a weight is not certified positive or a C_k(0) not
   certified positive definite. */
#include "target_impl.h"
#include "diffwkb/tjet.h"

/* out[0..L-1] = the series p (zero-padded) */
static void
_series_get(arb_ptr out, const arb_poly_t p, slong L)
{
    slong n = FLINT_MIN(L, p->length);
    _arb_vec_set(out, p->coeffs, n);
    _arb_vec_zero(out + n, L - n);
}

/* res[0..L-1] = A B truncated (res not aliased) */
static void
_series_mullow(arb_ptr res, arb_srcptr A, arb_srcptr B, slong L, slong prec)
{
    slong k;
    for (k = 0; k < L; k++)
        arb_dot(res + k, NULL, 0, A, 1, B + k, -1, k + 1, prec);
}

/* The exact matrix is symmetric: intersect the two enclosures of each
   off-diagonal entry (they overlap since both contain the true value). */
static void
_mat_symmetrise(arb_mat_t X, slong prec)
{
    slong i, j, d = arb_mat_nrows(X);
    arb_t t;
    arb_init(t);
    for (i = 0; i < d; i++)
        for (j = i + 1; j < d; j++)
        {
            arb_ptr u = arb_mat_entry(X, i, j), v = arb_mat_entry(X, j, i);
            if (arb_overlaps(u, v))
                arb_intersection(t, u, v, prec);
            else
                arb_union(t, u, v, prec);
            arb_set(u, t);
            arb_set(v, t);
        }
    arb_clear(t);
}

/* Component k: l (L), g (d*L, g_i at g + i L), X (d*d*L, X_ij at (i d + j) L).
   Returns 0 if C_k(0) is not certified positive definite. */
static int
_comp_series(arb_ptr l, arb_ptr g, arb_ptr X, const target_t P, slong k,
             arb_srcptr a, arb_srcptr a2, arb_srcptr s2, arb_srcptr x,
             const arb_t log2pi_half_d, slong L, slong prec)
{
    slong d = P->d, i, j, m, u;
    const arb_mat_struct * S = P->S + k;
    arb_mat_t C, Lc, M, T, X0;
    arb_ptr r, trX, trSX, ld, q, tmp, SXs, da2, ds2;
    arb_t c;
    int ok = 1;

    arb_mat_init(C, d, d);
    arb_mat_init(Lc, d, d);
    arb_mat_init(M, d, d);
    arb_mat_init(T, d, d);
    arb_mat_init(X0, d, d);
    r = _arb_vec_init(d * L);
    trX = _arb_vec_init(L);
    trSX = _arb_vec_init(L);
    ld = _arb_vec_init(L);
    q = _arb_vec_init(L);
    tmp = _arb_vec_init(L);
    SXs = _arb_vec_init(d * d * L);      /* (S X)_iu at SXs + (i d + u) L */
    da2 = _arb_vec_init(L);
    ds2 = _arb_vec_init(L);
    arb_init(c);

    /* C_0 = a2_0 S + s2_0 I, Cholesky, X_0 */
    arb_mat_scalar_mul_arb(C, S, a2, prec);
    for (i = 0; i < d; i++)
        arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), s2, prec);
    if (!arb_mat_cho(Lc, C, prec))
    {
        ok = 0;
        goto cleanup;
    }
    arb_mat_inv_cho_precomp(X0, Lc, prec);
    _mat_symmetrise(X0, prec);
    arb_mat_mul(T, S, X0, prec);
    for (i = 0; i < d; i++)
        for (u = 0; u < d; u++)
        {
            arb_set(X + (i * d + u) * L, arb_mat_entry(X0, i, u));
            arb_set(SXs + (i * d + u) * L, arb_mat_entry(T, i, u));
        }

    /* X_j = -X_0 M_j, M_j = sum_{i=1..j} (a2_i (S X)_{j-i} + s2_i X_{j-i})
       (entrywise dot products over the series) */
    for (j = 1; j < L; j++)
    {
        for (i = 0; i < d; i++)
            for (u = 0; u < d; u++)
            {
                arb_ptr e = arb_mat_entry(M, i, u);
                arb_dot(e, NULL, 0, a2 + 1, 1, SXs + (i * d + u) * L + j - 1, -1, j, prec);
                arb_dot(e, e, 0, s2 + 1, 1, X + (i * d + u) * L + j - 1, -1, j, prec);
            }
        arb_mat_mul(T, X0, M, prec);
        arb_mat_neg(T, T);
        _mat_symmetrise(T, prec);
        arb_mat_mul(M, S, T, prec);
        for (i = 0; i < d; i++)
            for (u = 0; u < d; u++)
            {
                arb_set(X + (i * d + u) * L + j, arb_mat_entry(T, i, u));
                arb_set(SXs + (i * d + u) * L + j, arb_mat_entry(M, i, u));
            }
    }

    for (i = 0; i < d; i++)
    {
        _arb_vec_add(trX, trX, X + (i * d + i) * L, L, prec);
        _arb_vec_add(trSX, trSX, SXs + (i * d + i) * L, L, prec);
    }

    /* log det C: ld_0 = 2 sum log Lc_ii; ld_{m+1} = [tr(X C')]_m / (m + 1),
       [tr(X C')]_m = sum_{i+j=m} (j+1) (a2_{j+1} trSX_i + s2_{j+1} trX_i) */
    arb_zero(ld);
    for (i = 0; i < d; i++)
    {
        arb_log(c, arb_mat_entry(Lc, i, i), prec);
        arb_add(ld, ld, c, prec);
    }
    arb_mul_2exp_si(ld, ld, 1);
    for (j = 0; j + 1 < L; j++)
    {
        arb_mul_ui(da2 + j, a2 + j + 1, j + 1, prec);
        arb_mul_ui(ds2 + j, s2 + j + 1, j + 1, prec);
    }
    for (m = 0; m + 1 < L; m++)
    {
        arb_dot(c, NULL, 0, da2, 1, trSX + m, -1, m + 1, prec);
        arb_dot(c, c, 0, ds2, 1, trX + m, -1, m + 1, prec);
        arb_div_ui(ld + m + 1, c, m + 1, prec);
    }

    /* r_i = x_i - a m_ki, g = X r, q = r.g */
    for (i = 0; i < d; i++)
    {
        _arb_vec_scalar_mul(r + i * L, a, L, target_mean(P, k) + i, prec);
        _arb_vec_sub(r + i * L, x + i * L, r + i * L, L, prec);
    }
    _arb_vec_zero(g, d * L);
    for (i = 0; i < d; i++)
        for (u = 0; u < d; u++)
        {
            _series_mullow(tmp, X + (i * d + u) * L, r + u * L, L, prec);
            _arb_vec_add(g + i * L, g + i * L, tmp, L, prec);
        }
    _arb_vec_zero(q, L);
    for (i = 0; i < d; i++)
    {
        _series_mullow(tmp, r + i * L, g + i * L, L, prec);
        _arb_vec_add(q, q, tmp, L, prec);
    }

    /* l = log w - (d/2) log 2 pi - ld/2 - q/2 */
    _arb_vec_add(l, ld, q, L, prec);
    _arb_vec_scalar_mul_2exp_si(l, l, L, -1);
    _arb_vec_neg(l, l, L);
    arb_log(c, P->w + k, prec);
    arb_sub(c, c, log2pi_half_d, prec);
    arb_add(l, l, c, prec);

cleanup:
    arb_mat_clear(C);
    arb_mat_clear(Lc);
    arb_mat_clear(M);
    arb_mat_clear(T);
    arb_mat_clear(X0);
    _arb_vec_clear(SXs, d * d * L);
    _arb_vec_clear(da2, L);
    _arb_vec_clear(ds2, L);
    _arb_vec_clear(r, d * L);
    _arb_vec_clear(trX, L);
    _arb_vec_clear(trSX, L);
    _arb_vec_clear(ld, L);
    _arb_vec_clear(q, L);
    _arb_vec_clear(tmp, L);
    arb_clear(c);
    return ok;
}

/* 1 if every off-diagonal series of H (d x d blocks of L) is exactly zero */
static int
_offdiag_is_zero(arb_srcptr H, slong d, slong L)
{
    slong i, j;
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            if (i != j && !_arb_vec_is_zero(H + (i * d + j) * L, L))
                return 0;
    return 1;
}

void
_target_log_density_tjet(tjet_t R, const target_t P, const arb_poly_t a, const arb_poly_t s2,
                         const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    slong d = P->d, n = P->n, L = ctx->L, k, km, i;
    arb_ptr as, a2, s2s, xs, l, g, X, c, b, H, hd;
    arb_t log2pi;
    tjet_t Q, D;
    int ok = 1;

    if (ctx->jctx->d != d)
    {
        flint_printf("_target_log_density_tjet: ctx d != P->d\n");
        flint_abort();
    }

    as = _arb_vec_init(L);
    a2 = _arb_vec_init(L);
    s2s = _arb_vec_init(L);
    xs = _arb_vec_init(d * L);
    l = _arb_vec_init(n * L);
    g = _arb_vec_init(n * d * L);
    X = _arb_vec_init(n * d * d * L);
    c = _arb_vec_init(L);
    b = _arb_vec_init(d * L);
    H = _arb_vec_init(d * d * L);
    hd = _arb_vec_init(d * L);
    arb_init(log2pi);

    _series_get(as, a, L);
    _series_get(s2s, s2, L);
    for (i = 0; i < d; i++)
        _series_get(xs + i * L, x + i, L);
    _series_mullow(a2, as, as, L, prec);

    arb_const_pi(log2pi, prec);
    arb_mul_2exp_si(log2pi, log2pi, 1);
    arb_log(log2pi, log2pi, prec);
    arb_mul_si(log2pi, log2pi, d, prec);
    arb_mul_2exp_si(log2pi, log2pi, -1);         /* (d/2) log(2 pi) */

    for (k = 0; k < n && ok; k++)
    {
        if (!arb_is_positive(P->w + k))
            ok = 0;
        else
            ok = _comp_series(l + k * L, g + k * d * L, X + k * d * d * L, P, k,
                              as, a2, s2s, xs, log2pi, L, prec);
    }
    if (!ok)
    {
        _arb_vec_indeterminate(R->coeffs, ctx->jctx->len * L);
        goto cleanup;
    }

    km = 0;
    for (k = 1; k < n; k++)
        if (arf_cmp(arb_midref(l + k * L), arb_midref(l + km * L)) > 0)
            km = k;

    tjet_init(Q, ctx);
    tjet_init(D, ctx);

    /* D = 1 + sum_{k != km} exp(Q_k - Q_km) */
    arb_one(D->coeffs);
    for (k = 0; k < n; k++)
    {
        if (k == km)
            continue;
        _arb_vec_sub(c, l + k * L, l + km * L, L, prec);
        _arb_vec_sub(b, g + km * d * L, g + k * d * L, d * L, prec);
        _arb_vec_sub(H, X + km * d * d * L, X + k * d * d * L, d * d * L, prec);
        if (_offdiag_is_zero(H, d, L))
        {
            for (i = 0; i < d; i++)
                _arb_vec_set(hd + i * L, H + (i * d + i) * L, L);
            _tjet_exp_quadratic_diag(Q, c, b, hd, ctx, prec);
        }
        else
        {
            _tjet_set_quadratic(Q, c, b, H, ctx, prec);
            tjet_exp(Q, Q, ctx, prec);
        }
        tjet_add(D, D, Q, ctx, prec);
    }

    /* R = Q_km + log D */
    _arb_vec_neg(b, g + km * d * L, d * L);
    _arb_vec_neg(H, X + km * d * d * L, d * d * L);
    _tjet_set_quadratic(Q, l + km * L, b, H, ctx, prec);
    if (n > 1)
    {
        tjet_log(D, D, ctx, prec);
        tjet_add(R, Q, D, ctx, prec);
    }
    else
        tjet_swap(R, Q, ctx);

    tjet_clear(Q, ctx);
    tjet_clear(D, ctx);

cleanup:
    _arb_vec_clear(as, L);
    _arb_vec_clear(a2, L);
    _arb_vec_clear(s2s, L);
    _arb_vec_clear(xs, d * L);
    _arb_vec_clear(l, n * L);
    _arb_vec_clear(g, n * d * L);
    _arb_vec_clear(X, n * d * d * L);
    _arb_vec_clear(c, L);
    _arb_vec_clear(b, d * L);
    _arb_vec_clear(H, d * d * L);
    _arb_vec_clear(hd, d * L);
    arb_clear(log2pi);
}

void
target_log_density_tjet(tjet_t R, const target_t P, const sched_t S, const arb_t t,
                        const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    arb_poly_t a, s2;
    arb_poly_init(a);
    arb_poly_init(s2);
    sched_a_series(a, S, t, ctx->L, prec);
    sched_s2_series(s2, S, t, ctx->L, prec);
    _target_log_density_tjet(R, P, a, s2, x, ctx, prec);
    arb_poly_clear(a);
    arb_poly_clear(s2);
}
