/* ode_solve: validated Taylor integration with a priori enclosures and
   Lohner's QR wrapping control. */
#include "impl.h"
#include <flint/thread_support.h>

/* Default Taylor order for a working precision: the step is about
   rho 2^(-prec/p) (rho the radius of convergence of the solution) and a
   step costs O(p^2) series work, so p proportional to prec keeps the
   number of steps bounded as the precision grows; prec/4 measured best overall
   (b-ode: 1D model at 64..1024 bits, 25-Gaussian at 64 and 128 bits,
   the affine WKB moment system; prec/3 is faster on the 1D model but makes
   the VP affine system reject steps: the remainder series on the wide time
   ball overestimates more at higher order). */
static slong
_ode_default_order(slong prec)
{
    return FLINT_MIN(8 + prec / 4, 500);
}

/* y = M x (matrix times vector). */
static void
_ode_mat_mul_vec(arb_ptr y, const arb_mat_t M, arb_srcptr x, slong prec)
{
    slong i, n = arb_mat_nrows(M), m = arb_mat_ncols(M);
    for (i = 0; i < n; i++)
        arb_dot(y + i, NULL, 0, arb_mat_entry(M, i, 0), 1, x, 1, m, prec);
}

/* Upper bound of max_i |v_i|. */
static void
_ode_vec_mag(mag_t m, arb_srcptr v, slong n)
{
    _arb_vec_get_mag(m, v, n);
}

/*
    Step-size heuristic (never affects containment): h >= 0 such that the
    last Taylor terms |x_k| h^k (k = p-1, p) are about tol * max(1, |x|).
    Computed with 30-bit balls, rounded down to 4 bits; +inf if all those
    coefficients are zero.
*/
static void
_ode_step_guess(arf_t h, const arb_poly_struct * ser, slong n, slong p, const arb_t tol)
{
    arb_ptr c;
    arb_t v, s;
    mag_t m, sc;
    slong i, k;
    int found = 0;

    c = _arb_vec_init(n);
    arb_init(v);
    arb_init(s);
    mag_init(m);
    mag_init(sc);

    for (i = 0; i < n; i++)
        arb_poly_get_coeff_arb(c + i, ser + i, 0);
    _ode_vec_mag(sc, c, n);
    if (mag_cmp_2exp_si(sc, 0) < 0)
        mag_one(sc);
    arb_set_arf(s, arb_midref(tol));
    arb_abs(s, s);
    arb_set_round(s, s, 30);
    {
        arb_t scb;
        arb_init(scb);
        arf_set_mag(arb_midref(scb), sc);
        arb_mul(s, s, scb, 30);
        arb_clear(scb);
    }

    arf_pos_inf(h);
    for (k = FLINT_MAX(1, p - 1); k <= p; k++)
    {
        for (i = 0; i < n; i++)
            arb_poly_get_coeff_arb(c + i, ser + i, k);
        _ode_vec_mag(m, c, n);
        if (mag_is_zero(m))
            continue;
        if (mag_is_inf(m))
        {
            arf_zero(h);
            found = 1;
            break;
        }
        arf_set_mag(arb_midref(v), m);
        mag_zero(arb_radref(v));
        arb_div(v, s, v, 30);
        arb_root_ui(v, v, k, 30);
        arb_get_mid_arb(v, v);
        if (!found || arf_cmp(arb_midref(v), h) < 0)
            arf_set(h, arb_midref(v));
        found = 1;
    }
    if (found && arf_is_finite(h))
    {
        arf_mul_ui(h, h, 11, 30, ARF_RND_DOWN);
        arf_mul_2exp_si(h, h, -4);
        arf_set_round(h, h, 4, ARF_RND_DOWN);
    }

    _arb_vec_clear(c, n);
    arb_clear(v);
    arb_clear(s);
    mag_clear(m);
    mag_clear(sc);
}

