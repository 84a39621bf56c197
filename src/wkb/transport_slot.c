/*
    _wkb_tr_slot: the time-dependent coefficients of the backward jet
    system at a time ball t, as tjets in (xi, tau) of tau-length L:
      X(t + tau)           the characteristic (forward dense output),
      S_i = s_i(X + xi)    score model, xi-degree KJ = 2N + 1,
      G_i = F_i(X + xi) - F_i(X) = f xi_i - (g^2/2)(S_i - S_i(X)),
      div s, div F = d f - (g^2/2) div s   (exact through degree 2N),
      g^2/2,
    and lazily, per block i, the series of U_i (from block i's dense
    output: a stored step's series when the time ball is the step's start
    or inside the step, else ode_solution_series), of its derivatives and
    Laplacian, and the
    inhomogeneous term b_i of block i's equation (see transport_impl.h).
    Each encloses the true Taylor coefficients at every time of the ball t
    (score_tjet's contract with X from ode_solution_series).  Slots are
    reused by exact equality of the time ball (LRU replacement).
*/
#include "transport_impl.h"

static int
_slot_compute(_wkb_tr_t T, _wkb_tr_slot_struct * s, const arb_t t, slong prec)
{
    const problem_struct * P = T->P;
    slong d = T->d, L = s->L, i;
    arb_poly_t a, s2, f, g2;
    tjet_t D;
    int ok = 1;

    arb_poly_init(a);
    arb_poly_init(s2);
    arb_poly_init(f);
    arb_poly_init(g2);
    tjet_init(D, s->ctx);

    if (!T->have_fwd || !ode_solution_series(s->X, T->fwd, t, L, prec))
    {
        ok = 0;
        goto cleanup;
    }
    sched_a_series(a, P->sde, t, L, prec);
    sched_s2_series(s2, P->sde, t, L, prec);
    sched_f_series(f, P->sde, t, L, prec);
    sched_g2_series(g2, P->sde, t, L, prec);

    _score_tjet(s->S, P->score, P->data, a, s2, s->X, s->ctx, prec);

    /* g^2/2 */
    _wkb_tr_series_get(s->hg2, g2, L);
    _arb_vec_scalar_mul_2exp_si(s->hg2, s->hg2, L, -1);
    arb_poly_scalar_mul_2exp_si(g2, g2, -1);
    arb_poly_neg(g2, g2);          /* g2 := -g^2/2 */

    tjet_zero(s->divs, s->ctx);
    for (i = 0; i < d; i++)
    {
        tjet_derivative(D, s->S + i, i, s->ctx, prec);
        tjet_add(s->divs, s->divs, D, s->ctx, prec);
    }
    for (i = 0; i < d; i++)
    {
        tjet_set(D, s->S + i, s->ctx);
        _arb_vec_zero(tjet_coeff(D, 0, s->ctx), L);
        tjet_scalar_mul_arb_poly(s->G + i, D, g2, s->ctx, prec);
        if (T->jc->K >= 1)
        {
            arb_ptr c = tjet_coeff(s->G + i, 1 + i, s->ctx);
            slong k;
            for (k = 0; k < FLINT_MIN(L, f->length); k++)
                arb_add(c + k, c + k, f->coeffs + k, prec);
        }
    }
    tjet_scalar_mul_arb_poly(s->divF, s->divs, g2, s->ctx, prec);
    {
        arb_ptr c = tjet_coeff(s->divF, 0, s->ctx);
        slong k;
        for (k = 0; k < FLINT_MIN(L, f->length); k++)
            arb_addmul_si(c + k, f->coeffs + k, d, prec);
    }

    for (i = 0; i < d && ok; i++)
        ok = _arb_vec_is_finite(s->S[i].coeffs, T->jc->len * L)
            && _arb_vec_is_finite(s->G[i].coeffs, T->jc->len * L);
    ok = ok && _arb_vec_is_finite(s->divF->coeffs, T->jc->len * L);

cleanup:
    arb_poly_clear(a);
    arb_poly_clear(s2);
    arb_poly_clear(f);
    arb_poly_clear(g2);
    tjet_clear(D, s->ctx);
    return ok;
}

