/* target_impl.h: private layer of module target.

   For a point x and coefficients (a, s2), component k of p_t is
   w_k N(x; mu_k, C_k), mu_k = a m_k, C_k = a^2 S_k + s2 I, and
       l_k = log w_k - (d/2) log(2 pi) - (1/2) log det C_k - (1/2) r^T C_k^{-1} r,
       r = x - mu_k,  g_k = C_k^{-1} r   (so grad l_k = -g_k, Hess l_k = -C_k^{-1}).
   kmax is the component with the largest midpoint of l_k (any choice is
   correct; this one keeps log-sum-exp tight), e_k = exp(l_k - l_kmax)
   (e_kmax = 1 exactly), Z = sum_k e_k >= 1, pi_k = e_k / Z, and
   h_k = g_k - g_kmax (h_kmax = 0 exactly). */
#ifndef DIFFWKB_TARGET_IMPL_H
#define DIFFWKB_TARGET_IMPL_H

#include "diffwkb/target.h"

typedef struct
{
    slong d, n;
    slong kmax;
    arb_ptr l;              /* n */
    arb_ptr g;              /* n*d */
    arb_mat_struct * Cinv;  /* n, filled only when requested */
    arb_ptr e;              /* n */
    arb_t Z;
    arb_ptr h;              /* n*d */
}
_target_comp_struct;

typedef _target_comp_struct _target_comp_t[1];

void _target_comp_init(_target_comp_t c, slong d, slong n);
void _target_comp_clear(_target_comp_t c);

/* Fill c for target P at x under (a, s2); with want_cinv also C_k^{-1}.
   Returns 0 (and leaves c undefined) when a covariance is not certified
   positive definite or a weight not certified positive. */
int _target_comp_eval(_target_comp_t c, const target_t P, const arb_t a, const arb_t s2,
                      arb_srcptr x, int want_cinv, slong prec);

#endif
