/*
    ode.h: validated integration of x' = F(x, t), x in R^n, on Arb balls.

    Method (Lohner / CAPD "C^0 Lohner" / VNODE-LP tradition):
      - Taylor series in time by the AD recurrence
            x_{k+1} = [F(x(t+tau), t+tau)]_k / (k+1),
        the right-hand side being supplied as a callback on truncated
        power series (ode_rhs_func);
      - an a priori enclosure B of the solution over the step by the
        first-order Picard test  x(t) + [0,h] F(B, t+[0,h])  subset of B
        (Schauder: a solution exists on the step and stays in B);
      - the Lagrange remainder x_{p+1}(B, t+[0,h]) h^{p+1}, the order-(p+1)
        Taylor coefficient evaluated with the wide expansion point (B, t+[0,h]);
      - wrapping control for n >= 1 when the Jacobian callback is given:
        the set is kept as c + A r (c a point, A a QR-orthogonalised matrix,
        r a box) and propagated by the mean-value form with the Jacobian of
        the Taylor map, whose coefficients are those of the variational
        equation V' = DF V, V(t) = I (computed from the Jacobian series);
        alongside it the plain box X (x - c in J (X - c) + s), which is the
        tighter set for curved images of ball initial points; X is the
        intersection of both, and A restarts from I when the
        parallelepiped is much the wider (doc/design.md);
        without a Jacobian callback the step is the direct interval Taylor
        method (correct, but subject to the wrapping effect).
      - adaptive step size from the decay of the Taylor coefficients (a
        heuristic computed in low-precision Arb; it never affects containment).

    Steps may go forward or backward in time (t1 < t0).  Every step is
    stored (dense output): ode_solution_eval encloses x(t) at any time of the
    integrated interval, ode_solution_integrate encloses time integrals of any
    function of the trajectory.

    States made of several parts (position, variational matrix, accumulated
    integrals, jet coefficients, ...) are flat vectors x[0..n-1]; the callback
    knows the layout.

    Time t0, t1 and initial point x0 may be balls: the results then enclose
    the solutions for every t0, t1, x0 in the balls (t1 - t0 must have a
    definite sign).
*/
#ifndef DIFFWKB_ODE_H
#define DIFFWKB_ODE_H

#include "diffwkb/flintdeps.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
    Right-hand side on time series.  On entry x[0..n-1] hold (at least) len
    coefficients: x_i(t + tau) = sum_k x[i]_k tau^k + O(tau^len).  On exit
    res[0..m-1] must hold F_i(x(t + tau), t + tau) truncated to length len
    (m = n for the right-hand side; m is the caller's integrand count for
    ode_solution_integrate).  Contract: whenever a smooth x*(.) and a time
    t* in the ball t have Taylor coefficients at t* inside the balls x[i]_k,
    the balls res[i]_k contain the Taylor coefficients of
    F(x*(t* + tau), t* + tau).  len = 1 asks for a single value.  The
    callback may be called with the same x and growing len (recomputing the
    prefix is allowed).  It returns 0 on success and nonzero if F cannot be
    enclosed (a denominator ball contains 0, t outside the domain, ...): the
    solver then tries a smaller step, never uses the output.
*/
typedef int (*ode_rhs_func)(arb_poly_struct * res, const arb_poly_struct * x,
                            const arb_t t, slong len, void * param, slong prec);

/*
    Optional Jacobian on time series: on exit J[i*n + j] holds
    dF_i/dx_j (x(t + tau), t + tau) truncated to length len, with the same
    contract as ode_rhs_func.  Enables Lohner's wrapping control.
*/
typedef int (*ode_jac_func)(arb_poly_struct * J, const arb_poly_struct * x,
                            const arb_t t, slong len, void * param, slong prec);

typedef struct
{
    slong n;             /* dimension */
    ode_rhs_func rhs;
    ode_jac_func jac;    /* may be NULL */
    void * param;        /* passed to rhs and jac */
    arb_t t0, t1;        /* integrate from t0 to t1 (either order) */
    arb_ptr x0;          /* n entries: x(t0) */
}
ode_problem_struct;

