/*
    sample.h: fast double-precision samplers for the h-family (math.md,
    section 5, Eq. 9).  This is the FAST path: double and libm, threads,
    no enclosures.  Its output is checked against the certified path by
    the validate module, never the other way round.

    The problem's Arb parameters are converted ONCE (arf_get_d of the
    midpoints, rounding to nearest) into plain-double structures:

      sample_sched_t   schedule type and parameters; f, g^2, a_t, s_t^2 in
                       closed form (the formulas of sched.h, with expm1
                       where sched.h uses it)
      sample_mix_t     a Gaussian mixture: weights, means, and each
                       covariance as S_k = Q_k diag(lam_k) Q_k^T (Jacobi
                       eigendecomposition), so that the marginal covariance
                       a^2 S_k + s2 I = Q_k diag(a^2 lam_k + s2) Q_k^T is
                       inverted in O(d^2) at any time
      sample_model_t   schedule + data mixture + score model + prior + [t0, T]

    Scores of mixtures use log-sum-exp with the largest component factored
    out; components whose log-weight lies more than SAMPLE_LSE_CUTOFF below
    the largest are skipped (their relative contribution is below e^-50).

    Samplers.  x_T is drawn from the prior (N(0, I) for PRIOR_NORMAL, the
    data marginal p_T for PRIOR_MARGINAL), then integrated from T down to
    t0.  The fixed-step methods use the uniform grid t_n = T - n dt,
    dt = (T - t0)/K, n = 0..K (t_K = t0 exactly), and with s = s_theta:

      em        Euler-Maruyama for dx = [f x - (1+h)/2 g^2 s] dt + sqrt(h) g dwbar:
                  x_{n+1} = x_n - [f(t_n) x_n - (1+h)/2 g^2(t_n) s(x_n, t_n)] dt
                            + sqrt(h g^2(t_n) dt) z_n,     z_n ~ N(0, I)
                (h = 0 is the probability-flow ODE by Euler, bit for bit
                equal to pf-euler)
      pf-euler  x' = F(x, t) = f x - g^2/2 s, explicit Euler with step -dt
      pf-heun   Heun (explicit trapezoid), step -dt
      pf-rk4    classical Runge-Kutta 4, step -dt (midpoint t_n - dt/2)
      pf-rk45   Dormand-Prince 5(4), adaptive, per sample, error norm
                  RMS_j( err_j / (atol + rtol max(|x_j|, |x_new_j|)) ) <= 1,
                initial step (T - t0)/K (K = steps, or 100 if steps <= 0),
                at most max_steps attempted steps per sample; a sample that
                fails is set to NaN.

    Random numbers (reproducible, independent of the thread count).  All
    variates come from the counter-based generator Philox4x32-10 (Salmon et
    al., SC11, Random123), keyed by the 64-bit seed (key = {seed mod 2^32,
    seed div 2^32}), with the counter
        ctr = { i mod 2^32, i div 2^32, step, lane }
    for sample index i.  step = 0 is the prior draw, step = n + 1 is the
    noise of grid step n.  lane j < 2^31 gives the normals for coordinates
    2j and 2j+1; lane SAMPLE_LANE_COMPONENT gives the uniform that picks the
    mixture component of a marginal prior draw.  From one output
    (w0, w1, w2, w3): A = w1 2^32 + w0, B = w3 2^32 + w2,
    u1 = (floor(A / 2^11) + 1) 2^-53 in (0, 1], u2 = floor(B / 2^11) 2^-53 in [0, 1),
    and Box-Muller: z_{2j} = sqrt(-2 log u1) cos(2 pi u2),
    z_{2j+1} = sqrt(-2 log u1) sin(2 pi u2).  (The component uniform is u2.)
    Sample i is therefore a function of (seed, i, model, options) only:
    the same for every thread count and for every block of indices it is
    computed in.
*/
#ifndef DIFFWKB_SAMPLE_H
#define DIFFWKB_SAMPLE_H

#include <stdint.h>
#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "target.h"
#include "score.h"
#include "problem.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SAMPLE_LSE_CUTOFF 50.0
#define SAMPLE_LANE_COMPONENT UINT32_C(0xFFFFFFFF)

/* Return codes. */
#define SAMPLE_OK 0
#define SAMPLE_EINPUT 2       /* bad model or options */
#define SAMPLE_ESYSTEM 3      /* out of memory, cannot start a thread */

/* ---------------------------------------------------------------------- */
/* Random numbers                                                          */

/* out = Philox4x32-10(ctr, key). */
void sample_philox4x32_10(uint32_t out[4], const uint32_t ctr[4], const uint32_t key[2]);

/* z[0..d-1]: the d standard normals of (seed, i, step) (lanes 0 .. (d-1)/2). */
void sample_normals(double * z, slong d, uint64_t seed, uint64_t i, uint32_t step);

/* Two uniforms of (seed, i, step, lane): u[0] in (0, 1], u[1] in [0, 1). */
void sample_uniforms(double u[2], uint64_t seed, uint64_t i, uint32_t step, uint32_t lane);

