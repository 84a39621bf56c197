/*
    The fast first-order path (sample_wkb_c01, double, not certified)
    against the certified coefficients of module wkb
    (wkb_problem_loglik_series, the problem's own route: closed form,
    affine moment ODE or jet transport) at random problems and points:

      - Gaussian data in d = 1..3 under all six schedules, exact, scaled
        or affine scores, normal or marginal prior (certified: the affine
        route);
      - Gaussian mixtures in d = 1 (two or three components), exact,
        scaled or mixture ("misspecified") scores, normal or marginal
        prior (certified: jet transport);
      - 2D and 3D two-component mixtures (random schedules, scores and
        priors; certified at 64 bits) and bench/b-c1's 2D four-component
        mixture.

    Agreement: |fast - ball midpoint| <= radius + 1e-8 (1 + |midpoint|) for
    c_0 and c_1 at tolerance 1e-11, at the double point the fast path used
    (the certified balls are computed at that point exactly).  A wrong sign
    or factor in any adjoint term moves c_1 by far more.  Also: the
    backward pass returns to x (x_err <= 1e-8), and bad options give
    SAMPLE_EINPUT.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/sample.h"
#include "diffwkb/wkb.h"

static double
runif(flint_rand_t state, double lo, double hi)
{
    return lo + (hi - lo) * ((double) n_randint(state, 1000000) / 1e6);
}

/* appends a decimal with 4 digits after the point */
static void
dec(char * buf, double v)
{
    sprintf(buf + strlen(buf), "\"%.4f\"", v);
}

static void
random_sched(char * buf, flint_rand_t state)
{
    switch (n_randint(state, 6))
    {
        case 0:
            strcat(buf, "\"sde\": {\"schedule\": \"const\", \"beta\": ");
            dec(buf, runif(state, 0.5, 2));
            strcat(buf, ", \"t0\": \"0\", \"T\": \"3\"}");
            break;
        case 1:
            strcat(buf, "\"sde\": {\"schedule\": \"vp\", \"b0\": \"0.1\", \"b1\": \"20\","
                        " \"t0\": \"0.001\", \"T\": \"1\"}");
            break;
        case 2:
            strcat(buf, "\"sde\": {\"schedule\": \"subvp\", \"b0\": \"0.1\", \"b1\": \"12\","
                        " \"t0\": \"0.001\", \"T\": \"1\"}");
            break;
        case 3:
            strcat(buf, "\"sde\": {\"schedule\": \"simple\", \"t0\": \"0.01\", \"T\": \"1\"}");
            break;
        case 4:
            strcat(buf, "\"sde\": {\"schedule\": \"cosine\", \"t0\": \"0.01\", \"T\": \"0.99\"}");
            break;
        default:
            strcat(buf, "\"sde\": {\"schedule\": \"ve\", \"smin\": \"0.01\", \"smax\": \"5\","
                        " \"t0\": \"0\", \"T\": \"1\"}");
            break;
    }
}

/* appends a random vector [..] of d decimals in [-1.5, 1.5] */
static void
random_vec(char * buf, slong d, flint_rand_t state)
{
    slong i;
    strcat(buf, "[");
    for (i = 0; i < d; i++)
    {
        if (i) strcat(buf, ", ");
        dec(buf, runif(state, -1.5, 1.5));
    }
    strcat(buf, "]");
}

/* appends a random SPD matrix diag(v) + u u^T, v in [vlo, vhi], |u_i| <= 0.3 */
static void
random_cov(char * buf, slong d, double vlo, double vhi, flint_rand_t state)
{
    slong i, j;
    double u[3], v[3];
    for (i = 0; i < d; i++)
    {
        u[i] = runif(state, -0.3, 0.3);
        v[i] = runif(state, vlo, vhi);
    }
    strcat(buf, "[");
    for (i = 0; i < d; i++)
    {
        strcat(buf, i ? ", [" : "[");
        for (j = 0; j < d; j++)
        {
            if (j) strcat(buf, ", ");
            dec(buf, (i == j ? v[i] : 0.0) + u[i] * u[j]);
        }
        strcat(buf, "]");
    }
    strcat(buf, "]");
}

/* "mean": [..], "cov": [[..]] */
static void
random_gauss(char * buf, slong d, double vlo, double vhi, flint_rand_t state)
{
    strcat(buf, "\"mean\": ");
    random_vec(buf, d, state);
    strcat(buf, ", \"cov\": ");
    random_cov(buf, d, vlo, vhi, state);
}

