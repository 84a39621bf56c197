/*
    flow.h: the certified probability-flow map (math.md, h = 0).

    The probability-flow ODE of a problem P is
        X' = F(X, t) = f(t) X - (g(t)^2 / 2) s_theta(X, t),
    with the problem's score model s_theta.  Integrated from T down to t0
    it maps a latent point z to a generated point (the h = 0 sampler);
    from t0 up to T it encodes a data point x.  Along a trajectory the
    log-density of the pushed-forward law obeys (CNF formula)
        log q^0_{t0}(X_{t0}) = log pi(X_T) + int_{t0}^{T} div F(X_t, t) dt,
    pi the problem's prior (N(0, I) or the data marginal p_T).

    Everything is validated (src/ode: Taylor series with Lagrange remainder,
    a priori enclosures, Lohner wrapping control with the Jacobian of F):
    the results contain the exact flow for every start point in the input
    balls.
*/
#ifndef DIFFWKB_FLOW_H
#define DIFFWKB_FLOW_H

#include "diffwkb/flintdeps.h"
#include "problem.h"
#include "ode.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Taylor order used by wkb_pf_flow_solve at precision prec (opt NULL or
   order 0): 8 + prec/4, at most 200. */
#define WKB_PF_FLOW_DEFAULT_ORDER(prec) FLINT_MAX(8, FLINT_MIN(8 + (prec) / 4, 200))

typedef struct
{
    slong order;        /* Taylor order; 0: WKB_PF_FLOW_DEFAULT_ORDER(prec);
                           ODE_ORDER_ADAPTIVE: chosen per step (ode.h) */
    slong max_steps;    /* 0: the ode default */
    int store;          /* keep the dense output (default 1) */
    arb_t tol;          /* per-step error target (ode_options_t's tol); 0: 2^-prec */
    /* statistics, set by the solve */
    slong steps, rejected;
}
wkb_pf_flow_opt_struct;

typedef wkb_pf_flow_opt_struct wkb_pf_flow_opt_t[1];

void wkb_pf_flow_opt_init(wkb_pf_flow_opt_t opt);
void wkb_pf_flow_opt_clear(wkb_pf_flow_opt_t opt);

/*
    Integrates the probability-flow ODE of P from X(ta) = x (P->dim balls)
    to tb (ta, tb balls in [t0, T] of P, either order; tb - ta of definite
    sign).  sol is any initialised solution; it is re-initialised to
    dimension n = d + (with_div != 0).  State: X (entries 0..d-1) and, with
    with_div, the accumulated integral int_{ta}^{t} div F(X_s, s) ds
    (entry d, 0 at ta).  On ODE_SUCCESS sol->x encloses (X(tb), int_ta^tb
    div F) for every start point in x and the dense output (when stored)
    encloses the state at every time between ta and tb (ode_solution_eval).
    Returns the ode status (ode.h); on failure sol->x is indeterminate.
    opt may be NULL (defaults).  The callbacks stored in sol are cleared
    on return (they referred to the solve's private state):
    ode_solution_eval works on the result, ode_solution_series and
    ode_solution_integrate do not.
*/
int wkb_pf_flow_solve_opt(ode_solution_t sol, const problem_t P, arb_srcptr x,
                          const arb_t ta, const arb_t tb, int with_div,
                          wkb_pf_flow_opt_t opt, slong prec);
int wkb_pf_flow_solve(ode_solution_t sol, const problem_t P, arb_srcptr x,
                      const arb_t ta, const arb_t tb, int with_div, slong prec);

/* res encloses log pi(y) for the prior of P at T (y: P->dim balls):
   -(d/2) log(2 pi) - |y|^2/2 for the normal prior, log p_T(y) for the
   marginal prior. */
void wkb_pf_flow_log_prior(arb_t res, const problem_t P, arb_srcptr y, slong prec);

/*
    Encoding with the log-density: xT (P->dim entries, may be NULL)
    encloses X(T) for X(t0) = x and res encloses
        log q^0_{t0}(x) = log pi(X_T) + int_{t0}^{T} div F(X_t, t) dt
    for every x in the balls.  Returns the ode status; on failure res and
    xT are indeterminate.  opt may be NULL.
*/
int wkb_pf_flow_log_density(arb_t res, arb_ptr xT, const problem_t P, arb_srcptr x,
                            wkb_pf_flow_opt_t opt, slong prec);

#ifdef __cplusplus
}
#endif

#endif
