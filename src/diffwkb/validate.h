/*
    validate.h: judging samples (from diffwkb sample or from anyone) against
    certified reference laws (design.md, module validate).

    Samples are read as doubles (the nearest double to each decimal; the
    CSV that diffwkb sample writes round-trips exactly).  Every statistic is
    computed from those doubles in Arb, so each printed statistic is a ball
    that contains the statistic of the doubles; the reference quantities
    (means, covariances, CDF values, quantiles) are certified balls.

    Reference laws (validate_ref_t), chosen by validate_ref_set_problem:

      VALIDATE_REF_AFFINE    affine score, Gaussian prior (wkb_affine route):
                             the law of Eq. (9) at t0 is N(mu_h, Sigma_h)
                             (wkb_affine_moments).  With a fixed-step method
                             (em, pf-euler, pf-heun, pf-rk4) and K steps the
                             law of THAT scheme is also Gaussian, N(mu_K,
                             Sigma_K), by the exact affine recursion of
                             validate_discrete_moments; the tests then use the
                             discrete law and the report shows the
                             discretisation bias (discrete minus continuous).
      VALIDATE_REF_MARGINAL  exact score and prior "marginal" (any data, any
                             h, any d): every h has marginal p_{t0}, a
                             Gaussian mixture with exact moments.  Finite-step
                             bias is not modelled.
      VALIDATE_REF_FLOW      d = 1, h = 0, any score and prior: the PF map
                             X_T(x) (validated ODE from t0 to T) is increasing,
                             so q^0_{t0}(X <= x) = Pi(X_T(x)), Pi the prior
                             CDF; evaluated at VALIDATE_FLOW_GRID order
                             statistics (one validated ODE solve each, about
                             0.05-0.1 s), which gives a lower bound of the KS
                             distance within 1/VALIDATE_FLOW_GRID of it:
                             coarse, for gross errors.  Finite-step bias is
                             not modelled.

    Tests (validate_report_t), each with a p-value ball:
      mean[i]      z = (sample mean - mu_i) / sqrt(Sigma_ii / n)
      cov[i][j]    z = (sample covariance (n - 1 denominator) - Sigma_ij)
                        / sqrt(V_ij / n),  V_ij = E[(y_i y_j)^2] - Sigma_ij^2,
                   y = X - E X, computed exactly for the mixture (for a
                   Gaussian V_ij = Sigma_ii Sigma_jj + Sigma_ij^2).
                   Two-sided normal p-value erfc(|z|_lo / sqrt 2), |z|_lo the
                   lower bound of the ball |z| (so the reference balls count
                   in the sampler's favour).  Asymptotic (CLT) levels; the
                   mean test is exact for Gaussian laws.
      ks           (d = 1) D_n = sup |F_n - F| enclosed from certified CDF
                   balls at the sorted samples; p-value bound
                   min(1, 2 exp(-2 n D_lo^2)) (Dvoretzky-Kiefer-Wolfowitz
                   with Massart's constant: a finite-sample bound, valid
                   for every n and every continuous F).
    A test rejects when its p-value ball lies certainly below alpha / m,
    m the number of tests run (Bonferroni), alpha the family-wise level
    (default VALIDATE_ALPHA = 1e-6).

    Reported, not tested (estimates): W2 in 1D from certified quantiles,
    validate_w2_1d, against the reference and against the data law p_0.
*/
#ifndef DIFFWKB_VALIDATE_H
#define DIFFWKB_VALIDATE_H

#include <stdio.h>
#include "diffwkb/flintdeps.h"
#include "problem.h"
#include "target.h"
#include "wkb.h"
#include "sample.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VALIDATE_ALPHA "1e-6"   /* default family-wise level (exact decimal) */
#define VALIDATE_FLOW_GRID 200     /* flow route: PF-flow solves per KS test */
#define VALIDATE_CDF_POINTS 20000   /* 1D: exact CDF evaluations per pass (see validate_mix_cdf_vec) */

/* ---------------------------------------------------------------------- */
/* Samples                                                                 */

typedef struct
{
    slong n, d;
    double * x;         /* n*d, row-major */
    slong alloc;
}
validate_samples_struct;

typedef validate_samples_struct validate_samples_t[1];

void validate_samples_init(validate_samples_t S);
void validate_samples_clear(validate_samples_t S);
/* Append one sample (d coordinates; the first call fixes d). */
void validate_samples_push(validate_samples_t S, const double * x, slong d);

