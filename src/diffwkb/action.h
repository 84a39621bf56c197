/*
    action.h: the path-integral side (math.md sections 2, 3, 5).

    Onsager-Machlup actions of grid paths and of smooth (polynomial) paths,
    the backward action A~ of Prop. 3.2, the h-Lagrangian of Eq. (11), and
    the classical paths, fluctuation determinants and semiclassical
    densities of the linear forward SDE dx = f(t) x dt + g(t) dw.

    Conventions.  Paths live in R^d.  A grid path is x[n*d + i], n = 0..N,
    at times t[0] < ... < t[N]; dx_n = x_{n+1} - x_n, dt_n = t_{n+1} - t_n,
    xbar_n = x_n + alpha dx_n.  A smooth path is given as d polynomials in
    the absolute time t (arb_poly, x_i(t) = sum_k c_{i,k} t^k).  Every result
    encloses the true value for every input in the input balls;
    where a ball cannot be decided (g^2 containing 0, t outside a
    schedule's domain, a covariance not certified positive definite) the
    result is indeterminate.

    Jacobian terms.  With the alpha-discretisation the forward action is
    A = sum_n |dx_n - F(xbar_n, t_n) dt_n|^2 / (2 g^2(t_n) dt_n) + J,
    J = alpha sum_n div F(xbar_n, t_n) dt_n  (continuum: alpha int div F dt).
    The backward action A~ uses F~ = f - g^2 grad log p_t with the Jacobian
    J~ = -(1 - alpha) int div F~ dt (math.md section 3).  Both are instances
    of  sum |dx - F dt|^2/(2 g^2 dt) + kappa sum div F dt  with the
    coefficient kappa = alpha, resp. -(1 - alpha).
*/
#ifndef DIFFWKB_ACTION_H
#define DIFFWKB_ACTION_H

#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "target.h"
#include "score.h"
#include "ode.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- drifts ------------------------------------------------------------ */

/* A drift F(x, t) on R^d: sets F[0..d-1] and (if div != NULL) div_x F.
   Returns 0 on success, nonzero if it cannot be enclosed. */
typedef int (*action_drift_func)(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t,
                                 void * param, slong prec);

/* Parameters of the ready-made drifts below. */
typedef struct
{
    slong d;
    const sched_struct * S;    /* schedule (all drifts) */
    const target_struct * P;   /* data law (backward, h) */
    const score_struct * M;    /* score model (h) */
    arb_t h;                   /* h (h drift) */
}
action_drift_param_struct;

typedef action_drift_param_struct action_drift_param_t[1];

void action_drift_param_init(action_drift_param_t D, slong d, const sched_t S,
                             const target_t P, const score_t M);
void action_drift_param_clear(action_drift_param_t D);

/* Forward drift F = f(t) x, div F = d f(t). */
int action_drift_forward(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t,
                         void * param, slong prec);
/* Backward drift F~ = f x - g^2 grad log p_t(x), div = d f - g^2 Lap log p_t. */
int action_drift_backward(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t,
                          void * param, slong prec);
/* Drift of Eq. (9) in forward time: F_h = f x - (1+h)/2 g^2 s_theta(x, t),
   div = d f - (1+h)/2 g^2 div s_theta. */
int action_drift_h(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t,
                   void * param, slong prec);

/* ---- grid paths ---------------------------------------------------------- */

/* A encloses sum_n |dx_n - F(xbar_n, t_n) dt_n|^2 / (2 nu g^2(t_n) dt_n) and
   J encloses kappa sum_n div F(xbar_n, t_n) dt_n, for the grid path x at
   times t (N steps).  nu scales the noise (nu = h for Eq. (9); NULL means 1).
   kappa = alpha gives the forward Jacobian term, -(1 - alpha) the backward
   one.  Returns 0, or nonzero (A, J indeterminate) if the drift failed. */
int action_discrete(arb_t A, arb_t J, arb_srcptr x, arb_srcptr t, slong N, slong d,
                    action_drift_func F, void * param, const sched_t S, const arb_t nu,
                    const arb_t alpha, const arb_t kappa, slong prec);

/* res encloses log of the discrete measure prod_n (2 pi nu g^2(t_n) dt_n)^{-d/2}
   (nu NULL means 1). */
void action_discrete_log_measure(arb_t res, arb_srcptr t, slong N, slong d,
                                 const sched_t S, const arb_t nu, slong prec);

/* res encloses the log of the one-step density of the alpha-scheme for the
   linear drift c = f(t) (one step from x to y, R^d, time t, step dt):
     -|y - x - c xbar dt|^2/(2 g^2 dt) + jac d log|1 - alpha c dt|
     - (d/2) log(2 pi g^2 dt),  xbar = x + alpha (y - x);
   jac = 1 keeps the Jacobian factor |det(1 - alpha c dt)|, jac = 0 drops it. */
