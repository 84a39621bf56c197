/*
    diffwkb flow PROBLEM (--z Z | --x X) [--at t1,t2,...] [--logdensity]
                 [--digits D] [--json | --csv]

    The certified probability-flow map (flow.h): --z integrates the PF ODE
    X' = f X - (g^2/2) s_theta from X(T) = z down to t0 (generation) and
    prints X(t0); --x integrates from X(t0) = x up to T (encoding) and
    prints X(T).  --logdensity adds the CNF log-density of the h = 0 model,
        log q^0_{t0}(X_{t0}) = log pi(X_T) + int_{t0}^{T} div F dt,
    and, for each --at time t, log q^0_t(X_t) = log pi(X_T) + int_t^T div F.
    --at prints the trajectory at the listed times (dense output).  The
    working precision doubles until every printed ball has D correct
    digits; nothing is printed before that succeeds.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "diffwkb/flow.h"

#define DEFAULT_DIGITS 15

static void
usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb flow PROBLEM (--z Z | --x X) [--at T1,T2,...] [--logdensity]\n"
        "                    [--digits D] [--order N | --order adaptive] [--threads T]\n"
        "                    [--json | --csv]\n"
        "The certified probability-flow map X' = f(t) X - (g(t)^2/2) s_theta(X, t)\n"
        "of the problem (its score model), the deterministic h = 0 sampler.\n\n"
        "  --z Z[,...]     latent point at T: integrate down to t0, print x = X(t0)\n"
        "  --x X[,...]     data point at t0: integrate up to T, print z = X(T)\n"
        "                  (dim exact decimals or p/q, comma-separated)\n"
        "  --at T1,...     also print X(t) at these times (t0 <= t <= T, exact decimals)\n"
        "  --logdensity    the CNF log-density log q^0_t0 = log pi(X_T) + int_t0^T div F dt\n"
        "                  at the data end (and log q^0_t(X_t) at each --at time),\n"
        "                  pi the problem's prior\n"
        "  --digits D      correct significant digits of every printed ball (default %d);\n"
        "                  the precision is raised until they are reached\n"
        "  --order N       Taylor order of the validated integrator (default 8 + prec/4,\n"
        "                  fixed); 'adaptive': chosen per step in [p/2, 2p] from the\n"
        "                  remainders (same guarantees; about 10%% faster in 1D, as fast\n"
        "                  on the 25-Gaussian)\n"
        "  --threads T     threads (default 1): the next step's series ahead, and the\n"
        "                  mixture components of the score; same balls for any T\n"
        "  --json          one JSON object instead of text lines\n"
        "  --csv           the trajectory as CSV: t,x1,x1_rad,...,xd,xd_rad (and\n"
        "                  log_q,log_q_rad with --logdensity); rows: the start and end\n"
        "                  times, or the --at times when given\n\n"
        "Every printed ball [mid +/- rad] contains the true value; in CSV the true\n"
        "value lies within rad of mid.\n"
        "Exit status: 0 success, 2 bad input or the digits could not be reached.\n",
        DEFAULT_DIGITS);
}

typedef struct
{
    slong d;
    int encode;           /* 1: --x (t0 -> T), 0: --z (T -> t0) */
    int logdens;
    slong nat;            /* number of --at times */
    slong order;          /* Taylor order (0: automatic, or ODE_ORDER_ADAPTIVE) */
    arb_ptr end;          /* d: X at the end time */
    arb_t logq, divint;   /* log q^0_{t0}, int_{t0}^{T} div F */
    arb_ptr traj;         /* nat * d */
    arb_ptr tlogq;        /* nat */
    const char * fail;    /* why the last attempt failed (NULL: accuracy) */
}
flow_out;

