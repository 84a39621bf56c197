/*
    wkb_nll_quad_c0: the certified d = 1 NLL at h = 0,
        NLL_0 = -int p_0(x) c_0(x) dx,   c_0 = log q^0_{t0},
    for any data law that is a Gaussian mixture and any score, by Taylor
    models of c_0 on subintervals of [-R, R] and a proven tail bound.
    wkb_nll_quad_cn does the same for C_1 = -int p_0 c_1 (n = 1): below,
    read c_1 for c_0, the jets of nll_quad_c1.c and the tail constants of
    nll_quad_tail1.c.

    Tails.  |c_0(x)| <= A + B x^2 for every real x (nll_quad_tail.c), so
    |int_{|x| > R} p_0 c_0| <= A m_0 + B m_2 with m_0, m_2 the mass and the
    second moment of p_0 beyond R (closed forms, nll_quad_moments.c).  R
    grows until this is at most tol/4.

    Subintervals I = [m - r, m + r] (dyadic ends).  Taylor's theorem with
    the Lagrange remainder gives, for x in I,
        c_0(x) = sum_{k<K} a_k (x - m)^k + g(x) (x - m)^K,
    a_k = c_0^{(k)}(m)/k! (the point jet at m: tight balls) and
    g(x) = c_0^{(K)}(xi)/K! for some xi in I, so g(x) lies in the ball b_K
    of the jet over the whole ball I (the flow-map jet solved from a ball
    of initial points, wkb_nll_quad_c0_jet).  K is even, so the weight
    p_0(x) (x - m)^K is nonnegative and
        int_I p_0 c_0  in  sum_{k<K} a_k M_k + b_K M_K,
    M_k = int_I p_0 (x - m)^k (closed forms).  Where p_0 is so small that
    A M_0 + B M_2' (M_2' the second moment about 0) is below half the
    interval's share of the tolerance, that bound is used instead (no
    solve).  An interval whose enclosure is wider than its share
    tol/2 |I|/(2R) is bisected.  The result's radius is thus at most about
    3 tol/4 (plus rounding).
*/
#include <pthread.h>
#include "nll_quad_impl.h"

void
wkb_nll_quad_opt_init(wkb_nll_quad_opt_t opt)
{
    opt->K = 0;
    opt->max_intervals = 0;
    opt->threads = 1;
    opt->progress = NULL;
    opt->progress_param = NULL;
    opt->intervals = opt->solved = opt->crude = 0;
    opt->R = 0;
}

/* Upper bound u of int_a^b p_0(x) (A + B x^2) dx (a, b may be infinite). */
static void
_crude(mag_t u, const problem_t P, const arb_t a, const arb_t b, const arb_t A,
       const arb_t B, slong prec)
{
    arb_ptr M = _arb_vec_init(3);
    arb_t z;
    arb_init(z);
    _wkb_nll_quad_moments(M, P, a, b, z, 2, prec);
    arb_mul(M + 0, M + 0, A, prec);
    arb_addmul(M + 0, M + 2, B, prec);
    arb_get_mag(u, M + 0);
    arb_clear(z);
    _arb_vec_clear(M, 3);
}

/* The enclosure of int_{[m-r, m+r]} p_0 c_n by the Taylor model of degree
   K (see above); 0 if a solve failed, or if the remainder term alone is
   wider than share (then the point jet is not computed). */
static int
_model(arb_t res, const problem_t P, slong n, const arb_t a, const arb_t b, slong K,
       const mag_t tol_pt, const mag_t share, slong prec)
{
    int (*jet)(arb_ptr, const problem_t, const arb_t, slong, slong, const mag_t, slong)
        = (n == 0) ? _wkb_nll_quad_c0_jet : _wkb_nll_quad_c1_jet;
    arb_ptr ap, ab, M;
    arb_t m, xb;
    mag_t tb;
    slong k;
    int ok;

    ap = _arb_vec_init(K);
    ab = _arb_vec_init(K + 1);
    M = _arb_vec_init(K + 1);
    arb_init(m);
    arb_init(xb);
    mag_init(tb);

    arb_add(m, a, b, prec);
    arb_mul_2exp_si(m, m, -1);                 /* exact: dyadic ends */
    arb_sub(xb, b, a, prec);
    arb_mul_2exp_si(xb, xb, -1);
    arb_get_mag(arb_radref(xb), xb);
    arf_set(arb_midref(xb), arb_midref(m));    /* xb = m +/- r */

    /* the ball solve only needs a bound: steps aim at r 2^-16 */
    mag_mul_2exp_si(tb, arb_radref(xb), -16);
    ok = (jet(ab, P, xb, K, 0, tb, prec) == WKB_OK);
    if (ok)
    {
        _wkb_nll_quad_moments(M, P, a, b, m, K, prec);
        arb_mul(res, ab + K, M + K, prec);
        ok = arb_is_finite(res) && mag_cmp(arb_radref(res), share) <= 0;
    }
    if (ok)
        ok = (jet(ap, P, m, K - 1, 0, tol_pt, prec) == WKB_OK);
    if (ok)
    {
        for (k = 0; k < K; k++)
            arb_addmul(res, ap + k, M + k, prec);
        ok = arb_is_finite(res);
    }

    _arb_vec_clear(ap, K);
    _arb_vec_clear(ab, K + 1);
    _arb_vec_clear(M, K + 1);
    arb_clear(m);
    arb_clear(xb);
    mag_clear(tb);
    return ok;
}

