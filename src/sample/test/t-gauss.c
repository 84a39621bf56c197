/*
    Samplers on Gaussian data with the exact score and the marginal prior:
    every h transports p_T to p_{t0}, so the sample moments must match the
    marginal p_{t0} within CLT bands (5 sigma) plus an O(dt) bias allowance.
    For Euler-Maruyama in 1D the discrete chain is itself Gaussian with an
    exactly computable mean and variance (linear recursion), and the samples
    must match that discrete law within 5 sigma with no bias allowance.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/sample.h"

static int
check_band(const char * what, double got, double want, double sd, double bias)
{
    if (getenv("VERBOSE")) printf("\n  %-40s z = %+.2f (bias allowance %.2g sd)", what, (got - want) / sd, bias / sd);
    if (!(fabs(got - want) <= 5.0 * sd + bias))
    {
        printf("FAIL: %s: got %.10g, want %.10g (5 sd = %.3g, bias allowance %.3g)\n",
               what, got, want, 5.0 * sd, bias);
        return 1;
    }
    return 0;
}

/* exact law of the 1D EM chain: mean and variance at t0 */
static void
em_chain_law(double * mean, double * var, const sample_model_t M, double mu, double v0,
             double h, slong K)
{
    double dt = (M->T - M->t0) / K, f, g2, a, s2, V, c, al, be, m, v;
    slong k;
    sample_sched_eval(NULL, NULL, &a, &s2, M->sched, M->T);
    m = a * mu;
    v = a * a * v0 + s2;
    for (k = 0; k < K; k++)
    {
        double t = (k == 0) ? M->T : M->T - k * dt;
        sample_sched_eval(&f, &g2, &a, &s2, M->sched, t);
        V = a * a * v0 + s2;
        c = 0.5 * (1.0 + h) * g2;
        /* x' = x - dt (f x + c (x - a mu)/V) + sqrt(h g2 dt) z */
        al = 1.0 - dt * (f + c / V);
        be = dt * c * a * mu / V;
        m = al * m + be;
        v = al * al * v + h * g2 * dt;
    }
    *mean = m;
    *var = v;
}

