/* _target_comp_init, _target_comp_clear, _target_comp_eval: per-component
   log-densities, gradients and Hessians of a Gaussian mixture's marginal
   (see target_impl.h).  Each output encloses the exact value for every
   parameter in the input balls. */
#include "target_impl.h"

void
_target_comp_init(_target_comp_t c, slong d, slong n)
{
    slong k;
    c->d = d;
    c->n = n;
    c->kmax = 0;
    c->l = _arb_vec_init(n);
    c->g = _arb_vec_init(n * d);
    c->e = _arb_vec_init(n);
    c->h = _arb_vec_init(n * d);
    arb_init(c->Z);
    c->Cinv = flint_malloc(sizeof(arb_mat_struct) * n);
    for (k = 0; k < n; k++)
        arb_mat_init(c->Cinv + k, d, d);
}

void
_target_comp_clear(_target_comp_t c)
{
    slong k;
    _arb_vec_clear(c->l, c->n);
    _arb_vec_clear(c->g, c->n * c->d);
    _arb_vec_clear(c->e, c->n);
    _arb_vec_clear(c->h, c->n * c->d);
    arb_clear(c->Z);
    for (k = 0; k < c->n; k++)
        arb_mat_clear(c->Cinv + k);
    flint_free(c->Cinv);
}

int
_target_comp_eval(_target_comp_t c, const target_t P, const arb_t a, const arb_t s2,
                  arb_srcptr x, int want_cinv, slong prec)
{
    slong d = P->d, n = P->n, k, i, j;
    arb_mat_t C, L, r, y, gk;
    arb_t a2, t, log2pi;
    int ok = 1;

    arb_mat_init(C, d, d);
    arb_mat_init(L, d, d);
    arb_mat_init(r, d, 1);
    arb_mat_init(y, d, 1);
    arb_mat_init(gk, d, 1);
    arb_init(a2);
    arb_init(t);
    arb_init(log2pi);

    arb_sqr(a2, a, prec);
    arb_const_pi(log2pi, prec);
    arb_mul_2exp_si(log2pi, log2pi, 1);
    arb_log(log2pi, log2pi, prec);
    arb_mul_si(log2pi, log2pi, d, prec);
    arb_mul_2exp_si(log2pi, log2pi, -1);          /* (d/2) log(2 pi) */

    for (k = 0; k < n && ok; k++)
    {
        if (!arb_is_positive(P->w + k))
        {
            ok = 0;
            break;
        }

        /* C = a^2 S_k + s2 I */
        arb_mat_scalar_mul_arb(C, P->S + k, a2, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(C, i, i), arb_mat_entry(C, i, i), s2, prec);
        if (!arb_mat_cho(L, C, prec))
        {
            ok = 0;
            break;
        }

        /* r = x - a m_k, y = L^{-1} r, g = L^{-T} y = C^{-1} r */
        for (i = 0; i < d; i++)
        {
            arb_mul(t, a, target_mean(P, k) + i, prec);
            arb_sub(arb_mat_entry(r, i, 0), x + i, t, prec);
        }
        arb_mat_solve_tril(y, L, r, 0, prec);
        arb_mat_transpose(C, L);
        arb_mat_solve_triu(gk, C, y, 0, prec);
        for (i = 0; i < d; i++)
            arb_set(c->g + k * d + i, arb_mat_entry(gk, i, 0));

        /* l = log w - (d/2) log 2 pi - sum log L_ii - |y|^2 / 2 */
        arb_log(c->l + k, P->w + k, prec);
        arb_sub(c->l + k, c->l + k, log2pi, prec);
        for (i = 0; i < d; i++)
        {
            arb_log(t, arb_mat_entry(L, i, i), prec);
            arb_sub(c->l + k, c->l + k, t, prec);
        }
        arb_zero(t);
        for (i = 0; i < d; i++)
            arb_addmul(t, arb_mat_entry(y, i, 0), arb_mat_entry(y, i, 0), prec);
        arb_mul_2exp_si(t, t, -1);
        arb_sub(c->l + k, c->l + k, t, prec);

        if (want_cinv)
        {
            arb_mat_inv_cho_precomp(c->Cinv + k, L, prec);
            /* symmetrise: the exact inverse is symmetric */
            for (i = 0; i < d; i++)
                for (j = i + 1; j < d; j++)
                {
                    if (arb_overlaps(arb_mat_entry(c->Cinv + k, i, j), arb_mat_entry(c->Cinv + k, j, i)))
                    {
                        arb_intersection(t, arb_mat_entry(c->Cinv + k, i, j),
                                         arb_mat_entry(c->Cinv + k, j, i), prec);
                        arb_set(arb_mat_entry(c->Cinv + k, i, j), t);
                        arb_set(arb_mat_entry(c->Cinv + k, j, i), t);
                    }
                }
        }
    }

    if (ok)
    {
        /* reference component: largest midpoint of l_k */
        c->kmax = 0;
        for (k = 1; k < n; k++)
            if (arf_cmp(arb_midref(c->l + k), arb_midref(c->l + c->kmax)) > 0)
                c->kmax = k;

        arb_one(c->Z);
        for (k = 0; k < n; k++)
        {
            if (k == c->kmax)
            {
                arb_one(c->e + k);
                _arb_vec_zero(c->h + k * d, d);
                continue;
            }
            arb_sub(t, c->l + k, c->l + c->kmax, prec);
            arb_exp(c->e + k, t, prec);
            arb_add(c->Z, c->Z, c->e + k, prec);
            _arb_vec_sub(c->h + k * d, c->g + k * d, c->g + c->kmax * d, d, prec);
        }
    }

    arb_mat_clear(C);
    arb_mat_clear(L);
    arb_mat_clear(r);
    arb_mat_clear(y);
    arb_mat_clear(gk);
    arb_clear(a2);
    arb_clear(t);
    arb_clear(log2pi);

    return ok;
}
