/*
    Gaussian mixtures as reference laws: 1D CDF and quantile brackets,
    fourth moments, marginals, a Gaussian as a one-component mixture.
*/
#include "diffwkb/validate.h"

void
validate_mix_set_gauss(target_t Q, arb_srcptr mu, const arb_mat_t Sigma, slong d)
{
    target_clear(Q);
    target_init(Q, d, 1);
    arb_one(Q->w);
    _arb_vec_set(target_mean(Q, 0), mu, d);
    arb_mat_set(target_cov(Q, 0), Sigma);
}

void
validate_mix_marginal(target_t Q, const target_t P, const arb_t a, const arb_t s2, slong prec)
{
    slong d = P->d, n = P->n, k, i;
    arb_t a2;
    arb_init(a2);
    arb_sqr(a2, a, prec);
    target_clear(Q);
    target_init(Q, d, n);
    for (k = 0; k < n; k++)
    {
        arb_set(Q->w + k, P->w + k);
        _arb_vec_scalar_mul(target_mean(Q, k), target_mean(P, k), d, a, prec);
        arb_mat_scalar_mul_arb(target_cov(Q, k), target_cov(P, k), a2, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(target_cov(Q, k), i, i),
                    arb_mat_entry(target_cov(Q, k), i, i), s2, prec);
    }
    arb_clear(a2);
}

/* c[k] = 1/sqrt(2 S_k) for a 1D mixture. */
static void
_inv_scale(arb_ptr c, const target_t P, slong prec)
{
    slong k;
    for (k = 0; k < P->n; k++)
    {
        arb_mul_2exp_si(c + k, arb_mat_entry(target_cov(P, k), 0, 0), 1);
        arb_rsqrt(c + k, c + k, prec);
    }
}

/* F(x) = sum_k w_k erfc(-(x - m_k) c_k) / 2. */
static void
_cdf(arb_t res, const target_t P, arb_srcptr c, const arb_t x, slong prec)
{
    slong k;
    arb_t t;
    arb_init(t);
    arb_zero(res);
    for (k = 0; k < P->n; k++)
    {
        arb_sub(t, target_mean(P, k), x, prec);
        arb_mul(t, t, c + k, prec);
        arb_hypgeom_erfc(t, t, prec);
        arb_addmul(res, t, P->w + k, prec);
    }
    arb_mul_2exp_si(res, res, -1);
    arb_clear(t);
}

void
validate_mix_cdf(arb_t res, const target_t P, const arb_t x, slong prec)
{
    arb_ptr c = _arb_vec_init(P->n);
    _inv_scale(c, P, prec);
    _cdf(res, P, c, x, prec);
    _arb_vec_clear(c, P->n);
}

void
validate_mix_cdf_vec(arb_ptr Fx, const target_t P, const double * xs, slong n, slong stride,
                     slong prec)
{
    slong i, j;
    arb_t x;
    arb_ptr c = _arb_vec_init(P->n);
    arb_init(x);
    _inv_scale(c, P, prec);
    if (stride <= 1)
    {
        for (i = 0; i < n; i++)
        {
            arb_set_d(x, xs[i]);
            _cdf(Fx + i, P, c, x, prec);
        }
    }
    else
    {
        /* exact at i = 0, stride, 2 stride, ... and n - 1; the points between
           lie in the hull of their neighbours' values (F increasing, xs sorted) */
        slong prev = -1;
        for (i = 0; ; i = (i + stride < n - 1) ? i + stride : n - 1)
        {
            arb_set_d(x, xs[i]);
            _cdf(Fx + i, P, c, x, prec);
            for (j = prev + 1; j < i && prev >= 0; j++)
                arb_union(Fx + j, Fx + prev, Fx + i, prec);
            prev = i;
            if (i == n - 1)
                break;
        }
    }
    arb_clear(x);
    _arb_vec_clear(c, P->n);
}

