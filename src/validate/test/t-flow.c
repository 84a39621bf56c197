/*
    The h = 0 flow route in 1D (validate_flow_cdf, validate_flow_ks_stat):
      1. Gaussian data with the exact score and the normal prior: the PF map
         is linear, X_T(x) = a_T m + sqrt(v_T / v_t0) (x - a_t0 m), so
         q^0_t0(X <= x) = Phi(X_T(x)) in closed form; the enclosure must
         contain it (random x, two schedules).
      2. A misspecified mixture score (prob_mix1d_flow): pf-rk4 samples with
         K = 100 are accepted by the KS lower bound on a 40-point grid
         (n = 20000), samples of a sampler with the score sign flipped (a
         gross fault) are rejected; the grid is coarse, so the flow route is
         only meant for gross errors.
*/
#include "common.h"

#define prob_gauss_exact \
    "{\"dim\": 1, \"sde\": {\"schedule\": \"vp\", \"t0\": \"0.01\", \"T\": \"1\"}," \
    " \"data\": {\"type\": \"gaussian\", \"mean\": [\"0.7\"], \"cov\": [[\"0.4\"]]}," \
    " \"score\": {\"type\": \"exact\"}, \"prior\": {\"type\": \"normal\"}}"

static int
cmp(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int
main(void)
{
    flint_rand_t state;
    slong iter, prec = 64, n = 20000;
    int ok = 1;
    problem_t P;

    flint_printf("flow....");
    fflush(stdout);
    flint_randinit(state);

    read_problem(P, prob_gauss_exact);
    for (iter = 0; iter < 6 && ok; iter++)
    {
        arb_t x, F, aT, a0, vT, v0, s2, m, y, c;
        arb_init(x); arb_init(F); arb_init(aT); arb_init(a0); arb_init(vT); arb_init(v0);
        arb_init(s2); arb_init(m); arb_init(y); arb_init(c);
        arb_set_si(x, (slong) n_randint(state, 41) - 20);
        arb_div_ui(x, x, 10, prec);
        if (!validate_flow_cdf(F, P, x, prec))
        {
            flint_printf("FAIL: flow solve\n");
            ok = 0;
        }
        arb_set_str(m, "0.7", prec);
        sched_a(aT, P->sde, P->T, prec);
        sched_s2(s2, P->sde, P->T, prec);
        arb_sqr(vT, aT, prec);
        arb_mul_2exp_si(c, vT, 0);
        arb_set_str(y, "0.4", prec);
        arb_mul(vT, vT, y, prec);
        arb_add(vT, vT, s2, prec);
        sched_a(a0, P->sde, P->t0, prec);
        sched_s2(s2, P->sde, P->t0, prec);
        arb_sqr(v0, a0, prec);
        arb_mul(v0, v0, y, prec);
        arb_add(v0, v0, s2, prec);
        /* y = a_T m + sqrt(vT / v0) (x - a0 m) */
        arb_mul(c, a0, m, prec);
        arb_sub(y, x, c, prec);
        arb_div(c, vT, v0, prec);
        arb_sqrt(c, c, prec);
        arb_mul(y, y, c, prec);
        arb_addmul(y, aT, m, prec);
        /* Phi(y) */
        arb_sqrt_ui(c, 2, prec);
        arb_div(y, y, c, prec);
        arb_neg(y, y);
        arb_hypgeom_erfc(y, y, prec);
        arb_mul_2exp_si(y, y, -1);
        if (!arb_overlaps(F, y))
        {
            flint_printf("FAIL: flow CDF\n");
            arb_printd(F, 20); flint_printf("\n"); arb_printd(y, 20); flint_printf("\n");
            ok = 0;
        }
        arb_clear(x); arb_clear(F); arb_clear(aT); arb_clear(a0); arb_clear(vT); arb_clear(v0);
        arb_clear(s2); arb_clear(m); arb_clear(y); arb_clear(c);
    }
    problem_clear(P);

    if (ok)
    {
        sample_model_t M;
        sample_opts_t O;
        char err[256];
        double * X = malloc(sizeof(double) * n);
        int f;
        read_problem(P, prob_mix1d_flow);
        sample_model_init(M, 1);
        sample_model_set_problem(M, P, err, sizeof(err));
        for (f = 0; f < 2 && ok; f++)
        {
            arb_t D;
            validate_report_t R;
            if (f == 0)
            {
                sample_opts_init(O);
                O->method = SAMPLE_PF_RK4;
                O->h = 0;
                O->steps = 100;
                O->threads = 2;
                O->seed = 11;
                sample_run(X, 0, n, M, O);
            }
            else
                faulty_em(X, n, M, 0.0, 200, 11, FAULT_SCORE_SIGN);
            qsort(X, n, sizeof(double), cmp);
            arb_init(D);
            validate_report_init(R);
            R->n = n;
            if (!validate_flow_ks_stat(D, P, X, n, 40, prec))
            {
                flint_printf("FAIL: flow ks failed\n");
                ok = 0;
            }
            else
            {
                arb_t alpha;
                arb_init(alpha);
                arb_set_str(alpha, "1e-6", prec);
                validate_report_add_ks(R, "ks", D, n, prec);
                validate_report_finish(R, alpha, prec);
                if (R->reject != f)
                {
                    flint_printf("FAIL: flow route %s (fault %d): D = ", f ? "accepted" : "rejected", f);
                    arb_printd(D, 10);
                    flint_printf("\n");
                    ok = 0;
                }
                arb_clear(alpha);
            }
            validate_report_clear(R);
            arb_clear(D);
        }
        free(X);
        sample_model_clear(M);
        problem_clear(P);
    }

    flint_randclear(state);
    flint_cleanup();
    if (!ok)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
