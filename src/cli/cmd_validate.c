/*
    diffwkb validate: judge samples (CSV) against the certified law of a
    problem (validate.h).  Exit 0 consistent, 1 inconsistent, 2 bad input
    or no certified reference.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "diffwkb/validate.h"

static void
validate_usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb validate PROBLEM SAMPLES.csv --h H [--steps K --method M] [options]\n"
        "       diffwkb validate PROBLEM A.csv --h H --steps K [--method M] --convergence B.csv\n"
        "Judge samples of Eq. (9) at noise level H (read at t0) against a certified law:\n"
        "  affine score, Gaussian prior: N(mu_h, Sigma_h) of the continuous process and, with\n"
        "    --steps/--method em|pf-euler|pf-heun|pf-rk4, the exact Gaussian law of that scheme\n"
        "    (the tests use it; the report shows the discretisation bias separately);\n"
        "  exact score with prior \"marginal\": the data marginal p_t0 (any h, any dim);\n"
        "  dim 1, H = 0: the CDF of q^0_t0 through the validated probability-flow map.\n"
        "Tests: mean and covariance z-tests (certified centres, certified standard errors),\n"
        "Kolmogorov-Smirnov in 1D (certified CDF, Dvoretzky-Kiefer-Wolfowitz-Massart bound);\n"
        "family-wise level alpha split by Bonferroni over the tests run.  Also reported\n"
        "(estimates, not tests): W2 in 1D from certified quantiles, to the reference law\n"
        "and to the data law p_0.\n\n"
        "  --h H          noise level of the samples (exact decimal or p/q, >= 0)\n"
        "  --steps K      number of uniform steps of the sampler\n"
        "  --method M     em (default with --steps) | pf-euler | pf-heun | pf-rk4 | pf-rk45\n"
        "  --alpha A      family-wise level in (0, 1) (default %s)\n"
        "  --convergence B.csv\n"
        "                 step-size convergence check instead of the tests above: SAMPLES\n"
        "                 made with K = --steps steps, B.csv by the same sampler with 2K\n"
        "                 steps (another seed), fixed-step method of weak order p (em 1,\n"
        "                 pf-euler 1, pf-heun 2, pf-rk4 4).  Per coordinate, mean and variance:\n"
        "                 affine score: z-test of stat(K) - stat(2K) against the exact laws'\n"
        "                 difference; exact score, prior marginal: z-test of the Richardson\n"
        "                 value (2^p stat(2K) - stat(K))/(2^p - 1) against p_t0 (asymptotic);\n"
        "                 otherwise the Richardson estimates only (no test, exit 0).\n"
        "                 A step-independent bias cancels in the difference: run the plain\n"
        "                 validate as well to judge the law itself\n"
        "  --nll-points N when no certified law applies (below): also compute the certified\n"
        "                 c_0, c_1 of log q^h_t0 at the first N samples (costly for\n"
        "                 mixtures; default 0)\n"
        "  --json         one JSON object instead of text\n"
        "  --help         this help\n\n"
        "Without a certified law (e.g. mixture data with a mixture score and a normal prior\n"
        "at H > 0): no test is run; reported as estimates are the mean of log p_t0 over the\n"
        "samples (the data law at t0, certified per sample) with its standard error and, with\n"
        "--nll-points N, the means of log q^0_t0 = c_0, of c_1 and of the first-order\n"
        "prediction c_0 + H c_1 of log q^H_t0 over the first N samples; verdict \"untested\n"
        "(estimates only)\", exit 0.\n\n"
        "SAMPLES: one sample per line, comma-separated decimals, '#' comment lines;\n"
        "'-' reads standard input.\n"
        "Exit status: 0 consistent or untested (estimates only), 1 inconsistent (a test\n"
        "rejects), 2 bad input or an enclosure failed.\n", VALIDATE_ALPHA);
}

static void
print_ball(FILE * out, const arb_t x, slong digits)
{
    char * s = cli_arb_str(x, digits);
    fputs(s, out);
    flint_free(s);
}

static void
print_text(const validate_report_t R, const validate_ref_t Ref, const char * alpha_text,
           const char * method, slong K, const char * h_text)
{
    slong i;
    arb_t b, minp;
    arb_init(b);
    arb_init(minp);
    printf("reference = %s", validate_ref_name(Ref->kind));
    if (Ref->has_discrete)
        printf(" (exact law of %s with %ld steps at h = %s; continuous law for the bias)",
               method, (long) K, h_text);
    printf("\n");
    if (Ref->note[0])
        printf("# %s\n", Ref->note);
    printf("n = %ld\ndim = %ld\n", (long) R->n, (long) Ref->d);
    printf("alpha = %s (family-wise), per test ", alpha_text);
    print_ball(stdout, R->alpha_each, 4);
    printf(" (Bonferroni over %ld tests)\n", (long) R->len);
    for (i = 0; i < R->len; i++)
    {
        const validate_test_struct * T = R->tests + i;
        if (T->kind == VALIDATE_TEST_Z)
        {
            printf("%s: sample ", T->name);
            print_ball(stdout, T->sample, 8);
            printf(", %s ", Ref->has_discrete ? "discrete law" : "reference");
            print_ball(stdout, T->reference, 8);
            if (arb_is_finite(T->cont))
            {
                printf(", continuous ");
                print_ball(stdout, T->cont, 8);
                arb_sub(b, T->reference, T->cont, 64);
                printf(": bias ");
                print_ball(stdout, b, 3);
            }
            printf(", se ");
            print_ball(stdout, T->se, 3);
            printf(", z = ");
            print_ball(stdout, T->stat, 3);
        }
        else
        {
            printf("%s: D_n = ", T->name);
            print_ball(stdout, T->stat, 4);
            printf(", threshold ");
            print_ball(stdout, T->threshold, 4);
        }
        printf(", p <= ");
        {
            arf_t u;
            arf_init(u);
            arb_get_ubound_arf(u, T->pvalue, 64);
            arb_set_arf(b, u);
            print_ball(stdout, b, 3);
            arf_clear(u);
        }
        printf("%s\n", T->reject ? "  REJECT" : "");
    }
    if (arb_is_finite(R->w2))
    {
        printf("w2_estimate(samples, reference) = ");
        print_ball(stdout, R->w2, 4);
        printf("\n");
    }
    if (arb_is_finite(R->w2_data))
    {
        printf("w2_estimate(samples, data p_0) = ");
        print_ball(stdout, R->w2_data, 4);
        printf("\n");
    }
    if (arb_is_finite(R->w2_ref_data))
    {
        printf("w2(reference, data p_0) = ");
        print_ball(stdout, R->w2_ref_data, 10);
        printf("\n");
    }
    if (arb_is_finite(R->w2) || arb_is_finite(R->w2_data))
        printf("# w2_estimate: (mean_i (x_(i) - Q((i-1/2)/n))^2)^(1/2), Q certified; "
               "an estimate, not a test\n");
    validate_report_min_pvalue(minp, R);
    printf("min_p = ");
    print_ball(stdout, minp, 3);
    printf("\n");
    printf("verdict = %s\n", R->reject ? "INCONSISTENT" : "consistent");
    arb_clear(b);
    arb_clear(minp);
}

static void
json_field_ball(const char * key, const arb_t x, slong digits)
{
    printf(", \"%s\": ", key);
    if (arb_is_finite(x))
        cli_json_ball(stdout, x, digits);
    else
        printf("null");
}

static void
print_json(const validate_report_t R, const validate_ref_t Ref, const char * alpha_text,
           const char * method, slong K, const char * h_text)
{
    slong i;
    arb_t b;
    arb_init(b);
    printf("{\"reference\": ");
    cli_json_string(stdout, validate_ref_name(Ref->kind));
    printf(", \"discrete\": %s", Ref->has_discrete ? "true" : "false");
    printf(", \"method\": ");
    if (method != NULL)
        cli_json_string(stdout, method);
    else
        printf("null");
    printf(", \"steps\": %ld, \"h\": ", (long) K);
    cli_json_string(stdout, h_text);
    printf(", \"note\": ");
    cli_json_string(stdout, Ref->note);
    printf(", \"n\": %ld, \"dim\": %ld, \"alpha\": ", (long) R->n, (long) Ref->d);
    cli_json_string(stdout, alpha_text);
    json_field_ball("alpha_each", R->alpha_each, 6);
    printf(", \"tests\": [");
    for (i = 0; i < R->len; i++)
    {
        const validate_test_struct * T = R->tests + i;
        printf(i ? ", {" : "{");
        printf("\"name\": ");
        cli_json_string(stdout, T->name);
        printf(", \"kind\": \"%s\"", T->kind == VALIDATE_TEST_Z ? "z" : "ks");
        json_field_ball("sample", T->sample, 10);
        if (T->kind == VALIDATE_TEST_Z)
        {
            json_field_ball("reference", T->reference, 10);
            json_field_ball("continuous", T->cont, 10);
            arb_sub(b, T->reference, T->cont, 64);
            json_field_ball("bias", b, 4);
            json_field_ball("se", T->se, 6);
        }
        json_field_ball("stat", T->stat, 6);
        json_field_ball("threshold", T->threshold, 6);
        json_field_ball("pvalue", T->pvalue, 4);
        printf(", \"reject\": %s}", T->reject ? "true" : "false");
    }
    printf("]");
    json_field_ball("w2_estimate", R->w2, 6);
    json_field_ball("w2_estimate_data", R->w2_data, 6);
    json_field_ball("w2_reference_data", R->w2_ref_data, 10);
    validate_report_min_pvalue(b, R);
    json_field_ball("min_pvalue", b, 4);
    printf(", \"consistent\": %s}\n", R->reject ? "false" : "true");
    arb_clear(b);
}

static void
print_pmax(FILE * out, const arb_t p)
{
    arf_t u;
    arb_t b;
    arf_init(u);
    arb_init(b);
    arb_get_ubound_arf(u, p, 64);
    arb_set_arf(b, u);
    print_ball(out, b, 3);
    arf_clear(u);
    arb_clear(b);
}

/* --convergence: text report */
static void
print_conv_text(const validate_conv_t C, const validate_report_t R, const char * alpha_text,
                const char * method)
{
    slong i;
    arb_t minp;
    arb_init(minp);
    printf("convergence = %s with K = %ld and 2K = %ld steps, weak order p = %d "
           "(bias(K) ~ 2^p bias(2K))\n", method, (long) C->K, (long) (2 * C->K), C->order);
    printf("reference = %s\n", C->mode == VALIDATE_CONV_NONE ? "none"
           : validate_ref_name(C->kind));
    printf("# %s\n", C->note);
    printf("n = %ld (K steps), %ld (2K steps)\ndim = %ld\n", (long) C->nA, (long) C->nB,
           (long) C->d);
    printf("alpha = %s (family-wise), per test ", alpha_text);
    print_ball(stdout, R->alpha_each, 4);
    printf(" (Bonferroni over %ld tests)\n", (long) R->len);
    for (i = 0; i < C->len; i++)
    {
        const validate_conv_item_struct * I = C->items + i;
        printf("%s: K ", I->name);
        print_ball(stdout, I->a, 8);
        printf(", 2K ");
        print_ball(stdout, I->b, 8);
        printf(", difference ");
        print_ball(stdout, I->diff, 6);
        if (C->mode == VALIDATE_CONV_DIFF)
        {
            const validate_test_struct * T = R->tests + I->test;
            printf(", exact-law difference ");
            print_ball(stdout, I->diff_ref, 6);
            printf(", se ");
            print_ball(stdout, T->se, 3);
            printf(", z = ");
            print_ball(stdout, T->stat, 3);
            printf(", p <= ");
            print_pmax(stdout, T->pvalue);
            printf("%s", T->reject ? "  REJECT" : "");
        }
        else
        {
            printf(", se (estimated) ");
            print_ball(stdout, I->se, 3);
        }
        printf("\n");
        printf("%s: richardson estimate ", I->name);
        print_ball(stdout, I->extrap, 8);
        printf(", se (estimated) ");
        print_ball(stdout, I->extrap_se, 3);
        printf(", bias(2K) estimate ");
        print_ball(stdout, I->bias_est, 3);
        if (arb_is_finite(I->bias_ref))
        {
            printf(", exact bias(2K) ");
            print_ball(stdout, I->bias_ref, 3);
        }
        if (arb_is_finite(I->cont))
        {
            printf(", continuous ");
            print_ball(stdout, I->cont, 8);
        }
        if (C->mode == VALIDATE_CONV_EXTRAP)
        {
            const validate_test_struct * T = R->tests + I->test;
            printf(", z = ");
            print_ball(stdout, T->stat, 3);
            printf(", p <= ");
            print_pmax(stdout, T->pvalue);
            printf("%s", T->reject ? "  REJECT" : "");
        }
        printf("\n");
    }
    printf("# richardson estimate: (2^p stat(2K) - stat(K))/(2^p - 1), an estimate of the "
           "continuous value%s\n", C->mode == VALIDATE_CONV_EXTRAP ? " (tested against p_t0)"
           : ", not a test");
    validate_report_min_pvalue(minp, R);
    printf("min_p = ");
    print_ball(stdout, minp, 3);
    printf("\n");
    if (R->len == 0)
        printf("verdict = untested (estimates only)\n");
    else
        printf("verdict = %s\n", R->reject ? "INCONSISTENT" : "consistent");
    arb_clear(minp);
}

