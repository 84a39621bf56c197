/*
    diffwkb sample: draw samples of the h-family (Eq. 9) with the fast
    double-precision samplers of sample.h, write them as CSV.
*/
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "diffwkb/sample.h"

static void
sample_usage(FILE * out)
{
    fprintf(out,
        "Usage: diffwkb sample PROBLEM --h H --steps K --n N [options]\n"
        "Draw N samples of Eq. (9), dx = [f x - (1+h)/2 g^2 s] dt + sqrt(h) g dwbar, from the\n"
        "prior at T down to t0, in double precision (the fast, NOT certified path).\n\n"
        "  --h H          noise level h >= 0 (em; the pf-* methods need h = 0, the default for them)\n"
        "  --steps K      number of uniform time steps (pf-rk45: initial step (T-t0)/K, default 100)\n"
        "  --n N          number of samples\n"
        "  --method M     em (default) | pf-euler | pf-heun | pf-rk4 | pf-rk45\n"
        "  --seed S       64-bit seed of the Philox4x32-10 streams (default 0)\n"
        "  --threads T    threads (default: the number of online CPUs); samples do not depend on T\n"
        "  --out FILE     write CSV to FILE (atomically, via a temporary file); default stdout\n"
        "  --rtol R       pf-rk45 relative tolerance (default 1e-6)\n"
        "  --atol A       pf-rk45 absolute tolerance (default 1e-9)\n"
        "  --progress     show progress on stderr (default: only on a terminal, after 1 s)\n"
        "  --help         this help\n\n"
        "Output: '#' provenance lines, then one sample per line, coordinates separated by\n"
        "commas (%%.17g).  Sample i depends only on (problem, options, seed, i).\n"
        "Exit status: 0 success, 2 bad input or error (nothing half-written).\n");
}

/* ---- output file cleanup on signals ---------------------------------- */

static char tmp_path[4096];
static volatile sig_atomic_t tmp_live = 0;

static void
on_signal(int sig)
{
    if (tmp_live)
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- progress --------------------------------------------------------- */

typedef struct
{
    int forced;
    int shown;
    double last;
    struct timespec start;
}
progress_state;

static double
elapsed(const struct timespec * t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) (t.tv_sec - t0->tv_sec) + 1e-9 * (double) (t.tv_nsec - t0->tv_nsec);
}

static void
show_progress(void * arg, double frac)
{
    progress_state * p = (progress_state *) arg;
    if ((!p->forced && elapsed(&p->start) < 1.0) || (p->shown && frac == p->last))
        return;
    p->last = frac;
    fprintf(stderr, "\rdiffwkb sample: %5.1f%%", 100.0 * frac);
    fflush(stderr);
    p->shown = 1;
}

