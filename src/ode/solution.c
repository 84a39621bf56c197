/* ode_solution_t: init, clear, dense-output storage, status names. */
#include "impl.h"

arb_poly_struct *
_ode_poly_vec_init(slong n)
{
    slong i;
    arb_poly_struct * v = flint_malloc(sizeof(arb_poly_struct) * FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        arb_poly_init(v + i);
    return v;
}

void
_ode_poly_vec_clear(arb_poly_struct * v, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        arb_poly_clear(v + i);
    flint_free(v);
}

void
ode_solution_init(ode_solution_t sol, slong n)
{
    sol->n = n;
    sol->status = ODE_FAIL_INPUT;
    arb_init(sol->t_reached);
    sol->x = _arb_vec_init(n);
    sol->len = 0;
    sol->alloc = 0;
    sol->steps = NULL;
    sol->rhs = NULL;
    sol->jac = NULL;
    sol->param = NULL;
    sol->num_rejected = 0;
}

static void
_ode_step_clear(ode_step_struct * s, slong n)
{
    arb_clear(s->t);
    arb_clear(s->h);
    _ode_poly_vec_clear(s->poly, n);
    _ode_poly_vec_clear(s->bser, n);
    _arb_vec_clear(s->rem, n);
    _arb_vec_clear(s->box, n);
}

void
ode_solution_clear(ode_solution_t sol)
{
    slong j;
    for (j = 0; j < sol->len; j++)
        _ode_step_clear(sol->steps + j, sol->n);
    flint_free(sol->steps);
    arb_clear(sol->t_reached);
    _arb_vec_clear(sol->x, sol->n);
}

void
_ode_solution_push_step(ode_solution_t sol, const arb_t t, const arb_t h, slong p,
                        const arb_poly_struct * poly, arb_srcptr rem, arb_srcptr box,
                        const arb_poly_struct * bser)
{
    slong i, n = sol->n;
    ode_step_struct * s;

    if (sol->len == sol->alloc)
    {
        sol->alloc = FLINT_MAX(16, 2 * sol->alloc);
        sol->steps = flint_realloc(sol->steps, sizeof(ode_step_struct) * sol->alloc);
    }
    s = sol->steps + sol->len;
    arb_init(s->t);
    arb_init(s->h);
    arb_set(s->t, t);
    arb_set(s->h, h);
    s->p = p;
    s->poly = _ode_poly_vec_init(n);
    s->bser = _ode_poly_vec_init(n);
    s->rem = _arb_vec_init(n);
    s->box = _arb_vec_init(n);
    for (i = 0; i < n; i++)
    {
        arb_poly_set(s->poly + i, poly + i);
        arb_poly_set(s->bser + i, bser + i);
    }
    _arb_vec_set(s->rem, rem, n);
    _arb_vec_set(s->box, box, n);
    sol->len++;
}

void
_ode_hull_zero(arb_t res, const arb_t h, slong prec)
{
    if (arb_is_exact(h))
    {
        /* exactly [min(0,h), max(0,h)] = h/2 +/- |h|/2 when the radius is
           representable (h has few bits in the solver), else rounded out */
        fmpz_t man, e;
        fmpz_init(man);
        fmpz_init(e);
        arf_mul_2exp_si(arb_midref(res), arb_midref(h), -1);
        arf_get_fmpz_2exp(man, e, arb_midref(res));
        fmpz_abs(man, man);
        if (fmpz_bits(man) <= 30 && fmpz_fits_si(e) && !fmpz_is_zero(man))
            mag_set_ui_2exp_si(arb_radref(res), fmpz_get_ui(man), fmpz_get_si(e));
        else
            arf_get_mag(arb_radref(res), arb_midref(res));   /* upper bound */
        fmpz_clear(man);
        fmpz_clear(e);
    }
    else
    {
        arb_t z;
        arb_init(z);
        arb_union(res, z, h, prec);
        arb_clear(z);
    }
}

const char *
ode_status_str(int status)
{
    switch (status)
    {
        case ODE_SUCCESS: return "success";
        case ODE_FAIL_STEP: return "no enclosure with step above minimum (blow-up?)";
        case ODE_FAIL_MAX_STEPS: return "maximum number of steps reached";
        case ODE_FAIL_RADIUS: return "radius above bound or not finite";
        case ODE_FAIL_INPUT: return "bad input";
        default: return "unknown status";
    }
}
