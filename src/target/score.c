/* _target_score: res[0..d-1] encloses grad log p_t(x) under (a, s2):
   -g_kmax - sum_{k != kmax} pi_k (g_k - g_kmax) with g_k = C_k^{-1}(x - a m_k)
   and pi_k the posterior weights (target_impl.h); indeterminate if a
   covariance is not certified positive definite. */
#include "target_impl.h"

void
_target_score(arb_ptr res, const target_t P, const arb_t a, const arb_t s2,
              arb_srcptr x, slong prec)
{
    _target_comp_t c;
    slong k, d = P->d;
    arb_t pk;

    _target_comp_init(c, d, P->n);
    arb_init(pk);
    if (!_target_comp_eval(c, P, a, s2, x, 0, prec))
        _arb_vec_indeterminate(res, d);
    else
    {
        arb_ptr s = _arb_vec_init(d);
        _arb_vec_neg(s, c->g + c->kmax * d, d);
        for (k = 0; k < P->n; k++)
        {
            if (k == c->kmax)
                continue;
            arb_div(pk, c->e + k, c->Z, prec);
            arb_neg(pk, pk);
            _arb_vec_scalar_addmul(s, c->h + k * d, d, pk, prec);
        }
        _arb_vec_set(res, s, d);
        _arb_vec_clear(s, d);
    }
    arb_clear(pk);
    _target_comp_clear(c);
}
