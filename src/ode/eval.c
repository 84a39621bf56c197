/* Dense output: _ode_poly_eval_range, ode_solution_eval, ode_solution_series. */
#include "impl.h"

void
_ode_poly_eval_range(arb_t res, const arb_poly_t poly, const arb_t rem,
                     const arb_t tau, slong p, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_pow_ui(u, tau, p + 1, prec);
    arb_mul(u, u, rem, prec);
    arb_poly_evaluate(res, poly, tau, prec);
    arb_add(res, res, u, prec);
    arb_clear(u);
}

/* Evaluate step s at times t (ball); returns 0 if t misses the step. */
static int
_ode_step_eval(arb_ptr x, const ode_step_struct * s, slong n, const arb_t t, slong prec)
{
    arb_t tau, hz;
    slong i;
    int ok;

    arb_init(tau);
    arb_init(hz);
    _ode_hull_zero(hz, s->h, prec);
    arb_sub(tau, t, s->t, prec);
    ok = arb_intersection(tau, tau, hz, prec);
    if (ok)
    {
        for (i = 0; i < n; i++)
        {
            _ode_poly_eval_range(x + i, s->poly + i, s->rem + i, tau, s->p, prec);
            if (!arb_intersection(x + i, x + i, s->box + i, prec))
                arb_set(x + i, s->box + i);   /* cannot happen in exact terms */
        }
    }
    arb_clear(tau);
    arb_clear(hz);
    return ok;
}

int
ode_solution_eval(arb_ptr x, const ode_solution_t sol, const arb_t t, slong prec)
{
    slong j, i, n = sol->n;
    arb_ptr y;
    arb_t cover, a;
    int found = 0;

    if (sol->len == 0)
    {
        _arb_vec_indeterminate(x, n);
        return 0;
    }

    y = _arb_vec_init(n);
    arb_init(cover);
    arb_init(a);

    /* covered interval: hull of all steps; t may leak beyond it by its
       own rounding (2^(8 - prec) relative), those times are ignored */
    arb_union(cover, sol->steps[0].t, sol->t_reached, prec);
    {
        mag_t m;
        mag_init(m);
        arb_get_mag(m, cover);
        mag_mul_2exp_si(m, m, 8 - prec);
        mag_add(arb_radref(cover), arb_radref(cover), m);
        mag_clear(m);
    }
    if (!arb_contains(cover, t))
    {
        _arb_vec_indeterminate(x, n);
        found = 0;
        goto cleanup;
    }

    for (j = 0; j < sol->len; j++)
    {
        const ode_step_struct * s = sol->steps + j;
        arb_add(a, s->t, s->h, prec);
        arb_union(a, a, s->t, prec);
        if (!arb_overlaps(a, t))
            continue;
        if (!_ode_step_eval(y, s, n, t, prec))
            continue;
        if (!found)
            _arb_vec_set(x, y, n);
        else
            for (i = 0; i < n; i++)
                arb_union(x + i, x + i, y + i, prec);
        found = 1;
    }
    if (!found)
        _arb_vec_indeterminate(x, n);

cleanup:
    _arb_vec_clear(y, n);
    arb_clear(cover);
    arb_clear(a);
    return found;
}

int
ode_solution_series(arb_poly_struct * xs, const ode_solution_t sol, const arb_t t,
                    slong len, slong prec)
{
    arb_ptr x;
    slong i, n = sol->n;
    int ok;

    x = _arb_vec_init(n);
    ok = ode_solution_eval(x, sol, t, prec);
    if (ok)
        ok = (ode_taylor_series(xs, sol->rhs, sol->jac, sol->param, n, x, t, len, prec) == 0);
    if (!ok)
    {
        for (i = 0; i < n; i++)
        {
            arb_poly_fit_length(xs + i, FLINT_MAX(len, 1));
            _arb_vec_indeterminate((xs + i)->coeffs, FLINT_MAX(len, 1));
            _arb_poly_set_length(xs + i, FLINT_MAX(len, 1));
        }
    }
    _arb_vec_clear(x, n);
    return ok;
}
