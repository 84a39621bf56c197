/* ode_solution_integrate: time integrals of a function of the trajectory. */
#include "impl.h"

/*
    On each step [t, t + h] the integrand phi(tau) = G(x(t + tau), t + tau)
    is phi = sum_{k <= p} g_k tau^k + g_{p+1}(xi) tau^{p+1}: g_k enclosed by G
    on the step's Taylor polynomial, g_{p+1}(xi) by G on the step's series at
    the a priori box.  Since tau^{p+1} has constant sign on hull(0, h),
    int_0^h phi = sum g_k h^{k+1}/(k+1) + gbar h^{p+2}/(p+2), gbar in the
    ball of g_{p+1}.
*/
int
ode_solution_integrate(arb_ptr res, const ode_solution_t sol, ode_rhs_func G, slong m,
                       void * param, slong prec)
{
    slong j, k, i, n = sol->n;
    arb_poly_struct * g;
    arb_t hp, c, hz, tb;
    int ok = 1;

    g = _ode_poly_vec_init(m);
    arb_init(hp);
    arb_init(c);
    arb_init(hz);
    arb_init(tb);
    _arb_vec_zero(res, m);

    for (j = 0; j < sol->len && ok; j++)
    {
        const ode_step_struct * s = sol->steps + j;
        slong p = s->p;

        if (G(g, s->poly, s->t, p + 1, param, prec) != 0)
        {
            ok = 0;
            break;
        }
        for (i = 0; i < m; i++)
        {
            /* sum_k g_k h^{k+1}/(k+1) by Horner */
            arb_zero(hp);
            for (k = p; k >= 0; k--)
            {
                arb_poly_get_coeff_arb(c, g + i, k);
                arb_div_ui(c, c, k + 1, prec);
                arb_add(hp, hp, c, prec);
                arb_mul(hp, hp, s->h, prec);
            }
            arb_add(res + i, res + i, hp, prec);
        }

        _ode_hull_zero(hz, s->h, prec);
        arb_add(tb, s->t, hz, prec + 64);
        if (G(g, s->bser, tb, p + 2, param, prec) != 0)
        {
            ok = 0;
            break;
        }
        arb_pow_ui(hp, s->h, p + 2, prec);
        arb_div_ui(hp, hp, p + 2, prec);
        for (i = 0; i < m; i++)
        {
            arb_poly_get_coeff_arb(c, g + i, p + 1);
            arb_addmul(res + i, c, hp, prec);
        }
    }

    for (i = 0; i < m && ok; i++)
        if (!arb_is_finite(res + i))
            ok = 0;
    if (!ok)
        _arb_vec_indeterminate(res, m);

    (void) n;
    _ode_poly_vec_clear(g, m);
    arb_clear(hp);
    arb_clear(c);
    arb_clear(hz);
    arb_clear(tb);
    return ok;
}
