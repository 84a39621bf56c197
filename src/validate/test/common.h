/*
    Shared helpers of the validate tests (private): problems as text,
    a test-local Euler-Maruyama sampler with injectable faults, and one
    call that validates a sample set.
*/
#ifndef VALIDATE_TEST_COMMON_H
#define VALIDATE_TEST_COMMON_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/validate.h"

/* The paper's 1D model (section 5.1): N(0, 0.3), const beta = 1, T = 5, eps = 0.1. */
#define prob_paper1d \
    "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"5\"}," \
    " \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], \"cov\": [[\"0.3\"]]}," \
    " \"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}, \"prior\": {\"type\": \"normal\"}}"

/* A correlated 2D Gaussian under VP on [0.001, 1], score 5% overconfident. */
#define prob_gauss2d \
    "{\"dim\": 2, \"sde\": {\"schedule\": \"vp\", \"b0\": \"0.1\", \"b1\": \"20\", \"t0\": \"0.001\", \"T\": \"1\"}," \
    " \"data\": {\"type\": \"gaussian\", \"mean\": [\"1\", \"-0.5\"], \"cov\": [[\"1\", \"0.3\"], [\"0.3\", \"0.5\"]]}," \
    " \"score\": {\"type\": \"scaled\", \"eps\": \"0.05\"}, \"prior\": {\"type\": \"normal\"}}"

/* A 1D two-component mixture, exact score, prior = the exact marginal p_T
   (every h has marginal p_t0: the data-marginal route). */
#define prob_mix1d_marg \
    "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0.05\", \"T\": \"3\"}," \
    " \"data\": {\"type\": \"mixture\", \"weights\": [\"0.3\", \"0.7\"], \"means\": [[\"-1\"], [\"1.5\"]]," \
    " \"covs\": [[[\"0.2\"]], [[\"0.5\"]]]}, \"score\": {\"type\": \"exact\"}, \"prior\": {\"type\": \"marginal\"}}"

/* The same mixture with the normal prior and a misspecified score (the exact
   score of another mixture): only the h = 0 flow route applies. */
#define prob_mix1d_flow \
    "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"5\"}," \
    " \"data\": {\"type\": \"mixture\", \"weights\": [\"0.3\", \"0.7\"], \"means\": [[\"-1\"], [\"1.5\"]]," \
    " \"covs\": [[[\"0.2\"]], [[\"0.5\"]]]}," \
    " \"score\": {\"type\": \"mixture\", \"weights\": [\"0.4\", \"0.6\"], \"means\": [[\"-1\"], [\"1.4\"]]," \
    " \"covs\": [[[\"0.25\"]], [[\"0.5\"]]]}, \"prior\": {\"type\": \"normal\"}}"

enum
{
    FAULT_NONE = 0,
    FAULT_FACTOR_1PH,      /* drift factor (1+h) instead of (1+h)/2 */
    FAULT_FACTOR_HALF,     /* drift factor 1/2 instead of (1+h)/2 */
    FAULT_NO_SQRT_H,       /* noise sqrt(g^2 dt) instead of sqrt(h g^2 dt) */
    FAULT_SCORE_SIGN,      /* + instead of - in front of the score term */
    FAULT_DRIFT_SIGN,      /* + f x instead of - f x in the reverse step */
    FAULT_SCALE,           /* output multiplied by 1.02 */
    FAULT_COUNT
};


/* Euler-Maruyama of sample.h written again, with a fault: sample i is
   X[i*d ..], same streams as sample_run (so FAULT_NONE reproduces it). */
