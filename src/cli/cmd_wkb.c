/*
    diffwkb loglik PROBLEM (--x X | --points FILE) [--order N] [--h H]
                   [--digits D] [--threads T] [--json]
    diffwkb nll    PROBLEM [--order N] [--h H] [--digits D] [--threads T] [--json]

    Certified WKB coefficients: log q^h_{t0}(x) = sum_n h^n c_n(x) and
    NLL(h) = sum_n h^n C_n.  The working precision doubles until every
    printed ball has D correct digits; nothing is printed before that.
    With --h, also the exact value at that h where the route has one
    (certified) and the truncated sum sum_{n<=N} c_n h^n, labelled as a
    truncation: it encloses the partial sum, not log q^h.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <stdint.h>
#include <math.h>
#include "cli.h"
#include "diffwkb/wkb.h"
#include "diffwkb/sample.h"

#define DEFAULT_DIGITS 15
#define DEFAULT_ORDER 4
#define MAX_ORDER 200
#define MAX_THREADS 256

typedef struct
{
    int nll;                 /* 0: loglik, 1: nll */
    const char * file;
    const char * xtext;
    const char * points;
    const char * htext;
    const char * toltext;    /* nll: --tol E (the d = 1 quadrature), or NULL */
    slong digits, order, threads;
    slong mc;                /* nll: Monte Carlo points (0: off) */
    uint64_t seed;
    int json;
    int progress;            /* --progress: precision attempts on stderr */
    int fast, check;         /* loglik --fast [--check] */
    const char * fasttol;    /* loglik --fast-tol E */
}
wkb_args;

static void
usage(FILE * out, int nll)
{
    if (!nll)
        fprintf(out,
            "Usage: diffwkb loglik PROBLEM (--x X[,Y,...] | --points FILE) [--order N]\n"
            "                      [--h H] [--digits D] [--threads T] [--json]\n"
            "Certified WKB coefficients c_0(x) .. c_N(x) of\n"
            "    log q^h_{t0}(x) = sum_n h^n c_n(x),\n"
            "q^h the law of the h-interpolated backward SDE (Eq. 9) at t0 (h = 0: probability\n"
            "flow, h = 1: reverse SDE).  c_0 is the probability-flow log-likelihood, c_1 the\n"
            "first-order coefficient of Thm 4.2.\n\n"
            "  --x X[,Y,...]   the point: dim exact decimals (or p/q), comma-separated\n"
            "  --points FILE   evaluate many points: one per line, comma-separated, '#' comments;\n"
            "                  prints one JSON line per point, in the order of the file\n"
            "  --threads T     threads: for --points, points in parallel; for --x, the\n"
            "                  mixture components in parallel (default 1)\n"
            "  --fast          c_0 and c_1 only, in double precision, NOT certified (the fast\n"
            "                  path: adjoint equations along the characteristic with exact\n"
            "                  score derivatives, extrapolation in time; about a millisecond),\n"
            "                  at the double nearest to X, with an error estimate (--x); with\n"
            "                  --points one JSON line per point, in --threads T threads\n"
            "  --fast-tol E    the fast path's tolerance (default 1e-12)\n"
            "  --check         with --fast --x: also the certified c_0, c_1 and the actual error\n");
    else
        fprintf(out,
            "Usage: diffwkb nll PROBLEM [--order N] [--h H] [--digits D] [--threads T] [--json]\n"
            "       diffwkb nll PROBLEM --mc N [--seed S] [--threads T] [--order N] [--digits D]\n"
            "                       [--json]\n"
            "Certified coefficients C_0 .. C_N of NLL(h) = E_{x ~ p_0}[-log q^h_{t0}(x)]\n"
            "= sum_n h^n C_n (nats; C_0 the probability-flow NLL, C_1 the slope of the paper's\n"
            "Table 1).\n\n"
            "  --mc N          Monte Carlo estimate instead (NOT certified): N points drawn from\n"
            "                  p_0, certified c_n at each, mean and standard error\n"
            "  --seed S        seed of the draws (Philox streams, as diffwkb sample; default 0)\n"
            "  --threads T     threads for --mc, or for the d = 1 quadrature (default 1)\n"
            "  --fast          with --mc: c_0 and c_1 at each point in double (the fast path of\n"
            "                  loglik --fast, NOT certified; a thousand times faster), order <= 1\n"
            "  --fast-tol E    its tolerance (default 1e-12)\n"
            "  --tol E         d = 1 quadrature only: an absolute tolerance instead of\n"
            "                  --digits (each coefficient's radius at most about 3E/4; for\n"
            "                  coefficients near zero, where D significant digits cost most)\n"
            "For d = 1 problems without an affine route (mixture data with a mixture or\n"
            "scaled score) C_0 and C_1 are certified by quadrature (route d1-quadrature,\n"
            "--order 0 or 1): Taylor models of c_0 and c_1 on subintervals and proven tail\n"
            "bounds; C_0 takes seconds to minutes, C_1 about ten times longer (use\n"
            "--threads and --progress).\n");
    fprintf(out,
        "  --order N       highest order N (default %d)\n"
        "  --h H           also print the exact value at this h >= 0 where the route has a\n"
        "                  closed form (certified), and the truncated sum to order N\n"
        "                  (a truncation, not an enclosure of the value)\n"
        "  --digits D      correct significant digits of every printed ball (default %d);\n"
        "                  the precision is raised until they are reached\n"
        "  --json          JSON output\n"
        "  --progress      progress on stderr (default: on a terminal): each precision\n"
        "                  attempt that falls short, or the points done (--points, --mc)\n\n"
        "Every printed ball [mid +/- rad] contains the true value.  The power series in h has\n"
        "a finite radius of convergence in general: the truncated sum is no substitute for\n"
        "the exact value at large h.\n"
        "Exit status: 0 success, 2 bad input, an unsupported problem, or digits not reached.\n",
        DEFAULT_ORDER, DEFAULT_DIGITS);
}

