/* The alpha-scheme of the linear SDE: one-step density and its exact
   N-step composition (Gaussian integrals, completing the square). */
#include "diffwkb/action.h"

void
action_linear_step_log_density(arb_t res, const sched_t S, arb_srcptr x, arb_srcptr y,
                               slong d, const arb_t t, const arb_t dt, const arb_t alpha,
                               int jac, slong prec)
{
    arb_t c, g2, q, r, u;
    slong i;

    arb_init(c);
    arb_init(g2);
    arb_init(q);
    arb_init(r);
    arb_init(u);
    sched_f(c, S, t, prec);
    sched_g2(g2, S, t, prec);
    arb_mul(g2, g2, dt, prec);                  /* g^2 dt */
    arb_zero(q);
    for (i = 0; i < d; i++)
    {
        /* y - x - c (x + alpha (y - x)) dt */
        arb_sub(r, y + i, x + i, prec);
        arb_mul(u, alpha, r, prec);
        arb_add(u, u, x + i, prec);
        arb_mul(u, u, c, prec);
        arb_submul(r, u, dt, prec);
        arb_addmul(q, r, r, prec);
    }
    arb_div(q, q, g2, prec);
    arb_mul_2exp_si(q, q, -1);
    arb_neg(res, q);
    if (jac)
    {
        arb_mul(u, alpha, c, prec);
        arb_mul(u, u, dt, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_abs(u, u);
        arb_log(u, u, prec);
        arb_addmul_si(res, u, d, prec);
    }
    arb_const_pi(u, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_mul(u, u, g2, prec);
    arb_log(u, u, prec);
    arb_mul_si(u, u, d, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_sub(res, res, u, prec);
    arb_clear(c);
    arb_clear(g2);
    arb_clear(q);
    arb_clear(r);
    arb_clear(u);
}

/*
    State after n steps: the density of x_n given x_0 is
      exp(-(1/2)(a x_n^2 + 2 b x_n x_0 + e x_0^2) + Z).
    One step from x to y has exponent -(u y - w x)^2/(2 sig) with
    u = 1 - alpha c dt, w = 1 + (1 - alpha) c dt, sig = g^2 dt, and the factor
    |u|^jac (2 pi sig)^{-1/2}.  Integrating x out:
      P = a + w^2/sig, L = b x_0 - (w u/sig) y,
      int exp(-(1/2)(P x^2 + 2 L x)) dx = sqrt(2 pi/P) exp(L^2/(2P)).
*/
void
action_linear_compose(arb_t R, arb_t V, arb_t M, arb_t rest, const sched_t S,
                      arb_srcptr t, slong N, const arb_t alpha, int jac, slong prec)
{
    arb_t a, b, e, Z, c, g2, dt, u, w, sig, P, wu, tmp, twopi;
    slong n;

    arb_init(a); arb_init(b); arb_init(e); arb_init(Z);
    arb_init(c); arb_init(g2); arb_init(dt); arb_init(u); arb_init(w);
    arb_init(sig); arb_init(P); arb_init(wu); arb_init(tmp); arb_init(twopi);
    arb_const_pi(twopi, prec);
    arb_mul_2exp_si(twopi, twopi, 1);

    for (n = 0; n < N; n++)
    {
        arb_sub(dt, t + n + 1, t + n, prec);
        sched_f(c, S, t + n, prec);
        sched_g2(g2, S, t + n, prec);
        arb_mul(sig, g2, dt, prec);
        arb_mul(c, c, dt, prec);                  /* c dt */
        arb_one(u);
        arb_submul(u, alpha, c, prec);            /* u = 1 - alpha c dt */
        arb_sub_ui(tmp, alpha, 1, prec);
        arb_one(w);
        arb_submul(w, tmp, c, prec);              /* w = 1 + (1-alpha) c dt */
        arb_mul(wu, w, u, prec);
        arb_div(wu, wu, sig, prec);               /* w u / sig */

        /* factor |u|^jac (2 pi sig)^{-1/2} */
        arb_mul(tmp, twopi, sig, prec);
        arb_log(tmp, tmp, prec);
        arb_mul_2exp_si(tmp, tmp, -1);
        arb_sub(Z, Z, tmp, prec);
        if (jac)
        {
            arb_abs(tmp, u);
            arb_log(tmp, tmp, prec);
            arb_add(Z, Z, tmp, prec);
        }

        if (n == 0)
        {
            /* delta at x_0: exponent -(u y - w x0)^2/(2 sig) */
            arb_mul(a, u, u, prec);
            arb_div(a, a, sig, prec);
            arb_neg(b, wu);
            arb_mul(e, w, w, prec);
            arb_div(e, e, sig, prec);
        }
        else
        {
            arb_mul(P, w, w, prec);
            arb_div(P, P, sig, prec);
            arb_add(P, P, a, prec);
            /* Z += log sqrt(2 pi / P) */
            arb_div(tmp, twopi, P, prec);
            arb_log(tmp, tmp, prec);
            arb_mul_2exp_si(tmp, tmp, -1);
            arb_add(Z, Z, tmp, prec);
            /* e' = e - b^2/P */
            arb_mul(tmp, b, b, prec);
            arb_div(tmp, tmp, P, prec);
            arb_sub(e, e, tmp, prec);
            /* b' = b (w u/sig)/P */
            arb_mul(b, b, wu, prec);
            arb_div(b, b, P, prec);
            /* a' = u^2/sig - (w u/sig)^2/P */
            arb_mul(tmp, wu, wu, prec);
            arb_div(tmp, tmp, P, prec);
            arb_mul(a, u, u, prec);
            arb_div(a, a, sig, prec);
            arb_sub(a, a, tmp, prec);
        }
    }
    /* exponent -(1/2)(a y^2 + 2 b y x0 + e x0^2) = -(a/2)(y + (b/a) x0)^2 - (1/2)(e - b^2/a) x0^2 */
    arb_div(R, b, a, prec);
    arb_neg(R, R);
    arb_inv(V, a, prec);
    arb_mul(tmp, b, b, prec);
    arb_div(tmp, tmp, a, prec);
    arb_sub(rest, e, tmp, prec);
    /* mass: exp(Z) sqrt(2 pi / a) */
    arb_div(tmp, twopi, a, prec);
    arb_log(tmp, tmp, prec);
    arb_mul_2exp_si(tmp, tmp, -1);
    arb_add(Z, Z, tmp, prec);
    arb_exp(M, Z, prec);

    arb_clear(a); arb_clear(b); arb_clear(e); arb_clear(Z);
    arb_clear(c); arb_clear(g2); arb_clear(dt); arb_clear(u); arb_clear(w);
    arb_clear(sig); arb_clear(P); arb_clear(wu); arb_clear(tmp); arb_clear(twopi);
}
