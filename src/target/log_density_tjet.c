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
   gradients of single components never enter an exponential.
   Components that share km's covariance have no Hessian difference and a
   linear coefficient -(a X) delta_k, delta_k = m_km - m_k, so
     sum_k exp(Q_k - Q_km) = M(a X xi),  M(eta) = sum_k exp(c_k) exp(-delta_k.eta):
   each such component costs one series exponential and scalar products
   (the eta^alpha coefficient of M is sum_k exp(c_k) (-delta_k)^alpha/alpha!),
   and one composition with the linear map (_tjet_compose_linear) is
   shared.  For the other components, when the Hessian difference is
   exactly diagonal (diagonal covariances) the exponential is taken by
   _tjet_exp_quadratic_diag (factorised over the variables), else by
   tjet_exp.
   Work sharing: components with identical covariance balls S_k share the
   x-independent series X and log det C (computed once per group, diagonal
   X detected so zero off-diagonal series are skipped).  Each component's
   x-dependent part and exponential is computed at a precision lowered by
   the number of bits by which exp(l_k(0) - l_kmax(0)) is small (plus 32
   guard bits, at least 32): an Arb ball at any precision encloses the
   true value, and the absolute rounding error of a negligible term stays
   below that of the dominant one.
   Indeterminate if a weight is not certified positive or a C_k(0) not
   certified positive definite. */
#include "target_impl.h"
#include "diffwkb/tjet.h"
#include <flint/thread_support.h>

/* out[0..L-1] = the series p (zero-padded) */
static void
_series_get(arb_ptr out, const arb_poly_t p, slong L)
{
    slong n = FLINT_MIN(L, p->length);
    _arb_vec_set(out, p->coeffs, n);
    _arb_vec_zero(out + n, L - n);
}

