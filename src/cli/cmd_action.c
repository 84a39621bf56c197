/*
    diffwkb action PROBLEM --x0 X --x1 Y [--t0 A --t1 B] [--lagrangian forward|h --h H]
                   [--digits D] [--json]

    --lagrangian forward (default).  For the problem's forward SDE dx = f(t) x dt + g dw (linear drift), the
    classical path between (t0, x0) and (t1, x1): its Onsager-Machlup action
    A_cl = |x1 - a x0|^2/(2 s^2), the Stratonovich Jacobian J = (d/2) log a,
    the Gel'fand-Yaglom fluctuation determinant D = (s^2/a)^d, the
    semiclassical density exp(-A_cl - J)/sqrt((2 pi)^d D) and the exact
    transition density N(x1; a x0, s^2 I), a = a_{t1}/a_{t0},
    s^2 = s^2_{t1|t0}.  All certified; the working precision doubles until
    every printed ball has D correct digits.

    --lagrangian h.  The classical path of the h-Lagrangian of Eq. (11),
    L = |x' - F_h|^2/(2 h g^2), F_h = f x - (1+h)/2 g^2 s_theta, for the
    problem's score model (any score, mixtures included), between (t0, x0)
    and (t1, x1), certified by Newton + Krawczyk shooting
    (action_shoot_classical): the initial momentum box p0 (proved to hold
    the unique zero of the shooting map in it), the action A, the
    divergence integral Jd = int div F_h dt, the fluctuation determinant
    D = det dx(t1)/dp0 and the semiclassical log-density of the backward
    kernel of Eq. (9) from (t1, x1) to (t0, x0),
    log[exp(-A + Jd/2)/sqrt((2 pi)^d D)].  The balls enclose these
    semiclassical quantities; for a nonlinear drift the semiclassical
    density is only an approximation of the transition density.  The
    precision loop starts at the --digits precision and doubles up to
    SHOOT_PREC_MAX bits (shooting is slow); Krawczyk failing at every
    precision exits 2 with no value printed.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "diffwkb/action.h"

#define DEFAULT_DIGITS 15
#define DEFAULT_DIGITS_H 10
#define SHOOT_PREC_MAX 256

static void
usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb action PROBLEM --x0 X --x1 Y [--t0 A --t1 B]\n"
        "                      [--lagrangian forward|h] [--h H] [--digits D] [--json]\n"
        "--lagrangian forward (default): classical path of the forward SDE\n"
        "dx = f(t) x dt + g(t) dw from (t0, x0) to (t1, x1) (closed form): its\n"
        "Onsager-Machlup action A_cl, the Jacobian J = (d/2) log a (Stratonovich),\n"
        "the Gel'fand-Yaglom fluctuation determinant D = (s^2/a)^d,\n"
        "the semiclassical density exp(-A_cl - J)/sqrt((2 pi)^d D) and the exact\n"
        "transition density N(x1; a x0, s^2 I), a = a_t1/a_t0, s^2 = s^2_{t1|t0}.\n\n"
        "--lagrangian h: classical path of the h-Lagrangian of Eq. (11),\n"
        "|x' - F_h|^2/(2 h g^2), F_h = f x - (1+h)/2 g^2 s_theta (the problem's score\n"
        "model, mixtures included), from (t0, x0) to (t1, x1), certified by Newton +\n"
        "Krawczyk shooting: the initial momentum p0, the action A, int div F_h dt,\n"
        "the fluctuation determinant D = det dx(t1)/dp0 and the semiclassical\n"
        "log-density log[exp(-A + Jd/2)/sqrt((2 pi)^d D)] of the backward kernel of\n"
        "Eq. (9) from (t1, x1) to (t0, x0).  For a nonlinear drift (mixtures) this is\n"
        "an approximation: the balls enclose the semiclassical quantities, not the\n"
        "transition density.  Exact for an affine drift (Gaussian data, linear score).\n\n"
        "  --x0 X[,..]    start point (dim exact decimals or p/q, comma-separated)\n"
        "  --x1 Y[,..]    end point\n"
        "  --t0 A, --t1 B times, t0 < t1 within the problem's [t0, T] (defaults: those)\n"
        "  --lagrangian L forward (default) or h\n"
        "  --h H          h > 0, exact decimal or p/q (required with --lagrangian h)\n"
        "  --digits D     correct significant digits of every printed ball (default %d;\n"
        "                 %d with --lagrangian h, whose precision is capped at %d bits)\n"
        "  --json         one JSON object instead of text lines\n\n"
        "Every printed ball [mid +/- rad] contains the true value.\n"
        "Exit status: 0 success, 1 the semiclassical and exact densities disagree\n"
        "(forward; never expected), 2 bad input, the digits could not be reached, or\n"
        "no certified classical path (h: Newton or the Krawczyk test failed).\n",
        DEFAULT_DIGITS, DEFAULT_DIGITS_H, SHOOT_PREC_MAX);
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

/* --lagrangian h: outputs of one shooting run */
typedef struct
{
    arb_ptr p0;
    arb_t A, Jd, D, lsc, sc;
}
shoot_out;

