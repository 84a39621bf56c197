/* log p_t, score and Laplacian of log p_t along a polynomial path, as time
   series: matrix power series of C(t) = a_t^2 S_k + s_t^2 I per component. */
#include "impl.h"

void
_action_shift_path(arb_poly_struct * xs, const arb_poly_struct * x, slong d, const arb_t t,
           slong len, slong prec)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        arb_poly_taylor_shift(xs + i, x + i, t, prec);
        arb_poly_truncate(xs + i, len);
    }
}

int
action_target_path_series(arb_poly_t logp, arb_poly_struct * score, arb_poly_t lap,
                          const target_t P, const sched_t S, const arb_poly_struct * x,
                          const arb_t t, slong len, slong prec)
{
    slong d = P->d, n = P->n, i, j, k, l, m, kmax = 0;
    arb_poly_struct * xs, * z, * y, * E, * sc;
    arb_poly_struct * ys;      /* n*d: y_k = C_k^{-1} z_k, score_k = -y_k */
    arb_poly_struct * lq;      /* n: log N_k + log w_k */
    arb_poly_struct * tri;     /* n: tr C_k^{-1} */
    arb_poly_t A, A2, s2, q, ld, tr, sum, u, v;
    arb_mat_struct * C, * X;
    arb_mat_t T1, T2;
    arb_t c, c2, lpi;
    arf_t best;
    int fail = 0;

    xs = _action_poly_vec_init(d);
    z = _action_poly_vec_init(d);
    y = _action_poly_vec_init(d);
    sc = _action_poly_vec_init(d);
    ys = _action_poly_vec_init(n * d);
    lq = _action_poly_vec_init(n);
    tri = _action_poly_vec_init(n);
    E = _action_poly_vec_init(d * d);
    arb_poly_init(A); arb_poly_init(A2); arb_poly_init(s2); arb_poly_init(q);
    arb_poly_init(ld); arb_poly_init(tr); arb_poly_init(sum); arb_poly_init(u);
    arb_poly_init(v);
    C = flint_malloc(len * sizeof(arb_mat_struct));
    X = flint_malloc(len * sizeof(arb_mat_struct));
    for (l = 0; l < len; l++)
    {
        arb_mat_init(C + l, d, d);
        arb_mat_init(X + l, d, d);
    }
    arb_mat_init(T1, d, d);
    arb_mat_init(T2, d, d);
    arb_init(c);
    arb_init(c2);
    arb_init(lpi);
    arf_init(best);

    _action_shift_path(xs, x, d, t, len, prec);
    sched_a_series(A, S, t, len, prec);
    sched_s2_series(s2, S, t, len, prec);
    arb_poly_mullow(A2, A, A, len, prec);
    arb_const_pi(lpi, prec);
    arb_mul_2exp_si(lpi, lpi, 1);
    arb_log(lpi, lpi, prec);
    arb_mul_si(lpi, lpi, d, prec);
    arb_mul_2exp_si(lpi, lpi, -1);           /* (d/2) log(2 pi) */

    for (k = 0; k < n && !fail; k++)
    {
        const arb_mat_struct * Sk = target_cov(P, k);
        arb_srcptr mk = target_mean(P, k);

        /* C_l = A2_l S_k + s2_l I */
        for (l = 0; l < len; l++)
        {
            arb_poly_get_coeff_arb(c, A2, l);
            arb_mat_scalar_mul_arb(C + l, Sk, c, prec);
            arb_poly_get_coeff_arb(c, s2, l);
            for (i = 0; i < d; i++)
                arb_add(arb_mat_entry(C + l, i, i), arb_mat_entry(C + l, i, i), c, prec);
        }
        /* X = C^{-1}: X_0 = C_0^{-1}, X_l = -X_0 sum_{m=1}^{l} C_m X_{l-m} */
        if (!arb_mat_spd_inv(X + 0, C + 0, prec))
        {
            fail = 1;
            break;
        }
        for (l = 1; l < len; l++)
        {
            arb_mat_zero(T1);
            for (m = 1; m <= l; m++)
            {
                arb_mat_mul(T2, C + m, X + l - m, prec);
                arb_mat_add(T1, T1, T2, prec);
            }
            arb_mat_mul(X + l, X + 0, T1, prec);
            arb_mat_neg(X + l, X + l);
        }
        /* entries of X as series */
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                arb_poly_zero(E + i * d + j);
                for (l = 0; l < len; l++)
                    arb_poly_set_coeff_arb(E + i * d + j, l, arb_mat_entry(X + l, i, j));
            }
        /* z = x - A m_k, y = X z, q = z.y */
        for (i = 0; i < d; i++)
        {
            arb_poly_scalar_mul(z + i, A, mk + i, prec);
            arb_poly_sub(z + i, xs + i, z + i, prec);
        }
        arb_poly_zero(q);
        for (i = 0; i < d; i++)
        {
            arb_poly_zero(ys + k * d + i);
            for (j = 0; j < d; j++)
            {
                arb_poly_mullow(u, E + i * d + j, z + j, len, prec);
                arb_poly_add(ys + k * d + i, ys + k * d + i, u, prec);
            }
            arb_poly_mullow(u, z + i, ys + k * d + i, len, prec);
            arb_poly_add(q, q, u, prec);
        }
        /* tr C^{-1} */
        arb_poly_zero(tri + k);
        for (l = 0; l < len; l++)
        {
            arb_mat_trace(c, X + l, prec);
            arb_poly_set_coeff_arb(tri + k, l, c);
        }
        /* log det C: (log det C)' = tr(C^{-1} C') */
        arb_poly_zero(ld);
        arb_mat_det(c, C + 0, prec);
        if (!arb_is_positive(c))
        {
            fail = 1;
            break;
        }
        arb_log(c, c, prec);
        arb_poly_set_coeff_arb(ld, 0, c);
        for (l = 0; l + 1 < len; l++)
        {
            /* tr(C^{-1} C')_l = sum_m tr(X_m C'_{l-m}), C'_r = (r+1) C_{r+1} */
            arb_zero(c);
            for (m = 0; m <= l; m++)
            {
                arb_mat_mul(T2, X + m, C + l - m + 1, prec);
                arb_mat_trace(c2, T2, prec);
                arb_addmul_si(c, c2, l - m + 1, prec);
            }
            arb_div_si(c, c, l + 1, prec);
            arb_poly_set_coeff_arb(ld, l + 1, c);
        }
        /* log(w_k N_k) = log w_k - q/2 - ld/2 - (d/2) log 2 pi */
        arb_poly_add(u, q, ld, prec);
        arb_poly_scalar_mul_2exp_si(u, u, -1);
        arb_poly_neg(lq + k, u);
        arb_log(c, target_weight(P, k), prec);
        arb_sub(c, c, lpi, prec);
        arb_poly_get_coeff_arb(c2, lq + k, 0);
        arb_add(c2, c2, c, prec);
        arb_poly_set_coeff_arb(lq + k, 0, c2);
        if (k == 0 || arf_cmp(arb_midref(c2), best) > 0)
        {
            arf_set(best, arb_midref(c2));
            kmax = k;
        }
    }

    if (!fail)
    {
        /* log-sum-exp around the exact number best */
        arb_poly_zero(sum);
        for (k = 0; k < n; k++)
        {
            arb_poly_get_coeff_arb(c, lq + k, 0);
            arb_sub_arf(c, c, best, prec);
            arb_poly_set_coeff_arb(lq + k, 0, c);
            arb_poly_exp_series(lq + k, lq + k, len, prec);     /* now E_k */
            arb_poly_add(sum, sum, lq + k, prec);
        }
        (void) kmax;
        if (logp != NULL)
        {
            arb_poly_log_series(logp, sum, len, prec);
            arb_poly_get_coeff_arb(c, logp, 0);
            arb_add_arf(c, c, best, prec);
            arb_poly_set_coeff_arb(logp, 0, c);
        }
        if (score != NULL || lap != NULL)
        {
            for (i = 0; i < d; i++)
                arb_poly_zero(sc + i);
            arb_poly_zero(v);
            for (k = 0; k < n; k++)
            {
                arb_poly_div_series(lq + k, lq + k, sum, len, prec);   /* r_k */
                /* r_k (|y_k|^2 - tr C_k^{-1}) */
                arb_poly_neg(u, tri + k);
                for (i = 0; i < d; i++)
                {
                    arb_poly_mullow(q, ys + k * d + i, ys + k * d + i, len, prec);
                    arb_poly_add(u, u, q, prec);
                    arb_poly_mullow(q, lq + k, ys + k * d + i, len, prec);
                    arb_poly_sub(sc + i, sc + i, q, prec);
                }
                arb_poly_mullow(q, lq + k, u, len, prec);
                arb_poly_add(v, v, q, prec);
            }
            for (i = 0; i < d; i++)
            {
                arb_poly_mullow(q, sc + i, sc + i, len, prec);
                arb_poly_sub(v, v, q, prec);
                if (score != NULL)
                    arb_poly_set(score + i, sc + i);
            }
            if (lap != NULL)
                arb_poly_set(lap, v);
        }
    }
    else
    {
        if (logp != NULL)
            _sched_poly_indeterminate(logp, len);
        if (score != NULL)
            for (i = 0; i < d; i++)
                _sched_poly_indeterminate(score + i, len);
        if (lap != NULL)
            _sched_poly_indeterminate(lap, len);
    }

    _action_poly_vec_clear(xs, d);
    _action_poly_vec_clear(z, d);
    _action_poly_vec_clear(y, d);
    _action_poly_vec_clear(sc, d);
    _action_poly_vec_clear(ys, n * d);
    _action_poly_vec_clear(lq, n);
    _action_poly_vec_clear(tri, n);
    _action_poly_vec_clear(E, d * d);
    arb_poly_clear(A); arb_poly_clear(A2); arb_poly_clear(s2); arb_poly_clear(q);
    arb_poly_clear(ld); arb_poly_clear(tr); arb_poly_clear(sum); arb_poly_clear(u);
    arb_poly_clear(v);
    for (l = 0; l < len; l++)
    {
        arb_mat_clear(C + l);
        arb_mat_clear(X + l);
    }
    flint_free(C);
    flint_free(X);
    arb_mat_clear(T1);
    arb_mat_clear(T2);
    arb_clear(c);
    arb_clear(c2);
    arb_clear(lpi);
    arf_clear(best);
    return fail;
}