int
main(void)
{
    sample_model_t M;
    sample_opts_t O;
    slong n = 20000, i, K, r, d;
    double * X;
    double mu = 0.5, v0 = 0.3, w = 1.0, mean, var, a, s2, dm, dv, em, ev;
    int fail = 0;
    static const int methods[6] = {SAMPLE_EM, SAMPLE_EM, SAMPLE_EM, SAMPLE_PF_HEUN,
                                   SAMPLE_PF_RK4, SAMPLE_PF_RK45};
    static const double hs[6] = {0.0, 1.0, 0.5, 0.0, 0.0, 0.0};
    static const slong Ks[6] = {1000, 500, 250, 200, 100, 20};

    printf("gauss....");
    fflush(stdout);

    /* 1D: const schedule beta = 1 on [0, 2], data N(0.5, 0.3) */
    sample_model_init(M, 1);
    sample_sched_set_d(M->sched, SCHED_CONST, 1.0, 0.0);
    sample_mix_clear(M->data);
    sample_mix_init(M->data, 1, 1);
    sample_mix_set_d(M->data, &w, &mu, &v0);
    M->prior = PRIOR_MARGINAL;
    M->t0 = 0.0;
    M->T = 2.0;
    X = (double *) malloc(sizeof(double) * n * 2);

    for (r = 0; r < 6; r++)
    {
        char what[80];
        sample_opts_init(O);
        O->method = methods[r];
        O->h = hs[r];
        O->steps = K = Ks[r];
        O->seed = 2024 + r;
        O->threads = 2;
        O->rtol = 1e-8;
        O->atol = 1e-10;
        if (sample_run(X, 0, n, M, O) != SAMPLE_OK)
        {
            printf("FAIL: sample_run\n");
            return 1;
        }
        mean = var = 0.0;
        for (i = 0; i < n; i++)
            mean += X[i];
        mean /= n;
        for (i = 0; i < n; i++)
            var += (X[i] - mean) * (X[i] - mean);
        var /= n - 1;
        snprintf(what, sizeof what, "1D %s h=%g mean", sample_method_name(O->method), O->h);
        fail |= check_band(what, mean, mu, sqrt(v0 / n), 1.0 / K);
        snprintf(what, sizeof what, "1D %s h=%g var", sample_method_name(O->method), O->h);
        fail |= check_band(what, var, v0, v0 * sqrt(2.0 / (n - 1)), 1.0 / K);
        if (O->method == SAMPLE_EM)
        {
            em_chain_law(&em, &ev, M, mu, v0, O->h, K);
            if (fabs(em - mu) > 1.0 / K || fabs(ev - v0) > 1.0 / K)
            {
                printf("FAIL: discrete EM law bias %g %g exceeds dt\n", em - mu, ev - v0);
                return 1;
            }
            snprintf(what, sizeof what, "1D em h=%g mean vs discrete law", O->h);
            fail |= check_band(what, mean, em, sqrt(ev / n), 0.0);
            snprintf(what, sizeof what, "1D em h=%g var vs discrete law", O->h);
            fail |= check_band(what, var, ev, ev * sqrt(2.0 / (n - 1)), 0.0);
        }
        if (fail)
            return 1;
    }
    sample_model_clear(M);

    /* 2D: simple schedule on [0.01, 1], correlated Gaussian; target p_{0.01} */
    {
        double m2[2] = {0.3, -0.4}, S2[4] = {0.5, 0.2, 0.2, 0.3}, Ct[4], mt[2], cov[3];
        d = 2;
        sample_model_init(M, d);
        sample_sched_set_d(M->sched, SCHED_SIMPLE, 0.0, 0.0);
        sample_mix_clear(M->data);
        sample_mix_init(M->data, d, 1);
        sample_mix_set_d(M->data, &w, m2, S2);
        M->prior = PRIOR_MARGINAL;
        M->t0 = 0.01;
        M->T = 1.0;
        sample_sched_eval(NULL, NULL, &a, &s2, M->sched, M->t0);
        mt[0] = a * m2[0]; mt[1] = a * m2[1];
        Ct[0] = a * a * S2[0] + s2; Ct[1] = Ct[2] = a * a * S2[1]; Ct[3] = a * a * S2[3] + s2;
        for (r = 0; r < 3; r++)
        {
            int meth = (r == 0) ? SAMPLE_EM : (r == 1) ? SAMPLE_EM : SAMPLE_PF_RK4;
            double h = (r == 0) ? 1.0 : (r == 1) ? 0.25 : 0.0;
            char what[80];
            sample_opts_init(O);
            O->method = meth;
            O->h = h;
            O->steps = K = (meth == SAMPLE_EM) ? 250 : 100;
            O->seed = 77 + r;
            O->threads = 2;
            sample_run(X, 0, n, M, O);
            dm = dv = 0.0;
            mean = 0.0;
            {
                double s0 = 0, s1 = 0, c00 = 0, c01 = 0, c11 = 0;
                for (i = 0; i < n; i++) { s0 += X[2 * i]; s1 += X[2 * i + 1]; }
                s0 /= n; s1 /= n;
                for (i = 0; i < n; i++)
                {
                    double e0 = X[2 * i] - s0, e1 = X[2 * i + 1] - s1;
                    c00 += e0 * e0; c01 += e0 * e1; c11 += e1 * e1;
                }
                cov[0] = c00 / (n - 1); cov[1] = c01 / (n - 1); cov[2] = c11 / (n - 1);
                snprintf(what, sizeof what, "2D %s h=%g mean[0]", sample_method_name(meth), h);
                fail |= check_band(what, s0, mt[0], sqrt(Ct[0] / n), 2.0 / K);
                snprintf(what, sizeof what, "2D %s h=%g mean[1]", sample_method_name(meth), h);
                fail |= check_band(what, s1, mt[1], sqrt(Ct[3] / n), 2.0 / K);
                snprintf(what, sizeof what, "2D %s h=%g cov[0][0]", sample_method_name(meth), h);
                fail |= check_band(what, cov[0], Ct[0], Ct[0] * sqrt(2.0 / n), 2.0 / K);
                snprintf(what, sizeof what, "2D %s h=%g cov[0][1]", sample_method_name(meth), h);
                fail |= check_band(what, cov[1], Ct[1],
                                   sqrt((Ct[0] * Ct[3] + Ct[1] * Ct[1]) / n), 2.0 / K);
                snprintf(what, sizeof what, "2D %s h=%g cov[1][1]", sample_method_name(meth), h);
                fail |= check_band(what, cov[2], Ct[3], Ct[3] * sqrt(2.0 / n), 2.0 / K);
            }
            (void) dm; (void) dv;
            if (fail)
                return 1;
        }
        sample_model_clear(M);
    }

    /* 1D mixture 0.3 N(-1, 0.2) + 0.7 N(1.5, 0.5), const beta = 1 on [0, 3]:
       mean 0.75, variance 1.7225, fourth central moment from the components */
    {
        double wm[2] = {0.3, 0.7}, mm[2] = {-1.0, 1.5}, vm[2] = {0.2, 0.5};
        double mu1 = 0.75, var1 = 0.0, m4 = 0.0;
        for (i = 0; i < 2; i++)
        {
            double e = mm[i] - mu1;
            var1 += wm[i] * (vm[i] + e * e);
            m4 += wm[i] * (e * e * e * e + 6.0 * e * e * vm[i] + 3.0 * vm[i] * vm[i]);
        }
        sample_model_init(M, 1);
        sample_sched_set_d(M->sched, SCHED_CONST, 1.0, 0.0);
        sample_mix_clear(M->data);
        sample_mix_init(M->data, 1, 2);
        sample_mix_set_d(M->data, wm, mm, vm);
        M->prior = PRIOR_MARGINAL;
        M->t0 = 0.0;
        M->T = 3.0;
        for (r = 0; r < 2; r++)
        {
            char what[80];
            sample_opts_init(O);
            O->method = (r == 0) ? SAMPLE_PF_RK4 : SAMPLE_EM;
            O->h = (r == 0) ? 0.0 : 1.0;
            O->steps = K = (r == 0) ? 100 : 300;
            O->seed = 99 + r;
            O->threads = 2;
            sample_run(X, 0, n, M, O);
            mean = var = 0.0;
            for (i = 0; i < n; i++)
                mean += X[i];
            mean /= n;
            for (i = 0; i < n; i++)
                var += (X[i] - mean) * (X[i] - mean);
            var /= n - 1;
            snprintf(what, sizeof what, "1D mixture %s h=%g mean", sample_method_name(O->method), O->h);
            fail |= check_band(what, mean, mu1, sqrt(var1 / n), 3.0 * 3.0 / K);
            snprintf(what, sizeof what, "1D mixture %s h=%g var", sample_method_name(O->method), O->h);
            fail |= check_band(what, var, var1, sqrt((m4 - var1 * var1) / n), 3.0 * 3.0 / K);
            if (fail)
                return 1;
        }
        sample_model_clear(M);
    }

    free(X);
    flint_cleanup();
    printf("PASS\n");
    return 0;
}
