/*
    t-convergence: the step-size convergence check (validate_convergence).

    Two independent runs (seeds s, s + 1) of one sampler at K and 2K steps,
    n = 10^5 each, family-wise level 1e-6:
      - sample_run's em (h = 1/4) on the paper's 1D model and on the 2D
        Gaussian (affine: differences against the exact em laws), and on
        the 1D mixture with exact score and marginal prior (Richardson
        values against p_t0): ACCEPTED;
      - the test-local em with the drift factor 1/2 instead of (1+h)/2
        (its bias tends to the law of another SDE and does not shrink
        towards the claimed one), with the noise sqrt(g^2 dt) instead of
        sqrt(h g^2 dt), and pf-euler samples claimed to be pf-heun (an order
        1 bias claimed as order 2): REJECTED;
      - the Richardson values equal (2^p b - a)/(2^p - 1) recomputed in
        double from the samples (independent formula);
      - a problem with no certified law gives estimates only (no test);
        pf-rk45 and a dimension mismatch return 2.
*/
#include <string.h>
#include "common.h"

static int fail = 0;

/* Runs A (K steps, seed) and B (2K steps, seed + 1); fault < 0: sample_run
   with method run_method, else faulty_em with that fault.  Returns the
   report's reject flag (-1 on error) and checks the Richardson values. */
static int
conv_case(const char * text, const char * name, int run_method, int claim_method, slong hnum,
          slong hden, slong K, slong n, int fault, uint64_t seed, int want)
{
    problem_t P;
    sample_model_t M;
    sample_opts_t O;
    char err[256];
    double * X, * Y;
    slong d, i, k;
    validate_conv_t C;
    validate_report_t R;
    validate_samples_t A, B;
    arb_t alpha, t;
    fmpq_t hq;
    double h = (double) hnum / (double) hden;
    int r, res;

    read_problem(P, text);
    d = P->dim;
    sample_model_init(M, d);
    if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
    {
        flint_printf("FAIL: %s\n", err);
        flint_abort();
    }
    X = malloc(sizeof(double) * n * d);
    Y = malloc(sizeof(double) * n * d);
    if (fault < 0)
    {
        sample_opts_init(O);
        O->method = run_method;
        O->h = h;
        O->steps = K;
        O->seed = seed;
        O->threads = 2;
        sample_run(X, 0, n, M, O);
        O->steps = 2 * K;
        O->seed = seed + 1;
        sample_run(Y, 0, n, M, O);
    }
    else
    {
        faulty_em(X, n, M, h, K, seed, fault);
        faulty_em(Y, n, M, h, 2 * K, seed + 1, fault);
    }
    validate_samples_init(A);
    validate_samples_init(B);
    for (i = 0; i < n; i++)
    {
        validate_samples_push(A, X + i * d, d);
        validate_samples_push(B, Y + i * d, d);
    }
    validate_conv_init(C);
    validate_report_init(R);
    arb_init(alpha);
    arb_init(t);
    arb_set_str(alpha, "1e-6", 128);
    fmpq_init(hq);
    fmpq_set_si(hq, hnum, hden);

    r = validate_convergence(C, R, A, B, P, hq, claim_method, K, alpha, 128);
    res = (r != 0) ? -1 : R->reject;

    /* Richardson means against the double formula (2^p b - a)/(2^p - 1) */
    if (r == 0)
        for (i = 0; i < d; i++)
        {
            double sa = 0, sb = 0, q = (double) (1 << C->order), e;
            for (k = 0; k < n; k++)
            {
                sa += X[k * d + i];
                sb += Y[k * d + i];
            }
            sa /= n;
            sb /= n;
            e = (q * sb - sa) / (q - 1);
            arb_set_d(t, e);
            arb_sub(t, t, C->items[i].extrap, 128);
            if (!(fabs(arf_get_d(arb_midref(t), ARF_RND_NEAR)) <= 1e-9 * (1 + fabs(e))))
            {
                flint_printf("FAIL: %s: Richardson mean[%wd] ", name, i);
                arb_printd(C->items[i].extrap, 15);
                flint_printf(" vs double %.15g\n", e);
                fail = 1;
            }
        }

    flint_printf("  %-34s K=%3wd mode %d tests %2wd: %s", name, K, (int) C->mode, R->len,
                 res == 0 ? "accepted" : (res > 0 ? "rejected" : "ERROR"));
    {
        double zmax = 0;
        for (i = 0; i < R->len; i++)
        {
            double z = fabs(arf_get_d(arb_midref(R->tests[i].stat), ARF_RND_NEAR));
            if (z > zmax)
                zmax = z;
        }
        flint_printf(" (max |z| %.3g)\n", zmax);
    }
    if (res != want)
    {
        flint_printf("FAIL: %s: expected %s\n", name, want ? "rejection" : "acceptance");
        flint_printf("  note: %s\n", C->note);
        for (i = 0; i < C->len; i++)
        {
            validate_conv_item_struct * I = C->items + i;
            flint_printf("    %-8s diff ", I->name);
            arb_printd(I->diff, 6);
            flint_printf(" ref ");
            arb_printd(I->diff_ref, 6);
            flint_printf(" extrap ");
            arb_printd(I->extrap, 6);
            flint_printf(" cont ");
            arb_printd(I->cont, 6);
            if (I->test >= 0)
            {
                flint_printf(" z ");
                arb_printd(R->tests[I->test].stat, 4);
            }
            flint_printf("\n");
        }
        fail = 1;
    }

    fmpq_clear(hq);
    arb_clear(alpha);
    arb_clear(t);
    validate_report_clear(R);
    validate_conv_clear(C);
    validate_samples_clear(A);
    validate_samples_clear(B);
    free(X);
    free(Y);
    sample_model_clear(M);
    problem_clear(P);
    return res;
}

