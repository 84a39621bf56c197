/*
    Rigorous bounds for the tails of the d = 1 NLL quadrature.

    1. Score derivative (wkb_nll_quad_dscore, _wkb_nll_quad_mix_dscore).
    For a 1D mixture Q_t = sum_k w_k N(mu_k, V_k) (mu_k = a m_k,
    V_k = a^2 v_k + s2) with posterior weights pi_k(y) and component scores
    s_k = -(y - mu_k)/V_k, the score s = sum_k pi_k s_k has
        ds/dy = sum_k pi_k s_k' + Var_pi(s_k)
              = -sum_k pi_k / V_k + sum_{j<k} pi_j pi_k (s_j - s_k)^2
    (pi_k' = pi_k (s_k - s)).  The first term lies in
    [-max_k 1/V_k, -min_k 1/V_k].  For the second, fix j < k and let
        q(y) = log(pi_j/pi_k) = (D/2) y^2 + e y + c,
        D = 1/V_k - 1/V_j,  e = mu_j/V_j - mu_k/V_k,
        c = log(w_j/w_k) - (1/2) log(V_j/V_k) - mu_j^2/(2 V_j) + mu_k^2/(2 V_k).
    Then s_j - s_k = q'(y) = D y + e, and with rho = e^q,
        pi_j pi_k <= pi_j pi_k / (pi_j + pi_k)^2 = rho/(1 + rho)^2
                  = 1/(4 cosh^2(q/2)) <= min(1/4, e^{-|q|}).
    If D = 0: q'^2 = e^2, so pi_j pi_k q'^2 <= e^2/4.
    If D != 0: q = (D/2)(y + e/D)^2 + c', c' = c - e^2/(2D), so
        q'^2 = D^2 (y + e/D)^2 = 2 D (q - c') = 2 |D| |q - c'|
             <= 2 |D| (|q| + |c'|),
    and pi_j pi_k q'^2 <= 2|D| (|q| e^{-|q|} + |c'|/4) <= 2|D| (1/e + |c'|/4)
    (x e^{-x} <= 1/e), with |c'| <= |c| + e^2/(2|D|).  Both cases give
        pi_j pi_k (s_j - s_k)^2 <= B_jk := 2|D|/e + |D||c|/2 + e^2/4
    for every real y.  So ds/dy lies in [-max 1/V_k, -min 1/V_k + sum B_jk].
    All quantities are computed in balls over the parameter balls (a, s2
    and the data balls), so the bound holds for every value in them.
    Scaled score: times (1 + eps); affine score: the constant A.

    2. |c_0(x)| <= A + B x^2 (wkb_nll_quad_tail_consts).  On a time piece
    tau_i = [t_i, t_{i+1}] of [t0, T], div F = f - (g^2/2) ds/dy lies in the
    ball D_i = f(tau_i) - (g^2(tau_i)/2) dscore(tau_i) for every y, and
    F(0, t) = -(g^2/2) s(0, t) in the ball F0_i.  Hence
      - int_{t0}^T div F(X_t, t) dt lies in Idiv = sum_i D_i |tau_i|;
      - with U_i = upper(D_i), d|X|/dt <= U(t)|X| + |F(0,t)| (write
        F(X) = F(0) + theta X, theta in D_i), so by Gronwall
        |X_T(x)| <= alpha |x| + beta, alpha = exp(sum_i max(U_i, 0)|tau_i|),
        beta = alpha sum_i |F0_i| |tau_i|;
      - prior: normal N(0,1): |log pi(y)| <= log(2 pi)/2 + y^2/2.
        Marginal p_T = sum w_k N(mu_k, V_k): for the component k used,
        log w_k + log N_k(y) <= log pi(y) <= -(1/2) log(2 pi V_min), so
        |log pi(y)| <= P0 + (|y| + |mu_k|)^2/(2 V_k),
        P0 = |log w_k| + |log(2 pi V_k)|/2 + |log(2 pi V_min)|/2.
    Writing |log pi(y)| <= P0 + P2 (|y| + Pm)^2 and using
    (alpha|x| + beta + Pm)^2 <= 2 alpha^2 x^2 + 2 (beta + Pm)^2:
        |c_0(x)| <= |log pi(X_T)| + |Idiv| <= A + B x^2,
        A = P0 + 2 P2 (beta + Pm)^2 + |Idiv|,   B = 2 P2 alpha^2.
*/
#include "nll_quad_impl.h"

