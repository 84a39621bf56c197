/*
    validate_discrete_moments: the exact law of sample_run's fixed-step
    schemes for affine scores (see validate.h).

    Along the grid, the drift of Eq. (9) at noise level h is
        v(x, t) = f x - c (A(t) x + b(t)) = D(t) x + e(t),
        c = (1 + h) g^2 / 2,  D = f I - c A,  e = -c b,
    with A(t) = -lambda C(t)^{-1}, C = a^2 S + s^2 I, b = -A a m (score of a
    Gaussian) or constant A, b.  The step x -> x - dt sum_s beta_s k_s
    (stages k_s = v(y_s, tau_s), y_s = x - dt sum_r alpha_sr k_r) is applied
    to affine maps y = P x + q, so the step is x -> M x + c' exactly; em adds
    sqrt(h g^2(t_n) dt) z_n.
*/
#include "diffwkb/validate.h"

/* y = A x (y must not alias x). */
static void
_mat_mul_vec(arb_ptr y, const arb_mat_t A, arb_srcptr x, slong prec)
{
    slong i, n = arb_mat_nrows(A), m = arb_mat_ncols(A);
    for (i = 0; i < n; i++)
        arb_dot(y + i, NULL, 0, arb_mat_entry(A, i, 0), 1, x, 1, m, prec);
}

/* y -= c x. */
static void
_vec_submul(arb_ptr y, arb_srcptr x, slong d, const arb_t c, slong prec)
{
    slong i;
    for (i = 0; i < d; i++)
        arb_submul(y + i, x + i, c, prec);
}

/* D, e of the drift at time t, noise level h (c = (1+h) g^2/2). */
static int
_drift(arb_mat_t D, arb_ptr e, const wkb_affine_t M, const arb_t h, const arb_t t, slong prec)
{
    slong d = M->d, i;
    arb_t a, s2, f, g2, c;
    arb_mat_t A, C;
    arb_ptr b, am;
    int ok = 1;

    arb_init(a);
    arb_init(s2);
    arb_init(f);
    arb_init(g2);
    arb_init(c);
    arb_mat_init(A, d, d);
    arb_mat_init(C, d, d);
    b = _arb_vec_init(d);
    am = _arb_vec_init(d);

    if (M->kind == WKB_AFFINE_GAUSS)
    {
        sched_a(a, M->sde, t, prec);
        sched_s2(s2, M->sde, t, prec);
        arb_sqr(c, a, prec);
        arb_mat_scalar_mul_arb(C, M->S, c, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), s2, prec);
        if (!arb_mat_spd_inv(A, C, prec))
            ok = 0;
        /* b = lambda C^{-1} a m, A = -lambda C^{-1} */
        _arb_vec_scalar_mul(am, M->m, d, a, prec);
        arb_mat_scalar_mul_arb(A, A, M->lambda, prec);
        arb_mat_neg(A, A);
        _mat_mul_vec(b, A, am, prec);
        _arb_vec_neg(b, b, d);
    }
    else
    {
        arb_mat_set(A, M->A);
        _arb_vec_set(b, M->b, d);
    }
    sched_f(f, M->sde, t, prec);
    sched_g2(g2, M->sde, t, prec);
    arb_add_ui(c, h, 1, prec);
    arb_mul(c, c, g2, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_mat_scalar_mul_arb(D, A, c, prec);
    arb_mat_neg(D, D);
    for (i = 0; i < d; i++)
        arb_add(arb_mat_entry(D, i, i), arb_mat_entry(D, i, i), f, prec);
    _arb_vec_scalar_mul(e, b, d, c, prec);
    _arb_vec_neg(e, e, d);
    if (!arb_is_finite(f) || !arb_is_finite(g2))
        ok = 0;

    arb_clear(a);
    arb_clear(s2);
    arb_clear(f);
    arb_clear(g2);
    arb_clear(c);
    arb_mat_clear(A);
    arb_mat_clear(C);
    _arb_vec_clear(b, d);
    _arb_vec_clear(am, d);
    return ok;
}

