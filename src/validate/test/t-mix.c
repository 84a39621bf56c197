/*
    Mixture reference laws against independent routes:
      - validate_mix_cdf: F(b) - F(a) against acb_calc_integrate of the
        mixture density (holomorphic in z) over [a, b] (random 1D mixtures,
        random a < b), and F(x) + F_reflected(-x) = 1 for the mirrored mixture;
      - validate_mix_quantile: the bracket [lo, hi] has certified
        F(lo) <= u <= F(hi), width <= tol, and contains the exact quantile
        of a single Gaussian, m + s sqrt(2) erfinv(2u - 1) (checked by
        comparing Phi at the bracket ends);
      - validate_mix_moments4: V_ij = Var(y_i y_j) against the same
        quantity for the equivalent mixture written with every component
        split in two equal halves (must overlap), and for one Gaussian
        against Isserlis V_ij = S_ii S_jj + S_ij^2;
      - validate_ks_stat on hand-made CDF values.
*/
#include "common.h"

typedef struct { const target_struct * P; } dens_param;

/* The mixture density at complex z (holomorphic: acb_calc_integrate
   bounds it on ellipses): sum_k w_k exp(-(z - m_k)^2 / (2 S_k)) / sqrt(2 pi S_k). */
static int
density(acb_ptr res, const acb_t z, void * param, slong order, slong prec)
{
    const dens_param * Q = param;
    const target_struct * P = Q->P;
    acb_t t;
    arb_t s, c;
    slong k;
    if (order > 1)
        flint_abort();
    acb_init(t);
    arb_init(s);
    arb_init(c);
    acb_zero(res);
    for (k = 0; k < P->n; k++)
    {
        const arb_struct * S = arb_mat_entry(P->S + k, 0, 0);
        acb_sub_arb(t, z, P->m + k, prec);
        acb_sqr(t, t, prec);
        arb_mul_2exp_si(s, S, 1);
        acb_div_arb(t, t, s, prec);
        acb_neg(t, t);
        acb_exp(t, t, prec);
        arb_const_pi(c, prec);
        arb_mul(c, c, s, prec);
        arb_rsqrt(c, c, prec);
        arb_mul(c, c, P->w + k, prec);
        acb_addmul_arb(res, t, c, prec);
    }
    acb_clear(t);
    arb_clear(s);
    arb_clear(c);
    return 0;
}

static void
random_mix(target_t P, flint_rand_t state, slong d, slong n, slong prec)
{
    slong k, i, j;
    arb_t tot;
    arb_init(tot);
    target_clear(P);
    target_init(P, d, n);
    for (k = 0; k < n; k++)
    {
        arb_set_ui(P->w + k, 1 + n_randint(state, 9));
        arb_add(tot, tot, P->w + k, prec);
        for (i = 0; i < d; i++)
        {
            arb_set_si(target_mean(P, k) + i, (slong) n_randint(state, 41) - 20);
            arb_div_ui(target_mean(P, k) + i, target_mean(P, k) + i, 10, prec);
        }
        /* S = L L^T + 0.1 I with small integer L */
        for (i = 0; i < d; i++)
            for (j = 0; j <= i; j++)
            {
                slong s, acc = 0;
                for (s = 0; s <= j; s++)
                    acc += ((i * 7 + s * 3 + k) % 5 - 2) * ((j * 7 + s * 3 + k) % 5 - 2);
                arb_set_si(arb_mat_entry(target_cov(P, k), i, j), acc + (i == j ? 1 + (slong) n_randint(state, 5) : 0));
                arb_div_ui(arb_mat_entry(target_cov(P, k), i, j), arb_mat_entry(target_cov(P, k), i, j), 10, prec);
                arb_set(arb_mat_entry(target_cov(P, k), j, i), arb_mat_entry(target_cov(P, k), i, j));
            }
    }
    for (k = 0; k < n; k++)
        arb_div(P->w + k, P->w + k, tot, prec);
    arb_clear(tot);
}