int
validate_mix_quantile(arb_t lo, arb_t hi, const target_t P, const arb_t u, const arb_t tol,
                      slong prec)
{
    slong k, it;
    arb_t F, m, w, sd;
    arb_ptr c;
    int ok = 0;

    arb_init(F);
    arb_init(m);
    arb_init(w);
    arb_init(sd);
    c = _arb_vec_init(P->n);
    _inv_scale(c, P, prec);

    /* initial bracket: all means -/+ 64 times the largest standard deviation */
    arb_zero(sd);
    for (k = 0; k < P->n; k++)
    {
        arb_sqrt(w, arb_mat_entry(target_cov(P, k), 0, 0), prec);
        arb_max(sd, sd, w, prec);
    }
    arb_mul_ui(sd, sd, 64, prec);
    arb_set(lo, target_mean(P, 0));
    arb_set(hi, target_mean(P, 0));
    for (k = 1; k < P->n; k++)
    {
        arb_min(lo, lo, target_mean(P, k), prec);
        arb_max(hi, hi, target_mean(P, k), prec);
    }
    arb_sub(lo, lo, sd, prec);
    arb_add(hi, hi, sd, prec);
    /* exact endpoints below / above the balls */
    arb_get_lbound_arf(arb_midref(w), lo, 30);
    arb_set_arf(lo, arb_midref(w));
    arb_get_ubound_arf(arb_midref(w), hi, 30);
    arb_set_arf(hi, arb_midref(w));

    _cdf(F, P, c, lo, prec);
    if (!arb_le(F, u))
        goto done;
    _cdf(F, P, c, hi, prec);
    if (!arb_ge(F, u))
        goto done;
    ok = 1;
    for (it = 0; it < 4 * prec; it++)
    {
        arb_sub(w, hi, lo, prec);
        if (arb_le(w, tol))
            break;
        arb_add(m, lo, hi, prec + 64);
        arb_mul_2exp_si(m, m, -1);
        mag_zero(arb_radref(m));
        _cdf(F, P, c, m, prec);
        if (arb_le(F, u))
            arb_set(lo, m);
        else if (arb_ge(F, u))
            arb_set(hi, m);
        else
            break;
    }
done:
    arb_clear(F);
    arb_clear(m);
    arb_clear(w);
    arb_clear(sd);
    _arb_vec_clear(c, P->n);
    return ok;
}

void
validate_mix_moments4(arb_ptr mean, arb_mat_t cov, arb_mat_t V, const target_t P, slong prec)
{
    slong d = P->d, k, i, j;
    arb_t one, zero, s, t, u;
    arb_ptr c;

    arb_init(one);
    arb_init(zero);
    arb_init(s);
    arb_init(t);
    arb_init(u);
    c = _arb_vec_init(d);
    arb_one(one);
    _target_moments(mean, cov, P, one, zero, prec);
    arb_mat_zero(V);
    for (k = 0; k < P->n; k++)
    {
        const arb_mat_struct * C = target_cov(P, k);
        _arb_vec_sub(c, target_mean(P, k), mean, d, prec);
        for (i = 0; i < d; i++)
            for (j = i; j < d; j++)
            {
                /* (C_ii + c_i^2)(C_jj + c_j^2) + 2 C_ij^2 + 4 c_i c_j C_ij */
                arb_set(s, arb_mat_entry(C, i, i));
                arb_addmul(s, c + i, c + i, prec);
                arb_set(t, arb_mat_entry(C, j, j));
                arb_addmul(t, c + j, c + j, prec);
                arb_mul(s, s, t, prec);
                arb_sqr(t, arb_mat_entry(C, i, j), prec);
                arb_addmul_si(s, t, 2, prec);
                arb_mul(t, c + i, c + j, prec);
                arb_mul(t, t, arb_mat_entry(C, i, j), prec);
                arb_addmul_si(s, t, 4, prec);
                arb_addmul(arb_mat_entry(V, i, j), s, P->w + k, prec);
            }
    }
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
        {
            arb_sqr(u, arb_mat_entry(cov, i, j), prec);
            arb_sub(arb_mat_entry(V, i, j), arb_mat_entry(V, i, j), u, prec);
            arb_set(arb_mat_entry(V, j, i), arb_mat_entry(V, i, j));
        }
    arb_clear(one);
    arb_clear(zero);
    arb_clear(s);
    arb_clear(t);
    arb_clear(u);
    _arb_vec_clear(c, d);
}