/*
    A priori enclosure: on success (return 1) B encloses x(s) for every
    s in t + hull(0, h) and every solution with x(t) in X.  Test: Picard
    N = X + hull(0,h) F(B, t + hull(0,h)) contained in B (Schauder fixed
    point on the convex compact box B); then B is replaced by N.

    Trial boxes: the first is the range of the Taylor polynomial ser over
    the step, plus W if not NULL (ser the series at the centre of X and W
    = X - centre, or ser the series at X and W = NULL), united with X; then, component by component where the test
    fails, B_i <- hull(B_i, N_i) widened by an eighth of the component's
    own increment |hull(0,h) F_i(B)| plus an absolute floor
    2^-prec (|X| + |increment|) (the same floor for all components: the
    state's magnitude).  Components that pass keep their box, so the trial
    boxes only grow and each component is widened relative to its own
    increment (a component depending quadratically on another keeps pace
    with it instead of being outgrown by a fixed multiplicative blow-up).
*/
static int
_ode_enclose(arb_ptr B, const ode_problem_t P, arb_srcptr X, const arb_poly_struct * ser,
             arb_srcptr W, slong p, const arb_t taui, const arb_t ti, slong prec)
{
    slong i, it, n = P->n;
    arb_poly_struct * Bp, * Fp;
    arb_ptr N, D;
    arb_t z, f;
    mag_t fl, m;
    int ok = 0, inside;

    Bp = _ode_poly_vec_init(n);
    Fp = _ode_poly_vec_init(n);
    N = _arb_vec_init(n);
    D = _arb_vec_init(n);
    arb_init(z);
    arb_init(f);
    mag_init(fl);
    mag_init(m);

    for (i = 0; i < n; i++)
    {
        _ode_poly_eval_range(B + i, ser + i, z, taui, p, prec);
        if (W != NULL)
            arb_add(B + i, B + i, W + i, prec);
        arb_union(B + i, B + i, X + i, prec);
    }

    for (it = 0; it < 60; it++)
    {
        for (i = 0; i < n; i++)
        {
            arb_poly_zero(Bp + i);
            arb_poly_set_coeff_arb(Bp + i, 0, B + i);
        }
        if (P->rhs(Fp, Bp, ti, 1, P->param, prec) != 0)
            break;
        inside = 1;
        for (i = 0; i < n; i++)
        {
            arb_poly_get_coeff_arb(f, Fp + i, 0);
            arb_mul(D + i, f, taui, prec);
            arb_add(N + i, D + i, X + i, prec);
            if (!arb_is_finite(N + i))
                goto done;
            if (!arb_contains(B + i, N + i))
                inside = 0;
        }
        if (inside)
        {
            _arb_vec_set(B, N, n);
            ok = 1;
            break;
        }
        /* floor: 2^-prec times the state's magnitude (|X| + |increment|) */
        _arb_vec_get_mag(fl, X, n);
        _arb_vec_get_mag(m, D, n);
        mag_add(fl, fl, m);
        mag_mul_2exp_si(fl, fl, -prec);
        for (i = 0; i < n; i++)
        {
            if (arb_contains(B + i, N + i))
                continue;
            arb_union(B + i, B + i, N + i, prec);
            arb_get_mag(m, D + i);
            mag_mul_2exp_si(m, m, -3);
            mag_add(m, m, fl);
            arb_add_error_mag(B + i, m);
        }
    }
done:
    _ode_poly_vec_clear(Bp, n);
    _ode_poly_vec_clear(Fp, n);
    _arb_vec_clear(N, n);
    _arb_vec_clear(D, n);
    arb_clear(z);
    arb_clear(f);
    mag_clear(fl);
    mag_clear(m);
    return ok;
}

/*
    Working precision for the series on the a priori box B: its balls are
    wide (relative radius about |F| h / |x|), so rounding errors 2^-q with q
    32 bits beyond the best relative accuracy of a component of B are
    negligible against the radii.  prec if some radius is zero for all
    components (exact box) or the box is accurate to prec - 32 bits.
*/
static slong
_ode_box_prec(arb_srcptr B, slong n, slong prec)
{
    slong i, best = -1, e;
    mag_t a;
    mag_init(a);
    for (i = 0; i < n; i++)
    {
        if (mag_is_zero(arb_radref(B + i)))
            continue;
        arb_get_mag(a, B + i);
        if (!mag_is_finite(a) || !mag_is_finite(arb_radref(B + i)))
            continue;
        e = MAG_EXP(a) - MAG_EXP(arb_radref(B + i));
        if (e > best)
            best = e;
    }
    mag_clear(a);
    if (best < 0)
        return prec;
    return FLINT_MAX(32, FLINT_MIN(prec, best + 32));
}

/*
    Variational series: with D[i*n + j] (length >= p) enclosing the series
    of DF_ij along a solution, V[0..p] (n x n) enclose the Taylor
    coefficients of the variational matrix V' = DF V, V(0) = I:
        V_0 = I,  V_{k+1} = sum_{i<=k} DF_i V_{k-i} / (k + 1).
    DFm (p matrices) and T1 are scratch.
*/
static void
_ode_var_series(arb_mat_struct * V, arb_mat_struct * DFm, arb_mat_t T1,
                const arb_poly_struct * D, slong n, slong p, slong prec)
{
    slong i, j, k;
    arb_t u;
    arb_init(u);
    for (k = 0; k < p; k++)
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                arb_poly_get_coeff_arb(arb_mat_entry(DFm + k, i, j), D + i * n + j, k);
    arb_mat_one(V + 0);
    for (k = 0; k < p; k++)
    {
        arb_mat_zero(V + k + 1);
        for (j = 0; j <= k; j++)
        {
            if (arb_mat_is_zero(DFm + j))
                continue;
            arb_mat_mul(T1, DFm + j, V + k - j, prec);
            arb_mat_add(V + k + 1, V + k + 1, T1, prec);
        }
        arb_set_ui(u, k + 1);
        arb_inv(u, u, prec);
        arb_mat_scalar_mul_arb(V + k + 1, V + k + 1, u, prec);
    }
    arb_clear(u);
}