/* one evaluation at precision prec; 1 if every printed ball is accurate */
static int
evaluate(flow_out * o, problem_t P, const fmpq * pq, const fmpq * atq, slong digits,
         int first, slong prec)
{
    slong i, j, d = o->d;
    arb_ptr x = _arb_vec_init(d), y = _arb_vec_init(d + 1);
    arb_t ta, tb, t, lp;
    ode_solution_t sol;
    wkb_pf_flow_opt_t opt;
    int ok = 1, status;

    arb_init(ta);
    arb_init(tb);
    arb_init(t);
    arb_init(lp);
    ode_solution_init(sol, d + o->logdens);
    wkb_pf_flow_opt_init(opt);
    opt->store = (o->nat > 0);
    opt->order = o->order;
    /* first attempt: per-step error target 10^-(digits + 5) (relative),
       enough for `digits` unless the flow amplifies errors a lot; then
       the solver's default 2^-prec at the doubled precisions */
    if (first)
    {
        arb_set_ui(opt->tol, 10);
        arb_pow_ui(opt->tol, opt->tol, digits + 5, prec);
        arb_inv(opt->tol, opt->tol, prec);
    }
    o->fail = NULL;

    problem_set_prec(P, prec);
    for (i = 0; i < d; i++)
        arb_set_fmpq(x + i, pq + i, prec);
    arb_set(ta, o->encode ? P->t0 : P->T);
    arb_set(tb, o->encode ? P->T : P->t0);
    /* the divergence integral (one more state, xi-degree 2 jets for its
       Jacobian row) only when the log-density is asked for */
    status = wkb_pf_flow_solve_opt(sol, P, x, ta, tb, o->logdens, opt, prec);
    if (status != ODE_SUCCESS)
    {
        o->fail = ode_status_str(status);
        ok = 0;
        goto cleanup;
    }
    _arb_vec_set(o->end, sol->x, d);
    ok = cli_arb_vec_is_accurate(o->end, d, digits);
    if (o->logdens)
    {
        /* divint = int_{t0}^{T} div F; I(t) = int_{ta}^{t} div F from the state */
        if (o->encode)
            arb_set(o->divint, sol->x + d);
        else
            arb_neg(o->divint, sol->x + d);
        wkb_pf_flow_log_prior(lp, P, o->encode ? sol->x : x, prec);
        arb_add(o->logq, lp, o->divint, prec);
        ok = ok && cli_arb_is_accurate(o->logq, digits);
    }

    for (j = 0; j < o->nat; j++)
    {
        arb_set_fmpq(t, atq + j, prec);
        if (!ode_solution_eval(y, sol, t, prec))
        {
            o->fail = "dense output does not cover an --at time";
            ok = 0;
            goto cleanup;
        }
        _arb_vec_set(o->traj + j * d, y, d);
        ok = ok && cli_arb_vec_is_accurate(y, d, digits);
        if (o->logdens)
        {
            /* log q_t(X_t) = log pi(X_T) + int_t^T div F
                            = log pi(X_T) + I(T) - I(t)  (encode: I(T) = divint)
                            = log pi(z) - I(t)           (generate: I(T) = 0) */
            if (o->encode)
                arb_add(o->tlogq + j, lp, o->divint, prec);
            else
                arb_set(o->tlogq + j, lp);
            arb_sub(o->tlogq + j, o->tlogq + j, y + d, prec);
            ok = ok && cli_arb_is_accurate(o->tlogq + j, digits);
        }
    }

cleanup:
    ode_solution_clear(sol);
    wkb_pf_flow_opt_clear(opt);
    _arb_vec_clear(x, d);
    _arb_vec_clear(y, d + 1);
    arb_clear(ta);
    arb_clear(tb);
    arb_clear(t);
    arb_clear(lp);
    return ok;
}

static void
print_ball(const char * name, slong i, const arb_t x, slong digits)
{
    char * s = cli_arb_str(x, digits);
    if (i >= 0)
        printf("%s[%ld] = %s\n", name, (long) i, s);
    else
        printf("%s = %s\n", name, s);
    flint_free(s);
}

static void
print_text(const flow_out * o, const char * ptext, char ** atstr, slong digits)
{
    slong i, j, d = o->d;
    printf("%s = %s\n", o->encode ? "x" : "z", ptext);
    for (i = 0; i < d; i++)
        print_ball(o->encode ? "z" : "x", i, o->end + i, digits);
    if (o->logdens)
    {
        print_ball("log_q", -1, o->logq, digits);
        print_ball("int_div_F", -1, o->divint, digits);
    }
    for (j = 0; j < o->nat; j++)
    {
        char name[64];
        flint_sprintf(name, "X(%.40s)", atstr[j]);
        for (i = 0; i < d; i++)
            print_ball(name, i, o->traj + j * d + i, digits);
        if (o->logdens)
        {
            flint_sprintf(name, "log_q(%.40s)", atstr[j]);
            print_ball(name, -1, o->tlogq + j, digits);
        }
    }
}

