/*
    Moments of the data law over an interval (d = 1):
        M_k = int_a^b p_0(x) (x - m)^k dx,   k = 0..K,
    p_0 = sum_j w_j N(mu_j, v_j) (a Gaussian is one component).  With
    x = mu + sigma z, z_a = (a - mu)/sigma, z_b = (b - mu)/sigma and
    J_i = int_{z_a}^{z_b} z^i phi(z) dz (phi the standard normal density):
        J_0 = Phi(z_b) - Phi(z_a)     (by erfc on the side of the tail:
                                       no cancellation of two values near 1),
        J_1 = phi(z_a) - phi(z_b),
        J_i = (i - 1) J_{i-2} + z_a^{i-1} phi(z_a) - z_b^{i-1} phi(z_b)
    (integration by parts), and (x - m)^k = sum_i C(k,i) delta^{k-i}
    sigma^i z^i with delta = mu - m.  An infinite end (a = -inf or
    b = +inf) has phi = 0 and Phi = 0 or 1.

    M_k is about (b - a) ((b - a)/2)^k while the terms of the sum are about
    b - a: the sum cancels k log2(2/(b - a)) bits, which the working
    precision adds (ball arithmetic keeps the result rigorous at any
    precision; the extra bits only keep it tight).
*/
#include "nll_quad_impl.h"

/* Phi(z) - Phi(y), y <= z, by erfc on the side of the tail.  Either may
   be infinite (arb_pos_inf / arb_neg_inf). */
static void
_normal_mass(arb_t res, const arb_t y, const arb_t z, slong prec)
{
    arb_t u, v, s;
    arb_init(u);
    arb_init(v);
    arb_init(s);
    arb_sqrt_ui(s, 2, prec);
    /* (the branch only chooses a formula: each one is exact) */
    if (arb_is_finite(y) && arf_sgn(arb_midref(y)) >= 0)
    {
        /* (erfc(y/sqrt2) - erfc(z/sqrt2))/2 */
        arb_div(u, y, s, prec);
        arb_hypgeom_erfc(u, u, prec);
        if (arf_is_pos_inf(arb_midref(z)))
            arb_zero(v);
        else
        {
            arb_div(v, z, s, prec);
            arb_hypgeom_erfc(v, v, prec);
        }
        arb_sub(res, u, v, prec);
    }
    else if (arb_is_finite(z) && arf_sgn(arb_midref(z)) <= 0)
    {
        /* (erfc(-z/sqrt2) - erfc(-y/sqrt2))/2 */
        arb_div(u, z, s, prec);
        arb_neg(u, u);
        arb_hypgeom_erfc(u, u, prec);
        if (arf_is_neg_inf(arb_midref(y)))
            arb_zero(v);
        else
        {
            arb_div(v, y, s, prec);
            arb_neg(v, v);
            arb_hypgeom_erfc(v, v, prec);
        }
        arb_sub(res, u, v, prec);
    }
    else
    {
        /* y < 0 < z: (erf(z/sqrt2) - erf(y/sqrt2))/2, infinite ends give +-1 */
        if (arf_is_pos_inf(arb_midref(z)))
            arb_one(u);
        else
        {
            arb_div(u, z, s, prec);
            arb_hypgeom_erf(u, u, prec);
        }
        if (arf_is_neg_inf(arb_midref(y)))
            arb_set_si(v, -1);
        else
        {
            arb_div(v, y, s, prec);
            arb_hypgeom_erf(v, v, prec);
        }
        arb_sub(res, u, v, prec);
    }
    arb_mul_2exp_si(res, res, -1);
    arb_clear(u);
    arb_clear(v);
    arb_clear(s);
}

