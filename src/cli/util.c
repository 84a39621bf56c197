#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "cli.h"

void
cli_error(const char * fmt, ...)
{
    va_list ap;
    fputs("diffwkb: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Accept a plain decimal: [+-]digits[.digits][(e|E)[+-]digits]. */
static int
is_decimal(const char * s, size_t n)
{
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    if (i < n && s[i] == '.')
    {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    }
    if (digits == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
        size_t e = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') { i++; e++; }
        if (e == 0 || e > 9) return 0;
    }
    return i == n;
}

slong
cli_parse_point(arb_ptr * x, const char * text, const char * opt, slong prec)
{
    slong d = 1, i;
    const char * p;
    char buf[512];

    for (p = text; *p; p++)
        if (*p == ',') d++;
    *x = _arb_vec_init(d);
    p = text;
    for (i = 0; i < d; i++)
    {
        const char * q = strchr(p, ',');
        size_t n = q ? (size_t) (q - p) : strlen(p);
        if (n == 0 || n >= sizeof(buf) || !is_decimal(p, n))
        {
            cli_error("%s: coordinate %ld is not a decimal number: '%.*s'", opt, (long) (i + 1),
                      (int) (n < 40 ? n : 40), p);
            _arb_vec_clear(*x, d);
            *x = NULL;
            return -1;
        }
        memcpy(buf, p, n);
        buf[n] = '\0';
        if (arb_set_str(*x + i, buf, prec))
        {
            cli_error("%s: cannot read '%s'", opt, buf);
            _arb_vec_clear(*x, d);
            *x = NULL;
            return -1;
        }
        p = q ? q + 1 : p + n;
    }
    return d;
}

slong
cli_parse_slong(const char * text, const char * opt, slong lo, slong hi)
{
    char * end;
    long v;
    errno = 0;
    v = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || v < lo || v > hi)
    {
        cli_error("%s: expected an integer in [%ld, %ld], got '%s'", opt, (long) lo, (long) hi, text);
        return -1;
    }
    return v;
}

slong
cli_prec_for_digits(slong digits)
{
    /* log2(10) < 3.322; add guard bits for the evaluation */
    return (digits * 3322) / 1000 + 32;
}

char *
cli_arb_str(const arb_t x, slong digits)
{
    return arb_get_str(x, digits, 0);
}

int
cli_arb_has_digits(const arb_t x, slong digits)
{
    if (arb_is_exact(x))
        return 1;
    if (!arb_is_finite(x))
        return 0;
    return arb_rel_accuracy_bits(x) >= (digits * 3322) / 1000 + 1;
}

int
cli_opt_value(const char ** val, int argc, char ** argv, int * i, const char * name)
{
    const char * a = argv[*i];
    size_t n = strlen(name);

    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=')
    {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
    {
        cli_error("%s: missing value", name);
        return -1;
    }
    (*i)++;
    *val = argv[*i];
    return 1;
}

int
cli_parse_fmpq(fmpq_t res, const char * text, const char * opt)
{
    int r = problem_fmpq_set_str(res, text);
    if (r)
    {
        cli_error("%s: '%.40s' is %s", opt, text, problem_dec_error(r));
        return -1;
    }
    return 0;
}

slong
cli_parse_fmpq_list(fmpq ** v, const char * text, const char * opt)
{
    slong d = 1, i;
    const char * p;
    char * buf;
    int r;

    for (p = text; *p; p++)
        if (*p == ',')
            d++;
    *v = _fmpq_vec_init(d);
    buf = malloc(strlen(text) + 1);
    p = text;
    for (i = 0; i < d; i++)
    {
        const char * q = strchr(p, ',');
        size_t n = q ? (size_t) (q - p) : strlen(p);
        memcpy(buf, p, n);
        buf[n] = '\0';
        r = problem_fmpq_set_str(*v + i, buf);
        if (r)
        {
            cli_error("%s: coordinate %ld: '%.40s' is %s", opt, (long) (i + 1), buf,
                      problem_dec_error(r));
            free(buf);
            _fmpq_vec_clear(*v, d);
            *v = NULL;
            return -1;
        }
        p = q ? q + 1 : p + n;
    }
    free(buf);
    return d;
}

int
cli_read_problem(problem_t P, const char * path, slong prec)
{
    char err[512];
    if (problem_read_file(P, path, err, sizeof(err), prec))
    {
        cli_error("%s: %s", path, err);
        return CLI_EINPUT;
    }
    return 0;
}

int
cli_arb_is_accurate(const arb_t x, slong digits)
{
    arb_t r;
    int ok;

    if (cli_arb_has_digits(x, digits))
        return 1;
    if (!arb_is_finite(x) || !arb_contains_zero(x))
        return 0;
    /* |x| < 10^-digits */
    arb_init(r);
    arb_set_ui(r, 10);
    arb_pow_ui(r, r, digits, 64 + 4 * digits);
    arb_inv(r, r, 64 + 4 * digits);
    {
        arb_t b;
        arb_init(b);
        arb_get_abs_ubound_arf(arb_midref(b), x, 64);
        ok = arb_lt(b, r);
        arb_clear(b);
    }
    arb_clear(r);
    return ok;
}

int
cli_arb_vec_is_accurate(arb_srcptr v, slong n, slong digits)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!cli_arb_is_accurate(v + i, digits))
            return 0;
    return 1;
}

