/*
    _problem_exact_read: parse a problem file's JSON text and check it
    exactly (no balls yet).  See problem.h for the format and the checks.
*/
#include <stdio.h>
#include <string.h>
#include "internal.h"

void
_problem_exact_init(problem_exact_t E)
{
    E->dim = 0;
    E->sched = SCHED_CONST;
    fmpq_init(E->beta);
    fmpq_init(E->b0);
    fmpq_init(E->b1);
    fmpq_init(E->smin);
    fmpq_init(E->smax);
    fmpq_init(E->t0);
    fmpq_init(E->T);
    _problem_law_init(E->data);
    E->score = SCORE_EXACT;
    E->score_is_mixture = 0;
    fmpq_init(E->eps);
    _problem_law_init(E->other);
    E->A = E->b = NULL;
    E->prior = PRIOR_NORMAL;
}

void
_problem_exact_clear(problem_exact_t E)
{
    fmpq_clear(E->beta);
    fmpq_clear(E->b0);
    fmpq_clear(E->b1);
    fmpq_clear(E->smin);
    fmpq_clear(E->smax);
    fmpq_clear(E->t0);
    fmpq_clear(E->T);
    _problem_law_clear(E->data);
    fmpq_clear(E->eps);
    _problem_law_clear(E->other);
    if (E->A != NULL)
        _fmpq_vec_clear(E->A, E->dim * E->dim);
    if (E->b != NULL)
        _fmpq_vec_clear(E->b, E->dim);
}

static const char * const top_keys[] = {"dim", "sde", "data", "score", "prior", "comment", NULL};
static const char * const sched_names[] = {"const", "vp", "simple", "cosine", "ve", "subvp"};

static const char * const keys_const[] = {"schedule", "t0", "T", "beta", NULL};
static const char * const keys_vp[] = {"schedule", "t0", "T", "b0", "b1", NULL};
static const char * const keys_plain[] = {"schedule", "t0", "T", NULL};
static const char * const keys_ve[] = {"schedule", "t0", "T", "smin", "smax", NULL};

/* Optional number member: set res from it, or from the default text def
   when absent (def NULL: required). */
static int
_get_param(fmpq_t res, json_object * obj, const char * key, const char * path,
           const char * def, problem_rd_struct * rd)
{
    json_object * v = NULL;
    char sub[256];

    snprintf(sub, sizeof(sub), "%s.%s", path, key);
    if (!json_object_object_get_ex(obj, key, &v))
    {
        if (def == NULL)
            return _problem_fail(rd, sub, "missing (expected a number)");
        problem_fmpq_set_str(res, def);
        return 0;
    }
    if (v == NULL)
        return _problem_fail(rd, sub, "expected a number, got null");
    return _problem_get_fmpq(res, v, sub, rd);
}

static int
_read_dim(problem_exact_t E, json_object * root, problem_rd_struct * rd)
{
    json_object * v = NULL;
    int64_t d;

    if (!json_object_object_get_ex(root, "dim", &v) || v == NULL)
        return _problem_fail(rd, "dim", "missing (expected an integer >= 1)");
    if (!json_object_is_type(v, json_type_int))
        return _problem_fail(rd, "dim", "expected an integer, got %s", _problem_json_type_name(v));
    d = json_object_get_int64(v);
    if (d < 1 || d > PROBLEM_MAX_DIM)
        return _problem_fail(rd, "dim", "must be between 1 and %d, got %s", PROBLEM_MAX_DIM,
                             json_object_get_string(v));
    E->dim = d;
    return 0;
}