static void
_slot_alloc(_wkb_tr_slot_struct * s, const _wkb_tr_struct * T, slong L)
{
    slong i, d = T->d, nb = T->nb;
    tjet_ctx_init(s->ctx, T->jc, L);
    s->L = L;
    s->X = flint_malloc(sizeof(arb_poly_struct) * d);
    s->S = flint_malloc(sizeof(tjet_struct) * d);
    s->G = flint_malloc(sizeof(tjet_struct) * d);
    for (i = 0; i < d; i++)
    {
        arb_poly_init(s->X + i);
        tjet_init(s->S + i, s->ctx);
        tjet_init(s->G + i, s->ctx);
    }
    tjet_init(s->divs, s->ctx);
    tjet_init(s->divF, s->ctx);
    s->hg2 = _arb_vec_init(L);
    s->Us = flint_malloc(sizeof(arb_ptr) * nb);
    s->Ds = flint_malloc(sizeof(arb_ptr) * nb);
    s->Ls = flint_malloc(sizeof(arb_ptr) * nb);
    s->bs = flint_malloc(sizeof(arb_ptr) * nb);
    s->haveU = flint_malloc(sizeof(int) * nb);
    s->haveb = flint_malloc(sizeof(int) * nb);
    for (i = 0; i < nb; i++)
    {
        s->Us[i] = _arb_vec_init(T->m[i] * L);
        s->Ds[i] = _arb_vec_init(FLINT_MAX(d * T->mD[i], 1) * L);
        s->Ls[i] = _arb_vec_init(FLINT_MAX(T->mL[i], 1) * L);
        s->bs[i] = _arb_vec_init(T->m[i] * L);
        s->haveU[i] = s->haveb[i] = 0;
    }
}

_wkb_tr_slot_struct *
_wkb_tr_slot(_wkb_tr_t T, const arb_t t, slong L, slong prec)
{
    slong j, best = 0;
    _wkb_tr_slot_struct * s;

    T->clock++;
    for (j = 0; j < _WKB_TR_SLOTS; j++)
    {
        s = T->slot + j;
        if (s->valid && s->L >= L && arb_equal(s->t, t))
        {
            s->stamp = T->clock;
            return s;
        }
    }
    for (j = 1; j < _WKB_TR_SLOTS; j++)
        if (T->slot[j].stamp < T->slot[best].stamp)
            best = j;
    s = T->slot + best;
    s->valid = 0;
    if (s->L != L)
    {
        _wkb_tr_slot_free(s, T);
        _slot_alloc(s, T, L);
    }
    for (j = 0; j < T->nb; j++)
        s->haveU[j] = s->haveb[j] = 0;
    arb_set(s->t, t);
    s->stamp = T->clock;
    {
        /* the solvers only ask about times of [t0, T]; their time balls may
           leak beyond it by rounding (outside the schedule's domain, or
           the dense output's) */
        arb_t tc;
        int ok;
        arb_init(tc);
        problem_clip_time(tc, T->P, t, prec);
        ok = _slot_compute(T, s, tc, prec);
        arb_clear(tc);
        if (!ok)
            return NULL;
    }
    s->valid = 1;
    return s;
}

/* out[0..L-1] (+)= or -= the series sum_{pairs (a,b) of r, a >= amin}
   A_a B_b truncated at length L (monomial q's series at q * L in both). */
static void
_prod_full(arb_ptr out, int subtract, arb_srcptr A, arb_srcptr B, slong r, slong amin,
           slong L, const jet_ctx_t jc, slong prec)
{
    slong q, a, b, k;
    const slong * pr = jc->mul_pairs + 2 * jc->mul_start[r];
    slong np = jc->mul_start[r + 1] - jc->mul_start[r];
    for (q = 0; q < np; q++)
    {
        a = pr[2 * q];
        b = pr[2 * q + 1];
        if (a < amin)
            continue;
        for (k = 0; k < L; k++)
            arb_dot(out + k, out + k, subtract, A + a * L, 1, B + b * L + k, -1, k + 1, prec);
    }
}

