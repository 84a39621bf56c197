/*
    wkb.h: log q^h_0 to all orders in h (math.md, sections 7-9).

    First route: the paper's section 5.1 model (math.md section 9), where
    every q^h_t is an exact centred Gaussian and the whole h-dependence is
    in closed form.

    Model (wkb_gauss1d_t): p_0 = N(0, v0), const schedule f = -beta x/2,
    g^2 = beta, score model s(x,t) = -(1+eps) x / v_t with
    v_t = v0 e^{-beta t} + 1 - e^{-beta t}, prior N(0, uT) at T (uT = 1 in
    the paper).  The marginal of Eq. (9) is q^h_t = N(0, u_t) with

        u'(t) = 2 a_h(t) u - h beta,   a_h = -beta/2 + (1+h)(1+eps) beta/(2 v_t),
        u(T) = uT,

    (the variance ODE of the linear SDE (9) run from T down to 0).  With
    m = (1+h)(1+eps), W = 1 + expm1(beta T)/v0 = e^{beta T} v_T / v0 and
    L = log W, its solution at t = 0 is

        u_0(h) = uT e^{beta T} W^{-m} + h v0 (W^{1-m} - 1)/(1-m)         (*)
               = uT e^{beta T - m L} + h v0 L phi((1-m) L),

    phi(y) = (e^y - 1)/y = 1F1(1; 2; y) (entire).  This equals math.md's
    u_T/E(T) + h beta int_0^T dt/E(t), E(t) = e^{(m-1) beta t} (v_t/v0)^m:
    the substitution w = e^{beta t} v_t / v0 turns the integral into
    (v0/beta) int_1^W w^{-m} dw.  u_0 is an entire function of h.

    Two routes are provided for u_0 and its h-series: the closed form (*)
    (default, fast, tight) and rigorous quadrature of 1/E(t) with
    acb_calc_integrate (the _quad functions); the tests check each against
    the other and against the ODE itself.

    Conventions: parameters are balls; every result encloses the true value
    for every choice of the parameters and h inside their balls.  Outside
    the domain (v0 > 0, beta > 0, T > 0, uT > 0 not certain) results are
    indeterminate.  Series functions set res to the polynomial
    sum_{n=0}^{N} c_n h^n (length N + 1, coefficients read with
    arb_poly_get_coeff_arb), the Taylor coefficients at h = 0.
*/
#ifndef DIFFWKB_WKB_H
#define DIFFWKB_WKB_H

#include "diffwkb/flintdeps.h"
#include "problem.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    arb_t v0;     /* data variance, p_0 = N(0, v0)                */
    arb_t beta;   /* const schedule rate                           */
    arb_t T;      /* final time                                    */
    arb_t eps;    /* score misspecification s = -(1+eps) x / v_t   */
    arb_t uT;     /* prior variance at T (1 unless set otherwise)  */
}
wkb_gauss1d_struct;

typedef wkb_gauss1d_struct wkb_gauss1d_t[1];

/* Init sets v0 = beta = T = uT = 1, eps = 0. */
void wkb_gauss1d_init(wkb_gauss1d_t M);
void wkb_gauss1d_clear(wkb_gauss1d_t M);
/* Copies the parameters; the prior variance uT is set to 1. */
void wkb_gauss1d_set(wkb_gauss1d_t M, const arb_t v0, const arb_t beta,
        const arb_t T, const arb_t eps);
/* Prior N(0, uT) at T instead of N(0, 1). */
void wkb_gauss1d_set_prior_var(wkb_gauss1d_t M, const arb_t uT);
/* Sets uT = v_T, the exact marginal variance of the forward process at T. */
void wkb_gauss1d_set_prior_exact(wkb_gauss1d_t M, slong prec);
/* 1 if v0 > 0, beta > 0, T > 0 and uT > 0 are certain for the balls, else 0. */
int wkb_gauss1d_is_valid(const wkb_gauss1d_t M);

/* res encloses v_t = v0 e^{-beta t} + 1 - e^{-beta t}. */
void wkb_gauss1d_vt(arb_t res, const wkb_gauss1d_t M, const arb_t t, slong prec);

/* Raw layer.  L encloses log W = log(1 + expm1(beta T)/v0) (model assumed
   valid); res encloses phi(y) = (e^y - 1)/y = 1F1(1; 2; y). */