static int
_read_sde(problem_exact_t E, json_object * root, problem_rd_struct * rd)
{
    json_object * sde, * v = NULL;
    const char * name;
    const char * const * keys;
    int i, type = -1;
    char q[64];
    fmpq_t bT;

    if (_problem_get_object(&sde, root, "sde", "", 1, rd))
        return DIFFWKB_EINPUT;
    if (!json_object_object_get_ex(sde, "schedule", &v) || v == NULL)
        return _problem_fail(rd, "sde.schedule", "missing (expected one of const, vp, simple, "
                             "cosine, ve, subvp)");
    if (!json_object_is_type(v, json_type_string))
        return _problem_fail(rd, "sde.schedule", "expected a string, got %s",
                             _problem_json_type_name(v));
    name = json_object_get_string(v);
    for (i = 0; i < 6; i++)
        if (!strcmp(name, sched_names[i]))
            type = i;
    if (type < 0)
    {
        snprintf(q, sizeof(q), "%.40s", name);
        return _problem_fail(rd, "sde.schedule", "unknown schedule '%s' (expected const, vp, "
                             "simple, cosine, ve, subvp)", q);
    }
    /* the enum order of sched.h */
    E->sched = (type == 0) ? SCHED_CONST : (type == 1) ? SCHED_VP : (type == 2) ? SCHED_SIMPLE
             : (type == 3) ? SCHED_COSINE : (type == 4) ? SCHED_VE : SCHED_SUBVP;
    keys = (type == 0) ? keys_const : (type == 1 || type == 5) ? keys_vp
         : (type == 4) ? keys_ve : keys_plain;
    if (_problem_check_keys(sde, "sde", keys, rd))
        return DIFFWKB_EINPUT;

    if (_get_param(E->t0, sde, "t0", "sde", "0", rd))
        return DIFFWKB_EINPUT;
    if (_get_param(E->T, sde, "T", "sde",
                   (type == 0) ? NULL : (type == 3) ? "0.999" : "1", rd))
        return DIFFWKB_EINPUT;

    switch (E->sched)
    {
        case SCHED_CONST:
            if (_get_param(E->beta, sde, "beta", "sde", "1", rd))
                return DIFFWKB_EINPUT;
            if (fmpq_sgn(E->beta) <= 0)
                return _problem_fail(rd, "sde.beta", "must be positive");
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            if (_get_param(E->b0, sde, "b0", "sde", "0.1", rd)
                || _get_param(E->b1, sde, "b1", "sde", "20", rd))
                return DIFFWKB_EINPUT;
            if (fmpq_sgn(E->b0) <= 0)
                return _problem_fail(rd, "sde.b0", "must be positive");
            if (fmpq_sgn(E->b1) <= 0)
                return _problem_fail(rd, "sde.b1", "must be positive");
            break;
        case SCHED_VE:
            if (_get_param(E->smin, sde, "smin", "sde", "0.01", rd)
                || _get_param(E->smax, sde, "smax", "sde", "50", rd))
                return DIFFWKB_EINPUT;
            if (fmpq_sgn(E->smin) <= 0)
                return _problem_fail(rd, "sde.smin", "must be positive");
            if (fmpq_cmp(E->smin, E->smax) >= 0)
                return _problem_fail(rd, "sde.smax", "must be larger than smin");
            break;
        default:
            break;
    }

    if (fmpq_sgn(E->t0) < 0)
        return _problem_fail(rd, "sde.t0", "must be >= 0");
    if (fmpq_cmp(E->t0, E->T) >= 0)
        return _problem_fail(rd, "sde.T", "must be larger than t0");
    if (E->sched == SCHED_COSINE && fmpq_cmp_ui(E->T, 1) >= 0)
        return _problem_fail(rd, "sde.T", "must be < 1 for the cosine schedule "
                             "(f and g^2 blow up at t = 1)");
    if (E->sched == SCHED_VP || E->sched == SCHED_SUBVP)
    {
        /* b(T) = b0 + T (b1 - b0) > 0, so that b > 0 on [0, T] */
        fmpq_init(bT);
        fmpq_sub(bT, E->b1, E->b0);
        fmpq_mul(bT, bT, E->T);
        fmpq_add(bT, bT, E->b0);
        i = fmpq_sgn(bT);
        fmpq_clear(bT);
        if (i <= 0)
            return _problem_fail(rd, "sde.b1", "b(t) = b0 + t (b1 - b0) must stay positive "
                                 "on [0, T]");
    }
    return 0;
}

static const char * const keys_score_exact[] = {"type", NULL};
static const char * const keys_score_scaled[] = {"type", "eps", NULL};
static const char * const keys_score_affine[] = {"type", "A", "b", NULL};

static int
_read_score(problem_exact_t E, json_object * root, problem_rd_struct * rd)
{
    json_object * sc, * v = NULL;
    const char * type;
    char q[64];
    slong d = E->dim;

    if (_problem_get_object(&sc, root, "score", "", 0, rd))
        return DIFFWKB_EINPUT;
    if (sc == NULL)
    {
        E->score = SCORE_EXACT;
        return 0;
    }
    if (!json_object_object_get_ex(sc, "type", &v) || v == NULL)
        return _problem_fail(rd, "score.type", "missing (expected exact, scaled, gaussian, "
                             "mixture, affine)");
    if (!json_object_is_type(v, json_type_string))
        return _problem_fail(rd, "score.type", "expected a string, got %s",
                             _problem_json_type_name(v));
    type = json_object_get_string(v);

    if (!strcmp(type, "exact"))
    {
        E->score = SCORE_EXACT;
        return _problem_check_keys(sc, "score", keys_score_exact, rd);
    }
    if (!strcmp(type, "scaled"))
    {
        E->score = SCORE_SCALED;
        if (_problem_check_keys(sc, "score", keys_score_scaled, rd)
            || _get_param(E->eps, sc, "eps", "score", NULL, rd))
            return DIFFWKB_EINPUT;
        if (fmpq_cmp_si(E->eps, -1) <= 0)
            return _problem_fail(rd, "score.eps", "must be > -1 (s = (1 + eps) times the exact score)");
        return 0;
    }
    if (!strcmp(type, "gaussian") || !strcmp(type, "mixture"))
    {
        E->score = SCORE_OTHER;
        return _problem_get_law(E->other, &E->score_is_mixture, sc, d, "score", rd);
    }
    if (!strcmp(type, "affine"))
    {
        E->score = SCORE_AFFINE;
        if (_problem_check_keys(sc, "score", keys_score_affine, rd))
            return DIFFWKB_EINPUT;
        E->A = _fmpq_vec_init(d * d);
        E->b = _fmpq_vec_init(d);
        v = NULL;
        json_object_object_get_ex(sc, "A", &v);
        if (_problem_get_mat(E->A, d, v, "score.A", rd))
            return DIFFWKB_EINPUT;
        v = NULL;
        if (json_object_object_get_ex(sc, "b", &v) && v != NULL)
            if (_problem_get_vec(E->b, d, v, "score.b", "dim", rd))
                return DIFFWKB_EINPUT;
        return 0;
    }
    snprintf(q, sizeof(q), "%.40s", type);
    return _problem_fail(rd, "score.type", "unknown score type '%s' (expected exact, scaled, "
                         "gaussian, mixture, affine)", q);
}