static void
print_json(const flow_out * o, const char * file, const char * ptext, char ** atstr,
           slong digits)
{
    FILE * out = stdout;
    slong j;
    fputs("{\"problem\": ", out);
    cli_json_string(out, file);
    fputs(", \"direction\": ", out);
    cli_json_string(out, o->encode ? "encode" : "generate");
    fprintf(out, ", \"%s\": ", o->encode ? "x" : "z");
    cli_json_string_list(out, ptext);
    fprintf(out, ", \"%s\": ", o->encode ? "z" : "x");
    cli_json_ball_vec(out, o->end, o->d, digits);
    if (o->logdens)
    {
        fputs(", \"log_q\": ", out);
        cli_json_ball(out, o->logq, digits);
        fputs(", \"int_div_F\": ", out);
        cli_json_ball(out, o->divint, digits);
    }
    if (o->nat > 0)
    {
        fputs(", \"trajectory\": [", out);
        for (j = 0; j < o->nat; j++)
        {
            fputs(j ? ", {\"t\": " : "{\"t\": ", out);
            cli_json_string(out, atstr[j]);
            fputs(", \"X\": ", out);
            cli_json_ball_vec(out, o->traj + j * o->d, o->d, digits);
            if (o->logdens)
            {
                fputs(", \"log_q\": ", out);
                cli_json_ball(out, o->tlogq + j, digits);
            }
            fputs("}", out);
        }
        fputs("]", out);
    }
    fputs("}\n", out);
}

/* ",mid,rad" of x: split the certified "[mid +/- rad]" of arb_get_str (an
   exact ball prints as "mid" and gets rad 0) */
static void
print_csv_ball(const arb_t x, slong digits)
{
    char * s = cli_arb_str(x, digits), * p;
    if (s[0] == '[' && (p = strstr(s, " +/- ")) != NULL)
    {
        s[strlen(s) - 1] = '\0';
        *p = '\0';
        printf(",%s,%s", (p == s + 1) ? "0" : s + 1, p + 5);
    }
    else
        printf(",%s,0", s);
    flint_free(s);
}

static void
print_csv_row(const flow_out * o, const char * t, arb_srcptr X, const arb_t lq, slong digits)
{
    slong i;
    printf("%s", t);
    for (i = 0; i < o->d; i++)
        print_csv_ball(X + i, digits);
    if (o->logdens)
        print_csv_ball(lq, digits);
    printf("\n");
}

static void
print_csv(const flow_out * o, problem_t P, const fmpq * pq, char ** atstr, slong digits)
{
    slong i, j, d = o->d;
    printf("t");
    for (i = 0; i < d; i++)
        printf(",x%ld,x%ld_rad", (long) (i + 1), (long) (i + 1));
    if (o->logdens)
        printf(",log_q,log_q_rad");
    printf("\n");
    if (o->nat > 0)
    {
        for (j = 0; j < o->nat; j++)
            print_csv_row(o, atstr[j], o->traj + j * d, o->tlogq + j, digits);
    }
    else
    {
        char * t0 = cli_fmpq_str(P->t0_exact), * T = cli_fmpq_str(P->T_exact);
        arb_ptr s = _arb_vec_init(d);
        arb_t lq;
        arb_init(lq);
        for (i = 0; i < d; i++)
            arb_set_fmpq(s + i, pq + i, P->prec);
        /* start row (exact point), then end row; log q at T is log pi(X_T) */
        if (o->encode)
        {
            print_csv_row(o, t0, s, o->logq, digits);
            arb_sub(lq, o->logq, o->divint, P->prec);
            print_csv_row(o, T, o->end, lq, digits);
        }
        else
        {
            arb_sub(lq, o->logq, o->divint, P->prec);
            print_csv_row(o, T, s, lq, digits);
            print_csv_row(o, t0, o->end, o->logq, digits);
        }
        arb_clear(lq);
        _arb_vec_clear(s, d);
        flint_free(t0);
        flint_free(T);
    }
}

/* split the comma-separated list (for printing the --at times as given) */
static char **
split_list(const char * text, slong n)
{
    char ** v = flint_malloc(sizeof(char *) * n);
    slong j = 0;
    const char * a = text, * b;
    for (j = 0; j < n; j++)
    {
        size_t len;
        b = strchr(a, ',');
        len = (b != NULL) ? (size_t) (b - a) : strlen(a);
        v[j] = flint_malloc(len + 1);
        memcpy(v[j], a, len);
        v[j][len] = '\0';
        a = (b != NULL) ? b + 1 : a + len;
    }
    return v;
}