/* phi(z) = exp(-z^2/2)/sqrt(2 pi); zero for an infinite z. */
static void
_normal_pdf(arb_t res, const arb_t z, slong prec)
{
    arb_t u;
    if (!arb_is_finite(z))
    {
        arb_zero(res);
        return;
    }
    arb_init(u);
    arb_sqr(res, z, prec);
    arb_mul_2exp_si(res, res, -1);
    arb_neg(res, res);
    arb_exp(res, res, prec);
    arb_const_pi(u, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_rsqrt(u, u, prec);
    arb_mul(res, res, u, prec);
    arb_clear(u);
}

void
_wkb_nll_quad_moments(arb_ptr M, const problem_t P, const arb_t a, const arb_t b,
        const arb_t m, slong K, slong prec)
{
    const target_struct * Q = P->data;
    slong j, i, k, wp;
    arb_ptr Jv, pw;
    arb_t sig, za, zb, pa, pb, ta, tb, delta, u, c;
    mag_t wid;

    Jv = _arb_vec_init(K + 1);
    pw = _arb_vec_init(K + 1);
    arb_init(sig); arb_init(za); arb_init(zb); arb_init(pa); arb_init(pb);
    arb_init(ta); arb_init(tb); arb_init(delta); arb_init(u); arb_init(c);
    mag_init(wid);

    /* working precision: prec + the bits the sum cancels + guard bits */
    wp = prec + 32;
    if (arb_is_finite(a) && arb_is_finite(b))
    {
        arb_sub(u, b, a, prec);
        arb_get_mag_lower(wid, u);
        if (!mag_is_zero(wid) && MAG_EXP(wid) < 2)
            wp += K * (2 - MAG_EXP(wid));
    }

    _arb_vec_zero(M, K + 1);
    for (j = 0; j < Q->n; j++)
    {
        arb_sqrt(sig, arb_mat_entry(target_cov(Q, j), 0, 0), wp);
        arb_sub(delta, target_mean(Q, j), m, wp);
        /* z_a, z_b (infinite ends stay infinite) */
        if (arb_is_finite(a))
        {
            arb_sub(za, a, target_mean(Q, j), wp);
            arb_div(za, za, sig, wp);
        }
        else
            arb_set(za, a);
        if (arb_is_finite(b))
        {
            arb_sub(zb, b, target_mean(Q, j), wp);
            arb_div(zb, zb, sig, wp);
        }
        else
            arb_set(zb, b);
        _normal_pdf(pa, za, wp);
        _normal_pdf(pb, zb, wp);
        _normal_mass(Jv + 0, za, zb, wp);
        if (K >= 1)
            arb_sub(Jv + 1, pa, pb, wp);
        /* ta = z_a^{i-1} phi(z_a), tb likewise (z^{i-1} phi(z) -> 0 at infinity) */
        arb_set(ta, pa);
        arb_set(tb, pb);
        for (i = 2; i <= K; i++)
        {
            if (arb_is_finite(za))
                arb_mul(ta, ta, za, wp);
            if (arb_is_finite(zb))
                arb_mul(tb, tb, zb, wp);
            arb_mul_ui(Jv + i, Jv + i - 2, i - 1, wp);
            arb_add(Jv + i, Jv + i, ta, wp);
            arb_sub(Jv + i, Jv + i, tb, wp);
        }
        /* sigma^i J_i */
        arb_one(u);
        for (i = 0; i <= K; i++)
        {
            arb_mul(Jv + i, Jv + i, u, wp);
            arb_mul(u, u, sig, wp);
        }
        /* pw[i] = delta^i */
        arb_one(pw + 0);
        for (i = 1; i <= K; i++)
            arb_mul(pw + i, pw + i - 1, delta, wp);
        for (k = 0; k <= K; k++)
        {
            arb_zero(u);
            for (i = 0; i <= k; i++)
            {
                arb_bin_uiui(c, k, i, wp);
                arb_mul(c, c, pw + k - i, wp);
                arb_addmul(u, c, Jv + i, wp);
            }
            arb_addmul(M + k, u, target_weight(Q, j), wp);
        }
    }
    for (k = 0; k <= K; k++)
        arb_set_round(M + k, M + k, prec);

    _arb_vec_clear(Jv, K + 1);
    _arb_vec_clear(pw, K + 1);
    arb_clear(sig); arb_clear(za); arb_clear(zb); arb_clear(pa); arb_clear(pb);
    arb_clear(ta); arb_clear(tb); arb_clear(delta); arb_clear(u); arb_clear(c);
    mag_clear(wid);
}
