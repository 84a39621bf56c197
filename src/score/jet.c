/* _score_jet: J[i] encloses the Taylor jet at x of the model score
   component s_i(x + xi) to total degree ctx->K under (a, s2).
   Gradient models: the log-density jet to order K + 1 (a temporary context),
   differentiated in xi_i (exact through degree K), times 1 + eps when
   scaled.  Affine: (A x + b)_i + sum_j A_ij xi_j, exactly. */
#include "diffwkb/score.h"

void
_score_jet(jet_struct * J, const score_t M, const target_t P, const arb_t a,
           const arb_t s2, arb_srcptr x, const jet_ctx_t ctx, slong prec)
{
    slong d = M->d, i, j;

    if (ctx->d != d)
    {
        flint_printf("_score_jet: ctx->d != model dimension\n");
        flint_abort();
    }

    if (M->type == SCORE_AFFINE)
    {
        arb_ptr s = _arb_vec_init(d);
        _score_eval(s, M, P, a, s2, x, prec);
        for (i = 0; i < d; i++)
        {
            jet_zero(J + i, ctx);
            arb_set(J[i].coeffs, s + i);
            if (ctx->K >= 1)
                for (j = 0; j < d; j++)
                    arb_set(J[i].coeffs + 1 + j, arb_mat_entry(M->A, i, j));
        }
        _arb_vec_clear(s, d);
    }
    else
    {
        jet_ctx_t ctx1;
        jet_t L, D;
        const target_struct * T = (M->type == SCORE_OTHER) ? M->other : P;
        arb_t c;

        jet_ctx_init(ctx1, d, ctx->K + 1);
        jet_init(L, ctx1);
        jet_init(D, ctx1);
        arb_init(c);

        _target_log_density_jet(L, T, a, s2, x, ctx1, prec);
        if (M->type == SCORE_SCALED)
        {
            arb_add_ui(c, M->eps, 1, prec);
            jet_scalar_mul(L, L, c, ctx1, prec);
        }
        for (i = 0; i < d; i++)
        {
            jet_derivative(D, L, i, ctx1, prec);
            jet_truncate(J + i, ctx, D, ctx1);
        }

        jet_clear(L, ctx1);
        jet_clear(D, ctx1);
        jet_ctx_clear(ctx1);
        arb_clear(c);
    }
}
