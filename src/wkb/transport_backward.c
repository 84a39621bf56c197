/*
    _wkb_tr_backward: integrate the backward jet system from T down to t0
    (after _wkb_tr_forward), one block after the other (block n's equation
    takes the blocks below from their dense outputs).  Terminal data at T: U_0 = the Taylor jet of
    log pi at X(T) (normal prior: -(d/2) log 2 pi - |X + xi|^2 / 2, an exact
    quadratic; marginal prior: target_log_density_jet of the data law at T),
    U_n = 0 for n >= 1.  X(T) is the forward solve's enclosure, so the
    terminal state encloses the true one.
*/
#include <string.h>
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

/* Move the steps of src to the end of dst (src keeps no steps). */
static void
_append_steps(ode_solution_t dst, ode_solution_t src)
{
    if (dst->len + src->len > dst->alloc)
    {
        dst->alloc = FLINT_MAX(16, 2 * (dst->len + src->len));
        dst->steps = flint_realloc(dst->steps, sizeof(ode_step_struct) * dst->alloc);
    }
    memcpy(dst->steps + dst->len, src->steps, sizeof(ode_step_struct) * src->len);
    dst->len += src->len;
    src->len = 0;
}

/* Q, opt, tmp initialised for block B's solve from (a, x0) to b at order
   p, steps stored. */
static void
_block_init(ode_problem_t Q, ode_options_t opt, ode_solution_t tmp,
            _wkb_tr_block_struct * B, arb_srcptr x0, const arb_t a, const arb_t b, slong p)
{
    slong m = B->T->m[B->n];
    ode_problem_init(Q, m);
    ode_options_init(opt);
    ode_solution_init(tmp, m);
    ode_problem_set_rhs(Q, _wkb_tr_bwd_rhs, B->sol->jac, B);
    arb_set(Q->t0, a);
    arb_set(Q->t1, b);
    _arb_vec_set(Q->x0, x0, m);
    opt->order = p;
    opt->store = 1;
}

/* Every block from a to b (whole ode_solves, after each other), appending
   the steps to its dense output and moving state[n] to b; 1 on success. */
static int
_all_blocks(_wkb_tr_t T, arb_ptr * state, const arb_t a, const arb_t b, slong p,
            slong prec)
{
    slong n;
    int ok = 1;

    for (n = 0; n < T->nb && ok; n++)
    {
        _wkb_tr_block_struct * B = T->blk + n;
        ode_problem_t Q;
        ode_options_t opt;
        ode_solution_t tmp;

        _block_init(Q, opt, tmp, B, state[n], a, b, p);
        if (T->max_steps > 0)
            opt->max_steps = T->max_steps;
        ok = (ode_solve(tmp, Q, opt, prec) == ODE_SUCCESS);
        if (ok)
        {
            _arb_vec_set(state[n], tmp->x, T->m[n]);
            _append_steps(B->sol, tmp);
            arb_set(B->sol->t_reached, b);
        }
        ode_solution_clear(tmp);
        ode_options_clear(opt);
        ode_problem_clear(Q);
    }
    return ok;
}

/* r = max_i rad x_i */
static void
_max_rad(mag_t r, arb_srcptr x, slong m)
{
    slong i;
    mag_zero(r);
    for (i = 0; i < m; i++)
        if (mag_cmp(r, arb_radref(x + i)) < 0)
            mag_set(r, arb_radref(x + i));
}

/* Bits of accuracy that the block state U (m balls) has lost against the
   working precision: log2(max_i rad U_i / (2^-prec max(1, max_i |U_i|))),
   at least 0 (0 for an exact state). */
static slong
_lost_bits(arb_srcptr U, slong m, slong prec)
{
    mag_t a, r;
    slong e;
    mag_init(a);
    mag_init(r);
    _arb_vec_get_mag(a, U, m);
    if (mag_cmp_2exp_si(a, 0) < 0)
        mag_one(a);
    _max_rad(r, U, m);
    if (mag_is_zero(r))
        e = 0;
    else if (!mag_is_finite(r) || !mag_is_finite(a))
        e = WORD_MAX / 4;
    else
        e = MAG_EXP(r) - MAG_EXP(a) + prec;
    mag_clear(a);
    mag_clear(r);
    return FLINT_MAX(e, 0);
}