void _wkb_gauss1d_logW(arb_t L, const wkb_gauss1d_t M, slong prec);
void _wkb_phi(arb_t res, const arb_t y, slong prec);

/* res encloses u_0(h), the variance of q^h_0, by the closed form (*). */
void wkb_gauss1d_u0(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec);

/* res encloses u_0(h) by rigorous quadrature:
   uT / E(T) + h beta int_0^T dt / E(t), integrand evaluated from v_t with
   acb_calc_integrate (relative goal prec bits).  Slower; independent route. */
void wkb_gauss1d_u0_quad(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec);

/* res = sum_{n=0}^N U_n h^n with U_n enclosing the n-th Taylor coefficient
   of u_0(h) at h = 0 (closed form (*): exp and 1F1(n+1; n+2; .) terms). */
void wkb_gauss1d_u0_series(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec);

/* Same coefficients by quadrature: U_0 = uT e^{A(T)},
   U_n = uT e^{A(T)} B(T)^n/n! + beta int_0^T e^{A(t)} B(t)^{n-1}/(n-1)! dt,
   1/E(t) = e^{A(t) + h B(t)}, one acb_calc_integrate per n. */
void wkb_gauss1d_u0_series_quad(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec);

/* res encloses log q^h_0(x) = -log(2 pi u_0(h))/2 - x^2/(2 u_0(h)). */
void wkb_gauss1d_loglik(arb_t res, const wkb_gauss1d_t M, const arb_t x,
        const arb_t h, slong prec);

/* res = sum_{n=0}^N c_n(x) h^n, c_n(x) enclosing the n-th Taylor coefficient
   in h of log q^h_0(x) (c_0 = log q^0_0(x), c_1 = the Thm 4.2 coefficient). */
void wkb_gauss1d_loglik_series(arb_poly_t res, const wkb_gauss1d_t M,
        const arb_t x, slong N, slong prec);

/* Raw layer: the same with x^2 given as a ball x2. */
void _wkb_gauss1d_loglik_x2(arb_t res, const wkb_gauss1d_t M, const arb_t x2,
        const arb_t h, slong prec);
void _wkb_gauss1d_loglik_x2_series(arb_poly_t res, const wkb_gauss1d_t M,
        const arb_t x2, slong N, slong prec);

/* res encloses NLL(h) = E_{p_0}[-log q^h_0] = log(2 pi u_0)/2 + v0/(2 u_0). */
void wkb_gauss1d_nll(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec);

/* res = sum_{n=0}^N C_n h^n, the Taylor coefficients of NLL(h) at h = 0. */
void wkb_gauss1d_nll_series(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec);

/* res encloses the first-order coefficient c_1(x0) computed from Thm 4.2,
   Eqs. (16)-(17), directly: along the PF trajectory x_t (x' = a_0 x),
   dx_t = x_t y_t with y' = (beta/2)((1+eps)/v_t - 1/u^0_t), y_0 = 0, and
   div df_PF = y' (the x-independent Laplacian terms), so
   c_1 = dx_T grad log pi(x_T) + int_0^T div df_PF = I (1 - x_T^2 / uT),
   I = int_0^T (beta/2)((1+eps)/v_t - 1/u^0_t) dt by acb_calc_integrate,
   u^0_t = uT exp(-int_t^T 2 a_0), x_T = x0 exp(int_0^T a_0). */
void wkb_gauss1d_c1_thm42(arb_t res, const wkb_gauss1d_t M, const arb_t x0, slong prec);