typedef ode_problem_struct ode_problem_t[1];

/* Initialise a problem in dimension n: t0 = t1 = 0, x0 = 0, no callbacks. */
void ode_problem_init(ode_problem_t P, slong n);
void ode_problem_clear(ode_problem_t P);
void ode_problem_set_rhs(ode_problem_t P, ode_rhs_func rhs, ode_jac_func jac, void * param);

#define ODE_ORDER_ADAPTIVE (-1)

typedef struct
{
    slong order;       /* Taylor order p >= 1; 0: automatic from prec
                          (8 + prec/4, fixed for the solve);
                          ODE_ORDER_ADAPTIVE: chosen per step in
                          [p0/2, 2 p0] (p0 the automatic order) from the
                          box series' remainders, see solve.c */
    slong max_steps;   /* failure after this many steps (default 100000) */
    arb_t tol;         /* per-step error target (absolute, relative to
                          max(1, |x|)); 0: 2^-prec.  Steers the step size only. */
    arb_t min_step;    /* failure when |h| would drop below (default 2^-40) */
    arb_t max_step;    /* 0: no bound */
    arb_t max_rad;     /* failure when a state radius exceeds this (0: none;
                          default 0) */
    int store;         /* nonzero (default): keep dense output */
    int parallel;      /* nonzero: the callbacks are reentrant, and the solver
                          may compute the next step's centre series on a
                          second FLINT thread (if one is free) while it
                          finishes the current step; the result is identical
                          either way (default 0) */
}
ode_options_struct;

typedef ode_options_struct ode_options_t[1];

void ode_options_init(ode_options_t opt);
void ode_options_clear(ode_options_t opt);

/*
    One step of the dense output, over the time interval t + hull(0, h).
    For every solution of the problem and every tau in hull(0, h) with
    t* + tau in the step (t* the true start time, a point of the ball t):
        x_i(t* + tau)  in  sum_{k <= p} poly[i]_k tau^k + rem[i] tau^{p+1},
        x_i(t* + tau)  in  box[i],
    and bser[i] (length p + 2) encloses the Taylor coefficients of the
    solution at every time of the step (the series at (box, t + hull(0,h))).
    Moreover poly[i]_k (k <= p) encloses the k-th Taylor coefficient at the
    step's start of every solution whose state there lies in the step's
    start set (the hull of the enclosure carried from the previous step):
    the direct series at that hull, or with a Jacobian the centre's series
    plus the mean-value term V_k (hull - centre).
*/
typedef struct
{
    arb_t t;                  /* start time (exact unless t0 is a ball) */
    arb_t h;                  /* signed step (exact except maybe the last) */
    slong p;                  /* order */
    arb_poly_struct * poly;   /* n polys, length p + 1 */
    arb_ptr rem;              /* n balls */
    arb_ptr box;              /* n balls */
    arb_poly_struct * bser;   /* n polys, length p + 2 */
}
ode_step_struct;

typedef enum
{
    ODE_SUCCESS = 0,
    ODE_FAIL_STEP,       /* no enclosure with |h| >= min_step (blow-up, stiff, ...) */
    ODE_FAIL_MAX_STEPS,
    ODE_FAIL_RADIUS,     /* radius above max_rad, or a non-finite ball */
    ODE_FAIL_INPUT       /* bad problem (no rhs, t1 - t0 of undecided sign, ...) */
}
ode_status;

typedef struct
{
    slong n;
    int status;            /* ode_status */
    arb_t t_reached;       /* end of the last accepted step (t0 if none) */
    arb_ptr x;             /* n entries: x(t1) on success, indeterminate on failure */
    slong len, alloc;      /* stored steps */
    ode_step_struct * steps;
    ode_rhs_func rhs;      /* copied from the problem for ode_solution_series */
    ode_jac_func jac;
    void * param;
    slong num_rejected;    /* statistics: rejected trial steps */
}
ode_solution_struct;

