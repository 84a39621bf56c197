/*
    problem.h: a diffwkb problem (design.md "Problem file") and its JSON reader.

    File format (every key other than dim, sde and data is optional):

      {
        "dim": 1,
        "sde":   {"schedule": "const", "beta": "1", "t0": "0", "T": "5"},
        "data":  {"type": "gaussian", "mean": ["0"], "cov": [["0.3"]]},
        "score": {"type": "scaled", "eps": "0.1"},
        "prior": {"type": "normal"},
        "comment": "free text, ignored"
      }

    dim     an integer, 1 <= dim <= PROBLEM_MAX_DIM.
    sde     schedule: const (beta, default 1), vp and subvp (b0, b1; defaults
            0.1, 20), simple, cosine, ve (smin, smax; defaults 0.01, 50).
            t0 defaults to 0.  T is required for const; the other schedules
            default to T = 1, except cosine, which defaults to T = 0.999
            (the paper's value; cosine needs T < 1).
            Checks: beta > 0; b0 > 0 and b(T) = b0 + T (b1 - b0) > 0 (so
            b > 0 on [0, T]); 0 < smin < smax; 0 <= t0 < T.
    data    type gaussian: mean (dim entries), cov (dim x dim);
            type mixture: weights (n entries, each > 0, summing exactly to 1),
            means (n x dim), covs (n x dim x dim).  1 <= n <= PROBLEM_MAX_COMPONENTS.
            Covariances must be exactly symmetric and positive definite
            (certified by an exact rational LDL^T factorisation).
    score   type exact (the default) | scaled (eps, with eps > -1: s = (1+eps)
            times the exact score) | gaussian, mixture (another law, same
            fields as data: its exact score under the same schedule) |
            affine (A, dim x dim, and b, dim entries, default 0: s = A x + b).
    prior   type normal (N(0, I), the default) | marginal (p_T itself).

    Every real is an exact rational: a JSON number or a string holding a
    decimal [+-]digits[.digits][(e|E)[+-]digits] or a quotient "p/q" of two
    such decimals ("1/3", "0.0025/7.997584").  0.3 and "0.3" both mean 3/10,
    never the nearest double (json-c keeps the text of a JSON number).  JSON
    integers beyond 10^15 in absolute value are rejected (json-c saturates
    them); write such numbers as strings.  NaN and Infinity are rejected.
    Unknown keys are rejected (typos).  Duplicate keys are not detected
    (json-c keeps the last one).

    Values are checked exactly (with fmpq) and then converted to balls with
    arb_set_fmpq at the working precision, so each ball contains the exact
    rational; problem_set_prec re-reads the kept JSON text at another
    precision.
*/
#ifndef DIFFWKB_PROBLEM_H
#define DIFFWKB_PROBLEM_H

#include <stddef.h>
#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "target.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DIFFWKB_EINPUT 2

#define PROBLEM_MAX_DIM 64
#define PROBLEM_MAX_COMPONENTS 4096
#define PROBLEM_MAX_FILE_SIZE (16 * 1024 * 1024)

typedef enum
{
    PRIOR_NORMAL = 0,   /* N(0, I) at T, the paper's choice */
    PRIOR_MARGINAL      /* p_T itself */
}
prior_type;

typedef struct
{
    slong dim;          /* 0 while empty */
    sched_t sde;
    arb_t t0, T;        /* balls containing t0_exact, T_exact */
    fmpq_t t0_exact, T_exact;
    target_struct * data;   /* owned; NULL while empty */
    score_t score;
    prior_type prior;
    char * json_text;   /* the text as read, kept to re-read at other precisions */
    slong prec;         /* precision the balls were read at */
}
problem_struct;

typedef problem_struct problem_t[1];

/* An empty problem (dim 0). */
void problem_init(problem_t P);
void problem_clear(problem_t P);
void problem_swap(problem_t P, problem_t Q);

/* Read a problem from JSON text / a file at precision prec.  Return 0 on
   success; on failure return DIFFWKB_EINPUT, leave P unchanged, and write
   into err (at most errlen bytes, NUL-terminated) one line naming the field
   and the problem, e.g. "data.cov[0][1]: covariance is not symmetric". */
int problem_read_string(problem_t P, const char * text, char * err, size_t errlen, slong prec);
int problem_read_file(problem_t P, const char * path, char * err, size_t errlen, slong prec);

/* Re-read the stored JSON text at precision prec (never fails after a
   successful read; does nothing on an empty problem). */
void problem_set_prec(problem_t P, slong prec);

/* 1 if t0 <= t <= T exactly, 0 otherwise. */
int problem_contains_time(const problem_t P, const fmpq_t t);

/* tc encloses every time of the ball t that lies in [t0, T] (balls of P):
   where t reaches outside, tc = [lo, lo + 2r] with lo = max(lbound t,
   lbound t0) (bounds rounded down to prec bits; tc's lower end is exactly
   lo, so never below 0) and lo + 2r >= min(ubound t, ubound T); tc = t when
   t lies inside or misses [t0, T].  For the validated solver's step balls,
   which may leak beyond the ends by rounding (schedules refuse t < 0). */
void problem_clip_time(arb_t tc, const problem_t P, const arb_t t, slong prec);

/* Names used in problem files. */
const char * problem_prior_name(prior_type prior);
const char * problem_score_name(const problem_t P);

/* Exact decimals.  problem_fmpq_set_str sets res to the rational written in
   s: [+-]digits[.digits][(e|E)[+-]digits], or "p/q" with p and q such
   decimals (q nonzero).  No spaces.  Returns 0 on success, else one of the
   PROBLEM_DEC_* codes (res is then undefined); problem_dec_error gives a
   short description of a code. */
#define PROBLEM_DEC_SYNTAX 1
#define PROBLEM_DEC_RANGE 2      /* exponent beyond +-PROBLEM_DEC_MAX_EXP or too many digits */
#define PROBLEM_DEC_ZERO_DEN 3
#define PROBLEM_DEC_MAX_EXP 10000
#define PROBLEM_DEC_MAX_DIGITS 10000

int problem_fmpq_set_str(fmpq_t res, const char * s);
const char * problem_dec_error(int code);

#ifdef __cplusplus
}
#endif

#endif