/* length of the series A[0..L-1] without its exactly-zero tail */
static slong
_series_len(arb_srcptr A, slong L)
{
    while (L > 0 && arb_is_zero(A + L - 1))
        L--;
    return L;
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

/* Covariance group of S: X = C^{-1} (d*d*L, X_ij at (i d + j) L) and
   ld = log det C (L) as series.  Returns 0 if C(0) is not certified
   positive definite. */
static int
_cov_series(arb_ptr X, arb_ptr ld, const arb_mat_t S, arb_srcptr a2, arb_srcptr s2,
            slong L, slong prec)
{
    slong d = arb_mat_nrows(S), i, j, m, u;
    arb_mat_t C, Lc, M, T, X0;
    arb_ptr trX, trSX, SXs, da2, ds2;
    arb_t c;
    int ok = 1;

    arb_mat_init(C, d, d);
    arb_mat_init(Lc, d, d);
    arb_mat_init(M, d, d);
    arb_mat_init(T, d, d);
    arb_mat_init(X0, d, d);
    trX = _arb_vec_init(L);
    trSX = _arb_vec_init(L);
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

cleanup:
    arb_mat_clear(C);
    arb_mat_clear(Lc);
    arb_mat_clear(M);
    arb_mat_clear(T);
    arb_mat_clear(X0);
    _arb_vec_clear(SXs, d * d * L);
    _arb_vec_clear(da2, L);
    _arb_vec_clear(ds2, L);
    _arb_vec_clear(trX, L);
    _arb_vec_clear(trSX, L);
    arb_clear(c);
    return ok;
}

/* 1 if the matrix S is exactly diagonal */
static int
_mat_is_diag(const arb_mat_t S)
{
    slong i, j, d = arb_mat_nrows(S);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            if (i != j && !arb_is_zero(arb_mat_entry(S, i, j)))
                return 0;
    return 1;
}

/* _cov_series for an exactly diagonal S: C = diag(a2 S_ii + s2), so
   X_ii = 1/C_ii and log det C = sum_i log C_ii as series (off-diagonal
   series exactly zero; equal diagonal entries computed once).  Returns 0
   if some C_ii(0) is not certified positive. */
static int
_cov_series_diag(arb_ptr X, arb_ptr ld, const arb_mat_t S, arb_srcptr a2, arb_srcptr s2,
                 slong L, slong prec)
{
    slong d = arb_mat_nrows(S), i, j;
    arb_ptr C, lg;
    int ok = 1;
    C = _arb_vec_init(L);
    lg = _arb_vec_init(d * L);     /* log C_ii at lg + i L */
    _arb_vec_zero(X, d * d * L);
    _arb_vec_zero(ld, L);
    for (i = 0; i < d && ok; i++)
    {
        arb_srcptr Sii = arb_mat_entry(S, i, i);
        for (j = 0; j < i; j++)
            if (arb_equal(arb_mat_entry(S, j, j), Sii))
                break;
        if (j < i)
        {
            _arb_vec_set(X + (i * d + i) * L, X + (j * d + j) * L, L);
            _arb_vec_set(lg + i * L, lg + j * L, L);
        }
        else
        {
            _arb_vec_scalar_mul(C, a2, L, Sii, prec);
            _arb_vec_add(C, C, s2, L, prec);
            if (!arb_is_positive(C))
            {
                ok = 0;
                break;
            }
            _arb_poly_inv_series(X + (i * d + i) * L, C, L, L, prec);
            _arb_poly_log_series(lg + i * L, C, L, L, prec);
        }
        _arb_vec_add(ld, ld, lg + i * L, L, prec);
    }
    _arb_vec_clear(C, L);
    _arb_vec_clear(lg, d * L);
    return ok;
}

/* Component k given its group's X, ld (diag: X has exactly zero
   off-diagonal series) and lw = log w_k - (d/2) log 2 pi: l (L) and
   g = X r (d*L, g_i at g + i L), r = x - a m_k. */
static void
_comp_series(arb_ptr l, arb_ptr g, arb_srcptr X, arb_srcptr ld, int diag, const target_t P,
             slong k, arb_srcptr a, arb_srcptr x, const arb_t lw, slong L,
             slong prec)
{
    slong d = P->d, i, u;
    arb_ptr r, q, tmp;
    arb_t c;

    r = _arb_vec_init(d * L);
    q = _arb_vec_init(L);
    tmp = _arb_vec_init(L);
    arb_init(c);

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
            if (diag && u != i)
                continue;
            _series_mullow(tmp, X + (i * d + u) * L, r + u * L, L, prec);
            _arb_vec_add(g + i * L, g + i * L, tmp, L, prec);
        }
    for (i = 0; i < d; i++)
    {
        _series_mullow(tmp, r + i * L, g + i * L, L, prec);
        _arb_vec_add(q, q, tmp, L, prec);
    }

    /* l = log w - (d/2) log 2 pi - ld/2 - q/2 */
    _arb_vec_add(l, ld, q, L, prec);
    _arb_vec_scalar_mul_2exp_si(l, l, L, -1);
    _arb_vec_neg(l, l, L);
    arb_add(l, l, lw, prec);

    _arb_vec_clear(r, d * L);
    _arb_vec_clear(q, L);
    _arb_vec_clear(tmp, L);
    arb_clear(c);
}

/* l_k at tau = 0 (a cheap low-precision ball, for the precision choice);
   lw = log w_k - (d/2) log 2 pi */