typedef ode_solution_struct ode_solution_t[1];

void ode_solution_init(ode_solution_t sol, slong n);
void ode_solution_clear(ode_solution_t sol);

/* Name of a status ("success", "step below minimum", ...). */
const char * ode_status_str(int status);

/*
    Integrate P from t0 to t1.  Returns the status (also in sol->status).
    On success sol->x encloses x(t1) for every x(t0) in P->x0; on failure
    sol->t_reached is the time reached and the stored steps (if any) remain
    valid enclosures on [t0, t_reached].  After ODE_FAIL_MAX_STEPS with at
    least one step taken, sol->x encloses x(t_reached) (the integrator's
    own state, with Lohner's wrapping control: tighter than the last
    stored step evaluated at its end, whose series on the ball grows like
    exp(|DF| h) even where the flow contracts); after any other failure it
    is indeterminate.  Taking one step at a time (max_steps = 1) and
    restarting from sol->x is therefore sound.
*/
int ode_solve(ode_solution_t sol, const ode_problem_t P, const ode_options_t opt, slong prec);

/*
    Taylor series of the solution through (t, x0): x[i] (n polys) is set to
    length len and encloses the Taylor coefficients at t* of every solution
    with x(t*) in x0, t* in t.  Without jac: the recurrence
    x_{k+1} = [F(x)]_k/(k+1), len - 1 calls of rhs (O(len^2) series work
    each).  With jac: Newton doubling, O(log len) calls of rhs and jac.
    Returns 0 on success, nonzero if a callback failed.
*/
int ode_taylor_series(arb_poly_struct * x, ode_rhs_func rhs, ode_jac_func jac, void * param,
                      slong n, arb_srcptr x0, const arb_t t, slong len, slong prec);

/*
    Dense output.  x[0..n-1] encloses x(t) for every t in the ball t that
    lies in the integrated interval.  t may reach beyond the interval's
    ends by at most 2^(8 - prec) times their magnitude (the rounding of a
    caller's time balls, e.g. t0 + [0, h] around an inexact end): those
    times are ignored.  Returns 1 on success, 0 (x indeterminate) if t
    reaches further out.
*/
int ode_solution_eval(arb_ptr x, const ode_solution_t sol, const arb_t t, slong prec);

/*
    xs[0..n-1] (length len) encloses the Taylor series x(t + tau) at every
    time of the ball t in the integrated interval (from ode_solution_eval,
    with its slack, and the rhs recurrence).
    Returns 1 on success, 0 (xs indeterminate) otherwise.
*/
int ode_solution_series(arb_poly_struct * xs, const ode_solution_t sol, const arb_t t,
                        slong len, slong prec);

/*
    res[0..m-1] encloses int_{t0}^{t_reached} G_i(x(t), t) dt along the
    stored solution (signed: negative direction gives the oriented integral),
    where G is given as a series callback with m outputs (same contract as
    ode_rhs_func).  Each step integrates the Taylor polynomial of G(x(t+tau),
    t+tau) exactly and adds the Lagrange remainder from the step's series on
    the a priori box.  Returns 1 on success, 0 (res indeterminate) if G failed.
*/
int ode_solution_integrate(arb_ptr res, const ode_solution_t sol, ode_rhs_func G, slong m,
                           void * param, slong prec);

/* Internal helpers (exposed for tests). */

/* Box hull of sum_k poly_k tau^k over tau in hull(0, h), plus rem tau^{p+1}. */
void _ode_poly_eval_range(arb_t res, const arb_poly_t poly, const arb_t rem,
                          const arb_t tau, slong p, slong prec);

/* Q (n x n, exact entries) approximately orthogonal, Lohner's choice for
   the matrix M with the box radii r: QR of mid(M) with columns sorted by
   decreasing |M_j| rad(r_j). */
void _ode_lohner_q(arb_mat_t Q, const arb_mat_t M, arb_srcptr r, slong prec);

#ifdef __cplusplus
}
#endif

#endif
