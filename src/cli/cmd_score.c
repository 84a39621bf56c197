/*
    diffwkb score PROBLEM --x X[,Y..] --t T [--digits D] [--json]

    Certified log p_t(x), the score grad log p_t(x) and the Laplacian of
    log p_t at x for the data law's marginal p_t; if the problem's score
    model is not exact, also the model score s_theta(x, t) and its
    divergence.  x and t are exact decimals (or p/q).  The working
    precision doubles until every printed ball has D correct digits
    (cli_arb_is_accurate); nothing is printed before that succeeds.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define DEFAULT_DIGITS 15

static void
usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb score PROBLEM --x X[,Y,...] --t T [--digits D] [--json]\n"
        "Certified log p_t(x), score grad log p_t(x) and Laplacian of log p_t at x,\n"
        "for the marginal p_t of the problem's data law (and the model score\n"
        "s_theta(x, t) with its divergence when the score model is not exact).\n\n"
        "  --x X[,Y,...]  the point: dim exact decimals (or p/q), comma-separated\n"
        "  --t T          the time, an exact decimal with t0 <= T <= T_max of the problem\n"
        "  --digits D     correct significant digits of every printed ball (default %d);\n"
        "                 the precision is raised until they are reached\n"
        "  --json         one JSON object instead of text lines\n\n"
        "Every printed ball [mid +/- rad] contains the true value.\n"
        "Exit status: 0 success, 2 bad input or the digits could not be reached.\n",
        DEFAULT_DIGITS);
}

typedef struct
{
    slong d;
    int model;          /* print the model score too */
    arb_t logp, lap, mdiv;
    arb_ptr score, mscore;
}
score_out;

/* evaluate everything at precision prec; 1 if every ball is accurate */
static int
evaluate(score_out * o, problem_t P, const fmpq * xq, const fmpq_t tq, slong digits,
         slong prec)
{
    slong i, d = o->d;
    arb_ptr x = _arb_vec_init(d);
    arb_t t;
    int ok;

    arb_init(t);
    problem_set_prec(P, prec);
    arb_set_fmpq(t, tq, prec);
    for (i = 0; i < d; i++)
        arb_set_fmpq(x + i, xq + i, prec);

    target_log_density(o->logp, P->data, P->sde, t, x, prec);
    target_score(o->score, P->data, P->sde, t, x, prec);
    target_laplacian_log(o->lap, P->data, P->sde, t, x, prec);
    ok = cli_arb_is_accurate(o->logp, digits) && cli_arb_is_accurate(o->lap, digits)
         && cli_arb_vec_is_accurate(o->score, d, digits);
    if (o->model)
    {
        score_eval(o->mscore, P->score, P->data, P->sde, t, x, prec);
        score_div(o->mdiv, P->score, P->data, P->sde, t, x, prec);
        ok = ok && cli_arb_is_accurate(o->mdiv, digits)
             && cli_arb_vec_is_accurate(o->mscore, d, digits);
    }
    arb_clear(t);
    _arb_vec_clear(x, d);
    return ok;
}

static void
print_text(const score_out * o, const char * xtext, const char * ttext, slong digits)
{
    slong i;
    char * s;

    printf("x = %s\n", xtext);
    printf("t = %s\n", ttext);
    s = cli_arb_str(o->logp, digits);
    printf("log_p = %s\n", s);
    flint_free(s);
    for (i = 0; i < o->d; i++)
    {
        s = cli_arb_str(o->score + i, digits);
        printf("score[%ld] = %s\n", (long) i, s);
        flint_free(s);
    }
    s = cli_arb_str(o->lap, digits);
    printf("laplacian = %s\n", s);
    flint_free(s);
    if (o->model)
    {
        for (i = 0; i < o->d; i++)
        {
            s = cli_arb_str(o->mscore + i, digits);
            printf("model_score[%ld] = %s\n", (long) i, s);
            flint_free(s);
        }
        s = cli_arb_str(o->mdiv, digits);
        printf("model_div = %s\n", s);
        flint_free(s);
    }
}

