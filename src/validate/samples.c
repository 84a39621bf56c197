/*
    validate_samples_*: a sample set in double, and its CSV reader.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/validate.h"

void
validate_samples_init(validate_samples_t S)
{
    S->n = 0;
    S->d = 0;
    S->x = NULL;
    S->alloc = 0;
}

void
validate_samples_clear(validate_samples_t S)
{
    flint_free(S->x);
    validate_samples_init(S);
}

void
validate_samples_push(validate_samples_t S, const double * x, slong d)
{
    slong j;
    if (S->n == 0)
        S->d = d;
    if ((S->n + 1) * S->d > S->alloc)
    {
        S->alloc = FLINT_MAX(2 * S->alloc, 64 * S->d);
        S->x = (double *) flint_realloc(S->x, sizeof(double) * S->alloc);
    }
    for (j = 0; j < d; j++)
        S->x[S->n * S->d + j] = x[j];
    S->n++;
}

/* One decimal number: [+-]digits[.digits][(e|E)[+-]digits] (or .digits). */
static int
parse_decimal(double * v, const char * s, const char ** end)
{
    const char * p = s;
    int digits = 0;
    char * e;
    if (*p == '+' || *p == '-')
        p++;
    while (isdigit((unsigned char) *p))
        p++, digits++;
    if (*p == '.')
    {
        p++;
        while (isdigit((unsigned char) *p))
            p++, digits++;
    }
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E')
    {
        const char * q = p + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (!isdigit((unsigned char) *q))
            return 0;
        while (isdigit((unsigned char) *q))
            q++;
        p = q;
    }
    errno = 0;
    *v = strtod(s, &e);
    if (e != p || !isfinite(*v))
        return 0;
    *end = p;
    return 1;
}

int
validate_samples_read(validate_samples_t S, FILE * fp, const char * name, slong d,
                      char * err, size_t errlen)
{
    char * line = NULL;
    size_t cap = 0, len;
    slong lineno = 0, k, alloc = 8;
    double * buf = (double *) flint_malloc(sizeof(double) * alloc);
    int status = 0;

    for (;;)
    {
        int c;
        const char * p;
        len = 0;
        while ((c = fgetc(fp)) != EOF && c != '\n')
        {
            if (len + 2 > cap)
            {
                cap = cap ? 2 * cap : 256;
                line = (char *) flint_realloc(line, cap);
            }
            line[len++] = (char) c;
        }
        if (c == EOF && len == 0)
            break;
        lineno++;
        if (line == NULL)
        {
            cap = 256;
            line = (char *) flint_malloc(cap);
        }
        line[len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\0')
            continue;
        if (memchr(line, '\0', len) != NULL)
        {
            snprintf(err, errlen, "%s:%ld: NUL byte in the line", name, (long) lineno);
            status = 2;
            break;
        }
        k = 0;
        for (;;)
        {
            const char * e;
            double v;
            while (*p == ' ' || *p == '\t')
                p++;
            if (!parse_decimal(&v, p, &e))
            {
                const char * q = p;
                int w = 0;
                while (q[w] != '\0' && q[w] != ',' && w < 24)
                    w++;
                if (w == 0)
                    snprintf(err, errlen, "%s:%ld: empty field %ld", name, (long) lineno,
                             (long) (k + 1));
                else
                    snprintf(err, errlen, "%s:%ld: field %ld: not a finite decimal number: '%.*s'",
                             name, (long) lineno, (long) (k + 1), w, q);
                status = 2;
                goto done;
            }
            if (k >= alloc)
            {
                alloc *= 2;
                buf = (double *) flint_realloc(buf, sizeof(double) * alloc);
            }
            buf[k++] = v;
            p = e;
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p == ',')
            {
                p++;
                continue;
            }
            if (*p != '\0')
            {
                snprintf(err, errlen, "%s:%ld: field %ld: unexpected text '%.24s'", name,
                         (long) lineno, (long) k, p);
                status = 2;
                goto done;
            }
            break;
        }
        if (d == 0)
            d = (S->n > 0) ? S->d : k;
        if (k != d)
        {
            snprintf(err, errlen, "%s:%ld: %ld coordinate%s, expected %ld", name, (long) lineno,
                     (long) k, k == 1 ? "" : "s", (long) d);
            status = 2;
            break;
        }
        validate_samples_push(S, buf, d);
        if (c == EOF)
            break;
    }
done:
    if (status == 0 && ferror(fp))
    {
        snprintf(err, errlen, "%s: read error", name);
        status = 2;
    }
    if (status == 0 && S->n == 0)
    {
        snprintf(err, errlen, "%s: no samples", name);
        status = 2;
    }
    flint_free(line);
    flint_free(buf);
    return status;
}
