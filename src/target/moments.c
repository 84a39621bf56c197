/* _target_moments: mean encloses E[X] = a sum_k w_k m_k and cov encloses
   Cov[X] = sum_k w_k (a^2 S_k + s2 I + (a m_k - mean)(a m_k - mean)^T)
   for X ~ p_t under (a, s2) (law of total covariance; the centred form
   avoids the cancellation of E[X X^T] - mean mean^T). */
#include "diffwkb/target.h"

void
_target_moments(arb_ptr mean, arb_mat_t cov, const target_t P, const arb_t a,
                const arb_t s2, slong prec)
{
    slong d = P->d, n = P->n, k, i, j;
    arb_ptr mu, u;
    arb_mat_t C;
    arb_t a2, t;

    mu = _arb_vec_init(d);
    u = _arb_vec_init(d);
    arb_mat_init(C, d, d);
    arb_init(a2);
    arb_init(t);

    for (k = 0; k < n; k++)
        _arb_vec_scalar_addmul(mu, target_mean(P, k), d, P->w + k, prec);
    _arb_vec_scalar_mul(mu, mu, d, a, prec);

    arb_sqr(a2, a, prec);
    arb_mat_zero(C);
    for (k = 0; k < n; k++)
    {
        _arb_vec_scalar_mul(u, target_mean(P, k), d, a, prec);
        _arb_vec_sub(u, u, mu, d, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                arb_mul(t, arb_mat_entry(P->S + k, i, j), a2, prec);
                if (i == j)
                    arb_add(t, t, s2, prec);
                arb_addmul(t, u + i, u + j, prec);
                arb_addmul(arb_mat_entry(C, i, j), P->w + k, t, prec);
            }
    }

    _arb_vec_set(mean, mu, d);
    arb_mat_set(cov, C);

    _arb_vec_clear(mu, d);
    _arb_vec_clear(u, d);
    arb_mat_clear(C);
    arb_clear(a2);
    arb_clear(t);
}