/* ---------------------------------------------------------------------- */
/* Schedules in double                                                     */

typedef struct
{
    sched_type type;
    double beta;          /* const */
    double b0, b1;        /* vp, subvp */
    double smin, smax;    /* ve */
    double L;             /* ve: log(smax/smin) */
}
sample_sched_struct;

typedef sample_sched_struct sample_sched_t[1];

/* From an Arb schedule (midpoints). */
void sample_sched_set(sample_sched_t S, const sched_t src);
/* Directly: const takes p0 = beta; vp and subvp p0 = b0, p1 = b1; ve p0 = smin,
   p1 = smax; simple and cosine ignore p0, p1. */
void sample_sched_set_d(sample_sched_t S, sched_type type, double p0, double p1);
/* f(t), g(t)^2, a_t, s_t^2 (any pointer may be NULL). */
void sample_sched_eval(double * f, double * g2, double * a, double * s2,
                       const sample_sched_t S, double t);

/* ---------------------------------------------------------------------- */
/* Gaussian mixtures in double                                             */

typedef struct
{
    slong d, n;
    double * w;       /* n weights */
    double * logw;    /* n log-weights (-inf for a zero weight) */
    double * m;       /* n*d means */
    double * Q;       /* n*d*d eigenvectors, row-major, column j = eigenvector j */
    double * lam;     /* n*d eigenvalues of the covariances (all > 0) */
    double * cw;      /* n cumulative weights (for drawing a component) */
    int diag;         /* 1 if every covariance is diagonal (then Q = I is not used) */
}
sample_mix_struct;

typedef sample_mix_struct sample_mix_t[1];

void sample_mix_init(sample_mix_t X, slong d, slong n);
void sample_mix_clear(sample_mix_t X);
/* Set from weights w (n), means m (n*d), covariances S (n*d*d, row-major,
   symmetrised).  Returns 0, or -1 - k if covariance k is not positive
   definite in double (or a weight is negative or not finite). */
int sample_mix_set_d(sample_mix_t X, const double * w, const double * m, const double * S);
/* From an Arb target (midpoints); same return value. X is (re)initialised. */
int sample_mix_set_target(sample_mix_t X, const target_t P);

/* Coefficients of the marginal sum_k w_k N(a m_k, a^2 S_k + s2 I) at one time. */
typedef struct
{
    slong d, n;
    double a, s2;
    double * am;      /* n*d: a m_k */
    double * iv;      /* n*d: 1/(a^2 lam_kj + s2) */
    double * ln;      /* n: log w_k - (1/2) sum_j log(a^2 lam_kj + s2) - (d/2) log(2 pi) */
}
sample_mixcoef_struct;

typedef sample_mixcoef_struct sample_mixcoef_t[1];

void sample_mixcoef_init(sample_mixcoef_t C, const sample_mix_t X);
void sample_mixcoef_clear(sample_mixcoef_t C);
void sample_mixcoef_set(sample_mixcoef_t C, const sample_mix_t X, double a, double s2);

/* Returns log p(x) of the marginal with coefficients C, and sets
   s[0..d-1] = grad log p(x) unless s is NULL.  work: n*(d+1) doubles. */
double sample_mix_score(double * s, const sample_mix_t X, const sample_mixcoef_t C,
                        const double * x, double * work);

/* x = a m_k + Q_k diag(sqrt(a^2 lam_k + s2)) z, k the first component with
   cumulative weight > u (u in [0, 1)): a draw from the marginal when u is
   uniform and z standard normal.  work: d doubles. */
void sample_mix_draw(double * x, const sample_mix_t X, double a, double s2, double u,
                     const double * z, double * work);

/* ---------------------------------------------------------------------- */
/* The model: schedule, data, score, prior                                 */

typedef struct
{
    slong d;
    sample_sched_t sched;
    sample_mix_t data;          /* p_0 */
    score_type score;           /* SCORE_EXACT, SCORE_SCALED, SCORE_OTHER, SCORE_AFFINE */
    double eps;                 /* scaled: s = (1 + eps) grad log p_t */
    sample_mix_t other;         /* other: s = grad log of other's marginal */
    double * A;                 /* affine: s = A x + b, d*d row-major */
    double * b;                 /* affine: d */
    prior_type prior;
    double t0, T;
}
sample_model_struct;

typedef sample_model_struct sample_model_t[1];

/* Initialise an empty model in dimension d (no mixture components; set the
   fields or use sample_model_set). */
void sample_model_init(sample_model_t M, slong d);
void sample_model_clear(sample_model_t M);

/* Convert the Arb data once (midpoints).  Returns 0, or SAMPLE_EINPUT after
   writing a one-line reason into err (errlen bytes): a covariance that is not
   positive definite in double, t0 < 0, T <= t0, T >= 1 for cosine, a
   non-finite parameter.  M must have been initialised (any d). */
