/* sample_impl.h: private helpers of module sample (the fast WKB path). */
#ifndef DIFFWKB_SAMPLE_IMPL_H
#define DIFFWKB_SAMPLE_IMPL_H

#include "diffwkb/sample.h"

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