/*
    The series of a block's solution at the time ball t read off its dense
    output's stored steps instead of recomputed from the state there
    (ode.h: bser of a step, length p + 2, encloses the Taylor coefficients
    of the solution at every time of the step; poly, length p + 1, is the
    series at the step's start t of every solution through the state hull
    there, ode_solve's ser_h).  The lockstep march asks a block's lower
    blocks at the times of its own step, which are those of theirs:
      - t equal to a step's start (arb_equal): poly, and the coefficient
        p + 1 from bser (the start is a time of the step).  A time ball
        here stands for one true time, the same for every block (the
        march hands the same ball to all), and poly, computed at the ball,
        encloses the series at each of its times (the march's first,
        tiny interval starts at the ball T);
      - t a wide ball inside the times that the step covers for every
        value of its start and length balls: bser.
    Returns 1 if ser (length L <= p + 2) was set this way, 0 otherwise.
*/
static int
_blk_series_from_step(arb_poly_struct * ser, const ode_solution_t sol, const arb_t t,
                      slong L, slong prec)
{
    slong j, r, n = sol->n;
    arf_t lo, hi, a, b;
    arb_t e;
    int found = 0;

    if (sol->len == 0)
        return 0;
    arf_init(lo); arf_init(hi); arf_init(a); arf_init(b);
    arb_init(e);
    arb_get_lbound_arf(lo, t, prec);
    arb_get_ubound_arf(hi, t, prec);
    /* the lockstep march appends the steps of the current interval last */
    for (j = sol->len - 1; j >= 0 && j >= sol->len - 8 && !found; j--)
    {
        const ode_step_struct * st = sol->steps + j;
        if (L > st->p + 2)
            break;
        if (arb_equal(st->t, t))
        {
            for (r = 0; r < n; r++)
            {
                arb_poly_set(ser + r, st->poly + r);
                arb_poly_truncate(ser + r, L);
                if (L == st->p + 2)
                {
                    arb_t c;
                    arb_init(c);
                    arb_poly_get_coeff_arb(c, st->bser + r, st->p + 1);
                    arb_poly_set_coeff_arb(ser + r, st->p + 1, c);
                    arb_clear(c);
                }
            }
            found = 1;
            continue;
        }
        if (arb_is_exact(t))
            continue;
        /* a narrow ball (an inexact point: the march's times were all
           balls when T = 0.999 was its start) is better served by
           ode_solution_series, which starts from the step polynomial's
           value there: bser's constant term is the range over the whole
           step (0.085 against 1e-21 for U_0 near T under COSINE, and c_1
           came out 0.006 wide) */
        if (mag_cmp_2exp_si(arb_radref(t), -8 + (arf_is_zero(arb_midref(st->h)) ? 0 :
                            ARF_EXP(arb_midref(st->h)))) < 0)
            continue;
        /* times covered for every start in st->t and length in st->h:
           [ub(t + h), lb(t)] for h < 0, [ub(t), lb(t + h)] for h > 0 */
        arb_add(e, st->t, st->h, prec);
        if (arb_is_negative(st->h))
        {
            arb_get_ubound_arf(a, e, prec);
            arb_get_lbound_arf(b, st->t, prec);
        }
        else if (arb_is_positive(st->h))
        {
            arb_get_ubound_arf(a, st->t, prec);
            arb_get_lbound_arf(b, e, prec);
        }
        else
            continue;
        if (arf_cmp(a, lo) <= 0 && arf_cmp(hi, b) <= 0)
        {
            for (r = 0; r < n; r++)
            {
                arb_poly_set(ser + r, st->bser + r);
                arb_poly_truncate(ser + r, L);
            }
            found = 1;
        }
    }
    arf_clear(lo); arf_clear(hi); arf_clear(a); arf_clear(b);
    arb_clear(e);
    return found;
}