/* ------------------------------------------------------------------ */

/* One evaluation: coefficients, and at h the exact value (if any) and the
   truncated sum. */
typedef struct
{
    arb_poly_t coeffs;
    arb_t value, partial;
    int have_value;
    const char * route;       /* NULL: the problem's route */
}
wkb_result;

static void
wkb_result_init(wkb_result * r)
{
    arb_poly_init(r->coeffs);
    arb_init(r->value);
    arb_init(r->partial);
    r->have_value = 0;
    r->route = NULL;
}

static void
wkb_result_clear(wkb_result * r)
{
    arb_poly_clear(r->coeffs);
    arb_clear(r->value);
    arb_clear(r->partial);
}

/* Evaluate at precision prec; returns WKB_OK / WKB_UNSUPPORTED / WKB_FAIL,
   and sets *accurate. */
static int
evaluate(wkb_result * r, int * accurate, problem_t P, int nll, const fmpq * xq,
         const fmpq * hq, slong order, slong digits, slong prec)
{
    slong i, d = P->dim;
    arb_ptr x = NULL;
    arb_t h;
    int status;

    arb_init(h);
    problem_set_prec(P, prec);
    if (!nll)
    {
        x = _arb_vec_init(d);
        for (i = 0; i < d; i++)
            arb_set_fmpq(x + i, xq + i, prec);
        status = wkb_problem_loglik_series(r->coeffs, P, x, order, prec);
    }
    else
        status = wkb_problem_nll_series(r->coeffs, P, order, prec);

    *accurate = 0;
    if (status == WKB_OK)
    {
        *accurate = 1;
        for (i = 0; i <= order; i++)
        {
            arb_t c;
            arb_init(c);
            arb_poly_get_coeff_arb(c, r->coeffs, i);
            if (!cli_arb_is_accurate(c, digits))
                *accurate = 0;
            arb_clear(c);
        }
        if (hq != NULL)
        {
            int s;
            arb_set_fmpq(h, hq, prec);
            arb_poly_evaluate(r->partial, r->coeffs, h, prec);
            s = nll ? wkb_problem_nll(r->value, P, h, prec)
                    : wkb_problem_loglik(r->value, P, x, h, prec);
            r->have_value = (s == WKB_OK);
            if (r->have_value && !cli_arb_is_accurate(r->value, digits))
                *accurate = 0;
        }
    }
    arb_clear(h);
    if (x != NULL)
        _arb_vec_clear(x, d);
    return status;
}

/* d = 1 without an affine route: C_0 and C_1 by quadrature (cli_nll_quad);
   with h, the truncated sum C_0 + h C_1 (not an exact value). */
static int
nll_quad(wkb_result * r, problem_t P, const fmpq * hq, slong order, slong digits,
         const fmpq * tolq, int progress, char * err, size_t errlen)
{
    arb_t c, h;
    slong n;
    int st = CLI_OK;

    if (order > 1)
    {
        snprintf(err, errlen, "nll: only C_0 and C_1 are certified for this problem (d = 1 "
                 "quadrature): use --order 0 or 1, or --mc N for C_0 .. C_N");
        return CLI_EINPUT;
    }
    arb_init(c);
    arb_init(h);
    arb_poly_zero(r->coeffs);
    for (n = 0; n <= order && st == CLI_OK; n++)
    {
        st = cli_nll_quad(c, P, n, digits, tolq, progress, err, errlen);
        if (st == CLI_OK)
            arb_poly_set_coeff_arb(r->coeffs, n, c);
    }
    if (st == CLI_OK)
    {
        r->route = "d1-quadrature";
        r->have_value = 0;
        if (hq != NULL)
        {
            slong prec = cli_prec_for_digits(digits) + 32;
            arb_set_fmpq(h, hq, prec);
            arb_poly_evaluate(r->partial, r->coeffs, h, prec);
        }
    }
    arb_clear(c);
    arb_clear(h);
    return st;
}

/* Bits by which the ball x misses the accuracy that cli_arb_is_accurate
   asks for digits (0 if it has it, -1 if unknown: not finite).  Only a
   heuristic for the next working precision (never affects a result). */
static slong
_bits_missing(const arb_t x, slong digits)
{
    slong need = (digits * 3322) / 1000 + 1, have;

    if (cli_arb_is_accurate(x, digits))
        return 0;
    if (!arb_is_finite(x))
        return -1;
    if (!arb_contains_zero(x))
        have = arb_rel_accuracy_bits(x);
    else   /* the test |x| < 10^-digits: rad about 2^(-need - 1) */
        have = -(mag_is_zero(arb_radref(x)) ? -need : MAG_EXP(arb_radref(x))) - 1;
    return FLINT_MAX(1, need - have);
}