/* a mixture of n = 2 or 3 components in dimension d */
static void
random_mixture(char * buf, slong d, slong n, flint_rand_t state)
{
    slong k;
    strcat(buf, "{\"type\": \"mixture\", \"weights\": [");
    for (k = 0; k < n; k++)
    {
        if (k) strcat(buf, ", ");
        /* weights summing to 1 exactly */
        sprintf(buf + strlen(buf), "\"%s\"", k + 1 < n ? (n == 2 ? "0.4" : "0.3") : (n == 2 ? "0.6" : "0.4"));
    }
    strcat(buf, "], \"means\": [");
    for (k = 0; k < n; k++)
    {
        if (k) strcat(buf, ", ");
        random_vec(buf, d, state);
    }
    strcat(buf, "], \"covs\": [");
    for (k = 0; k < n; k++)
    {
        if (k) strcat(buf, ", ");
        random_cov(buf, d, 0.1, 0.6, state);
    }
    strcat(buf, "]}");
}

/* appends the exact score (st = 0) or a scaled one (st = 1) */
static void
exact_or_scaled(char * buf, slong st, flint_rand_t state)
{
    if (st == 0)
        strcat(buf, "{\"type\": \"exact\"}");
    else
    {
        strcat(buf, "{\"type\": \"scaled\", \"eps\": ");
        dec(buf, runif(state, -0.2, 0.2));
        strcat(buf, "}");
    }
}

/* appends a random prior, closes the object and reads it into P (initialised here) */
static void
read_problem(problem_t P, char * buf, flint_rand_t state)
{
    char err[256];
    strcat(buf, n_randint(state, 2) ? ", \"prior\": {\"type\": \"marginal\"}}"
                                    : ", \"prior\": {\"type\": \"normal\"}}");
    problem_init(P);
    if (problem_read_string(P, buf, err, sizeof err, 128) != 0)
    {
        flint_printf("FAIL: problem: %s\n%s\n", err, buf);
        flint_abort();
    }
}

static int
check_point(problem_t P, const char * json, const double * x, slong prec)
{
    sample_model_t M;
    sample_wkb_opts_t O;
    char err[256];
    double c[2];
    arb_poly_t ref;
    arb_ptr xa;
    arb_t v;
    slong d = P->dim, i;
    int ok = 1;

    sample_model_init(M, d);
    if (sample_model_set_problem(M, P, err, sizeof err) != SAMPLE_OK)
    {
        flint_printf("FAIL: sample_model_set_problem: %s\n%s\n", err, json);
        flint_abort();
    }
    sample_wkb_opts_init(O);
    O->tol = 1e-11;
    if (sample_wkb_c01(c, M, x, O) != SAMPLE_OK)
    {
        flint_printf("FAIL: sample_wkb_c01 failed\n%s\n", json);
        flint_abort();
    }
    if (!(O->x_err <= 1e-8))
    {
        flint_printf("FAIL: backward pass ends %g away from x\n%s\n", O->x_err, json);
        ok = 0;
    }
    arb_poly_init(ref);
    arb_init(v);
    xa = _arb_vec_init(d);
    for (i = 0; i < d; i++)
        arb_set_d(xa + i, x[i]);
    if (wkb_problem_loglik_series(ref, P, xa, 1, prec) != WKB_OK)
    {
        flint_printf("FAIL: certified route\n%s\n", json);
        flint_abort();
    }
    for (i = 0; i < 2; i++)
    {
        double mid, rad;
        arb_poly_get_coeff_arb(v, ref, i);
        mid = arf_get_d(arb_midref(v), ARF_RND_NEAR);
        rad = mag_get_d(arb_radref(v));
        if (!(fabs(c[i] - mid) <= rad + 1e-8 * (1 + fabs(mid))))
        {
            flint_printf("FAIL: c_%wd fast %.17g, certified ", i, c[i]);
            arb_printd(v, 20);
            flint_printf("\nat x = (");
            for (slong j = 0; j < d; j++)
                flint_printf("%s%.17g", j ? ", " : "", x[j]);
            flint_printf(")\n%s\n", json);
            ok = 0;
        }
    }
    _arb_vec_clear(xa, d);
    arb_clear(v);
    arb_poly_clear(ref);
    sample_model_clear(M);
    return ok;
}

