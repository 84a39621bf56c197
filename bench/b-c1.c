/*
    b-c1: the first-order WKB coefficient c_1(x) at a 2D point, two ways
    (prints, never asserts).

    1. diffwkb: wkb_thm42_c1 (Thm 4.2 with grad/Lap log q^0_t from a
       certified degree-2 jet block, no finite differences) and the
       jet-transport c_1 (wkb_transport_loglik_series, N = 1), at 64 and
       128 bits: time and radius.
    2. The paper's method as a double-precision baseline (math.md section
       7): the outer system x' = F, dx' = DF dx - (g^2/2)(s - grad log q^0_t),
       I' = grad(div F).dx - (g^2/2)(div s - Lap log q^0_t) by adaptive RK45
       (Dormand-Prince, tol 1e-3), grad/Lap log q^0_t at each outer stage by
       central finite differences (step 0.01) of log q^0_t(y) =
       log pi(X_T) + int_t^T div F, each value from an inner RK45 solve
       (tol 1e-5) of the probability-flow ODE with the CNF integral;
       grad(div F) by central differences (step 1e-5) of the closed form.
       Its error is measured against the certified ball (128 bits), with
       the paper's tolerances and with tighter ones; the printed ratios
       compare its time and error with the certified 64-bit result (time
       ours / baseline, error baseline / our radius).

    3. The fast path (sample_wkb_c01, double, NOT certified): the same c_1
       from the adjoint equations along the characteristic (grad and Hess of
       log q^0_t backward from the prior), score derivatives to order 3
       exact from mixture moments, Gragg-Bulirsch-Stoer extrapolation at
       tolerances 1e-6, 1e-9, 1e-12; each timed over repeated calls for at
       least 0.2 s, its error measured against the certified ball.  The
       summary compares it with the baseline at the paper's settings and at
       the baseline's most accurate setting.

    Problem: a 2D four-component Gaussian mixture, const schedule beta = 1
    on [0, 3], scaled score eps = 0.1, prior N(0, I), point (0.3, -0.2).
*/
#include <stdio.h>
#include <math.h>
#include <time.h>
#include "diffwkb/wkb.h"
#include "diffwkb/sample.h"

static const char * problem_json =
    "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"3\"},"
    " \"data\": {\"type\": \"mixture\", \"weights\": [\"0.25\",\"0.25\",\"0.25\",\"0.25\"],"
    "   \"means\": [[\"1\",\"1\"],[\"-1\",\"1\"],[\"1\",\"-1\"],[\"-1\",\"-1\"]],"
    "   \"covs\": [[[\"0.1\",\"0\"],[\"0\",\"0.1\"]],[[\"0.2\",\"0.05\"],[\"0.05\",\"0.1\"]],"
    "              [[\"0.1\",\"0\"],[\"0\",\"0.3\"]],[[\"0.15\",\"0\"],[\"0\",\"0.15\"]]]},"
    " \"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}, \"prior\": {\"type\": \"normal\"}}";

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: fair under load */
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* ---------- double-precision model (baseline only) ---------- */

#define KMAX 8
static int nk;
static double wk[KMAX], mk[KMAX][2], Sk[KMAX][2][2], beta, lam, tT, tS;

/* s(x,t) (lam grad log p_t), div s */
static void
score_d(double s[2], double * divs, const double x[2], double t)
{
    double a = exp(-beta * t / 2), s2 = -expm1(-beta * t), lw[KMAX], g[KMAX][2], ci[KMAX][2][2];
    double mx = -1e300, Z = 0, G[2] = {0, 0}, H[2][2] = {{0, 0}, {0, 0}};
    int k, i, j;
    for (k = 0; k < nk; k++)
    {
        double c00 = a * a * Sk[k][0][0] + s2, c01 = a * a * Sk[k][0][1], c11 = a * a * Sk[k][1][1] + s2;
        double det = c00 * c11 - c01 * c01, r0 = x[0] - a * mk[k][0], r1 = x[1] - a * mk[k][1];
        ci[k][0][0] = c11 / det; ci[k][1][1] = c00 / det; ci[k][0][1] = ci[k][1][0] = -c01 / det;
        g[k][0] = -(ci[k][0][0] * r0 + ci[k][0][1] * r1);
        g[k][1] = -(ci[k][1][0] * r0 + ci[k][1][1] * r1);
        lw[k] = log(wk[k]) - 0.5 * log(det) + 0.5 * (g[k][0] * r0 + g[k][1] * r1);
        if (lw[k] > mx) mx = lw[k];
    }
    for (k = 0; k < nk; k++)
    {
        double p = exp(lw[k] - mx);
        Z += p;
        for (i = 0; i < 2; i++)
        {
            G[i] += p * g[k][i];
            for (j = 0; j < 2; j++)
                H[i][j] += p * (-ci[k][i][j] + g[k][i] * g[k][j]);
        }
    }
    for (i = 0; i < 2; i++)
        G[i] /= Z;
    s[0] = lam * G[0];
    s[1] = lam * G[1];
    *divs = lam * (H[0][0] / Z - G[0] * G[0] + H[1][1] / Z - G[1] * G[1]);
}

