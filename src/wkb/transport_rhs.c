/*
    _wkb_tr_bwd_rhs: right-hand side of backward block n (see
    transport_impl.h) on time series, for the ode module:
        dU_n/dt = -sum_i G_i d_i U_n + b_n,
    the product truncated at xi-degree K_n (G has no constant term, so
    every kept coefficient only involves kept coefficients of U_n) and at
    tau-length len.  G and b_n come from the time slot at t, which encloses
    them at every time of the ball t; with the state's series enclosing the
    true U_n, each output ball encloses the true coefficient (the ode
    contract).

    The solver's recurrence calls this with the same (t, x) and growing len:
    coefficients already computed for an identical prefix of x (arb_equal)
    at the identical time ball are reused (they enclose the same true
    values), only the new ones are computed.
*/
#include "transport_impl.h"

static void
_inc_alloc(_wkb_tr_block_struct * B, slong Lmax)
{
    const _wkb_tr_struct * T = B->T;
    slong n = B->n;
    _wkb_tr_blk_inc_free(B);
    B->Lmax = Lmax;
    B->U = _arb_vec_init(T->m[n] * Lmax);
    B->R = _arb_vec_init(T->m[n] * Lmax);
    B->D = _arb_vec_init(FLINT_MAX(T->d * T->mD[n], 1) * Lmax);
    B->inc_valid = 0;
    B->inc_len = 0;
}

/* tau-coefficient k of the right-hand side (B->U holds coefficients 0..k) */
static void
_coeff_k(_wkb_tr_block_struct * B, const _wkb_tr_slot_struct * s, slong k, slong prec)
{
    const _wkb_tr_struct * T = B->T;
    const jet_ctx_struct * jc = T->jc;
    slong d = T->d, Lm = B->Lmax, Ls = s->L, n = B->n, mD = T->mD[n], i, r, q;
    arb_t acc;

    arb_init(acc);
    for (i = 0; i < d; i++)
        for (r = 0; r < mD; r++)
            arb_mul_si(B->D + (i * mD + r) * Lm + k, B->U + jc->up[r * d + i] * Lm + k,
                       jc->exps[r * d + i] + 1, prec);

    for (r = 0; r < T->m[n]; r++)
    {
        const slong * pr = jc->mul_pairs + 2 * jc->mul_start[r];
        slong np = jc->mul_start[r + 1] - jc->mul_start[r];
        arb_set(acc, s->bs[n] + r * Ls + k);
        for (i = 0; i < d; i++)
        {
            arb_srcptr G = s->G[i].coeffs;
            arb_srcptr D = B->D + i * mD * Lm;
            for (q = 0; q < np; q++)
            {
                slong a = pr[2 * q], b = pr[2 * q + 1];
                if (a == 0)
                    continue;
                arb_dot(acc, acc, 1, G + a * Ls, 1, D + b * Lm + k, -1, k + 1, prec);
            }
        }
        arb_swap(B->R + r * Lm + k, acc);
    }
    arb_clear(acc);
}

int
_wkb_tr_bwd_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec)
{
    _wkb_tr_block_struct * B = param;
    _wkb_tr_struct * T = B->T;
    _wkb_tr_slot_struct * s;
    slong k, k0, q, ns = T->m[B->n];

    s = _wkb_tr_slot(T, t, FLINT_MAX(len, T->Lc), prec);
    if (s == NULL || !_wkb_tr_slot_inhom(T, s, B->n, prec))
        return 1;
    if (B->Lmax < len)
        _inc_alloc(B, FLINT_MAX(len, T->Lc));

    k0 = 0;
    if (B->inc_valid && arb_equal(B->inc_t, t))
    {
        slong kmax = FLINT_MIN(B->inc_len, len);
        for (k0 = 0; k0 < kmax; k0++)
        {
            int same = 1;
            for (q = 0; q < ns && same; q++)
            {
                arb_srcptr u = B->U + q * B->Lmax + k0;
                if (k0 < x[q].length)
                    same = arb_equal(x[q].coeffs + k0, u);
                else
                    same = arb_is_zero(u);
            }
            if (!same)
                break;
        }
    }
    else
    {
        arf_set(arb_midref(B->inc_t), arb_midref(t));
        mag_set(arb_radref(B->inc_t), arb_radref(t));
        B->inc_valid = 1;
    }

    for (k = k0; k < len; k++)
    {
        for (q = 0; q < ns; q++)
        {
            arb_ptr u = B->U + q * B->Lmax + k;
            if (k < x[q].length)
                arb_set(u, x[q].coeffs + k);
            else
                arb_zero(u);
        }
        _coeff_k(B, s, k, prec);
    }
    B->inc_len = len;

    for (q = 0; q < ns; q++)
    {
        arb_poly_fit_length(res + q, len);
        _arb_vec_set(res[q].coeffs, B->R + q * B->Lmax, len);
        _arb_poly_set_length(res + q, len);
        _arb_poly_normalise(res + q);
        if (!_arb_vec_is_finite(res[q].coeffs, res[q].length))
            return 1;
    }
    return 0;
}