int
main(void)
{
    flint_rand_t state;
    char * buf = flint_malloc(16384);
    slong iter, fails = 0, i;
    problem_t P;
    char err[256];
    double x[3];

    flint_printf("wkb_c01 (fast path)....");
    fflush(stdout);
    flint_randinit(state);

    /* Gaussian data, affine-route scores */
    for (iter = 0; iter < 40; iter++)
    {
        slong d = 1 + n_randint(state, 3), st = n_randint(state, 3);
        buf[0] = '\0';
        sprintf(buf, "{\"dim\": %ld, ", (long) d);
        random_sched(buf, state);
        strcat(buf, ", \"data\": {\"type\": \"gaussian\", ");
        random_gauss(buf, d, 0.2, 1.5, state);
        strcat(buf, "}, \"score\": ");
        if (st < 2)
            exact_or_scaled(buf, st, state);
        else
        {
            strcat(buf, "{\"type\": \"gaussian\", ");
            random_gauss(buf, d, 0.3, 1.2, state);
            strcat(buf, "}");
        }
        read_problem(P, buf, state);
        for (i = 0; i < d; i++)
            x[i] = runif(state, -2, 2);
        fails += !check_point(P, buf, x, 128);
        problem_clear(P);
    }

    /* 1D mixtures (two or three components), jet transport */
    for (iter = 0; iter < 8; iter++)
    {
        slong n = 2 + n_randint(state, 2), st = n_randint(state, 3);
        buf[0] = '\0';
        strcat(buf, "{\"dim\": 1, ");
        random_sched(buf, state);
        strcat(buf, ", \"data\": ");
        random_mixture(buf, 1, n, state);
        strcat(buf, ", \"score\": ");
        if (st < 2)
            exact_or_scaled(buf, st, state);
        else
            random_mixture(buf, 1, n, state);     /* the score's syntax is the law's */
        read_problem(P, buf, state);
        x[0] = runif(state, -2, 2);
        fails += !check_point(P, buf, x, 128);
        problem_clear(P);
    }

    /* 2D and 3D mixtures of two components (the moment formulas of the
       score's derivatives off the diagonal), certified at 64 bits */
    for (iter = 0; iter < 4; iter++)
    {
        slong d = 2 + (iter % 2), st = n_randint(state, 3);
        buf[0] = '\0';
        sprintf(buf, "{\"dim\": %ld, ", (long) d);
        random_sched(buf, state);
        strcat(buf, ", \"data\": ");
        random_mixture(buf, d, 2, state);
        strcat(buf, ", \"score\": ");
        if (st < 2)
            exact_or_scaled(buf, st, state);
        else
            random_mixture(buf, d, 2, state);
        read_problem(P, buf, state);
        for (i = 0; i < d; i++)
            x[i] = runif(state, -1.5, 1.5);
        fails += !check_point(P, buf, x, 64);
        problem_clear(P);
    }

    /* bench/b-c1's 2D mixture */
    {
        static const char * pj =
            "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"3\"},"
            " \"data\": {\"type\": \"mixture\", \"weights\": [\"0.25\",\"0.25\",\"0.25\",\"0.25\"],"
            "   \"means\": [[\"1\",\"1\"],[\"-1\",\"1\"],[\"1\",\"-1\"],[\"-1\",\"-1\"]],"
            "   \"covs\": [[[\"0.1\",\"0\"],[\"0\",\"0.1\"]],[[\"0.2\",\"0.05\"],[\"0.05\",\"0.1\"]],"
            "              [[\"0.1\",\"0\"],[\"0\",\"0.3\"]],[[\"0.15\",\"0\"],[\"0\",\"0.15\"]]]},"
            " \"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}, \"prior\": {\"type\": \"normal\"}}";
        problem_init(P);
        if (problem_read_string(P, pj, err, sizeof err, 128) != 0)
        {
            flint_printf("FAIL: problem: %s\n", err);
            flint_abort();
        }
        x[0] = 0.3;
        x[1] = -0.2;
        fails += !check_point(P, pj, x, 128);

        /* bad options */
        {
            sample_model_t M;
            sample_wkb_opts_t O;
            double c[2];
            sample_model_init(M, 2);
            sample_model_set_problem(M, P, err, sizeof err);
            sample_wkb_opts_init(O);
            O->tol = 0;
            if (sample_wkb_c01(c, M, x, O) != SAMPLE_EINPUT)
            {
                flint_printf("FAIL: tol = 0 accepted\n");
                fails++;
            }
            sample_model_clear(M);
        }
        problem_clear(P);
    }

    flint_free(buf);
    flint_randclear(state);
    flint_cleanup();
    if (fails)
    {
        flint_printf("FAIL: %wd points\n", fails);
        return 1;
    }
    flint_printf("PASS\n");
    return 0;
}