int sample_model_set(sample_model_t M, const sched_t S, const target_t data,
                     const score_t score, prior_type prior, const arb_t t0, const arb_t T,
                     char * err, size_t errlen);
int sample_model_set_problem(sample_model_t M, const problem_t P, char * err, size_t errlen);
/* The same checks for a model whose fields were set directly. */
int sample_model_check(const sample_model_t M, char * err, size_t errlen);

/* Everything a score evaluation at time t needs. */
typedef struct
{
    double t, f, g2, a, s2;
    sample_mixcoef_t mc;        /* of the score's mixture (data or other) */
}
sample_tcoef_struct;

typedef sample_tcoef_struct sample_tcoef_t[1];

void sample_tcoef_init(sample_tcoef_t C, const sample_model_t M);
void sample_tcoef_clear(sample_tcoef_t C);
void sample_tcoef_set(sample_tcoef_t C, const sample_model_t M, double t);

/* s = s_theta(x, C->t).  work: sample_model_work_size(M) doubles. */
void sample_model_score(double * s, const sample_model_t M, const sample_tcoef_t C,
                        const double * x, double * work);
/* v = f x - (g^2/2) s_theta(x, t): the probability-flow velocity. */
void sample_model_pf(double * v, const sample_model_t M, const sample_tcoef_t C,
                     const double * x, double * work);
slong sample_model_work_size(const sample_model_t M);

/* x = the prior draw of sample i (step 0 of the random stream). */
void sample_model_prior(double * x, const sample_model_t M, uint64_t seed, uint64_t i,
                        double * work);

/* ---------------------------------------------------------------------- */
/* Samplers                                                                */

typedef enum
{
    SAMPLE_EM = 0,
    SAMPLE_PF_EULER,
    SAMPLE_PF_HEUN,
    SAMPLE_PF_RK4,
    SAMPLE_PF_RK45
}
sample_method;

/* "em", "pf-euler", "pf-heun", "pf-rk4", "pf-rk45"; NULL / -1 if unknown. */
const char * sample_method_name(sample_method method);
int sample_method_from_name(const char * name);

typedef struct
{
    sample_method method;
    double h;               /* em only; >= 0 */
    slong steps;            /* K, >= 1 (pf-rk45: initial step (T-t0)/K, default 100) */
    uint64_t seed;
    slong threads;          /* >= 1 */
    double rtol, atol;      /* pf-rk45 */
    slong max_steps;        /* pf-rk45, per sample */
    /* If not NULL, called from the calling thread about every
       progress_interval seconds with the fraction done in [0, 1]. */
    void (*progress)(void * arg, double fraction);
    void * progress_arg;
    double progress_interval;
}
sample_opts_struct;

typedef sample_opts_struct sample_opts_t[1];

/* Defaults: em, h = 1, steps = 1000, seed 0, 1 thread, rtol = 1e-6,
   atol = 1e-9, max_steps = 100000, no progress, interval 0.25 s. */
void sample_opts_init(sample_opts_t O);

/* X[(i - i0)*d .. (i - i0)*d + d-1] = sample i for i0 <= i < i0 + n.
   Returns SAMPLE_OK, SAMPLE_EINPUT (bad options) or SAMPLE_ESYSTEM. */
int sample_run(double * X, uint64_t i0, slong n, const sample_model_t M,
               const sample_opts_t O);

/* ---------------------------------------------------------------------- */
/* The fast first-order WKB path (double, NOT certified)                   */

typedef struct
{
    double tol;             /* extrapolation tolerance, mixed abs/rel (default 1e-12) */
    slong max_steps;        /* per pass (default 100000) */
    slong steps_fwd, steps_bwd, evals;  /* out: steps of the two passes, drift evaluations */
    double x_err;           /* out: max_i |X_{t0} - x_i| after the backward pass */
}
sample_wkb_opts_struct;

typedef sample_wkb_opts_struct sample_wkb_opts_t[1];

void sample_wkb_opts_init(sample_wkb_opts_t O);

/* c[0] ~ c_0(x) = log q^0_{t0}(x) and c[1] ~ c_1(x), the first two WKB
   coefficients of log q^h_{t0}(x) (math.md sections 6-7), in double: the
   probability-flow characteristic forward, then the adjoint equations for
   grad and Hess of log q^0_t along it backward, with the score's
   derivatives up to order 3 exact (closed-form moments over the mixture's
   responsibilities, no finite differences) and Gragg-Bulirsch-Stoer extrapolation at tolerance O->tol
   in the time variable u, t = t0 + delta (e^u - 1) with delta the time
   scale of the narrowest marginal variance at t0.  No enclosure: the certified values come from module wkb; the
   error is what tests and bench/b-c1 measure against them.  Returns
   SAMPLE_OK, SAMPLE_EINPUT (tol <= 0 or max_steps < 1) or SAMPLE_ESYSTEM
   (step limit or a non-finite value; c is not set). */
int sample_wkb_c01(double * c, const sample_model_t M, const double * x, sample_wkb_opts_t O);

#ifdef __cplusplus
}
#endif

#endif