/*
    Second route: affine scores in any dimension d, any schedule
    (math.md sections 5, 8).  With s(x, t) = A(t) x + b(t), Eq. (9) is a
    linear SDE, so q^h_t = N(mu_h(t), Sigma_h(t)) exactly.  In forward time
    t, run from T down to t0, with K(t) = -(g^2/2) A(t), k(t) = -(g^2/2) b(t):

        mu'    = M_h mu + (1+h) k,                M_h = f(t) I + (1+h) K(t),
        Sigma' = M_h Sigma + Sigma M_h^T - h g^2 I,

    (the mean and covariance of dx = [M_h x + (1+h) k] dt + sqrt(h) g dwbar
    integrated backwards; for d = 1 this is gauss1d's u' = 2 a_h u - h beta),
    with (mu, Sigma)(T) the prior: N(0, I) or the data marginal
    N(a_T m, a_T^2 S + s_T^2 I).  Expanding mu = sum h^n mu_n,
    Sigma = sum h^n Sigma_n gives the finite linear system

        mu_n'    = f mu_n + K (mu_n + mu_{n-1}) + [n <= 1] k,
        Sigma_n' = 2 f Sigma_n + K W_n + W_n K^T - [n = 1] g^2 I,
        W_n = Sigma_n + Sigma_{n-1},   mu_{-1} = Sigma_{-1} = 0,

    terminal values (mu_0, Sigma_0)(T) = prior, the others 0.  It is
    integrated with ode_solve (validated Taylor method; the right-hand side
    is built from the schedule's time jets: for the score lambda grad log
    N(a m, a^2 S + s^2 I), A(t) = -lambda C(t)^{-1}, C = a^2 S + s^2 I,
    b(t) = -A(t) a m, the inverse of the matrix time series by the
    recurrence X_0 = C_0^{-1}, X_j = -X_0 sum_{i=1..j} C_i X_{j-i}).
    Nothing is diagonalised.  Then log q^h_{t0}(x) =
    -(d/2) log 2 pi - (1/2) log det Sigma - (1/2)(x - mu)^T Sigma^{-1} (x - mu)
    is expanded in h with the matrix inverse series of Sigma(h) and
    log det Sigma(h) = log det Sigma_0 + int_0^h tr(Sigma^{-1} Sigma') dh.
    Finite h: the same ODE for (mu, Sigma) at that h (a ball).

    NLL convention: NLL(h) = E_{p_0}[-log q^h_{t0}] with p_0 the DATA law at
    time 0 (the paper's convention: model read at t0, test data from p_0),
    = (d/2) log 2 pi + (1/2) log det Sigma
      + (1/2)[tr(Sigma^{-1} S0) + (m0 - mu)^T Sigma^{-1} (m0 - mu)],
    m0, S0 the mean and covariance of p_0 (any law with these moments,
    e.g. a mixture, gives the same value).

    Results enclose the true values for every parameter in the input balls;
    a return value WKB_FAIL (see below) means the enclosure could not be
    computed (ODE failure, Sigma not certainly positive definite, ...) and
    the outputs are then indeterminate.
*/
typedef enum
{
    WKB_AFFINE_GAUSS = 0,   /* s = lambda grad log N(a m, a^2 S + s^2 I)  */
    WKB_AFFINE_CONST        /* s = A x + b, A and b constant              */
}
wkb_affine_kind;

typedef struct
{
    slong d;
    wkb_affine_kind kind;
    sched_t sde;
    arb_t t0, T;          /* read the model at t0 < T                    */
    arb_t lambda;         /* GAUSS: scale (1 + eps)                      */
    arb_ptr m;            /* GAUSS: mean of the score's law (d)           */
    arb_mat_t S;          /* GAUSS: its covariance (d x d, SPD)           */
    arb_mat_t A;          /* CONST */
    arb_ptr b;            /* CONST (d) */
    arb_ptr muT;          /* prior mean at T (d)                         */
    arb_mat_t SigmaT;     /* prior covariance at T                       */
    slong order;          /* Taylor order for ode_solve (0: automatic)    */
}
wkb_affine_struct;

typedef wkb_affine_struct wkb_affine_t[1];

/* Init in dimension d: const schedule beta = 1, t0 = 0, T = 1, exact score
   of N(0, I) (kind GAUSS, lambda = 1), prior N(0, I). */
void wkb_affine_init(wkb_affine_t M, slong d);
void wkb_affine_clear(wkb_affine_t M);
/* Schedule and the time interval [t0, T] (copied). */
void wkb_affine_set_sched(wkb_affine_t M, const sched_t sde, const arb_t t0, const arb_t T);
/* Score lambda grad log p_t with p_0 = N(m, S) under the schedule. */
void wkb_affine_set_score_gauss(wkb_affine_t M, arb_srcptr m, const arb_mat_t S,
        const arb_t lambda);