static inline void
faulty_em(double * X, slong n, const sample_model_t M, double h, slong K, uint64_t seed,
          int fault)
{
    slong d = M->d, i, k, j;
    double dt = (M->T - M->t0) / (double) K;
    double * work = malloc(sizeof(double) * (sample_model_work_size(M) + 4 * d));
    double * s = malloc(sizeof(double) * d), * z = malloc(sizeof(double) * d);
    sample_tcoef_t C;
    sample_tcoef_init(C, M);
    for (i = 0; i < n; i++)
        sample_model_prior(X + i * d, M, seed, (uint64_t) i, work);
    for (k = 0; k < K; k++)
    {
        double t = (k == 0) ? M->T : M->T - (double) k * dt;
        double c, sig, fs;
        sample_tcoef_set(C, M, t);
        c = 0.5 * (1.0 + h) * C->g2;
        sig = sqrt(h * C->g2 * dt);
        fs = C->f;
        if (fault == FAULT_FACTOR_1PH) c = (1.0 + h) * C->g2;
        if (fault == FAULT_FACTOR_HALF) c = 0.5 * C->g2;
        if (fault == FAULT_NO_SQRT_H) sig = sqrt(C->g2 * dt);
        if (fault == FAULT_SCORE_SIGN) c = -c;
        if (fault == FAULT_DRIFT_SIGN) fs = -fs;
        for (i = 0; i < n; i++)
        {
            double * x = X + i * d;
            sample_model_score(s, M, C, x, work);
            for (j = 0; j < d; j++)
                x[j] = x[j] - dt * (fs * x[j] - c * s[j]);
            if (h > 0.0)
            {
                sample_normals(z, d, seed, (uint64_t) i, (uint32_t) (k + 1));
                for (j = 0; j < d; j++)
                    x[j] += sig * z[j];
            }
        }
    }
    if (fault == FAULT_SCALE)
        for (i = 0; i < n * d; i++)
            X[i] *= 1.02;
    sample_tcoef_clear(C);
    free(work);
    free(s);
    free(z);
}

/* Validate n*d doubles X against the reference Ref.  Returns 1 if
   rejected, 0 if accepted, -1 on error; *minp = the smallest p-value
   upper bound (double, for display). */
static inline int
judge_ref(const validate_ref_t Ref, slong d, const double * X, slong n, double * minp,
          int verbose)
{
    validate_samples_t S;
    validate_report_t Rep;
    arb_t alpha, p;
    slong i;
    int res;

    validate_samples_init(S);
    for (i = 0; i < n; i++)
        validate_samples_push(S, X + i * d, d);
    validate_report_init(Rep);
    Rep->want_w2 = 0;       /* W2 is reported, not tested: skip it here */
    arb_init(alpha);
    arb_init(p);
    arb_set_str(alpha, "1e-6", 128);
    if (validate_run(Rep, S, Ref, alpha, 128) != 0)
        res = -1;
    else
        res = Rep->reject;
    validate_report_min_pvalue(p, Rep);
    {
        arf_t u;
        arf_init(u);
        arb_get_ubound_arf(u, p, 53);
        *minp = arf_get_d(u, ARF_RND_UP);
        arf_clear(u);
    }
    if (verbose || res < 0)
    {
        for (i = 0; i < Rep->len; i++)
        {
            validate_test_struct * T = Rep->tests + i;
            flint_printf("    %-10s stat ", T->name);
            arb_printd(T->stat, 5);
            flint_printf("  p ");
            arb_printd(T->pvalue, 3);
            flint_printf("%s\n", T->reject ? "  REJECT" : "");
        }
    }
    arb_clear(alpha);
    arb_clear(p);
    validate_report_clear(Rep);
    validate_samples_clear(S);
    return res;
}

/* The reference of problem P at h = hnum/hden for (method, K) (K = 0: the
   continuous law); aborts if none. */
static inline void
make_ref(validate_ref_t Ref, const problem_t P, slong hnum, slong hden, int method, slong K)
{
    fmpq_t hq;
    fmpq_init(hq);
    fmpq_set_si(hq, hnum, hden);
    validate_ref_init(Ref);
    if (validate_ref_set_problem(Ref, P, hq, method, K, 128) != 0)
    {
        flint_printf("FAIL: no reference: %s\n", Ref->note);
        flint_abort();
    }
    fmpq_clear(hq);
}

/* make_ref + judge_ref. */
static inline int
judge(const problem_t P, slong hnum, slong hden, int method, slong K, const double * X,
      slong n, double * minp, int verbose)
{
    validate_ref_t Ref;
    int res;
    make_ref(Ref, P, hnum, hden, method, K);
    res = judge_ref(Ref, P->dim, X, n, minp, verbose);
    validate_ref_clear(Ref);
    return res;
}

static inline void
read_problem(problem_t P, const char * text)
{
    char err[256];
    problem_init(P);
    if (problem_read_string(P, text, err, sizeof(err), 128) != 0)
    {
        flint_printf("FAIL: problem: %s\n", err);
        flint_abort();
    }
}

#endif
