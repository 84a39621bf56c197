/*
    wkb_transport_loglik_series: c_0..c_N of log q^h_{t0}(x) by jet
    transport (wkb.h, route 3): forward characteristic, then the backward
    jet system with N + 1 blocks; c_n is the constant coefficient of block
    n at t0.  Encloses the true coefficients; WKB_FAIL (res indeterminate)
    if a validated solve failed.
*/
#include "transport_impl.h"

int
wkb_transport_loglik_series(arb_poly_t res, const problem_t P, arb_srcptr x, slong N,
        wkb_transport_opt_t opt, slong prec)
{
    _wkb_tr_t T;
    slong n;
    int ok;

    if (N < 0 || P->dim < 1 || P->data == NULL)
        return WKB_UNSUPPORTED;

    _wkb_tr_init(T, P, N, N + 1, opt);
    ok = _wkb_tr_forward(T, x, prec);
    if (ok)
        ok = _wkb_tr_backward(T, prec);

    arb_poly_fit_length(res, N + 1);
    for (n = 0; n <= N; n++)
    {
        if (ok)
            arb_set(res->coeffs + n, T->blk[n].sol->x + 0);
        else
            arb_indeterminate(res->coeffs + n);
    }
    _arb_poly_set_length(res, N + 1);
    _arb_poly_normalise(res);
    if (opt != NULL)
    {
        opt->steps_fwd = T->steps_fwd;
        opt->steps_bwd = T->steps_bwd;
        opt->jac_switched = T->jac_switched;
        opt->steps_aux = 0;
    }
    _wkb_tr_clear(T);
    return ok ? WKB_OK : WKB_FAIL;
}