/*
    The backward blocks start without the Jacobian (cheaper, and as tight
    on most problems).  Where the flow contracts strongly (between two
    modes of the 25-Gaussian the forward flow contracts by e^-41), a block's
    series on a ball grows like e^{|DF| h} per step instead of shrinking,
    and the state loses accuracy geometrically: 2^132 over the march.  A
    block is put on trial when, after interval k (k a multiple of 8,
    k >= 16), it has lost more than _WKB_TR_SWITCH_MIN bits in all, more
    than _WKB_TR_SWITCH_BITS since interval k/2 (rounding errors add up:
    about 1 bit when k doubles) and at least next[n] bits.  hist[k * nb +
    n] holds the lost bits after interval k.  Never affects containment.
*/
static void
_trials_due(int * due, const slong * next, const _wkb_tr_t T, const slong * hist, slong k)
{
    slong n, nb = T->nb;
    if (k % 8 != 0 || k < 16)
        return;
    for (n = 0; n < nb; n++)
    {
        slong now = hist[k * nb + n], half = hist[(k / 2) * nb + n];
        if (T->blk[n].sol->jac == NULL && now > _WKB_TR_SWITCH_MIN &&
            now - half > _WKB_TR_SWITCH_BITS && now >= next[n])
            due[n] = 1;
    }
}

/*
    Trial of block B on the interval of Q (from Q->t0, Q->x0) to b, which
    tmp has just crossed without the Jacobian: the same interval with it.
    If its end state's radius grew by at most a quarter as much (or
    shrank), the block switches for the rest of the march and tmp takes
    the new solve (returns 1); radii are the maxima over the components.  Else
    the end state x becomes the intersection of both enclosures (each
    holds the true state) and 0 is returned.
*/
static int
_trial_jac(_wkb_tr_block_struct * B, ode_solution_t tmp, arb_ptr x, const ode_problem_t Q,
           const arb_t b, slong p, slong prec)
{
    slong i, m = B->T->m[B->n];
    ode_problem_t Q2;
    ode_options_t opt;
    ode_solution_t tmp2;
    int sw = 0;

    _block_init(Q2, opt, tmp2, B, Q->x0, Q->t0, b, p);
    ode_problem_set_rhs(Q2, _wkb_tr_bwd_rhs, _wkb_tr_bwd_jac, B);
    if (B->T->max_steps > 0)
        opt->max_steps = B->T->max_steps;
    if (ode_solve(tmp2, Q2, opt, prec) == ODE_SUCCESS)
    {
        mag_t r0, r1, r2;
        mag_init(r0);
        mag_init(r1);
        mag_init(r2);
        _max_rad(r0, Q->x0, m);
        _max_rad(r1, x, m);
        _max_rad(r2, tmp2->x, m);
        /* r2 - r0 <= (r1 - r0) / 4, i.e. 4 r2 <= r1 + 3 r0 */
        mag_mul_2exp_si(r2, r2, 2);
        mag_mul_ui(r0, r0, 3);
        mag_add(r1, r1, r0);
        if (mag_cmp(r2, r1) <= 0)
        {
            ode_solution_struct u = *tmp;
            *tmp = *tmp2;
            *tmp2 = u;
            _arb_vec_set(x, tmp->x, m);
            B->sol->jac = _wkb_tr_bwd_jac;
            B->T->jac_switched++;
            sw = 1;
        }
        else
        {
            arb_t v;
            arb_init(v);
            for (i = 0; i < m; i++)
                if (arb_intersection(v, x + i, tmp2->x + i, prec))
                    arb_swap(x + i, v);
            arb_clear(v);
        }
        mag_clear(r0);
        mag_clear(r1);
        mag_clear(r2);
    }
    ode_solution_clear(tmp2);
    ode_options_clear(opt);
    ode_problem_clear(Q2);
    return sw;
}

/* e = the end of [T, t0] moved inwards to a dyadic number (prec bits),
   or e = the end itself if it is exact or no such number is found */
static void
_exact_end(arb_t e, const arb_t end, const arb_t other, slong prec)
{
    int down = arb_lt(other, end);   /* inwards is downwards */
    arf_t u, v;

    if (arb_is_exact(end))
    {
        arb_set(e, end);
        return;
    }
    arf_init(u);
    arf_init(v);
    if (down)
        arb_get_lbound_arf(u, end, prec);
    else
        arb_get_ubound_arf(u, end, prec);
    /* a step of 2^(exponent - prec + 8) further in: strictly inside */
    arf_set_si_2exp_si(v, down ? -1 : 1, (arf_is_zero(u) ? 0 : ARF_EXP(u)) - prec + 8);
    arf_add(u, u, v, prec, down ? ARF_RND_FLOOR : ARF_RND_CEIL);
    arb_set_arf(e, u);
    if (!(down ? (arb_lt(other, e) && arb_lt(e, end)) : (arb_gt(other, e) && arb_gt(e, end))))
        arb_set(e, end);
    arf_clear(u);
    arf_clear(v);
}

