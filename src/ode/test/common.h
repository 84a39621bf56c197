/*
    Shared pieces of the ode tests: dyadic random balls and the logistic
    equation x' = x (1 - x) with its Jacobian, as time-series callbacks.
*/
#ifndef DIFFWKB_ODE_TEST_COMMON_H
#define DIFFWKB_ODE_TEST_COMMON_H

#include "diffwkb/ode.h"

static inline void
rand_dyadic(arb_t c, flint_rand_t st, slong bits)
{
    arb_set_si(c, (slong) n_randint(st, 2 * (1 << bits) + 1) - (1 << bits));
    arb_mul_2exp_si(c, c, -bits);
}

static inline int
logistic_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
             void * param, slong prec)
{
    arb_poly_t u;
    arb_poly_init(u);
    arb_poly_mullow(u, x, x, len, prec);
    arb_poly_sub(res, x, u, prec);
    arb_poly_truncate(res, len);
    arb_poly_clear(u);
    return 0;
}

static inline int
logistic_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
             void * param, slong prec)
{
    arb_poly_t one;
    arb_poly_init(one);
    arb_poly_one(one);
    arb_poly_scalar_mul_2exp_si(J, x, 1);
    arb_poly_sub(J, one, J, prec);
    arb_poly_truncate(J, len);
    arb_poly_clear(one);
    return 0;
}

#endif
