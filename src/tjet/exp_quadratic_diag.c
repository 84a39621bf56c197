/* _tjet_exp_quadratic_diag: R encloses exp(c + b.xi + (1/2) sum_i h_i xi_i^2)
   truncated at xi-degree K and tau-length L, for tau-series c (L entries),
   b_i (at b + i L) and h_i (at h + i L): a quadratic with diagonal Hessian.

   The exponential factors: exp(c) prod_i U_i(xi_i) with the univariate
   U_i(z) = exp(b_i z + h_i z^2/2), whose coefficients obey (Euler operator)
   U_0 = 1,  m U_m = b_i U_{m-1} + h_i U_{m-2}  (series products).
   Then R_alpha = (exp(c) U_1[alpha_1]) U_2[alpha_2] ... U_d[alpha_d]: d - 1
   series products per monomial instead of the d + d(d+1)/2 pair products
   per monomial of tjet_exp. */
#include "tjet_impl.h"

void
_tjet_exp_quadratic_diag(tjet_t R, arb_srcptr c, arb_srcptr b, arb_srcptr h,
                         const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong d = jc->d, K = jc->K, L = ctx->L, len = jc->len, i, m, r, e, lc;
    arb_ptr U, T, V;
    slong * lu;

    U = _arb_vec_init(d * (K + 1) * L);     /* U_i[m] at U + (i (K+1) + m) L */
    lu = flint_malloc(sizeof(slong) * d * (K + 1));
    T = _arb_vec_init(L);
    V = _arb_vec_init(len * L);

    for (i = 0; i < d; i++)
    {
        arb_ptr Ui = U + i * (K + 1) * L;
        slong * li = lu + i * (K + 1);
        arb_srcptr bi = b + i * L, hi = h + i * L;
        slong lb = _tjet_series_len(bi, L), lh = _tjet_series_len(hi, L);

        arb_one(Ui);
        li[0] = 1;
        for (m = 1; m <= K; m++)
        {
            arb_ptr Um = Ui + m * L;
            _tjet_series_mullow(Um, Ui + (m - 1) * L, li[m - 1], bi, lb, L, prec);
            if (m >= 2)
            {
                _tjet_series_mullow(T, Ui + (m - 2) * L, li[m - 2], hi, lh, L, prec);
                _arb_vec_add(Um, Um, T, L, prec);
            }
            _tjet_vec_div_ui(Um, Um, L, m, prec);
            li[m] = _tjet_series_len(Um, L);
        }
    }

    /* fold exp(c) into U_1 */
    lc = _tjet_series_len(c, L);
    if (lc == 0)
        arb_one(T);
    else
        _arb_poly_exp_series(T, c, lc, L, prec);
    lc = _tjet_series_len(T, L);
    for (m = 0; m <= K; m++)
    {
        arb_ptr Um = U + m * L;
        _arb_vec_set(V, Um, L);
        _tjet_series_mullow(Um, V, lu[m], T, lc, L, prec);
        lu[m] = _tjet_series_len(Um, L);
    }

    for (r = 0; r < len; r++)
    {
        arb_ptr Vr = V + r * L;
        slong lv;
        e = jc->exps[r * d];
        _arb_vec_set(Vr, U + e * L, L);
        lv = lu[e];
        for (i = 1; i < d; i++)
        {
            e = jc->exps[r * d + i];
            if (e == 0)
                continue;   /* U_i[0] = 1 */
            _tjet_series_mullow(T, Vr, lv, U + (i * (K + 1) + e) * L, lu[i * (K + 1) + e], L,
                                prec);
            _arb_vec_swap(Vr, T, L);
            lv = _tjet_series_len(Vr, L);
        }
    }

    _arb_vec_swap(R->coeffs, V, len * L);
    _arb_vec_clear(U, d * (K + 1) * L);
    _arb_vec_clear(V, len * L);
    _arb_vec_clear(T, L);
    flint_free(lu);
}
