/*
    wkb_transport_opt_init; _wkb_tr_init, _wkb_tr_clear: the state of the
    jet-transport route (see transport_impl.h).
*/
#include "transport_impl.h"

void
wkb_transport_opt_init(wkb_transport_opt_t opt)
{
    opt->order_fwd = 0;
    opt->order_bwd = 0;
    opt->max_steps = 0;
    opt->steps_fwd = 0;
    opt->steps_bwd = 0;
    opt->jac_switched = 0;
    opt->steps_aux = 0;
}

void
_wkb_tr_series_get(arb_ptr out, const arb_poly_t p, slong L)
{
    slong n = FLINT_MIN(L, p->length);
    _arb_vec_set(out, p->coeffs, n);
    _arb_vec_zero(out + n, L - n);
}

void
_wkb_tr_init(_wkb_tr_t T, const problem_t P, slong N, slong nb,
        const wkb_transport_opt_struct * opt)
{
    slong d = P->dim, n, j;

    T->P = P;
    T->d = d;
    T->N = N;
    T->nb = nb;
    T->KJ = 2 * N + 1;
    jet_ctx_init(T->jc, d, T->KJ);
    T->K = flint_malloc(sizeof(slong) * nb);
    T->m = flint_malloc(sizeof(slong) * nb);
    T->mD = flint_malloc(sizeof(slong) * nb);
    T->mL = flint_malloc(sizeof(slong) * nb);
    for (n = 0; n < nb; n++)
    {
        T->K[n] = 2 * (N - n);
        T->m[n] = T->jc->deg_start[T->K[n] + 1];
        T->mD[n] = (T->K[n] >= 1) ? T->jc->deg_start[T->K[n]] : 0;
        T->mL[n] = (T->K[n] >= 2) ? T->jc->deg_start[T->K[n] - 1] : 0;
    }
    T->order_fwd = (opt != NULL) ? opt->order_fwd : 0;
    T->order_bwd = (opt != NULL) ? opt->order_bwd : 0;
    T->max_steps = (opt != NULL) ? opt->max_steps : 0;
    T->jac_max_m = _WKB_TR_JAC_MAX_M;
    T->jac_switched = 0;
    T->Lc = 1;

    ode_solution_init(T->fwd, d);
    T->have_fwd = 0;

    T->blk = flint_malloc(sizeof(_wkb_tr_block_struct) * nb);
    for (n = 0; n < nb; n++)
    {
        _wkb_tr_block_struct * B = T->blk + n;
        B->T = T;
        B->n = n;
        ode_solution_init(B->sol, T->m[n]);
        B->have = 0;
        B->inc_valid = 0;
        arb_init(B->inc_t);
        B->inc_len = 0;
        B->Lmax = 0;
        B->U = B->D = B->R = NULL;
    }

    for (j = 0; j < _WKB_TR_SLOTS; j++)
    {
        _wkb_tr_slot_struct * s = T->slot + j;
        s->valid = 0;
        s->L = 0;
        s->stamp = 0;
        arb_init(s->t);
    }
    T->clock = 0;
    T->steps_fwd = T->steps_bwd = 0;
}

void
_wkb_tr_slot_free(_wkb_tr_slot_struct * s, const _wkb_tr_struct * T)
{
    slong i, d = T->d, L = s->L;
    if (L == 0)
        return;
    for (i = 0; i < d; i++)
    {
        arb_poly_clear(s->X + i);
        tjet_clear(s->S + i, s->ctx);
        tjet_clear(s->G + i, s->ctx);
    }
    flint_free(s->X);
    flint_free(s->S);
    flint_free(s->G);
    tjet_clear(s->divs, s->ctx);
    tjet_clear(s->divF, s->ctx);
    _arb_vec_clear(s->hg2, L);
    for (i = 0; i < T->nb; i++)
    {
        _arb_vec_clear(s->Us[i], T->m[i] * L);
        _arb_vec_clear(s->Ds[i], FLINT_MAX(d * T->mD[i], 1) * L);
        _arb_vec_clear(s->Ls[i], FLINT_MAX(T->mL[i], 1) * L);
        _arb_vec_clear(s->bs[i], T->m[i] * L);
    }
    flint_free(s->Us);
    flint_free(s->Ds);
    flint_free(s->Ls);
    flint_free(s->bs);
    flint_free(s->haveU);
    flint_free(s->haveb);
    tjet_ctx_clear(s->ctx);
    s->L = 0;
    s->valid = 0;
}

void
_wkb_tr_blk_inc_free(_wkb_tr_block_struct * B)
{
    const _wkb_tr_struct * T = B->T;
    slong n = B->n;
    if (B->Lmax == 0)
        return;
    _arb_vec_clear(B->U, T->m[n] * B->Lmax);
    _arb_vec_clear(B->R, T->m[n] * B->Lmax);
    _arb_vec_clear(B->D, FLINT_MAX(T->d * T->mD[n], 1) * B->Lmax);
    B->Lmax = 0;
    B->inc_valid = 0;
}

void
_wkb_tr_clear(_wkb_tr_t T)
{
    slong j;
    for (j = 0; j < _WKB_TR_SLOTS; j++)
    {
        _wkb_tr_slot_free(T->slot + j, T);
        arb_clear(T->slot[j].t);
    }
    for (j = 0; j < T->nb; j++)
    {
        _wkb_tr_blk_inc_free(T->blk + j);
        arb_clear(T->blk[j].inc_t);
        ode_solution_clear(T->blk[j].sol);
    }
    flint_free(T->blk);
    ode_solution_clear(T->fwd);
    jet_ctx_clear(T->jc);
    flint_free(T->K);
    flint_free(T->m);
    flint_free(T->mD);
    flint_free(T->mL);
}
