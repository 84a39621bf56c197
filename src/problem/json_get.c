/*
    JSON value helpers for the problem reader: exact numbers, vectors,
    matrices, key checks.  Every failure writes one line "path: problem".
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

int
_problem_fail(problem_rd_struct * rd, const char * path, const char * fmt, ...)
{
    va_list ap;
    size_t k = 0;
    char * p;

    if (rd->err == NULL || rd->errlen == 0)
        return DIFFWKB_EINPUT;
    rd->err[0] = '\0';
    if (path != NULL && path[0] != '\0')
    {
        snprintf(rd->err, rd->errlen, "%s: ", path);
        k = strlen(rd->err);
    }
    if (k < rd->errlen)
    {
        va_start(ap, fmt);
        vsnprintf(rd->err + k, rd->errlen - k, fmt, ap);
        va_end(ap);
    }
    /* one line: no control characters */
    for (p = rd->err; *p; p++)
        if ((unsigned char) *p < 32)
            *p = ' ';
    return DIFFWKB_EINPUT;
}

const char *
_problem_json_type_name(json_object * v)
{
    switch (json_object_get_type(v))
    {
        case json_type_null: return "null";
        case json_type_boolean: return "a boolean";
        case json_type_double: return "a number";
        case json_type_int: return "an integer";
        case json_type_object: return "an object";
        case json_type_array: return "an array";
        case json_type_string: return "a string";
        default: return "an unknown JSON value";
    }
}

/* Quote at most 40 characters of s for a message. */
static void
clip(char * out, size_t outlen, const char * s)
{
    size_t n = strlen(s);
    if (n > 40)
        snprintf(out, outlen, "%.40s...", s);
    else
        snprintf(out, outlen, "%s", s);
}

int
_problem_get_fmpq(fmpq_t res, json_object * v, const char * path, problem_rd_struct * rd)
{
    const char * s;
    char q[64];
    int r;
    json_type t;

    if (v == NULL)
        return _problem_fail(rd, path, "missing or null (expected a number)");
    t = json_object_get_type(v);
    if (t == json_type_int)
    {
        int64_t x = json_object_get_int64(v);
        /* json-c saturates integers beyond int64 (and uint64): refuse large ones */
        if (x > INT64_C(1000000000000000) || x < -INT64_C(1000000000000000))
            return _problem_fail(rd, path, "integer too large for a JSON number "
                                 "(|n| > 10^15): write it as a string, e.g. \"%s\"",
                                 "123456789012345678");
        fmpz_set_si(fmpq_numref(res), (slong) x);
        fmpz_one(fmpq_denref(res));
        return 0;
    }
    if (t != json_type_double && t != json_type_string)
        return _problem_fail(rd, path, "expected a number or a decimal string, got %s",
                             _problem_json_type_name(v));
    /* for a parsed double json-c returns the text as written */
    s = json_object_get_string(v);
    if (s == NULL)
        return _problem_fail(rd, path, "cannot read number");
    r = problem_fmpq_set_str(res, s);
    if (r)
    {
        clip(q, sizeof(q), s);
        return _problem_fail(rd, path, "'%s' is %s", q, problem_dec_error(r));
    }
    return 0;
}

int
_problem_get_vec(fmpq * res, slong n, json_object * v, const char * path,
                 const char * what, problem_rd_struct * rd)
{
    slong i, len;
    char sub[256];

    if (v == NULL)
        return _problem_fail(rd, path, "missing (expected an array of %ld numbers)", (long) n);
    if (!json_object_is_type(v, json_type_array))
        return _problem_fail(rd, path, "expected an array of %ld numbers, got %s", (long) n,
                             _problem_json_type_name(v));
    len = json_object_array_length(v);
    if (len != n)
        return _problem_fail(rd, path, "expected %ld %s (%s), got %ld", (long) n,
                             n == 1 ? "entry" : "entries", what, (long) len);
    for (i = 0; i < n; i++)
    {
        snprintf(sub, sizeof(sub), "%s[%ld]", path, (long) i);
        if (_problem_get_fmpq(res + i, json_object_array_get_idx(v, i), sub, rd))
            return DIFFWKB_EINPUT;
    }
    return 0;
}

int
_problem_get_mat(fmpq * res, slong d, json_object * v, const char * path,
                 problem_rd_struct * rd)
{
    slong i, len;
    char sub[256];

    if (v == NULL)
        return _problem_fail(rd, path, "missing (expected a %ld x %ld matrix)", (long) d, (long) d);
    if (!json_object_is_type(v, json_type_array))
        return _problem_fail(rd, path, "expected a %ld x %ld matrix (array of rows), got %s",
                             (long) d, (long) d, _problem_json_type_name(v));
    len = json_object_array_length(v);
    if (len != d)
        return _problem_fail(rd, path, "expected %ld rows (dim), got %ld", (long) d, (long) len);
    for (i = 0; i < d; i++)
    {
        snprintf(sub, sizeof(sub), "%s[%ld]", path, (long) i);
        if (_problem_get_vec(res + i * d, d, json_object_array_get_idx(v, i), sub, "dim", rd))
            return DIFFWKB_EINPUT;
    }
    return 0;
}

int
_problem_check_keys(json_object * obj, const char * path, const char * const * allowed,
                    problem_rd_struct * rd)
{
    json_object_object_foreach(obj, key, val)
    {
        slong i;
        int ok = 0;
        (void) val;
        for (i = 0; allowed[i] != NULL; i++)
            if (!strcmp(key, allowed[i]))
                ok = 1;
        if (!ok)
        {
            char list[256], q[64], full[320];
            size_t k = 0;
            list[0] = '\0';
            for (i = 0; allowed[i] != NULL && k + 2 < sizeof(list); i++)
            {
                snprintf(list + k, sizeof(list) - k, "%s%s", i ? ", " : "", allowed[i]);
                k = strlen(list);
            }
            clip(q, sizeof(q), key);
            if (path != NULL && path[0] != '\0')
                snprintf(full, sizeof(full), "%s.%s", path, q);
            else
                snprintf(full, sizeof(full), "%s", q);
            return _problem_fail(rd, full, "unknown key (expected one of: %s)", list);
        }
    }
    return 0;
}

int
_problem_get_object(json_object ** res, json_object * obj, const char * key,
                    const char * path, int required, problem_rd_struct * rd)
{
    json_object * v = NULL;
    char sub[256];

    if (path != NULL && path[0] != '\0')
        snprintf(sub, sizeof(sub), "%s.%s", path, key);
    else
        snprintf(sub, sizeof(sub), "%s", key);
    *res = NULL;
    if (!json_object_object_get_ex(obj, key, &v))
    {
        if (required)
            return _problem_fail(rd, sub, "missing (expected an object)");
        return 0;
    }
    if (v == NULL)
        return _problem_fail(rd, sub, "expected an object, got null");
    if (!json_object_is_type(v, json_type_object))
        return _problem_fail(rd, sub, "expected an object, got %s", _problem_json_type_name(v));
    *res = v;
    return 0;
}