void
_wkb_nll_quad_mix_coeffs(arb_ptr V, arb_ptr mu, arb_ptr iV, const target_t Q, const arb_t a,
        const arb_t s2, slong prec)
{
    slong k;
    for (k = 0; k < Q->n; k++)
    {
        arb_mul(V + k, a, a, prec);
        arb_mul(V + k, V + k, arb_mat_entry(target_cov(Q, k), 0, 0), prec);
        arb_add(V + k, V + k, s2, prec);
        arb_mul(mu + k, a, target_mean(Q, k), prec);
        arb_inv(iV + k, V + k, prec);
    }
}

void
_wkb_nll_quad_mix_pair(arb_t D, arb_t e, arb_t c, const target_t Q, arb_srcptr V,
        arb_srcptr mu, arb_srcptr iV, slong j, slong k, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_sub(D, iV + k, iV + j, prec);
    arb_mul(e, mu + j, iV + j, prec);
    arb_submul(e, mu + k, iV + k, prec);
    arb_div(c, target_weight(Q, j), target_weight(Q, k), prec);
    arb_log(c, c, prec);
    arb_div(u, V + j, V + k, prec);
    arb_log(u, u, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_sub(c, c, u, prec);
    arb_mul(u, mu + j, mu + j, prec);
    arb_mul(u, u, iV + j, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_sub(c, c, u, prec);
    arb_mul(u, mu + k, mu + k, prec);
    arb_mul(u, u, iV + k, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(c, c, u, prec);
    arb_clear(u);
}

void
_wkb_nll_quad_mix_dscore(arb_t res, const target_t Q, const arb_t a, const arb_t s2,
        slong prec)
{
    slong n = Q->n, j, k;
    arb_ptr V, mu, iV;
    arb_t lo, hi, D, e, c, u, v, B, sum;
    arf_t l, h;

    V = _arb_vec_init(n);
    mu = _arb_vec_init(n);
    iV = _arb_vec_init(n);
    arb_init(lo); arb_init(hi); arb_init(D); arb_init(e); arb_init(c);
    arb_init(u); arb_init(v); arb_init(B); arb_init(sum);
    arf_init(l); arf_init(h);

    _wkb_nll_quad_mix_coeffs(V, mu, iV, Q, a, s2, prec);
    /* -sum pi_k / V_k in [-max 1/V, -min 1/V] */
    arb_set(lo, iV + 0);
    arb_set(hi, iV + 0);
    for (k = 1; k < n; k++)
    {
        arb_max(lo, lo, iV + k, prec);
        arb_min(hi, hi, iV + k, prec);
    }
    arb_neg(lo, lo);
    arb_neg(hi, hi);

    arb_zero(sum);
    for (j = 0; j < n; j++)
        for (k = j + 1; k < n; k++)
        {
            _wkb_nll_quad_mix_pair(D, e, c, Q, V, mu, iV, j, k, prec);
            /* B = 2|D|/e + |D||c|/2 + e^2/4 */
            arb_abs(D, D);
            arb_abs(c, c);
            arb_const_e(v, prec);
            arb_div(B, D, v, prec);
            arb_mul_2exp_si(B, B, 1);
            arb_mul(u, D, c, prec);
            arb_mul_2exp_si(u, u, -1);
            arb_add(B, B, u, prec);
            arb_mul(u, e, e, prec);
            arb_mul_2exp_si(u, u, -2);
            arb_add(B, B, u, prec);
            arb_add(sum, sum, B, prec);
        }
    /* Var term in [0, upper(sum)] */
    arb_add(hi, hi, sum, prec);
    arb_get_lbound_arf(l, lo, prec);
    arb_get_ubound_arf(h, hi, prec);
    if (arf_is_finite(l) && arf_is_finite(h) && arf_cmp(l, h) <= 0)
        arb_set_interval_arf(res, l, h, prec);
    else
        arb_indeterminate(res);

    _arb_vec_clear(V, n);
    _arb_vec_clear(mu, n);
    _arb_vec_clear(iV, n);
    arb_clear(lo); arb_clear(hi); arb_clear(D); arb_clear(e); arb_clear(c);
    arb_clear(u); arb_clear(v); arb_clear(B); arb_clear(sum);
    arf_clear(l); arf_clear(h);
}

void
_wkb_nll_quad_time_piece(arb_t tc, const problem_t P, const arb_t len, slong i, slong prec)
{
    arb_t u, v;
    arf_t lo, hi;
    arb_init(u); arb_init(v);
    arf_init(lo); arf_init(hi);
    arb_mul_si(u, len, i, prec);
    arb_add(u, u, P->t0, prec);
    arb_mul_si(v, len, i + 1, prec);
    arb_add(v, v, P->t0, prec);
    arb_get_lbound_arf(lo, u, prec);
    arb_get_ubound_arf(hi, v, prec);
    arb_set_interval_arf(u, lo, hi, prec);
    problem_clip_time(tc, P, u, prec);
    arb_clear(u); arb_clear(v);
    arf_clear(lo); arf_clear(hi);
}

int
wkb_nll_quad_dscore(arb_t res, const problem_t P, const arb_t t, slong prec)
{
    const score_struct * S = P->score;
    arb_t a, s2, u;

    if (P->dim != 1)
    {
        arb_indeterminate(res);
        return WKB_UNSUPPORTED;
    }
    if (S->type == SCORE_AFFINE)
    {
        arb_set(res, arb_mat_entry(S->A, 0, 0));
        return WKB_OK;
    }
    arb_init(a); arb_init(s2); arb_init(u);
    sched_a(a, P->sde, t, prec);
    sched_s2(s2, P->sde, t, prec);
    if (S->type == SCORE_OTHER)
        _wkb_nll_quad_mix_dscore(res, S->other, a, s2, prec);
    else
        _wkb_nll_quad_mix_dscore(res, P->data, a, s2, prec);
    if (S->type == SCORE_SCALED)
    {
        arb_add_ui(u, S->eps, 1, prec);
        arb_mul(res, res, u, prec);
    }
    arb_clear(a); arb_clear(s2); arb_clear(u);
    return arb_is_finite(res) ? WKB_OK : WKB_FAIL;
}

int
wkb_nll_quad_tail_consts(arb_t A, arb_t B, const problem_t P, slong pieces, slong prec)
{
    slong i, k, M = (pieces > 0) ? pieces : 64;
    arb_t len, t, tc, f, g2, ds, Di, Idiv, Up, F0, I0, al, be, P0, P2, Pm, u, v;
    arf_t lo, hi;
    int ok = 1;

    if (P->dim != 1)
    {
        arb_indeterminate(A);
        arb_indeterminate(B);
        return WKB_UNSUPPORTED;
    }
    arb_init(len); arb_init(t); arb_init(tc); arb_init(f); arb_init(g2); arb_init(ds);
    arb_init(Di); arb_init(Idiv); arb_init(Up); arb_init(F0); arb_init(I0);
    arb_init(al); arb_init(be); arb_init(P0); arb_init(P2); arb_init(Pm);
    arb_init(u); arb_init(v);
    arf_init(lo); arf_init(hi);

    /* pieces [t0 + i len, t0 + (i+1) len], len = (T - t0)/M (balls) */
    arb_sub(len, P->T, P->t0, prec);
    arb_div_si(len, len, M, prec);
    for (i = 0; i < M && ok; i++)
    {
        _wkb_nll_quad_time_piece(tc, P, len, i, prec);
        if (wkb_nll_quad_dscore(ds, P, tc, prec) != WKB_OK)
        {
            ok = 0;
            break;
        }
        sched_f(f, P->sde, tc, prec);
        sched_g2(g2, P->sde, tc, prec);
        arb_mul_2exp_si(g2, g2, -1);
        arb_mul(Di, g2, ds, prec);
        arb_sub(Di, f, Di, prec);             /* div F range on the piece */
        arb_addmul(Idiv, Di, len, prec);
        arb_get_ubound_arf(hi, Di, prec);
        if (arf_sgn(hi) > 0)
        {
            arb_set_arf(u, hi);
            arb_addmul(Up, u, len, prec);
        }
        /* |F(0, t)| = (g^2/2)|s(0, t)| */
        {
            arb_t zero;
            arb_init(zero);
            score_eval(u, P->score, P->data, P->sde, tc, zero, prec);
            arb_clear(zero);
        }
        arb_mul(u, u, g2, prec);
        arb_abs(u, u);
        arb_addmul(I0, u, len, prec);
        ok = arb_is_finite(Idiv) && arb_is_finite(I0);
    }

    if (ok)
    {
        arb_exp(al, Up, prec);
        arb_mul(be, al, I0, prec);
        if (P->prior == PRIOR_MARGINAL)
        {
            /* p_T components; use the one with the largest variance lower bound */
            const target_struct * Q = P->data;
            arb_t a, s2, Vk, Vmin;
            slong best = 0;
            arb_init(a); arb_init(s2); arb_init(Vk); arb_init(Vmin);
            sched_a(a, P->sde, P->T, prec);
            sched_s2(s2, P->sde, P->T, prec);
            for (k = 0; k < Q->n; k++)
            {
                arb_mul(Vk, a, a, prec);
                arb_mul(Vk, Vk, arb_mat_entry(target_cov(Q, k), 0, 0), prec);
                arb_add(Vk, Vk, s2, prec);
                if (k == 0 || arb_gt(Vk, u))
                    arb_set(u, Vk), best = k;
                if (k == 0)
                    arb_set(Vmin, Vk);
                else
                    arb_min(Vmin, Vmin, Vk, prec);
            }
            /* u = V_best */
            arb_log(P0, target_weight(Q, best), prec);
            arb_abs(P0, P0);
            arb_const_pi(v, prec);
            arb_mul_2exp_si(v, v, 1);
            arb_mul(Vk, v, u, prec);
            arb_log(Vk, Vk, prec);
            arb_abs(Vk, Vk);
            arb_mul_2exp_si(Vk, Vk, -1);
            arb_add(P0, P0, Vk, prec);
            arb_mul(Vk, v, Vmin, prec);
            arb_log(Vk, Vk, prec);
            arb_abs(Vk, Vk);
            arb_mul_2exp_si(Vk, Vk, -1);
            arb_add(P0, P0, Vk, prec);
            arb_mul(Pm, a, target_mean(Q, best), prec);
            arb_abs(Pm, Pm);
            arb_inv(P2, u, prec);
            arb_mul_2exp_si(P2, P2, -1);
            arb_clear(a); arb_clear(s2); arb_clear(Vk); arb_clear(Vmin);
        }
        else
        {
            arb_const_log_sqrt2pi(P0, prec);
            arb_zero(Pm);
            arb_one(P2);
            arb_mul_2exp_si(P2, P2, -1);
        }
        /* A = P0 + 2 P2 (beta + Pm)^2 + |Idiv|, B = 2 P2 alpha^2 */
        arb_add(u, be, Pm, prec);
        arb_mul(u, u, u, prec);
        arb_mul(u, u, P2, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_add(A, P0, u, prec);
        arb_abs(u, Idiv);
        arb_add(A, A, u, prec);
        arb_mul(B, al, al, prec);
        arb_mul(B, B, P2, prec);
        arb_mul_2exp_si(B, B, 1);
        /* exact upper bounds */
        arb_get_ubound_arf(hi, A, prec);
        arb_set_arf(A, hi);
        arb_get_ubound_arf(hi, B, prec);
        arb_set_arf(B, hi);
        ok = arb_is_finite(A) && arb_is_finite(B);
    }
    if (!ok)
    {
        arb_indeterminate(A);
        arb_indeterminate(B);
    }

    arb_clear(len); arb_clear(t); arb_clear(tc); arb_clear(f); arb_clear(g2); arb_clear(ds);
    arb_clear(Di); arb_clear(Idiv); arb_clear(Up); arb_clear(F0); arb_clear(I0);
    arb_clear(al); arb_clear(be); arb_clear(P0); arb_clear(P2); arb_clear(Pm);
    arb_clear(u); arb_clear(v);
    arf_clear(lo); arf_clear(hi);
    return ok ? WKB_OK : WKB_FAIL;
}
