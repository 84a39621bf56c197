/*
    Rigorous global bounds for the tails of a d = 1 quadrature of the
    first WKB coefficient C_1 = -E_{p_0}[c_1(x)] (math.md section 8).

    1. Higher score derivatives (_wkb_nll_quad_mix_dnscore,
    wkb_nll_quad_dnscore).  For a 1D mixture Q_t = sum_k w_k N(mu_k, V_k)
    (mu_k = a m_k, V_k = a^2 v_k + s2) let pi_k(y) be the posterior
    weights, s_k = -(y - mu_k)/V_k the component scores, lambda_k = 1/V_k,
    and E, Var, Cov, kappa_m the moments and cumulants over the index k
    under pi.  The score is s = E[s_k].  With pi_k' = pi_k (s_k - s),
        d/dy E[A_k] = E[A_k'] + Cov(A_k, s_k)
    for any y-dependent A_k.  Write l_k = lambda_k - E lambda and
    r_k = s_k - s (so s_k' = -lambda_k, r_k' = -lambda_k - s').  Then
        s'   = -E lambda + Var(s_k),
        d/dy E lambda   = Cov(lambda, s_k) = E[l r],
        d/dy Var(s_k)   = E[2 r (-lambda - s')] + E[r^3]
                        = -2 Cov(lambda, s_k) + kappa3,
    so  s''  = -3 Cov(lambda, s_k) + kappa3.  Next
        d/dy E[l r]     = E[-E[l r] r + l (-lambda - s')] + E[l r^2]
                        = -Var(lambda) + E[l r^2],
        d/dy E[r^3]     = -3 E[r^2 lambda] - 3 s' Var + E[r^4] - E[r^3] E[r]
                        = -3 E[l r^2] - 3 Var^2 + mu4      (E[r^2 lambda] =
                          E[l r^2] + E lambda Var, s' = -E lambda + Var),
    so  s''' = 3 Var(lambda) - 6 E[l r^2] + kappa4,  kappa4 = mu4 - 3 Var^2.
    (The test checks the three formulas against the log-density jet.)
    Bounds, with Dl = max lambda - min lambda (so |l_k| <= Dl):
        Cov(lambda, s_k) = sum_{j<k} pi_j pi_k (lambda_j - lambda_k)(s_j - s_k),
            |.| <= sum_{j<k} |D_jk| M1_jk   (D_jk = lambda_k - lambda_j),
        0 <= Var(lambda) <= Dl^2/4   (Popoviciu),
        |E[l r^2]| <= Dl Var(s_k),  Var(s_k) = sum_{j<k} pi_j pi_k (s_j - s_k)^2
            <= S2 := sum_{j<k} M2_jk,
        |kappa3| <= E|r|^3 <= 2 S3,  S3 := sum_{j<k} M3_jk   (Jensen:
            |s_j - s|^m = |sum_k pi_k (s_j - s_k)|^m <= sum_k pi_k |s_j - s_k|^m
            for m >= 1, so E|r|^m <= sum_{j,k} pi_j pi_k |s_j - s_k|^m),
        mu4 <= 2 S4 likewise, and since Var^2 <= mu4,
            -2 Var^2 <= kappa4 <= mu4, so |kappa4| <= 2 max(S4, S2^2)
            (a little tighter than mu4 + 3 Var^2),
    where M_m,jk >= pi_j pi_k |s_j - s_k|^m for every real y:
    as in nll_quad_tail.c, q = log(pi_j/pi_k) = (D/2) y^2 + e y + c
    (D = lambda_k - lambda_j, e = mu_j/V_j - mu_k/V_k,
    c = log(w_j/w_k) - log(V_j/V_k)/2 - mu_j^2/(2 V_j) + mu_k^2/(2 V_k)),
    s_j - s_k = q' = D y + e, and pi_j pi_k <= min(1/4, e^{-|q|}).
        D = 0:  |q'| = |e|, M_m = |e|^m/4.
        D != 0: q'^2 = 2 |D| |q - c'| <= 2|D| (|q| + |c'|), c' = c - e^2/(2D),
    so with p = m/2, (u + v)^p <= 2^{max(p-1,0)} (u^p + v^p) (u, v >= 0)
    and sup_{q >= 0} q^p e^{-q} = (p/e)^p:
        pi_j pi_k |q'|^m <= 2^{max(p-1,0)} [ (2|D|)^p (p/e)^p
                                             + (2|D| |c'|)^p / 4 ].
    Since 2|D| |c'| <= 2|D| |c| + e^2, this gives
        M_m = 2^{max(p-1,0)} [ (m |D| / e)^p + (2 |D| |c| + e^2)^p / 4 ],
    which involves no 1/D, is increasing in |D|, |c|, |e|, and at D = 0 is
    >= |e|^m/4: it is valid for every D in a ball containing 0 (no special
    case needed).  When the D ball is exactly zero we use |e|^m/4.
    Everything is evaluated on upper bounds of |D|, |c|, |e| (balls over
    a, s2 and the data), so the results hold for every value in the balls.
    n = 1 is _wkb_nll_quad_mix_dscore.  Scaled score: times (1 + eps);
    affine: A for n = 1, exactly 0 for n >= 2.

    2. |c_1(x)| <= A + B x^2 (wkb_nll_quad_tail_consts_c1).  By section 8
    with u_1(., T) = 0,
        c_1(x) = - int_{t0}^T RHS_1(X_t(x), t) dt,
        RHS_1 = (g^2/2) [ s' + s u1 - u2 - u1^2 ],
    X' = F(X, t) = f X - (g^2/2) s(X, t), X_{t0} = x, and u1, u2 the first
    and second y-derivatives of u_0 = log q^0_t at X_t.  Differentiating
    d_t u_0 + F u_0' = -F' once and twice in y gives, along X_t,
        d/dt u1 = -F' u1 - F'',              u1(T) = (log pi)'(X_T),
        d/dt u2 = -2 F' u2 - F'' u1 - F''',  u2(T) = (log pi)''(X_T).
    Pieces tau_i = [t_i, t_{i+1}], t_i = t0 + i L, L = (T - t0)/M (each
    contained in the ball piece used below).  On tau_i, for every y:
    F' in Dp_i = f - (g^2/2) s' (U_i = upper(Dp_i)), |F''| <= G2_i =
    (g^2/2) sup|s''|, |F'''| <= G3_i = (g^2/2) sup|s'''|, g^2/2 <= H_i,
    |s(y, t)| <= S0_i + S1_i |y| (S0_i >= |s(0, t)|, S1_i >= sup|s'|, mean
    value theorem).
      - Position: X' = F(0, t) + theta(t) X with theta = int_0^1 F'(r X) dr
    in Dp_i, so X_t = e^{int_{t0}^t theta} x + int_{t0}^t e^{int_s^t theta}
    F(0, s) ds and, since int_s^t theta <= sum_i max(U_i, 0) L = log alpha
    for ALL t0 <= s <= t <= T (the positive parts only grow with the
    range), |X_t(x)| <= alpha |x| + beta for every t in [t0, T], with
    beta = alpha sum_i H_i S0_i L (as in wkb_nll_quad_tail_consts).
      - u1: the linear equation has the solution
        u1(t) = e^{int_t^T F'} u1(T) + int_t^T e^{int_t^s F'} F''(s) ds,
    so from |u1(t_{i+1})| <= ae + be |x| (ex_i = e^{U_i L},
    E_i = max(1, ex_i)):
        sup_{tau_i} |u1| <= E_i (ae + G2_i L) + E_i be |x|,
        |u1(t_i)|        <= ex_i ae + E_i G2_i L + ex_i be |x|,
    starting at T from: normal prior (log pi)' = -y, so |u1(T)| <= beta +
    alpha |x|; marginal prior pi = p_T, (log pi)' = s_pi the data score at
    T, |s_pi(y)| <= |s_pi(0)| + L_pi |y| (L_pi >= sup|s_pi'|, from
    _wkb_nll_quad_mix_dscore at T), so |u1(T)| <= |s_pi(0)| + L_pi beta +
    L_pi alpha |x|.
      - u2: the same with F' -> 2F' (ex2_i = e^{2 U_i L}, E2_i) and the
    forcing |F'' u1 + F'''| <= G2_i sup|u1| + G3_i = ha + hb |x| on tau_i:
        sup_{tau_i} |u2| <= E2_i (ae2 + L ha) + E2_i (be2 + L hb) |x|,
        |u2(t_i)| <= ex2_i ae2 + E2_i L ha + (ex2_i be2 + E2_i L hb) |x|,
    starting from |u2(T)| <= 1 (normal) or L_pi (marginal).
      - With |y| <= alpha|x| + beta, sup|u1| <= a1 + b1|x|, sup|u2| <= a2 +
    b2|x| on tau_i, p0 = S0 + S1 beta, p1 = S1 alpha:
        |RHS_1| <= H [ S1 + (p0 + p1|x|)(a1 + b1|x|) + a2 + b2|x|
                       + (a1 + b1|x|)^2 ] = H (k0 + k1 |x| + k2 x^2),
        k0 = S1 + p0 a1 + a2 + a1^2, k1 = p0 b1 + p1 a1 + b2 + 2 a1 b1,
        k2 = p1 b1 + b1^2,
    and |c_1(x)| <= sum_i L H_i (k0_i + k1_i |x| + k2_i x^2) =: K0 + K1|x|
    + K2 x^2 <= A + B x^2 with |x| <= (1 + x^2)/2:
        A = K0 + K1/2,  B = K2 + K1/2.
    All quantities are upper bounds (balls, then exact upper ends), the
    final expressions are increasing in each, and L is a ball containing
    the exact piece length, so A and B are proven.
*/
#include "nll_quad_impl.h"