/* --convergence: JSON report */
static void
print_conv_json(const validate_conv_t C, const validate_report_t R, const char * alpha_text,
                const char * method, const char * h_text)
{
    slong i;
    arb_t b;
    arb_init(b);
    printf("{\"mode\": \"convergence\", \"reference\": ");
    cli_json_string(stdout, C->mode == VALIDATE_CONV_NONE ? "none" : validate_ref_name(C->kind));
    printf(", \"test\": \"%s\"", C->mode == VALIDATE_CONV_DIFF ? "difference"
           : (C->mode == VALIDATE_CONV_EXTRAP ? "richardson" : "none"));
    printf(", \"method\": ");
    cli_json_string(stdout, method);
    printf(", \"order\": %d, \"steps\": %ld, \"steps2\": %ld, \"h\": ", C->order, (long) C->K,
           (long) (2 * C->K));
    cli_json_string(stdout, h_text);
    printf(", \"note\": ");
    cli_json_string(stdout, C->note);
    printf(", \"n\": %ld, \"n2\": %ld, \"dim\": %ld, \"alpha\": ", (long) C->nA, (long) C->nB,
           (long) C->d);
    cli_json_string(stdout, alpha_text);
    json_field_ball("alpha_each", R->alpha_each, 6);
    printf(", \"items\": [");
    for (i = 0; i < C->len; i++)
    {
        const validate_conv_item_struct * I = C->items + i;
        printf(i ? ", {" : "{");
        printf("\"name\": ");
        cli_json_string(stdout, I->name);
        json_field_ball("sample_K", I->a, 10);
        json_field_ball("sample_2K", I->b, 10);
        json_field_ball("difference", I->diff, 8);
        json_field_ball("difference_reference", I->diff_ref, 10);
        json_field_ball("se", I->se, 6);
        json_field_ball("richardson", I->extrap, 10);
        json_field_ball("richardson_se", I->extrap_se, 6);
        json_field_ball("bias_2K_estimate", I->bias_est, 6);
        json_field_ball("bias_2K_exact", I->bias_ref, 10);
        json_field_ball("continuous", I->cont, 10);
        if (I->test >= 0)
        {
            const validate_test_struct * T = R->tests + I->test;
            printf(", \"test\": ");
            cli_json_string(stdout, T->name);
            json_field_ball("stat", T->stat, 6);
            json_field_ball("threshold", T->threshold, 6);
            json_field_ball("pvalue", T->pvalue, 4);
            printf(", \"reject\": %s}", T->reject ? "true" : "false");
        }
        else
            printf(", \"test\": null}");
    }
    printf("]");
    validate_report_min_pvalue(b, R);
    json_field_ball("min_pvalue", b, 4);
    printf(", \"tested\": %s, \"consistent\": %s}\n", R->len ? "true" : "false",
           R->reject ? "false" : "true");
    arb_clear(b);
}

