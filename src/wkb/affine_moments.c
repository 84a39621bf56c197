/*
    wkb_affine_moments_series, wkb_affine_moments: mean and covariance of
    q^h_{t0} (h-series coefficients, or values at a ball h) from the
    moment ODE.
*/
#include "affine_impl.h"

/* Unpack block n of the state y into mu (d, zero if the mean block is
   absent) and Sigma. */
static void
_unpack(arb_ptr mu, arb_mat_t Sigma, arb_srcptr y, const _wkb_affine_ode_struct * O, slong n)
{
    slong d = O->d, i, j;
    arb_srcptr b = y + n * O->nv;
    if (O->nmu == 0)
        _arb_vec_zero(mu, d);
    else
        _arb_vec_set(mu, b, d);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            arb_set(arb_mat_entry(Sigma, i, j), b + O->nmu + _wkb_affine_sym_index(i, j, d));
}

int
wkb_affine_moments_series(arb_ptr mu, arb_mat_struct * Sigma, const wkb_affine_t M,
        slong N, slong prec)
{
    _wkb_affine_ode_struct O;
    arb_ptr y;
    slong n;
    int ok;

    _wkb_affine_ode_init(&O, M, N, NULL);
    y = _arb_vec_init(O.n);
    ok = _wkb_affine_solve(y, &O, prec);
    for (n = 0; n <= N; n++)
        _unpack(mu + n * M->d, Sigma + n, y, &O, n);
    _arb_vec_clear(y, O.n);
    _wkb_affine_ode_clear(&O);
    return ok ? WKB_OK : WKB_FAIL;
}

int
wkb_affine_moments(arb_ptr mu, arb_mat_t Sigma, const wkb_affine_t M, const arb_t h,
        slong prec)
{
    _wkb_affine_ode_struct O;
    arb_ptr y;
    int ok;

    _wkb_affine_ode_init(&O, M, 0, h);
    y = _arb_vec_init(O.n);
    ok = _wkb_affine_solve(y, &O, prec);
    _unpack(mu, Sigma, y, &O, 0);
    _arb_vec_clear(y, O.n);
    _wkb_affine_ode_clear(&O);
    return ok ? WKB_OK : WKB_FAIL;
}
