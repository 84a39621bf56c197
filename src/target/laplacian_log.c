/* _target_laplacian_log: res encloses the Laplacian of log p_t at x under
   (a, s2):  -sum_k pi_k tr C_k^{-1} + sum_k pi_k |h_k - hbar|^2, where
   h_k = g_k - g_kmax and hbar = sum_k pi_k h_k (the posterior covariance
   of the component gradients, written without cancellation); indeterminate
   if a covariance is not certified positive definite. */
#include "target_impl.h"

void
_target_laplacian_log(arb_t res, const target_t P, const arb_t a, const arb_t s2,
                      arb_srcptr x, slong prec)
{
    _target_comp_t c;
    slong k, i, d = P->d, n = P->n;
    arb_ptr pi, hbar, u;
    arb_t t, acc;

    _target_comp_init(c, d, n);
    if (!_target_comp_eval(c, P, a, s2, x, 1, prec))
    {
        arb_indeterminate(res);
        _target_comp_clear(c);
        return;
    }

    pi = _arb_vec_init(n);
    hbar = _arb_vec_init(d);
    u = _arb_vec_init(d);
    arb_init(t);
    arb_init(acc);

    for (k = 0; k < n; k++)
    {
        if (k == c->kmax)
            arb_inv(pi + k, c->Z, prec);
        else
            arb_div(pi + k, c->e + k, c->Z, prec);
        if (k != c->kmax)
            _arb_vec_scalar_addmul(hbar, c->h + k * d, d, pi + k, prec);
    }

    for (k = 0; k < n; k++)
    {
        /* -tr C_k^{-1} + |h_k - hbar|^2 */
        arb_zero(t);
        for (i = 0; i < d; i++)
            arb_sub(t, t, arb_mat_entry(c->Cinv + k, i, i), prec);
        _arb_vec_sub(u, c->h + k * d, hbar, d, prec);
        for (i = 0; i < d; i++)
            arb_addmul(t, u + i, u + i, prec);
        arb_addmul(acc, pi + k, t, prec);
    }
    arb_swap(res, acc);

    _arb_vec_clear(pi, n);
    _arb_vec_clear(hbar, d);
    _arb_vec_clear(u, d);
    arb_clear(t);
    arb_clear(acc);
    _target_comp_clear(c);
}