/* Read CSV: one sample per line, coordinates separated by commas, decimal
   numbers (strtod syntax without hex, inf, nan), '#' comment lines and
   blank lines skipped.  d = 0: take the dimension from the first sample.
   Returns 0, or 2 after writing "NAME:LINE: reason" into err. */
int validate_samples_read(validate_samples_t S, FILE * fp, const char * name, slong d,
                          char * err, size_t errlen);

/* ---------------------------------------------------------------------- */
/* Gaussian mixtures (the reference laws) in balls                         */

/* res encloses the CDF of the 1D mixture P at x (any x; P->d must be 1). */
void validate_mix_cdf(arb_t res, const target_t P, const arb_t x, slong prec);

/* [lo, hi] (exact) brackets the u-quantile Q(u) = inf {x : F(x) >= u} of the
   1D mixture P: certified F(lo) <= u <= F(hi), with hi - lo <= tol (or as
   close as prec allows).  u must lie in (0, 1).  Returns 1 on success, 0
   if no bracket was certified. */
int validate_mix_quantile(arb_t lo, arb_t hi, const target_t P, const arb_t u,
                          const arb_t tol, slong prec);

/* mean (d), cov (d x d) and V (d x d): V_ij encloses Var(y_i y_j) =
   E[y_i^2 y_j^2] - cov_ij^2, y = X - E X, X ~ P (the asymptotic variance of
   the sample covariance entry ij). */
void validate_mix_moments4(arb_ptr mean, arb_mat_t cov, arb_mat_t V, const target_t P,
                           slong prec);

/* Q = the marginal p_t of the mixture P at coefficients (a, s2):
   components (w_k, a m_k, a^2 S_k + s2 I).  Q is (re)initialised. */
void validate_mix_marginal(target_t Q, const target_t P, const arb_t a, const arb_t s2,
                           slong prec);

/* Q = the Gaussian N(mu, Sigma) as a one-component mixture (re)initialised. */
void validate_mix_set_gauss(target_t Q, arb_srcptr mu, const arb_mat_t Sigma, slong d);

/* ---------------------------------------------------------------------- */
/* Discrete law of the fixed-step schemes for affine scores                */

/* mu (d) and Sigma enclose the mean and covariance of the output of
   sample_run's fixed-step scheme (em with noise level h, or pf-euler,
   pf-heun, pf-rk4 with h = 0) for the affine model M on the uniform grid
   t_n = T - n (T - t0)/K, n = 0..K, started from the prior N(muT, SigmaT)
   of M, in exact arithmetic.  With s = A(t) x + b(t) every step is
   x_{n+1} = M_n x_n + c_n + sqrt(h g^2(t_n) dt) z_n, so the law is Gaussian
   and mu_{n+1} = M_n mu_n + c_n, Sigma_{n+1} = M_n Sigma_n M_n^T
   + h g^2(t_n) dt I (M_n, c_n from the stages of the scheme applied to
   affine maps).  Returns 0, or 1 (outputs indeterminate) if a covariance
   inverse of the score could not be certified or the method has no fixed
   grid (pf-rk45).  h is ignored (taken as 0) for the pf methods. */
int validate_discrete_moments(arb_ptr mu, arb_mat_t Sigma, const wkb_affine_t M,
                              sample_method method, const arb_t h, slong K, slong prec);

/* ---------------------------------------------------------------------- */
/* 1D probability-flow CDF (h = 0, any score, any prior)                   */

/* F encloses q^0_{t0}(X <= x) = Pi(X_T(x)) for every x in the ball x:
   X_T(x) the PF flow x' = f x - (g^2/2) s_theta(x, t) from t0 to T by
   ode_solve, Pi the CDF of the prior (N(0,1), or the 1D data marginal p_T).
   Returns 1 on success, 0 (F indeterminate) if the ODE failed. */
int validate_flow_cdf(arb_t F, const problem_t P, const arb_t x, slong prec);

/* ---------------------------------------------------------------------- */
/* Reference laws                                                          */

typedef enum
{
    VALIDATE_REF_NONE = 0,
    VALIDATE_REF_AFFINE,
    VALIDATE_REF_MARGINAL,
    VALIDATE_REF_FLOW
}
validate_ref_kind;

