/* tjet_restrict_line: res[m](tau) encloses sum_{|alpha| = m} A_alpha(tau) v^alpha,
   so that A(s v, tau) = sum_{m <= K} res[m](tau) s^m. */
#include "diffwkb/tjet.h"

void
tjet_restrict_line(arb_poly_struct * res, const tjet_t A, arb_srcptr v,
                   const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, i, u, m, k, a, b, d = jc->d, L = ctx->L;
    arb_ptr M = _arb_vec_init(jc->len);

    /* M[r] = v^alpha(r), each monomial built once along the up table */
    arb_one(M);
    for (r = 0; r < jc->deg_start[jc->K]; r++)
        for (i = 0; i < d; i++)
        {
            u = jc->up[r * d + i];
            arb_mul(M + u, M + r, v + i, prec);
            if (jc->exps[r * d + i] != 0)
                break;
        }

    for (m = 0; m <= jc->K; m++)
    {
        a = jc->deg_start[m];
        b = jc->deg_start[m + 1];
        arb_poly_fit_length(res + m, L);
        for (k = 0; k < L; k++)
            arb_dot(res[m].coeffs + k, NULL, 0, A->coeffs + a * L + k, L, M + a, 1,
                    b - a, prec);
        _arb_poly_set_length(res + m, L);
        _arb_poly_normalise(res + m);
    }
    _arb_vec_clear(M, jc->len);
}