static const char * const keys_prior[] = {"type", NULL};

static int
_read_prior(problem_exact_t E, json_object * root, problem_rd_struct * rd)
{
    json_object * pr, * v = NULL;
    const char * type;
    char q[64];

    if (_problem_get_object(&pr, root, "prior", "", 0, rd))
        return DIFFWKB_EINPUT;
    E->prior = PRIOR_NORMAL;
    if (pr == NULL)
        return 0;
    if (_problem_check_keys(pr, "prior", keys_prior, rd))
        return DIFFWKB_EINPUT;
    if (!json_object_object_get_ex(pr, "type", &v) || v == NULL)
        return _problem_fail(rd, "prior.type", "missing (expected normal, marginal)");
    if (!json_object_is_type(v, json_type_string))
        return _problem_fail(rd, "prior.type", "expected a string, got %s",
                             _problem_json_type_name(v));
    type = json_object_get_string(v);
    if (!strcmp(type, "normal"))
        E->prior = PRIOR_NORMAL;
    else if (!strcmp(type, "marginal"))
        E->prior = PRIOR_MARGINAL;
    else
    {
        snprintf(q, sizeof(q), "%.40s", type);
        return _problem_fail(rd, "prior.type", "unknown prior type '%s' (expected normal, "
                             "marginal)", q);
    }
    return 0;
}

/* line and column (1-based) of byte offset off in text */
static void
_line_col(long * line, long * col, const char * text, size_t off)
{
    size_t i;
    *line = 1;
    *col = 1;
    for (i = 0; i < off && text[i]; i++)
    {
        if (text[i] == '\n')
        {
            (*line)++;
            *col = 1;
        }
        else
            (*col)++;
    }
}

int
_problem_exact_read(problem_exact_t E, const char * text, problem_rd_struct * rd)
{
    json_tokener * tok;
    json_object * root, * v = NULL;
    size_t len = strlen(text), i, end;
    int r;

    for (i = 0; i < len; i++)
        if (!(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            break;
    if (i == len)
        return _problem_fail(rd, NULL, "empty problem file (expected a JSON object)");
    if (len > PROBLEM_MAX_FILE_SIZE)
        return _problem_fail(rd, NULL, "problem file too large (more than %d bytes)",
                             PROBLEM_MAX_FILE_SIZE);

    tok = json_tokener_new_ex(64);
    if (tok == NULL)
        return _problem_fail(rd, NULL, "out of memory");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    root = json_tokener_parse_ex(tok, text, (int) len);
    end = json_tokener_get_parse_end(tok);
    if (root == NULL)
    {
        enum json_tokener_error jerr = json_tokener_get_error(tok);
        long line, col;
        if (jerr == json_tokener_continue)
        {
            json_tokener_free(tok);
            return _problem_fail(rd, NULL, "invalid JSON: unexpected end of file");
        }
        _line_col(&line, &col, text, end);
        json_tokener_free(tok);
        return _problem_fail(rd, NULL, "invalid JSON at line %ld, column %ld: %s", line, col,
                             json_tokener_error_desc(jerr));
    }
    json_tokener_free(tok);
    for (i = end; i < len; i++)
    {
        if (!(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        {
            long line, col;
            _line_col(&line, &col, text, i);
            json_object_put(root);
            return _problem_fail(rd, NULL, "invalid JSON at line %ld, column %ld: "
                                 "text after the end of the object", line, col);
        }
    }

    if (!json_object_is_type(root, json_type_object))
    {
        r = _problem_fail(rd, NULL, "expected a JSON object at the top level, got %s",
                          _problem_json_type_name(root));
        json_object_put(root);
        return r;
    }

    r = _problem_check_keys(root, "", top_keys, rd);
    if (!r && json_object_object_get_ex(root, "comment", &v) && v != NULL
        && !json_object_is_type(v, json_type_string))
        r = _problem_fail(rd, "comment", "expected a string, got %s", _problem_json_type_name(v));
    if (!r)
        r = _read_dim(E, root, rd);
    if (!r)
        r = _read_sde(E, root, rd);
    if (!r)
    {
        json_object * data;
        int mix;
        r = _problem_get_object(&data, root, "data", "", 1, rd);
        if (!r)
            r = _problem_get_law(E->data, &mix, data, E->dim, "data", rd);
    }
    if (!r)
        r = _read_score(E, root, rd);
    if (!r)
        r = _read_prior(E, root, rd);
    json_object_put(root);
    return r;
}
