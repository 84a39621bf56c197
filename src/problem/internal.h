/*
    internal.h: private pieces of the problem reader (not installed).

    Reading goes in two steps: the JSON tree is parsed and checked exactly
    into a problem_exact (rationals only, independent of the precision),
    then _problem_exact_build converts it into balls at a precision.
*/
#ifndef DIFFWKB_PROBLEM_INTERNAL_H
#define DIFFWKB_PROBLEM_INTERNAL_H

#include <json-c/json.h>
#include "diffwkb/problem.h"

/* Error sink: the first error wins. */
typedef struct
{
    char * err;
    size_t errlen;
}
problem_rd_struct;

/* Write "path: message" (path may be NULL or "") into the sink; returns DIFFWKB_EINPUT. */
int _problem_fail(problem_rd_struct * rd, const char * path, const char * fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* An exact Gaussian mixture: n weights, n*d means, n*d*d covariance entries. */
typedef struct
{
    slong d, n;
    fmpq * w;
    fmpq * m;
    fmpq * S;
}
problem_law_struct;

typedef problem_law_struct problem_law_t[1];

void _problem_law_init(problem_law_t L);
void _problem_law_clear(problem_law_t L);
void _problem_law_alloc(problem_law_t L, slong d, slong n);

typedef struct
{
    slong dim;
    int sched;                     /* sched_type */
    fmpq_t beta, b0, b1, smin, smax, t0, T;
    problem_law_t data;
    int score;                     /* score_type */
    int score_is_mixture;          /* for SCORE_OTHER: 1 if written as "mixture" */
    fmpq_t eps;
    problem_law_t other;
    fmpq * A;                      /* dim*dim, affine */
    fmpq * b;                      /* dim, affine */
    int prior;                     /* prior_type */
}
problem_exact_struct;

typedef problem_exact_struct problem_exact_t[1];

void _problem_exact_init(problem_exact_t E);
void _problem_exact_clear(problem_exact_t E);

/* Parse and check; 0 or DIFFWKB_EINPUT (message in rd). */
int _problem_exact_read(problem_exact_t E, const char * text, problem_rd_struct * rd);

/* JSON value helpers; path is the full field path for messages. */
const char * _problem_json_type_name(json_object * v);
int _problem_get_fmpq(fmpq_t res, json_object * v, const char * path, problem_rd_struct * rd);
int _problem_get_vec(fmpq * res, slong n, json_object * v, const char * path,
                     const char * what, problem_rd_struct * rd);
int _problem_get_mat(fmpq * res, slong d, json_object * v, const char * path,
                     problem_rd_struct * rd);
int _problem_check_keys(json_object * obj, const char * path, const char * const * allowed,
                        problem_rd_struct * rd);
/* An object member that must be a JSON object. */
int _problem_get_object(json_object ** res, json_object * obj, const char * key,
                        const char * path, int required, problem_rd_struct * rd);
/* Covariance checks: symmetric, positive diagonal, positive definite (exact LDL^T). */
int _problem_check_cov(const fmpq * S, slong d, const char * path, problem_rd_struct * rd);
/* Read a law object (type gaussian or mixture) of dimension d. */
int _problem_get_law(problem_law_t L, int * is_mixture, json_object * obj, slong d,
                     const char * path, problem_rd_struct * rd);

/* Convert to balls at precision prec; P must be empty (fresh problem_init). */
void _problem_exact_build(problem_t P, const problem_exact_t E, slong prec);
void _problem_law_build(target_t T, const problem_law_t L, slong prec);

#endif