typedef struct
{
    validate_ref_kind kind;
    slong d;
    int has_discrete;       /* AFFINE with a fixed-step method */
    target_t law;           /* the law the tests use (AFFINE: discrete if has_discrete,
                               else continuous; MARGINAL: p_t0); unused for FLOW */
    target_t cont;          /* AFFINE: the continuous law N(mu_h, Sigma_h) */
    target_t data;          /* the data law p_0 (copy of the problem's) */
    const problem_struct * problem;   /* FLOW: the problem (not owned) */
    char note[256];         /* what the reference does not cover */
}
validate_ref_struct;

typedef validate_ref_struct validate_ref_t[1];

void validate_ref_init(validate_ref_t R);
void validate_ref_clear(validate_ref_t R);

/* Set the reference law of problem P for samples of Eq. (9) at noise level
   h (an exact rational), produced by method with K steps (K <= 0: method
   unknown, compare with the continuous law).  Returns 0 on success, 1 if no
   certified route applies (R->kind = NONE, R->note says why), 2 if a route
   applies but its enclosure failed (note says which). */
int validate_ref_set_problem(validate_ref_t R, const problem_t P, const fmpq_t h,
                             int method, slong K, slong prec);

const char * validate_ref_name(validate_ref_kind kind);

/* ---------------------------------------------------------------------- */
/* Tests and report                                                        */

typedef enum
{
    VALIDATE_TEST_Z = 0,    /* two-sided normal z-test */
    VALIDATE_TEST_KS        /* Kolmogorov-Smirnov with the DKW bound */
}
validate_test_kind;

typedef struct
{
    char name[48];
    validate_test_kind kind;
    arb_t sample;           /* Z: sample statistic; KS: D_n */
    arb_t reference;        /* Z: certified reference value; KS: 0 */
    arb_t cont;             /* Z with a discrete law: continuous-law value (else indeterminate) */
    arb_t se;               /* Z: standard error sqrt(var / n); KS: unused */
    arb_t stat;             /* Z: z; KS: D_n */
    arb_t pvalue;           /* p-value ball (upper end is what the decision uses) */
    arb_t threshold;        /* |z| or D_n threshold at level alpha / m (display) */
    int reject;
}
validate_test_struct;

typedef struct
{
    slong len, alloc;
    validate_test_struct * tests;
    slong n;                /* sample size */
    arb_t alpha;            /* family-wise level */
    arb_t alpha_each;       /* alpha / len after validate_report_finish */
    int reject;             /* 1 if any test rejects */
    arb_t w2;               /* 1D: W2 estimate vs the reference (indeterminate if none) */
    arb_t w2_data;          /* 1D: W2 estimate vs the data law p_0 */
    arb_t w2_ref_data;      /* 1D Gaussian reference: exact W2(reference, p_0) if p_0 Gaussian */
    int want_w2;            /* 1 (default): validate_run computes the W2 estimates */
}
validate_report_struct;

typedef validate_report_struct validate_report_t[1];

void validate_report_init(validate_report_t R);
void validate_report_clear(validate_report_t R);

/* Add a z-test: stat = (sample - reference) / se. */
void validate_report_add_z(validate_report_t R, const char * name, const arb_t sample,
                           const arb_t reference, const arb_t se, slong prec);
/* Add a KS test with statistic ball D on n samples. */
void validate_report_add_ks(validate_report_t R, const char * name, const arb_t D, slong n,
                            slong prec);
/* Bonferroni: alpha_each = alpha / len; decide each test; set R->reject. */
void validate_report_finish(validate_report_t R, const arb_t alpha, slong prec);
/* Smallest p-value upper bound over the tests (1 if none). */
void validate_report_min_pvalue(arb_t res, const validate_report_t R);

/* Mean and covariance z-tests of S against the mixture law (certified
   moments, standard errors from the certified covariance / fourth
   moments).  If cont is not NULL its mean and covariance fill the cont
   fields (bias display). */
void validate_test_moments(validate_report_t R, const validate_samples_t S,
                           const target_t law, const target_t cont, slong prec);

/* D encloses sup_x |F_n(x) - F(x)| for the 1D samples xs (sorted
   increasingly, n entries) and CDF values Fx[i] enclosing F(xs[i]). */
void validate_ks_stat(arb_t D, const double * xs, arb_srcptr Fx, slong n, slong prec);

/* Fx[i] encloses F(xs[i]) for the 1D mixture P.  stride <= 1: F is
   evaluated at every point (any order).  stride > 1: xs must be sorted
   increasingly; F is evaluated at xs[0], xs[stride], xs[2 stride], ...
   and xs[n-1], and the points between get the hull of their neighbours'
   balls (monotonicity): fewer erfc calls, balls at most one stride wide
   in F_n units. */