/* Raise the precision until accurate; returns CLI_OK or CLI_EINPUT (after a
   message in err).  The first attempt adds 5 bits per order to the digits'
   bits (the jet-transport route loses about 12 + 6 n bits to rounding in
   c_n, against the 32 guard bits: mixture1d at order 6 and 10 digits
   needed 83 bits, and the attempt at 65 bits cost a fifth of the one at
   130); a failed attempt is followed by one at prec + the missing bits +
   12 (the loss hardly depends on prec: mixture1d and the 25-Gaussian
   within a bit from 56 to 130 bits), at most twice prec; twice prec if a
   ball is not finite and from the third attempt on. */
static int
evaluate_to_digits(wkb_result * r, problem_t P, int nll, const fmpq * xq, const fmpq * hq,
                   slong order, slong digits, const fmpq * tolq, int progress, char * err,
                   size_t errlen)
{
    slong prec = cli_prec_for_digits(digits) + 5 * FLINT_MAX(order, 0);
    int accurate, status, retried = 0;

    for (;;)
    {
        status = evaluate(r, &accurate, P, nll, xq, hq, order, digits, prec);
        if (status == WKB_UNSUPPORTED && nll && P->dim == 1)
            return nll_quad(r, P, hq, order, digits, tolq, progress, err, errlen);
        if (tolq != NULL)
        {
            snprintf(err, errlen, "nll: --tol applies to the d = 1 quadrature (route "
                     "d1-quadrature) only; use --digits");
            return CLI_EINPUT;
        }
        if (status == WKB_UNSUPPORTED && nll && wkb_problem_route(P) != WKB_ROUTE_NONE)
        {
            snprintf(err, errlen, "nll: no certified NLL for this problem (route %s gives "
                     "certified log-likelihoods); --mc N gives a Monte Carlo estimate over data",
                     wkb_route_name(wkb_problem_route(P)));
            return CLI_EINPUT;
        }
        if (status == WKB_UNSUPPORTED)
        {
            snprintf(err, errlen, "%s: no certified route for this problem yet "
                     "(supported: %s)", nll ? "nll" : "loglik",
                     "scores affine in x: exact, scaled or gaussian scores of Gaussian data, "
                     "affine scores; mixture data with such scores for nll only");
            return CLI_EINPUT;
        }
        if (status == WKB_OK && accurate)
            return CLI_OK;
        if (2 * prec > cli_prec_max(digits))
        {
            snprintf(err, errlen, "%s: could not reach %ld digits at %ld bits of precision "
                     "(order %ld)", nll ? "nll" : "loglik", (long) digits, (long) prec,
                     (long) order);
            return CLI_EINPUT;
        }
        {
            slong i, miss = 0, b, was = prec;
            arb_t c;
            arb_init(c);
            if (status != WKB_OK)
                miss = -1;
            for (i = 0; i <= order && miss >= 0; i++)
            {
                arb_poly_get_coeff_arb(c, r->coeffs, i);
                b = _bits_missing(c, digits);
                miss = (b < 0) ? -1 : FLINT_MAX(miss, b);
            }
            if (miss >= 0 && hq != NULL && r->have_value)
            {
                b = _bits_missing(r->value, digits);
                miss = (b < 0) ? -1 : FLINT_MAX(miss, b);
            }
            else if (hq != NULL)
                miss = -1;
            arb_clear(c);
            if (miss < 0 || retried)
                prec *= 2;
            else
                prec = FLINT_MIN(2 * prec, prec + miss + 12);
            retried = 1;
            if (progress)
            {
                if (miss < 0)
                    fprintf(stderr, "diffwkb %s: %ld bits: no finite enclosure",
                            nll ? "nll" : "loglik", (long) was);
                else
                    fprintf(stderr, "diffwkb %s: %ld bits: %ld bits short of %ld digits",
                            nll ? "nll" : "loglik", (long) was, (long) miss, (long) digits);
                fprintf(stderr, "; next attempt at %ld bits\n", (long) prec);
                fflush(stderr);
            }
        }
    }
}

/* ------------------------------------------------------------------ output */

static void
print_text(FILE * out, const wkb_result * r, const problem_t P, const wkb_args * a,
           const char * xtext)
{
    slong i;
    char * s;
    arb_t c;
    const char * name = a->nll ? "C" : "c";

    arb_init(c);
    fprintf(out, "route = %s\n", r->route ? r->route : wkb_route_name(wkb_problem_route(P)));
    if (!a->nll)
        fprintf(out, "x = %s\n", xtext);
    for (i = 0; i <= a->order; i++)
    {
        arb_poly_get_coeff_arb(c, r->coeffs, i);
        s = cli_arb_str(c, a->digits);
        fprintf(out, "%s_%ld = %s\n", name, (long) i, s);
        flint_free(s);
    }
    if (a->htext != NULL)
    {
        fprintf(out, "h = %s\n", a->htext);
        if (r->have_value)
        {
            s = cli_arb_str(r->value, a->digits);
            fprintf(out, "%s = %s\n", a->nll ? "nll(h)" : "log_q(h)", s);
            flint_free(s);
        }
        else
            fprintf(out, "# no exact finite-h value on this route\n");
        s = cli_arb_str(r->partial, a->digits);
        fprintf(out, "# truncation, not certified as the value: sum_{n<=%ld} %s_n h^n\n",
                (long) a->order, name);
        fprintf(out, "partial_sum = %s\n", s);
        flint_free(s);
    }
    arb_clear(c);
}