/* Score A x + b (b = NULL: zero). */
void wkb_affine_set_score_const(wkb_affine_t M, const arb_mat_t A, arb_srcptr b);
/* Prior N(mean, cov) at T (mean = NULL: zero); N(0, I); the marginal
   N(a_T m, a_T^2 S + s_T^2 I) of the data law N(m, S) under the schedule. */
void wkb_affine_set_prior(wkb_affine_t M, arb_srcptr mean, const arb_mat_t cov);
void wkb_affine_set_prior_normal(wkb_affine_t M);
void wkb_affine_set_prior_marginal(wkb_affine_t M, arb_srcptr m, const arb_mat_t S,
        slong prec);

/* Sets M from a problem if its score is affine (exact/scaled score of
   Gaussian data, gaussian score, affine score) and its prior Gaussian
   (normal, or marginal of Gaussian data).  Returns 1 on success, 0 if the
   route does not apply (M unchanged in meaning).  M must have d = P->dim. */
int wkb_affine_set_problem(wkb_affine_t M, const problem_t P, slong prec);
/* 1 if wkb_affine_set_problem would succeed. */
int wkb_affine_problem_applies(const problem_t P);

/* mu[n*d + i] and Sigma + n (n = 0..N, d x d each, initialised by the
   caller) enclose the h-Taylor coefficients of the mean and covariance of
   q^h_{t0}.  Returns WKB_OK or WKB_FAIL (outputs indeterminate). */
int wkb_affine_moments_series(arb_ptr mu, arb_mat_struct * Sigma, const wkb_affine_t M,
        slong N, slong prec);
/* mu (d) and Sigma enclose the mean and covariance of q^h_{t0} for every
   h in the ball h (h >= 0 required for a meaningful law; any h works for
   the ODE). */
int wkb_affine_moments(arb_ptr mu, arb_mat_t Sigma, const wkb_affine_t M, const arb_t h,
        slong prec);

/* Raw layer: res = sum_{n<=N} X_n h^n, X_n the h-Taylor coefficients of
   the Gaussian cross-entropy
     (d/2) log 2 pi + (1/2) log det Sigma(h)
       + (1/2)[tr(Sigma(h)^{-1} C) + (m - mu(h))^T Sigma(h)^{-1} (m - mu(h))]
   for the series mu(h) = sum mu_n h^n (mu[n*d+i]; NULL: zero),
   Sigma(h) = sum Sigma_n h^n (N + 1 matrices), point/mean m (NULL: zero)
   and C (NULL: zero).  With C = 0 this is -log N(m; mu, Sigma).  Returns 1
   on success, 0 (res indeterminate) if Sigma_0 is not certainly SPD. */
int _wkb_affine_xent_series(arb_poly_t res, arb_srcptr mu, const arb_mat_struct * Sigma,
        arb_srcptr m, const arb_mat_t C, slong d, slong N, slong prec);

/* res = sum_{n=0}^N c_n h^n, c_n enclosing the h-Taylor coefficients of
   log q^h_{t0}(x), x in R^d.  Returns WKB_OK or WKB_FAIL. */
int wkb_affine_loglik_series(arb_poly_t res, const wkb_affine_t M, arb_srcptr x,
        slong N, slong prec);
/* res encloses log q^h_{t0}(x) for every h in the ball h. */
int wkb_affine_loglik(arb_t res, const wkb_affine_t M, arb_srcptr x, const arb_t h,
        slong prec);
/* NLL(h) = E_{p_0}[-log q^h_{t0}] for data moments (m0, S0) (m0 = NULL:
   zero): its h-series to order N, and its value at a ball h. */
int wkb_affine_nll_series(arb_poly_t res, const wkb_affine_t M, arb_srcptr m0,
        const arb_mat_t S0, slong N, slong prec);
int wkb_affine_nll(arb_t res, const wkb_affine_t M, arb_srcptr m0, const arb_mat_t S0,
        const arb_t h, slong prec);

