/* Discrete Onsager-Machlup action of a grid path and the discrete measure. */
#include "impl.h"

int
action_discrete(arb_t A, arb_t J, arb_srcptr x, arb_srcptr t, slong N, slong d,
                action_drift_func F, void * param, const sched_t S, const arb_t nu,
                const arb_t alpha, const arb_t kappa, slong prec)
{
    arb_ptr xbar = _arb_vec_init(d), Fv = _arb_vec_init(d), r = _arb_vec_init(d);
    arb_t dt, g2, div, q;
    slong n, i;
    int fail = 0;

    arb_init(dt);
    arb_init(g2);
    arb_init(div);
    arb_init(q);
    arb_zero(A);
    arb_zero(J);
    for (n = 0; n < N && !fail; n++)
    {
        arb_srcptr xn = x + n * d, xn1 = x + (n + 1) * d;
        arb_sub(dt, t + n + 1, t + n, prec);
        for (i = 0; i < d; i++)
        {
            arb_sub(r + i, xn1 + i, xn + i, prec);          /* dx */
            arb_set(xbar + i, xn + i);
            arb_addmul(xbar + i, alpha, r + i, prec);
        }
        if (F(Fv, div, xbar, t + n, param, prec))
        {
            fail = 1;
            break;
        }
        _action_vec_submul(r, Fv, d, dt, prec);         /* dx - F dt */
        arb_dot(q, NULL, 0, r, 1, r, 1, d, prec);
        sched_g2(g2, S, t + n, prec);
        if (nu != NULL)
            arb_mul(g2, g2, nu, prec);
        arb_mul(g2, g2, dt, prec);
        arb_mul_2exp_si(g2, g2, 1);
        arb_div(q, q, g2, prec);
        arb_add(A, A, q, prec);
        arb_mul(div, div, dt, prec);
        arb_addmul(J, kappa, div, prec);
    }
    if (fail)
    {
        arb_indeterminate(A);
        arb_indeterminate(J);
    }
    arb_clear(dt);
    arb_clear(g2);
    arb_clear(div);
    arb_clear(q);
    _arb_vec_clear(xbar, d);
    _arb_vec_clear(Fv, d);
    _arb_vec_clear(r, d);
    return fail;
}

void
action_discrete_log_measure(arb_t res, arb_srcptr t, slong N, slong d, const sched_t S,
                            const arb_t nu, slong prec)
{
    arb_t u, s;
    slong n;
    arb_init(u);
    arb_init(s);
    arb_zero(s);
    for (n = 0; n < N; n++)
    {
        sched_g2(u, S, t + n, prec);
        if (nu != NULL)
            arb_mul(u, u, nu, prec);
        arb_sub(res, t + n + 1, t + n, prec);
        arb_mul(u, u, res, prec);
        arb_log(u, u, prec);
        arb_add(s, s, u, prec);
    }
    arb_const_pi(u, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_log(u, u, prec);
    arb_addmul_si(s, u, N, prec);
    arb_mul_si(s, s, d, prec);
    arb_mul_2exp_si(s, s, -1);
    arb_neg(res, s);
    arb_clear(u);
    arb_clear(s);
}