/*
    Series of the solution at the hull X by the mean-value form: for every
    x in X (convex), x_k(x) = x_k(c) + V_k(xi) (x - c) with xi in X, where
    V_k(xi) is the variational coefficient along the solution through xi;
    the series ser_B (enclosing the solution's Taylor coefficients at every
    point of the box B containing X and every time of the step ti) gives
    DF along all of them.  On success ser_h[i] (length p + 1) encloses the
    Taylor coefficients at t of every solution starting in X; W = X - c.
    Returns 0 on success, nonzero if the Jacobian callback failed.
*/
static int
_ode_hull_series(arb_poly_struct * ser_h, const ode_problem_t P, const arb_poly_struct * ser_c,
                 const arb_poly_struct * ser_B, arb_srcptr W, const arb_t ti, slong p,
                 arb_poly_struct * D, arb_mat_struct * V, arb_mat_struct * DFm, arb_mat_t T1,
                 slong bprec, slong prec)
{
    slong n = P->n, i, k;
    arb_ptr v, y;
    arb_t z;
    if (P->jac(D, ser_B, ti, p, P->param, bprec) != 0)
        return 1;
    _ode_var_series(V, DFm, T1, D, n, p, bprec);
    v = _arb_vec_init(n);
    y = _arb_vec_init(n);
    arb_init(z);
    for (i = 0; i < n; i++)
        arb_poly_fit_length(ser_h + i, p + 1);
    for (k = 0; k <= p; k++)
    {
        for (i = 0; i < n; i++)
            arb_dot(v + i, NULL, 0, arb_mat_entry(V + k, i, 0), 1, W, 1, n, prec);
        for (i = 0; i < n; i++)
        {
            arb_poly_get_coeff_arb(z, ser_c + i, k);
            arb_add(y + i, z, v + i, prec);
            arb_poly_set_coeff_arb(ser_h + i, k, y + i);
        }
    }
    for (i = 0; i < n; i++)
        arb_poly_truncate(ser_h + i, p + 1);
    _arb_vec_clear(v, n);
    _arb_vec_clear(y, n);
    arb_clear(z);
    return 0;
}

/* m = 2^e tol max(1, |X|): the step controller's targets and thresholds
   (absolute, relative to the state's size). */
static void
_ode_target_mag(mag_t m, const arb_t tol, arb_srcptr X, slong n, slong e)
{
    mag_t sc;
    mag_init(sc);
    arb_get_mag(m, tol);
    _arb_vec_get_mag(sc, X, n);
    if (mag_cmp_2exp_si(sc, 0) < 0)
        mag_one(sc);
    mag_mul(m, m, sc);
    mag_mul_2exp_si(m, m, e);
    mag_clear(sc);
}

