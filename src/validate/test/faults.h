/*
    faults.h (included by the t-faults-* tests).  Detection power: fault-injected Euler-Maruyama samplers (a faulty copy
    of sample.h's em step, test-local) must be REJECTED by the validator at
    n = 10^5, and the correct samplers (sample_run itself) ACCEPTED, at the
    default family-wise level alpha = 1e-6:

      paper-1d (affine route, discrete em law, h = 1/4, K = 100),
      gauss2d-vp (affine route, 2D, h = 1/4, K = 100),
      mix1d-marginal (data-marginal route, exact score, h = 1/4, K = 100).

    Faults: drift factor (1+h) or 1/2 instead of (1+h)/2; noise sqrt(g^2 dt)
    instead of sqrt(h g^2 dt); a wrong sign of the score term; a wrong sign
    of the linear drift f x; samples scaled by 1.02.  (A sign flip of the
    Gaussian noise is distributionally invisible, z and -z have the same
    law, so the sign faults are put on the drift terms instead.)
    One program per problem (t-faults-paper1d, t-faults-gauss2d,
    t-faults-marginal) keeps each run short.  Also checks that faulty_em without a fault reproduces sample_run.
*/
#include <string.h>
#include "common.h"

static const char * const fault_name[FAULT_COUNT] = {
    "none", "factor (1+h)", "factor 1/2", "noise without sqrt(h)", "score sign",
    "drift sign", "samples x 1.02"
};

static int
run_faults(slong c)
{
    const char * texts[3] = {prob_paper1d, prob_gauss2d, prob_mix1d_marg};
    const char * names[3] = {"paper-1d", "gauss2d-vp", "mix1d-marginal"};
    slong Ks[3] = {100, 100, 100};
    slong n = 100000;
    int fail = 0;

    flint_printf("faults %s....\n", names[c]);
    fflush(stdout);
    {
        problem_t P;
        sample_model_t M;
        sample_opts_t O;
        char err[256];
        double * X, * Y, minp;
        int f, r;
        slong d;
        validate_ref_t Ref;

        read_problem(P, texts[c]);
        d = P->dim;
        sample_model_init(M, d);
        if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
        {
            flint_printf("FAIL: %s\n", err);
            return 1;
        }
        X = malloc(sizeof(double) * n * d);
        Y = malloc(sizeof(double) * n * d);
        sample_opts_init(O);
        O->method = SAMPLE_EM;
        O->h = 0.25;
        O->steps = Ks[c];
        O->seed = 1000 + c;
        O->threads = 2;
        sample_run(X, 0, n, M, O);
        make_ref(Ref, P, 1, 4, SAMPLE_EM, Ks[c]);

        /* the test-local sampler is the library's em, bit for bit */
        faulty_em(Y, 1000, M, 0.25, Ks[c], O->seed, FAULT_NONE);
        if (memcmp(X, Y, sizeof(double) * 1000 * d) != 0)
        {
            flint_printf("FAIL: %s: faulty_em(FAULT_NONE) differs from sample_run\n", names[c]);
            fail = 1;
        }

        r = judge_ref(Ref, d, X, n, &minp, 0);
        flint_printf("  %-15s %-22s %s (min p %.3g)\n", names[c], "correct (sample_run)",
                     r == 0 ? "accepted" : (r > 0 ? "REJECTED" : "ERROR"), minp);
        if (r != 0)
        {
            judge_ref(Ref, d, X, n, &minp, 1);
            fail = 1;
        }
        for (f = 1; f < FAULT_COUNT; f++)
        {
            faulty_em(Y, n, M, 0.25, Ks[c], O->seed, f);
            r = judge_ref(Ref, d, Y, n, &minp, 0);
            flint_printf("  %-15s %-22s %s (min p %.3g)\n", names[c], fault_name[f],
                         r == 1 ? "rejected" : (r == 0 ? "ACCEPTED" : "ERROR"), minp);
            if (r != 1)
            {
                judge_ref(Ref, d, Y, n, &minp, 1);
                fail = 1;
            }
        }
        validate_ref_clear(Ref);
        free(X);
        free(Y);
        sample_model_clear(M);
        problem_clear(P);
    }
    flint_cleanup();
    if (fail)
    {
        flint_printf("FAIL\n");
        return 1;
    }
    flint_printf("PASS\n");
    return 0;
}
