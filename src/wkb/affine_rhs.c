/*
    Right-hand side of the affine moment ODE (see wkb.h and affine_impl.h)
    on time series, with caches for the growing-len calls of the Taylor
    recurrence.
*/
#include "affine_impl.h"

static void
_alloc_arrays(_wkb_affine_ode_struct * O, slong alloc)
{
    slong d = O->d;
    O->alloc = alloc;
    O->fc = _arb_vec_init(alloc);
    O->noise = _arb_vec_init(alloc);
    O->Kc = _arb_vec_init(d * d * alloc);
    O->Mc = _arb_vec_init(d * d * alloc);
    O->kc = _arb_vec_init(d * alloc);
    O->xc = _arb_vec_init(O->n * alloc);
    O->G = _arb_vec_init((O->N + 1) * O->ncol * 2 * d * alloc);
    O->Ai = _arb_vec_init(d * 2 * d * alloc);
    O->Fc = _arb_vec_init(O->n * alloc);
    O->tvalid = 0;
    O->svalid = 0;
}

static void
_free_arrays(_wkb_affine_ode_struct * O)
{
    slong d = O->d, alloc = O->alloc;
    _arb_vec_clear(O->fc, alloc);
    _arb_vec_clear(O->noise, alloc);
    _arb_vec_clear(O->Kc, d * d * alloc);
    _arb_vec_clear(O->Mc, d * d * alloc);
    _arb_vec_clear(O->kc, d * alloc);
    _arb_vec_clear(O->xc, O->n * alloc);
    _arb_vec_clear(O->G, (O->N + 1) * O->ncol * 2 * d * alloc);
    _arb_vec_clear(O->Ai, d * 2 * d * alloc);
    _arb_vec_clear(O->Fc, O->n * alloc);
}

void
_wkb_affine_ode_init(_wkb_affine_ode_struct * O, const wkb_affine_t M, slong N,
        const arb_t h)
{
    slong d = M->d;
    int mean_zero;

    O->M = M;
    O->d = d;
    O->value_mode = (h != NULL);
    O->N = O->value_mode ? 0 : N;
    O->ds = d * (d + 1) / 2;
    mean_zero = _arb_vec_is_zero(M->muT, d) &&
        ((M->kind == WKB_AFFINE_GAUSS) ? _arb_vec_is_zero(M->m, d)
                                       : _arb_vec_is_zero(M->b, d));
    O->nmu = mean_zero ? 0 : d;
    O->nv = O->nmu + O->ds;
    O->ncol = (O->nmu > 0) + d;
    O->n = (O->N + 1) * O->nv;
    arb_init(O->h);
    arb_init(O->hp1);
    if (O->value_mode)
    {
        arb_set(O->h, h);
        arb_add_ui(O->hp1, h, 1, ARF_PREC_EXACT);
    }
    else
        arb_one(O->hp1);
    arb_init(O->tc);
    O->Lc = O->Lhint = O->Ls = 0;
    O->P = _arb_vec_init(d * O->ncol);
    _alloc_arrays(O, 16);
}

void
_wkb_affine_ode_clear(_wkb_affine_ode_struct * O)
{
    _free_arrays(O);
    _arb_vec_clear(O->P, O->d * O->ncol);
    arb_clear(O->h);
    arb_clear(O->hp1);
    arb_clear(O->tc);
}

static void
_ensure_alloc(_wkb_affine_ode_struct * O, slong L)
{
    if (L > O->alloc)
    {
        _free_arrays(O);
        _alloc_arrays(O, FLINT_MAX(L, 2 * O->alloc));
    }
}

/* Time series of f, noise, K, k at t, length L (alloc >= L).  Returns 0 on
   success, 1 if they cannot be enclosed. */