/* F = -beta x/2 - (beta/2) s, div F */
static void
drift_d(double F[2], double * divF, const double x[2], double t)
{
    double s[2], ds;
    score_d(s, &ds, x, t);
    F[0] = -beta * x[0] / 2 - beta / 2 * s[0];
    F[1] = -beta * x[1] / 2 - beta / 2 * s[1];
    if (divF) *divF = -beta - beta / 2 * ds;
}

/* the baseline's accuracy parameters (the paper's: 1e-3, 1e-5, 0.01) */
static double tol_out = 1e-3, tol_in = 1e-5, h_fd = 0.01;

typedef void (*rhs_d)(double * dy, const double * y, double t, void * par);

/* Dormand-Prince RK45 from t0 to t1 (t1 > t0), n <= 8 */
static long rk_evals;
static void
rk45(double * y, int n, double t0, double t1, double tol, rhs_d f, void * par)
{
    static const double c2 = 1./5, c3 = 3./10, c4 = 4./5, c5 = 8./9;
    static const double a21 = 1./5, a31 = 3./40, a32 = 9./40, a41 = 44./45, a42 = -56./15,
        a43 = 32./9, a51 = 19372./6561, a52 = -25360./2187, a53 = 64448./6561, a54 = -212./729,
        a61 = 9017./3168, a62 = -355./33, a63 = 46732./5247, a64 = 49./176, a65 = -5103./18656,
        b1 = 35./384, b3 = 500./1113, b4 = 125./192, b5 = -2187./6784, b6 = 11./84,
        e1 = 71./57600, e3 = -71./16695, e4 = 71./1920, e5 = -17253./339200, e6 = 22./525,
        e7 = -1./40;
    double k1[8], k2[8], k3[8], k4[8], k5[8], k6[8], k7[8], yt[8], yn[8];
    double t = t0, h = (t1 - t0) / 50;
    int i;
    f(k1, y, t, par); rk_evals++;
    while (t < t1)
    {
        double err = 0;
        if (t + h > t1) h = t1 - t;
        for (i = 0; i < n; i++) yt[i] = y[i] + h * a21 * k1[i];
        f(k2, yt, t + c2 * h, par);
        for (i = 0; i < n; i++) yt[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]);
        f(k3, yt, t + c3 * h, par);
        for (i = 0; i < n; i++) yt[i] = y[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
        f(k4, yt, t + c4 * h, par);
        for (i = 0; i < n; i++) yt[i] = y[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
        f(k5, yt, t + c5 * h, par);
        for (i = 0; i < n; i++) yt[i] = y[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
        f(k6, yt, t + h, par);
        for (i = 0; i < n; i++) yn[i] = y[i] + h * (b1 * k1[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i] + b6 * k6[i]);
        f(k7, yn, t + h, par);
        rk_evals += 6;
        for (i = 0; i < n; i++)
        {
            double e = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
            double sc = tol * (1 + fmax(fabs(y[i]), fabs(yn[i])));
            err = fmax(err, fabs(e) / sc);
        }
        if (err <= 1)
        {
            t += h;
            for (i = 0; i < n; i++) { y[i] = yn[i]; k1[i] = k7[i]; }
        }
        h *= fmin(5, fmax(0.2, 0.9 * pow(err > 0 ? err : 1e-10, -0.2)));
    }
}

/* inner: (x, int div F) */
static void
inner_rhs(double * dy, const double * y, double t, void * par)
{
    double divF;
    (void) par;
    drift_d(dy, &divF, y, t);
    dy[2] = divF;
}

/* log q^0_t(x) = log pi(X_T) + int_t^T div F  (inner RK45, tol 1e-5) */
static double
logq0(const double x[2], double t)
{
    double y[3] = {x[0], x[1], 0};
    rk45(y, 3, t, tT, tol_in, inner_rhs, NULL);
    return -log(2 * M_PI) - 0.5 * (y[0] * y[0] + y[1] * y[1]) + y[2];
}

/* outer: y = (x, dx, I) */
static void
outer_rhs(double * dy, const double * y, double t, void * par)
{
    const double hfd = h_fd, e = 1e-5;
    double F[2], divF, s[2], ds, gq[2], lq = 0, c, DF[2][2], gd[2];
    int i, j;
    (void) par;
    drift_d(F, &divF, y, t);
    score_d(s, &ds, y, t);
    c = logq0(y, t);
    for (i = 0; i < 2; i++)
    {
        double xp[2] = {y[0], y[1]}, xm[2] = {y[0], y[1]}, fp, fm, Fp[2], Fm[2], dp, dm;
        xp[i] += hfd; xm[i] -= hfd;
        fp = logq0(xp, t); fm = logq0(xm, t);
        gq[i] = (fp - fm) / (2 * hfd);
        lq += (fp - 2 * c + fm) / (hfd * hfd);
        xp[i] = y[i] + e; xm[i] = y[i] - e;
        drift_d(Fp, &dp, xp, t); drift_d(Fm, &dm, xm, t);
        for (j = 0; j < 2; j++)
            DF[j][i] = (Fp[j] - Fm[j]) / (2 * e);
        gd[i] = (dp - dm) / (2 * e);
    }
    dy[0] = F[0];
    dy[1] = F[1];
    for (i = 0; i < 2; i++)
        dy[2 + i] = DF[i][0] * y[2] + DF[i][1] * y[3] - beta / 2 * (s[i] - gq[i]);
    dy[4] = gd[0] * y[2] + gd[1] * y[3] - beta / 2 * (ds - lq);
}

int
main(void)
{
    problem_t P;
    char err[256];
    arb_ptr x;
    arb_t c1, ref;
    arb_poly_t c;
    slong prec, k;
    double tlast = 0, elast = 0;
    double t0, tb, y[5], c1d, xd[2] = {0.3, -0.2}, tours = 0, rours = 0;
    int cfg;
    static const double cfgs[][3] = {{1e-3, 1e-5, 1e-2}, {1e-6, 1e-8, 1e-3}, {1e-8, 1e-11, 3e-4},
                                     {1e-10, 1e-13, 1e-4}};

    problem_init(P);
    if (problem_read_string(P, problem_json, err, sizeof err, 128) != 0)
    {
        flint_printf("problem: %s\n", err);
        return 1;
    }
    x = _arb_vec_init(2);
    arb_set_str(x + 0, "0.3", 128);
    arb_set_str(x + 1, "-0.2", 128);
    arb_init(c1);
    arb_init(ref);
    arb_poly_init(c);

    flint_printf("c_1 at x = (0.3, -0.2), 2D 4-component mixture, const beta = 1, T = 3, eps = 0.1\n");
    for (prec = 64; prec <= 128; prec += 64)
    {
        wkb_transport_opt_t opt;
        problem_set_prec(P, prec);
        wkb_transport_opt_init(opt);
        t0 = now();
        wkb_thm42_c1(c1, P, x, opt, prec);
        t0 = now() - t0;
        if (prec == 64)
        {
            tours = t0;
            rours = mag_get_d(arb_radref(c1));
        }
        flint_printf("diffwkb thm42      %3wd bits: %8.3f s  steps %wd/%wd/%wd  c_1 = ", prec,
                     t0, opt->steps_fwd, opt->steps_bwd, opt->steps_aux);
        arb_printd(c1, 25);
        flint_printf("\n");
        if (prec == 128)
            arb_set(ref, c1);
        t0 = now();
        wkb_transport_loglik_series(c, P, x, 1, opt, prec);
        arb_poly_get_coeff_arb(c1, c, 1);
        flint_printf("diffwkb transport  %3wd bits: %8.3f s  steps %wd/%wd      c_1 = ", prec,
                     now() - t0, opt->steps_fwd, opt->steps_bwd);
        arb_printd(c1, 25);
        flint_printf("\n");
    }

    /* the baseline's parameters, rounded to double */
    problem_set_prec(P, 128);
    nk = P->data->n;
    for (k = 0; k < nk; k++)
    {
        int i, j;
        wk[k] = arf_get_d(arb_midref(P->data->w + k), ARF_RND_NEAR);
        for (i = 0; i < 2; i++)
        {
            mk[k][i] = arf_get_d(arb_midref(target_mean(P->data, k) + i), ARF_RND_NEAR);
            for (j = 0; j < 2; j++)
                Sk[k][i][j] = arf_get_d(arb_midref(arb_mat_entry(target_cov(P->data, k), i, j)),
                                        ARF_RND_NEAR);
        }
    }
    beta = arf_get_d(arb_midref(P->sde->beta), ARF_RND_NEAR);
    lam = 1 + arf_get_d(arb_midref(P->score->eps), ARF_RND_NEAR);
    tS = arf_get_d(arb_midref(P->t0), ARF_RND_NEAR);
    tT = arf_get_d(arb_midref(P->T), ARF_RND_NEAR);

    /* the paper's settings first, then tighter ones (the double-precision
       finite differences bound the attainable error) */
    for (cfg = 0; cfg < 4; cfg++)
    {
        double r = arf_get_d(arb_midref(ref), ARF_RND_NEAR), e;
        tol_out = cfgs[cfg][0];
        tol_in = cfgs[cfg][1];
        h_fd = cfgs[cfg][2];
        tb = now();
        y[0] = xd[0]; y[1] = xd[1]; y[2] = y[3] = y[4] = 0;
        rk_evals = 0;
        rk45(y, 5, tS, tT, tol_out, outer_rhs, NULL);
        c1d = -(y[2] * y[0] + y[3] * y[1]) + y[4];
        tb = now() - tb;
        e = fabs(c1d - r);
        tlast = tb;
        elast = e;
        flint_printf("baseline RK45 + FD (double, tol %.0e/%.0e, fd %.0e): %8.3f s (%ld drift evals)"
                     "  c_1 = %.12f\n", tol_out, tol_in, h_fd, tb, rk_evals, c1d);
        flint_printf("    error %.3e (relative %.3e); diffwkb thm42 at 64 bits: radius %.3e,"
                     " time ratio ours/baseline %.1f, error ratio baseline/ours %.1e\n",
                     e, e / fabs(r), rours, tours / tb, e / rours);
    }

    /* 3. the fast path: exact derivatives (mixture moments), adjoint equations,
       extrapolation; error against the certified ball */
    {
        sample_model_t M;
        sample_wkb_opts_t O;
        double r = arf_get_d(arb_midref(ref), ARF_RND_NEAR), c[2], tf, tb0;
        static const double tols[] = {1e-6, 1e-9, 1e-12};
        double tbest = 0, ebest = 0;
        char err[256];
        int it, reps;

        sample_model_init(M, 2);
        if (sample_model_set_problem(M, P, err, sizeof err) != SAMPLE_OK)
        {
            flint_printf("sample model: %s\n", err);
            return 1;
        }
        double ebase;
        /* the baseline at the paper's settings, for the ratio */
        tol_out = cfgs[0][0]; tol_in = cfgs[0][1]; h_fd = cfgs[0][2];
        tb0 = now();
        for (reps = 0; reps < 5; reps++)
        {
            y[0] = xd[0]; y[1] = xd[1]; y[2] = y[3] = y[4] = 0;
            rk45(y, 5, tS, tT, tol_out, outer_rhs, NULL);
        }
        tb0 = (now() - tb0) / 5;
        ebase = fabs(-(y[2] * y[0] + y[3] * y[1]) + y[4] - r);
        for (it = 0; it < 3; it++)
        {
            double e;
            sample_wkb_opts_init(O);
            O->tol = tols[it];
            tf = now();
            reps = 0;
            do
            {
                sample_wkb_c01(c, M, xd, O);
                reps++;
            }
            while (now() - tf < 0.2);
            tf = (now() - tf) / reps;
            e = fabs(c[1] - r);
            flint_printf("fast adjoint + moments + GBS (double, tol %.0e): %8.6f s  (%wd+%wd steps,"
                         " %wd drift evals)  c_1 = %.15f\n", O->tol, tf, O->steps_fwd,
                         O->steps_bwd, O->evals, c[1]);
            flint_printf("    error %.3e (relative %.3e); against the baseline at the paper's"
                         " settings (%.6f s, error %.3e): time ratio fast/baseline %.3f,"
                         " error ratio baseline/fast %.1e\n", e, e / fabs(r), tb0,
                         ebase, tf / tb0, ebase / e);
            if (it == 1)
            {
                tbest = tf;
                ebest = e;
            }
        }
        flint_printf("summary: fast path at tol 1e-9 (%.3f ms, error %.1e) against the baseline at\n"
                     "    the paper's settings (%.3f ms, error %.1e): %.1fx faster, %.1e times smaller error;\n"
                     "    against the baseline's most accurate setting (%.1f ms, error %.1e): %.0fx faster,"
                     " %.1e times smaller error\n", 1e3 * tbest, ebest, 1e3 * tb0, ebase, tb0 / tbest,
                     ebase / ebest, 1e3 * tlast, elast, tlast / tbest, elast / ebest);
        sample_model_clear(M);
    }

    arb_clear(c1);
    arb_clear(ref);
    arb_poly_clear(c);
    _arb_vec_clear(x, 2);
    problem_clear(P);
    flint_cleanup();
    return 0;
}