/* Shortest of %.15g, %.16g, %.17g that reads back as x. */
static void
print_double(FILE * fp, const char * key, double x)
{
    char buf[40];
    int p;
    for (p = 15; p <= 17; p++)
    {
        snprintf(buf, sizeof(buf), "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    fprintf(fp, "# %s: %s\n", key, buf);
}

/* ---- option parsing --------------------------------------------------- */

static int
parse_double(double * res, const char * text, const char * opt, int positive)
{
    char * end;
    double v;
    errno = 0;
    v = strtod(text, &end);
    if (errno || end == text || *end != '\0' || !isfinite(v) || v < 0.0
        || (positive && v == 0.0))
    {
        cli_error("%s: expected a %s number, got '%s'", opt,
                  positive ? "positive" : "non-negative", text);
        return -1;
    }
    *res = v;
    return 0;
}

static int
parse_u64(uint64_t * res, const char * text, const char * opt)
{
    char * end;
    unsigned long long v;
    errno = 0;
    if (text[0] == '-' || text[0] == '+' || text[0] == '\0')
        goto bad;
    v = strtoull(text, &end, 0);
    if (errno || *end != '\0')
        goto bad;
    *res = (uint64_t) v;
    return 0;
bad:
    cli_error("%s: expected an integer in [0, 2^64), got '%s'", opt, text);
    return -1;
}

int
cli_cmd_sample(int argc, char ** argv)
{
    const char * path = NULL, * out = NULL;
    const char * h_text = NULL, * steps_text = NULL, * n_text = NULL;
    int status = CLI_EINPUT, progress_flag = 0;
    slong i;
    slong n = 0, d, j, nonfinite = 0;
    long ncpu;
    sample_opts_t O;
    sample_model_t M;
    problem_t P;
    char err[512];
    double * X = NULL;
    FILE * fp = NULL;
    progress_state ps;

    sample_opts_init(O);
    ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    O->threads = (ncpu >= 1) ? FLINT_MIN(ncpu, 256) : 1;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * val = NULL;
        char name[32];
        const char * eq;

        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
        {
            sample_usage(stdout);
            return CLI_OK;
        }
        if (!strcmp(a, "--progress"))
        {
            progress_flag = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || a[2] == '\0')
        {
            if (a[0] == '-' && a[1] != '\0')
            {
                cli_error("sample: unknown option '%s' (try diffwkb sample --help)", a);
                return CLI_EINPUT;
            }
            if (path != NULL)
            {
                cli_error("sample: more than one problem file ('%s' and '%s')", path, a);
                return CLI_EINPUT;
            }
            path = a;
            continue;
        }
        /* --name VALUE or --name=VALUE */
        eq = strchr(a, '=');
        if (eq != NULL)
        {
            size_t len = (size_t) (eq - a);
            if (len >= sizeof(name))
                len = sizeof(name) - 1;
            memcpy(name, a, len);
            name[len] = '\0';
            val = eq + 1;
        }
        else
        {
            strncpy(name, a, sizeof(name) - 1);
            name[sizeof(name) - 1] = '\0';
        }
        if (strcmp(name, "--h") && strcmp(name, "--steps") && strcmp(name, "--n")
            && strcmp(name, "--method") && strcmp(name, "--seed") && strcmp(name, "--threads")
            && strcmp(name, "--out") && strcmp(name, "--rtol") && strcmp(name, "--atol"))
        {
            cli_error("sample: unknown option '%s' (try diffwkb sample --help)", name);
            return CLI_EINPUT;
        }
        if (val == NULL)
        {
            if (i + 1 >= argc)
            {
                cli_error("%s: missing value", name);
                return CLI_EINPUT;
            }
            val = argv[++i];
        }
        if (!strcmp(name, "--h"))
        {
            if (parse_double(&O->h, val, "--h", 0))
                return CLI_EINPUT;
            h_text = val;
        }
        else if (!strcmp(name, "--steps"))
        {
            O->steps = cli_parse_slong(val, "--steps", 1, (slong) 0xFFFFFFF0);
            if (O->steps < 0)
                return CLI_EINPUT;
            steps_text = val;
        }
        else if (!strcmp(name, "--n"))
        {
            n = cli_parse_slong(val, "--n", 1, WORD(1000000000000));
            if (n < 0)
                return CLI_EINPUT;
            n_text = val;
        }
        else if (!strcmp(name, "--method"))
        {
            int m = sample_method_from_name(val);
            if (m < 0)
            {
                cli_error("--method: unknown method '%s' (em, pf-euler, pf-heun, pf-rk4, pf-rk45)",
                          val);
                return CLI_EINPUT;
            }
            O->method = (sample_method) m;
        }
        else if (!strcmp(name, "--seed"))
        {
            if (parse_u64(&O->seed, val, "--seed"))
                return CLI_EINPUT;
        }
        else if (!strcmp(name, "--threads"))
        {
            O->threads = cli_parse_slong(val, "--threads", 1, 1024);
            if (O->threads < 0)
                return CLI_EINPUT;
        }
        else if (!strcmp(name, "--out"))
        {
            if (val[0] == '\0')
            {
                cli_error("--out: empty file name");
                return CLI_EINPUT;
            }
            out = val;
        }
        else if (!strcmp(name, "--rtol"))
        {
            if (parse_double(&O->rtol, val, "--rtol", 1))
                return CLI_EINPUT;
        }
        else if (!strcmp(name, "--atol"))
        {
            if (parse_double(&O->atol, val, "--atol", 0))
                return CLI_EINPUT;
        }
    }

    if (path == NULL)
    {
        cli_error("sample: missing PROBLEM file (try diffwkb sample --help)");
        return CLI_EINPUT;
    }
    if (n_text == NULL)
    {
        cli_error("--n: missing (the number of samples)");
        return CLI_EINPUT;
    }
    if (O->method == SAMPLE_EM)
    {
        if (h_text == NULL)
        {
            cli_error("--h: missing (the noise level of em; h = 0 is the probability-flow ODE)");
            return CLI_EINPUT;
        }
    }
    else if (O->h != 0.0 && h_text != NULL)
    {
        cli_error("--h: method %s integrates the probability-flow ODE, h must be 0 (got '%s')",
                  sample_method_name(O->method), h_text);
        return CLI_EINPUT;
    }
    else
        O->h = 0.0;
    if (steps_text == NULL)
    {
        if (O->method != SAMPLE_PF_RK45)
        {
            cli_error("--steps: missing (the number of time steps)");
            return CLI_EINPUT;
        }
        O->steps = 100;
    }

    problem_init(P);
    if (problem_read_file(P, path, err, sizeof(err), 128) != 0)
    {
        cli_error("%s: %s", path, err);
        problem_clear(P);
        return CLI_EINPUT;
    }
    sample_model_init(M, P->dim);
    if (sample_model_set_problem(M, P, err, sizeof(err)) != SAMPLE_OK)
    {
        cli_error("%s: %s", path, err);
        goto cleanup;
    }
    d = M->d;

    if ((size_t) n > ((size_t) -1) / sizeof(double) / (size_t) d
        || (X = (double *) malloc(sizeof(double) * (size_t) n * (size_t) d)) == NULL)
    {
        cli_error("--n: cannot allocate %ld samples of dimension %ld", (long) n, (long) d);
        goto cleanup;
    }

    /* Open the temporary output now, so that an unwritable place fails early. */
    if (out != NULL)
    {
        int fd;
        if (strlen(out) + 16 >= sizeof(tmp_path))
        {
            cli_error("--out: file name too long");
            goto cleanup;
        }
        snprintf(tmp_path, sizeof(tmp_path), "%s.tmp.XXXXXX", out);
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
        fd = mkstemp(tmp_path);
        if (fd < 0)
        {
            cli_error("--out: cannot create a file beside '%s': %s", out, strerror(errno));
            goto cleanup;
        }
        tmp_live = 1;
        fp = fdopen(fd, "w");
        if (fp == NULL)
        {
            close(fd);
            cli_error("--out: cannot open '%s': %s", tmp_path, strerror(errno));
            goto cleanup;
        }
    }
    else
        fp = stdout;

    ps.forced = progress_flag;
    ps.shown = 0;
    ps.last = -1.0;
    clock_gettime(CLOCK_MONOTONIC, &ps.start);
    if (progress_flag || isatty(STDERR_FILENO))
    {
        O->progress = show_progress;
        O->progress_arg = &ps;
    }

    if (sample_run(X, 0, n, M, O) != SAMPLE_OK)
    {
        if (ps.shown)
            fputc('\n', stderr);
        cli_error("sample: the sampler failed (out of memory or cannot start threads)");
        goto cleanup;
    }
    if (ps.shown)
        fputc('\n', stderr);

    fprintf(fp, "# diffwkb %s sample\n", diffwkb_version());
    fprintf(fp, "# problem: %s\n", path);
    fprintf(fp, "# dim: %ld\n", (long) d);
    fprintf(fp, "# schedule: %s\n", sched_name(P->sde->type));
    fprintf(fp, "# score: %s\n", problem_score_name(P));
    fprintf(fp, "# prior: %s\n", problem_prior_name(P->prior));
    print_double(fp, "t0", M->t0);
    print_double(fp, "T", M->T);
    fprintf(fp, "# method: %s\n", sample_method_name(O->method));
    print_double(fp, "h", O->h);
    fprintf(fp, "# steps: %ld\n", (long) O->steps);
    if (O->method == SAMPLE_PF_RK45)
    {
        print_double(fp, "rtol", O->rtol);
        print_double(fp, "atol", O->atol);
    }
    fprintf(fp, "# seed: %llu\n", (unsigned long long) O->seed);
    fprintf(fp, "# n: %ld\n", (long) n);
    fprintf(fp, "# rng: philox4x32-10, ctr = (i, step, lane), Box-Muller\n");
    for (i = 0; i < n; i++)
    {
        const double * x = X + (size_t) i * d;
        for (j = 0; j < d; j++)
        {
            if (!isfinite(x[j]))
                nonfinite++;
            fprintf(fp, j + 1 < d ? "%.17g," : "%.17g\n", x[j]);
        }
    }

    if (out != NULL)
    {
        int bad = ferror(fp);
        bad |= (fflush(fp) != 0);
        bad |= (fsync(fileno(fp)) != 0 && errno != EINVAL);
        bad |= (fclose(fp) != 0);
        fp = NULL;
        if (bad)
        {
            cli_error("--out: write error on '%s': %s", tmp_path, strerror(errno));
            goto cleanup;
        }
        if (rename(tmp_path, out) != 0)
        {
            cli_error("--out: cannot rename '%s' to '%s': %s", tmp_path, out, strerror(errno));
            goto cleanup;
        }
        tmp_live = 0;
    }
    else if (fflush(stdout) != 0 || ferror(stdout))
    {
        cli_error("sample: write error on standard output");
        goto cleanup;
    }
    if (nonfinite > 0)
        cli_error("sample: warning: %ld coordinates are not finite (divergence or the pf-rk45 "
                  "step limit)", (long) nonfinite);
    status = CLI_OK;

cleanup:
    if (out != NULL && fp != NULL)
        fclose(fp);
    if (tmp_live)
    {
        unlink(tmp_path);
        tmp_live = 0;
    }
    free(X);
    sample_model_clear(M);
    problem_clear(P);
    return status;
}