/*
    Problem-level entry points (what the CLI calls).  Each picks the best
    certified route for the problem (wkb_problem_route) and returns one of
    the WKB_* codes below.  The model density is read at t = t0.

    WKB_ROUTE_GAUSS1D  dim 1, const schedule, centred Gaussian data,
                       exact or scaled score, t0 = 0, prior normal or
                       marginal: the closed forms above.
    WKB_ROUTE_AFFINE   any dim, any schedule, affine score (exact/scaled
                       score of Gaussian data, gaussian score, affine A x + b),
                       prior normal or marginal of Gaussian data: the
                       moment ODE above.  NLL needs the data moments only
                       (Gaussian or mixture data).
    WKB_ROUTE_TRANSPORT  every other problem (mixture data, any score and
                       prior): jet transport (below); loglik series only,
                       finite h and NLL give WKB_UNSUPPORTED.
*/
#define WKB_OK 0
#define WKB_UNSUPPORTED 1   /* no certified route for this problem (yet) */
#define WKB_FAIL 2          /* a route applies but could not enclose the result */

typedef enum
{
    WKB_ROUTE_NONE = 0,
    WKB_ROUTE_GAUSS1D,
    WKB_ROUTE_AFFINE,
    WKB_ROUTE_TRANSPORT     /* jet transport (below): any other problem */
}
wkb_route;

/* The route used for P, WKB_ROUTE_NONE if none applies. */
wkb_route wkb_problem_route(const problem_t P);
/* Name of a route ("gauss1d-closed-form", ...). */
const char * wkb_route_name(wkb_route route);

/* res = sum_{n=0}^N c_n h^n: c_n encloses the n-th Taylor coefficient in h
   of log q^h_{t0}(x), x a point of R^dim. */
int wkb_problem_loglik_series(arb_poly_t res, const problem_t P, arb_srcptr x,
        slong N, slong prec);

/* res encloses log q^h_{t0}(x) at a finite h >= 0 (exact, not a truncated
   series); WKB_UNSUPPORTED where only the series is available. */
int wkb_problem_loglik(arb_t res, const problem_t P, arb_srcptr x, const arb_t h,
        slong prec);

/* res = sum_{n=0}^N C_n h^n, C_n the Taylor coefficients of
   NLL(h) = E_{p_0}[-log q^h_{t0}]. */
int wkb_problem_nll_series(arb_poly_t res, const problem_t P, slong N, slong prec);

/* res encloses NLL(h) at a finite h >= 0; WKB_UNSUPPORTED where only the
   series is available. */
int wkb_problem_nll(arb_t res, const problem_t P, const arb_t h, slong prec);

/*
    Third route: jet transport along the probability-flow characteristic
    (math.md section 8), for any problem (Gaussian-mixture data; exact,
    scaled, misspecified-mixture or affine score; prior normal or
    marginal), any d, any schedule.  With u = log q^h_t = sum h^n u_n and
    F = f_PF = f x - (g^2/2) s, along X' = F(X, t), X(t0) = x0, the jets
    U_n(xi, t) = u_n(X(t) + xi, t) truncated at degree K_n = 2(N - n) obey
        dU_n/dt = -[F(X+xi,t) - F(X,t)].grad U_n + RHS_n(X+xi, t),
        RHS_0 = -div F,
        RHS_n = (g^2/2)[ [n=1] div s + s.grad U_{n-1} - Lap U_{n-1}
                         - sum_{i+j=n-1} grad U_i . grad U_j ],
    exactly for every kept coefficient, with U_0(., T) the jet of log pi at
    X(T) and U_n(., T) = 0; c_n(x0) = U_n(0, t0).  X is integrated forward
    (ode_solve with the Jacobian of F for wrapping control, dense output
    kept); the blocks U_0..U_N form one flat ODE state integrated from T
    down to t0, its right-hand side built from the score's (xi, tau)-jets
    at X(t + tau) (score_tjet, degree 2N + 1) and the forward dense output.

    Fourth route (Thm 4.2, first order only, math.md section 7): U_0 with
    N = 1 (degree 2) gives grad and Lap of log q^0_t along X(t); then
        dx' = (dx.grad) F - (g^2/2)(s - grad log q^0_t),   dx(t0) = 0,
        I'  = (dx.grad)(div F) - (g^2/2)(div s - Lap log q^0_t),  I(t0) = 0,
    are integrated forward and c_1 = dx_T . grad log pi(X_T) + I(T).  No
    finite differences.

    Results enclose the true coefficients; WKB_FAIL if a validated ODE
    solve failed (raise the precision, or the step/order options).
*/
typedef struct
{
    slong order_fwd;     /* Taylor order of the forward steps (0: automatic) */
    slong order_bwd;     /* ... of the backward jet system (0: automatic) */
    slong max_steps;     /* per solve (0: the ode default) */
    /* statistics, set by each call */
    slong steps_fwd, steps_bwd, steps_aux;
    slong jac_switched;  /* backward blocks switched to Lohner's method
                            during the march (their state lost accuracy
                            geometrically: a stiff, contracting flow) */
}
wkb_transport_opt_struct;