static int
_time_coeffs(_wkb_affine_ode_struct * O, const arb_t t, slong L, slong prec)
{
    const wkb_affine_struct * M = O->M;
    slong d = O->d, al = O->alloc, i, j, l, r, c;
    arb_poly_t fs, gs, as, s2s, alpha;
    arb_t u, v;
    int ok = 1;

    arb_poly_init(fs); arb_poly_init(gs); arb_poly_init(as);
    arb_poly_init(s2s); arb_poly_init(alpha);
    arb_init(u); arb_init(v);

    sched_f_series(fs, M->sde, t, L, prec);
    sched_g2_series(gs, M->sde, t, L, prec);
    for (j = 0; j < L; j++)
    {
        arb_poly_get_coeff_arb(O->fc + j, fs, j);
        arb_poly_get_coeff_arb(O->noise + j, gs, j);
        arb_neg(O->noise + j, O->noise + j);
        if (O->value_mode)
            arb_mul(O->noise + j, O->noise + j, O->h, prec);
    }

    if (M->kind == WKB_AFFINE_CONST)
    {
        for (j = 0; j < L; j++)
        {
            arb_poly_get_coeff_arb(u, gs, j);
            arb_mul(u, u, O->hp1, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_neg(u, u);                     /* -(1+h) g2_j / 2 */
            for (i = 0; i < d; i++)
            {
                for (l = 0; l < d; l++)
                    arb_mul(O->Kc + (i * d + l) * al + j, arb_mat_entry(M->A, i, l), u, prec);
                arb_mul(O->kc + i * al + j, M->b + i, u, prec);
            }
        }
    }
    else
    {
        /* flat series (entry e = r d + c at e L + j): X = C^{-1}, K, K m */
        arb_mat_t C, W, Y;
        arb_ptr Xf, Km, ac, sc, gc, asc;
        slong e;
        arb_mat_init(C, d, d); arb_mat_init(W, d, d); arb_mat_init(Y, d, d);
        Xf = _arb_vec_init(d * d * L);
        Km = _arb_vec_init(d * L);
        ac = _arb_vec_init(L); sc = _arb_vec_init(L); gc = _arb_vec_init(L);
        asc = _arb_vec_init(L);

        sched_a_series(as, M->sde, t, L, prec);
        sched_s2_series(s2s, M->sde, t, L, prec);
        arb_poly_mullow(alpha, as, as, L, prec);
        for (j = 0; j < L; j++)
        {
            arb_poly_get_coeff_arb(ac + j, alpha, j);
            arb_poly_get_coeff_arb(sc + j, s2s, j);
            arb_poly_get_coeff_arb(gc + j, gs, j);
            arb_poly_get_coeff_arb(asc + j, as, j);
        }

        /* C_0 = alpha_0 S + s2_0 I, X_0 = C_0^{-1} */
        arb_mat_scalar_mul_arb(C, M->S, ac + 0, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), sc + 0, prec);
        if (!arb_mat_spd_inv(W, C, prec) && !arb_mat_inv(W, C, prec))
            ok = 0;
        for (e = 0; ok && e < d * d; e++)
            arb_set(Xf + e * L, W->entries + e);
        /* X_j = -X_0 (S Y_j + Z_j), Y_j = sum_{i>=1} alpha_i X_{j-i},
           Z_j = sum_{i>=1} s2_i X_{j-i} */
        for (j = 1; ok && j < L; j++)
        {
            for (r = 0; r < d; r++)
                for (c = 0; c < d; c++)
                {
                    e = r * d + c;
                    arb_dot(arb_mat_entry(Y, r, c), NULL, 0, ac + 1, 1, Xf + e * L + j - 1, -1,
                            j, prec);
                    arb_dot(arb_mat_entry(C, r, c), NULL, 0, sc + 1, 1, Xf + e * L + j - 1, -1,
                            j, prec);
                }
            arb_mat_mul(W, M->S, Y, prec);
            arb_mat_add(W, W, C, prec);
            for (r = 0; r < d; r++)
                for (c = 0; c < d; c++)
                {
                    arb_dot(Xf + (r * d + c) * L + j, NULL, 1, Xf + (r * d) * L, L,
                            arb_mat_entry(W, 0, c), d, d, prec);
                }
        }
        /* K_j = (1+h) (lambda/2) sum_i g2_i X_{j-i} */
        arb_mul(v, M->lambda, O->hp1, prec);
        arb_mul_2exp_si(v, v, -1);
        for (e = 0; ok && e < d * d; e++)
            for (j = 0; j < L; j++)
            {
                arb_ptr Kj = O->Kc + e * al + j;
                arb_dot(Kj, NULL, 0, gc, 1, Xf + e * L + j, -1, j + 1, prec);
                arb_mul(Kj, Kj, v, prec);
            }
        /* k_j = -sum_i (K_i m) a_{j-i} */
        for (r = 0; ok && r < d; r++)
        {
            for (j = 0; j < L; j++)
                arb_dot(Km + r * L + j, NULL, 0, O->Kc + (r * d) * al + j, al, M->m, 1, d, prec);
            for (j = 0; j < L; j++)
                arb_dot(O->kc + r * al + j, NULL, 1, asc, 1, Km + r * L + j, -1, j + 1, prec);
        }
        arb_mat_clear(C); arb_mat_clear(W); arb_mat_clear(Y);
        _arb_vec_clear(Xf, d * d * L);
        _arb_vec_clear(Km, d * L);
        _arb_vec_clear(ac, L); _arb_vec_clear(sc, L); _arb_vec_clear(gc, L);
        _arb_vec_clear(asc, L);
    }

    /* M = f I + K (f and K nearly cancel for large beta: combining them
       before the state recurrence keeps its radii small) */
    for (i = 0; ok && i < d; i++)
        for (l = 0; l < d; l++)
        {
            if (i == l)
                _arb_vec_add(O->Mc + (i * d + l) * al, O->Kc + (i * d + l) * al, O->fc, L, prec);
            else
                _arb_vec_set(O->Mc + (i * d + l) * al, O->Kc + (i * d + l) * al, L);
        }
    if (ok)
    {
        ok = _arb_vec_is_finite(O->fc, L) && _arb_vec_is_finite(O->noise, L);
        for (i = 0; ok && i < d * d; i++)
            ok = _arb_vec_is_finite(O->Kc + i * al, L);
        for (i = 0; ok && i < d; i++)
            ok = _arb_vec_is_finite(O->kc + i * al, L);
    }

    arb_poly_clear(fs); arb_poly_clear(gs); arb_poly_clear(as);
    arb_poly_clear(s2s); arb_poly_clear(alpha);
    arb_clear(u); arb_clear(v);
    return ok ? 0 : 1;
}

