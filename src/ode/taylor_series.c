/* ode_taylor_series: Taylor coefficients of the solution through (t, x0). */
#include "impl.h"

/* Naive AD recurrence x_{k+1} = [F(x)]_k / (k+1): len - 1 calls of rhs. */
static int
_ode_taylor_series_naive(arb_poly_struct * x, ode_rhs_func rhs, void * param, slong n,
                         const arb_t t, slong len, slong prec)
{
    arb_poly_struct * f;
    arb_t c;
    slong i, k;
    int ret = 0;

    f = _ode_poly_vec_init(n);
    arb_init(c);
    for (k = 0; k + 1 < len; k++)
    {
        if (rhs(f, x, t, k + 1, param, prec) != 0)
        {
            ret = 1;
            break;
        }
        for (i = 0; i < n; i++)
        {
            arb_poly_get_coeff_arb(c, f + i, k);
            arb_div_ui(c, c, k + 1, prec);
            arb_poly_set_coeff_arb(x + i, k + 1, c);
        }
    }
    arb_clear(c);
    _ode_poly_vec_clear(f, n);
    return ret;
}

/*
    Newton doubling.  With x = x_L (L correct coefficients) and the true
    solution x_L + delta, delta = O(tau^L):
        delta' = F(x_L) - x_L' + DF(x_L) delta + O(tau^{2L}),
    so for L-1 <= k <= 2L-2 (where x_L' has no term)
        delta_{k+1} = ( [F(x_L)]_k + sum_{i=0}^{k-L} [DF(x_L)]_i delta_{k-i} ) / (k+1).
    Each ball encloses the true coefficient since the callbacks enclose
    F and DF at every point of the input balls.  Cost: O(log len) calls.
*/
static int
_ode_taylor_series_newton(arb_poly_struct * x, ode_rhs_func rhs, ode_jac_func jac,
                          void * param, slong n, const arb_t t, slong len, slong prec)
{
    arb_poly_struct * G, * D;
    arb_ptr delta, Dc;   /* delta: len * n (row k at k*n); Dc: (len) * n * n */
    arb_t c;
    slong L, L2, k, i, j, a, m;
    int ret = 0;

    G = _ode_poly_vec_init(n);
    D = _ode_poly_vec_init(n * n);
    delta = _arb_vec_init(len * n);
    Dc = _arb_vec_init(len * n * n);
    arb_init(c);

    /* stage lengths len, ceil(len/2), ceil(len/4), ..., 1 taken upwards:
       the last (most expensive) call has length len - 1 and each stage at
       most doubles (powers of two would make the last stage's call as long
       with up to twice the earlier work) */
    for (L = 1; L < len; L = L2)
    {
        L2 = len;
        while ((L2 + 1) / 2 > L)
            L2 = (L2 + 1) / 2;
        if (rhs(G, x, t, L2 - 1, param, prec) != 0)
        {
            ret = 1;
            break;
        }
        m = L2 - 1 - L;   /* number of DF coefficients needed */
        if (m > 0)
        {
            if (jac(D, x, t, m, param, prec) != 0)
            {
                ret = 1;
                break;
            }
            for (a = 0; a < m; a++)
                for (i = 0; i < n * n; i++)
                    arb_poly_get_coeff_arb(Dc + (a * n * n) + i, D + i, a);
        }
        for (k = L - 1; k <= L2 - 2; k++)
        {
            for (i = 0; i < n; i++)
            {
                arb_poly_get_coeff_arb(c, G + i, k);
                for (a = 0; a <= k - L; a++)
                    arb_dot(c, c, 0, Dc + a * n * n + i * n, 1, delta + (k - a) * n, 1, n, prec);
                arb_div_ui(delta + (k + 1) * n + i, c, k + 1, prec);
            }
        }
        for (k = L; k < L2; k++)
            for (i = 0; i < n; i++)
                arb_poly_set_coeff_arb(x + i, k, delta + k * n + i);
    }
    (void) j;

    arb_clear(c);
    _arb_vec_clear(delta, len * n);
    _arb_vec_clear(Dc, len * n * n);
    _ode_poly_vec_clear(G, n);
    _ode_poly_vec_clear(D, n * n);
    return ret;
}

int
ode_taylor_series(arb_poly_struct * x, ode_rhs_func rhs, ode_jac_func jac, void * param,
                  slong n, arb_srcptr x0, const arb_t t, slong len, slong prec)
{
    slong i;

    for (i = 0; i < n; i++)
    {
        arb_poly_zero(x + i);
        if (len > 0)
            arb_poly_set_coeff_arb(x + i, 0, x0 + i);
    }
    if (len <= 1)
        return 0;
    if (jac == NULL)
        return _ode_taylor_series_naive(x, rhs, param, n, t, len, prec);
    else
        return _ode_taylor_series_newton(x, rhs, jac, param, n, t, len, prec);
}