/* Returns the action_shoot_classical status; *accurate is set to 1 when
   every output has digits correct digits. */
static int
evaluate_h(shoot_out * o, int * accurate, problem_t P, const fmpq * x0q, const fmpq * x1q,
           const fmpq_t t0q, const fmpq_t t1q, const fmpq_t hq, slong digits, slong prec)
{
    slong i, d = P->dim;
    arb_ptr x0 = _arb_vec_init(d), x1 = _arb_vec_init(d);
    arb_t t0, t1, h, J;
    action_shoot_t C;
    int status;

    arb_init(t0);
    arb_init(t1);
    arb_init(h);
    arb_init(J);
    problem_set_prec(P, prec);
    arb_set_fmpq(t0, t0q, prec);
    arb_set_fmpq(t1, t1q, prec);
    arb_set_fmpq(h, hq, prec);
    for (i = 0; i < d; i++)
    {
        arb_set_fmpq(x0 + i, x0q + i, prec);
        arb_set_fmpq(x1 + i, x1q + i, prec);
    }
    action_shoot_init_h(C, P->score, P->data, P->sde, h);
    status = action_shoot_classical(o->p0, o->A, o->Jd, o->D, C, x0, x1, t0, t1, prec);
    *accurate = 0;
    if (status == ACTION_SHOOT_OK)
    {
        /* backward kernel of Eq. (9): Stratonovich Jacobian -Jd/2 */
        arb_mul_2exp_si(J, o->Jd, -1);
        arb_neg(J, J);
        action_semiclassical_log_density(o->lsc, o->A, J, o->D, d, prec);
        arb_exp(o->sc, o->lsc, prec);
        *accurate = cli_arb_vec_is_accurate(o->p0, d, digits)
                    && cli_arb_is_accurate(o->A, digits) && cli_arb_is_accurate(o->Jd, digits)
                    && cli_arb_is_accurate(o->D, digits) && cli_arb_is_accurate(o->lsc, digits)
                    && cli_arb_is_accurate(o->sc, digits);
    }
    action_shoot_clear(C);
    arb_clear(t0);
    arb_clear(t1);
    arb_clear(h);
    arb_clear(J);
    _arb_vec_clear(x0, d);
    _arb_vec_clear(x1, d);
    return status;
}

static const char *
shoot_failure(int status)
{
    if (status == ACTION_SHOOT_ODE_FAIL)
        return "the validated integration of the shooting ODE failed";
    if (status == ACTION_SHOOT_NO_NEWTON)
        return "Newton's iteration on the initial momentum did not converge";
    return "the Krawczyk test failed";
}

static const char * h_names[5] = {"action", "div_integral", "fluctuation_det",
    "log_semiclassical_density", "semiclassical_density"};

static const char * h_note =
    "semiclassical backward kernel of Eq. (9) from (t1, x1) to (t0, x0): "
    "exp(-A + Jd/2)/sqrt((2 pi)^d D); exact for an affine drift, an approximation for a "
    "nonlinear one (the balls enclose the semiclassical quantities, not the transition density)";