int
_wkb_tr_slot_block(_wkb_tr_t T, _wkb_tr_slot_struct * s, slong i, slong prec)
{
    const jet_ctx_struct * jc = T->jc;
    slong d = T->d, L = s->L, m = T->m[i], r, v;
    arb_poly_struct * ser;
    int ok;

    if (s->haveU[i])
        return 1;
    if (!T->blk[i].have)
        return 0;

    ser = flint_malloc(sizeof(arb_poly_struct) * m);
    for (r = 0; r < m; r++)
        arb_poly_init(ser + r);
    {
        arb_t tc;
        arb_init(tc);
        problem_clip_time(tc, T->P, s->t, prec);
        ok = _blk_series_from_step(ser, T->blk[i].sol, tc, L, prec);
        if (!ok)
        {
            ok = ode_solution_series(ser, T->blk[i].sol, tc, L, prec);
        }
        arb_clear(tc);
    }
    /* (the nested calls hit this same slot: same time ball) */
    if (ok)
    {
        arb_ptr U = s->Us[i], D = s->Ds[i], Lp = s->Ls[i];
        for (r = 0; r < m; r++)
            _wkb_tr_series_get(U + r * L, ser + r, L);
        for (v = 0; v < d; v++)
            for (r = 0; r < T->mD[i]; r++)
            {
                slong k, e = jc->exps[r * d + v] + 1;
                arb_ptr o = D + (v * T->mD[i] + r) * L;
                arb_srcptr u = U + jc->up[r * d + v] * L;
                for (k = 0; k < L; k++)
                    arb_mul_si(o + k, u + k, e, prec);
            }
        for (r = 0; r < T->mL[i]; r++)
        {
            _arb_vec_zero(Lp + r * L, L);
            for (v = 0; v < d; v++)
            {
                slong e = jc->exps[r * d + v];
                slong up = jc->up[jc->up[r * d + v] * d + v];
                slong k;
                for (k = 0; k < L; k++)
                    arb_addmul_si(Lp + r * L + k, U + up * L + k, (e + 1) * (e + 2), prec);
            }
        }
        s->haveU[i] = 1;
    }
    for (r = 0; r < m; r++)
        arb_poly_clear(ser + r);
    flint_free(ser);
    return ok;
}

int
_wkb_tr_slot_inhom(_wkb_tr_t T, _wkb_tr_slot_struct * s, slong n, slong prec)
{
    const jet_ctx_struct * jc = T->jc;
    slong d = T->d, L = s->L, r, v, a, i, k;
    arb_ptr b = s->bs[n];

    if (s->haveb[n])
        return 1;

    if (n == 0)
    {
        for (r = 0; r < T->m[0]; r++)
            _arb_vec_neg(b + r * L, tjet_coeff(s->divF, r, s->ctx), L);
    }
    else
    {
        slong n1 = n - 1;
        arb_ptr w, tmp;
        for (i = 0; i < n; i++)
            if (!_wkb_tr_slot_block(T, s, i, prec))
                return 0;
        w = _arb_vec_init(L);
        tmp = _arb_vec_init(L);
        for (r = 0; r < T->m[n]; r++)
        {
            if (n == 1)
                _arb_vec_set(w, tjet_coeff(s->divs, r, s->ctx), L);
            else
                _arb_vec_zero(w, L);
            for (v = 0; v < d; v++)
                _prod_full(w, 0, s->S[v].coeffs, s->Ds[n1] + v * T->mD[n1] * L, r, 0, L, jc, prec);
            _arb_vec_sub(w, w, s->Ls[n1] + r * L, L, prec);
            for (a = 0; 2 * a <= n1; a++)
            {
                slong c = n1 - a;
                _arb_vec_zero(tmp, L);
                for (v = 0; v < d; v++)
                    _prod_full(tmp, 0, s->Ds[a] + v * T->mD[a] * L,
                               s->Ds[c] + v * T->mD[c] * L, r, 0, L, jc, prec);
                if (a != c)
                    _arb_vec_scalar_mul_2exp_si(tmp, tmp, L, 1);
                _arb_vec_sub(w, w, tmp, L, prec);
            }
            for (k = 0; k < L; k++)
                arb_dot(b + r * L + k, NULL, 0, s->hg2, 1, w + k, -1, k + 1, prec);
        }
        _arb_vec_clear(w, L);
        _arb_vec_clear(tmp, L);
    }
    s->haveb[n] = _arb_vec_is_finite(b, T->m[n] * L);
    return s->haveb[n];
}
