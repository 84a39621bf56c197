/* Continuous actions of polynomial paths: Lagrangian time series along the
   path, integrated by action_integrate_series. */
#include "impl.h"

typedef struct
{
    int kind;                      /* 0 forward, 1 backward, 2 h */
    slong d;
    const sched_struct * S;
    const target_struct * P;
    const score_struct * M;
    const arb_struct * alpha;
    const arb_struct * h;
    const arb_poly_struct * x;
}
lag_param;

static int
lag_series(arb_poly_t res, const arb_t t, slong len, void * param, slong prec)
{
    lag_param * L = param;
    slong d = L->d, i;
    arb_poly_struct * xs = _action_poly_vec_init(d), * v = _action_poly_vec_init(d);
    arb_poly_struct * s = _action_poly_vec_init(d);
    arb_poly_t f, g2, u, lap, q;
    arb_t c;
    int fail = 0;

    arb_poly_init(f);
    arb_poly_init(g2);
    arb_poly_init(u);
    arb_poly_init(lap);
    arb_poly_init(q);
    arb_init(c);

    _action_shift_path(xs, L->x, d, t, len + 1, prec);
    sched_f_series(f, L->S, t, len, prec);
    sched_g2_series(g2, L->S, t, len, prec);
    /* v = x' - f x */
    for (i = 0; i < d; i++)
    {
        arb_poly_derivative(v + i, xs + i, prec);
        arb_poly_truncate(v + i, len);
        arb_poly_mullow(u, f, xs + i, len, prec);
        arb_poly_sub(v + i, v + i, u, prec);
    }
    if (L->kind == 1)
        fail = action_target_path_series(NULL, s, lap, L->P, L->S, L->x, t, len, prec);
    else if (L->kind == 2)
        fail = action_score_path_series(s, NULL, L->M, L->P, L->S, L->x, t, len, prec);
    if (L->kind != 0)
    {
        /* v += c g2 s, c = 1 (backward) or (1+h)/2 (h) */
        arb_poly_set(u, g2);
        if (L->kind == 2)
        {
            arb_add_ui(c, L->h, 1, prec);
            arb_mul_2exp_si(c, c, -1);
            arb_poly_scalar_mul(u, u, c, prec);
        }
        for (i = 0; i < d; i++)
        {
            arb_poly_mullow(q, u, s + i, len, prec);
            arb_poly_add(v + i, v + i, q, prec);
        }
    }
    /* |v|^2 / (2 nu g2) */
    arb_poly_zero(q);
    for (i = 0; i < d; i++)
    {
        arb_poly_mullow(u, v + i, v + i, len, prec);
        arb_poly_add(q, q, u, prec);
    }
    arb_poly_set(u, g2);
    if (L->kind == 2)
        arb_poly_scalar_mul(u, u, L->h, prec);
    arb_poly_scalar_mul_2exp_si(u, u, 1);
    arb_poly_get_coeff_arb(c, u, 0);
    if (!arb_is_positive(c))
        fail = 1;
    else
        arb_poly_div_series(res, q, u, len, prec);
    /* Jacobian terms */
    if (L->kind == 0)
    {
        arb_mul_si(c, L->alpha, d, prec);
        arb_poly_scalar_mul(u, f, c, prec);
        arb_poly_add(res, res, u, prec);
    }
    else if (L->kind == 1)
    {
        /* -(1-alpha)(d f - g2 lap) = (alpha - 1)(d f - g2 lap) */
        arb_set_si(c, d);
        arb_poly_scalar_mul(u, f, c, prec);
        arb_poly_mullow(q, g2, lap, len, prec);
        arb_poly_sub(u, u, q, prec);
        arb_sub_ui(c, L->alpha, 1, prec);
        arb_poly_scalar_mul(u, u, c, prec);
        arb_poly_add(res, res, u, prec);
    }
    if (fail)
        _sched_poly_indeterminate(res, len);

    _action_poly_vec_clear(xs, d);
    _action_poly_vec_clear(v, d);
    _action_poly_vec_clear(s, d);
    arb_poly_clear(f);
    arb_poly_clear(g2);
    arb_poly_clear(u);
    arb_poly_clear(lap);
    arb_poly_clear(q);
    arb_clear(c);
    return fail;
}

/* pieces and Taylor order for about prec bits */
static int
integrate(arb_t res, lag_param * L, const arb_t t0, const arb_t t1, slong prec)
{
    slong order = 8 + prec / 4;
    return action_integrate_series(res, lag_series, L, t0, t1, 16, order, prec);
}

int
action_forward_poly(arb_t res, const sched_t S, const arb_poly_struct * x, slong d,
                    const arb_t t0, const arb_t t1, const arb_t alpha, slong prec)
{
    lag_param L = {0, d, S, NULL, NULL, alpha, NULL, x};
    return integrate(res, &L, t0, t1, prec);
}

int
action_backward_poly(arb_t res, const target_t P, const sched_t S,
                     const arb_poly_struct * x, const arb_t t0, const arb_t t1,
                     const arb_t alpha, slong prec)
{
    lag_param L = {1, P->d, S, P, NULL, alpha, NULL, x};
    return integrate(res, &L, t0, t1, prec);
}

int
action_h_poly(arb_t res, const score_t M, const target_t P, const sched_t S, const arb_t h,
              const arb_poly_struct * x, const arb_t t0, const arb_t t1, slong prec)
{
    lag_param L = {2, P->d, S, P, M, NULL, h, x};
    return integrate(res, &L, t0, t1, prec);
}