static void
print_json(FILE * out, const wkb_result * r, const problem_t P, const wkb_args * a,
           const char * xtext)
{
    slong i;
    arb_t c;

    arb_init(c);
    fputs("{", out);
    if (!a->nll)
    {
        fputs("\"x\": ", out);
        cli_json_string_list(out, xtext);
        fputs(", ", out);
    }
    fputs("\"route\": ", out);
    cli_json_string(out, r->route ? r->route : wkb_route_name(wkb_problem_route(P)));
    fprintf(out, ", \"order\": %ld, \"coefficients\": [", (long) a->order);
    for (i = 0; i <= a->order; i++)
    {
        if (i > 0)
            fputs(", ", out);
        arb_poly_get_coeff_arb(c, r->coeffs, i);
        cli_json_ball(out, c, a->digits);
    }
    fputs("]", out);
    if (a->htext != NULL)
    {
        fputs(", \"h\": ", out);
        cli_json_string(out, a->htext);
        if (r->have_value)
        {
            fputs(", \"value\": ", out);
            cli_json_ball(out, r->value, a->digits);
        }
        fputs(", \"partial_sum\": ", out);
        cli_json_ball(out, r->partial, a->digits);
        fputs(", \"partial_sum_note\": \"truncation at order N, not an enclosure of the value\"",
              out);
    }
    fputs("}\n", out);
    arb_clear(c);
}

/* ------------------------------------------------------------------ --points */

typedef struct
{
    const wkb_args * a;
    const char * json_text;   /* problem text, each thread reads its own copy */
    slong prec0;
    slong npoints;
    char ** lines;            /* the point texts */
    fmpq ** xq;               /* parsed points */
    const fmpq * hq;
    char ** out;              /* per point: malloc'd JSON line (--points) */
    arb_poly_struct * coeffs; /* per point: the coefficients (--mc), or NULL */
    char ** err;              /* per point: malloc'd error, or NULL */
    slong next;               /* next point to take (under lock) */
    slong done;               /* points finished (under lock), for --progress */
    pthread_mutex_t lock;
}
points_job;

static void *
points_worker(void * arg)
{
    points_job * J = arg;
    problem_t P;
    char err[512];

    problem_init(P);
    if (problem_read_string(P, J->json_text, err, sizeof(err), J->prec0))
    {
        problem_clear(P);
        return NULL;   /* cannot happen: the text was read before */
    }
    for (;;)
    {
        slong k;
        wkb_result r;
        char * buf = NULL;
        size_t len = 0;
        FILE * mem;

        pthread_mutex_lock(&J->lock);
        k = J->next++;
        pthread_mutex_unlock(&J->lock);
        if (k >= J->npoints)
            break;

        wkb_result_init(&r);
        if (evaluate_to_digits(&r, P, 0, J->xq[k], J->hq, J->a->order, J->a->digits, NULL, 0,
                               err, sizeof(err)) != CLI_OK)
        {
            J->err[k] = strdup(err);
        }
        else if (J->coeffs != NULL)
        {
            arb_poly_set(J->coeffs + k, r.coeffs);
        }
        else
        {
            mem = open_memstream(&buf, &len);
            print_json(mem, &r, P, J->a, J->lines[k]);
            fclose(mem);
            J->out[k] = buf;
        }
        wkb_result_clear(&r);
        flint_cleanup();
        pthread_mutex_lock(&J->lock);
        J->done++;
        if (J->a->progress)
        {
            fprintf(stderr, "\rdiffwkb %s: %ld/%ld points", J->a->nll ? "nll --mc" : "loglik",
                    (long) J->done, (long) J->npoints);
            if (J->done == J->npoints)
                fputc('\n', stderr);
            fflush(stderr);
        }
        pthread_mutex_unlock(&J->lock);
    }
    problem_clear(P);
    flint_cleanup();
    return NULL;
}

/* Read the points file: returns the number of points, or -1 after an error
   naming the file and line. */
static slong
read_points(char *** lines_out, fmpq *** xq_out, const char * path, slong dim)
{
    FILE * f = fopen(path, "r");
    char * line = NULL;
    size_t cap = 0;
    ssize_t got;
    slong n = 0, alloc = 0, lineno = 0;
    char ** lines = NULL;
    fmpq ** xq = NULL;

    if (f == NULL)
    {
        cli_error("--points: cannot open '%s'", path);
        return -1;
    }
    while ((got = getline(&line, &cap, f)) != -1)
    {
        char * s = line, * e;
        char opt[64];
        fmpq * v;
        slong m;

        lineno++;
        while (*s == ' ' || *s == '\t')
            s++;
        e = s + strlen(s);
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            *--e = '\0';
        if (*s == '\0' || *s == '#')
            continue;
        snprintf(opt, sizeof(opt), "--points line %ld", (long) lineno);
        if ((m = cli_parse_fmpq_list(&v, s, opt)) < 0)
            goto fail;
        if (m != dim)
        {
            cli_error("--points line %ld: expected %ld coordinates, got %ld", (long) lineno,
                      (long) dim, (long) m);
            _fmpq_vec_clear(v, m);
            goto fail;
        }
        if (n == alloc)
        {
            alloc = FLINT_MAX(16, 2 * alloc);
            lines = realloc(lines, alloc * sizeof(char *));
            xq = realloc(xq, alloc * sizeof(fmpq *));
        }
        lines[n] = strdup(s);
        xq[n] = v;
        n++;
    }
    free(line);
    fclose(f);
    if (n == 0)
    {
        cli_error("--points: no points in '%s'", path);
        free(lines);
        free(xq);
        return -1;
    }
    *lines_out = lines;
    *xq_out = xq;
    return n;

fail:
    {
        slong k;
        for (k = 0; k < n; k++)
        {
            free(lines[k]);
            _fmpq_vec_clear(xq[k], dim);
        }
        free(lines);
        free(xq);
        free(line);
        fclose(f);
        return -1;
    }
}

