/*
    wkb_affine_loglik_series, wkb_affine_loglik, wkb_affine_nll_series,
    wkb_affine_nll: log q^h_{t0}(x) and NLL(h) = E_{p_0}[-log q^h_{t0}]
    for affine scores, as h-series and at finite h.
*/
#include "affine_impl.h"

/* res = xent series (N >= 0) for moments from the series (h == NULL) or
   value (N = 0) route. */
static int
_affine_xent(arb_poly_t res, const wkb_affine_t M, arb_srcptr m, const arb_mat_t C,
        const arb_t h, slong N, slong prec)
{
    slong d = M->d, n, K = (h == NULL) ? N : 0;
    arb_ptr mu;
    arb_mat_struct * Sigma;
    int status;

    mu = _arb_vec_init((K + 1) * d);
    Sigma = flint_malloc(sizeof(arb_mat_struct) * (K + 1));
    for (n = 0; n <= K; n++)
        arb_mat_init(Sigma + n, d, d);

    if (h == NULL)
        status = wkb_affine_moments_series(mu, Sigma, M, K, prec);
    else
        status = wkb_affine_moments(mu, Sigma, M, h, prec);
    if (status == WKB_OK && !_wkb_affine_xent_series(res, mu, Sigma, m, C, d, K, prec))
        status = WKB_FAIL;
    if (status != WKB_OK)
    {
        arb_poly_fit_length(res, K + 1);
        _arb_vec_indeterminate(res->coeffs, K + 1);
        _arb_poly_set_length(res, K + 1);
    }

    _arb_vec_clear(mu, (K + 1) * d);
    for (n = 0; n <= K; n++)
        arb_mat_clear(Sigma + n);
    flint_free(Sigma);
    return status;
}

int
wkb_affine_loglik_series(arb_poly_t res, const wkb_affine_t M, arb_srcptr x, slong N,
        slong prec)
{
    int status = _affine_xent(res, M, x, NULL, NULL, N, prec);
    arb_poly_neg(res, res);
    return status;
}

int
wkb_affine_loglik(arb_t res, const wkb_affine_t M, arb_srcptr x, const arb_t h, slong prec)
{
    arb_poly_t r;
    int status;
    arb_poly_init(r);
    status = _affine_xent(r, M, x, NULL, h, 0, prec);
    arb_poly_get_coeff_arb(res, r, 0);
    arb_neg(res, res);
    arb_poly_clear(r);
    return status;
}

int
wkb_affine_nll_series(arb_poly_t res, const wkb_affine_t M, arb_srcptr m0,
        const arb_mat_t S0, slong N, slong prec)
{
    return _affine_xent(res, M, m0, S0, NULL, N, prec);
}

int
wkb_affine_nll(arb_t res, const wkb_affine_t M, arb_srcptr m0, const arb_mat_t S0,
        const arb_t h, slong prec)
{
    arb_poly_t r;
    int status;
    arb_poly_init(r);
    status = _affine_xent(r, M, m0, S0, h, 0, prec);
    arb_poly_get_coeff_arb(res, r, 0);
    arb_poly_clear(r);
    return status;
}
