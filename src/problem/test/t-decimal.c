/*
    t-decimal: problem_fmpq_set_str reads decimals and p/q exactly.
    Checks fixed cases ("0.1" + "0.2" == "0.3", "1e-3", "1/3", ...), random
    round trips M * 10^e written in several forms, random quotients, and
    rejection of malformed strings.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/problem.h"

static int
check_eq(const char * s, slong p, ulong q)
{
    fmpq_t x, y;
    int r, ok;
    fmpq_init(x);
    fmpq_init(y);
    r = problem_fmpq_set_str(x, s);
    fmpq_set_si(y, p, q);
    ok = (r == 0 && fmpq_equal(x, y));
    if (!ok)
    {
        flint_printf("FAIL: '%s' (code %d) read as ", s, r);
        fmpq_print(x);
        flint_printf(", expected %wd/%wu\n", p, q);
    }
    fmpq_clear(x);
    fmpq_clear(y);
    return ok;
}

static int
check_bad(const char * s, int code)
{
    fmpq_t x;
    int r;
    fmpq_init(x);
    r = problem_fmpq_set_str(x, s);
    fmpq_clear(x);
    if (r != code)
    {
        flint_printf("FAIL: '%s' gave code %d, expected %d\n", s, r, code);
        return 0;
    }
    return 1;
}

/* s = the decimal string of M * 10^e written in form f */
static char *
write_decimal(const fmpz_t M, slong e, int form)
{
    char * digits = fmpz_get_str(NULL, 10, M);
    char * sign = (digits[0] == '-') ? "-" : "";
    char * dg = digits + (digits[0] == '-');
    slong nd = strlen(dg), k;
    char * out = flint_malloc(nd + 64);

    if (form == 0)        /* M e E */
        sprintf(out, "%s%se%ld", sign, dg, (long) e);
    else if (form == 1)   /* M E+e with capital E */
        sprintf(out, "%s%sE%+ld", sign, dg, (long) e);
    else                  /* d.ddd e(e + nd - 1), or int.frac when possible */
    {
        if (nd > 1)
        {
            k = sprintf(out, "%s%c.", sign, dg[0]);
            sprintf(out + k, "%se%ld", dg + 1, (long) (e + nd - 1));
        }
        else
            sprintf(out, "%s%s.0e%ld", sign, dg, (long) e);
    }
    flint_free(digits);
    return out;
}

