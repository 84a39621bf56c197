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

/* Commands */
int cli_cmd_score(int argc, char ** argv);
int cli_cmd_loglik(int argc, char ** argv);
int cli_cmd_nll(int argc, char ** argv);

#endif