int
cli_cmd_flow(int argc, char ** argv)
{
    const char * file = NULL, * ztext = NULL, * xtext = NULL, * attext = NULL,
               * dtext = NULL, * ttext = NULL, * otext = NULL, * val, * ptext;
    int json = 0, csv = 0, logdens = 0, first = 1, i, r, status = CLI_EINPUT;
    slong digits = DEFAULT_DIGITS, prec, n = 0, nat = 0, j, d;
    fmpq * pq = NULL, * atq = NULL;
    char ** atstr = NULL;
    problem_t P;
    flow_out o;

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
        if (!strcmp(a, "--csv"))
        {
            csv = 1;
            continue;
        }
        if (!strcmp(a, "--logdensity"))
        {
            logdens = 1;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--z")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            ztext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--x")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            xtext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--at")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            attext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--digits")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            dtext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--threads")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            ttext = val;
            continue;
        }
        if ((r = cli_opt_value(&val, argc, argv, &i, "--order")) != 0)
        {
            if (r < 0)
                return CLI_EINPUT;
            otext = val;
            continue;
        }
        if (cli_positional_file(&file, a, "flow"))
            return CLI_EINPUT;
    }
    if (cli_require_file(file, "flow"))
        return CLI_EINPUT;
    if ((ztext == NULL) == (xtext == NULL))
    {
        cli_error("flow: give exactly one of --z (latent point at T) and --x (data point at t0)");
        return CLI_EINPUT;
    }
    if (json && csv)
    {
        cli_error("flow: --json and --csv exclude each other");
        return CLI_EINPUT;
    }
    if (dtext != NULL && (digits = cli_parse_slong(dtext, "--digits", 1, CLI_DIGITS_MAX)) < 0)
        return CLI_EINPUT;
    if (ttext != NULL)
    {
        slong nt = cli_parse_slong(ttext, "--threads", 1, 256);
        if (nt < 0)
            return CLI_EINPUT;
        flint_set_num_threads(nt);
    }
    o.order = 0;
    if (otext != NULL)
    {
        if (!strcmp(otext, "adaptive"))
            o.order = ODE_ORDER_ADAPTIVE;
        else if ((o.order = cli_parse_slong(otext, "--order", 1, 500)) < 0)
            return CLI_EINPUT;
    }
    ptext = (ztext != NULL) ? ztext : xtext;

    problem_init(P);
    prec = cli_prec_for_digits(digits);
    if ((n = cli_parse_fmpq_list(&pq, ptext, ztext != NULL ? "--z" : "--x")) < 0)
        goto done;
    if (attext != NULL && (nat = cli_parse_fmpq_list(&atq, attext, "--at")) < 0)
    {
        nat = 0;
        goto done;
    }
    if (cli_read_problem(P, file, prec))
        goto done;
    if (n != P->dim)
    {
        cli_error("%s: expected %ld coordinate%s (dim of %s), got %ld",
                  ztext != NULL ? "--z" : "--x", (long) P->dim, P->dim == 1 ? "" : "s",
                  file, (long) n);
        goto done;
    }
    for (j = 0; j < nat; j++)
    {
        if (!problem_contains_time(P, atq + j))
        {
            char * s = cli_fmpq_str(atq + j), * a = cli_fmpq_str(P->t0_exact),
                 * b = cli_fmpq_str(P->T_exact);
            cli_error("--at: t = %.40s is outside [t0, T] = [%s, %s] of %s", s, a, b, file);
            flint_free(s);
            flint_free(a);
            flint_free(b);
            goto done;
        }
    }
    if (nat > 0)
        atstr = split_list(attext, nat);

    d = P->dim;
    o.d = d;
    o.encode = (xtext != NULL);
    o.logdens = logdens;
    o.nat = nat;
    o.end = _arb_vec_init(d);
    arb_init(o.logq);
    arb_init(o.divint);
    o.traj = _arb_vec_init(FLINT_MAX(nat, 1) * d);
    o.tlogq = _arb_vec_init(FLINT_MAX(nat, 1));
    for (;;)
    {
        if (evaluate(&o, P, pq, atq, digits, first, prec))
        {
            if (json)
                print_json(&o, file, ptext, atstr, digits);
            else if (csv)
                print_csv(&o, P, pq, atstr, digits);
            else
                print_text(&o, ptext, atstr, digits);
            status = CLI_OK;
            break;
        }
        if (2 * prec > cli_prec_max(digits))
        {
            if (o.fail != NULL)
                cli_error("flow: no certified enclosure at %ld bits of precision (%s)",
                          (long) prec, o.fail);
            else
                cli_error("flow: could not reach %ld digits at %ld bits of precision",
                          (long) digits, (long) prec);
            break;
        }
        prec *= 2;
        first = 0;
    }
    _arb_vec_clear(o.end, d);
    arb_clear(o.logq);
    arb_clear(o.divint);
    _arb_vec_clear(o.traj, FLINT_MAX(nat, 1) * d);
    _arb_vec_clear(o.tlogq, FLINT_MAX(nat, 1));

done:
    if (pq != NULL)
        _fmpq_vec_clear(pq, n);
    if (atq != NULL)
        _fmpq_vec_clear(atq, nat);
    if (atstr != NULL)
    {
        for (j = 0; j < nat; j++)
            flint_free(atstr[j]);
        flint_free(atstr);
    }
    problem_clear(P);
    return status;
}