/* --convergence: read B, run validate_convergence, print; returns the exit status. */
/* Read the samples file path ('-' is standard input) of dimension dim into S;
   0 on success, -1 after a one-line error (unreadable file, a bad line, or
   fewer than 2 samples). */
static int
read_samples_file(validate_samples_t S, const char * path, slong dim)
{
    char err[512];
    FILE * fp;
    int r;

    if (!strcmp(path, "-"))
        fp = stdin;
    else if ((fp = fopen(path, "r")) == NULL)
    {
        cli_error("%s: cannot open the samples file", path);
        return -1;
    }
    r = validate_samples_read(S, fp, path, dim, err, sizeof(err));
    if (fp != stdin)
        fclose(fp);
    if (r)
    {
        cli_error("%s", err);
        return -1;
    }
    if (S->n < 2)
    {
        cli_error("%s: at least 2 samples are needed, got %ld", path, (long) S->n);
        return -1;
    }
    return 0;
}

static int
run_convergence(const problem_t P, const validate_samples_t S, const char * path,
                const char * cpath, const fmpq_t hq, int method, const char * method_text,
                slong K, const arb_t alpha, const char * alpha_text, const char * h_text,
                int json, slong prec)
{
    validate_samples_t B;
    validate_conv_t C;
    validate_report_t R;
    int status = CLI_EINPUT;

    validate_samples_init(B);
    validate_conv_init(C);
    validate_report_init(R);
    if (!strcmp(cpath, "-"))
    {
        cli_error("--convergence: '-' is not allowed (give a file)");
        goto cleanup;
    }
    if (read_samples_file(B, cpath, P->dim))
        goto cleanup;
    if (validate_convergence(C, R, S, B, P, hq, method, K, alpha, prec))
    {
        cli_error("%s: %s", path, C->note);
        goto cleanup;
    }
    if (json)
        print_conv_json(C, R, alpha_text, method_text, h_text);
    else
        print_conv_text(C, R, alpha_text, method_text);
    if (fflush(stdout) != 0 || ferror(stdout))
    {
        cli_error("validate: write error on standard output");
        goto cleanup;
    }
    status = R->reject ? CLI_FAIL : CLI_OK;
cleanup:
    validate_report_clear(R);
    validate_conv_clear(C);
    validate_samples_clear(B);
    return status;
}

