/*
    Exact Gaussian-mixture laws of a problem file: reading, exact checks,
    conversion to a target.
*/
#include <stdio.h>
#include <string.h>
#include "internal.h"

void
_problem_law_init(problem_law_t L)
{
    L->d = 0;
    L->n = 0;
    L->w = L->m = L->S = NULL;
}

void
_problem_law_clear(problem_law_t L)
{
    if (L->w != NULL)
        _fmpq_vec_clear(L->w, L->n);
    if (L->m != NULL)
        _fmpq_vec_clear(L->m, L->n * L->d);
    if (L->S != NULL)
        _fmpq_vec_clear(L->S, L->n * L->d * L->d);
    _problem_law_init(L);
}

void
_problem_law_alloc(problem_law_t L, slong d, slong n)
{
    _problem_law_clear(L);
    L->d = d;
    L->n = n;
    L->w = _fmpq_vec_init(n);
    L->m = _fmpq_vec_init(n * d);
    L->S = _fmpq_vec_init(n * d * d);
}

/* S is positive definite iff every pivot of the LDL^T elimination (without
   pivoting) is positive; exact in rationals. */
static int
_fmpq_mat_sym_is_pd(const fmpq * S, slong d)
{
    fmpq * M = _fmpq_vec_init(d * d);
    fmpq_t f;
    slong i, j, k;
    int pd = 1;

    fmpq_init(f);
    for (i = 0; i < d * d; i++)
        fmpq_set(M + i, S + i);
    for (k = 0; k < d && pd; k++)
    {
        if (fmpq_sgn(M + k * d + k) <= 0)
        {
            pd = 0;
            break;
        }
        for (i = k + 1; i < d; i++)
        {
            if (fmpq_is_zero(M + i * d + k))
                continue;
            fmpq_div(f, M + i * d + k, M + k * d + k);
            for (j = k; j < d; j++)
                fmpq_submul(M + i * d + j, f, M + k * d + j);
        }
    }
    fmpq_clear(f);
    _fmpq_vec_clear(M, d * d);
    return pd;
}

int
_problem_check_cov(const fmpq * S, slong d, const char * path, problem_rd_struct * rd)
{
    slong i, j;
    char sub[256];

    for (i = 0; i < d; i++)
    {
        for (j = i + 1; j < d; j++)
        {
            if (!fmpq_equal(S + i * d + j, S + j * d + i))
            {
                snprintf(sub, sizeof(sub), "%s[%ld][%ld]", path, (long) i, (long) j);
                return _problem_fail(rd, sub, "covariance is not symmetric "
                                     "(entry [%ld][%ld] differs from [%ld][%ld])",
                                     (long) i, (long) j, (long) j, (long) i);
            }
        }
    }
    for (i = 0; i < d; i++)
    {
        if (fmpq_sgn(S + i * d + i) <= 0)
        {
            snprintf(sub, sizeof(sub), "%s[%ld][%ld]", path, (long) i, (long) i);
            return _problem_fail(rd, sub, "variance must be positive");
        }
    }
    if (!_fmpq_mat_sym_is_pd(S, d))
        return _problem_fail(rd, path, "covariance is not positive definite");
    return 0;
}

static const char * const gaussian_keys[] = {"type", "mean", "cov", NULL};
static const char * const mixture_keys[] = {"type", "weights", "means", "covs", NULL};

static int
_get_type_string(const char ** type, json_object * obj, const char * path,
                 problem_rd_struct * rd)
{
    json_object * v = NULL;
    char sub[256];

    snprintf(sub, sizeof(sub), "%s.type", path);
    if (!json_object_object_get_ex(obj, "type", &v) || v == NULL)
        return _problem_fail(rd, sub, "missing (expected a string)");
    if (!json_object_is_type(v, json_type_string))
        return _problem_fail(rd, sub, "expected a string, got %s", _problem_json_type_name(v));
    *type = json_object_get_string(v);
    return 0;
}

