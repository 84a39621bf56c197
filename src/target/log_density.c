/* _target_log_density: res encloses log p_t(x) under (a, s2), computed as
   l_kmax + log1p(sum_{k != kmax} exp(l_k - l_kmax)); indeterminate if a
   covariance is not certified positive definite. */
#include "target_impl.h"

void
_target_log_density(arb_t res, const target_t P, const arb_t a, const arb_t s2,
                    arb_srcptr x, slong prec)
{
    _target_comp_t c;
    slong k;
    arb_t S;

    _target_comp_init(c, P->d, P->n);
    arb_init(S);
    if (!_target_comp_eval(c, P, a, s2, x, 0, prec))
        arb_indeterminate(res);
    else
    {
        for (k = 0; k < P->n; k++)
            if (k != c->kmax)
                arb_add(S, S, c->e + k, prec);
        arb_log1p(S, S, prec);
        arb_add(res, c->l + c->kmax, S, prec);
    }
    arb_clear(S);
    _target_comp_clear(c);
}