int
action_score_path_series(arb_poly_struct * s, arb_poly_t div, const score_t M,
                         const target_t P, const sched_t S, const arb_poly_struct * x,
                         const arb_t t, slong len, slong prec)
{
    slong d = P->d, i, j;
    int fail = 0;
    arb_t c;

    arb_init(c);
    switch (M->type)
    {
        case SCORE_EXACT:
            fail = action_target_path_series(NULL, s, div, P, S, x, t, len, prec);
            break;
        case SCORE_SCALED:
            fail = action_target_path_series(NULL, s, div, P, S, x, t, len, prec);
            arb_add_ui(c, M->eps, 1, prec);
            for (i = 0; i < d; i++)
                arb_poly_scalar_mul(s + i, s + i, c, prec);
            if (div != NULL)
                arb_poly_scalar_mul(div, div, c, prec);
            break;
        case SCORE_OTHER:
            fail = action_target_path_series(NULL, s, div, M->other, S, x, t, len, prec);
            break;
        case SCORE_AFFINE:
        {
            arb_poly_struct * xs = _action_poly_vec_init(d);
            arb_poly_t u;
            arb_poly_init(u);
            _action_shift_path(xs, x, d, t, len, prec);
            for (i = 0; i < d; i++)
            {
                arb_poly_zero(s + i);
                arb_poly_set_coeff_arb(s + i, 0, M->b + i);
                for (j = 0; j < d; j++)
                {
                    arb_poly_scalar_mul(u, xs + j, arb_mat_entry(M->A, i, j), prec);
                    arb_poly_add(s + i, s + i, u, prec);
                }
            }
            if (div != NULL)
            {
                arb_mat_trace(c, M->A, prec);
                arb_poly_set_arb(div, c);
            }
            arb_poly_clear(u);
            _action_poly_vec_clear(xs, d);
            break;
        }
        default:
            fail = 1;
    }
    arb_clear(c);
    return fail;
}