int
_problem_get_law(problem_law_t L, int * is_mixture, json_object * obj, slong d,
                 const char * path, problem_rd_struct * rd)
{
    const char * type = "";
    char sub[256], sub2[320];
    json_object * v;
    slong n, k;

    if (_get_type_string(&type, obj, path, rd))
        return DIFFWKB_EINPUT;

    if (!strcmp(type, "gaussian"))
    {
        *is_mixture = 0;
        if (_problem_check_keys(obj, path, gaussian_keys, rd))
            return DIFFWKB_EINPUT;
        _problem_law_alloc(L, d, 1);
        fmpq_one(L->w);
        snprintf(sub, sizeof(sub), "%s.mean", path);
        v = NULL;
        json_object_object_get_ex(obj, "mean", &v);
        if (_problem_get_vec(L->m, d, v, sub, "dim", rd))
            return DIFFWKB_EINPUT;
        snprintf(sub, sizeof(sub), "%s.cov", path);
        v = NULL;
        json_object_object_get_ex(obj, "cov", &v);
        if (_problem_get_mat(L->S, d, v, sub, rd))
            return DIFFWKB_EINPUT;
        return _problem_check_cov(L->S, d, sub, rd);
    }
    else if (!strcmp(type, "mixture"))
    {
        json_object * wv = NULL, * mv = NULL, * cv = NULL;
        fmpq_t sum;

        *is_mixture = 1;
        if (_problem_check_keys(obj, path, mixture_keys, rd))
            return DIFFWKB_EINPUT;
        snprintf(sub, sizeof(sub), "%s.weights", path);
        json_object_object_get_ex(obj, "weights", &wv);
        if (wv == NULL)
            return _problem_fail(rd, sub, "missing (expected an array of weights)");
        if (!json_object_is_type(wv, json_type_array))
            return _problem_fail(rd, sub, "expected an array of weights, got %s",
                                 _problem_json_type_name(wv));
        n = json_object_array_length(wv);
        if (n < 1 || n > PROBLEM_MAX_COMPONENTS)
            return _problem_fail(rd, sub, "expected 1 to %d weights, got %ld",
                                 PROBLEM_MAX_COMPONENTS, (long) n);
        _problem_law_alloc(L, d, n);
        if (_problem_get_vec(L->w, n, wv, sub, "components", rd))
            return DIFFWKB_EINPUT;
        fmpq_init(sum);
        for (k = 0; k < n; k++)
        {
            if (fmpq_sgn(L->w + k) <= 0)
            {
                fmpq_clear(sum);
                snprintf(sub2, sizeof(sub2), "%s[%ld]", sub, (long) k);
                return _problem_fail(rd, sub2, "weight must be positive");
            }
            fmpq_add(sum, sum, L->w + k);
        }
        if (!fmpq_is_one(sum))
        {
            char * s = fmpq_get_str(NULL, 10, sum);
            int r;
            if (strlen(s) > 60)
                r = _problem_fail(rd, sub, "weights do not sum to 1 exactly");
            else
                r = _problem_fail(rd, sub, "weights sum to %s, not exactly 1", s);
            flint_free(s);
            fmpq_clear(sum);
            return r;
        }
        fmpq_clear(sum);

        snprintf(sub, sizeof(sub), "%s.means", path);
        json_object_object_get_ex(obj, "means", &mv);
        if (mv == NULL)
            return _problem_fail(rd, sub, "missing (expected %ld mean vectors)", (long) n);
        if (!json_object_is_type(mv, json_type_array))
            return _problem_fail(rd, sub, "expected an array of %ld mean vectors, got %s",
                                 (long) n, _problem_json_type_name(mv));
        if ((slong) json_object_array_length(mv) != n)
            return _problem_fail(rd, sub, "expected %ld mean vectors (one per weight), got %ld",
                                 (long) n, (long) json_object_array_length(mv));
        for (k = 0; k < n; k++)
        {
            snprintf(sub2, sizeof(sub2), "%s[%ld]", sub, (long) k);
            if (_problem_get_vec(L->m + k * d, d, json_object_array_get_idx(mv, k), sub2,
                                 "dim", rd))
                return DIFFWKB_EINPUT;
        }

        snprintf(sub, sizeof(sub), "%s.covs", path);
        json_object_object_get_ex(obj, "covs", &cv);
        if (cv == NULL)
            return _problem_fail(rd, sub, "missing (expected %ld covariance matrices)", (long) n);
        if (!json_object_is_type(cv, json_type_array))
            return _problem_fail(rd, sub, "expected an array of %ld covariance matrices, got %s",
                                 (long) n, _problem_json_type_name(cv));
        if ((slong) json_object_array_length(cv) != n)
            return _problem_fail(rd, sub, "expected %ld covariance matrices (one per weight), got %ld",
                                 (long) n, (long) json_object_array_length(cv));
        for (k = 0; k < n; k++)
        {
            snprintf(sub2, sizeof(sub2), "%s[%ld]", sub, (long) k);
            if (_problem_get_mat(L->S + k * d * d, d, json_object_array_get_idx(cv, k), sub2, rd))
                return DIFFWKB_EINPUT;
            if (_problem_check_cov(L->S + k * d * d, d, sub2, rd))
                return DIFFWKB_EINPUT;
        }
        return 0;
    }
    else
    {
        char q[64];
        snprintf(q, sizeof(q), "%.40s", type);
        snprintf(sub, sizeof(sub), "%s.type", path);
        return _problem_fail(rd, sub, "unknown law type '%s' (expected gaussian, mixture)", q);
    }
}

void
_problem_law_build(target_t T, const problem_law_t L, slong prec)
{
    slong k, i, j, d = L->d;

    target_init(T, d, L->n);
    for (k = 0; k < L->n; k++)
    {
        arb_set_fmpq(target_weight(T, k), L->w + k, prec);
        for (i = 0; i < d; i++)
            arb_set_fmpq(target_mean(T, k) + i, L->m + k * d + i, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                arb_set_fmpq(arb_mat_entry(target_cov(T, k), i, j),
                             L->S + k * d * d + i * d + j, prec);
    }
}
