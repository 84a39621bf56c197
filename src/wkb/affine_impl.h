/* Private layer of the affine WKB route (src/wkb/affine_*.c). */
#ifndef DIFFWKB_WKB_AFFINE_IMPL_H
#define DIFFWKB_WKB_AFFINE_IMPL_H

#include "diffwkb/wkb.h"
#include "diffwkb/ode.h"

/*
    Parameter block of the moment ODE's right-hand side (ode_rhs_func).
    State layout: for n = 0..N, block n holds nmu mean entries
    (mu_n[0..nmu-1], nmu = d or 0 when every mean is certainly zero) and
    ds = d(d+1)/2 covariance entries (upper triangle of Sigma_n, row by row).
    Value mode (finite h): N = 0, K and k are multiplied by (1 + h) and the
    noise term -h g^2 acts on block 0.  Series mode: noise -g^2 on block 1.

    The callback caches the schedule-dependent time series (per time ball
    t) and the right-hand side coefficients already computed for the same
    t and the same state prefix, so that the growing-len calls of
    ode_taylor_series cost O(len) each instead of O(len^2).  Each
    right-hand side coefficient is one arb_dot of length 2 d (k + 1) per
    (block, row, column): the rows of M and K and the columns of the
    blocks n and n - 1 are stored channel-interleaved (time reversed for
    the state), so that M x_n + K x_{n-1} is a single contiguous dot.
*/
typedef struct
{
    arb_t h, hp1, tc;         /* h, 1 + h; time of the caches */
    const wkb_affine_struct * M;
    slong d, N, ds, nmu, nv, n;
    int value_mode;
    slong alloc;
    /* time series cache */
    int tvalid;
    slong Lc, Lhint;
    arb_ptr fc;       /* f_j                                     */
    arb_ptr noise;    /* -g2_j, or -h g2_j                        */
    arb_ptr Kc;       /* K[i][l]_j at (i d + l) alloc + j          */
    arb_ptr Mc;       /* M = f I + K, same layout                  */
    arb_ptr kc;       /* k[i]_j at i alloc + j                     */
    /* state cache */
    int svalid;
    slong Ls;
    arb_ptr xc;       /* state coefficients, v alloc + c          */
    slong ncol;       /* columns per block: mean (if nmu) + d      */
    arb_ptr G;        /* state columns, time reversed and channel
                         interleaved (see affine_rhs.c)            */
    arb_ptr Ai;       /* rows of M and K, channel interleaved      */
    arb_ptr Fc;       /* right-hand side coefficients              */
    arb_ptr P;        /* work: d * ncol                            */
}
_wkb_affine_ode_struct;

void _wkb_affine_ode_init(_wkb_affine_ode_struct * O, const wkb_affine_t M, slong N,
        const arb_t h);
void _wkb_affine_ode_clear(_wkb_affine_ode_struct * O);

/* Index of Sigma(i, j) in the upper-triangle storage. */
static inline slong
_wkb_affine_sym_index(slong i, slong j, slong d)
{
    if (i > j)
    {
        slong s = i; i = j; j = s;
    }
    return i * d - (i * (i - 1)) / 2 + (j - i);
}

int _wkb_affine_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec);

/* Integrate the moment ODE from T to t0.  On success (return 1) y[0..n-1]
   (n = O->n after init, y allocated by the caller) encloses the state at
   t0; on failure (0) y is indeterminate. */
int _wkb_affine_solve(arb_ptr y, _wkb_affine_ode_struct * O, slong prec);

#endif
