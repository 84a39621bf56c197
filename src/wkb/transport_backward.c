/*
    _wkb_tr_backward: integrate the backward jet system from T down to t0
    (after _wkb_tr_forward), one block after the other (block n's equation
    takes the blocks below from their dense outputs).  Terminal data at T: U_0 = the Taylor jet of
    log pi at X(T) (normal prior: -(d/2) log 2 pi - |X + xi|^2 / 2, an exact
    quadratic; marginal prior: target_log_density_jet of the data law at T),
    U_n = 0 for n >= 1.  X(T) is the forward solve's enclosure, so the
    terminal state encloses the true one.
*/
#include "transport_impl.h"

/* x0 (m[0] entries) = the jet of log pi at X(T) to degree K_0. */
static void
_terminal(arb_ptr x0, _wkb_tr_t T, slong prec)
{
    const problem_struct * P = T->P;
    slong d = T->d, i;
    jet_ctx_t jc0;
    jet_t J;

    jet_ctx_init(jc0, d, T->K[0]);
    jet_init(J, jc0);
    if (P->prior == PRIOR_MARGINAL)
        target_log_density_jet(J, P->data, P->sde, P->T, T->fwd->x, jc0, prec);
    else
    {
        arb_t c, l;
        arb_ptr b;
        arb_mat_t H;
        arb_init(c);
        arb_init(l);
        b = _arb_vec_init(d);
        arb_mat_init(H, d, d);
        arb_mat_one(H);
        arb_mat_neg(H, H);
        _arb_vec_neg(b, T->fwd->x, d);
        arb_dot(c, NULL, 0, T->fwd->x, 1, T->fwd->x, 1, d, prec);
        arb_mul_2exp_si(c, c, -1);
        arb_const_log_sqrt2pi(l, prec);
        arb_addmul_si(c, l, d, prec);
        arb_neg(c, c);
        jet_set_quadratic(J, c, b, H, jc0, prec);
        arb_clear(c);
        arb_clear(l);
        _arb_vec_clear(b, d);
        arb_mat_clear(H);
    }
    for (i = 0; i < T->m[0]; i++)
        arb_set(x0 + i, J->coeffs + i);
    jet_clear(J, jc0);
    jet_ctx_clear(jc0);
}

int
_wkb_tr_backward(_wkb_tr_t T, slong prec)
{
    const problem_struct * P = T->P;
    slong n, p;
    int ok = 1;

    if (!T->have_fwd)
        return 0;

    p = (T->order_bwd > 0) ? T->order_bwd : _wkb_tr_default_order(prec);
    T->Lc = p + 2;
    T->steps_bwd = 0;

    for (n = 0; n < T->nb && ok; n++)
    {
        _wkb_tr_block_struct * B = T->blk + n;
        ode_problem_t Q;
        ode_options_t opt;

        ode_problem_init(Q, T->m[n]);
        ode_options_init(opt);
        ode_problem_set_rhs(Q, _wkb_tr_bwd_rhs, NULL, B);
        arb_set(Q->t0, P->T);
        arb_set(Q->t1, P->t0);
        _arb_vec_zero(Q->x0, T->m[n]);
        if (n == 0)
            _terminal(Q->x0, T, prec);
        opt->order = p;
        if (T->max_steps > 0)
            opt->max_steps = T->max_steps;
        opt->store = 1;

        B->inc_valid = 0;
        ok = (ode_solve(B->sol, Q, opt, prec) == ODE_SUCCESS);
        B->have = ok;
        T->steps_bwd += B->sol->len;

        ode_options_clear(opt);
        ode_problem_clear(Q);
    }
    return ok;
}
