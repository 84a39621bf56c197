/* ode_problem_t: init, clear, callbacks. */
#include "diffwkb/ode.h"

void
ode_problem_init(ode_problem_t P, slong n)
{
    P->n = n;
    P->rhs = NULL;
    P->jac = NULL;
    P->param = NULL;
    arb_init(P->t0);
    arb_init(P->t1);
    P->x0 = _arb_vec_init(n);
}

void
ode_problem_clear(ode_problem_t P)
{
    arb_clear(P->t0);
    arb_clear(P->t1);
    _arb_vec_clear(P->x0, P->n);
}

void
ode_problem_set_rhs(ode_problem_t P, ode_rhs_func rhs, ode_jac_func jac, void * param)
{
    P->rhs = rhs;
    P->jac = jac;
    P->param = param;
}
