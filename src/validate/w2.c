/*
    validate_w2_1d: the quantile-rule W2 estimate of 1D samples against a
    certified mixture law (see validate.h).

    Q(u_i) is bracketed without new CDF evaluations: if F(x_(j)) <= u_i
    certainly then Q(u_i) >= x_(j), if F(x_(j)) >= u_i certainly then
    Q(u_i) <= x_(j) (F continuous and increasing).  Levels below (above) the
    certified range of the samples use a bisection bracket of Q(u_1)
    (Q(u_n)), which bounds Q(u_i) from below (above) by monotonicity.
*/
#include "diffwkb/validate.h"

int
validate_w2_1d(arb_t res, const double * xs, arb_srcptr Fx_in, slong n, const target_t P,
               slong prec)
{
    slong i, jl, jh, k;
    arb_ptr Fx;
    arb_t u, lo1, hi1, lon, hin, tol, q, t, sum, x, F, m, wmax;
    int ok = 1;

    if (n < 1 || P->d != 1)
    {
        arb_indeterminate(res);
        return 0;
    }
    Fx = _arb_vec_init(n);
    if (Fx_in == NULL)
        validate_mix_cdf_vec(Fx, P, xs, n, 1, prec);
    else
        _arb_vec_set(Fx, Fx_in, n);
    arb_init(u); arb_init(lo1); arb_init(hi1); arb_init(lon); arb_init(hin);
    arb_init(tol); arb_init(q); arb_init(t); arb_init(sum); arb_init(x);
    arb_init(F); arb_init(m); arb_init(wmax);
    /* target bracket width: sd(P) / (4 sqrt(n)), a quarter of the
       statistical resolution of the estimate */
    {
        arb_t one, zero;
        arb_ptr mean = _arb_vec_init(1);
        arb_mat_t cov;
        arb_init(one);
        arb_init(zero);
        arb_mat_init(cov, 1, 1);
        arb_one(one);
        _target_moments(mean, cov, P, one, zero, prec);
        arb_div_ui(wmax, arb_mat_entry(cov, 0, 0), 16 * n, prec);
        arb_sqrtpos(wmax, wmax, prec);
        arb_get_lbound_arf(arb_midref(wmax), wmax, 30);
        mag_zero(arb_radref(wmax));
        arb_clear(one);
        arb_clear(zero);
        arb_mat_clear(cov);
        _arb_vec_clear(mean, 1);
    }

    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -30);
    arb_set_si(u, 1);
    arb_div_si(u, u, 2 * n, prec);
    ok &= validate_mix_quantile(lo1, hi1, P, u, tol, prec);
    arb_set_si(u, 2 * n - 1);
    arb_div_si(u, u, 2 * n, prec);
    ok &= validate_mix_quantile(lon, hin, P, u, tol, prec);

    jl = -1;        /* largest j with F(x_j) <= u certainly */
    jh = 0;         /* smallest j with F(x_j) >= u certainly */
    arb_zero(sum);
    for (i = 0; i < n && ok; i++)
    {
        arb_set_si(u, 2 * i + 1);
        arb_div_si(u, u, 2 * n, prec);
        /* scan while F(x_k) may still be <= u (balls may overlap u) */
        for (k = jl + 1; k < n; k++)
        {
            if (arb_le(Fx + k, u))
                jl = k;
            else if (arb_gt(Fx + k, u))
                break;
        }
        if (jh < jl + 1)
            jh = jl + 1;
        while (jh < n && !arb_ge(Fx + jh, u))
            jh++;
        /* Q(u_i) in [q, t] */
        if (jl >= 0)
            arb_set_d(q, xs[jl]);
        else
            arb_set(q, lo1);
        if (jh < n)
            arb_set_d(t, xs[jh]);
        else
            arb_set(t, hin);
        /* wide brackets (tails, where samples are sparse): bisect on the
           certified CDF down to width wmax */
        arb_sub(F, t, q, prec);
        if (!arb_le(F, wmax))
        {
            slong it;
            for (it = 0; it < 40; it++)
            {
                arb_add(m, q, t, prec + 64);
                arb_mul_2exp_si(m, m, -1);
                arb_get_mid_arb(m, m);
                validate_mix_cdf(F, P, m, prec);
                if (arb_le(F, u))
                    arb_set(q, m);
                else if (arb_ge(F, u))
                    arb_set(t, m);
                else
                    break;
                arb_sub(F, t, q, prec);
                if (arb_le(F, wmax))
                    break;
            }
        }
        arb_union(q, q, t, prec);
        arb_set_d(x, xs[i]);
        arb_sub(t, x, q, prec);
        arb_addmul(sum, t, t, prec);
    }
    if (ok)
    {
        arb_div_si(sum, sum, n, prec);
        arb_sqrtpos(res, sum, prec);
    }
    else
        arb_indeterminate(res);

    _arb_vec_clear(Fx, n);
    arb_clear(u); arb_clear(lo1); arb_clear(hi1); arb_clear(lon); arb_clear(hin);
    arb_clear(tol); arb_clear(q); arb_clear(t); arb_clear(sum); arb_clear(x);
    arb_clear(F); arb_clear(m); arb_clear(wmax);
    return ok;
}