void action_linear_step_log_density(arb_t res, const sched_t S, arb_srcptr x, arb_srcptr y,
                                    slong d, const arb_t t, const arb_t dt, const arb_t alpha,
                                    int jac, slong prec);

/* Composition of the N one-step densities of the 1D linear alpha-scheme on
   the grid t[0..N], integrated over x_1..x_{N-1} exactly (Gaussian
   integrals by completing the square, step by step):
     int prod_n k_n(x_{n+1}|x_n) dx_1..dx_{N-1} = M N(x_N; R x_0, V).
   R, V, M enclose the mean coefficient, the variance and the total mass
   (M = 1 with the Jacobian, jac = 1).  rest encloses the x_0^2 coefficient
   left in the exponent (0 in exact arithmetic: a consistency check). */
void action_linear_compose(arb_t R, arb_t V, arb_t M, arb_t rest, const sched_t S,
                           arb_srcptr t, slong N, const arb_t alpha, int jac, slong prec);

/* ---- smooth paths --------------------------------------------------------- */

/* A time series G(t + tau) (length len) at the ball t (possibly wide). */
typedef int (*action_series_func)(arb_poly_t res, const arb_t t, slong len,
                                  void * param, slong prec);

/* res encloses int_a^b G(t) dt for G real analytic on [a, b], by Taylor
   models: on each piece [u, u + w] the integral of the Taylor polynomial of
   order - 1 at u plus the Lagrange remainder G_order([u, u + w])
   w^{order+1}/(order+1), the coefficient enclosed at the wide ball.  Starts
   from nsub equal pieces and bisects (up to 24 times) any piece whose
   remainder exceeds 2^(-3 prec/4) max(1, |piece integral|).
   (Interval Taylor arithmetic overestimates high coefficients at wide
   balls, so expect many pieces for mixtures: use moderate prec.)  Returns 0, or
   nonzero (res indeterminate) if G failed. */
int action_integrate_series(arb_t res, action_series_func G, void * param, const arb_t a,
                            const arb_t b, slong nsub, slong order, slong prec);

/* Along the path x (d polys in absolute time) at t + tau, length len:
   logp encloses log p_t(x(t)), score[0..d-1] the score, lap the Laplacian
   of log p_t, each as a series in tau (any output may be NULL).
   Returns 0, or nonzero (outputs indeterminate) if undecided. */
int action_target_path_series(arb_poly_t logp, arb_poly_struct * score, arb_poly_t lap,
                              const target_t P, const sched_t S, const arb_poly_struct * x,
                              const arb_t t, slong len, slong prec);

/* Model score s_theta along the path (d series) and its divergence. */
int action_score_path_series(arb_poly_struct * s, arb_poly_t div, const score_t M,
                             const target_t P, const sched_t S, const arb_poly_struct * x,
                             const arb_t t, slong len, slong prec);

/* Lagrangians at a point (x, xdot in R^d, time t):
   forward   L = |xdot - f x|^2/(2 g^2) + alpha d f
   backward  L~ = |xdot - f x + g^2 s|^2/(2 g^2) - (1-alpha)(d f - g^2 Lap log p_t),
             s = grad log p_t
   h         L~_h = |xdot - f x + (1+h)/2 g^2 s_theta|^2/(2 h g^2)   (Eq. 11, first form)
   h_pf      |xdot - f_PF|^2/(2 h g^2) + (xdot - f_PF).s_theta/2 + h g^2 |s_theta|^2/8,
             f_PF = f x - (g^2/2) s_theta                            (Eq. 11, second form)
   (the h forms carry no Jacobian term). */
void action_lagrangian_forward(arb_t res, const sched_t S, arb_srcptr x, arb_srcptr xdot,
                               slong d, const arb_t t, const arb_t alpha, slong prec);
void action_lagrangian_backward(arb_t res, const target_t P, const sched_t S, arb_srcptr x,
                                arb_srcptr xdot, const arb_t t, const arb_t alpha, slong prec);
void action_lagrangian_h(arb_t res, const score_t M, const target_t P, const sched_t S,
                         const arb_t h, arb_srcptr x, arb_srcptr xdot, const arb_t t, slong prec);
void action_lagrangian_h_pf(arb_t res, const score_t M, const target_t P, const sched_t S,
                            const arb_t h, arb_srcptr x, arb_srcptr xdot, const arb_t t,
                            slong prec);

/* Continuous actions of the smooth path x (d polys) over [t0, t1], time
   integrals by action_integrate_series at about prec bits:
   forward   int L dt   (with the Jacobian term alpha int d f dt)
   backward  int L~ dt  (with J~)
   h         int L~_h dt (Eq. 11, d = P->d). */