/* Evaluate the loglik series at every point of J in a->threads threads.
   Returns CLI_OK, or CLI_EINPUT after an error naming the first point that
   failed (then nothing should be printed). */
static int
run_job(points_job * J, const wkb_args * a, problem_t P, const fmpq * hq)
{
    pthread_t * th;
    slong k, nthreads = FLINT_MIN(a->threads, J->npoints);

    J->a = a;
    J->json_text = P->json_text;
    J->prec0 = P->prec;
    J->hq = hq;
    J->out = calloc(J->npoints, sizeof(char *));
    J->err = calloc(J->npoints, sizeof(char *));
    pthread_mutex_init(&J->lock, NULL);
    th = malloc(nthreads * sizeof(pthread_t));
    for (k = 0; k < nthreads; k++)
        pthread_create(th + k, NULL, points_worker, J);
    for (k = 0; k < nthreads; k++)
        pthread_join(th[k], NULL);
    free(th);
    pthread_mutex_destroy(&J->lock);

    for (k = 0; k < J->npoints; k++)
    {
        if (J->err[k] != NULL || (J->coeffs == NULL && J->out[k] == NULL))
        {
            cli_error("point x = %s: %s", J->lines[k], J->err[k] ? J->err[k] : "evaluation failed");
            return CLI_EINPUT;
        }
    }
    return CLI_OK;
}

static void
points_job_clear(points_job * J, slong dim)
{
    slong k;
    for (k = 0; k < J->npoints; k++)
    {
        if (J->out != NULL)
            free(J->out[k]);
        if (J->err != NULL)
            free(J->err[k]);
        free(J->lines[k]);
        _fmpq_vec_clear(J->xq[k], dim);
        if (J->coeffs != NULL)
            arb_poly_clear(J->coeffs + k);
    }
    free(J->out);
    free(J->err);
    free(J->lines);
    free(J->xq);
    flint_free(J->coeffs);
}

static int
run_points(const wkb_args * a, problem_t P, const fmpq * hq)
{
    points_job J;
    slong k;
    int status;

    memset(&J, 0, sizeof(J));
    J.npoints = read_points(&J.lines, &J.xq, a->points, P->dim);
    if (J.npoints < 0)
        return CLI_EINPUT;
    /* all or nothing: an error at any point prints nothing on stdout */
    status = run_job(&J, a, P, hq);
    if (status == CLI_OK)
        for (k = 0; k < J.npoints; k++)
            fputs(J.out[k], stdout);
    points_job_clear(&J, P->dim);
    return status;
}

/* ------------------------------------------------------------------ --mc */

/*
    Monte Carlo estimate of the NLL coefficients C_n = E_{x ~ p_0}[-c_n(x)]
    for problems whose route gives certified c_n(x) but no certified NLL:
    a->mc points drawn from the data law p_0 (Philox streams of sample.h,
    seed a->seed; each double point is an exact rational), certified c_n at
    each, and their average with the standard error of the mean.  The
    average of the balls is certified as the sample mean of those points;
    as an estimate of C_n it is NOT certified.
*/
static int
run_mc(const wkb_args * a, problem_t P)
{
    points_job J;
    sample_mix_t X;
    double * x, * z, * work, u[2];
    slong k, i, n, d = P->dim;
    int status;
    char buf[64 * 64];

    memset(&J, 0, sizeof(J));
    if (sample_mix_set_target(X, P->data) != 0)
    {
        sample_mix_clear(X);
        cli_error("nll: --mc: the data law cannot be sampled in double precision");
        return CLI_EINPUT;
    }
    n = J.npoints = a->mc;
    J.lines = malloc(n * sizeof(char *));
    J.xq = malloc(n * sizeof(fmpq *));
    J.coeffs = flint_malloc(n * sizeof(arb_poly_struct));
    x = malloc(d * sizeof(double));
    z = malloc(d * sizeof(double));
    work = malloc(d * sizeof(double));
    for (k = 0; k < n; k++)
    {
        size_t len = 0;
        sample_uniforms(u, a->seed, (uint64_t) k, 0, SAMPLE_LANE_COMPONENT);
        sample_normals(z, d, a->seed, (uint64_t) k, 0);
        sample_mix_draw(x, X, 1.0, 0.0, u[1], z, work);
        J.xq[k] = _fmpq_vec_init(d);
        buf[0] = '\0';
        for (i = 0; i < d; i++)
        {
            arf_t t;
            arf_init(t);
            arf_set_d(t, x[i]);          /* exact */
            arf_get_fmpq(J.xq[k] + i, t);
            arf_clear(t);
            len += snprintf(buf + len, sizeof(buf) - len, "%s%.17g", i ? "," : "", x[i]);
        }
        J.lines[k] = strdup(buf);
        arb_poly_init(J.coeffs + k);
    }
    free(x);
    free(z);
    free(work);
    sample_mix_clear(X);

    status = run_job(&J, a, P, NULL);
    if (status == CLI_OK)
    {
        slong m;
        arb_t c, sum;
        char * str;
        double * se = malloc((a->order + 1) * sizeof(double));

        arb_init(c);
        arb_init(sum);
        if (a->json)
        {
            printf("{\"route\": ");
            cli_json_string(stdout, wkb_route_name(wkb_problem_route(P)));
            printf(", \"estimate\": \"monte-carlo\", \"certified\": false, \"n\": %ld, "
                   "\"seed\": %llu, \"order\": %ld, \"coefficients\": [",
                   (long) n, (unsigned long long) a->seed, (long) a->order);
        }
        else
        {
            printf("route = %s (certified c_n(x) at each point)\n",
                   wkb_route_name(wkb_problem_route(P)));
            printf("# Monte Carlo estimate over n = %ld points drawn from p_0 (seed %llu): NOT "
                   "certified.\n# C_n = mean of -c_n(x_i) (a ball enclosing the sample mean of "
                   "certified values) and its standard error\n",
                   (long) n, (unsigned long long) a->seed);
        }
        for (m = 0; m <= a->order; m++)
        {
            double s1 = 0, s2 = 0, v;
            arb_zero(sum);
            for (k = 0; k < n; k++)
            {
                arb_poly_get_coeff_arb(c, J.coeffs + k, m);
                arb_sub(sum, sum, c, P->prec);
                v = -arf_get_d(arb_midref(c), ARF_RND_NEAR);
                s1 += v;
                s2 += v * v;
            }
            arb_div_si(sum, sum, n, P->prec);
            s1 /= n;
            se[m] = n > 1 ? sqrt(FLINT_MAX(s2 / n - s1 * s1, 0.0) * n / (n - 1) / n) : 0.0;
            str = cli_arb_str(sum, a->digits);
            if (a->json)
            {
                if (m > 0)
                    printf(", ");
                cli_json_string(stdout, str);
            }
            else
                printf("C_%ld = %s  stderr %.3g\n", (long) m, str, se[m]);
            flint_free(str);
        }
        if (a->json)
        {
            printf("], \"stderr\": [");
            for (m = 0; m <= a->order; m++)
                printf("%s%.6g", m ? ", " : "", se[m]);
            printf("]}\n");
        }
        free(se);
        arb_clear(c);
        arb_clear(sum);
    }
    points_job_clear(&J, d);
    return status;
}