/* the --lagrangian h branch after the common checks; returns the exit status */
static int
run_h(problem_t P, const char * file, const fmpq * x0q, const fmpq * x1q, const fmpq_t t0q,
      const fmpq_t t1q, const fmpq_t hq, const char * x0t, const char * x1t,
      const char * t0t, const char * t1t, const char * ht, slong digits, int json)
{
    slong d = P->dim, k, prec = FLINT_MIN(cli_prec_for_digits(digits), SHOOT_PREC_MAX);
    shoot_out o;
    int status = CLI_EINPUT, accurate, r;
    char * s0 = fmpq_get_str(NULL, 10, t0q), * s1 = fmpq_get_str(NULL, 10, t1q);

    (void) file;
    o.p0 = _arb_vec_init(d);
    arb_init(o.A); arb_init(o.Jd); arb_init(o.D); arb_init(o.lsc); arb_init(o.sc);
    for (;;)
    {
        r = evaluate_h(&o, &accurate, P, x0q, x1q, t0q, t1q, hq, digits, prec);
        if (r == ACTION_SHOOT_NO_NEWTON || (r != ACTION_SHOOT_OK && prec >= SHOOT_PREC_MAX))
        {
            cli_error("action: no certified classical path: %s (%ld bits)",
                      shoot_failure(r), (long) prec);
            break;
        }
        if (r == ACTION_SHOOT_OK && accurate)
        {
            arb_srcptr v[5];
            v[0] = o.A; v[1] = o.Jd; v[2] = o.D; v[3] = o.lsc; v[4] = o.sc;
            status = CLI_OK;
            if (json)
            {
                fputs("{\"lagrangian\": \"h\", \"h\": ", stdout);
                cli_json_string(stdout, ht);
                fputs(", \"x0\": ", stdout);
                cli_json_string_list(stdout, x0t);
                fputs(", \"x1\": ", stdout);
                cli_json_string_list(stdout, x1t);
                fputs(", \"t0\": ", stdout);
                cli_json_string(stdout, t0t != NULL ? t0t : s0);
                fputs(", \"t1\": ", stdout);
                cli_json_string(stdout, t1t != NULL ? t1t : s1);
                fputs(", \"p0\": ", stdout);
                cli_json_ball_vec(stdout, o.p0, d, digits);
                for (k = 0; k < 5; k++)
                {
                    printf(", \"%s\": ", h_names[k]);
                    cli_json_ball(stdout, v[k], digits);
                }
                printf(", \"prec\": %ld, \"note\": ", (long) prec);
                cli_json_string(stdout, h_note);
                fputs("}\n", stdout);
            }
            else
            {
                printf("lagrangian = h\nh = %s\nx0 = %s\nx1 = %s\nt0 = %s\nt1 = %s\np0 = ", ht,
                       x0t, x1t, t0t != NULL ? t0t : s0, t1t != NULL ? t1t : s1);
                for (k = 0; k < d; k++)
                {
                    char * s = cli_arb_str(o.p0 + k, digits);
                    printf("%s%s", k > 0 ? ", " : "", s);
                    flint_free(s);
                }
                printf("\n");
                for (k = 0; k < 5; k++)
                {
                    char * s = cli_arb_str(v[k], digits);
                    printf("%s = %s\n", h_names[k], s);
                    flint_free(s);
                }
                printf("prec = %ld\n# %s\n", (long) prec, h_note);
            }
            break;
        }
        if (prec >= SHOOT_PREC_MAX)
        {
            cli_error("action: could not reach %ld digits at %ld bits of precision (the cap"
                      " for --lagrangian h)", (long) digits, (long) prec);
            break;
        }
        prec = FLINT_MIN(2 * prec, SHOOT_PREC_MAX);
    }
    _arb_vec_clear(o.p0, d);
    arb_clear(o.A); arb_clear(o.Jd); arb_clear(o.D); arb_clear(o.lsc); arb_clear(o.sc);
    flint_free(s0);
    flint_free(s1);
    return status;
}

int
cli_cmd_action(int argc, char ** argv)
{
    const char * file = NULL, * x0t = NULL, * x1t = NULL, * t0t = NULL, * t1t = NULL;
    const char * dtext = NULL, * lt = NULL, * ht = NULL, * val;
    const char ** slot;
    int json = 0, i, r, status = CLI_EINPUT, hkind = 0;
    slong digits = DEFAULT_DIGITS, prec, n0 = 0, n1 = 0;
    fmpq * x0q = NULL, * x1q = NULL;
    fmpq_t t0q, t1q, hq;
    problem_t P;
    act_out o;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        static const char * opts[7] = {"--x0", "--x1", "--t0", "--t1", "--digits",
            "--lagrangian", "--h"};
        const char ** slots[7];
        int j, matched = 0;
        slots[0] = &x0t; slots[1] = &x1t; slots[2] = &t0t; slots[3] = &t1t; slots[4] = &dtext;
        slots[5] = &lt; slots[6] = &ht;
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
        for (j = 0; j < 7 && !matched; j++)
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
        if (cli_positional_file(&file, a, "action"))
            return CLI_EINPUT;
    }
    if (cli_require_file(file, "action"))
        return CLI_EINPUT;
    if (x0t == NULL || x1t == NULL)
    {
        cli_error("action: --x0 and --x1 are required (e.g. --x0 0.5 --x1 -0.2)");
        return CLI_EINPUT;
    }
    if (lt != NULL && !strcmp(lt, "h"))
        hkind = 1;
    else if (lt != NULL && strcmp(lt, "forward"))
    {
        cli_error("--lagrangian: expected 'forward' or 'h', got '%s'", lt);
        return CLI_EINPUT;
    }
    if (hkind && ht == NULL)
    {
        cli_error("action: --lagrangian h needs --h H (h > 0)");
        return CLI_EINPUT;
    }
    if (!hkind && ht != NULL)
    {
        cli_error("action: --h applies only with --lagrangian h");
        return CLI_EINPUT;
    }
    if (hkind)
        digits = DEFAULT_DIGITS_H;
    if (dtext != NULL && (digits = cli_parse_slong(dtext, "--digits", 1, CLI_DIGITS_MAX)) < 0)
        return CLI_EINPUT;

    fmpq_init(t0q);
    fmpq_init(t1q);
    fmpq_init(hq);
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
    if (hkind && cli_parse_fmpq(hq, ht, "--h") < 0)
        goto done;
    if (hkind && fmpq_sgn(hq) <= 0)
    {
        cli_error("--h: need h > 0 for --lagrangian h, got '%s'", ht);
        goto done;
    }
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
    if (hkind)
    {
        status = run_h(P, file, x0q, x1q, t0q, t1q, hq, x0t, x1t, t0t, t1t, ht, digits, json);
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
    fmpq_clear(hq);
    problem_clear(P);
    return status;
}