int action_forward_poly(arb_t res, const sched_t S, const arb_poly_struct * x, slong d,
                        const arb_t t0, const arb_t t1, const arb_t alpha, slong prec);
int action_backward_poly(arb_t res, const target_t P, const sched_t S,
                         const arb_poly_struct * x, const arb_t t0, const arb_t t1,
                         const arb_t alpha, slong prec);
int action_h_poly(arb_t res, const score_t M, const target_t P, const sched_t S,
                  const arb_t h, const arb_poly_struct * x, const arb_t t0, const arb_t t1,
                  slong prec);

/* ---- classical paths of the linear SDE ------------------------------------ */

/*
    For dx = f(t) x dt + g dw between (t0, x0) and (t1, x1) (t0 < t1 in the
    schedule's domain):  a = a_{t1}/a_{t0},  s2 = s^2_{t1|t0} =
    s^2_{t1} - a^2 s^2_{t0},  V(t) = s^2_t/a_t^2 - s^2_{t0}/a_{t0}^2
    (= int_{t0}^t g^2/a^2 with a normalised at 0).
    The Euler-Lagrange path of int |x' - f x|^2/(2 g^2) dt is
        x_cl(t) = (a_t/a_{t0}) [x0 + (a_{t0} x1/a_{t1} - x0) V(t)/V(t1)],
    its action A_cl = |x1 - a x0|^2 / (2 s2), and the Jacobi equation
    (eta(t0) = 0, eta'(t0) = g^2(t0)) gives the Gel'fand-Yaglom determinant
    D = eta(t1)^d = (s2/a)^d = (-d^2 A_cl/dx0 dx1)^{-d}  (Van Vleck).
    With the Stratonovich Jacobian J = (d/2) int f = (d/2) log a the
    semiclassical density exp(-A_cl - J)/sqrt((2 pi)^d D) equals the
    transition density N(x1; a x0, s2 I) exactly.
*/

/* a, s2 as above. */
void action_linear_kernel(arb_t a, arb_t s2, const sched_t S, const arb_t t0,
                          const arb_t t1, slong prec);

/* A encloses A_cl, J the Jacobian (d/2) log a, D the determinant (s2/a)^d. */
void action_classical_linear(arb_t A, arb_t J, arb_t D, const sched_t S, arb_srcptr x0,
                             arb_srcptr x1, slong d, const arb_t t0, const arb_t t1,
                             slong prec);

/* xs[0..d-1] (length len) encloses the Taylor series of x_cl at t + tau
   (t a ball inside [t0, t1]). */
void action_classical_linear_path_series(arb_poly_struct * xs, const sched_t S,
                                         arb_srcptr x0, arb_srcptr x1, slong d,
                                         const arb_t t0, const arb_t t1, const arb_t t,
                                         slong len, slong prec);

/* res encloses log of exp(-A - J)/sqrt((2 pi)^d D). */
void action_semiclassical_log_density(arb_t res, const arb_t A, const arb_t J,
                                      const arb_t D, slong d, slong prec);

/* res encloses log N(x1; a x0, s2 I) (the exact transition density). */
void action_transition_log_density(arb_t res, const sched_t S, arb_srcptr x0, arb_srcptr x1,
                                   slong d, const arb_t t0, const arb_t t1, slong prec);


/* ---- classical paths by shooting (nonlinear drifts) ------------------------ */

/*
    The Euler-Lagrange problem of L = |x' - b(x, t)|^2 / (2 nu g^2) between
    fixed ends x(ta) = xa, x(tb) = xb (ta < tb), for
      forward  b = f(t) x,                         nu = 1,
      h        b = F_h = f x - (1+h)/2 g^2 s_theta,  nu = h > 0   (Eq. 11),
    s_theta any score model (score.h; the exact mixture score included).
    Hamilton's equations, p = (x' - b)/(nu g^2):
      x' = b + nu g^2 p,   p' = -(Db)^T p,
    with the variational equations (X = dx/dp_a, Pv = dp/dp_a, X(ta) = 0,
    Pv(ta) = I):
      X' = Db X + nu g^2 Pv,   Pv' = -(Db)^T Pv - sum_l p_l (D^2 b_l) X,
    and the divergence integral Jd' = div b.  The action is the time
    integral of L = nu g^2 |p|^2/2 along the stored solution
    (ode_solution_integrate; kept out of the state because a quadratic term
    in a momentum box centred at 0 defeats ode_solve's a priori enclosure).  The drift and its x-derivatives to
    order 2 come as time series from score_tjet; the system is integrated
    with ode_solve.
    Shooting: G(p_a) = x(tb; xa, p_a) - xb, G' = X(tb).  A zero is certified
    by the Krawczyk test: with p~ a point, C ~ mid(G'(p~))^{-1} and the box
    P = p~ + [-r, r]^d,
        K = p~ - C G(p~) + (I - C G'(P)) (P - p~)  inside the interior of P
    proves that G has exactly one zero in P, and it lies in K (G'(P) from
    one ode_solve started from the whole box P).
    The fluctuation determinant is D = det X(tb) = det(dx_b/dp_a)
    (Gel'fand-Yaglom; = (-d^2 A/dxa dxb)^{-1} by Van Vleck), and
      exp(-A - Jd/2) / sqrt((2 pi)^d D)
    is the semiclassical transition density of dx = b dt + sqrt(nu) g dw
    from (ta, xa) to (tb, xb) (Stratonovich Jacobian (1/2) int div b);
    for the backward process of Eq. (9), run from (tb, xb) to (ta, xa), the
    Jacobian term is -Jd/2.  For the forward kind this reproduces
    action_classical_linear: D = (s2/a)^d, Jd/2 = (d/2) log a.
*/
typedef enum
{
    ACTION_SHOOT_FORWARD = 0,
    ACTION_SHOOT_H
}
action_shoot_kind;