/* ------------------------------------------------------------------ --fast */

/* loglik --points FILE --fast: one JSON line per point, in the file's order */
static int
fast_points_run(const wkb_args * a, problem_t P, double tol)
{
    char ** lines;
    fmpq ** xq;
    slong n, k, i, d = P->dim, bad;
    double * x, * c;
    sample_model_t M;
    char err[256];
    int status = CLI_EINPUT;

    n = read_points(&lines, &xq, a->points, d);
    if (n < 0)
        return CLI_EINPUT;
    x = flint_malloc(sizeof(double) * FLINT_MAX(n, 1) * d);
    c = flint_malloc(sizeof(double) * FLINT_MAX(n, 1) * 2);
    for (k = 0; k < n; k++)
        cli_fmpq_vec_get_d(x + k * d, xq[k], d);
    sample_model_init(M, d);
    if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
        cli_error("%s: %s", a->file, err);
    else if ((bad = cli_fast_points(c, M, x, n, tol, a->threads, a->progress, "loglik --fast")) >= 0)
        cli_error("point x = %s: --fast: the extrapolation failed (step limit or a non-finite"
                  " value)", lines[bad]);
    else
    {
        for (k = 0; k < n; k++)
        {
            printf("{\"x\": [");
            for (i = 0; i < d; i++)
                printf("%s%.17g", i ? ", " : "", x[k * d + i]);
            printf("], \"route\": \"fast-adjoint-gbs\", \"certified\": false, \"tol\": %.3g,"
                   " \"c\": [%.17g, %.17g]}\n", tol, c[2 * k], c[2 * k + 1]);
        }
        status = CLI_OK;
    }
    sample_model_clear(M);
    for (k = 0; k < n; k++)
    {
        free(lines[k]);
        _fmpq_vec_clear(xq[k], d);
    }
    free(lines);
    free(xq);
    flint_free(x);
    flint_free(c);
    return status;
}

/* nll --mc N --fast: the Monte Carlo estimate of C_0 (and C_1) from fast
   per-point values at the points run_mc draws (same Philox streams) */
