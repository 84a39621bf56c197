/*
    NLL(h) = E_{p_0}[-log q^h_0] = log(2 pi u_0(h))/2 + v0/(2 u_0(h))
    and its h-series: minus the log-likelihood with x^2 replaced by
    E_{p_0}[x^2] = v0.
*/
#include "diffwkb/wkb.h"

void
wkb_gauss1d_nll(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec)
{
    _wkb_gauss1d_loglik_x2(res, M, M->v0, h, prec);
    arb_neg(res, res);
}

void
wkb_gauss1d_nll_series(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec)
{
    _wkb_gauss1d_loglik_x2_series(res, M, M->v0, N, prec);
    arb_poly_neg(res, res);
}