int
main(void)
{
    flint_rand_t state;
    slong iter;
    int ok = 1;
    fmpq_t a, b, c;

    flint_randinit(state);
    fmpq_init(a);
    fmpq_init(b);
    fmpq_init(c);

    /* "0.1" + "0.2" == "0.3" exactly */
    problem_fmpq_set_str(a, "0.1");
    problem_fmpq_set_str(b, "0.2");
    problem_fmpq_set_str(c, "0.3");
    fmpq_add(a, a, b);
    if (!fmpq_equal(a, c))
    {
        flint_printf("FAIL: 0.1 + 0.2 != 0.3\n");
        ok = 0;
    }

    ok &= check_eq("0.3", 3, 10);
    ok &= check_eq("1e-3", 1, 1000);
    ok &= check_eq("1E3", 1000, 1);
    ok &= check_eq("1.0E+2", 100, 1);
    ok &= check_eq("-2.50", -5, 2);
    ok &= check_eq("+7", 7, 1);
    ok &= check_eq("-0", 0, 1);
    ok &= check_eq("0.000", 0, 1);
    ok &= check_eq("1/3", 1, 3);
    ok &= check_eq("-1/3", -1, 3);
    ok &= check_eq("0.5/-0.25", -2, 1);
    ok &= check_eq("1e1/1e2", 1, 10);
    ok &= check_eq("0.0025/7.997584", 2500, 7997584);
    ok &= check_eq("007.50", 15, 2);

    ok &= check_bad("", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("abc", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("NaN", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("Infinity", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("-inf", PROBLEM_DEC_SYNTAX);
    ok &= check_bad(".5", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("5.", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1e", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1e+", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("0x10", PROBLEM_DEC_SYNTAX);
    ok &= check_bad(" 1", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1 ", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1,5", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("--1", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1/2/3", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1/", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("/2", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("(1/2)", PROBLEM_DEC_SYNTAX);
    ok &= check_bad("1/0", PROBLEM_DEC_ZERO_DEN);
    ok &= check_bad("1/0.0e5", PROBLEM_DEC_ZERO_DEN);
    ok &= check_bad("1e10001", PROBLEM_DEC_RANGE);
    ok &= check_bad("1e-99999999999999999999", PROBLEM_DEC_RANGE);
    {
        fmpq_t x;
        fmpz_t p;
        fmpq_init(x);
        fmpz_init(p);
        problem_fmpq_set_str(x, "1e-10000");
        fmpz_ui_pow_ui(p, 10, 10000);
        if (!fmpz_is_one(fmpq_numref(x)) || !fmpz_equal(fmpq_denref(x), p))
        {
            flint_printf("FAIL: 1e-10000\n");
            ok = 0;
        }
        fmpq_clear(x);
        fmpz_clear(p);
    }

    /* random round trips: M * 10^e written three ways */
    for (iter = 0; iter < 3000 && ok; iter++)
    {
        fmpz_t M, P;
        slong e = (slong) n_randint(state, 81) - 40;
        int form = n_randint(state, 3);
        char * s;
        int r;

        fmpz_init(M);
        fmpz_init(P);
        fmpz_randtest(M, state, 1 + n_randint(state, 200));
        s = write_decimal(M, e, form);
        /* expected value, independently: M * 10^e */
        fmpz_ui_pow_ui(P, 10, e >= 0 ? e : -e);
        if (e >= 0)
        {
            fmpz_mul(fmpq_numref(b), M, P);
            fmpz_one(fmpq_denref(b));
        }
        else
        {
            fmpz_set(fmpq_numref(b), M);
            fmpz_set(fmpq_denref(b), P);
            fmpq_canonicalise(b);
        }
        r = problem_fmpq_set_str(a, s);
        if (r != 0 || !fmpq_equal(a, b))
        {
            flint_printf("FAIL: round trip '%s' (code %d): got ", s, r);
            fmpq_print(a);
            flint_printf(" expected ");
            fmpq_print(b);
            flint_printf("\n");
            ok = 0;
        }
        flint_free(s);
        fmpz_clear(M);
        fmpz_clear(P);
    }

    /* random quotients p/q of integers */
    for (iter = 0; iter < 2000 && ok; iter++)
    {
        fmpz_t p, q;
        char * sp, * sq, * s;
        int r;
        fmpz_init(p);
        fmpz_init(q);
        fmpz_randtest(p, state, 100);
        do
            fmpz_randtest(q, state, 100);
        while (fmpz_is_zero(q));
        sp = fmpz_get_str(NULL, 10, p);
        sq = fmpz_get_str(NULL, 10, q);
        s = flint_malloc(strlen(sp) + strlen(sq) + 2);
        sprintf(s, "%s/%s", sp, sq);
        fmpq_set_fmpz_frac(b, p, q);
        r = problem_fmpq_set_str(a, s);
        if (r != 0 || !fmpq_equal(a, b))
        {
            flint_printf("FAIL: quotient '%s' (code %d)\n", s, r);
            ok = 0;
        }
        flint_free(sp);
        flint_free(sq);
        flint_free(s);
        fmpz_clear(p);
        fmpz_clear(q);
    }

    /* random strings over a small alphabet never crash; accepted ones
       agree with arb_set_str (an independent decimal reader) */
    for (iter = 0; iter < 20000 && ok; iter++)
    {
        const char alpha[] = "0123456789.eE+-/ x";
        char s[16];
        slong n = n_randint(state, 12), i;
        arb_t u, v;
        for (i = 0; i < n; i++)
            s[i] = alpha[n_randint(state, sizeof(alpha) - 1)];
        s[n] = '\0';
        if (problem_fmpq_set_str(a, s) == 0 && strchr(s, '/') == NULL)
        {
            arb_init(u);
            arb_init(v);
            arb_set_fmpq(u, a, 200);
            if (arb_set_str(v, s, 200) != 0 || !arb_overlaps(u, v))
            {
                flint_printf("FAIL: '%s' accepted but arb_set_str disagrees\n", s);
                ok = 0;
            }
            arb_clear(u);
            arb_clear(v);
        }
    }

    fmpq_clear(a);
    fmpq_clear(b);
    fmpq_clear(c);
    flint_randclear(state);
    flint_cleanup();
    if (!ok)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
