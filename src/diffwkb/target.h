/*
    target.h: data laws p_0 and their marginals p_t under a linear schedule
    (math.md, section 1).

    A target is a Gaussian mixture p_0 = sum_k w_k N(m_k, S_k) in R^d; a
    Gaussian is the mixture with one component.  Under a schedule with
    coefficients (a, s2) = (a_t, s_t^2) the marginal is
        p_t = sum_k w_k N(a m_k, a^2 S_k + s2 I).
    Every function returns balls that contain the true values for every
    parameter in the input balls.  Log-densities use log-sum-exp with the
    largest component factored out, so points far from all means give
    finite, tight balls (no overflow, no NaN).

    Functions whose name starts with an underscore take (a, s2) explicitly
    instead of (schedule, t); t = 0 gives a = 1, s2 = 0, the data law itself.
*/
#ifndef DIFFWKB_TARGET_H
#define DIFFWKB_TARGET_H

#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "jet.h"
#include "tjet.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong d;             /* dimension */
    slong n;             /* number of components (1 for a Gaussian) */
    arb_ptr w;           /* n weights, sum 1 */
    arb_ptr m;           /* n*d mean coordinates, component k at m + k*d */
    arb_mat_struct * S;  /* n covariance matrices, d x d, symmetric positive definite */
}
target_struct;

typedef target_struct target_t[1];

/* Initialise a target in dimension d with n components, all zero. */
void target_init(target_t P, slong d, slong n);
void target_clear(target_t P);
void target_set(target_t P, const target_t Q);   /* P must have Q's d and n */

/* Pointers to component k's weight, mean vector and covariance. */
#define target_weight(P, k) ((P)->w + (k))
#define target_mean(P, k)   ((P)->m + (k) * (P)->d)
#define target_cov(P, k)    ((P)->S + (k))

/* res encloses log p_t(x) under coefficients (a, s2). */
void _target_log_density(arb_t res, const target_t P, const arb_t a, const arb_t s2,
                         arb_srcptr x, slong prec);
void target_log_density(arb_t res, const target_t P, const sched_t S, const arb_t t,
                        arb_srcptr x, slong prec);

/* res[0..d-1] encloses the score grad log p_t(x). */
void _target_score(arb_ptr res, const target_t P, const arb_t a, const arb_t s2,
                   arb_srcptr x, slong prec);
void target_score(arb_ptr res, const target_t P, const sched_t S, const arb_t t,
                  arb_srcptr x, slong prec);

/* res encloses the Laplacian of log p_t at x. */
void _target_laplacian_log(arb_t res, const target_t P, const arb_t a, const arb_t s2,
                           arb_srcptr x, slong prec);
void target_laplacian_log(arb_t res, const target_t P, const sched_t S, const arb_t t,
                          arb_srcptr x, slong prec);

/* J encloses the Taylor jet of log p_t at x: J(xi) = log p_t(x + xi) up to
   total degree ctx->K (ctx->d must equal P->d). */
void _target_log_density_jet(jet_t J, const target_t P, const arb_t a, const arb_t s2,
                             arb_srcptr x, const jet_ctx_t ctx, slong prec);
void target_log_density_jet(jet_t J, const target_t P, const sched_t S, const arb_t t,
                            arb_srcptr x, const jet_ctx_t ctx, slong prec);

/* mean (d) and covariance (d x d) of p_t under (a, s2): exact moments of the mixture. */
void _target_moments(arb_ptr mean, arb_mat_t cov, const target_t P, const arb_t a,
                     const arb_t s2, slong prec);

/* R encloses the Taylor coefficients in (xi, tau) of
   log p_{t+tau}(x(tau) + xi) to xi-degree K and tau-length L (ctx), where
   the schedule coefficients a(tau), s2(tau) and the point x(tau)
   (x[0..d-1]) are given as time series (read up to length L; missing
   coefficients are zero).  The wrapper takes a = a_{t+tau}, s2 = s^2_{t+tau}
   from the schedule (sched_a_series, sched_s2_series) at the ball t.
   Indeterminate if a covariance is not certified positive definite. */
void _target_log_density_tjet(tjet_t R, const target_t P, const arb_poly_t a,
                              const arb_poly_t s2, const arb_poly_struct * x,
                              const tjet_ctx_t ctx, slong prec);
void target_log_density_tjet(tjet_t R, const target_t P, const sched_t S, const arb_t t,
                             const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec);

#ifdef __cplusplus
}
#endif

#endif