typedef wkb_transport_opt_struct wkb_transport_opt_t[1];

/* All orders 0 (automatic), max_steps 0, statistics 0. */
void wkb_transport_opt_init(wkb_transport_opt_t opt);

/* res = sum_{n=0}^N c_n h^n, c_n enclosing the n-th h-Taylor coefficient
   of log q^h_{t0}(x) for the problem P (x in R^dim) by jet transport.
   opt may be NULL.  Returns WKB_OK or WKB_FAIL (res indeterminate). */
int wkb_transport_loglik_series(arb_poly_t res, const problem_t P, arb_srcptr x, slong N,
        wkb_transport_opt_t opt, slong prec);

/* res encloses c_1(x) by the Thm 4.2 form (route 4 above).  opt may be
   NULL.  Returns WKB_OK or WKB_FAIL (res indeterminate). */
int wkb_thm42_c1(arb_t res, const problem_t P, arb_srcptr x, wkb_transport_opt_t opt,
        slong prec);

/*
    Certified d = 1 NLL by quadrature (nll_quad*.c): NLL_0 = E_{p_0}[-c_0],
    c_0(x) = log q^0_{t0}(x) = log pi(X_T(x)) + int_{t0}^T div F(X_t, t) dt
    (F = f x - (g^2/2) s), for Gaussian-mixture data and any score, by
    Taylor models of c_0 on subintervals of [-R, R] (the jet at the
    midpoint and, for the remainder, the jet over the whole subinterval
    from a ball solve) plus a proven bound on the tails |x| > R.  The same
    for C_1 = E_{p_0}[-c_1] (wkb_nll_quad_cn) with the c_1 jets of
    wkb_nll_quad_c1_jet and the tail bound wkb_nll_quad_tail_consts_c1.
*/
typedef struct
{
    slong K;              /* Taylor degree of the models (0: from tol,
                             4 at 1e-3 .. 12 at 1e-15; made even) */
    slong max_intervals;  /* failure beyond this many (0: 100000) */
    slong threads;        /* worker threads (default 1); the result does
                             not depend on it */
    void (*progress)(void * param, double done);   /* NULL: none; done is
                             the fraction of [-R, R] covered (display only;
                             called under a lock from the workers) */
    void * progress_param;
    /* statistics, set by each call */
    slong intervals;      /* accepted subintervals */
    slong solved;         /* ... by a Taylor model (two jet solves each) */
    slong crude;          /* ... by the bound |c_0| <= A + B x^2 alone */
    slong R;              /* the integration range [-R, R] */
}
wkb_nll_quad_opt_struct;

typedef wkb_nll_quad_opt_struct wkb_nll_quad_opt_t[1];

/* Defaults (K from tol, max_intervals 100000, 1 thread, no progress),
   statistics 0. */
void wkb_nll_quad_opt_init(wkb_nll_quad_opt_t opt);

/* res encloses NLL_0 = -int p_0(x) log q^0_{t0}(x) dx for the d = 1
   problem P (data a Gaussian mixture, any score), with radius at most
   about 3 tol/4 plus rounding.  opt may be NULL.  WKB_OK, WKB_FAIL (res
   indeterminate: no finite tail bound, a solve failed on the narrowest
   subinterval allowed (2^-40), or more than max_intervals subintervals)
   or WKB_UNSUPPORTED (dim != 1). */
int wkb_nll_quad_c0(arb_t res, const problem_t P, const mag_t tol, wkb_nll_quad_opt_t opt,
        slong prec);