static void
print_json(const score_out * o, const char * xtext, const char * ttext, slong digits)
{
    FILE * out = stdout;
    fputs("{\"x\": ", out);
    cli_json_string_list(out, xtext);
    fputs(", \"t\": ", out);
    cli_json_string(out, ttext);
    fputs(", \"log_p\": ", out);
    cli_json_ball(out, o->logp, digits);
    fputs(", \"score\": ", out);
    cli_json_ball_vec(out, o->score, o->d, digits);
    fputs(", \"laplacian\": ", out);
    cli_json_ball(out, o->lap, digits);
    if (o->model)
    {
        fputs(", \"model_score\": ", out);
        cli_json_ball_vec(out, o->mscore, o->d, digits);
        fputs(", \"model_div\": ", out);
        cli_json_ball(out, o->mdiv, digits);
    }
    fputs("}\n", out);
}

int
cli_cmd_score(int argc, char ** argv)
{
    const char * file = NULL, * xtext = NULL, * ttext = NULL, * dtext = NULL, * val;
    int json = 0, i, r, status = CLI_EINPUT;
    slong digits = DEFAULT_DIGITS, prec, n = 0;
    fmpq * xq = NULL;
    fmpq_t tq;
    problem_t P;
    score_out o;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
        {
            usage(stdout);
            return CLI_OK;
        }
        if (!strcmp(a, "--json"))
        {
            json = 1;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--x")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            xtext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--t")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            ttext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--digits")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            dtext = val;
            continue;
        }
        if (cli_positional_file(&file, a, "score"))
            return CLI_EINPUT;
    }
    if (cli_require_file(file, "score"))
        return CLI_EINPUT;
    if (xtext == NULL)
    {
        cli_error("score: --x is required (the point, e.g. --x 0.5 or --x 0.5,0.2)");
        return CLI_EINPUT;
    }
    if (ttext == NULL)
    {
        cli_error("score: --t is required (the time, e.g. --t 0.5)");
        return CLI_EINPUT;
    }
    if (dtext != NULL && (digits = cli_parse_slong(dtext, "--digits", 1, CLI_DIGITS_MAX)) < 0)
        return CLI_EINPUT;

    fmpq_init(tq);
    problem_init(P);
    prec = cli_prec_for_digits(digits);
    if (cli_parse_fmpq(tq, ttext, "--t") < 0)
        goto done;
    if ((n = cli_parse_fmpq_list(&xq, xtext, "--x")) < 0)
        goto done;
    if (cli_read_problem(P, file, prec))
        goto done;
    if (n != P->dim)
    {
        cli_error("--x: expected %ld coordinate%s (dim of %s), got %ld", (long) P->dim,
                  P->dim == 1 ? "" : "s", file, (long) n);
        goto done;
    }
    if (!problem_contains_time(P, tq))
    {
        char * a = cli_fmpq_str(P->t0_exact), * b = cli_fmpq_str(P->T_exact);
        cli_error("--t: t = %.40s is outside [t0, T] = [%s, %s] of %s", ttext, a, b, file);
        flint_free(a);
        flint_free(b);
        goto done;
    }

    o.d = P->dim;
    o.model = (P->score->type != SCORE_EXACT);
    arb_init(o.logp);
    arb_init(o.lap);
    arb_init(o.mdiv);
    o.score = _arb_vec_init(o.d);
    o.mscore = _arb_vec_init(o.d);
    for (;;)
    {
        if (evaluate(&o, P, xq, tq, digits, prec))
        {
            if (json)
                print_json(&o, xtext, ttext, digits);
            else
                print_text(&o, xtext, ttext, digits);
            status = CLI_OK;
            break;
        }
        if (2 * prec > cli_prec_max(digits))
        {
            char * s = cli_arb_str(o.logp, 10);
            cli_error("score: could not reach %ld digits at %ld bits of precision "
                      "(log_p = %s); is the point outside the domain?", (long) digits,
                      (long) prec, s);
            flint_free(s);
            break;
        }
        prec *= 2;
    }
    arb_clear(o.logp);
    arb_clear(o.lap);
    arb_clear(o.mdiv);
    _arb_vec_clear(o.score, o.d);
    _arb_vec_clear(o.mscore, o.d);

done:
    if (xq != NULL)
        _fmpq_vec_clear(xq, n);
    fmpq_clear(tq);
    problem_clear(P);
    return status;
}