static int
fast_mc_run(const wkb_args * a, problem_t P, double tol)
{
    slong n = a->mc, d = P->dim, k, m, bad;
    double * x, * c, * z, * work, u[2], secs;
    sample_mix_t X;
    sample_model_t M;
    char err[256];
    int status = CLI_EINPUT;
    struct timespec t0, t1;

    if (sample_mix_set_target(X, P->data) != 0)
    {
        sample_mix_clear(X);
        cli_error("nll: --mc: the data law cannot be sampled in double precision");
        return CLI_EINPUT;
    }
    x = flint_malloc(sizeof(double) * n * d);
    c = flint_malloc(sizeof(double) * n * 2);
    z = flint_malloc(sizeof(double) * d);
    work = flint_malloc(sizeof(double) * d);
    for (k = 0; k < n; k++)
    {
        sample_uniforms(u, a->seed, (uint64_t) k, 0, SAMPLE_LANE_COMPONENT);
        sample_normals(z, d, a->seed, (uint64_t) k, 0);
        sample_mix_draw(x + k * d, X, 1.0, 0.0, u[1], z, work);
    }
    sample_mix_clear(X);
    sample_model_init(M, d);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
        cli_error("%s: %s", a->file, err);
    else if ((bad = cli_fast_points(c, M, x, n, tol, a->threads, a->progress, "nll --mc --fast"))
             >= 0)
        cli_error("nll: --mc --fast: the extrapolation failed at point %ld (step limit or a"
                  " non-finite value)", (long) bad);
    else
    {
        double mean[2], se[2];
        clock_gettime(CLOCK_MONOTONIC, &t1);
        secs = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
        for (m = 0; m <= a->order; m++)
        {
            /* mean and standard error of -c_m, summed in order (same for any T) */
            double s1 = 0, s2 = 0;
            for (k = 0; k < n; k++)
                s1 += -c[2 * k + m];
            s1 /= n;
            for (k = 0; k < n; k++)
                s2 += (-c[2 * k + m] - s1) * (-c[2 * k + m] - s1);
            mean[m] = s1;
            se[m] = sqrt(s2 / (n - 1) / n);
        }
        if (a->json)
        {
            printf("{\"route\": \"fast-adjoint-gbs\", \"estimate\": \"monte-carlo\","
                   " \"certified\": false, \"n\": %ld, \"seed\": %llu, \"order\": %ld,"
                   " \"tol\": %.3g, \"coefficients\": [", (long) n,
                   (unsigned long long) a->seed, (long) a->order, tol);
            for (m = 0; m <= a->order; m++)
                printf("%s%.12g", m ? ", " : "", mean[m]);
            printf("], \"stderr\": [");
            for (m = 0; m <= a->order; m++)
                printf("%s%.6g", m ? ", " : "", se[m]);
            printf("], \"seconds\": %.3f}\n", secs);
        }
        else
        {
            printf("route = fast-adjoint-gbs (c_n(x) at each point in double, tolerance %g: NOT"
                   " certified)\n", tol);
            printf("# Monte Carlo estimate over n = %ld points drawn from p_0 (seed %llu): NOT "
                   "certified.\n# C_n = mean of -c_n(x_i) and its standard error\n", (long) n,
                   (unsigned long long) a->seed);
            for (m = 0; m <= a->order; m++)
                printf("C_%ld = %.10g  stderr %.3g\n", (long) m, mean[m], se[m]);
            printf("# %.2f s wall, %ld threads\n", secs, (long) a->threads);
        }
        status = CLI_OK;
    }
    sample_model_clear(M);
    flint_free(x);
    flint_free(c);
    flint_free(z);
    flint_free(work);
    return status;
}

/* ------------------------------------------------------------------ main */

static int
parse_args(wkb_args * a, int argc, char ** argv)
{
    const char * val, * otext = NULL, * dtext = NULL, * ttext = NULL;
    const char * mctext = NULL, * seedtext = NULL;
    const char * cmd = a->nll ? "nll" : "loglik";
    int i, r;

    a->digits = DEFAULT_DIGITS;
    a->order = DEFAULT_ORDER;
    a->threads = 1;
    for (i = 1; i < argc; i++)
    {
        const char * s = argv[i];
        if (!strcmp(s, "--help") || !strcmp(s, "-h"))
        {
            usage(stdout, a->nll);
            return 1;
        }
        if (!strcmp(s, "--json"))
        {
            a->json = 1;
            continue;
        }
        if (!strcmp(s, "--progress"))
        {
            a->progress = 1;
            continue;
        }
        if (!strcmp(s, "--fast"))
        {
            a->fast = 1;
            continue;
        }
        if (!a->nll && !strcmp(s, "--check"))
        {
            a->check = 1;
            continue;
        }
#define OPT(NAME, VAR) \
        if ((r = cli_opt_value(&val, argc, argv, &i, NAME)) != 0) \
        { \
            if (r < 0) return -1; \
            VAR = val; \
            continue; \
        }
        OPT("--order", otext)
        OPT("--digits", dtext)
        OPT("--h", a->htext)
        OPT("--threads", ttext)
        if (!a->nll)
        {
            OPT("--x", a->xtext)
            OPT("--points", a->points)
        }
        OPT("--fast-tol", a->fasttol)
        if (a->nll)
        {
            OPT("--mc", mctext)
            OPT("--seed", seedtext)
            OPT("--tol", a->toltext)
        }
#undef OPT
        if (cli_positional_file(&a->file, s, cmd))
            return -1;
    }
    if (cli_require_file(a->file, cmd))
        return -1;
    if (!a->nll && (a->xtext == NULL) == (a->points == NULL))
    {
        cli_error("loglik: give exactly one of --x (a point) and --points (a file of points)");
        return -1;
    }
    if (otext != NULL && (a->order = cli_parse_slong(otext, "--order", 0, MAX_ORDER)) < 0)
        return -1;
    if (dtext != NULL && (a->digits = cli_parse_slong(dtext, "--digits", 1, CLI_DIGITS_MAX)) < 0)
        return -1;
    if (ttext != NULL && (a->threads = cli_parse_slong(ttext, "--threads", 1, MAX_THREADS)) < 0)
        return -1;
    if (mctext != NULL && (a->mc = cli_parse_slong(mctext, "--mc", 2, 100000000)) < 0)
        return -1;
    if (seedtext != NULL)
    {
        slong sd = cli_parse_slong(seedtext, "--seed", 0, WORD_MAX);
        if (sd < 0)
            return -1;
        a->seed = (uint64_t) sd;
    }
    if ((a->fasttol != NULL || a->check) && !a->fast)
    {
        cli_error("%s: %s needs --fast", cmd, a->check ? "--check" : "--fast-tol");
        return -1;
    }
    if (a->fast && (a->htext != NULL || dtext != NULL || (otext != NULL && a->order > 1)))
    {
        cli_error("%s: --fast gives c_0 and c_1 in double; %s is for the certified output", cmd,
                  a->htext ? "--h" : dtext ? "--digits" : "--order above 1");
        return -1;
    }
    if (a->fast && a->nll && !a->mc)
    {
        cli_error("nll: --fast needs --mc N (a Monte Carlo estimate from fast per-point values)");
        return -1;
    }
    if (a->check && a->points != NULL)
    {
        cli_error("loglik: --check takes one point (--x)");
        return -1;
    }
    if (a->fast && otext == NULL)
        a->order = 1;
    if (a->mc && a->htext != NULL)
    {
        cli_error("nll: --h cannot be combined with --mc");
        return -1;
    }
    if (a->mc && a->toltext != NULL)
    {
        cli_error("nll: --tol cannot be combined with --mc");
        return -1;
    }
    return 0;
}