slong
cli_prec_max(slong digits)
{
    slong p = cli_prec_for_digits(digits);
    return FLINT_MAX(16 * p, 4096);
}

void
cli_json_string(FILE * out, const char * s)
{
    fputc('"', out);
    for (; *s; s++)
    {
        unsigned char c = (unsigned char) *s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 32)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void
cli_json_ball(FILE * out, const arb_t x, slong digits)
{
    char * s = cli_arb_str(x, digits);
    cli_json_string(out, s);
    flint_free(s);
}

void
cli_json_ball_vec(FILE * out, arb_srcptr v, slong n, slong digits)
{
    slong i;
    fputc('[', out);
    for (i = 0; i < n; i++)
    {
        if (i)
            fputs(", ", out);
        cli_json_ball(out, v + i, digits);
    }
    fputc(']', out);
}

void
cli_json_string_list(FILE * out, const char * text)
{
    char * buf = malloc(strlen(text) + 1);
    const char * p = text;
    int first = 1;
    fputc('[', out);
    for (;;)
    {
        const char * q = strchr(p, ',');
        size_t n = q ? (size_t) (q - p) : strlen(p);
        memcpy(buf, p, n);
        buf[n] = '\0';
        if (!first)
            fputs(", ", out);
        cli_json_string(out, buf);
        first = 0;
        if (q == NULL)
            break;
        p = q + 1;
    }
    fputc(']', out);
    free(buf);
}

char *
cli_fmpq_str(const fmpq_t x)
{
    fmpz_t d, m;
    slong k = 0;
    char * s, * out;
    size_t n, neg;

    fmpz_init(d);
    fmpz_init(m);
    fmpz_set(d, fmpq_denref(x));
    fmpz_set(m, fmpq_numref(x));
    /* den = 2^a 5^b: scale to m / 10^k */
    while (!fmpz_is_one(d) && k < 1000)
    {
        if (fmpz_divisible_si(d, 10))
            fmpz_divexact_ui(d, d, 10);
        else if (fmpz_divisible_si(d, 2))
        {
            fmpz_divexact_ui(d, d, 2);
            fmpz_mul_ui(m, m, 5);
        }
        else if (fmpz_divisible_si(d, 5))
        {
            fmpz_divexact_ui(d, d, 5);
            fmpz_mul_ui(m, m, 2);
        }
        else
            break;
        k++;
    }
    if (!fmpz_is_one(d))
    {
        fmpz_clear(d);
        fmpz_clear(m);
        return fmpq_get_str(NULL, 10, x);
    }
    s = fmpz_get_str(NULL, 10, m);
    neg = (s[0] == '-');
    n = strlen(s + neg);
    out = flint_malloc(n + k + 4);
    if (k == 0)
        strcpy(out, s);
    else if ((slong) n > k)
        sprintf(out, "%s%.*s.%s", neg ? "-" : "", (int) (n - k), s + neg, s + neg + n - k);
    else
    {
        char * o = out;
        if (neg)
            *o++ = '-';
        *o++ = '0';
        *o++ = '.';
        memset(o, '0', k - n);
        strcpy(o + (k - n), s + neg);
    }
    flint_free(s);
    fmpz_clear(d);
    fmpz_clear(m);
    return out;
}

int
cli_positional_file(const char ** file, const char * arg, const char * cmd)
{
    if (arg[0] == '-' && arg[1] != '\0')
    {
        cli_error("%s: unknown option '%s' (try diffwkb %s --help)", cmd, arg, cmd);
        return -1;
    }
    if (*file != NULL)
    {
        cli_error("%s: more than one problem file ('%s', '%s')", cmd, *file, arg);
        return -1;
    }
    *file = arg;
    return 0;
}

int
cli_require_file(const char * file, const char * cmd)
{
    if (file == NULL)
    {
        cli_error("%s: missing PROBLEM file (try diffwkb %s --help)", cmd, cmd);
        return -1;
    }
    return 0;
}