typedef struct
{
    const problem_struct * P;
    const arb_struct * A, * B;
    slong n, K, prec, R, e, n0, maxn;
    mag_t unit;                  /* an interval's share of tol/2 per unit length */
    mag_t tol_pt;                /* step target of the point jets */
    wkb_nll_quad_opt_struct * opt;
    arb_ptr pieces;              /* per initial interval */
    pthread_mutex_t lock;        /* guards the fields below and progress */
    slong next, done, count, solved, crude;
    int fail;
}
_quad_ctx;

/* pieces[j] encloses int p_0 c_0 over the initial interval j, refined by
   bisection (left to right, so the sum does not depend on the thread);
   0 on failure. */
static int
_initial_interval(arb_t res, _quad_ctx * C, slong j, slong * cnt, slong * sol, slong * cru)
{
    slong prec = C->prec, top = 0, alloc = 2 * 64, w;
    arb_ptr stk = _arb_vec_init(alloc);   /* pending intervals, leftmost on top */
    arb_t lo, hi, u, piece;
    mag_t share, half, m1;
    int ok = 1;

    arb_init(lo); arb_init(hi); arb_init(u); arb_init(piece);
    mag_init(share); mag_init(half); mag_init(m1);
    arb_zero(res);
    arb_set_si(stk + 0, j);
    arb_mul_2exp_si(stk + 0, stk + 0, C->e);
    arb_sub_si(stk + 0, stk + 0, C->R, prec);
    arb_set_si(stk + 1, j + 1);
    arb_mul_2exp_si(stk + 1, stk + 1, C->e);
    arb_sub_si(stk + 1, stk + 1, C->R, prec);
    top = 1;

    while (top > 0 && ok)
    {
        top--;
        arb_set(lo, stk + 2 * top);
        arb_set(hi, stk + 2 * top + 1);
        arb_sub(u, hi, lo, prec);
        arb_get_mag(share, u);
        w = MAG_EXP(share);
        mag_mul(share, share, C->unit);

        _crude(m1, C->P, lo, hi, C->A, C->B, prec);
        mag_mul_2exp_si(half, share, -1);
        if (mag_cmp(m1, half) <= 0)
        {
            arb_zero(piece);
            mag_set(arb_radref(piece), m1);
            (*cru)++;
        }
        else if (!_model(piece, C->P, C->n, lo, hi, C->K, C->tol_pt, share, prec) ||
                 mag_cmp(arb_radref(piece), share) > 0)
        {
            /* bisect, left half on top */
            if (w < -40 || *cnt + top + 2 > C->maxn)
            {
                ok = 0;
                break;
            }
            if (2 * (top + 2) > alloc)
            {
                slong na = 2 * alloc, i;
                arb_ptr s2 = _arb_vec_init(na);
                for (i = 0; i < 2 * top; i++)
                    arb_swap(s2 + i, stk + i);
                _arb_vec_clear(stk, alloc);
                stk = s2;
                alloc = na;
            }
            arb_add(u, lo, hi, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_set(stk + 2 * top, u);
            arb_set(stk + 2 * top + 1, hi);
            top++;
            arb_set(stk + 2 * top, lo);
            arb_set(stk + 2 * top + 1, u);
            top++;
            continue;
        }
        else
            (*sol)++;
        arb_add(res, res, piece, prec);
        (*cnt)++;
    }

    _arb_vec_clear(stk, alloc);
    arb_clear(lo); arb_clear(hi); arb_clear(u); arb_clear(piece);
    mag_clear(share); mag_clear(half); mag_clear(m1);
    return ok;
}

static void *
_quad_worker(void * arg)
{
    _quad_ctx * C = arg;
    arb_t piece;
    arb_init(piece);
    for (;;)
    {
        slong j, cnt = 0, sol = 0, cru = 0;
        int ok;
        pthread_mutex_lock(&C->lock);
        j = C->next++;
        if (C->fail || C->count > C->maxn)
            j = C->n0;
        pthread_mutex_unlock(&C->lock);
        if (j >= C->n0)
            break;
        ok = _initial_interval(piece, C, j, &cnt, &sol, &cru);
        pthread_mutex_lock(&C->lock);
        arb_swap(C->pieces + j, piece);
        C->count += cnt;
        C->solved += sol;
        C->crude += cru;
        C->done++;
        if (!ok || C->count > C->maxn)
            C->fail = 1;
        if (C->opt != NULL && C->opt->progress != NULL && !C->fail)
            C->opt->progress(C->opt->progress_param, (double) C->done / C->n0);
        pthread_mutex_unlock(&C->lock);
    }
    arb_clear(piece);
    return NULL;
}

/* _quad_worker on a thread of its own: frees that thread's FLINT/Arb
   caches (constants such as pi) before it ends. */
static void *
_quad_thread(void * arg)
{
    _quad_worker(arg);
    flint_cleanup();
    return NULL;
}

int
wkb_nll_quad_c0(arb_t res, const problem_t P, const mag_t tol, wkb_nll_quad_opt_t opt,
        slong prec)
{
    return wkb_nll_quad_cn(res, P, 0, tol, opt, prec);
}

int
wkb_nll_quad_cn(arb_t res, const problem_t P, slong n, const mag_t tol,
        wkb_nll_quad_opt_t opt, slong prec)
{
    const target_struct * Q = P->data;
    slong K, maxn, j, R = 0, Rinc, e, n0, count = 0, crude = 0, solved = 0;
    arb_t A, B, lo, hi, ninf, pinf, sum, u;
    mag_t t4, m1, m2, tol_pt;
    fmpz_t Rz;
    int status = WKB_OK;

    if (P->dim != 1 || Q == NULL || Q->n < 1 || n < 0 || n > 1 || mag_is_zero(tol)
        || !mag_is_finite(tol))
    {
        arb_indeterminate(res);
        return WKB_UNSUPPORTED;
    }
    /* default degree: 2 + 2 ceil(b/10) for tol = 2^-b (4 at 1e-3, 6 at
       1e-6, 12 at 1e-15): the remainder (C r)^K must fall with the
       tolerance at a subinterval width the ball solves allow, and the
       cost of a solve grows like K^2 (mixture1d at tol 1e-3: K = 2, 4, 6
       took 49, 48, 90 s) */
    if (opt != NULL && opt->K > 0)
        K = opt->K;
    else
        K = 2 + 2 * ((FLINT_MAX(-MAG_EXP(tol), 1) + 9) / 10) + 2 * n;
    K = FLINT_MIN(K, 40);
    K += (K & 1);                     /* even: the remainder's weight is >= 0 */
    maxn = (opt != NULL && opt->max_intervals > 0) ? opt->max_intervals : 100000;

    arb_init(A); arb_init(B); arb_init(lo); arb_init(hi); arb_init(ninf); arb_init(pinf);
    arb_init(sum); arb_init(u);
    mag_init(t4); mag_init(m1); mag_init(m2); mag_init(tol_pt);
    fmpz_init(Rz);
    arb_neg_inf(ninf);
    arb_pos_inf(pinf);

    if ((n == 0 ? wkb_nll_quad_tail_consts(A, B, P, 0, prec)
                : wkb_nll_quad_tail_consts_c1(A, B, P, 0, prec)) != WKB_OK)
    {
        status = WKB_FAIL;
        goto cleanup;
    }

    /* per component sigma: R, an integer, starts at max |mu| + 6 sigma and
       grows by ceil(sigma_max) until the tails are within tol/4; the
       initial width is 2^e <= sigma_min / 2, e <= -2 (bisection refines),
       for c_1 four times narrower */
    R = 1;
    Rinc = 1;
    e = -2;
    for (j = 0; j < Q->n; j++)
    {
        arb_sqrt(u, arb_mat_entry(target_cov(Q, j), 0, 0), prec);
        arb_mul_2exp_si(hi, u, -1);
        arb_get_mag_lower(m2, hi);
        if (mag_is_zero(m2))
        {
            status = WKB_FAIL;
            goto cleanup;
        }
        e = FLINT_MIN(e, MAG_EXP(m2) - 1);
        arb_get_ubound_arf(arb_midref(lo), u, prec);
        arf_get_fmpz(Rz, arb_midref(lo), ARF_RND_CEIL);
        if (fmpz_cmp_si(Rz, Rinc) > 0 && fmpz_cmp_si(Rz, 1000) <= 0)
            Rinc = fmpz_get_si(Rz);
        arb_mul_ui(u, u, 6, prec);
        arb_abs(lo, target_mean(Q, j));
        arb_add(u, u, lo, prec);
        arb_get_ubound_arf(arb_midref(lo), u, prec);
        arf_get_fmpz(Rz, arb_midref(lo), ARF_RND_CEIL);
        if (fmpz_cmp_si(Rz, R) > 0 && fmpz_cmp_si(Rz, 100000) <= 0)
            R = fmpz_get_si(Rz);
    }
    /* the c_1 jets over a ball widen faster: start narrower (fewer
       failed ball solves before the bisection gets there) */
    e -= 2 * n;
    if (e < -40)
    {
        status = WKB_FAIL;
        goto cleanup;
    }
    mag_mul_2exp_si(t4, tol, -2);
    for (j = 0; ; j++)
    {
        arb_set_si(lo, -R);
        arb_set_si(hi, R);
        _crude(m1, P, ninf, lo, A, B, prec);
        _crude(m2, P, hi, pinf, A, B, prec);
        mag_add(m1, m1, m2);
        if (mag_cmp(m1, t4) <= 0)
            break;
        if (j >= 10000 || R > 1000000)
        {
            status = WKB_FAIL;
            goto cleanup;
        }
        R += Rinc;
    }
    arb_zero(sum);
    mag_set(arb_radref(sum), m1);     /* the tails */
    if (opt != NULL)
        opt->R = R;                   /* known from here on (progress) */

    n0 = (2 * R) << (-e);
    if (n0 > maxn)
    {
        status = WKB_FAIL;
        goto cleanup;
    }

    /* share of an interval of width 2^f: tol/2 2^f / (2R) */
    mag_set_ui(m2, 2 * R);
    mag_div(m2, tol, m2);
    mag_mul_2exp_si(m2, m2, -1);   /* tol / (4R): per unit length */
    /* the point jets' own step target: well below every share */
    mag_mul_2exp_si(tol_pt, m2, e - 12);
    {
        mag_t p2;
        mag_init(p2);
        mag_one(p2);
        mag_mul_2exp_si(p2, p2, -prec);
        if (mag_cmp(tol_pt, p2) < 0)
            mag_set(tol_pt, p2);
        mag_clear(p2);
    }

    /* the initial intervals [-R + j 2^e, -R + (j+1) 2^e], j < n0, each
       refined by bisection on its own (in parallel with opt->threads);
       their pieces are summed in order, so the result does not depend on
       the number of threads */
    {
        _quad_ctx C;
        slong nt = (opt != NULL && opt->threads > 1) ? FLINT_MIN(opt->threads, 64) : 1;
        pthread_t th[64];
        C.P = P; C.A = A; C.B = B; C.n = n; C.K = K; C.prec = prec; C.R = R; C.e = e;
        C.n0 = n0; C.maxn = maxn; C.opt = opt;
        mag_init(C.unit);
        mag_init(C.tol_pt);
        mag_set(C.unit, m2);
        mag_set(C.tol_pt, tol_pt);
        C.pieces = _arb_vec_init(n0);
        C.next = 0; C.done = 0; C.count = 0; C.solved = 0; C.crude = 0; C.fail = 0;
        pthread_mutex_init(&C.lock, NULL);
        if (nt == 1)
            _quad_worker(&C);
        else
        {
            slong k;
            for (k = 0; k < nt; k++)
                if (pthread_create(th + k, NULL, _quad_thread, &C) != 0)
                    break;
            if (k == 0)
                _quad_worker(&C);
            nt = k;
            for (k = 0; k < nt; k++)
                pthread_join(th[k], NULL);
        }
        pthread_mutex_destroy(&C.lock);
        count = C.count;
        solved = C.solved;
        crude = C.crude;
        if (C.fail)
            status = WKB_FAIL;
        else
            for (j = 0; j < n0; j++)
                arb_add(sum, sum, C.pieces + j, prec);
        _arb_vec_clear(C.pieces, n0);
        mag_clear(C.unit);
        mag_clear(C.tol_pt);
    }

    if (status == WKB_OK)
        arb_neg(res, sum);

cleanup:
    if (status != WKB_OK)
        arb_indeterminate(res);
    if (opt != NULL)
    {
        opt->intervals = count;
        opt->solved = solved;
        opt->crude = crude;
        opt->R = R;
    }
    arb_clear(A); arb_clear(B); arb_clear(lo); arb_clear(hi); arb_clear(ninf);
    arb_clear(pinf); arb_clear(sum); arb_clear(u);
    mag_clear(t4); mag_clear(m1); mag_clear(m2); mag_clear(tol_pt);
    fmpz_clear(Rz);
    return status;
}
