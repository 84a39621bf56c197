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

/* wkb_nll_quad_c0_jet with a step target tol for the solver (NULL or 0:
   2^-prec); the result encloses the same jet at any tol. */
int _wkb_nll_quad_c0_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        const mag_t tol, slong prec);

/* M[k] = int_a^b p_0(x) (x - m)^k dx for k = 0..K, p_0 the data law of
   the d = 1 problem P (a = -inf or b = +inf allowed: arb_neg_inf,
   arb_pos_inf). */
void _wkb_nll_quad_moments(arb_ptr M, const problem_t P, const arb_t a, const arb_t b,
        const arb_t m, slong K, slong prec);

#endif
