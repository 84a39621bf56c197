/* sample_impl.h: private helpers of module sample (the fast WKB path). */
#ifndef DIFFWKB_SAMPLE_IMPL_H
#define DIFFWKB_SAMPLE_IMPL_H

#include "diffwkb/sample.h"
#include "diffwkb/jet.h"

/* Jets in double: the coefficient vectors of jet.h (graded order, ctx's
   monomial and product tables), rounded to nearest, no enclosure.
   B = log(A) by the Euler-operator recurrence of jet_log; B must not alias
   A; EB: ctx->len doubles of scratch. */
void _sample_jetd_log(double * B, const double * A, double * EB, const jet_ctx_t ctx);

/* exp of n quadratic jets at once (degree <= 2: the log-densities of
   Gaussian components), stored interleaved: coefficient r of jet k at
   r*n + k, in A and B (not aliased).  The pushes of the recurrence are
   listed once per context by _sample_jetd_expq_init. */
typedef struct
{
    slong len;
    slong * start;          /* len + 1: pushes from coefficient r at start[r] .. start[r+1]-1 */
    slong * dst, * src;     /* B_dst += coef A_src B_r */
    double * coef, * inv;   /* inv[r] = 1/deg(r) */
}
sample_jetd_expq_struct;

typedef sample_jetd_expq_struct sample_jetd_expq_t[1];

void _sample_jetd_expq_init(sample_jetd_expq_t E, const jet_ctx_t ctx);
void _sample_jetd_expq_clear(sample_jetd_expq_t E);
void _sample_jetd_expq(double * B, const double * A, slong n, const sample_jetd_expq_t E);

/* y' = f(t, y) in double. */
typedef void (*sample_rhs_fn)(double * dy, double t, const double * y, void * par);

/* Integrates y (n components) from t0 to t1 (either direction) by
   Gragg-Bulirsch-Stoer extrapolation of the modified midpoint rule
   (step numbers 2, 4, ..., 2k, order 2k), step size control on the
   difference of the last two extrapolation columns measured in
   max_i |e_i| / (tol (1 + |y_i|)).  Returns 0, or -1 if it needed more than
   max_steps steps or produced a non-finite value.  steps and evals (if not
   NULL) are increased by the accepted steps and the right-hand side
   evaluations. */
int _sample_gbs_solve(double * y, slong n, double t0, double t1, double tol,
                      sample_rhs_fn f, void * par, slong max_steps,
                      slong * steps, slong * evals);

#endif