/*
    Time series at a wide time ball t (radius r > 0), tight version.  The
    direct evaluation of the recurrences (inverse series of C(t), products
    with the schedule series) on a wide ball propagates the radii like a
    majorant series: at order 30 they can exceed the true coefficients by
    many orders of magnitude.  Instead, for every series c among f, noise,
    K, k and every s = tm + delta in t (tm the midpoint, |delta| <= r):
        c_j(s) = sum_{m < R} binom(j+m, m) c_{j+m}(tm) delta^m
                 + binom(j+R, R) c_{j+R}(xi) delta^R,     xi in t
    (Taylor's formula for the j-th derivative of c / j!), with the point
    coefficients at tm (radius ~2^-prec) and only the order j+R
    coefficients from the wide ball, multiplied by r^R.  The result is
    intersected with the direct ball evaluation (both enclose c_j(s)).
    Returns 0 on success.
*/
#define _AFFINE_REEXPAND 12

static int
_time_coeffs_wide(_wkb_affine_ode_struct * O, const arb_t t, slong L, slong prec)
{
    slong R = _AFFINE_REEXPAND, Lx = L + R, d = O->d, al, nser, s, j, m;
    arb_ptr pt;
    arb_t tm, c, b;
    mag_t e, bm, a;
    int ok;

    if (arb_is_exact(t))
        return _time_coeffs(O, t, L, prec);

    _ensure_alloc(O, Lx);
    al = O->alloc;
    nser = 2 + 2 * d * d + d;
    pt = _arb_vec_init(nser * Lx);
    arb_init(tm); arb_init(c); arb_init(b);
    mag_init(e); mag_init(bm); mag_init(a);

    /* point coefficients at the midpoint */
    arf_set(arb_midref(tm), arb_midref(t));
    ok = (_time_coeffs(O, tm, Lx, prec) == 0);
    if (ok)
    {
        for (j = 0; j < Lx; j++)
        {
            arb_set(pt + 0 * Lx + j, O->fc + j);
            arb_set(pt + 1 * Lx + j, O->noise + j);
            for (s = 0; s < d * d; s++)
                arb_set(pt + (2 + s) * Lx + j, O->Kc + s * al + j);
            for (s = 0; s < d; s++)
                arb_set(pt + (2 + d * d + s) * Lx + j, O->kc + s * al + j);
            for (s = 0; s < d * d; s++)
                arb_set(pt + (2 + d * d + d + s) * Lx + j, O->Mc + s * al + j);
        }
        ok = (_time_coeffs(O, t, Lx, prec) == 0);
    }
    if (ok)
    {
        for (s = 0; s < nser; s++)
        {
            arb_ptr ball = (s == 0) ? O->fc : (s == 1) ? O->noise :
                (s < 2 + d * d) ? O->Kc + (s - 2) * al :
                (s < 2 + d * d + d) ? O->kc + (s - 2 - d * d) * al :
                O->Mc + (s - 2 - d * d - d) * al;
            arb_srcptr pc = pt + s * Lx;
            /* ascending j: ball[j + R] is still the direct ball value */
            for (j = 0; j < L; j++)
            {
                /* e = sum_{1 <= m < R} binom(j+m, m) |pc_{j+m}| r^m
                       + binom(j+R, R) |ball_{j+R}| r^R   (upper bound) */
                mag_zero(e);
                mag_one(bm);                      /* binom(j+m, m) r^m */
                for (m = 1; m <= R; m++)
                {
                    mag_mul_ui(bm, bm, j + m);
                    mag_div_ui(bm, bm, m);       /* rounds up: still a bound */
                    mag_mul(bm, bm, arb_radref(t));
                    arb_get_mag(a, (m < R) ? pc + j + m : ball + j + R);
                    mag_addmul(e, a, bm);
                }
                arb_set(c, pc + j);
                arb_add_error_mag(c, e);
                if (arb_intersection(b, c, ball + j, prec))
                    arb_swap(ball + j, b);
                else
                    arb_swap(ball + j, c);   /* cannot happen in exact terms */
            }
        }
    }

    _arb_vec_clear(pt, nser * Lx);
    arb_clear(tm); arb_clear(c); arb_clear(b);
    mag_clear(e); mag_clear(bm); mag_clear(a);
    return ok ? 0 : 1;
}

