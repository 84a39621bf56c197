/* Private helpers of the ode module. */
#ifndef DIFFWKB_ODE_IMPL_H
#define DIFFWKB_ODE_IMPL_H

#include "diffwkb/ode.h"

/* Append a step to the dense output (copies everything). */
void _ode_solution_push_step(ode_solution_t sol, const arb_t t, const arb_t h, slong p,
                             const arb_poly_struct * poly, arb_srcptr rem, arb_srcptr box,
                             const arb_poly_struct * bser);

/* res = hull(0, h): the ball [min(0, h), max(0, h)]. */
void _ode_hull_zero(arb_t res, const arb_t h, slong prec);

arb_poly_struct * _ode_poly_vec_init(slong n);
void _ode_poly_vec_clear(arb_poly_struct * v, slong n);

#endif