/*
    Lockstep march: the blocks are integrated interval by interval on the
    forward solve's grid (reversed), block 0 then block 1 ... on each
    interval, each by its own validated ode_solve from the state reached at
    the interval's start (which encloses the true state there).  All blocks
    then ask for the coefficients at the same time balls (the interval's
    end point and its hull), so one time slot serves every block instead of
    each block's solve computing its own (the score jets of degree 2N + 1
    are the dominant cost).  The steps are appended to each block's dense
    output, which therefore encloses U_n on [t0, T].

    The march runs on exact times: when T or t0 is a ball (0.999 is), all
    blocks first cross the tiny interval from T to a dyadic T1 just inside
    (width about 2^-prec), and last the one from a dyadic t0' to t0.  A
    time ball stands for one true time, but a slot only knows the ball:
    with inexact times a follower's step hull [b, a] reaches past the
    leader's step by the radius of b, the lower block's stored step series
    no longer covers it, and the much wider fallback was taken (COSINE
    25-Gaussian: c_1 0.006 wide instead of 1e-21, or a follower failing
    with steps halving towards b).
*/
int
_wkb_tr_backward(_wkb_tr_t T, slong prec)
{
    const problem_struct * P = T->P;
    slong n, p, k;
    arb_ptr * state;
    ode_solution_t tmp;
    arb_t a, b, hmax, tend;
    int ok = 1;
    slong * hist = NULL, hist_alloc = 0;   /* lost bits per interval and block */
    slong * next;                          /* per block: lost bits for a trial */
    int * due;                             /* per block: trial on the next interval */

    if (!T->have_fwd || T->fwd->len < 1)
        return 0;

    p = (T->order_bwd > 0) ? T->order_bwd : _wkb_tr_default_order(prec);
    T->Lc = p + 2;
    T->steps_bwd = 0;
    T->jac_switched = 0;

    state = flint_malloc(sizeof(arb_ptr) * T->nb);
    next = flint_calloc(T->nb, sizeof(slong));
    due = flint_calloc(T->nb, sizeof(int));
    for (n = 0; n < T->nb; n++)
    {
        _wkb_tr_block_struct * B = T->blk + n;
        state[n] = _arb_vec_init(T->m[n]);
        if (n == 0)
            _terminal(state[n], T, prec);
        /* reset the dense output; it collects the steps of every interval */
        ode_solution_clear(B->sol);
        ode_solution_init(B->sol, T->m[n]);
        B->sol->rhs = _wkb_tr_bwd_rhs;
        B->sol->jac = (T->m[n] <= T->jac_max_m) ? _wkb_tr_bwd_jac : NULL;
        B->sol->param = B;
        arb_set(B->sol->t_reached, P->T);
        B->have = 1;
        B->inc_valid = 0;
    }
    arb_init(a);
    arb_init(b);
    arb_init(hmax);

    arb_init(tend);
    _exact_end(a, P->T, P->t0, prec);
    _exact_end(tend, P->t0, P->T, prec);
    if (!arb_equal(a, P->T))
        ok = _all_blocks(T, state, P->T, a, p, prec);
    for (k = 0; ok && !arb_equal(a, tend); k++)
    {
        if (k >= ((T->max_steps > 0) ? T->max_steps : 100000))
        {
            ok = 0;
            break;
        }
        for (n = 0; n < T->nb && ok; n++)
        {
            _wkb_tr_block_struct * B = T->blk + n;
            ode_problem_t Q;
            ode_options_t opt;
            int st;

            /* block 0 takes one adaptive step towards t0; the others
               follow it over the interval [b, a] */
            _block_init(Q, opt, tmp, B, state[n], a, (n == 0) ? tend : b, p);
            if (n == 0)
            {
                opt->max_steps = 1;
                /* the solver's own step control is restarted for every
                   step: at most 17/16 of the last interval (else nearly
                   every first trial is rejected) */
                if (k > 0)
                    arb_set(opt->max_step, hmax);
            }
            else if (T->max_steps > 0)
                opt->max_steps = T->max_steps;

            st = ode_solve(tmp, Q, opt, prec);
            if (n == 0)
            {
                ok = (st == ODE_SUCCESS || (st == ODE_FAIL_MAX_STEPS && tmp->len == 1));
                if (ok)
                {
                    arb_set(b, tmp->t_reached);
                    arb_sub(hmax, a, b, prec);
                    arb_get_abs_ubound_arf(arb_midref(hmax), hmax, 30);
                    mag_zero(arb_radref(hmax));
                    arb_mul_ui(hmax, hmax, 17, 30);
                    arb_mul_2exp_si(hmax, hmax, -4);
                    /* 8 bits: rounding 17/16 h down to 4 bits gives h
                       back when h is a power of 2, and the steps never
                       grew again (COSINE, T = 0.999: 4051 steps of
                       2^-12 instead of 154) */
                    arf_set_round(arb_midref(hmax), arb_midref(hmax), 8, ARF_RND_DOWN);
                    /* ode_solve's own state, also after the step limit:
                       the stored step evaluated at its end is a series on
                       a ball, which grows like e^{|DF| h} per step where
                       the flow contracts (between two modes of the
                       25-Gaussian: 2^132 over the march) */
                    _arb_vec_set(state[n], tmp->x, T->m[n]);
                }
            }
            else
            {
                ok = (st == ODE_SUCCESS);
                if (ok)
                    _arb_vec_set(state[n], tmp->x, T->m[n]);
                /* a follower that needed a smaller step than the interval
                   caps the next interval at 3/4 of its first step (the
                   steps shrink towards t0; this keeps the followers on
                   the leader's grid, where the time slots are shared) */
                if (ok && (tmp->len > 1 || tmp->num_rejected > 0))
                {
                    arb_t u;
                    arb_init(u);
                    arb_abs(u, tmp->steps[0].h);
                    arb_get_ubound_arf(arb_midref(u), u, 30);
                    mag_zero(arb_radref(u));
                    arb_mul_ui(u, u, 12, 30);
                    arb_mul_2exp_si(u, u, -4);
                    arf_set_round(arb_midref(u), arb_midref(u), 4, ARF_RND_DOWN);
                    if (arb_lt(u, hmax))
                        arb_set(hmax, u);
                    arb_clear(u);
                }
            }
            if (ok && due[n])
            {
                due[n] = 0;
                if (!_trial_jac(B, tmp, state[n], Q, b, p, prec))
                    next[n] = _lost_bits(state[n], T->m[n], prec) + _WKB_TR_SWITCH_BITS;
            }
            if (ok)
            {
                _append_steps(B->sol, tmp);
                arb_set(B->sol->t_reached, b);
            }
            ode_solution_clear(tmp);
            ode_options_clear(opt);
            ode_problem_clear(Q);
        }
        arb_set(a, b);
        if (ok)
        {
            if (k + 1 >= hist_alloc)
            {
                hist_alloc = 2 * (k + 1);
                hist = flint_realloc(hist, sizeof(slong) * hist_alloc * T->nb);
            }
            for (n = 0; n < T->nb; n++)
                hist[(k + 1) * T->nb + n] = _lost_bits(state[n], T->m[n], prec);
            _trials_due(due, next, T, hist, k + 1);
        }
    }
    if (ok && !arb_equal(tend, P->t0))
        ok = _all_blocks(T, state, tend, P->t0, p, prec);
    arb_clear(tend);

    for (n = 0; n < T->nb; n++)
    {
        _wkb_tr_block_struct * B = T->blk + n;
        if (ok)
        {
            _arb_vec_set(B->sol->x, state[n], T->m[n]);
            B->sol->status = ODE_SUCCESS;
        }
        else
        {
            _arb_vec_indeterminate(B->sol->x, T->m[n]);
            B->sol->status = ODE_FAIL_STEP;
            B->have = 0;
        }
        _arb_vec_clear(state[n], T->m[n]);
    }
    if (ok)
    {
        T->steps_bwd = 0;
        for (n = 0; n < T->nb; n++)
            T->steps_bwd += T->blk[n].sol->len;
    }
    flint_free(state);
    flint_free(hist);
    flint_free(next);
    flint_free(due);
    arb_clear(a);
    arb_clear(b);
    arb_clear(hmax);
    return ok;
}