/*
    Coefficient k of the right-hand side (x coefficients 0..k in xc), in
    the form (M = f I + K, M and K for the h-order of the block):
        mu_n'    = M mu_n + K mu_{n-1} + [n <= 1] k,
        Sigma_n' = P + P^T + [noise block] noise I,
        P = M Sigma_n + K Sigma_{n-1},
    equal to the equations of wkb.h (W_n = Sigma_n + Sigma_{n-1}).

    Layout (w = 2 d channels, al = O->alloc):
      Ai + (i al + j) w + l      = M[i][l]_j,  + d + l: K[i][l]_j;
      G + ((n ncol + c) al + al - 1 - j) w + l = coefficient j of entry l
          of column c of block n (c = 0 the mean if nmu > 0, then the
          columns of Sigma_n), + d + l: the same for block n - 1 (zero for
          n = 0).
    so that (M x_n + K x_{n-1})[i, c]_k = sum_{j <= k} (Ai row i)_j .
    (G column c)_{k-j} is one arb_dot of length w (k + 1), both strides 1.
*/
static void
_rhs_coeff(_wkb_affine_ode_struct * O, slong k, slong prec)
{
    slong d = O->d, al = O->alloc, nmu = O->nmu, nv = O->nv, ncol = O->ncol;
    slong w = 2 * d, n, i, j, l, c, cs = (nmu > 0);
    arb_ptr P = O->P;

    /* scatter coefficient k of the state into the columns */
    for (n = 0; n <= O->N; n++)
        for (c = 0; c < ncol; c++)
        {
            arb_ptr g = O->G + ((n * ncol + c) * al + al - 1 - k) * w;
            for (l = 0; l < d; l++)
            {
                slong v = (c < cs) ? n * nv + l
                          : n * nv + nmu + _wkb_affine_sym_index(l, c - cs, d);
                arb_set(g + l, O->xc + v * al + k);
                if (n < O->N)
                    arb_set(g + ncol * al * w + d + l, O->xc + v * al + k);
            }
        }

    for (n = 0; n <= O->N; n++)
    {
        for (i = 0; i < d; i++)
            for (c = 0; c < ncol; c++)
                arb_dot(P + i * ncol + c, NULL, 0, O->Ai + i * al * w, 1,
                        O->G + ((n * ncol + c) * al + al - 1 - k) * w, 1, w * (k + 1), prec);
        for (i = 0; i < nmu; i++)
        {
            arb_ptr F = O->Fc + (n * nv + i) * al + k;
            arb_set(F, P + i * ncol);
            if (n <= 1)
                arb_add(F, F, O->kc + i * al + k, prec);
        }
        for (i = 0; i < d; i++)
            for (j = i; j < d; j++)
            {
                arb_ptr F = O->Fc + (n * nv + nmu + _wkb_affine_sym_index(i, j, d)) * al + k;
                arb_add(F, P + i * ncol + cs + j, P + j * ncol + cs + i, prec);
                if (i == j && n == (O->value_mode ? 0 : 1))
                    arb_add(F, F, O->noise + k, prec);
            }
    }
}

