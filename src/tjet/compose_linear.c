/* _tjet_compose_linear: R encloses M(A xi, tau), truncated at xi-degree K
   and tau-length L, for a tjet M(eta, tau) and a d x d matrix A(tau) of
   tau-series (A_ij at A + (i d + j) L): eta_i = sum_j A_ij xi_j.

   Since eta has no constant term, M(A xi) = sum_r M_r(tau) eta^r with the
   powers eta^r homogeneous of degree |r| in xi; they are built degree by
   degree, eta^(r + e_i) = eta^r eta_i (tjet_mul skips the zero series), and
   only two degrees are kept at a time.  Every operation encloses its exact
   result, so R encloses the exact truncated composition. */
#include "tjet_impl.h"

void
_tjet_compose_linear(tjet_t R, const tjet_t M, arb_srcptr A, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong d = jc->d, K = jc->K, len = jc->len, L = ctx->L, r, s, i, j, e;
    tjet_struct * P, * eta;
    int * have;
    arb_ptr T, Rc;

    Rc = _arb_vec_init(len * L);
    T = _arb_vec_init(L);
    P = flint_malloc(sizeof(tjet_struct) * len);
    have = flint_calloc(len, sizeof(int));
    eta = flint_malloc(sizeof(tjet_struct) * d);

    /* eta_i = sum_j A_ij xi_j (monomial 1 + j is xi_j) */
    for (i = 0; i < d; i++)
    {
        tjet_init(eta + i, ctx);
        if (K >= 1)
            for (j = 0; j < d; j++)
                _arb_vec_set(tjet_coeff(eta + i, 1 + j, ctx), A + (i * d + j) * L, L);
    }

    /* degree 0: R = M_0 */
    _arb_vec_set(Rc, tjet_coeff(M, 0, ctx), L);
    tjet_init(P + 0, ctx);
    arb_one(P[0].coeffs);
    have[0] = 1;

    for (e = 0; e < K; e++)
    {
        /* build degree e + 1 from degree e */
        for (r = jc->deg_start[e]; r < jc->deg_start[e + 1]; r++)
            for (i = 0; i < d; i++)
            {
                s = jc->up[r * d + i];
                if (s < 0 || have[s])
                    continue;
                tjet_init(P + s, ctx);
                tjet_mul(P + s, P + r, eta + i, ctx, prec);
                have[s] = 1;
            }
        for (r = jc->deg_start[e]; r < jc->deg_start[e + 1]; r++)
        {
            tjet_clear(P + r, ctx);
            have[r] = 0;
        }
        /* R += M_r eta^r for |r| = e + 1 (eta^r lives in degree e + 1 only) */
        for (r = jc->deg_start[e + 1]; r < jc->deg_start[e + 2]; r++)
        {
            arb_srcptr Mr = tjet_coeff(M, r, ctx);
            slong lm = _tjet_series_len(Mr, L);
            if (lm == 0)
                continue;
            for (s = jc->deg_start[e + 1]; s < jc->deg_start[e + 2]; s++)
            {
                arb_srcptr Ps = tjet_coeff(P + r, s, ctx);
                slong lp = _tjet_series_len(Ps, L);
                if (lp == 0)
                    continue;
                _tjet_series_mullow(T, Mr, lm, Ps, lp, L, prec);
                _arb_vec_add(Rc + s * L, Rc + s * L, T, L, prec);
            }
        }
    }
    for (r = 0; r < len; r++)
        if (have[r])
            tjet_clear(P + r, ctx);

    _arb_vec_swap(R->coeffs, Rc, len * L);
    for (i = 0; i < d; i++)
        tjet_clear(eta + i, ctx);
    _arb_vec_clear(Rc, len * L);
    _arb_vec_clear(T, L);
    flint_free(P);
    flint_free(have);
    flint_free(eta);
}
