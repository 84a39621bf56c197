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