/* no certified law: the estimates of validate_nll_estimate (no test) */
static void
print_nll_text(const validate_nll_t E, const validate_ref_t Ref, const char * h_text)
{
    printf("reference = none\n");
    printf("# %s\n", Ref->note);
    printf("# no test is run: every number below is an estimate (sample mean +- standard "
           "error)\n");
    printf("n = %ld\ndim = %ld\nh = %s\n", (long) E->n, (long) Ref->d, h_text);
    printf("loglik_data_t0: mean ");
    print_ball(stdout, E->ll_mean, 8);
    printf(", se ");
    print_ball(stdout, E->ll_se, 3);
    printf("\n# loglik_data_t0: mean over the samples of log p_t0(x) (the data law at t0, "
           "certified per sample); estimates E_q[log p_t0], = -H(p_t0) if the samples follow "
           "p_t0; the NLL of the data under the model is not available from samples\n");
    if (E->npts > 0)
    {
        printf("c0 (log q^0_t0): mean ");
        print_ball(stdout, E->lq0_mean, 8);
        printf(", se ");
        print_ball(stdout, E->lq0_se, 3);
        printf(" (first %ld samples)\n", (long) E->npts);
        printf("c1: mean ");
        print_ball(stdout, E->c1_mean, 8);
        printf(", se ");
        print_ball(stdout, E->c1_se, 3);
        printf(" (first %ld samples)\n", (long) E->npts);
        printf("loglik_model_first_order: mean ");
        print_ball(stdout, E->pred_mean, 8);
        printf(", se ");
        print_ball(stdout, E->pred_se, 3);
        printf(" (first %ld samples)\n", (long) E->npts);
        printf("# c0, c1: certified Taylor coefficients in h of log q^h_t0(x) at each sample; "
               "loglik_model_first_order: mean of c0 + h c1 (the first-order prediction of "
               "log q^h_t0 at the samples, h = %s), an estimate\n", h_text);
    }
    else if (E->note[0])
        printf("# %s\n", E->note);
    else
        printf("# c0, c1 not computed (--nll-points N computes them at the first N samples)\n");
    printf("verdict = untested (estimates only)\n");
}