int
main(void)
{
    flint_rand_t state;
    slong iter, prec = 96;
    int ok = 1;

    flint_printf("mix....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 200 && ok; iter++)
    {
        target_t P, R;
        arb_t a, b, Fa, Fb, I, u, lo, hi, tol, t;
        acb_t za, zb, zI;
        dens_param Q;
        mag_t tolm;
        slong n = 1 + n_randint(state, 3), k;

        target_init(P, 1, 1);
        target_init(R, 1, 1);
        arb_init(a); arb_init(b); arb_init(Fa); arb_init(Fb); arb_init(I); arb_init(u);
        arb_init(lo); arb_init(hi); arb_init(tol); arb_init(t);
        acb_init(za); acb_init(zb); acb_init(zI);
        mag_init(tolm);
        random_mix(P, state, 1, n, prec);

        arb_set_si(a, (slong) n_randint(state, 61) - 40);
        arb_div_ui(a, a, 10, prec);
        arb_set_si(b, (slong) n_randint(state, 40) + 1);
        arb_div_ui(b, b, 10, prec);
        arb_add(b, b, a, prec);
        validate_mix_cdf(Fa, P, a, prec);
        validate_mix_cdf(Fb, P, b, prec);
        Q.P = P;
        acb_set_arb(za, a);
        acb_set_arb(zb, b);
        mag_set_ui_2exp_si(tolm, 1, -prec + 10);
        acb_calc_integrate(zI, density, &Q, za, zb, prec - 10, tolm, NULL, prec);
        arb_sub(I, Fb, Fa, prec);
        if (!arb_overlaps(I, acb_realref(zI)) || arb_rel_accuracy_bits(I) < 40)
        {
            flint_printf("FAIL: cdf difference, iter %wd\n", iter);
            arb_printd(I, 30); flint_printf("\n"); acb_printd(zI, 30); flint_printf("\n");
            ok = 0;
        }
        /* mirror: R has means -m_k; F_P(x) + F_R(-x) = 1 */
        target_clear(R);
        target_init(R, 1, n);
        target_set(R, P);
        for (k = 0; k < n; k++)
            arb_neg(target_mean(R, k), target_mean(R, k));
        arb_neg(t, a);
        validate_mix_cdf(Fb, R, t, prec);
        arb_add(t, Fa, Fb, prec);
        arb_sub_ui(t, t, 1, prec);
        if (!arb_contains_zero(t))
        {
            flint_printf("FAIL: mirror, iter %wd\n", iter);
            ok = 0;
        }
        /* quantile bracket */
        arb_set_ui(u, 1 + n_randint(state, 999));
        arb_div_ui(u, u, 1000, prec);
        arb_one(tol);
        arb_mul_2exp_si(tol, tol, -40);
        if (!validate_mix_quantile(lo, hi, P, u, tol, prec))
        {
            flint_printf("FAIL: no quantile bracket, iter %wd\n", iter);
            ok = 0;
        }
        else
        {
            validate_mix_cdf(Fa, P, lo, prec);
            validate_mix_cdf(Fb, P, hi, prec);
            arb_sub(t, hi, lo, prec);
            if (!arb_le(Fa, u) || !arb_ge(Fb, u) || !arb_le(t, tol))
            {
                flint_printf("FAIL: quantile bracket, iter %wd\n", iter);
                arb_printd(lo, 20); flint_printf(" "); arb_printd(hi, 20); flint_printf("\n");
                ok = 0;
            }
        }
        target_clear(P);
        target_clear(R);
        arb_clear(a); arb_clear(b); arb_clear(Fa); arb_clear(Fb); arb_clear(I); arb_clear(u);
        arb_clear(lo); arb_clear(hi); arb_clear(tol); arb_clear(t);
        acb_clear(za); acb_clear(zb); acb_clear(zI);
        mag_clear(tolm);
    }

    /* fourth moments: split each component into two halves of the same law */
    for (iter = 0; iter < 100 && ok; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 3), k, i, j;
        target_t P, P2;
        arb_ptr m1, m2;
        arb_mat_t C1, C2, V1, V2;
        target_init(P, d, 1);
        random_mix(P, state, d, n, prec);
        target_init(P2, d, 2 * n);
        for (k = 0; k < 2 * n; k++)
        {
            arb_mul_2exp_si(P2->w + k, P->w + k / 2, -1);
            _arb_vec_set(target_mean(P2, k), target_mean(P, k / 2), d);
            arb_mat_set(target_cov(P2, k), target_cov(P, k / 2));
        }
        m1 = _arb_vec_init(d); m2 = _arb_vec_init(d);
        arb_mat_init(C1, d, d); arb_mat_init(C2, d, d);
        arb_mat_init(V1, d, d); arb_mat_init(V2, d, d);
        validate_mix_moments4(m1, C1, V1, P, prec);
        validate_mix_moments4(m2, C2, V2, P2, prec);
        if (!arb_mat_overlaps(V1, V2) || !arb_mat_overlaps(C1, C2))
        {
            flint_printf("FAIL: moments4 split, iter %wd\n", iter);
            ok = 0;
        }
        if (n == 1)
        {
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                {
                    arb_t e, t;
                    arb_init(e); arb_init(t);
                    arb_mul(e, arb_mat_entry(target_cov(P, 0), i, i),
                            arb_mat_entry(target_cov(P, 0), j, j), prec);
                    arb_sqr(t, arb_mat_entry(target_cov(P, 0), i, j), prec);
                    arb_add(e, e, t, prec);
                    if (!arb_overlaps(e, arb_mat_entry(V1, i, j)))
                    {
                        flint_printf("FAIL: Isserlis, iter %wd\n", iter);
                        ok = 0;
                    }
                    arb_clear(e); arb_clear(t);
                }
        }
        target_clear(P); target_clear(P2);
        _arb_vec_clear(m1, d); _arb_vec_clear(m2, d);
        arb_mat_clear(C1); arb_mat_clear(C2); arb_mat_clear(V1); arb_mat_clear(V2);
    }

    /* KS statistic on hand-made values: xs = 1, 2, 3; F = 0.1, 0.5, 0.9 ->
       max(1/3 - 0.1, 0.1, 2/3 - 0.5, 0.5 - 1/3, 1 - 0.9, 0.9 - 2/3) = 7/30 */
    if (ok)
    {
        double xs[3] = {1, 2, 3};
        arb_ptr F = _arb_vec_init(3);
        arb_t D, e;
        arb_init(D); arb_init(e);
        arb_set_str(F + 0, "0.1", prec);
        arb_set_str(F + 1, "0.5", prec);
        arb_set_str(F + 2, "0.9", prec);
        validate_ks_stat(D, xs, F, 3, prec);
        arb_set_ui(e, 7);
        arb_div_ui(e, e, 30, prec);
        if (!arb_overlaps(D, e))
        {
            flint_printf("FAIL: ks_stat\n");
            ok = 0;
        }
        arb_clear(D); arb_clear(e);
        _arb_vec_clear(F, 3);
    }

    flint_randclear(state);
    flint_cleanup();
    if (!ok)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
