/*
    log q^h_0(x) = -log(2 pi u_0(h))/2 - x^2/(2 u_0(h)) and its h-series
    (arb_poly log_series / inv_series of the u_0 series).  The raw versions
    take x^2 (a ball) so that NLL can pass E_{p_0}[x^2] = v0 exactly.
*/
#include "diffwkb/wkb.h"

void
_wkb_gauss1d_loglik_x2(arb_t res, const wkb_gauss1d_t M, const arb_t x2,
        const arb_t h, slong prec)
{
    arb_t u, t;
    arb_init(u);
    arb_init(t);

    wkb_gauss1d_u0(u, M, h, prec);
    if (!arb_is_positive(u))
    {
        arb_indeterminate(res);
    }
    else
    {
        arb_const_pi(t, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_mul(t, t, u, prec);
        arb_log(t, t, prec);            /* log(2 pi u) */
        arb_div(res, x2, u, prec);      /* x^2 / u */
        arb_add(res, res, t, prec);
        arb_mul_2exp_si(res, res, -1);
        arb_neg(res, res);
    }

    arb_clear(u);
    arb_clear(t);
}

void
wkb_gauss1d_loglik(arb_t res, const wkb_gauss1d_t M, const arb_t x,
        const arb_t h, slong prec)
{
    arb_t x2;
    arb_init(x2);
    arb_sqr(x2, x, prec);
    _wkb_gauss1d_loglik_x2(res, M, x2, h, prec);
    arb_clear(x2);
}

void
_wkb_gauss1d_loglik_x2_series(arb_poly_t res, const wkb_gauss1d_t M,
        const arb_t x2, slong N, slong prec)
{
    arb_poly_t U, lg, iv;
    arb_t t;
    slong n;

    if (N < 0)
    {
        arb_poly_zero(res);
        return;
    }

    arb_poly_init(U);
    arb_poly_init(lg);
    arb_poly_init(iv);
    arb_init(t);

    wkb_gauss1d_u0_series(U, M, N, prec);

    if (U->length == 0 || !arb_is_positive(U->coeffs))
    {
        arb_poly_fit_length(res, N + 1);
        _arb_poly_set_length(res, N + 1);
        for (n = 0; n <= N; n++)
            arb_indeterminate(res->coeffs + n);
    }
    else
    {
        /* log(2 pi U) and x^2 / U as series; U_0 > 0 */
        arb_const_pi(t, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_poly_scalar_mul(U, U, t, prec);
        arb_poly_log_series(lg, U, N + 1, prec);
        arb_poly_inv_series(iv, U, N + 1, prec);
        arb_mul(t, t, x2, prec);                 /* 2 pi x^2 */
        arb_poly_scalar_mul(iv, iv, t, prec);
        arb_poly_add(res, lg, iv, prec);
        arb_poly_scalar_mul_2exp_si(res, res, -1);
        arb_poly_neg(res, res);
    }

    arb_poly_clear(U);
    arb_poly_clear(lg);
    arb_poly_clear(iv);
    arb_clear(t);
}

void
wkb_gauss1d_loglik_series(arb_poly_t res, const wkb_gauss1d_t M,
        const arb_t x, slong N, slong prec)
{
    arb_t x2;
    arb_init(x2);
    arb_sqr(x2, x, prec);
    _wkb_gauss1d_loglik_x2_series(res, M, x2, N, prec);
    arb_clear(x2);
}