/* x = an exact upper bound of |x| (+inf if x is not finite) */
static void
_abs_ubound(arb_t x, slong prec)
{
    arf_t h;
    arf_init(h);
    arb_get_abs_ubound_arf(h, x, prec);
    arb_set_arf(x, h);
    arf_clear(h);
}

/* x = an exact upper bound of x */
static void
_ubound(arb_t x, slong prec)
{
    arf_t h;
    arf_init(h);
    arb_get_ubound_arf(h, x, prec);
    arb_set_arf(x, h);
    arf_clear(h);
}

/* res >= pi_j pi_k |s_j - s_k|^m for every real y (m = 1..4), from exact
   upper bounds D, c, e of |D|, |c|, |e| (see the top comment); zero: the D
   ball is exactly 0 */
static void
_pair_moment(arb_t res, const arb_t D, const arb_t c, const arb_t e, slong m, int zero,
        slong prec)
{
    arb_t u, v;
    arb_init(u); arb_init(v);
    if (zero)
    {
        /* |e|^m / 4 */
        arb_pow_ui(res, e, m, prec);
        arb_mul_2exp_si(res, res, -2);
    }
    else
    {
        /* u = m |D| / e, v = 2 |D| |c| + e^2 (both >= 0) */
        arb_const_e(v, prec);
        arb_mul_ui(u, D, m, prec);
        arb_div(u, u, v, prec);
        _ubound(u, prec);
        arb_mul(v, D, c, prec);
        arb_mul_2exp_si(v, v, 1);
        arb_addmul(v, e, e, prec);
        _ubound(v, prec);
        /* ^p, p = m/2 */
        if (m % 2 == 0)
        {
            arb_pow_ui(u, u, m / 2, prec);
            arb_pow_ui(v, v, m / 2, prec);
        }
        else
        {
            arb_t r;
            arb_init(r);
            arb_sqrt(r, u, prec);
            arb_pow_ui(u, u, m / 2, prec);
            arb_mul(u, u, r, prec);
            arb_sqrt(r, v, prec);
            arb_pow_ui(v, v, m / 2, prec);
            arb_mul(v, v, r, prec);
            arb_clear(r);
        }
        arb_mul_2exp_si(v, v, -2);
        arb_add(res, u, v, prec);
        /* 2^{max(p - 1, 0)}: 1 (m = 1, 2), sqrt 2 (m = 3), 2 (m = 4) */
        if (m == 3)
        {
            arb_sqrt_ui(u, 2, prec);
            arb_mul(res, res, u, prec);
        }
        else if (m == 4)
            arb_mul_2exp_si(res, res, 1);
    }
    _ubound(res, prec);
    arb_clear(u); arb_clear(v);
}

