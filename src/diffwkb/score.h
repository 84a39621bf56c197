/*
    score.h: score models s_theta(x, t) (design.md "score.type").

      exact     s = grad log p_t of the data law
      scaled    s = (1 + eps) grad log p_t
      gaussian  s = grad log of another law's marginal under the same schedule
      mixture     (a misspecified model; "gaussian" is a one-component mixture)
      affine    s = A x + b with constant A (d x d) and b (d)

    Each evaluates as a value and as a jet in x.  The results enclose the
    true model values for every parameter in the input balls.
*/
#ifndef DIFFWKB_SCORE_H
#define DIFFWKB_SCORE_H

#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "jet.h"
#include "target.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    SCORE_EXACT = 0,
    SCORE_SCALED,
    SCORE_OTHER,      /* "gaussian" or "mixture": exact score of model->other */
    SCORE_AFFINE
}
score_type;

typedef struct
{
    score_type type;
    slong d;
    arb_t eps;           /* scaled */
    target_struct * other;   /* other law (owned), for SCORE_OTHER */
    arb_mat_t A;         /* affine */
    arb_ptr b;           /* affine, d entries */
}
score_struct;

typedef score_struct score_t[1];

/* Initialise as the exact score in dimension d. */
void score_init(score_t M, slong d);
void score_clear(score_t M);
void score_set_exact(score_t M);
void score_set_scaled(score_t M, const arb_t eps);
/* Copies Q (Q->d must be M->d). */
void score_set_other(score_t M, const target_t Q);
void score_set_affine(score_t M, const arb_mat_t A, arb_srcptr b);

/* Versions with the schedule coefficients (a, s2) = (a_t, s_t^2) given
   explicitly (the functions below call sched_a, sched_s2 and these). */
void _score_eval(arb_ptr s, const score_t M, const target_t P, const arb_t a,
                 const arb_t s2, arb_srcptr x, slong prec);
void _score_div(arb_t res, const score_t M, const target_t P, const arb_t a,
                const arb_t s2, arb_srcptr x, slong prec);
void _score_jet(jet_struct * J, const score_t M, const target_t P, const arb_t a,
                const arb_t s2, arb_srcptr x, const jet_ctx_t ctx, slong prec);

/* s[0..d-1] encloses s_theta(x, t) for data law P under schedule S. */
void score_eval(arb_ptr s, const score_t M, const target_t P, const sched_t S,
                const arb_t t, arb_srcptr x, slong prec);

/* res encloses div_x s_theta(x, t). */
void score_div(arb_t res, const score_t M, const target_t P, const sched_t S,
               const arb_t t, arb_srcptr x, slong prec);

/* J[0..d-1]: J[i] encloses the Taylor jet at x of the component s_i(x + xi, t)
   to total degree ctx->K.  (For gradient models this takes the log-density
   jet to order K + 1 internally.) */
void score_jet(jet_struct * J, const score_t M, const target_t P, const sched_t S,
               const arb_t t, arb_srcptr x, const jet_ctx_t ctx, slong prec);

/* 1 if the model is affine in x for every t (exact/scaled of a Gaussian,
   gaussian, affine), 0 otherwise. */
int score_is_affine(const score_t M, const target_t P);

/* Time-series versions (tjet.h): J[i] (d tjets) encloses the Taylor
   coefficients in (xi, tau) of s_i(x(tau) + xi, t + tau) to xi-degree K and
   tau-length L along the point x(tau) (x[0..d-1], time series); the
   underscore version takes a(tau) = a_{t+tau}, s2(tau) = s^2_{t+tau} as
   series.  Gradient models take the log-density tjet to xi-order K + 1. */
void _score_tjet(tjet_struct * J, const score_t M, const target_t P, const arb_poly_t a,
                 const arb_poly_t s2, const arb_poly_struct * x, const tjet_ctx_t ctx,
                 slong prec);
void score_tjet(tjet_struct * J, const score_t M, const target_t P, const sched_t S,
                const arb_t t, const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec);

/* F[i] encloses the tjet of the probability-flow drift
   F_i = f (x_i(tau) + xi_i) - (g^2/2) s_i  at (x(tau) + xi, t + tau); the
   underscore version takes f(tau), g2(tau) (and a, s2) as series. */
void _score_pf_drift_tjet(tjet_struct * F, const score_t M, const target_t P,
                          const arb_poly_t a, const arb_poly_t s2, const arb_poly_t f,
                          const arb_poly_t g2, const arb_poly_struct * x,
                          const tjet_ctx_t ctx, slong prec);
void score_pf_drift_tjet(tjet_struct * F, const score_t M, const target_t P, const sched_t S,
                         const arb_t t, const arb_poly_struct * x, const tjet_ctx_t ctx,
                         slong prec);

#ifdef __cplusplus
}
#endif

#endif