/* Bad inputs return 2: pf-rk45 and a dimension mismatch. */
static void
bad_inputs(void)
{
    problem_t P;
    validate_conv_t C;
    validate_report_t R;
    validate_samples_t A, B;
    arb_t alpha;
    fmpq_t hq;
    double x[2] = {0.1, 0.2};
    slong i;

    read_problem(P, prob_gauss2d);
    validate_samples_init(A);
    validate_samples_init(B);
    for (i = 0; i < 4; i++)
        validate_samples_push(A, x, 2);
    for (i = 0; i < 4; i++)
        validate_samples_push(B, x, 1);
    validate_conv_init(C);
    validate_report_init(R);
    arb_init(alpha);
    arb_set_str(alpha, "1e-6", 128);
    fmpq_init(hq);
    if (validate_convergence(C, R, A, A, P, hq, SAMPLE_PF_RK45, 10, alpha, 128) != 2)
    {
        flint_printf("FAIL: pf-rk45 accepted by the convergence check\n");
        fail = 1;
    }
    if (validate_convergence(C, R, A, B, P, hq, SAMPLE_PF_EULER, 10, alpha, 128) != 2)
    {
        flint_printf("FAIL: dimension mismatch not detected\n");
        fail = 1;
    }
    if (validate_method_order(SAMPLE_EM) != 1 || validate_method_order(SAMPLE_PF_HEUN) != 2
        || validate_method_order(SAMPLE_PF_RK4) != 4 || validate_method_order(SAMPLE_PF_RK45) != 0)
    {
        flint_printf("FAIL: validate_method_order\n");
        fail = 1;
    }
    fmpq_clear(hq);
    arb_clear(alpha);
    validate_report_clear(R);
    validate_conv_clear(C);
    validate_samples_clear(A);
    validate_samples_clear(B);
    problem_clear(P);
}

int
main(void)
{
    slong n = 100000;

    flint_printf("convergence....\n");
    fflush(stdout);

    /* correct samplers: accepted */
    conv_case(prob_paper1d, "paper-1d em", SAMPLE_EM, SAMPLE_EM, 1, 4, 10, n, -1, 31, 0);
    conv_case(prob_gauss2d, "gauss2d em", SAMPLE_EM, SAMPLE_EM, 1, 4, 10, n, -1, 41, 0);
    conv_case(prob_gauss2d, "gauss2d pf-heun", SAMPLE_PF_HEUN, SAMPLE_PF_HEUN, 0, 1, 10, n,
              -1, 51, 0);
    conv_case(prob_mix1d_marg, "mix1d-marginal em (Richardson)", SAMPLE_EM, SAMPLE_EM, 1, 4, 20,
              n, -1, 61, 0);

    /* faults: rejected */
    conv_case(prob_paper1d, "paper-1d em, drift factor 1/2", SAMPLE_EM, SAMPLE_EM, 1, 4, 10, n,
              FAULT_FACTOR_HALF, 31, 1);
    conv_case(prob_gauss2d, "gauss2d em, drift factor 1/2", SAMPLE_EM, SAMPLE_EM, 1, 4, 10, n,
              FAULT_FACTOR_HALF, 41, 1);
    conv_case(prob_gauss2d, "gauss2d em, noise without sqrt(h)", SAMPLE_EM, SAMPLE_EM, 1, 4, 10,
              n, FAULT_NO_SQRT_H, 41, 1);
    conv_case(prob_paper1d, "paper-1d pf-euler claimed pf-heun", SAMPLE_PF_EULER, SAMPLE_PF_HEUN,
              0, 1, 10, n, -1, 71, 1);
    conv_case(prob_mix1d_marg, "mix1d-marginal em, factor (1+h)", SAMPLE_EM, SAMPLE_EM, 1, 4, 20,
              n, FAULT_FACTOR_1PH, 61, 1);

    /* no certified law: estimates only, never a rejection */
    conv_case(prob_mix1d_flow, "mix1d misspecified (estimates)", SAMPLE_EM, SAMPLE_EM, 1, 4, 20,
              20000, -1, 81, 0);

    bad_inputs();

    flint_cleanup();
    if (fail)
    {
        flint_printf("FAIL\n");
        return 1;
    }
    flint_printf("PASS\n");
    return 0;
}