/*
    Adaptive order (opt->order = ODE_ORDER_ADAPTIVE); never affects
    containment.  ser_B (length p + 2) encloses the Taylor coefficients of
    every solution at every time of the step just taken, so the order-q
    remainder (q <= p) over a step h is at most |ser_B[q+1]| h^(q+1), and
    the step meeting the target 2^4 tol max(1, |X|) (as for hideal) at
    order q is about h_q = (target / |ser_B[q+1]|)^(1/(q+1)).  A step costs
    about (q + 2)(q + 2 + p0) (series products, quadratic in the length,
    plus the per-step work that grows only linearly: Picard tests,
    Jacobians, Lohner's update; p0 the automatic order; measured on b-ode:
    the pure (q + 2)^2 drove the 25-Gaussian at tol 1e-30 to 317 steps of
    low order, 1.4 times slower than the fixed order), so the next order
    is the q in [max(pmin, p - 4), p] maximising h_q / cost(q), and p + 2 (at most
    pmax) when that is p and the efficiency still grows there (p better than
    p - 2): the box series of the next step then shows orders up to p + 2.
    Returns the order; hideal = h_q of the order chosen (h_p for a probe
    upwards).  Computed with 30-bit balls.
*/
static slong
_ode_next_order(arf_t hideal, const arb_poly_struct * ser_B, arb_srcptr X, slong n, slong p,
                slong p0, slong pmin, slong pmax, const arb_t tol)
{
    slong q, i, best = p, lo = FLINT_MAX(pmin, p - 4);
    arb_t target, c, hq, e, ebest, eprev, hbest;
    mag_t m, mv;
    int have = 0, rising = 0;

    arb_init(target); arb_init(c); arb_init(hq); arb_init(e);
    arb_init(ebest); arb_init(eprev); arb_init(hbest);
    mag_init(m); mag_init(mv);

    _ode_target_mag(m, tol, X, n, 4);
    arf_set_mag(arb_midref(target), m);

    for (q = lo; q <= p; q++)
    {
        mag_zero(m);
        for (i = 0; i < n; i++)
        {
            arb_poly_get_coeff_arb(c, ser_B + i, q + 1);
            arb_get_mag(mv, c);
            mag_max(m, m, mv);
        }
        if (mag_is_zero(m) || !mag_is_finite(m))
            continue;
        arf_set_mag(arb_midref(c), m);
        mag_zero(arb_radref(c));
        arb_div(hq, target, c, 30);
        arb_root_ui(hq, hq, q + 1, 30);
        arb_div_ui(e, hq, (q + 2) * (q + 2 + p0), 30);
        if (q == p && q - 2 >= lo && have)
            rising = arb_gt(e, eprev);
        if (q == p - 2)
            arb_set(eprev, e);
        if (!have || arb_gt(e, ebest))
        {
            arb_set(ebest, e);
            arb_set(hbest, hq);
            best = q;
            have = 1;
        }
    }
    if (have)
    {
        arb_get_mid_arb(hbest, hbest);
        arf_set(hideal, arb_midref(hbest));
        if (best == p && rising && p + 2 <= pmax)
            best = p + 2;
    }
    else
        best = p;

    arb_clear(target); arb_clear(c); arb_clear(hq); arb_clear(e);
    arb_clear(ebest); arb_clear(eprev); arb_clear(hbest);
    mag_clear(m); mag_clear(mv);
    return best;
}

/* The next step's centre series, computed ahead on a worker thread:
   the series through (c, t) of length len at precision prec. */
typedef struct
{
    const ode_problem_struct * P;
    arb_poly_struct * ser;
    arb_ptr c;
    arb_t t;
    slong len, prec;
    int ret;
}
_ode_ahead_struct;

static void
_ode_ahead_worker(void * arg)
{
    _ode_ahead_struct * a = arg;
    a->ret = ode_taylor_series(a->ser, a->P->rhs, a->P->jac, a->P->param, a->P->n, a->c,
                               a->t, a->len, a->prec);
}

