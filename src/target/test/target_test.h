/* target_test.h: helpers shared by the tests of modules target and score:
   random mixtures with exact (dyadic) parameters and an independent
   evaluation of component log-densities (LU solve and arb_mat_det, no
   Cholesky) restricted to a line. */
#ifndef DIFFWKB_TARGET_TEST_H
#define DIFFWKB_TARGET_TEST_H

#include "diffwkb/target.h"

/* x = (random integer in [-lim, lim]) / 2^e */
static inline void
_t_rand_dyadic(arb_t x, flint_rand_t state, slong lim, slong e)
{
    arb_set_si(x, (slong) n_randint(state, 2 * lim + 1) - lim);
    arb_mul_2exp_si(x, x, -e);
}

/* P: random mixture in dimension P->d with P->n components: weights
   u_k / sum u, means in [-4, 4], covariances B B^T + delta I with delta in
   [spread/16, spread] (spread = 2^-sbits). */
static inline void
_t_rand_target(target_t P, flint_rand_t state, slong sbits, slong prec)
{
    slong d = P->d, n = P->n, k, i, j;
    arb_t sum;
    arb_mat_t B, BT;

    arb_init(sum);
    arb_mat_init(B, d, d);
    arb_mat_init(BT, d, d);
    for (k = 0; k < n; k++)
    {
        arb_set_ui(P->w + k, 1 + n_randint(state, 100));
        arb_add(sum, sum, P->w + k, prec);
        for (i = 0; i < d; i++)
            _t_rand_dyadic(target_mean(P, k) + i, state, 256, 6);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                _t_rand_dyadic(arb_mat_entry(B, i, j), state, 16, 4 + sbits);
        arb_mat_transpose(BT, B);
        arb_mat_mul(P->S + k, B, BT, 10 * prec);
        for (i = 0; i < d; i++)
        {
            arb_t delta;
            arb_init(delta);
            arb_set_ui(delta, 1 + n_randint(state, 16));
            arb_mul_2exp_si(delta, delta, -4 - sbits);
            arb_add(arb_mat_entry(P->S + k, i, i), arb_mat_entry(P->S + k, i, i), delta, 10 * prec);
            arb_clear(delta);
        }
    }
    for (k = 0; k < n; k++)
        arb_div(P->w + k, P->w + k, sum, 2 * prec);
    arb_clear(sum);
    arb_mat_clear(B);
    arb_mat_clear(BT);
}

/* Independent route: coefficients (c0, c1, c2) of the quadratic polynomial
   s -> log(w_k N(x + s v; a m_k, a^2 S_k + s2 I)), computed with
   arb_mat_solve (LU) and arb_mat_det. */