/* K = D P, k = D q + e: the stage v(P x + q) as an affine map. */
static void
_stage(arb_mat_t KP, arb_ptr kq, const arb_mat_t D, arb_srcptr e, const arb_mat_t P,
       arb_srcptr q, slong d, slong prec)
{
    arb_mat_mul(KP, D, P, prec);
    _mat_mul_vec(kq, D, q, prec);
    _arb_vec_add(kq, kq, e, d, prec);
}

int
validate_discrete_moments(arb_ptr mu, arb_mat_t Sigma, const wkb_affine_t M,
                          sample_method method, const arb_t h_in, slong K, slong prec)
{
    slong d = M->d, n, i, s, r, ns;
    arb_t dt, t, tm, t1, h, w, nv, g2;
    arb_mat_t Dn, Dm, D1, Mn, T1, Ysp[4], Kp[4];
    arb_ptr en, em, e1, cn, v, Ysq[4], Kq[4];
    /* Butcher tableaux: 2 alpha_sr below the diagonal (integers), the
       weights beta_s in the final combination below, time offsets 0 (t_n),
       1 (t_n - dt/2) or 2 (t_{n+1}) */
    int al2[4][4] = {{0}};
    int toff[4] = {0};
    int ok = 1;

    if (K < 1)
        return 1;
    switch (method)
    {
        case SAMPLE_EM:
        case SAMPLE_PF_EULER:
            ns = 1; break;
        case SAMPLE_PF_HEUN:
            ns = 2; al2[1][0] = 2; toff[1] = 2; break;
        case SAMPLE_PF_RK4:
            ns = 4;
            al2[1][0] = 1; al2[2][1] = 1; al2[3][2] = 2;
            toff[1] = toff[2] = 1; toff[3] = 2;
            break;
        default:
            return 1;
    }

    arb_init(dt); arb_init(t); arb_init(tm); arb_init(t1); arb_init(h);
    arb_init(w); arb_init(nv); arb_init(g2);
    arb_mat_init(Dn, d, d); arb_mat_init(Dm, d, d); arb_mat_init(D1, d, d);
    arb_mat_init(Mn, d, d); arb_mat_init(T1, d, d);
    en = _arb_vec_init(d); em = _arb_vec_init(d); e1 = _arb_vec_init(d);
    cn = _arb_vec_init(d); v = _arb_vec_init(d);
    for (s = 0; s < 4; s++)
    {
        arb_mat_init(Ysp[s], d, d);
        arb_mat_init(Kp[s], d, d);
        Ysq[s] = _arb_vec_init(d);
        Kq[s] = _arb_vec_init(d);
    }

    if (method == SAMPLE_EM)
        arb_set(h, h_in);
    else
        arb_zero(h);

    arb_sub(dt, M->T, M->t0, prec);
    arb_div_si(dt, dt, K, prec);
    _arb_vec_set(mu, M->muT, d);
    arb_mat_set(Sigma, M->SigmaT);

    arb_set(t, M->T);
    ok = _drift(Dn, en, M, h, t, prec);
    for (n = 0; n < K && ok; n++)
    {
        /* t = t_n, t1 = t_{n+1} = T - (n+1) dt (t_K = t0 exactly), tm = t_n - dt/2 */
        if (n + 1 == K)
            arb_set(t1, M->t0);
        else
        {
            arb_mul_si(t1, dt, n + 1, prec);
            arb_sub(t1, M->T, t1, prec);
        }
        if (ns == 4)
        {
            arb_mul_2exp_si(tm, dt, -1);
            arb_mul_si(w, dt, n, prec);
            arb_add(tm, tm, w, prec);
            arb_sub(tm, M->T, tm, prec);
            ok = ok && _drift(Dm, em, M, h, tm, prec);
        }
        if (ns >= 2)
            ok = ok && _drift(D1, e1, M, h, t1, prec);
        for (s = 0; s < ns; s++)
        {
            arb_mat_struct * Ds = (toff[s] == 0) ? Dn : (toff[s] == 1 ? Dm : D1);
            arb_srcptr es = (toff[s] == 0) ? en : (toff[s] == 1 ? em : e1);
            /* y_s = x - dt sum_r alpha_sr k_r, as the map (P, q) */
            arb_mat_one(Ysp[s]);
            _arb_vec_zero(Ysq[s], d);
            for (r = 0; r < s; r++)
            {
                if (al2[s][r] == 0)
                    continue;
                arb_mul_si(w, dt, al2[s][r], prec);
                arb_mul_2exp_si(w, w, -1);
                arb_mat_scalar_mul_arb(T1, Kp[r], w, prec);
                arb_mat_sub(Ysp[s], Ysp[s], T1, prec);
                _vec_submul(Ysq[s], Kq[r], d, w, prec);
            }
            _stage(Kp[s], Kq[s], Ds, es, Ysp[s], Ysq[s], d, prec);
        }
        /* x_{n+1} = x - dt sum_s beta_s k_s */
        arb_mat_one(Mn);
        _arb_vec_zero(cn, d);
        for (s = 0; s < ns; s++)
        {
            /* beta_s in {1, 1/2, 1/6, 1/3}: dt * beta as an exact quotient */
            if (method == SAMPLE_PF_RK4)
                arb_div_ui(w, dt, (s == 0 || s == 3) ? 6 : 3, prec);
            else if (method == SAMPLE_PF_HEUN)
                arb_mul_2exp_si(w, dt, -1);
            else
                arb_set(w, dt);
            arb_mat_scalar_mul_arb(T1, Kp[s], w, prec);
            arb_mat_sub(Mn, Mn, T1, prec);
            _vec_submul(cn, Kq[s], d, w, prec);
        }
        /* mu = Mn mu + cn, Sigma = Mn Sigma Mn^T + h g^2(t_n) dt I */
        _mat_mul_vec(v, Mn, mu, prec);
        _arb_vec_add(mu, v, cn, d, prec);
        arb_mat_mul(T1, Mn, Sigma, prec);
        arb_mat_transpose(Mn, Mn);
        arb_mat_mul(Sigma, T1, Mn, prec);
        if (method == SAMPLE_EM && !arb_is_zero(h))
        {
            sched_g2(g2, M->sde, t, prec);
            arb_mul(nv, g2, h, prec);
            arb_mul(nv, nv, dt, prec);
            for (i = 0; i < d; i++)
                arb_add(arb_mat_entry(Sigma, i, i), arb_mat_entry(Sigma, i, i), nv, prec);
        }
        /* symmetrise (the entries enclose the same value) */
        for (i = 0; i < d; i++)
            for (r = i + 1; r < d; r++)
            {
                arb_intersection(w, arb_mat_entry(Sigma, i, r), arb_mat_entry(Sigma, r, i), prec);
                if (arb_is_finite(w))
                {
                    arb_set(arb_mat_entry(Sigma, i, r), w);
                    arb_set(arb_mat_entry(Sigma, r, i), w);
                }
            }
        /* next step starts at t1 */
        arb_set(t, t1);
        if (n + 1 < K)
        {
            if (ns >= 2)
            {
                arb_mat_set(Dn, D1);
                _arb_vec_set(en, e1, d);
            }
            else
                ok = ok && _drift(Dn, en, M, h, t, prec);
        }
    }
    if (!ok || !_arb_vec_is_finite(mu, d))
    {
        _arb_vec_indeterminate(mu, d);
        arb_mat_indeterminate(Sigma);
        ok = 0;
    }

    arb_clear(dt); arb_clear(t); arb_clear(tm); arb_clear(t1); arb_clear(h);
    arb_clear(w); arb_clear(nv); arb_clear(g2);
    arb_mat_clear(Dn); arb_mat_clear(Dm); arb_mat_clear(D1);
    arb_mat_clear(Mn); arb_mat_clear(T1);
    _arb_vec_clear(en, d); _arb_vec_clear(em, d); _arb_vec_clear(e1, d);
    _arb_vec_clear(cn, d); _arb_vec_clear(v, d);
    for (s = 0; s < 4; s++)
    {
        arb_mat_clear(Ysp[s]);
        arb_mat_clear(Kp[s]);
        _arb_vec_clear(Ysq[s], d);
        _arb_vec_clear(Kq[s], d);
    }
    return ok ? 0 : 1;
}