/* res encloses the NLL coefficient C_n = -int p_0(x) c_n(x) dx for n = 0
   (as wkb_nll_quad_c0) or n = 1, c_1 the first WKB coefficient of
   log q^h_{t0}, by the same quadrature: Taylor models of c_1 from
   wkb_nll_quad_c1_jet and the tail bound wkb_nll_quad_tail_consts_c1.
   Default K (opt->K = 0): two more than for n = 0.  WKB_OK, WKB_FAIL or
   WKB_UNSUPPORTED (dim != 1, or n not 0 or 1). */
int wkb_nll_quad_cn(arb_t res, const problem_t P, slong n, const mag_t tol,
        wkb_nll_quad_opt_t opt, slong prec);

/* c[0..K] enclose the Taylor coefficients c_0^{(k)}(y)/k! of
   c_0 = log q^0_{t0} at every point y of the ball x (d = 1), from the jet
   of the flow map to degree K + 1 (c_0 = log pi(X_T) + log X_T').  order:
   ODE Taylor order (0: automatic).  WKB_OK, WKB_FAIL (c indeterminate) or
   WKB_UNSUPPORTED (dim != 1).  Ball inputs: radii up to about sigma_min/20
   give useful bounds (the solve fails once a radius exceeds 2^40). */
int wkb_nll_quad_c0_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        slong prec);

/* c[0..K] enclose the Taylor coefficients c_1^{(k)}(y)/k! of the first
   WKB coefficient c_1 at every point y of the ball x (d = 1), from the
   forward flow alone: the flow-map jet to degree K + 3 gives c_0 to
   degree K + 2 and, along the flow, u1 = (log q^0_t)' and
   u2 = (log q^0_t)'' at X_t(x) (c_0 - log X_t' is log q^0_t along the
   characteristic), and c_1 = -int (g^2/2)(s' + s u1 - u2 - u1^2) dt.
   Point values agree with the jet transport (t-nll_quad_c1).  Ball
   inputs are much wider than for c_0 (radii to about 1e-2 on unit-scale
   data).  WKB_OK, WKB_FAIL or WKB_UNSUPPORTED (dim != 1). */
int wkb_nll_quad_c1_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        slong prec);

/* res is a ball containing d/dy s(y, t') for every real y and every t' in
   the ball t (within [t0, T]), s the problem's score (d = 1; exact,
   scaled, gaussian/mixture or affine).  Proof of the mixture bound in
   nll_quad_tail.c.  WKB_OK, WKB_FAIL or WKB_UNSUPPORTED (dim != 1). */
int wkb_nll_quad_dscore(arb_t res, const problem_t P, const arb_t t, slong prec);

/* A, B (exact upper bounds) with |c_0(x)| <= A + B x^2 for every real x
   (d = 1), from the score-derivative bound on `pieces` time pieces of
   [t0, T] (0: 64) and Gronwall.  WKB_OK, WKB_FAIL (no finite bound) or
   WKB_UNSUPPORTED (dim != 1). */
int wkb_nll_quad_tail_consts(arb_t A, arb_t B, const problem_t P, slong pieces, slong prec);

/* res is a ball containing d^n/dy^n s(y, t') (n = 1, 2, 3) for every real
   y and every t' in the ball t (within [t0, T]), s the problem's score
   (d = 1; exact, scaled, gaussian/mixture or affine; n = 1 is
   wkb_nll_quad_dscore).  Proof in nll_quad_tail1.c.  WKB_OK, WKB_FAIL (not
   finite) or WKB_UNSUPPORTED (dim != 1 or n outside 1..3). */
int wkb_nll_quad_dnscore(arb_t res, const problem_t P, const arb_t t, slong n, slong prec);

/* A, B (exact upper bounds) with |c_1(x)| <= A + B x^2 for every real x
   (d = 1), c_1 the first WKB coefficient of log q^h_{t0}(x) (math.md
   section 8), from the score-derivative bounds (n = 1, 2, 3) on `pieces`
   time pieces of [t0, T] (0: 64) and Gronwall for the transported
   derivatives of log q^0_t.  Proof in nll_quad_tail1.c.  WKB_OK, WKB_FAIL
   (no finite bound) or WKB_UNSUPPORTED (dim != 1). */
int wkb_nll_quad_tail_consts_c1(arb_t A, arb_t B, const problem_t P, slong pieces,
        slong prec);

#ifdef __cplusplus
}
#endif

#endif