static void
_comp_l0(arb_t l0, arb_srcptr X, slong L, arb_srcptr ld, const target_t P, slong k,
         arb_srcptr a, arb_srcptr x, const arb_t lw, slong prec)
{
    slong d = P->d, i, u;
    arb_ptr r;
    arb_t c;
    r = _arb_vec_init(d);
    arb_init(c);
    for (i = 0; i < d; i++)
    {
        arb_mul(r + i, a, target_mean(P, k) + i, prec);
        arb_sub(r + i, x + i * L, r + i, prec);
    }
    arb_set(l0, ld);
    for (i = 0; i < d; i++)
        for (u = 0; u < d; u++)
        {
            arb_mul(c, r + i, r + u, prec);
            arb_addmul(l0, c, X + (i * d + u) * L, prec);
        }
    arb_mul_2exp_si(l0, l0, -1);
    arb_neg(l0, l0);
    arb_add(l0, l0, lw, prec);
    _arb_vec_clear(r, d);
    arb_clear(c);
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

/* Chunks of components for the sum D (see below). */
#define _LDT_CHUNK 4

typedef struct
{
    const target_struct * P;
    const tjet_ctx_struct * ctx;
    slong d, L, km;
    const slong * grp, * pk;
    const int * diag;
    arb_srcptr X, LD, as, xs, aX, a2X, v;
    arb_ptr l, g;     /* component k writes only its own l_k, g_k */
    arb_srcptr lw;    /* log w_k - (d/2) log 2 pi */
    arb_ptr E, SM;    /* km's group: exp(c_k) (L) at E + k L, (-delta_k)^alpha/alpha! at SM + k len */
    slong prec;
}
_ldt_shared_struct;

typedef struct
{
    const _ldt_shared_struct * S;
    slong k0, k1;
    tjet_t D;             /* the chunk's sum of exp(Q_k - Q_km) over other groups */
}
_ldt_chunk_struct;

/* One chunk: D = sum of exp(Q_k - Q_km) over k0 <= k < k1 outside km's
   covariance group; for k != km in km's group, the series exp(c_k(tau))
   into E and the scalars (-delta_k)^alpha / alpha! into SM, for the moment
   tjet M(eta) = sum_k exp(c_k) exp(-delta_k.eta) (its eta^alpha
   coefficient is sum_k exp(c_k) (-delta_k)^alpha / alpha!).  Since
   Q_k - Q_km = c_k - (aX delta_k).xi there, exp(Q_k - Q_km) = M_k(aX xi). */
static void
_ldt_chunk(_ldt_chunk_struct * C)
{
    const _ldt_shared_struct * S = C->S;
    const target_struct * P = S->P;
    const tjet_ctx_struct * ctx = S->ctx;
    slong d = S->d, L = S->L, km = S->km, k, i, j;
    const slong * grp = S->grp;
    const int * diag = S->diag;
    const jet_ctx_struct * jc = ctx->jctx;
    arb_ptr c, b, H, hd, dl, wt;
    arb_t u;
    tjet_t Q;

    wt = _arb_vec_init(d + d * d);
    c = _arb_vec_init(L);
    b = _arb_vec_init(d * L);
    H = _arb_vec_init(d * d * L);
    hd = _arb_vec_init(d * L);
    dl = _arb_vec_init(d);
    arb_init(u);
    tjet_init(Q, ctx);
    tjet_zero(C->D, ctx);

    for (k = C->k0; k < C->k1; k++)
    {
        slong q = FLINT_MAX(S->pk[k], 32);
        arb_srcptr Xk = S->X + grp[k] * d * d * L, Xm = S->X + grp[km] * d * d * L;
        if (k == km)
            continue;
        if (grp[k] == grp[km])
        {
            for (i = 0; i < d; i++)
                arb_sub(dl + i, target_mean(P, km) + i, target_mean(P, k) + i, q);
            slong r, lc;
            arb_ptr E = S->E + k * L, sm = S->SM + k * jc->len;
            /* c = log(w_k/w_km) - delta.v - (1/2) delta^T a2X delta: per
               coefficient one dot product with wt = (-delta_i, -delta_i delta_j / 2)
               against (v_i, a2X_ij), stored contiguously (stride L) */
            arb_sub(u, S->lw + k, S->lw + km, q);
            for (i = 0; i < d; i++)
            {
                arb_neg(wt + i, dl + i);
                for (j = 0; j < d; j++)
                {
                    if (diag[grp[km]] && j != i)
                        arb_zero(wt + d + i * d + j);
                    else
                    {
                        arb_mul(wt + d + i * d + j, dl + i, dl + j, q);
                        arb_mul_2exp_si(wt + d + i * d + j, wt + d + i * d + j, -1);
                        arb_neg(wt + d + i * d + j, wt + d + i * d + j);
                    }
                }
            }
            for (j = 0; j < L; j++)
                arb_dot(c + j, j == 0 ? u : NULL, 0, wt, 1, S->v + j, L, d + d * d, q);
            lc = _series_len(c, L);
            _arb_vec_zero(E, L);
            if (lc > 0)
                _arb_poly_exp_series(E, c, lc, L, q);
            else
                arb_one(E);
            /* sm_alpha = (-delta)^alpha / alpha!, built along the up table */
            arb_one(sm);
            for (r = 1; r < jc->len; r++)
                arb_indeterminate(sm + r);
            for (r = 0; r < jc->deg_start[jc->K]; r++)
                for (i = 0; i < d; i++)
                {
                    slong t = jc->up[r * d + i];
                    if (t < 0 || arb_is_finite(sm + t))
                        continue;
                    arb_mul(sm + t, sm + r, dl + i, q);
                    arb_neg(sm + t, sm + t);
                    arb_div_ui(sm + t, sm + t, jc->exps[t * d + i], q);
                }
            continue;
        }
        else
        {
            _comp_series(S->l + k * L, S->g + k * d * L, Xk, S->LD + grp[k] * L, diag[grp[k]],
                         P, k, S->as, S->xs, S->lw + k, L, S->pk[k]);
            _arb_vec_sub(c, S->l + k * L, S->l + km * L, L, q);
            _arb_vec_sub(b, S->g + km * d * L, S->g + k * d * L, d * L, q);
            _arb_vec_sub(H, Xm, Xk, d * d * L, q);
        }
        if (_offdiag_is_zero(H, d, L))
        {
            for (i = 0; i < d; i++)
                _arb_vec_set(hd + i * L, H + (i * d + i) * L, L);
            _tjet_exp_quadratic_diag(Q, c, b, hd, ctx, q);
        }
        else
        {
            _tjet_set_quadratic(Q, c, b, H, ctx, q);
            tjet_exp(Q, Q, ctx, q);
        }
        tjet_add(C->D, C->D, Q, ctx, S->prec);
    }

    _arb_vec_clear(wt, d + d * d);
    _arb_vec_clear(c, L);
    _arb_vec_clear(b, d * L);
    _arb_vec_clear(H, d * d * L);
    _arb_vec_clear(hd, d * L);
    _arb_vec_clear(dl, d);
    arb_clear(u);
    tjet_clear(Q, ctx);
}

/* A worker: chunks first, first + step, ... of ch[0..nch-1]. */
typedef struct
{
    _ldt_chunk_struct * ch;
    slong nch, first, step;
}
_ldt_work_struct;

static void
_ldt_worker(void * arg)
{
    _ldt_work_struct * W = arg;
    slong j;
    for (j = W->first; j < W->nch; j += W->step)
        _ldt_chunk(W->ch + j);
}

void
_target_log_density_tjet(tjet_t R, const target_t P, const arb_poly_t a, const arb_poly_t s2,
                         const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    slong d = P->d, n = P->n, L = ctx->L, k, km, i, j, ng;
    slong * grp, * rep, * pk;
    int * diag;
    arb_ptr as, a2, s2s, xs, l, g, X, LD, c, b, H, l0, lw, E, SM, aX = NULL, a2X = NULL, v = NULL;
    arb_t log2pi, u;
    tjet_t Q, D;
    int ok = 1;

    if (ctx->jctx->d != d)
    {
        flint_printf("_target_log_density_tjet: ctx d != P->d\n");
        flint_abort();
    }

    grp = flint_malloc(sizeof(slong) * n);
    rep = flint_malloc(sizeof(slong) * n);
    pk = flint_malloc(sizeof(slong) * n);
    diag = flint_malloc(sizeof(int) * n);
    as = _arb_vec_init(L);
    a2 = _arb_vec_init(L);
    s2s = _arb_vec_init(L);
    xs = _arb_vec_init(d * L);
    l = _arb_vec_init(n * L);
    g = _arb_vec_init(n * d * L);
    c = _arb_vec_init(L);
    b = _arb_vec_init(d * L);
    H = _arb_vec_init(d * d * L);
    l0 = _arb_vec_init(n);
    lw = _arb_vec_init(n);
    E = _arb_vec_init(n * L);
    SM = _arb_vec_init(n * ctx->jctx->len);   /* zero rows: km and other groups */
    arb_init(log2pi);
    arb_init(u);

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
    for (k = 0; k < n; k++)
    {
        arb_log(lw + k, P->w + k, prec);
        arb_sub(lw + k, lw + k, log2pi, prec);
    }

    /* covariance groups: grp[k] = group of S_k, rep[g] = first member */
    ng = 0;
    for (k = 0; k < n; k++)
    {
        for (j = 0; j < ng; j++)
            if (arb_mat_equal(P->S + rep[j], P->S + k))
                break;
        if (j == ng)
            rep[ng++] = k;
        grp[k] = j;
    }
    X = _arb_vec_init(ng * d * d * L);
    LD = _arb_vec_init(ng * L);

    for (k = 0; k < n && ok; k++)
        if (!arb_is_positive(P->w + k))
            ok = 0;
    for (j = 0; j < ng && ok; j++)
    {
        if (_mat_is_diag(P->S + rep[j]))
            ok = _cov_series_diag(X + j * d * d * L, LD + j * L, P->S + rep[j], a2, s2s, L, prec);
        else
            ok = _cov_series(X + j * d * d * L, LD + j * L, P->S + rep[j], a2, s2s, L, prec);
        diag[j] = _offdiag_is_zero(X + j * d * d * L, d, L);
    }
    if (!ok)
    {
        _arb_vec_indeterminate(R->coeffs, ctx->jctx->len * L);
        goto cleanup;
    }

    /* precision of each component: prec minus the bits by which
       exp(l_k(0) - max l(0)) is small, plus 32 guard bits */
    for (k = 0; k < n; k++)
        _comp_l0(l0 + k, X + grp[k] * d * d * L, L, LD + grp[k] * L, P, k, as, xs, lw + k, 64);
    km = 0;
    for (k = 1; k < n; k++)
        if (arf_cmp(arb_midref(l0 + k), arb_midref(l0 + km)) > 0)
            km = k;
    for (k = 0; k < n; k++)
    {
        pk[k] = prec;
        arb_sub(u, l0 + km, l0 + k, 30);
        arb_const_log2(c, 30);
        arb_div(u, u, c, 30);
        if (arb_is_finite(u) && arf_cmp_si(arb_midref(u), prec) < 0)
            pk[k] = FLINT_MAX(32, FLINT_MIN(prec, prec + 32 - arf_get_si(arb_midref(u), ARF_RND_FLOOR)));
        else if (arb_is_finite(u))
            pk[k] = 32;
    }

    /* the dominant component's own series (the others' in the workers) */
    _comp_series(l + km * L, g + km * d * L, X + grp[km] * d * d * L, LD + grp[km] * L,
                 diag[grp[km]], P, km, as, xs, lw + km, L, pk[km]);

    /* km's group shares X: with delta = m_km - m_k, r_k = r_km + a delta,
       g_k - g_km = (a X) delta and
       l_k - l_km = log(w_k/w_km) - delta.(a g_km) - (1/2) delta^T (a^2 X) delta;
       aX, a2X (d*d*L) and v = a g_km (d*L) are shared */
    aX = _arb_vec_init(d * d * L);
    v = _arb_vec_init((d + d * d) * L);     /* v, then a2X: one stride-L array for _ldt_chunk */
    a2X = v + d * L;
    {
        arb_srcptr Xm = X + grp[km] * d * d * L;
        for (i = 0; i < d * d; i++)
        {
            if (diag[grp[km]] && i % (d + 1) != 0)
                continue;
            _series_mullow(aX + i * L, as, Xm + i * L, L, prec);
            _series_mullow(a2X + i * L, a2, Xm + i * L, L, prec);
        }
        for (i = 0; i < d; i++)
            _series_mullow(v + i * L, as, g + km * d * L + i * L, L, prec);
    }

    tjet_init(Q, ctx);
    tjet_init(D, ctx);

    /* D = 1 + sum_{k != km} exp(Q_k - Q_km), by chunks of components
       (in threads when FLINT's thread count allows; the chunks and their
       summation order do not depend on it, so neither does the result) */
    {
        _ldt_shared_struct S;
        _ldt_chunk_struct * ch;
        _ldt_work_struct * wk;
        slong nch = (n + _LDT_CHUNK - 1) / _LDT_CHUNK, nw = 0, w;
        thread_pool_handle * handles = NULL;

        S.P = P; S.ctx = ctx; S.d = d; S.L = L; S.km = km; S.grp = grp; S.diag = diag;
        S.pk = pk; S.X = X; S.LD = LD; S.l = l; S.g = g; S.as = as; S.xs = xs;
        S.lw = lw; S.E = E; S.SM = SM; S.aX = aX; S.a2X = a2X; S.v = v; S.prec = prec;
        ch = flint_malloc(sizeof(_ldt_chunk_struct) * nch);
        for (j = 0; j < nch; j++)
        {
            ch[j].S = &S;
            ch[j].k0 = j * _LDT_CHUNK;
            ch[j].k1 = FLINT_MIN(n, (j + 1) * _LDT_CHUNK);
            tjet_init(ch[j].D, ctx);
        }
        if (nch > 1 && L * ctx->jctx->len >= 8)
            nw = flint_request_threads(&handles, nch - 1);
        wk = flint_malloc(sizeof(_ldt_work_struct) * (nw + 1));
        for (w = 0; w <= nw; w++)
        {
            wk[w].ch = ch;
            wk[w].nch = nch;
            wk[w].first = w;
            wk[w].step = nw + 1;
        }
        for (w = 0; w < nw; w++)
            thread_pool_wake(global_thread_pool, handles[w], 0, _ldt_worker, wk + w + 1);
        _ldt_worker(wk + 0);
        for (w = 0; w < nw; w++)
            thread_pool_wait(global_thread_pool, handles[w]);
        flint_give_back_threads(handles, nw);
        flint_free(wk);

        arb_one(D->coeffs);
        for (j = 0; j < nch; j++)
        {
            tjet_add(D, D, ch[j].D, ctx, prec);
            tjet_clear(ch[j].D, ctx);
        }
        flint_free(ch);
    }

    /* km's group: sum_k exp(Q_k - Q_km) = M(aX xi), M_alpha = sum_k SM_k,alpha E_k
       (rows of components outside the group, and km's, are zero) */
    for (k = 0; k < n; k++)
        if (k != km && grp[k] == grp[km])
            break;
    if (k < n)
    {
        slong len = ctx->jctx->len, r;
        for (r = 0; r < len; r++)
            for (j = 0; j < L; j++)
                arb_dot(tjet_coeff(Q, r, ctx) + j, NULL, 0, SM + r, len, E + j, L, n, prec);
        _tjet_compose_linear(Q, Q, aX, ctx, prec);
        tjet_add(D, D, Q, ctx, prec);
    }

    /* R = Q_km + log D */
    _arb_vec_neg(b, g + km * d * L, d * L);
    _arb_vec_neg(H, X + grp[km] * d * d * L, d * d * L);
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
    _arb_vec_clear(aX, d * d * L);
    _arb_vec_clear(v, (d + d * d) * L);

cleanup:
    _arb_vec_clear(X, ng * d * d * L);
    _arb_vec_clear(LD, ng * L);
    _arb_vec_clear(as, L);
    _arb_vec_clear(a2, L);
    _arb_vec_clear(s2s, L);
    _arb_vec_clear(xs, d * L);
    _arb_vec_clear(l, n * L);
    _arb_vec_clear(g, n * d * L);
    _arb_vec_clear(c, L);
    _arb_vec_clear(b, d * L);
    _arb_vec_clear(H, d * d * L);
    _arb_vec_clear(l0, n);
    _arb_vec_clear(lw, n);
    _arb_vec_clear(E, n * L);
    _arb_vec_clear(SM, n * ctx->jctx->len);
    arb_clear(log2pi);
    arb_clear(u);
    flint_free(grp);
    flint_free(rep);
    flint_free(pk);
    flint_free(diag);
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
