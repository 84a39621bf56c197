/*
    False-alarm rate: correct samplers (sample_run) must be accepted in
    every one of many independent runs (different seeds) at the default
    family-wise level alpha = 1e-6, for
      paper-1d, em, h = 1/4, K = 50 (discrete em law), n = 2000, 200 runs;
      gauss2d-vp, pf-rk4, h = 0, K = 20 (discrete rk4 law), n = 2000, 200 runs;
      mix1d-marginal, em, h = 1, K = 100 (data marginal), n = 2000, 200 runs.
    With alpha = 1e-6 per run the chance of any rejection in 600 runs is
    below 6e-4 if the levels hold; prints the smallest p-value seen per
    case (an upper bound for the most extreme test of a run).
*/
#include "common.h"

int
main(void)
{
    const char * texts[3] = {prob_paper1d, prob_gauss2d, prob_mix1d_marg};
    const char * names[3] = {"paper-1d", "gauss2d-vp", "mix1d-marginal"};
    int methods[3] = {SAMPLE_EM, SAMPLE_PF_RK4, SAMPLE_EM};
    slong hn[3] = {1, 0, 1}, hd[3] = {4, 1, 1}, Ks[3] = {50, 20, 100};
    slong runs = 200, n = 2000, c, r;
    int fail = 0;

    flint_printf("falsealarm....\n");
    fflush(stdout);
    for (c = 0; c < 3; c++)
    {
        problem_t P;
        sample_model_t M;
        sample_opts_t O;
        char err[256];
        double * X, minp, pmin = 1.0;
        slong rejected = 0;
        validate_ref_t Ref;

        read_problem(P, texts[c]);
        sample_model_init(M, P->dim);
        if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
        {
            flint_printf("FAIL: %s\n", err);
            return 1;
        }
        X = malloc(sizeof(double) * n * P->dim);
        sample_opts_init(O);
        O->method = methods[c];
        O->h = (double) hn[c] / (double) hd[c];
        O->steps = Ks[c];
        O->threads = 2;
        make_ref(Ref, P, hn[c], hd[c], methods[c], Ks[c]);
        for (r = 0; r < runs; r++)
        {
            int res;
            O->seed = 7919 * (uint64_t) (c + 1) + (uint64_t) r;
            sample_run(X, 0, n, M, O);
            res = judge_ref(Ref, P->dim, X, n, &minp, 0);
            if (minp < pmin)
                pmin = minp;
            if (res != 0)
            {
                flint_printf("FAIL: %s, seed %wu: %s\n", names[c], O->seed,
                             res > 0 ? "rejected" : "error");
                judge_ref(Ref, P->dim, X, n, &minp, 1);
                rejected++;
                fail = 1;
            }
        }
        flint_printf("  %-15s %wd runs of n = %wd: %wd rejected, smallest p-value %.3g\n",
                     names[c], runs, n, rejected, pmin);
        validate_ref_clear(Ref);
        free(X);
        sample_model_clear(M);
        problem_clear(P);
    }
    flint_cleanup();
    if (fail)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
