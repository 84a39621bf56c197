/* Ready-made drifts: forward f x, backward f x - g^2 score, Eq. (9) drift. */
#include "impl.h"

void
action_drift_param_init(action_drift_param_t D, slong d, const sched_t S,
                        const target_t P, const score_t M)
{
    D->d = d;
    D->S = S;
    D->P = P;
    D->M = M;
    arb_init(D->h);
}

void
action_drift_param_clear(action_drift_param_t D)
{
    arb_clear(D->h);
}

/* F = f x, div = d f */
int
action_drift_forward(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t, void * param,
                     slong prec)
{
    const action_drift_param_struct * D = param;
    arb_t f;
    int ok;
    arb_init(f);
    sched_f(f, D->S, t, prec);
    _arb_vec_scalar_mul(F, x, D->d, f, prec);
    if (div != NULL)
        arb_mul_si(div, f, D->d, prec);
    ok = arb_is_finite(f);
    arb_clear(f);
    return !ok;
}

/* F = f x - g^2 grad log p_t, div = d f - g^2 Lap log p_t */
int
action_drift_backward(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t, void * param,
                      slong prec)
{
    const action_drift_param_struct * D = param;
    slong d = D->d;
    arb_ptr s = _arb_vec_init(d);
    arb_t g2, lap;
    int ok;

    arb_init(g2);
    arb_init(lap);
    action_drift_forward(F, div, x, t, param, prec);
    sched_g2(g2, D->S, t, prec);
    target_score(s, D->P, D->S, t, x, prec);
    _action_vec_submul(F, s, d, g2, prec);
    if (div != NULL)
    {
        target_laplacian_log(lap, D->P, D->S, t, x, prec);
        arb_submul(div, g2, lap, prec);
    }
    ok = _arb_vec_is_finite(F, d) && (div == NULL || arb_is_finite(div));
    arb_clear(g2);
    arb_clear(lap);
    _arb_vec_clear(s, d);
    return !ok;
}

/* F = f x - (1+h)/2 g^2 s_theta, div = d f - (1+h)/2 g^2 div s_theta */
int
action_drift_h(arb_ptr F, arb_t div, arb_srcptr x, const arb_t t, void * param, slong prec)
{
    const action_drift_param_struct * D = param;
    slong d = D->d;
    arb_ptr s = _arb_vec_init(d);
    arb_t c, ds;
    int ok;

    arb_init(c);
    arb_init(ds);
    action_drift_forward(F, div, x, t, param, prec);
    sched_g2(c, D->S, t, prec);
    arb_add_ui(ds, D->h, 1, prec);
    arb_mul(c, c, ds, prec);
    arb_mul_2exp_si(c, c, -1);
    score_eval(s, D->M, D->P, D->S, t, x, prec);
    _action_vec_submul(F, s, d, c, prec);
    if (div != NULL)
    {
        score_div(ds, D->M, D->P, D->S, t, x, prec);
        arb_submul(div, c, ds, prec);
    }
    ok = _arb_vec_is_finite(F, d) && (div == NULL || arb_is_finite(div));
    arb_clear(c);
    arb_clear(ds);
    _arb_vec_clear(s, d);
    return !ok;
}
