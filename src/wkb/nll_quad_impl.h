/*
    Private layer of the certified d = 1 NLL quadrature (nll_quad*.c).
*/
#ifndef DIFFWKB_WKB_NLL_QUAD_IMPL_H
#define DIFFWKB_WKB_NLL_QUAD_IMPL_H

#include "diffwkb/wkb.h"
#include "diffwkb/ode.h"

/* tc = t intersected with [P->t0, P->T] (t itself if they do not meet):
   the solvers' time balls may leak beyond the ends by rounding. */

/* The score derivative range of the mixture Q (1D) under coefficients
   (a, s2) (balls, e.g. over a time interval): res is a ball containing
   d/dy grad log Q_t(y) for every y in R and every (a, s2) in the balls. */
void _wkb_nll_quad_mix_dscore(arb_t res, const target_t Q, const arb_t a, const arb_t s2,
        slong prec);

#endif