void
_wkb_nll_quad_mix_dnscore(arb_t res, const target_t Q, const arb_t a, const arb_t s2,
        slong n, slong prec)
{
    slong nc = Q->n, j, k;
    arb_ptr V, mu, iV;
    arb_t Dl, D, e, c, u, M, S1, S2, S3, S4, lo, hi;

    if (n == 1)
    {
        _wkb_nll_quad_mix_dscore(res, Q, a, s2, prec);
        return;
    }
    if (n != 2 && n != 3)
    {
        arb_indeterminate(res);
        return;
    }

    V = _arb_vec_init(nc);
    mu = _arb_vec_init(nc);
    iV = _arb_vec_init(nc);
    arb_init(Dl); arb_init(D); arb_init(e); arb_init(c); arb_init(u); arb_init(M);
    arb_init(S1); arb_init(S2); arb_init(S3); arb_init(S4); arb_init(lo); arb_init(hi);

    _wkb_nll_quad_mix_coeffs(V, mu, iV, Q, a, s2, prec);
    /* Dl >= max lambda - min lambda */
    arb_set(lo, iV + 0);
    arb_set(hi, iV + 0);
    for (k = 1; k < nc; k++)
    {
        arb_min(lo, lo, iV + k, prec);
        arb_max(hi, hi, iV + k, prec);
    }
    arb_sub(Dl, hi, lo, prec);
    _abs_ubound(Dl, prec);

    /* S1 >= sum |D| M1, S2..S4 >= sum M2..M4 */
    for (j = 0; j < nc; j++)
        for (k = j + 1; k < nc; k++)
        {
            int zero;
            _wkb_nll_quad_mix_pair(D, e, c, Q, V, mu, iV, j, k, prec);
            zero = arb_is_zero(D);
            _abs_ubound(D, prec);
            _abs_ubound(e, prec);
            _abs_ubound(c, prec);
            if (n == 2)
            {
                _pair_moment(M, D, c, e, 1, zero, prec);
                arb_addmul(S1, D, M, prec);
                _pair_moment(M, D, c, e, 3, zero, prec);
                arb_add(S3, S3, M, prec);
            }
            else
            {
                _pair_moment(M, D, c, e, 2, zero, prec);
                arb_add(S2, S2, M, prec);
                _pair_moment(M, D, c, e, 4, zero, prec);
                arb_add(S4, S4, M, prec);
            }
        }

    if (n == 2)
    {
        /* |s''| <= 3 S1 + 2 S3 */
        arb_mul_ui(hi, S1, 3, prec);
        arb_addmul_ui(hi, S3, 2, prec);
        _ubound(hi, prec);
        arb_neg(lo, hi);
    }
    else
    {
        /* s''' in [-(6 Dl S2 + K4), 3 Dl^2/4 + 6 Dl S2 + K4],
           K4 = 2 max(S4, S2^2) */
        arb_mul(u, S2, S2, prec);
        _ubound(u, prec);
        _ubound(S4, prec);
        arb_max(u, u, S4, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_mul(M, Dl, S2, prec);
        arb_addmul_ui(u, M, 6, prec);
        _ubound(u, prec);
        arb_neg(lo, u);
        arb_mul(hi, Dl, Dl, prec);
        arb_mul_ui(hi, hi, 3, prec);
        arb_mul_2exp_si(hi, hi, -2);
        arb_add(hi, hi, u, prec);
        _ubound(hi, prec);
    }
    if (arb_is_finite(lo) && arb_is_finite(hi))
        arb_set_interval_arf(res, arb_midref(lo), arb_midref(hi), prec);
    else
        arb_indeterminate(res);

    _arb_vec_clear(V, nc);
    _arb_vec_clear(mu, nc);
    _arb_vec_clear(iV, nc);
    arb_clear(Dl); arb_clear(D); arb_clear(e); arb_clear(c); arb_clear(u); arb_clear(M);
    arb_clear(S1); arb_clear(S2); arb_clear(S3); arb_clear(S4); arb_clear(lo); arb_clear(hi);
}

int
wkb_nll_quad_dnscore(arb_t res, const problem_t P, const arb_t t, slong n, slong prec)
{
    const score_struct * S = P->score;
    arb_t a, s2, u;

    if (P->dim != 1 || n < 1 || n > 3)
    {
        arb_indeterminate(res);
        return WKB_UNSUPPORTED;
    }
    if (S->type == SCORE_AFFINE)
    {
        if (n == 1)
            arb_set(res, arb_mat_entry(S->A, 0, 0));
        else
            arb_zero(res);
        return arb_is_finite(res) ? WKB_OK : WKB_FAIL;
    }
    arb_init(a); arb_init(s2); arb_init(u);
    sched_a(a, P->sde, t, prec);
    sched_s2(s2, P->sde, t, prec);
    if (S->type == SCORE_OTHER)
        _wkb_nll_quad_mix_dnscore(res, S->other, a, s2, n, prec);
    else
        _wkb_nll_quad_mix_dnscore(res, P->data, a, s2, n, prec);
    if (S->type == SCORE_SCALED)
    {
        arb_add_ui(u, S->eps, 1, prec);
        arb_mul(res, res, u, prec);
    }
    arb_clear(a); arb_clear(s2); arb_clear(u);
    return arb_is_finite(res) ? WKB_OK : WKB_FAIL;
}

/* (ae, be) -> sup and left-end bounds of |v| on a piece for
   v' = -m F' v - h, |h| <= ha + hb |x|, with ex = e^{m U L} (ball),
   E = max(1, ex): as = E (ae + L ha), bs = E (be + L hb),
   ae = ex ae + E L ha, be = ex be + E L hb */
static void
_piece_back(arb_t as, arb_t bs, arb_t ae, arb_t be, const arb_t ex, const arb_t len,
        const arb_t ha, const arb_t hb, slong prec)
{
    arb_t E, u;
    arb_init(E); arb_init(u);
    arb_one(u);
    arb_max(E, ex, u, prec);
    arb_mul(u, len, ha, prec);
    arb_add(as, ae, u, prec);
    arb_mul(as, as, E, prec);
    arb_mul(ae, ae, ex, prec);
    arb_addmul(ae, E, u, prec);
    arb_mul(u, len, hb, prec);
    arb_add(bs, be, u, prec);
    arb_mul(bs, bs, E, prec);
    arb_mul(be, be, ex, prec);
    arb_addmul(be, E, u, prec);
    _ubound(as, prec);
    _ubound(bs, prec);
    _ubound(ae, prec);
    _ubound(be, prec);
    arb_clear(E); arb_clear(u);
}

int
wkb_nll_quad_tail_consts_c1(arb_t A, arb_t B, const problem_t P, slong pieces, slong prec)
{
    slong i, M = (pieces > 0) ? pieces : 64;
    arb_ptr U, H, G2, G3, S0, S1;
    arb_t len, t, tc, f, g2, ds, zero, u, v, al, be, Up, I0;
    arb_t a1e, b1e, a2e, b2e, a1, b1, a2, b2, ha, hb, p0, p1, K0, K1, K2;
    arf_t lo, hi;
    int ok = 1;

    if (P->dim != 1)
    {
        arb_indeterminate(A);
        arb_indeterminate(B);
        return WKB_UNSUPPORTED;
    }
    U = _arb_vec_init(M);
    H = _arb_vec_init(M);
    G2 = _arb_vec_init(M);
    G3 = _arb_vec_init(M);
    S0 = _arb_vec_init(M);
    S1 = _arb_vec_init(M);
    arb_init(len); arb_init(t); arb_init(tc); arb_init(f); arb_init(g2); arb_init(ds);
    arb_init(zero); arb_init(u); arb_init(v); arb_init(al); arb_init(be); arb_init(Up);
    arb_init(I0);
    arb_init(a1e); arb_init(b1e); arb_init(a2e); arb_init(b2e);
    arb_init(a1); arb_init(b1); arb_init(a2); arb_init(b2); arb_init(ha); arb_init(hb);
    arb_init(p0); arb_init(p1); arb_init(K0); arb_init(K1); arb_init(K2);
    arf_init(lo); arf_init(hi);

    /* per piece [t0 + i len, t0 + (i+1) len] (balls): U_i = upper(F'),
       H_i >= g^2/2, G2_i >= (g^2/2)|s''|, G3_i >= (g^2/2)|s'''|,
       S0_i >= |s(0, t)|, S1_i >= |s'| */
    arb_sub(len, P->T, P->t0, prec);
    arb_div_si(len, len, M, prec);
    for (i = 0; i < M && ok; i++)
    {
        _wkb_nll_quad_time_piece(tc, P, len, i, prec);
        sched_f(f, P->sde, tc, prec);
        sched_g2(g2, P->sde, tc, prec);
        arb_mul_2exp_si(g2, g2, -1);
        arb_set(H + i, g2);
        _abs_ubound(H + i, prec);
        /* n = 1: F' range and S1 */
        if (wkb_nll_quad_dnscore(ds, P, tc, 1, prec) != WKB_OK)
        {
            ok = 0;
            break;
        }
        arb_set(S1 + i, ds);
        _abs_ubound(S1 + i, prec);
        arb_mul(u, g2, ds, prec);
        arb_sub(U + i, f, u, prec);
        _ubound(U + i, prec);
        /* n = 2, 3 */
        if (wkb_nll_quad_dnscore(ds, P, tc, 2, prec) != WKB_OK)
        {
            ok = 0;
            break;
        }
        arb_mul(G2 + i, g2, ds, prec);
        _abs_ubound(G2 + i, prec);
        if (wkb_nll_quad_dnscore(ds, P, tc, 3, prec) != WKB_OK)
        {
            ok = 0;
            break;
        }
        arb_mul(G3 + i, g2, ds, prec);
        _abs_ubound(G3 + i, prec);
        /* |s(0, t)| */
        score_eval(S0 + i, P->score, P->data, P->sde, tc, zero, prec);
        _abs_ubound(S0 + i, prec);
        /* alpha, beta as in wkb_nll_quad_tail_consts */
        if (arb_is_positive(U + i))
            arb_addmul(Up, U + i, len, prec);
        arb_mul(u, H + i, S0 + i, prec);
        arb_addmul(I0, u, len, prec);
        ok = arb_is_finite(U + i) && arb_is_finite(H + i) && arb_is_finite(G2 + i)
            && arb_is_finite(G3 + i) && arb_is_finite(S0 + i) && arb_is_finite(S1 + i)
            && arb_is_finite(I0) && arb_is_finite(Up);
    }

    if (ok)
    {
        /* |X_t(x)| <= al |x| + be for all t in [t0, T] */
        arb_exp(al, Up, prec);
        _ubound(al, prec);
        arb_mul(be, al, I0, prec);
        _ubound(be, prec);

        /* terminal values: |u1(T)| <= a1e + b1e |x|, |u2(T)| <= a2e */
        if (P->prior == PRIOR_MARGINAL)
        {
            arb_t aT, s2T;
            arb_init(aT); arb_init(s2T);
            sched_a(aT, P->sde, P->T, prec);
            sched_s2(s2T, P->sde, P->T, prec);
            _wkb_nll_quad_mix_dscore(v, P->data, aT, s2T, prec);     /* s_pi' range */
            _abs_ubound(v, prec);
            _target_score(u, P->data, aT, s2T, zero, prec);          /* s_pi(0) */
            _abs_ubound(u, prec);
            arb_set(a1e, u);
            arb_addmul(a1e, v, be, prec);
            arb_mul(b1e, v, al, prec);
            arb_set(a2e, v);
            arb_clear(aT); arb_clear(s2T);
        }
        else
        {
            arb_set(a1e, be);
            arb_set(b1e, al);
            arb_one(a2e);
        }
        _ubound(a1e, prec);
        _ubound(b1e, prec);
        arb_zero(b2e);

        /* backward over the pieces */
        for (i = M - 1; i >= 0; i--)
        {
            /* u1: m = 1, forcing G2_i */
            arb_mul(u, U + i, len, prec);
            arb_exp(u, u, prec);
            arb_zero(v);
            _piece_back(a1, b1, a1e, b1e, u, len, G2 + i, v, prec);
            /* u2: m = 2, forcing G2_i (a1 + b1 |x|) + G3_i */
            arb_mul(u, U + i, len, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_exp(u, u, prec);
            arb_mul(ha, G2 + i, a1, prec);
            arb_add(ha, ha, G3 + i, prec);
            _ubound(ha, prec);
            arb_mul(hb, G2 + i, b1, prec);
            _ubound(hb, prec);
            _piece_back(a2, b2, a2e, b2e, u, len, ha, hb, prec);
            /* |RHS_1| <= H (k0 + k1 |x| + k2 x^2) on the piece */
            arb_set(p0, S0 + i);
            arb_addmul(p0, S1 + i, be, prec);
            arb_mul(p1, S1 + i, al, prec);
            /* k0 = S1 + p0 a1 + a2 + a1^2 */
            arb_add(u, S1 + i, a2, prec);
            arb_addmul(u, p0, a1, prec);
            arb_addmul(u, a1, a1, prec);
            arb_mul(u, u, H + i, prec);
            arb_addmul(K0, u, len, prec);
            /* k1 = p0 b1 + p1 a1 + b2 + 2 a1 b1 */
            arb_mul(u, a1, b1, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_add(u, u, b2, prec);
            arb_addmul(u, p0, b1, prec);
            arb_addmul(u, p1, a1, prec);
            arb_mul(u, u, H + i, prec);
            arb_addmul(K1, u, len, prec);
            /* k2 = p1 b1 + b1^2 */
            arb_add(u, p1, b1, prec);
            arb_mul(u, u, b1, prec);
            arb_mul(u, u, H + i, prec);
            arb_addmul(K2, u, len, prec);
        }
        /* A = K0 + K1/2, B = K2 + K1/2 */
        arb_mul_2exp_si(u, K1, -1);
        arb_add(A, K0, u, prec);
        arb_add(B, K2, u, prec);
        _ubound(A, prec);
        _ubound(B, prec);
        ok = arb_is_finite(A) && arb_is_finite(B);
    }
    if (!ok)
    {
        arb_indeterminate(A);
        arb_indeterminate(B);
    }

    _arb_vec_clear(U, M);
    _arb_vec_clear(H, M);
    _arb_vec_clear(G2, M);
    _arb_vec_clear(G3, M);
    _arb_vec_clear(S0, M);
    _arb_vec_clear(S1, M);
    arb_clear(len); arb_clear(t); arb_clear(tc); arb_clear(f); arb_clear(g2); arb_clear(ds);
    arb_clear(zero); arb_clear(u); arb_clear(v); arb_clear(al); arb_clear(be); arb_clear(Up);
    arb_clear(I0);
    arb_clear(a1e); arb_clear(b1e); arb_clear(a2e); arb_clear(b2e);
    arb_clear(a1); arb_clear(b1); arb_clear(a2); arb_clear(b2); arb_clear(ha); arb_clear(hb);
    arb_clear(p0); arb_clear(p1); arb_clear(K0); arb_clear(K1); arb_clear(K2);
    arf_clear(lo); arf_clear(hi);
    return ok ? WKB_OK : WKB_FAIL;
}