int
ode_solve(ode_solution_t sol, const ode_problem_t P, const ode_options_t opt, slong prec)
{
    slong n = P->n, p, p0, pmin, pmax, i, j, k, nsteps = 0, shrink;
    int adaptive;
    int status = ODE_SUCCESS, dir, last, lohner, ok, reset;
    arb_poly_struct * ser_h, * ser_c, * ser_B, * DF;
    arb_mat_struct * V, * VB, * DFm;
    slong m;
    int have_VB;
    arb_mat_t J, M, Q, Qinv, A, T1;
    arb_ptr X, c, r, B, Z, s, Xd, v1, v2, W;
    arb_t t, rem, hb, taui, ti, tol, u, w;
    arf_t h, hlow, hlast, hideal;
    mag_t mz, mt;
    /* the next centre series computed ahead (opt->parallel) */
    _ode_ahead_struct ah;
    thread_pool_handle * hd = NULL;
    slong nthr = 0;
    int ahead_running = 0, ahead_ready = 0;

    /* reset the solution */
    for (j = 0; j < sol->len; j++)
    {
        ode_step_struct * st = sol->steps + j;
        arb_clear(st->t);
        arb_clear(st->h);
        _ode_poly_vec_clear(st->poly, sol->n);
        _ode_poly_vec_clear(st->bser, sol->n);
        _arb_vec_clear(st->rem, sol->n);
        _arb_vec_clear(st->box, sol->n);
    }
    sol->len = 0;
    sol->num_rejected = 0;
    sol->rhs = P->rhs;
    sol->jac = P->jac;
    sol->param = P->param;
    arb_set(sol->t_reached, P->t0);

    if (sol->n != n || n < 1 || P->rhs == NULL)
    {
        sol->status = ODE_FAIL_INPUT;
        _arb_vec_indeterminate(sol->x, sol->n);
        return sol->status;
    }

    p0 = _ode_default_order(prec);
    p = (opt->order > 0) ? opt->order : p0;
    adaptive = (opt->order == ODE_ORDER_ADAPTIVE);
    pmin = adaptive ? FLINT_MAX(4, p / 2) : p;
    pmax = adaptive ? FLINT_MIN(2 * p, 500) : p;

    arb_init(t); arb_init(rem); arb_init(hb); arb_init(taui); arb_init(ti);
    arb_init(tol); arb_init(u); arb_init(w);
    arf_init(h); arf_init(hlow); arf_init(hlast); arf_init(hideal);
    mag_init(mz); mag_init(mt);

    arb_sub(rem, P->t1, P->t0, prec);
    if (arb_is_zero(rem))
    {
        _arb_vec_set(sol->x, P->x0, n);
        sol->status = ODE_SUCCESS;
        arb_set(sol->t_reached, P->t1);
        goto cleanup_small;
    }
    if (arb_is_positive(rem))
        dir = 1;
    else if (arb_is_negative(rem))
        dir = -1;
    else
    {
        sol->status = ODE_FAIL_INPUT;
        _arb_vec_indeterminate(sol->x, n);
        goto cleanup_small;
    }

    if (arb_is_zero(opt->tol) || !arb_is_finite(opt->tol))
    {
        arb_one(tol);
        arb_mul_2exp_si(tol, tol, -prec);
    }
    else
        arb_abs(tol, opt->tol);

    ser_h = _ode_poly_vec_init(n);
    ser_c = _ode_poly_vec_init(n);
    ser_B = _ode_poly_vec_init(n);
    DF = _ode_poly_vec_init(n * n);
    V = flint_malloc(sizeof(arb_mat_struct) * (pmax + 1));
    DFm = flint_malloc(sizeof(arb_mat_struct) * pmax);
    VB = flint_malloc(sizeof(arb_mat_struct) * (pmax + 1));
    for (k = 0; k <= pmax; k++)
    {
        arb_mat_init(V + k, n, n);
        arb_mat_init(VB + k, n, n);
    }
    for (k = 0; k < pmax; k++)
        arb_mat_init(DFm + k, n, n);
    arb_mat_init(J, n, n); arb_mat_init(M, n, n); arb_mat_init(Q, n, n);
    arb_mat_init(Qinv, n, n); arb_mat_init(A, n, n); arb_mat_init(T1, n, n);
    X = _arb_vec_init(n); c = _arb_vec_init(n); r = _arb_vec_init(n);
    B = _arb_vec_init(n); Z = _arb_vec_init(n); s = _arb_vec_init(n);
    Xd = _arb_vec_init(n); v1 = _arb_vec_init(n); v2 = _arb_vec_init(n);
    W = _arb_vec_init(n);
    ah.P = P;
    ah.ser = _ode_poly_vec_init(n);
    ah.c = _arb_vec_init(n);
    arb_init(ah.t);
    ah.len = p + 1;
    ah.prec = prec;
    ah.ret = 0;
    if (opt->parallel && P->jac != NULL)
        nthr = flint_request_threads(&hd, 2);   /* the limit counts this thread */

    /* x = c + A r with X the hull */
    arb_set(t, P->t0);
    _arb_vec_set(X, P->x0, n);
    for (i = 0; i < n; i++)
    {
        arb_get_mid_arb(c + i, X + i);
        arb_sub(r + i, X + i, c + i, prec);
    }
    arb_mat_one(A);

    for (;;)
    {
        if (nsteps >= opt->max_steps)
        {
            status = ODE_FAIL_MAX_STEPS;
            break;
        }

        /* With a Jacobian: the full-precision series only at the centre c;
           the hull's series follows from the mean-value form once the box
           series is known (_ode_hull_series).  Without: the series at X. */
        lohner = (P->jac != NULL);
        if (lohner && ahead_ready && ah.len == p + 1)
        {
            arb_poly_struct * tmp = ser_c;
            ser_c = ah.ser;
            ah.ser = tmp;
            ahead_ready = 0;
            if (ah.ret != 0)
                lohner = 0;
        }
        else if (lohner &&
                 ode_taylor_series(ser_c, P->rhs, P->jac, P->param, n, c, t, p + 1, prec) != 0)
            lohner = 0;
        if (!lohner &&
            ode_taylor_series(ser_h, P->rhs, P->jac, P->param, n, X, t, p + 1, prec) != 0)
        {
            status = ODE_FAIL_STEP;
            break;
        }
        for (i = 0; i < n; i++)
            arb_sub(W + i, X + i, c + i, prec);

        _ode_step_guess(h, lohner ? ser_c : ser_h, n, p, tol);
        /* at most double the last accepted step (fewer rejected trials) */
        if (nsteps > 0 && arf_cmp(h, hlast) > 0)
            arf_set(h, hlast);
        /* and at most 1.1 times the step that the last rigorous remainder
           predicts for the target (avoids a rejected trial per step when
           the remainder on the a priori box exceeds the point estimate) */
        if (nsteps > 0 && arf_is_finite(hideal) && arf_cmp(h, hideal) > 0)
            arf_set(h, hideal);
        if (!arb_is_zero(opt->max_step) && arf_cmp(h, arb_midref(opt->max_step)) > 0)
            arf_set(h, arb_midref(opt->max_step));

        arb_sub(rem, P->t1, t, prec);
        arb_get_abs_lbound_arf(hlow, rem, prec);

        /* start the next centre series for the first trial step: the next
           centre is mid(T_c(hb)) (see the Lohner update), at t + hb; it is
           used if the accepted step and centre are the same */
        if (nthr > 0 && lohner && arf_cmp(h, hlow) < 0 &&
            arf_cmp(h, arb_midref(opt->min_step)) >= 0)
        {
            arb_set_arf(hb, h);
            if (dir < 0)
                arb_neg(hb, hb);
            for (i = 0; i < n; i++)
            {
                arb_poly_evaluate(ah.c + i, ser_c + i, hb, prec);
                arb_get_mid_arb(ah.c + i, ah.c + i);
            }
            arb_add(ah.t, t, hb, prec + 64);
            ah.len = p + 1;
            thread_pool_wake(global_thread_pool, hd[0], 0, _ode_ahead_worker, &ah);
            ahead_running = 1;
        }

        shrink = 0;
        for (;;)
        {
            last = (arf_cmp(h, hlow) >= 0);
            if (last)
                arb_set(hb, rem);
            else
            {
                if (arf_cmp(h, arb_midref(opt->min_step)) < 0)
                {
                    status = ODE_FAIL_STEP;
                    break;
                }
                arb_set_arf(hb, h);
                if (dir < 0)
                    arb_neg(hb, hb);
            }
            _ode_hull_zero(taui, hb, prec);
            arb_add(ti, t, taui, prec + 64);   /* exact for dyadic t, h */

            ok = _ode_enclose(B, P, X, lohner ? ser_c : ser_h, lohner ? W : NULL, p, taui, ti,
                              prec);
            if (ok)
                ok = (ode_taylor_series(ser_B, P->rhs, P->jac, P->param, n, B, ti, p + 2,
                                        _ode_box_prec(B, n, prec)) == 0);
            if (ok)
            {
                arb_pow_ui(u, hb, p + 1, prec);
                for (i = 0; i < n; i++)
                {
                    arb_poly_get_coeff_arb(Z + i, ser_B + i, p + 1);
                    arb_mul(Z + i, Z + i, u, prec);
                    if (!arb_is_finite(Z + i))
                        ok = 0;
                }
            }
            if (ok && shrink < 3)
            {
                /* remainder much larger than asked: a smaller step is better */
                _arb_vec_get_mag(mz, Z, n);
                _ode_target_mag(mt, tol, X, n, 8);
                if (mag_cmp(mz, mt) > 0)
                {
                    /* h *= (mt / mz)^(1/(p+1)), clamped to [1/4, 7/8] */
                    arb_t q;
                    arb_init(q);
                    /* aim at 2^4 tol (not the 2^8 tol threshold) */
                    mag_mul_2exp_si(mt, mt, -4);
                    arf_set_mag(arb_midref(u), mt);
                    arf_set_mag(arb_midref(q), mz);
                    mag_zero(arb_radref(u));
                    arb_div_arf(q, u, arb_midref(q), 30);
                    arb_root_ui(q, q, p + 1, 30);
                    arb_mul_ui(q, q, 15, 30);
                    arb_mul_2exp_si(q, q, -4);
                    if (arf_cmp_2exp_si(arb_midref(q), -2) < 0)
                        { arb_one(q); arb_mul_2exp_si(q, q, -2); }
                    arb_set_ui(u, 7); arb_mul_2exp_si(u, u, -3);
                    if (arf_cmp(arb_midref(q), arb_midref(u)) > 0)
                        arb_set(q, u);
                    if (last)
                        arf_set(h, hlow);
                    arf_mul(h, h, arb_midref(q), 30, ARF_RND_DOWN);
                    arf_set_round(h, h, 4, ARF_RND_DOWN);
                    arb_clear(q);
                    shrink++;
                    sol->num_rejected++;
                    continue;
                }
            }
            if (ok)
                break;

            sol->num_rejected++;
            if (last)
                arf_set(h, hlow);
            arf_mul_2exp_si(h, h, -1);
        }
        if (status != ODE_SUCCESS)
            break;

        have_VB = 0;
        if (lohner && _ode_hull_series(ser_h, P, ser_c, ser_B, W, ti, p, DF, VB, DFm, T1,
                                       _ode_box_prec(B, n, prec), prec) == 0)
            have_VB = 1;
        else if (lohner)
        {
            /* Jacobian failed on the box: the hull series directly */
            if (ode_taylor_series(ser_h, P->rhs, P->jac, P->param, n, X, t, p + 1, prec) != 0)
            {
                status = ODE_FAIL_STEP;
                break;
            }
        }

        /* direct Taylor step on the hull */
        for (i = 0; i < n; i++)
        {
            arb_poly_evaluate(Xd + i, ser_h + i, hb, prec);
            arb_add(Xd + i, Xd + i, Z + i, prec);
        }

        if (lohner)
        {
            arb_mat_t Ih;
            /* The Jacobian only multiplies the (small) box r: its relative
               accuracy 2^-precJ need only match prec + log2|r|. */
            slong precJ;
            _arb_vec_get_mag(mz, r, n);
            if (mag_is_zero(mz))
                precJ = 32;
            else
                precJ = FLINT_MAX(32, FLINT_MIN(prec, prec + 32 + MAG_EXP(mz)));
            /* the hull's variational coefficients V_k for k <= m; above m
               those on the box (VB_k, enclosing V_k at every point of B,
               which contains X) suffice: their width is damped by h^k */
            m = have_VB ? FLINT_MAX(1, (p + 1) / 2) : p;
            if (P->jac(DF, ser_h, t, m, P->param, precJ) != 0)
                lohner = 0;
            else
            {
                _ode_var_series(V, DFm, T1, DF, n, m, precJ);
                /* J = sum_k V_k hb^k: encloses D(Taylor map) over the hull X */
                arb_mat_set(J, (m == p) ? V + p : VB + p);
                for (k = p - 1; k >= 0; k--)
                {
                    arb_mat_scalar_mul_arb(J, J, hb, precJ);
                    arb_mat_add(J, J, (k <= m) ? V + k : VB + k, precJ);
                }
                /* s = T(c) + Z; the next centre c = mid(T(c)) (not of s:
                   so it is known before Z, for the series computed ahead) */
                for (i = 0; i < n; i++)
                    arb_poly_evaluate(s + i, ser_c + i, hb, prec);
                arb_mat_mul(M, J, A, precJ);
                _ode_lohner_q(Q, M, r, precJ);
                if (!arb_mat_inv(Qinv, Q, precJ))
                {
                    arb_mat_one(Q);
                    arb_mat_one(Qinv);
                }
                arb_mat_init(Ih, n, n);
                arb_mat_mul(Ih, Qinv, M, precJ);
                for (i = 0; i < n; i++)
                {
                    arb_get_mid_arb(c + i, s + i);
                    arb_sub(s + i, s + i, c + i, prec);
                    arb_add(s + i, s + i, Z + i, prec);
                }
                _ode_mat_mul_vec(v1, Ih, r, prec);
                _ode_mat_mul_vec(v2, Qinv, s, prec);
                _arb_vec_add(r, v1, v2, n, prec);
                arb_mat_set(A, Q);
                _ode_mat_mul_vec(v1, A, r, prec);
                /* The box track: x - c also lies in J W + s (W = X - c,
                   the last box).  Lohner's parallelepiped c + A r is the
                   better set where the flow rotates, but for a curved set
                   (a ball of initial points under a nonlinear flow) it can
                   grow geometrically while the box stays bounded.  Both
                   are enclosures: X is their intersection with the direct
                   step, and the parallelepiped restarts from the box when
                   it is more than twice as wide in every coordinate. */
                _ode_mat_mul_vec(v2, J, W, prec);
                _arb_vec_add(v2, v2, s, n, prec);
                reset = 1;
                for (i = 0; i < n; i++)
                {
                    arb_add(X + i, c + i, v1 + i, prec);
                    arb_add(w, c + i, v2 + i, prec);
                    /* (no intersection when it cannot help: its ball
                       would only add a rounding error) */
                    if (!arb_contains(w, X + i) && !arb_intersection(X + i, X + i, w, prec))
                        arb_add(X + i, c + i, v1 + i, prec);
                    arb_set(w, X + i);
                    if (!arb_intersection(X + i, X + i, Xd + i, prec))
                        arb_set(X + i, w);
                    mag_mul_2exp_si(mz, arb_radref(X + i), 1);
                    if (mag_cmp(mz, arb_radref(v1 + i)) >= 0)
                        reset = 0;
                }
                if (reset)
                {
                    arb_mat_one(A);
                    for (i = 0; i < n; i++)
                        arb_sub(r + i, X + i, c + i, prec);
                }
                arb_mat_clear(Ih);
            }
        }
        if (!lohner)
        {
            _arb_vec_set(X, Xd, n);
            for (i = 0; i < n; i++)
            {
                arb_get_mid_arb(c + i, X + i);
                arb_sub(r + i, X + i, c + i, prec);
            }
            arb_mat_one(A);
        }

        /* hideal = |h| (target / |Z|)^(1/(p+1)), target = 2^4 tol max(1, |X|) (the
           acceptance threshold is 2^8 tol max(1, |X|): margin for the
           overestimation of the remainder on the box growing faster than
           h^(p+1)) */
        _arb_vec_get_mag(mz, Z, n);
        arf_pos_inf(hideal);
        if (!mag_is_zero(mz) && mag_is_finite(mz))
        {
            arb_t q;
            arb_init(q);
            _ode_target_mag(mt, tol, X, n, 4);
            arf_set_mag(arb_midref(u), mt);
            mag_zero(arb_radref(u));
            arf_set_mag(arb_midref(q), mz);
            arb_div_arf(q, u, arb_midref(q), 30);
            arb_root_ui(q, q, p + 1, 30);
            arb_get_abs_ubound_arf(hideal, hb, 30);
            arf_mul(hideal, hideal, arb_midref(q), 30, ARF_RND_DOWN);
            arb_clear(q);
        }

        /* tighter a priori box: Taylor polynomial range + remainder */
        for (i = 0; i < n; i++)
        {
            arb_poly_get_coeff_arb(u, ser_B + i, p + 1);
            _ode_poly_eval_range(w, ser_h + i, u, taui, p, prec);
            if (arb_intersection(w, w, B + i, prec))
                arb_swap(w, B + i);
            arb_poly_get_coeff_arb(Z + i, ser_B + i, p + 1);   /* rem coefficient */
        }
        if (opt->store)
            _ode_solution_push_step(sol, t, hb, p, ser_h, Z, B, ser_B);
        arb_get_abs_ubound_arf(hlast, hb, 30);
        arf_mul_2exp_si(hlast, hlast, 1);
        /* adaptive order: the next step's order and target step */
        if (adaptive)
            p = _ode_next_order(hideal, ser_B, X, n, p, p0, pmin, pmax, tol);

        if (last)
            arb_set(t, P->t1);
        else
            arb_add(t, t, hb, prec + 64);
        arb_set(sol->t_reached, t);
        nsteps++;

        for (i = 0; i < n; i++)
        {
            if (!arb_is_finite(X + i) ||
                (!arb_is_zero(opt->max_rad) &&
                 arf_cmpabs_mag(arb_midref(opt->max_rad), arb_radref(X + i)) < 0))
            {
                status = ODE_FAIL_RADIUS;
            }
        }
        if (ahead_running)
        {
            thread_pool_wait(global_thread_pool, hd[0]);
            ahead_running = 0;
            ahead_ready = !last && status == ODE_SUCCESS && arb_equal(t, ah.t);
            for (i = 0; i < n && ahead_ready; i++)
                ahead_ready = arb_equal(c + i, ah.c + i);
        }
        if (status != ODE_SUCCESS)
            break;
        if (last)
            break;
    }
    if (ahead_running)
        thread_pool_wait(global_thread_pool, hd[0]);
    if (nthr > 0)
        flint_give_back_threads(hd, nthr);
    _ode_poly_vec_clear(ah.ser, n);
    _arb_vec_clear(ah.c, n);
    arb_clear(ah.t);

    sol->status = status;
    /* after the step limit X still encloses the state at t_reached */
    if (status == ODE_SUCCESS || (status == ODE_FAIL_MAX_STEPS && nsteps > 0))
        _arb_vec_set(sol->x, X, n);
    else
        _arb_vec_indeterminate(sol->x, n);

    _ode_poly_vec_clear(ser_h, n);
    _ode_poly_vec_clear(ser_c, n);
    _ode_poly_vec_clear(ser_B, n);
    _ode_poly_vec_clear(DF, n * n);
    for (k = 0; k <= pmax; k++)
    {
        arb_mat_clear(V + k);
        arb_mat_clear(VB + k);
    }
    flint_free(VB);
    for (k = 0; k < pmax; k++)
        arb_mat_clear(DFm + k);
    flint_free(V);
    flint_free(DFm);
    arb_mat_clear(J); arb_mat_clear(M); arb_mat_clear(Q);
    arb_mat_clear(Qinv); arb_mat_clear(A); arb_mat_clear(T1);
    _arb_vec_clear(X, n); _arb_vec_clear(c, n); _arb_vec_clear(r, n);
    _arb_vec_clear(B, n); _arb_vec_clear(Z, n); _arb_vec_clear(s, n);
    _arb_vec_clear(Xd, n); _arb_vec_clear(v1, n); _arb_vec_clear(v2, n);
    _arb_vec_clear(W, n);

cleanup_small:
    arb_clear(t); arb_clear(rem); arb_clear(hb); arb_clear(taui); arb_clear(ti);
    arb_clear(tol); arb_clear(u); arb_clear(w);
    arf_clear(h); arf_clear(hlow); arf_clear(hlast); arf_clear(hideal);
    mag_clear(mz); mag_clear(mt);
    return sol->status;
}
