/*
    cli.h: shared pieces of the diffwkb program (private).
*/
#ifndef DIFFWKB_CLI_H
#define DIFFWKB_CLI_H

#include <stdio.h>
#include "diffwkb/diffwkb.h"

/* Exit statuses (design.md): 0 success, 1 a check failed, 2 bad input. */
#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_EINPUT 2

typedef int (*cli_cmd_fn)(int argc, char ** argv);

typedef struct
{
    const char * name;
    cli_cmd_fn run;
    const char * summary;
}
cli_cmd;

/* Print "diffwkb: MSG" (printf-style) on stderr, one line. */
void cli_error(const char * fmt, ...);

/* Parse a comma-separated list of exact decimals into d balls (prec bits).
   Returns the number of entries, or -1 (after cli_error naming opt) on bad input. */
slong cli_parse_point(arb_ptr * x, const char * text, const char * opt, slong prec);

/* Parse a non-negative integer option value; -1 after cli_error on bad input. */
slong cli_parse_slong(const char * text, const char * opt, slong lo, slong hi);

/* Bits of working precision for D requested decimal digits. */
slong cli_prec_for_digits(slong digits);

/* Malloc'd string "[mid +/- rad]" of x with digits digits (arb_get_str). */
char * cli_arb_str(const arb_t x, slong digits);

/* 1 if x is accurate to at least digits significant decimal digits
   (or is exact), judged from arb_rel_accuracy_bits. */
int cli_arb_has_digits(const arb_t x, slong digits);

/* ---- option parsing -------------------------------------------------- */

/* Match argv[*i] against the option name (e.g. "--x"), accepting both
   "--x VALUE" and "--x=VALUE".  Returns 1 and sets *val (advancing *i past
   a separate value) on a match, 0 if argv[*i] is another argument, -1 after
   cli_error when the value is missing. */
int cli_opt_value(const char ** val, int argc, char ** argv, int * i, const char * name);

/* Parse one exact rational (decimal or p/q, see problem_fmpq_set_str);
   0 on success, -1 after cli_error naming opt. */
int cli_parse_fmpq(fmpq_t res, const char * text, const char * opt);

/* Parse a comma-separated list of exact rationals into a new vector *v
   (_fmpq_vec_init; free with _fmpq_vec_clear(*v, n)).  Returns the number
   n of entries, or -1 (after cli_error naming opt, *v = NULL). */
slong cli_parse_fmpq_list(fmpq ** v, const char * text, const char * opt);

/* An argument that is not a known option of command cmd: an unknown option
   (starts with '-') is an error; otherwise it is the PROBLEM file, which
   may be given once.  Returns 0 after setting *file, or -1 after cli_error. */
int cli_positional_file(const char ** file, const char * arg, const char * cmd);

/* -1 after cli_error if no PROBLEM file was given to cmd, else 0. */
int cli_require_file(const char * file, const char * cmd);

/* Read a problem file at precision prec; on bad input print
   "diffwkb: FILE: MSG" on stderr and return CLI_EINPUT, else 0. */
int cli_read_problem(problem_t P, const char * path, slong prec);

/* x as a decimal string when its denominator divides a power of 10
   ("0.01"), else "p/q"; free with flint_free. */
char * cli_fmpq_str(const fmpq_t x);

/* ---- precision loop for --digits -------------------------------------- */

/* 1 if x has at least digits correct significant digits (cli_arb_has_digits),
   or if x contains zero and its radius is below 10^-digits (a value that is
   zero or tiny has no relative accuracy; its absolute error is then what
   matters). */
int cli_arb_is_accurate(const arb_t x, slong digits);
int cli_arb_vec_is_accurate(arb_srcptr v, slong n, slong digits);

/* The largest working precision a --digits loop tries: it starts at
   cli_prec_for_digits(digits) and doubles up to this cap, then gives up. */
slong cli_prec_max(slong digits);

/* Largest accepted --digits. */
#define CLI_DIGITS_MAX 5000

/* ---- JSON output ------------------------------------------------------ */

/* Write s as a JSON string literal (quoted, escaped). */
void cli_json_string(FILE * out, const char * s);
/* Write x as a JSON string "[mid +/- rad]" (cli_arb_str with digits). */
void cli_json_ball(FILE * out, const arb_t x, slong digits);
/* Write [ "ball", ... ] for v[0..n-1]. */
void cli_json_ball_vec(FILE * out, arb_srcptr v, slong n, slong digits);
/* Write the comma-separated list text as a JSON array of strings. */
void cli_json_string_list(FILE * out, const char * text);

/* Commands */
int cli_cmd_score(int argc, char ** argv);
int cli_cmd_loglik(int argc, char ** argv);
int cli_cmd_nll(int argc, char ** argv);
int cli_cmd_sample(int argc, char ** argv);
int cli_cmd_action(int argc, char ** argv);
int cli_cmd_derive(int argc, char ** argv);
int cli_cmd_validate(int argc, char ** argv);

/* res encloses the NLL coefficient C_n = E_{p_0}[-c_n] (n = 0 or 1) of
   the d = 1 problem P (the d = 1 quadrature, wkb_nll_quad_cn) with
   `digits` correct digits, or if tolq is not NULL with radius at most
   about 3/4 of tolq.  progress: subintervals done on stderr.
   CLI_OK, or CLI_EINPUT after a one-line message in err (quadrature
   failed, digits not reached). */
int cli_nll_quad(arb_t res, problem_t P, slong n, slong digits, const fmpq_t tolq,
                 int progress, char * err, size_t errlen);

/* loglik --fast: c_0 and c_1 at the double nearest to x by the fast path
   (sample_wkb_c01, NOT certified) at tolerance tol, with an error estimate
   (a second solve at tol/100) and, if check, the error bound against the
   certified balls.  CLI_OK or CLI_EINPUT after a one-line message. */
int cli_loglik_fast(problem_t P, const fmpq * xq, double tol, int check, int json,
                    const char * file);

/* c[2k], c[2k+1] = the fast c_0, c_1 at x[k*d .. k*d + d-1] for k < n, in
   `threads` threads (sample_wkb_c01 at tolerance tol; NOT certified), with
   "diffwkb WHAT: i/n points" on stderr if progress.  Returns -1, or the
   first point whose solve failed. */
slong cli_fast_points(double * c, const sample_model_t M, const double * x, slong n,
                      double tol, slong threads, int progress, const char * what);

/* x[i] = q[i] rounded to the nearest double, i < d. */
void cli_fmpq_vec_get_d(double * x, const fmpq * q, slong d);

#endif