static void
print_nll_json(const validate_nll_t E, const validate_ref_t Ref, const char * h_text)
{
    printf("{\"reference\": \"none\", \"tested\": false, \"h\": ");
    cli_json_string(stdout, h_text);
    printf(", \"note\": ");
    cli_json_string(stdout, Ref->note);
    printf(", \"n\": %ld, \"dim\": %ld", (long) E->n, (long) Ref->d);
    json_field_ball("loglik_data_t0_mean", E->ll_mean, 10);
    json_field_ball("loglik_data_t0_se", E->ll_se, 4);
    printf(", \"nll_points\": %ld", (long) E->npts);
    json_field_ball("c0_mean", E->lq0_mean, 10);
    json_field_ball("c0_se", E->lq0_se, 4);
    json_field_ball("c1_mean", E->c1_mean, 10);
    json_field_ball("c1_se", E->c1_se, 4);
    json_field_ball("loglik_model_first_order_mean", E->pred_mean, 10);
    json_field_ball("loglik_model_first_order_se", E->pred_se, 4);
    printf(", \"series_note\": ");
    cli_json_string(stdout, E->note);
    printf(", \"verdict\": \"untested (estimates only)\"}\n");
}

int
cli_cmd_validate(int argc, char ** argv)
{
    const char * path = NULL, * spath = NULL, * h_text = NULL, * method_text = NULL;
    const char * cpath = NULL;
    const char * alpha_text = VALIDATE_ALPHA;
    int json = 0, method = -1, status = CLI_EINPUT, r;
    slong K = 0, npts = 0;
    int i;
    fmpq_t hq, aq;
    problem_t P;
    validate_samples_t S;
    validate_ref_t Ref;
    validate_report_t Rep;
    arb_t alpha;
    slong prec = 128;

    fmpq_init(hq);
    fmpq_init(aq);
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i], * val;
        int m;
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
        {
            validate_usage(stdout);
            fmpq_clear(hq);
            fmpq_clear(aq);
            return CLI_OK;
        }
        if (!strcmp(a, "--json"))
        {
            json = 1;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--h")) != 0)
        {
            if (m < 0)
                goto done;
            h_text = val;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--steps")) != 0)
        {
            if (m < 0 || (K = cli_parse_slong(val, "--steps", 1, (slong) 0xFFFFFFF0)) < 0)
                goto done;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--method")) != 0)
        {
            if (m < 0)
                goto done;
            method = sample_method_from_name(val);
            if (method < 0)
            {
                cli_error("--method: unknown method '%s' (em, pf-euler, pf-heun, pf-rk4, pf-rk45)",
                          val);
                goto done;
            }
            method_text = val;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--convergence")) != 0)
        {
            if (m < 0)
                goto done;
            cpath = val;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--nll-points")) != 0)
        {
            if (m < 0 || (npts = cli_parse_slong(val, "--nll-points", 0, WORD(1000000000))) < 0)
                goto done;
            continue;
        }
        if ((m = cli_opt_value(&val, argc, argv, &i, "--alpha")) != 0)
        {
            if (m < 0)
                goto done;
            alpha_text = val;
            continue;
        }
        if (a[0] == '-' && a[1] != '\0')
        {
            cli_error("validate: unknown option '%s' (try diffwkb validate --help)", a);
            goto done;
        }
        if (path == NULL)
            path = a;
        else if (spath == NULL)
            spath = a;
        else
        {
            cli_error("validate: unexpected argument '%s' (PROBLEM and SAMPLES given already)", a);
            goto done;
        }
    }
    if (path == NULL || spath == NULL)
    {
        cli_error("validate: missing %s (try diffwkb validate --help)",
                  path == NULL ? "PROBLEM and SAMPLES files" : "SAMPLES file");
        goto done;
    }
    if (h_text == NULL)
    {
        cli_error("--h: missing (the noise level the samples were drawn at)");
        goto done;
    }
    if (cli_parse_fmpq(hq, h_text, "--h"))
        goto done;
    if (fmpq_sgn(hq) < 0)
    {
        cli_error("--h: must be >= 0, got '%s'", h_text);
        goto done;
    }
    if (cli_parse_fmpq(aq, alpha_text, "--alpha"))
        goto done;
    if (fmpq_sgn(aq) <= 0 || fmpz_cmp(fmpq_numref(aq), fmpq_denref(aq)) >= 0)
    {
        cli_error("--alpha: must lie in (0, 1), got '%s'", alpha_text);
        goto done;
    }
    if (cpath != NULL && K == 0)
    {
        cli_error("--convergence: --steps K missing (SAMPLES made with K steps, %s with 2K)",
                  cpath);
        goto done;
    }
    if (cpath != NULL && K > (slong) 0x7FFFFFF8)
    {
        cli_error("--convergence: 2K steps must be < 2^32");
        goto done;
    }
    if (cpath != NULL && method == SAMPLE_PF_RK45)
    {
        cli_error("--convergence: needs a fixed-step method (em, pf-euler, pf-heun, pf-rk4)");
        goto done;
    }
    if (K > 0 && method < 0)
    {
        method = SAMPLE_EM;
        method_text = "em";
    }
    if (method >= 0 && method != SAMPLE_PF_RK45 && K == 0)
    {
        cli_error("--steps: missing (the number of steps of method %s)", method_text);
        goto done;
    }
    if (method >= 0 && method != SAMPLE_EM && !fmpq_is_zero(hq))
    {
        cli_error("--h: method %s integrates the probability-flow ODE, h must be 0 (got '%s')",
                  method_text, h_text);
        goto done;
    }

    problem_init(P);
    validate_samples_init(S);
    validate_ref_init(Ref);
    validate_report_init(Rep);
    arb_init(alpha);

    if (cli_read_problem(P, path, prec))
        goto cleanup;
    if (read_samples_file(S, spath, P->dim))
        goto cleanup;
    arb_set_fmpq(alpha, aq, prec);
    if (cpath != NULL)
    {
        status = run_convergence(P, S, path, cpath, hq, method, method_text, K, alpha,
                                 alpha_text, h_text, json, prec);
        goto cleanup;
    }
    r = validate_ref_set_problem(Ref, P, hq, method, (method == SAMPLE_PF_RK45) ? 0 : K, prec);
    if (r == 1)
    {
        validate_nll_t E;
        validate_nll_init(E);
        if (validate_nll_estimate(E, S, P, hq, npts, prec))
            cli_error("%s: %s", spath, E->note);
        else
        {
            if (json)
                print_nll_json(E, Ref, h_text);
            else
                print_nll_text(E, Ref, h_text);
            if (fflush(stdout) != 0 || ferror(stdout))
                cli_error("validate: write error on standard output");
            else
                status = CLI_OK;
        }
        validate_nll_clear(E);
        goto cleanup;
    }
    if (r)
    {
        cli_error("%s: %s", path, Ref->note);
        goto cleanup;
    }
    if (validate_run(Rep, S, Ref, alpha, prec))
    {
        cli_error("%s: an enclosure failed (validated ODE of the flow route)", path);
        goto cleanup;
    }
    if (json)
        print_json(Rep, Ref, alpha_text, method_text, K, h_text);
    else
        print_text(Rep, Ref, alpha_text, method_text, K, h_text);
    if (fflush(stdout) != 0 || ferror(stdout))
    {
        cli_error("validate: write error on standard output");
        goto cleanup;
    }
    status = Rep->reject ? CLI_FAIL : CLI_OK;

cleanup:
    arb_clear(alpha);
    validate_report_clear(Rep);
    validate_ref_clear(Ref);
    validate_samples_clear(S);
    problem_clear(P);
done:
    fmpq_clear(hq);
    fmpq_clear(aq);
    return status;
}
