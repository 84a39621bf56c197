/*
    validate_ks_stat: the Kolmogorov-Smirnov distance enclosed from
    certified CDF values at the sorted samples.
*/
#include "diffwkb/validate.h"

void
validate_ks_stat(arb_t D, const double * xs, arb_srcptr Fx, slong n, slong prec)
{
    slong i;
    arb_t a, b;
    (void) xs;
    arb_init(a);
    arb_init(b);
    arb_zero(D);
    /* D_n = max_i max(i/n - F(x_(i)), F(x_(i)) - (i-1)/n), i = 1..n */
    for (i = 0; i < n; i++)
    {
        arb_set_si(a, i + 1);
        arb_div_si(a, a, n, prec);
        arb_sub(a, a, Fx + i, prec);
        arb_set_si(b, i);
        arb_div_si(b, b, n, prec);
        arb_sub(b, Fx + i, b, prec);
        arb_max(a, a, b, prec);
        arb_max(D, D, a, prec);
    }
    arb_clear(a);
    arb_clear(b);
}
