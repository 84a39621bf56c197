/*
    _wkb_affine_solve: integrate the affine moment ODE from T down to t0
    with ode_solve.
*/
#include "affine_impl.h"

int
_wkb_affine_solve(arb_ptr y, _wkb_affine_ode_struct * O, slong prec)
{
    const wkb_affine_struct * M = O->M;
    slong d = O->d, i, j;
    ode_problem_t P;
    ode_options_t opt;
    ode_solution_t sol;
    int status;

    ode_problem_init(P, O->n);
    ode_options_init(opt);
    ode_solution_init(sol, O->n);

    ode_problem_set_rhs(P, _wkb_affine_rhs, NULL, O);
    arb_set(P->t0, M->T);
    arb_set(P->t1, M->t0);
    _arb_vec_zero(P->x0, O->n);
    for (i = 0; i < O->nmu; i++)
        arb_set(P->x0 + i, M->muT + i);
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
            arb_set(P->x0 + O->nmu + _wkb_affine_sym_index(i, j, d),
                    arb_mat_entry(M->SigmaT, i, j));

    opt->order = M->order;
    opt->store = 0;

    status = ode_solve(sol, P, opt, prec);
    if (status == ODE_SUCCESS)
        _arb_vec_set(y, sol->x, O->n);
    else
        _arb_vec_indeterminate(y, O->n);

    ode_solution_clear(sol);
    ode_options_clear(opt);
    ode_problem_clear(P);
    return status == ODE_SUCCESS;
}
