/* Lagrangians at a point: forward OM, backward (Prop. 3.2), Eq. (11) in
   both forms. */
#include "impl.h"

/* v = xdot - f x; g2 set to g^2(t), f to f(t) */
static void
_residual(arb_ptr v, arb_t f, arb_t g2, const sched_t S, arb_srcptr x, arb_srcptr xdot,
          slong d, const arb_t t, slong prec)
{
    slong i;
    sched_f(f, S, t, prec);
    sched_g2(g2, S, t, prec);
    for (i = 0; i < d; i++)
    {
        arb_set(v + i, xdot + i);
        arb_submul(v + i, f, x + i, prec);
    }
}

/* res = |v|^2 / (2 c) */
static void
_quad(arb_t res, arb_srcptr v, slong d, const arb_t c, slong prec)
{
    arb_t q;
    arb_init(q);
    arb_dot(q, NULL, 0, v, 1, v, 1, d, prec);
    arb_div(q, q, c, prec);
    arb_mul_2exp_si(res, q, -1);
    arb_clear(q);
}

void
action_lagrangian_forward(arb_t res, const sched_t S, arb_srcptr x, arb_srcptr xdot,
                          slong d, const arb_t t, const arb_t alpha, slong prec)
{
    arb_ptr v = _arb_vec_init(d);
    arb_t f, g2;
    arb_init(f);
    arb_init(g2);
    _residual(v, f, g2, S, x, xdot, d, t, prec);
    _quad(res, v, d, g2, prec);
    arb_mul_si(f, f, d, prec);
    arb_addmul(res, alpha, f, prec);
    arb_clear(f);
    arb_clear(g2);
    _arb_vec_clear(v, d);
}

void
action_lagrangian_backward(arb_t res, const target_t P, const sched_t S, arb_srcptr x,
                           arb_srcptr xdot, const arb_t t, const arb_t alpha, slong prec)
{
    slong d = P->d;
    arb_ptr v = _arb_vec_init(d), s = _arb_vec_init(d);
    arb_t f, g2, lap, u;
    arb_init(f);
    arb_init(g2);
    arb_init(lap);
    arb_init(u);
    _residual(v, f, g2, S, x, xdot, d, t, prec);
    target_score(s, P, S, t, x, prec);
    target_laplacian_log(lap, P, S, t, x, prec);
    _arb_vec_scalar_addmul(v, s, d, g2, prec);
    _quad(res, v, d, g2, prec);
    /* - (1 - alpha)(d f - g2 lap) */
    arb_mul_si(f, f, d, prec);
    arb_submul(f, g2, lap, prec);
    arb_sub_ui(u, alpha, 1, prec);
    arb_addmul(res, u, f, prec);
    arb_clear(f);
    arb_clear(g2);
    arb_clear(lap);
    arb_clear(u);
    _arb_vec_clear(v, d);
    _arb_vec_clear(s, d);
}

void
action_lagrangian_h(arb_t res, const score_t M, const target_t P, const sched_t S,
                    const arb_t h, arb_srcptr x, arb_srcptr xdot, const arb_t t, slong prec)
{
    slong d = P->d;
    arb_ptr v = _arb_vec_init(d), s = _arb_vec_init(d);
    arb_t f, g2, c;
    arb_init(f);
    arb_init(g2);
    arb_init(c);
    _residual(v, f, g2, S, x, xdot, d, t, prec);
    score_eval(s, M, P, S, t, x, prec);
    arb_add_ui(c, h, 1, prec);
    arb_mul(c, c, g2, prec);
    arb_mul_2exp_si(c, c, -1);
    _arb_vec_scalar_addmul(v, s, d, c, prec);
    arb_mul(c, h, g2, prec);
    _quad(res, v, d, c, prec);
    arb_clear(f);
    arb_clear(g2);
    arb_clear(c);
    _arb_vec_clear(v, d);
    _arb_vec_clear(s, d);
}

void
action_lagrangian_h_pf(arb_t res, const score_t M, const target_t P, const sched_t S,
                       const arb_t h, arb_srcptr x, arb_srcptr xdot, const arb_t t,
                       slong prec)
{
    slong d = P->d;
    arb_ptr w = _arb_vec_init(d), s = _arb_vec_init(d);
    arb_t f, g2, c, u;
    arb_init(f);
    arb_init(g2);
    arb_init(c);
    arb_init(u);
    /* w = xdot - f_PF = xdot - f x + (g2/2) s */
    _residual(w, f, g2, S, x, xdot, d, t, prec);
    score_eval(s, M, P, S, t, x, prec);
    arb_mul_2exp_si(c, g2, -1);
    _arb_vec_scalar_addmul(w, s, d, c, prec);
    arb_mul(c, h, g2, prec);
    _quad(res, w, d, c, prec);                       /* |w|^2/(2 h g2) */
    arb_dot(u, NULL, 0, w, 1, s, 1, d, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(res, res, u, prec);                      /* + w.s/2 */
    arb_dot(u, NULL, 0, s, 1, s, 1, d, prec);
    arb_mul(u, u, c, prec);
    arb_mul_2exp_si(u, u, -3);
    arb_add(res, res, u, prec);                      /* + h g2 |s|^2/8 */
    arb_clear(f);
    arb_clear(g2);
    arb_clear(c);
    arb_clear(u);
    _arb_vec_clear(w, d);
    _arb_vec_clear(s, d);
}
