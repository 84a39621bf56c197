/*
    diffwkb action PROBLEM --x0 X --x1 Y [--t0 A --t1 B] [--digits D] [--json]

    For the problem's forward SDE dx = f(t) x dt + g dw (linear drift), the
    classical path between (t0, x0) and (t1, x1): its Onsager-Machlup action
    A_cl = |x1 - a x0|^2/(2 s^2), the Stratonovich Jacobian J = (d/2) log a,
    the Gel'fand-Yaglom fluctuation determinant D = (s^2/a)^d, the
    semiclassical density exp(-A_cl - J)/sqrt((2 pi)^d D) and the exact
    transition density N(x1; a x0, s^2 I), a = a_{t1}/a_{t0},
    s^2 = s^2_{t1|t0}.  All certified; the working precision doubles until
    every printed ball has D correct digits.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "diffwkb/action.h"

#define DEFAULT_DIGITS 15

static void
usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb action PROBLEM --x0 X --x1 Y [--t0 A --t1 B] [--digits D] [--json]\n"
        "Classical path of the forward SDE dx = f(t) x dt + g(t) dw from (t0, x0) to\n"
        "(t1, x1): its Onsager-Machlup action A_cl, the Jacobian J = (d/2) log a\n"
        "(Stratonovich), the Gel'fand-Yaglom fluctuation determinant D = (s^2/a)^d,\n"
        "the semiclassical density exp(-A_cl - J)/sqrt((2 pi)^d D) and the exact\n"
        "transition density N(x1; a x0, s^2 I), a = a_t1/a_t0, s^2 = s^2_{t1|t0}.\n\n"
        "  --x0 X[,..]    start point (dim exact decimals or p/q, comma-separated)\n"
        "  --x1 Y[,..]    end point\n"
        "  --t0 A, --t1 B times, t0 < t1 within the problem's [t0, T] (defaults: those)\n"
        "  --digits D     correct significant digits of every printed ball (default %d)\n"
        "  --json         one JSON object instead of text lines\n\n"
        "Every printed ball [mid +/- rad] contains the true value.\n"
        "Exit status: 0 success, 1 the semiclassical and exact densities disagree\n"
        "(never expected), 2 bad input or the digits could not be reached.\n",
        DEFAULT_DIGITS);
}

typedef struct
{
    arb_t A, J, D, lsc, lex, sc, ex;
}
act_out;

static int
evaluate(act_out * o, problem_t P, const fmpq * x0q, const fmpq * x1q, const fmpq_t t0q,
         const fmpq_t t1q, slong digits, slong prec)
{
    slong i, d = P->dim;
    arb_ptr x0 = _arb_vec_init(d), x1 = _arb_vec_init(d);
    arb_t t0, t1;

    arb_init(t0);
    arb_init(t1);
    problem_set_prec(P, prec);
    arb_set_fmpq(t0, t0q, prec);
    arb_set_fmpq(t1, t1q, prec);
    for (i = 0; i < d; i++)
    {
        arb_set_fmpq(x0 + i, x0q + i, prec);
        arb_set_fmpq(x1 + i, x1q + i, prec);
    }
    action_classical_linear(o->A, o->J, o->D, P->sde, x0, x1, d, t0, t1, prec);
    action_semiclassical_log_density(o->lsc, o->A, o->J, o->D, d, prec);
    action_transition_log_density(o->lex, P->sde, x0, x1, d, t0, t1, prec);
    arb_exp(o->sc, o->lsc, prec);
    arb_exp(o->ex, o->lex, prec);
    arb_clear(t0);
    arb_clear(t1);
    _arb_vec_clear(x0, d);
    _arb_vec_clear(x1, d);
    return cli_arb_is_accurate(o->A, digits) && cli_arb_is_accurate(o->J, digits)
           && cli_arb_is_accurate(o->D, digits) && cli_arb_is_accurate(o->lsc, digits)
           && cli_arb_is_accurate(o->lex, digits) && cli_arb_is_accurate(o->sc, digits)
           && cli_arb_is_accurate(o->ex, digits);
}

static const char * names[7] = {"action", "jacobian", "fluctuation_det",
    "log_semiclassical_density", "log_transition_density", "semiclassical_density",
    "transition_density"};

int
cli_cmd_action(int argc, char ** argv)
{
    const char * file = NULL, * x0t = NULL, * x1t = NULL, * t0t = NULL, * t1t = NULL;
    const char * dtext = NULL, * val;
    const char ** slot;
    int json = 0, i, r, status = CLI_EINPUT;
    slong digits = DEFAULT_DIGITS, prec, n0 = 0, n1 = 0;
    fmpq * x0q = NULL, * x1q = NULL;
    fmpq_t t0q, t1q;
    problem_t P;
    act_out o;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        static const char * opts[5] = {"--x0", "--x1", "--t0", "--t1", "--digits"};
        const char ** slots[5];
        int j, matched = 0;
        slots[0] = &x0t; slots[1] = &x1t; slots[2] = &t0t; slots[3] = &t1t; slots[4] = &dtext;
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
        for (j = 0; j < 5 && !matched; j++)
        {
            if ((r = cli_opt_value(&val, argc, argv, &i, opts[j])) != 0)
            {
                if (r < 0)
                    return CLI_EINPUT;
                slot = slots[j];
                *slot = val;
                matched = 1;
            }
        }
        if (matched)
            continue;
        if (a[0] == '-' && a[1] != '\0')
        {
            cli_error("action: unknown option '%s' (try diffwkb action --help)", a);
            return CLI_EINPUT;
        }
        if (file != NULL)
        {
            cli_error("action: more than one problem file ('%s', '%s')", file, a);
            return CLI_EINPUT;
        }
        file = a;
    }
    if (file == NULL)
    {
        cli_error("action: missing PROBLEM file (try diffwkb action --help)");
        return CLI_EINPUT;
    }
    if (x0t == NULL || x1t == NULL)
    {
        cli_error("action: --x0 and --x1 are required (e.g. --x0 0.5 --x1 -0.2)");
        return CLI_EINPUT;
    }
    if (dtext != NULL && (digits = cli_parse_slong(dtext, "--digits", 1, CLI_DIGITS_MAX)) < 0)
        return CLI_EINPUT;

    fmpq_init(t0q);
    fmpq_init(t1q);
    problem_init(P);
    prec = cli_prec_for_digits(digits);
    if ((n0 = cli_parse_fmpq_list(&x0q, x0t, "--x0")) < 0)
        goto done;
    if ((n1 = cli_parse_fmpq_list(&x1q, x1t, "--x1")) < 0)
        goto done;
    if (t0t != NULL && cli_parse_fmpq(t0q, t0t, "--t0") < 0)
        goto done;
    if (t1t != NULL && cli_parse_fmpq(t1q, t1t, "--t1") < 0)
        goto done;
    if (cli_read_problem(P, file, prec))
        goto done;
    if (t0t == NULL)
        fmpq_set(t0q, P->t0_exact);
    if (t1t == NULL)
        fmpq_set(t1q, P->T_exact);
    if (n0 != P->dim || n1 != P->dim)
    {
        cli_error("%s: expected %ld coordinates (dim of %s), got %ld",
                  n0 != P->dim ? "--x0" : "--x1", (long) P->dim, file,
                  (long) (n0 != P->dim ? n0 : n1));
        goto done;
    }
    if (!problem_contains_time(P, t0q) || !problem_contains_time(P, t1q)
        || fmpq_cmp(t0q, t1q) >= 0)
    {
        char * a = fmpq_get_str(NULL, 10, P->t0_exact), * b = fmpq_get_str(NULL, 10, P->T_exact);
        cli_error("--t0/--t1: need t0 < t1 within [%s, %s] of %s", a, b, file);
        flint_free(a);
        flint_free(b);
        goto done;
    }

    arb_init(o.A); arb_init(o.J); arb_init(o.D); arb_init(o.lsc); arb_init(o.lex);
    arb_init(o.sc); arb_init(o.ex);
    for (;;)
    {
        if (evaluate(&o, P, x0q, x1q, t0q, t1q, digits, prec))
        {
            arb_srcptr v[7];
            int k;
            v[0] = o.A; v[1] = o.J; v[2] = o.D; v[3] = o.lsc; v[4] = o.lex; v[5] = o.sc;
            v[6] = o.ex;
            status = arb_overlaps(o.lsc, o.lex) ? CLI_OK : CLI_FAIL;
            if (json)
            {
                char * s;
                fputs("{\"x0\": ", stdout);
                cli_json_string_list(stdout, x0t);
                fputs(", \"x1\": ", stdout);
                cli_json_string_list(stdout, x1t);
                s = fmpq_get_str(NULL, 10, t0q);
                fputs(", \"t0\": ", stdout);
                cli_json_string(stdout, t0t != NULL ? t0t : s);
                flint_free(s);
                s = fmpq_get_str(NULL, 10, t1q);
                fputs(", \"t1\": ", stdout);
                cli_json_string(stdout, t1t != NULL ? t1t : s);
                flint_free(s);
                for (k = 0; k < 7; k++)
                {
                    printf(", \"%s\": ", names[k]);
                    cli_json_ball(stdout, v[k], digits);
                }
                printf(", \"agree\": %s}\n", status == CLI_OK ? "true" : "false");
            }
            else
            {
                char * s0 = fmpq_get_str(NULL, 10, t0q), * s1 = fmpq_get_str(NULL, 10, t1q);
                printf("x0 = %s\nx1 = %s\nt0 = %s\nt1 = %s\n", x0t, x1t,
                       t0t != NULL ? t0t : s0, t1t != NULL ? t1t : s1);
                flint_free(s0);
                flint_free(s1);
                for (k = 0; k < 7; k++)
                {
                    char * s = cli_arb_str(v[k], digits);
                    printf("%s = %s\n", names[k], s);
                    flint_free(s);
                }
                printf("semiclassical == exact: %s\n", status == CLI_OK ? "yes (balls overlap)"
                       : "NO");
            }
            break;
        }
        if (2 * prec > cli_prec_max(digits))
        {
            cli_error("action: could not reach %ld digits at %ld bits of precision",
                      (long) digits, (long) prec);
            break;
        }
        prec *= 2;
    }
    arb_clear(o.A); arb_clear(o.J); arb_clear(o.D); arb_clear(o.lsc); arb_clear(o.lex);
    arb_clear(o.sc); arb_clear(o.ex);

done:
    if (x0q != NULL)
        _fmpq_vec_clear(x0q, n0);
    if (x1q != NULL)
        _fmpq_vec_clear(x1q, n1);
    fmpq_clear(t0q);
    fmpq_clear(t1q);
    problem_clear(P);
    return status;
}