/*
    _wkb_tr_bwd_jac: Jacobian of block n's right-hand side on time series.
    The equation is linear in U_n,
        F_r(U) = b_r - sum_i sum_{a * c = r, a != 0} G_i[a] (e_i(c) + 1) U[c + e_i]
    (monomials a, c; e_i(c) the exponent of xi_i in c; the coefficient of c
    in d_i U is (e_i(c) + 1) U[c + e_i]), so
        dF_r/dU_q = - sum_i sum_{a * c = r, a != 0, c + e_i = q} (e_i(c) + 1) G_i[a],
    independent of x.  J[r * m + q] (m = m[n]) is this tau-series truncated
    at length len, G_i[a] from the time slot at t; it encloses the true
    derivative at every time of the ball t.

    Used for the blocks with m[n] <= T->jac_max_m, default 0 (never):
    measured 2026-11-23 (CPU s, with the Jacobian for every block vs none,
    same steps both ways):
      1D mixture1d x = 0.5, N = 4, 85 bits (m <= 9):   1.64 vs 0.92 s, radii
          equal but c_4 2.48e-15 vs 2.30e-15;
      same, N = 6, 95 bits (m <= 13):                  7.4 vs 3.3 s, radii equal;
      g25-simple-misspec (0.7, -0.7), N = 1, 74 bits:  3.9 vs 3.5 s, c_1
          4.32e-16 vs 3.98e-16;
      2D two-component mixture, N = 4, 64 bits (m <= 45): 37.5 vs 6.2 s,
          c_4 3.4e-7 vs 7.3e-9;
      b-c1 (2D, N = 1), transport c_1 at 64 bits: 1.7e-11 vs 4.6e-13.
    The CLI (loglik --digits 10 / 6) needs the same precision attempts
    either way: 1.98 vs 1.22 s, 7.89 vs 3.48 s, 6.54 vs 5.77 s.  Why: each
    interval is a fresh ode_solve from a box, so Lohner's coordinates do not
    persist; the O(p^2 m^3) variational series dominates; and the stored
    step polynomial (centre series + V_k (hull - centre), V_k on the a
    priori box) is wider than the direct series on the hull, which widens
    the lower-block series that the slots feed into b_n of the blocks
    above (block 0 alone with the Jacobian in b-c1: c_0 unchanged, c_1 50
    times wider).  Only the scalar blocks (m = 1, jac_max_m = 1): same
    radii, time within noise (min of 5: 0.84 vs 0.82 s, 1.27 vs 1.35 s).

    Re-measured 2026-12-04, after the leader block's state came from
    ode_solve's own Lohner state instead of its stored step evaluated at
    the step's end (the "50 times wider" above was that): with the
    Jacobian for every block, b-c1 c_1 4.3e-14 vs 3.7e-13 in the same
    time; mixture1d N = 4, 85 bits: 1.56 vs 0.86 s, c_4 1.9e-18 vs 7.8e-17;
    b-c1 N = 3: 18.6 vs 6.2 s, c_3 4.6e-11 vs 6.0e-8.  CLI --digits 10:
    1.1 to 2.6 times slower on every problem tried.  But between two modes
    of the 25-Gaussian (a strongly contracting flow) c_1 at 64 bits is
    +/- 1.5e-11 with it and +/- 2.9e20 without.  Hence the default: no
    Jacobian, and a trial switch during the march (transport_backward.c)
    for blocks that lose accuracy geometrically: there +/- 2.7e-11; on
    mixture1d N = 4 two blocks switch (1.2 vs 0.9 s, radii 4-5 times
    smaller), b-c1 N = 3 one (6.9 vs 7.1 s, c_3 2.2e-8), the 25-Gaussian
    at its modes none.
*/
int
_wkb_tr_bwd_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec)
{
    _wkb_tr_block_struct * B = param;
    _wkb_tr_struct * T = B->T;
    const jet_ctx_struct * jc = T->jc;
    _wkb_tr_slot_struct * s;
    slong d = T->d, ns = T->m[B->n], Ls, r, q, i, j;
    arb_ptr W;
    arb_t e;
    int ret = 0;

    (void) x;
    s = _wkb_tr_slot(T, t, FLINT_MAX(len, T->Lc), prec);
    if (s == NULL)
        return 1;
    Ls = s->L;

    W = _arb_vec_init(ns * ns * len);
    arb_init(e);
    for (r = 0; r < ns; r++)
    {
        const slong * pr = jc->mul_pairs + 2 * jc->mul_start[r];
        slong np = jc->mul_start[r + 1] - jc->mul_start[r];
        for (q = 0; q < np; q++)
        {
            slong a = pr[2 * q], c = pr[2 * q + 1];
            if (a == 0)
                continue;
            for (i = 0; i < d; i++)
            {
                slong col = jc->up[c * d + i];
                arb_set_si(e, jc->exps[c * d + i] + 1);
                _arb_vec_scalar_addmul(W + (r * ns + col) * len, s->G[i].coeffs + a * Ls,
                                       len, e, prec);
            }
        }
    }
    for (j = 0; j < ns * ns; j++)
    {
        arb_poly_fit_length(J + j, len);
        _arb_vec_neg(J[j].coeffs, W + j * len, len);
        _arb_poly_set_length(J + j, len);
        _arb_poly_normalise(J + j);
        if (!_arb_vec_is_finite(J[j].coeffs, J[j].length))
            ret = 1;
    }
    arb_clear(e);
    _arb_vec_clear(W, ns * ns * len);
    return ret;
}