void validate_mix_cdf_vec(arb_ptr Fx, const target_t P, const double * xs, slong n,
                          slong stride, slong prec);

/* Lower bound on sup |F_n - F| for the flow route: F is evaluated at
   grid (<= n) order statistics (every ceil(n/grid)-th sample) by
   validate_flow_cdf; D encloses max over those points of
   max(|F_n(x) - F(x)|, |F_n(x-) - F(x)|), a lower bound of D_n within
   ceil(n/grid)/n of it (monotonicity); a lower bound suffices for rejection
   and gives a conservative (larger) p-value bound.  Returns 1, or 0 if a
   flow solve failed. */
int validate_flow_ks_stat(arb_t D, const problem_t P, const double * xs, slong n, slong grid,
                          slong prec);

/* res encloses the estimate (1/n sum_i (xs[i] - Q(u_i))^2)^{1/2} of the
   W2 distance between the law of the sorted 1D samples xs and the mixture
   P, u_i = (i - 1/2)/n, Q the quantile function of P (certified brackets
   from the CDF values at neighbouring samples, Fx[i] = F(xs[i]); Fx may be
   NULL: then computed).  Returns 1, or 0 (res indeterminate). */
int validate_w2_1d(arb_t res, const double * xs, arb_srcptr Fx, slong n, const target_t P,
                   slong prec);

/* Run everything for samples S against reference Ref at family-wise level
   alpha: moments (MIXTURE-type references), KS and W2 (d = 1).  Fills R.
   Returns 0, or 2 if a certified evaluation failed. */
int validate_run(validate_report_t R, const validate_samples_t S, const validate_ref_t Ref,
                 const arb_t alpha, slong prec);

/* ---------------------------------------------------------------------- */
/* Step-size convergence check (two runs of one sampler, K and 2K steps)   */

/* Weak order p of a fixed-step method of sample_run: em 1, pf-euler 1,
   pf-heun 2, pf-rk4 4; 0 for pf-rk45 (no fixed grid) or unknown. */
int validate_method_order(int method);

/* One statistic (a sample mean or a sample variance of one coordinate)
   at K steps (a) and 2K steps (b).  For an order-p method the bias at K
   steps is ~ 2^p times the bias at 2K steps, so a - b ~ (2^p - 1) bias(2K);
   Richardson: extrap = (2^p b - a) / (2^p - 1) estimates the continuous
   value and bias_est = b - extrap = (a - b) / (2^p - 1) the bias at 2K. */
typedef struct
{
    char name[48];          /* "mean", "var", "mean[i]", "var[i]" */
    int is_var;
    arb_t a, b;             /* the statistic of the doubles (balls) */
    arb_t diff;             /* a - b */
    arb_t diff_ref;         /* certified law difference (discrete laws), else indeterminate */
    arb_t se;               /* se of a - b: certified (affine) or estimated from the samples */
    arb_t extrap;           /* Richardson value (an estimate) */
    arb_t extrap_se;        /* its standard error (estimated from the samples) */
    arb_t bias_est;         /* estimated bias at 2K steps (a - b) / (2^p - 1) */
    arb_t cont;             /* certified continuous value (affine, marginal), else indeterminate */
    arb_t bias_ref;         /* affine: certified bias at 2K steps (law_2K - cont), else indeterminate */
    slong test;             /* index of its test in the report, or -1 (estimate only) */
}
validate_conv_item_struct;

typedef enum
{
    VALIDATE_CONV_NONE = 0,     /* estimates only: no certified law */
    VALIDATE_CONV_DIFF,         /* affine: z-tests of a - b against the exact laws' difference */
    VALIDATE_CONV_EXTRAP        /* marginal: z-tests of the Richardson values against p_t0 */
}
validate_conv_mode;

typedef struct
{
    validate_conv_mode mode;
    validate_ref_kind kind;     /* reference route of the problem (NONE if none) */
    int order;                  /* p */
    slong K;                    /* steps of the first run (the second has 2K) */
    slong nA, nB, d;
    slong len;
    validate_conv_item_struct * items;      /* d means, then d variances */
    char note[256];
}
validate_conv_struct;

typedef validate_conv_struct validate_conv_t[1];

void validate_conv_init(validate_conv_t C);
void validate_conv_clear(validate_conv_t C);

