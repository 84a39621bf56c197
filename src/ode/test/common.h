/*
    Shared pieces of the ode tests: dyadic random balls, the logistic
    equation x' = x (1 - x) and the rotation-scaling x' = [[l, -w], [w, l]] x
    with their Jacobians, as time-series callbacks.
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

/* x' = [[l, -w], [w, l]] x (rotation-scaling in R^2) and its Jacobian */
typedef struct { arb_t l, w; } rs_struct;

static inline int
rs_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    rs_struct * R = param;
    arb_poly_t u;
    arb_poly_init(u);
    arb_poly_scalar_mul(res + 0, x + 0, R->l, prec);
    arb_poly_scalar_mul(u, x + 1, R->w, prec);
    arb_poly_sub(res + 0, res + 0, u, prec);
    arb_poly_scalar_mul(res + 1, x + 1, R->l, prec);
    arb_poly_scalar_mul(u, x + 0, R->w, prec);
    arb_poly_add(res + 1, res + 1, u, prec);
    arb_poly_truncate(res + 0, len);
    arb_poly_truncate(res + 1, len);
    arb_poly_clear(u);
    return 0;
}

static inline int
rs_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    rs_struct * R = param;
    arb_poly_set_arb(J + 0, R->l);
    arb_poly_set_arb(J + 3, R->l);
    arb_poly_set_arb(J + 2, R->w);
    arb_poly_set_arb(J + 1, R->w);
    arb_poly_neg(J + 1, J + 1);
    return 0;
}

#endif
