/*
    diffwkb loglik PROBLEM --x X --fast [--fast-tol E] [--check] [--json]

    The fast first-order path (sample_wkb_c01): c_0(x) and c_1(x) in double,
    NOT certified, at the double nearest to x.  The printed error estimate
    is the change of each value against a second solve at tolerance E/100;
    --check also computes the certified balls (module wkb, 128 bits) and
    prints the actual error |fast - true| bound: |fast - mid| + rad.
*/
#include <math.h>
#include <time.h>
#include "cli.h"
#include "diffwkb/wkb.h"
#include "diffwkb/sample.h"

static double
cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int
cli_loglik_fast(problem_t P, const fmpq * xq, double tol, int check, int json,
                const char * file)
{
    sample_model_t M;
    sample_wkb_opts_t O, O2;
    slong d = P->dim, i;
    double * x, c[2], c2[2], est[2], secs, bound[2] = {0, 0};
    char err[256];
    int status = CLI_EINPUT;
    arb_poly_t ref;

    x = flint_malloc(sizeof(double) * d);
    cli_fmpq_vec_get_d(x, xq, d);
    arb_poly_init(ref);
    sample_model_init(M, d);
    if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
    {
        cli_error("%s: %s", file, err);
        goto done;
    }
    sample_wkb_opts_init(O);
    O->tol = tol;
    sample_wkb_opts_init(O2);
    O2->tol = tol / 100;
    secs = cpu_seconds();
    if (sample_wkb_c01(c, M, x, O) != SAMPLE_OK)
    {
        cli_error("%s: --fast: the extrapolation failed (step limit or a non-finite value"
                  " at tolerance %g)", file, tol);
        goto done;
    }
    secs = cpu_seconds() - secs;
    if (sample_wkb_c01(c2, M, x, O2) != SAMPLE_OK)
    {
        cli_error("%s: --fast: the extrapolation failed at tolerance %g", file, tol / 100);
        goto done;
    }
    est[0] = fabs(c[0] - c2[0]);
    est[1] = fabs(c[1] - c2[1]);
    if (check)
    {
        arb_ptr xa = _arb_vec_init(d);
        arb_t v;
        int r;
        arb_init(v);
        problem_set_prec(P, 128);
        for (i = 0; i < d; i++)
            arb_set_d(xa + i, x[i]);    /* the point the fast path used, exactly */
        r = wkb_problem_loglik_series(ref, P, xa, 1, 128);
        for (i = 0; r == WKB_OK && i < 2; i++)
        {
            arb_poly_get_coeff_arb(v, ref, i);
            if (!arb_is_finite(v))
                r = WKB_FAIL;
            {
                arb_t ci;
                arb_init(ci);
                arb_set_d(ci, c[i]);
                arb_sub(v, v, ci, 128);
                arb_clear(ci);
            }
            arb_abs(v, v);
            bound[i] = arf_get_d(arb_midref(v), ARF_RND_UP) + mag_get_d(arb_radref(v));
            bound[i] = nextafter(bound[i], INFINITY);
        }
        arb_clear(v);
        _arb_vec_clear(xa, d);
        if (r != WKB_OK)
        {
            cli_error("%s: --check: the certified route could not enclose c_0, c_1", file);
            goto done;
        }
    }
    if (json)
    {
        printf("{\"x\": [");
        for (i = 0; i < d; i++)
            printf("%s%.17g", i ? ", " : "", x[i]);
        printf("], \"route\": \"fast-adjoint-gbs\", \"certified\": false, \"tol\": %.3g,"
               " \"c\": [%.17g, %.17g], \"error_estimate\": [%.3g, %.3g]", tol, c[0], c[1],
               est[0], est[1]);
        if (check)
            printf(", \"error_bound\": [%.3g, %.3g]", bound[0], bound[1]);
        printf(", \"steps\": [%ld, %ld], \"evals\": %ld, \"seconds\": %.6f}\n",
               (long) O->steps_fwd, (long) O->steps_bwd, (long) O->evals, secs);
    }
    else
    {
        printf("fast path (double, NOT certified): adjoint equations, exact score derivatives,"
               " extrapolation at tolerance %g\n", tol);
        printf("c_0 ~ %.15g   (estimated error %.1e)\n", c[0], est[0]);
        printf("c_1 ~ %.15g   (estimated error %.1e)\n", c[1], est[1]);
        if (check)
            printf("check against the certified balls: |error| <= %.2e (c_0), %.2e (c_1)\n",
                   bound[0], bound[1]);
        printf("# %ld + %ld steps, %ld drift evaluations, %.3f ms CPU\n", (long) O->steps_fwd,
               (long) O->steps_bwd, (long) O->evals, 1e3 * secs);
    }
    status = CLI_OK;
done:
    arb_poly_clear(ref);
    sample_model_clear(M);
    flint_free(x);
    return status;
}