typedef struct
{
    action_shoot_kind kind;
    slong d;
    const sched_struct * S;
    const score_struct * M;     /* h kind */
    const target_struct * P;    /* h kind: data law of the score model */
    arb_t h;                    /* h kind: nu = h */
    jet_ctx_t jctx;             /* order 2 in d variables */
}
action_shoot_struct;

typedef action_shoot_struct action_shoot_t[1];

/* Forward Lagrangian |x' - f x|^2/(2 g^2) in dimension d. */
void action_shoot_init_forward(action_shoot_t C, const sched_t S, slong d);
/* The h-Lagrangian of Eq. (11) (d = P->d; S, M, P are not copied and must
   outlive C). */
void action_shoot_init_h(action_shoot_t C, const score_t M, const target_t P,
                         const sched_t S, const arb_t h);
void action_shoot_clear(action_shoot_t C);

/* State layout of the shooting ODE (dimension action_shoot_dim(d)):
   x at 0, p at d, X at 2d (X[i*d + j] = dx_i/dp_a,j), Pv at 2d + d^2,
   the divergence integral at 2d + 2d^2. */
#define ACTION_SHOOT_X(d)   0
#define ACTION_SHOOT_P(d)   (d)
#define ACTION_SHOOT_VX(d)  (2 * (d))
#define ACTION_SHOOT_VP(d)  (2 * (d) + (d) * (d))
#define ACTION_SHOOT_JD(d)  (2 * (d) + 2 * (d) * (d))
#define action_shoot_dim(d) (2 * (d) + 2 * (d) * (d) + 1)

/* The right-hand side of the shooting ODE (ode_rhs_func; param is an
   action_shoot_struct *). */
int action_shoot_rhs(arb_poly_struct * res, const arb_poly_struct * y, const arb_t t,
                     slong len, void * param, slong prec);

/* Integrates the shooting ODE from (ta, xa, pa) (balls) to tb, with
   X(ta) = 0, Pv(ta) = I, Jd = 0: sol (initialised by the caller with
   dimension action_shoot_dim(d)) holds the result (sol->x) and, when store
   is nonzero, the dense output.  Returns the ode_status. */
int action_shoot_flow(ode_solution_t sol, const action_shoot_t C, arb_srcptr xa,
                      arb_srcptr pa, const arb_t ta, const arb_t tb, int store, slong prec);

/* A encloses int nu g^2 |p|^2/2 dt (the action) along the stored
   solution sol of action_shoot_flow (store nonzero).  Returns 1 on
   success, 0 (A indeterminate) otherwise. */
int action_shoot_path_action(arb_t A, const ode_solution_t sol, const action_shoot_t C,
                             slong prec);

#define ACTION_SHOOT_OK 0
#define ACTION_SHOOT_ODE_FAIL 1       /* the validated integration failed */
#define ACTION_SHOOT_NO_NEWTON 2      /* Newton's iteration did not converge */
#define ACTION_SHOOT_NOT_CERTIFIED 3  /* the Krawczyk test failed */

/* Classical path from (ta, xa) to (tb, xb) by certified shooting.  On
   success (ACTION_SHOOT_OK): pa (d) is a box containing the unique initial
   momentum of a classical path in the Krawczyk box (printed radius tiny),
   and A, Jd, D enclose its action int L dt, int div b dt and
   det(dx_b/dp_a) (any output may be NULL).  Otherwise the outputs are
   indeterminate. */
int action_shoot_classical(arb_ptr pa, arb_t A, arb_t Jd, arb_t D, const action_shoot_t C,
                           arb_srcptr xa, arb_srcptr xb, const arb_t ta, const arb_t tb,
                           slong prec);

#ifdef __cplusplus
}
#endif

#endif