static inline void
_t_comp_line(arb_t c0, arb_t c1, arb_t c2, const target_t P, slong k, const arb_t a,
             const arb_t s2, arb_srcptr x, arb_srcptr v, slong prec)
{
    slong d = P->d, i;
    arb_mat_t C, r, V, Cr, Cv;
    arb_t t, det;

    arb_mat_init(C, d, d);
    arb_mat_init(r, d, 1);
    arb_mat_init(V, d, 1);
    arb_mat_init(Cr, d, 1);
    arb_mat_init(Cv, d, 1);
    arb_init(t);
    arb_init(det);

    arb_sqr(t, a, prec);
    arb_mat_scalar_mul_arb(C, P->S + k, t, prec);
    for (i = 0; i < d; i++)
        arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), s2, prec);
    for (i = 0; i < d; i++)
    {
        arb_mul(t, a, target_mean(P, k) + i, prec);
        arb_sub(arb_mat_entry(r, i, 0), x + i, t, prec);
        arb_set(arb_mat_entry(V, i, 0), v + i);
    }
    arb_mat_solve(Cr, C, r, prec);
    arb_mat_solve(Cv, C, V, prec);
    arb_mat_det(det, C, prec);

    /* c0 = log w - (d/2) log(2 pi) - log(det)/2 - r.C^-1 r / 2 */
    arb_const_pi(t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_pow_ui(t, t, d, prec);
    arb_mul(t, t, det, prec);
    arb_log(t, t, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_log(c0, P->w + k, prec);
    arb_sub(c0, c0, t, prec);
    arb_zero(c1);
    arb_zero(c2);
    for (i = 0; i < d; i++)
    {
        arb_mul(t, arb_mat_entry(r, i, 0), arb_mat_entry(Cr, i, 0), prec);
        arb_mul_2exp_si(t, t, -1);
        arb_sub(c0, c0, t, prec);
        arb_submul(c1, v + i, arb_mat_entry(Cr, i, 0), prec);
        arb_submul(c2, v + i, arb_mat_entry(Cv, i, 0), prec);
    }
    arb_mul_2exp_si(c2, c2, -1);

    arb_mat_clear(C);
    arb_mat_clear(r);
    arb_mat_clear(V);
    arb_mat_clear(Cr);
    arb_mat_clear(Cv);
    arb_clear(t);
    arb_clear(det);
}

/* res(s) = log p_t(x + s v) to length len, by the independent route:
   exp_series of each component's quadratic, sum, log_series. */
static inline void
_t_log_density_line(arb_poly_t res, const target_t P, const arb_t a, const arb_t s2,
                    arb_srcptr x, arb_srcptr v, slong len, slong prec)
{
    slong k;
    arb_poly_t q, e, sum;
    arb_t c0, c1, c2;

    arb_poly_init(q);
    arb_poly_init(e);
    arb_poly_init(sum);
    arb_init(c0);
    arb_init(c1);
    arb_init(c2);
    for (k = 0; k < P->n; k++)
    {
        _t_comp_line(c0, c1, c2, P, k, a, s2, x, v, prec);
        arb_poly_zero(q);
        arb_poly_set_coeff_arb(q, 0, c0);
        arb_poly_set_coeff_arb(q, 1, c1);
        arb_poly_set_coeff_arb(q, 2, c2);
        arb_poly_exp_series(e, q, len, prec);
        arb_poly_add(sum, sum, e, prec);
    }
    arb_poly_log_series(res, sum, len, prec);
    arb_poly_clear(q);
    arb_poly_clear(e);
    arb_poly_clear(sum);
    arb_clear(c0);
    arb_clear(c1);
    arb_clear(c2);
}

static inline void
_t_print_target(const target_t P, const arb_t a, const arb_t s2, arb_srcptr x)
{
    slong k, i;
    flint_printf("d = %wd, n = %wd, a = ", P->d, P->n);
    arb_printd(a, 20);
    flint_printf(", s2 = ");
    arb_printd(s2, 20);
    flint_printf("\n");
    for (k = 0; k < P->n; k++)
    {
        flint_printf("w = ");
        arb_printd(P->w + k, 20);
        flint_printf("\nm = ");
        for (i = 0; i < P->d; i++)
        {
            arb_printd(target_mean(P, k) + i, 20);
            flint_printf(" ");
        }
        flint_printf("\nS = ");
        arb_mat_printd(P->S + k, 20);
    }
    if (x != NULL)
    {
        flint_printf("x = ");
        for (i = 0; i < P->d; i++)
        {
            arb_printd(x + i, 20);
            flint_printf(" ");
        }
        flint_printf("\n");
    }
}

/* a in [1/16, 1], s2 in [0, 2] (s2 = 0 in one case out of four) */
static inline void
_t_rand_a_s2(arb_t a, arb_t s2, flint_rand_t state)
{
    arb_set_ui(a, 1 + n_randint(state, 16));
    arb_mul_2exp_si(a, a, -4);
    if (n_randint(state, 4) == 0)
        arb_zero(s2);
    else
    {
        arb_set_ui(s2, 1 + n_randint(state, 64));
        arb_mul_2exp_si(s2, s2, -5);
    }
}

#endif
