/*
    sched.h: forward SDE schedules dx = f(t) x dt + g(t) dw  (math.md, section 1).

    Every schedule is linear in x.  The perturbation kernel is
    p_{t|0}(x|x0) = N(x; a_t x0, s_t^2 I) with a_t = exp(int_0^t f) and
    s_t^2 = a_t^2 int_0^t g^2 / a^2.

    Parameters are balls (set them from exact decimals with arb_set_str, see
    problem.h).  Every evaluation returns a ball that contains the true value
    for every parameter and every t in the input balls; outside the domain
    of a schedule (t < 0, or t >= 1 for cosine) the result is indeterminate
    (arb_indeterminate), never a wrong value.  A ball t counts as inside
    only if all of it is: t = 0 +/- r with r > 0 gives indeterminate
    results, so pass t = 0 exactly (or a ball with lower bound >= 0).
    Parameters are not validated: a ball that makes a formula undefined
    (smin containing 0, ...) gives non-finite results through Arb.

    Series: NAME_series(res, S, t, len, prec) sets res to the Taylor
    polynomial in tau of NAME(t + tau), truncated to length len (terms
    tau^0 .. tau^{len-1}); t may be a wide ball (every coefficient then
    encloses the coefficient at every point of t).  res is normalised as
    usual for arb_poly (its length may be below len when the trailing
    coefficients are exact zeros, e.g. f = 0 for ve): read coefficients
    with arb_poly_get_coeff_arb.  Outside the domain every coefficient
    0 .. len-1 is indeterminate.

    Schedules in closed form (B(t) = int_0^t b = b0 t + (b1 - b0) t^2/2,
    L = log(smax/smin)):
      const   log a = -beta t/2        s^2 = -expm1(-beta t)
      vp      log a = -B/2             s^2 = -expm1(-B)
      simple  log a = -5 t^2           s^2 = -expm1(-10 t^2)
      cosine  a = cos(pi t/2)          s^2 = sin(pi t/2)^2
      ve      a = 1, g^2 = 2 L smin^2 e^{2 L t},  s^2 = smin^2 expm1(2 L t)
      subvp   log a = -B/2, g^2 = -b expm1(-2 B), s^2 = expm1(-B)^2
*/
#ifndef DIFFWKB_SCHED_H
#define DIFFWKB_SCHED_H

#include "diffwkb/flintdeps.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    SCHED_CONST = 0,   /* f = -beta/2, g^2 = beta                         */
    SCHED_VP,          /* b(t) = b0 + t (b1 - b0), f = -b/2, g^2 = b         */
    SCHED_SIMPLE,      /* f = -10 t, g^2 = 20 t                            */
    SCHED_COSINE,      /* f = -(pi/2) tan(pi t/2), g^2 = pi tan(pi t/2)      */
    SCHED_VE,          /* sigma = smin (smax/smin)^t, f = 0, g^2 = d sigma^2/dt */
    SCHED_SUBVP        /* f = -b/2, g^2 = b (1 - exp(-2 int_0^t b))          */
}
sched_type;

typedef struct
{
    sched_type type;
    arb_t beta;          /* const */
    arb_t b0, b1;        /* vp, subvp */
    arb_t smin, smax;    /* ve */
}
sched_struct;

typedef sched_struct sched_t[1];

void sched_init(sched_t S);
void sched_clear(sched_t S);
void sched_set(sched_t S, const sched_t T);

/* Set the schedule; parameters are copied. */
void sched_set_const(sched_t S, const arb_t beta);
void sched_set_vp(sched_t S, const arb_t b0, const arb_t b1);
void sched_set_simple(sched_t S);
void sched_set_cosine(sched_t S);
void sched_set_ve(sched_t S, const arb_t smin, const arb_t smax);
void sched_set_subvp(sched_t S, const arb_t b0, const arb_t b1);

/* Name as used in problem files ("const", "vp", ...); NULL if unknown. */
const char * sched_name(sched_type type);
/* Type from a name; returns -1 if unknown. */
int sched_type_from_name(const char * name);

/* res encloses f(t), the drift coefficient: f(x,t) = f(t) x. */
void sched_f(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses g(t)^2. */
void sched_g2(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses log a_t = int_0^t f. */
void sched_log_a(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses a_t. */
void sched_a(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses s_t^2 (computed without cancellation near t = 0). */
void sched_s2(arb_t res, const sched_t S, const arb_t t, slong prec);

/* Time jets: Taylor polynomials in tau of f, g^2, log a, a, s^2 at t + tau. */
void sched_f_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
void sched_g2_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
void sched_log_a_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
void sched_a_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
void sched_s2_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);

/* 1 if t lies strictly inside the domain where the schedule is smooth
   (t >= 0; t < 1 for cosine), 0 otherwise (or when undecided). */
int sched_contains_time(const sched_t S, const arb_t t);

/* Raw layer (shared by the sched sources; no domain check). */

/* res encloses b(t) = b0 + t (b1 - b0) (vp, subvp). */
void _sched_b(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses B(t) = int_0^t b = t (b0 + t (b1 - b0)/2) (vp, subvp). */
void _sched_int_b(arb_t res, const sched_t S, const arb_t t, slong prec);
/* res encloses L = log(smax/smin) (ve). */
void _sched_ve_log_ratio(arb_t res, const sched_t S, slong prec);
/* res encloses the Taylor polynomials (length len) in tau of b(t + tau),
   resp. B(t + tau). */
void _sched_b_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
void _sched_int_b_series(arb_poly_t res, const sched_t S, const arb_t t, slong len, slong prec);
/* s, c enclose the Taylor polynomials in tau of sin(pi (t + tau)/2),
   cos(pi (t + tau)/2) (cosine). */
void _sched_cosine_sin_cos_series(arb_poly_t s, arb_poly_t c, const arb_t t, slong len, slong prec);
/* res encloses exp(h) - 1 truncated to length len; the constant term is
   computed with arb_expm1 (no cancellation when h(0) is small). */
void _sched_poly_expm1_series(arb_poly_t res, const arb_poly_t h, slong len, slong prec);
/* Sets res to length len with every coefficient indeterminate
   (the zero polynomial if len <= 0). */
void _sched_poly_indeterminate(arb_poly_t res, slong len);
/* Start of every NAME_series: 1 (res set) when len <= 0 (res = 0) or t is
   outside the domain (res indeterminate to length len), else 0. */
int _sched_series_trivial(arb_poly_t res, const sched_t S, const arb_t t, slong len);

#ifdef __cplusplus
}
#endif

#endif
