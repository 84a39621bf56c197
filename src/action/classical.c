/* Classical paths of the linear SDE dx = f(t) x dt + g dw: kernel
   coefficients, action, Gel'fand-Yaglom determinant, path series,
   semiclassical and exact transition densities. */
#include "diffwkb/action.h"

void
action_linear_kernel(arb_t a, arb_t s2, const sched_t S, const arb_t t0, const arb_t t1,
                     slong prec)
{
    arb_t a0, a1, u;
    arb_init(a0);
    arb_init(a1);
    arb_init(u);
    /* a = exp(log a_{t1} - log a_{t0}); s2 = s2_{t1} - a^2 s2_{t0} */
    sched_log_a(a0, S, t0, prec);
    sched_log_a(a1, S, t1, prec);
    arb_sub(a1, a1, a0, prec);
    arb_exp(a, a1, prec);
    sched_s2(a0, S, t0, prec);
    sched_s2(u, S, t1, prec);
    arb_mul(a1, a, a, prec);
    arb_submul(u, a1, a0, prec);
    arb_set(s2, u);
    arb_clear(a0);
    arb_clear(a1);
    arb_clear(u);
}

void
action_classical_linear(arb_t A, arb_t J, arb_t D, const sched_t S, arb_srcptr x0,
                        arb_srcptr x1, slong d, const arb_t t0, const arb_t t1, slong prec)
{
    arb_t a, s2, q, r;
    slong i;

    arb_init(a);
    arb_init(s2);
    arb_init(q);
    arb_init(r);
    action_linear_kernel(a, s2, S, t0, t1, prec);
    arb_zero(q);
    for (i = 0; i < d; i++)
    {
        arb_set(r, x1 + i);
        arb_submul(r, a, x0 + i, prec);
        arb_addmul(q, r, r, prec);
    }
    if (arb_is_positive(s2))
    {
        arb_div(A, q, s2, prec);
        arb_mul_2exp_si(A, A, -1);
    }
    else
        arb_indeterminate(A);
    arb_log(J, a, prec);
    arb_mul_si(J, J, d, prec);
    arb_mul_2exp_si(J, J, -1);
    arb_div(D, s2, a, prec);
    arb_pow_ui(D, D, d, prec);
    arb_clear(a);
    arb_clear(s2);
    arb_clear(q);
    arb_clear(r);
}

void
action_classical_linear_path_series(arb_poly_struct * xs, const sched_t S, arb_srcptr x0,
                                    arb_srcptr x1, slong d, const arb_t t0, const arb_t t1,
                                    const arb_t t, slong len, slong prec)
{
    arb_poly_t at, st, Vt, w;
    arb_t a0, a1, s0, s1, V1, c;
    slong i;

    arb_poly_init(at);
    arb_poly_init(st);
    arb_poly_init(Vt);
    arb_poly_init(w);
    arb_init(a0);
    arb_init(a1);
    arb_init(s0);
    arb_init(s1);
    arb_init(V1);
    arb_init(c);

    sched_a(a0, S, t0, prec);
    sched_a(a1, S, t1, prec);
    sched_s2(s0, S, t0, prec);
    sched_s2(s1, S, t1, prec);
    /* V(t) = s2_t/a_t^2 - s2_0/a_0^2 */
    arb_div(c, s0, a0, prec);
    arb_div(c, c, a0, prec);
    arb_div(V1, s1, a1, prec);
    arb_div(V1, V1, a1, prec);
    arb_sub(V1, V1, c, prec);

    sched_a_series(at, S, t, len, prec);
    sched_s2_series(st, S, t, len, prec);
    arb_poly_inv_series(w, at, len, prec);
    arb_poly_mullow(Vt, st, w, len, prec);
    arb_poly_mullow(Vt, Vt, w, len, prec);
    arb_poly_get_coeff_arb(s0, Vt, 0);
    arb_sub(s0, s0, c, prec);
    arb_poly_set_coeff_arb(Vt, 0, s0);             /* V(t + tau) */
    arb_poly_scalar_div(Vt, Vt, V1, prec);         /* V/V1 */
    arb_poly_scalar_div(at, at, a0, prec);         /* a_t/a_{t0} */

    for (i = 0; i < d; i++)
    {
        /* (a_t/a0)[x0 + (a0 x1/a1 - x0) V/V1] */
        arb_mul(c, a0, x1 + i, prec);
        arb_div(c, c, a1, prec);
        arb_sub(c, c, x0 + i, prec);
        arb_poly_scalar_mul(w, Vt, c, prec);
        arb_poly_get_coeff_arb(c, w, 0);
        arb_add(c, c, x0 + i, prec);
        arb_poly_set_coeff_arb(w, 0, c);
        arb_poly_mullow(xs + i, w, at, len, prec);
    }

    arb_poly_clear(at);
    arb_poly_clear(st);
    arb_poly_clear(Vt);
    arb_poly_clear(w);
    arb_clear(a0);
    arb_clear(a1);
    arb_clear(s0);
    arb_clear(s1);
    arb_clear(V1);
    arb_clear(c);
}

void
action_semiclassical_log_density(arb_t res, const arb_t A, const arb_t J, const arb_t D,
                                 slong d, slong prec)
{
    arb_t u;
    arb_init(u);
    /* -A - J - (d/2) log(2 pi) - (1/2) log D */
    arb_const_pi(u, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_log(u, u, prec);
    arb_mul_si(u, u, d, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(u, u, A, prec);
    arb_add(u, u, J, prec);
    arb_neg(res, u);
    arb_log(u, D, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_sub(res, res, u, prec);
    arb_clear(u);
}

void
action_transition_log_density(arb_t res, const sched_t S, arb_srcptr x0, arb_srcptr x1,
                              slong d, const arb_t t0, const arb_t t1, slong prec)
{
    arb_t a, s2, q, r;
    slong i;
    arb_init(a);
    arb_init(s2);
    arb_init(q);
    arb_init(r);
    action_linear_kernel(a, s2, S, t0, t1, prec);
    arb_zero(q);
    for (i = 0; i < d; i++)
    {
        arb_set(r, x1 + i);
        arb_submul(r, a, x0 + i, prec);
        arb_addmul(q, r, r, prec);
    }
    if (!arb_is_positive(s2))
        arb_indeterminate(res);
    else
    {
        /* -q/(2 s2) - (d/2) log(2 pi s2) */
        arb_div(q, q, s2, prec);
        arb_const_pi(r, prec);
        arb_mul_2exp_si(r, r, 1);
        arb_mul(r, r, s2, prec);
        arb_log(r, r, prec);
        arb_mul_si(r, r, d, prec);
        arb_add(q, q, r, prec);
        arb_mul_2exp_si(res, q, -1);
        arb_neg(res, res);
    }
    arb_clear(a);
    arb_clear(s2);
    arb_clear(q);
    arb_clear(r);
}