/* Interleaved rows of M and K (layout above) from Mc, Kc, length L. */
static void
_fill_rows(_wkb_affine_ode_struct * O, slong L)
{
    slong d = O->d, al = O->alloc, w = 2 * d, i, l, j;
    for (i = 0; i < d; i++)
        for (j = 0; j < L; j++)
            for (l = 0; l < d; l++)
            {
                arb_set(O->Ai + (i * al + j) * w + l, O->Mc + (i * d + l) * al + j);
                arb_set(O->Ai + (i * al + j) * w + d + l, O->Kc + (i * d + l) * al + j);
            }
}

/* res = a ball containing t intersected with [lower(t0), upper(T)] whose
   lower end is exactly lo = max(lower(t), lower(t0)) (midpoint lo + r,
   radius r >= (hi - lo)/2), so that the schedule never sees a time below
   lo.  Returns 0 if the intersection is empty. */
static int
_clamp_time(arb_t res, const arb_t t, const arb_t t0, const arb_t T, slong prec)
{
    arf_t lo, hi, u;
    mag_t r;
    int ok;
    arf_init(lo); arf_init(hi); arf_init(u);
    mag_init(r);
    arb_get_lbound_arf(lo, t, prec);
    arb_get_lbound_arf(u, t0, prec);
    if (arf_cmp(u, lo) > 0)
        arf_set(lo, u);
    arb_get_ubound_arf(hi, t, prec);
    arb_get_ubound_arf(u, T, prec);
    if (arf_cmp(u, hi) < 0)
        arf_set(hi, u);
    ok = arf_is_finite(lo) && arf_is_finite(hi) && arf_cmp(lo, hi) <= 0;
    if (ok)
    {
        arf_sub(u, hi, lo, MAG_BITS, ARF_RND_UP);
        arf_mul_2exp_si(u, u, -1);
        arf_get_mag(r, u);
        arf_set_mag(u, r);
        arf_add(arb_midref(res), lo, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        mag_set(arb_radref(res), r);
    }
    arf_clear(lo); arf_clear(hi); arf_clear(u);
    mag_clear(r);
    return ok;
}

int
_wkb_affine_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec)
{
    _wkb_affine_ode_struct * O = param;
    slong v, c, k0, al;
    arb_srcptr xv;

    if (len <= 0)
        return 0;
    _ensure_alloc(O, FLINT_MAX(len, O->Lhint));
    O->Lhint = FLINT_MAX(O->Lhint, len);

    if (!O->tvalid || O->Lc < len || !arb_equal(t, O->tc))
    {
        arb_t tt;
        int ok;
        O->svalid = 0;
        O->tvalid = 0;
        /* The solver only needs times in [t0, T] (the integration
           interval), but its step balls t + hull(0, h) may stick out of it
           by rounding: below t0 = 0 the schedule series are indeterminate.
           Intersecting with [t0, T] keeps the contract for every time the
           solution is defined at. */
        arb_init(tt);
        ok = _clamp_time(tt, t, O->M->t0, O->M->T, prec)
            && _time_coeffs_wide(O, tt, O->Lhint, prec) == 0;
        arb_clear(tt);
        if (!ok)
            return 1;
        _fill_rows(O, O->Lhint);
        O->tvalid = 1;
        O->Lc = O->Lhint;
        arb_set(O->tc, t);
    }
    al = O->alloc;

    /* longest prefix of x already processed */
    k0 = 0;
    /* the state cache is reset whenever the time cache changes, so it
       belongs to the time t == O->tc */
    if (O->svalid)
    {
        k0 = FLINT_MIN(O->Ls, len);
        for (v = 0; v < O->n && k0 > 0; v++)
            for (c = 0; c < k0; c++)
            {
                xv = (c < x[v].length) ? x[v].coeffs + c : NULL;
                if (xv == NULL ? !arb_is_zero(O->xc + v * al + c)
                               : !arb_equal(xv, O->xc + v * al + c))
                {
                    k0 = c;
                    break;
                }
            }
    }
    for (c = k0; c < len; c++)
    {
        for (v = 0; v < O->n; v++)
        {
            if (c < x[v].length)
                arb_set(O->xc + v * al + c, x[v].coeffs + c);
            else
                arb_zero(O->xc + v * al + c);
        }
        _rhs_coeff(O, c, prec);
    }
    O->Ls = len;
    O->svalid = 1;

    for (v = 0; v < O->n; v++)
    {
        arb_poly_fit_length(res + v, len);
        _arb_vec_set(res[v].coeffs, O->Fc + v * al, len);
        _arb_poly_set_length(res + v, len);
        _arb_poly_normalise(res + v);
    }
    for (v = 0; v < O->n; v++)
        if (!_arb_vec_is_finite(O->Fc + v * al, len))
            return 1;
    return 0;
}