static int
cmd_wkb(int argc, char ** argv, int nll)
{
    wkb_args a;
    fmpq * xq = NULL;
    fmpq_t hq, tolq;
    slong n = 0;
    problem_t P;
    int r, status = CLI_EINPUT;
    char err[512];

    memset(&a, 0, sizeof(a));
    a.nll = nll;
    if ((r = parse_args(&a, argc, argv)) != 0)
        return r > 0 ? CLI_OK : CLI_EINPUT;
    a.progress = a.progress || isatty(STDERR_FILENO);

    fmpq_init(hq);
    fmpq_init(tolq);
    problem_init(P);
    if (a.toltext != NULL)
    {
        if (cli_parse_fmpq(tolq, a.toltext, "--tol") < 0)
            goto done;
        if (fmpq_sgn(tolq) <= 0)
        {
            cli_error("--tol: the tolerance must be > 0, got '%s'", a.toltext);
            goto done;
        }
    }
    if (a.htext != NULL)
    {
        if (cli_parse_fmpq(hq, a.htext, "--h") < 0)
            goto done;
        if (fmpq_sgn(hq) < 0)
        {
            cli_error("--h: h must be >= 0, got '%s'", a.htext);
            goto done;
        }
    }
    if (a.xtext != NULL && (n = cli_parse_fmpq_list(&xq, a.xtext, "--x")) < 0)
        goto done;
    if (cli_read_problem(P, a.file, cli_prec_for_digits(a.digits)))
        goto done;
    if (a.xtext != NULL && n != P->dim)
    {
        cli_error("--x: expected %ld coordinates (dim of %s), got %ld", (long) P->dim, a.file,
                  (long) n);
        goto done;
    }
    if (wkb_problem_route(P) == WKB_ROUTE_NONE)
    {
        /* say so before any work (and before reading a points file) */
        wkb_result r0;
        wkb_result_init(&r0);
        evaluate_to_digits(&r0, P, nll, xq, NULL, 0, 1, NULL, 0, err, sizeof(err));
        wkb_result_clear(&r0);
        cli_error("%s: %s", a.file, err);
        goto done;
    }

    if (a.fast)
    {
        double tol = 1e-12;
        if (a.fasttol != NULL)
        {
            char * end;
            tol = strtod(a.fasttol, &end);
            if (end == a.fasttol || *end != '\0' || !(tol >= 1e-15 && tol <= 1e-2))
            {
                cli_error("--fast-tol: expected a number in [1e-15, 1e-2], got '%s'", a.fasttol);
                goto done;
            }
        }
        if (a.points != NULL)
            status = fast_points_run(&a, P, tol);
        else if (a.mc)
            status = fast_mc_run(&a, P, tol);
        else
            status = cli_loglik_fast(P, xq, tol, a.check, a.json, a.file);
        goto done;
    }
    if (a.points != NULL)
    {
        status = run_points(&a, P, a.htext ? hq : NULL);
        goto done;
    }
    if (a.mc)
    {
        status = run_mc(&a, P);
        goto done;
    }
    {
        wkb_result res;
        wkb_result_init(&res);
        /* one point: the threads go to FLINT (mixture components in parallel) */
        flint_set_num_threads(a.threads);
        if (evaluate_to_digits(&res, P, nll, xq, a.htext ? hq : NULL, a.order, a.digits,
                               a.toltext != NULL ? tolq : NULL, a.progress,
                               err, sizeof(err)) == CLI_OK)
        {
            if (a.json)
                print_json(stdout, &res, P, &a, a.xtext);
            else
                print_text(stdout, &res, P, &a, a.xtext);
            status = CLI_OK;
        }
        else
            cli_error("%s: %s", a.file, err);
        wkb_result_clear(&res);
    }

done:
    if (xq != NULL)
        _fmpq_vec_clear(xq, n);
    fmpq_clear(hq);
    fmpq_clear(tolq);
    problem_clear(P);
    return status;
}

int
cli_cmd_loglik(int argc, char ** argv)
{
    return cmd_wkb(argc, argv, 0);
}

int
cli_cmd_nll(int argc, char ** argv)
{
    return cmd_wkb(argc, argv, 1);
}