/* Step-size convergence check of samples A (method with K steps) and B
   (the same method with 2K steps, an independent run: another seed) of
   problem P at noise level h.  Per coordinate, the sample mean and the
   sample variance (n - 1 denominator) of each run:

     affine score, Gaussian prior (mode DIFF): the exact discrete laws at
       K and 2K steps (validate_discrete_moments) give certified m_K - m_2K;
       z = ((a - b) - (m_K - m_2K)) / sqrt(v_K / nA + v_2K / nB), v the
       certified variance of the statistic under each discrete law;
     exact score, prior "marginal" (mode EXTRAP): the continuous law is
       p_t0 (certified); z = (extrap - m_cont) / extrap_se, extrap_se
       = sqrt(s_a^2 / nA + 4^p s_b^2 / nB) / (2^p - 1) with s^2 the sample
       variance (mean) or the sample fourth central moment minus the
       squared sample variance (variance): an asymptotic test, and the
       O(dt^(p+1)) remainder of Richardson is not modelled;
     otherwise (mode NONE): the Richardson estimates only, no test.

   A bias that does not depend on the step size cancels in a - b: mode
   DIFF checks how the law moves with the step size (a scheme or a claimed
   order that is wrong), not the law itself (validate_run does that).
   With the same seed for both runs the runs are dependent and the
   standard errors above are not those of a - b.

   The z-tests go to R (freshly initialised; validate_report_add_z), then
   validate_report_finish(R, alpha).  Returns 0, or 2 (C->note says why)
   if the inputs do not fit (dimensions, fewer than 2 samples, a method
   without a fixed grid, K < 1) or a certified enclosure failed. */
int validate_convergence(validate_conv_t C, validate_report_t R, const validate_samples_t A,
                         const validate_samples_t B, const problem_t P, const fmpq_t h,
                         int method, slong K, const arb_t alpha, slong prec);

/* ---------------------------------------------------------------------- */
/* Estimates for problems without a certified law (no test)                */

/* Where no route of validate_ref_set_problem applies (mixture data with a
   non-affine score at h > 0 or dim > 1, e.g. prior normal with an exact
   mixture score), the law of the samples is not certified and nothing is
   tested.  What is reported instead, clearly as estimates:

     ll_mean, ll_se    the mean over the n samples of log p_t0(x_i) (the
                       data law at t0, target_log_density, each term a
                       certified ball at the double x_i) and its standard
                       error sqrt(s^2 / n), s^2 the sample variance of the
                       terms (n - 1 denominator).  An estimate of
                       E_q[log p_t0] = -(cross-entropy of the samples' law
                       under the data law); it equals -H(p_t0) when the
                       samples follow p_t0.  The NLL of the DATA under the
                       model, E_p[-log q^h], is not available from samples.
     lq0_mean, c1_mean, pred_mean (and _se), over the first npts samples
                       only (wkb_problem_loglik_series to order 1, costly
                       for mixtures): c_0(x_i) = log q^0_t0(x_i), c_1(x_i),
                       and the first-order prediction c_0 + h c_1 of
                       log q^h_t0(x_i); each term certified, the means are
                       sample averages with their standard errors.

   All balls contain the statistic of the doubles; the standard errors
   are estimates.  status: -1 (npts = 0, not attempted), or the WKB code of
   the series (WKB_OK, or the first failure: then npts = 0 and note says
   which sample). */
typedef struct
{
    slong n;                /* samples in ll_mean */
    arb_t ll_mean, ll_se;
    slong npts;             /* samples in the series means (0: none) */
    int status;
    arb_t lq0_mean, lq0_se;
    arb_t c1_mean, c1_se;
    arb_t pred_mean, pred_se;
    char note[256];
}
validate_nll_struct;

typedef validate_nll_struct validate_nll_t[1];

void validate_nll_init(validate_nll_t E);
void validate_nll_clear(validate_nll_t E);

/* mean encloses (1/n) sum v_i, se encloses sqrt(sum (v_i - mean)^2 /
   ((n - 1) n)) (indeterminate for n < 2; both for n < 1). */
void validate_mean_se(arb_t mean, arb_t se, arb_srcptr v, slong n, slong prec);

/* Fill E for samples S of problem P at noise level h (the prediction uses
   h), with the series at the first npts samples (npts <= 0: none).
   Returns 0, or 2 (E->note says why) if the samples do not fit P or a
   log p_t0 enclosure failed; a failure of the series only omits it. */
int validate_nll_estimate(validate_nll_t E, const validate_samples_t S, const problem_t P,
                          const fmpq_t h, slong npts, slong prec);

#ifdef __cplusplus
}
#endif

#endif
