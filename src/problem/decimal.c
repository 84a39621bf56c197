/*
    problem_fmpq_set_str: exact decimals and quotients of decimals.
*/
#include <string.h>
#include <stdlib.h>
#include "diffwkb/problem.h"

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* res = the decimal s[0..n-1] exactly. */
static int
_decimal_set_str(fmpq_t res, const char * s, size_t n)
{
    size_t i = 0, int_start, int_len, frac_start = 0, frac_len = 0, nd;
    int neg = 0;
    slong e = 0, shift;
    char * buf;
    fmpz_t M, P;

    if (i < n && (s[i] == '+' || s[i] == '-'))
    {
        neg = (s[i] == '-');
        i++;
    }
    int_start = i;
    while (i < n && is_digit(s[i]))
        i++;
    int_len = i - int_start;
    if (int_len == 0)
        return PROBLEM_DEC_SYNTAX;
    if (i < n && s[i] == '.')
    {
        i++;
        frac_start = i;
        while (i < n && is_digit(s[i]))
            i++;
        frac_len = i - frac_start;
        if (frac_len == 0)
            return PROBLEM_DEC_SYNTAX;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
        int eneg = 0;
        size_t elen = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
        {
            eneg = (s[i] == '-');
            i++;
        }
        while (i < n && is_digit(s[i]))
        {
            if (e <= PROBLEM_DEC_MAX_EXP)
                e = 10 * e + (s[i] - '0');
            i++;
            elen++;
        }
        if (elen == 0)
            return PROBLEM_DEC_SYNTAX;
        if (i == n && e > PROBLEM_DEC_MAX_EXP)
            return PROBLEM_DEC_RANGE;
        if (eneg)
            e = -e;
    }
    if (i != n)
        return PROBLEM_DEC_SYNTAX;

    nd = int_len + frac_len;
    if (nd > PROBLEM_DEC_MAX_DIGITS)
        return PROBLEM_DEC_RANGE;

    buf = malloc(nd + 1);
    memcpy(buf, s + int_start, int_len);
    if (frac_len)
        memcpy(buf + int_len, s + frac_start, frac_len);
    buf[nd] = '\0';

    fmpz_init(M);
    fmpz_init(P);
    fmpz_set_str(M, buf, 10);
    free(buf);
    if (neg)
        fmpz_neg(M, M);

    shift = e - (slong) frac_len;
    if (fmpz_is_zero(M))
    {
        fmpq_zero(res);
    }
    else if (shift >= 0)
    {
        fmpz_ui_pow_ui(P, 10, shift);
        fmpz_mul(fmpq_numref(res), M, P);
        fmpz_one(fmpq_denref(res));
    }
    else
    {
        fmpz_ui_pow_ui(P, 10, -shift);
        fmpz_set(fmpq_numref(res), M);
        fmpz_set(fmpq_denref(res), P);
        fmpq_canonicalise(res);
    }
    fmpz_clear(M);
    fmpz_clear(P);
    return 0;
}

int
problem_fmpq_set_str(fmpq_t res, const char * s)
{
    const char * slash = strchr(s, '/');
    int r;

    if (slash == NULL)
        return _decimal_set_str(res, s, strlen(s));
    else
    {
        fmpq_t q;
        if (strchr(slash + 1, '/') != NULL)
            return PROBLEM_DEC_SYNTAX;
        r = _decimal_set_str(res, s, slash - s);
        if (r)
            return r;
        fmpq_init(q);
        r = _decimal_set_str(q, slash + 1, strlen(slash + 1));
        if (r == 0 && fmpq_is_zero(q))
            r = PROBLEM_DEC_ZERO_DEN;
        if (r == 0)
            fmpq_div(res, res, q);
        fmpq_clear(q);
        return r;
    }
}

const char *
problem_dec_error(int code)
{
    switch (code)
    {
        case 0:
            return "ok";
        case PROBLEM_DEC_SYNTAX:
            return "not a decimal number (expected [+-]digits[.digits][e[+-]digits] or p/q)";
        case PROBLEM_DEC_RANGE:
            return "number out of range (exponent beyond 10000 or more than 10000 digits)";
        case PROBLEM_DEC_ZERO_DEN:
            return "division by zero in p/q";
        default:
            return "unknown error";
    }
}
