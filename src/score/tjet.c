/* _score_tjet, score_tjet: J[i] encloses the Taylor coefficients in
   (xi, tau) of the model score component s_i(x(tau) + xi, t + tau) to
   xi-degree K and tau-length L (ctx), along a point x(tau) given as time
   series, under schedule coefficients a(tau), s2(tau) given as series (the
   wrapper takes them from the schedule at the ball t).
   Gradient models (exact, scaled, other): the log-density tjet to xi-order
   K + 1 (_target_log_density_tjet), times 1 + eps when scaled,
   differentiated in xi_i (exact through degree K).  Affine:
   (A x(tau) + b)_i + sum_j A_ij xi_j, exactly.

   _score_pf_drift_tjet, score_pf_drift_tjet: F[i] encloses the tjet of the
   probability-flow drift F_i = f (x_i(tau) + xi_i) - (g^2/2) s_i, with
   f(tau) = f(t + tau), g2(tau) = g^2(t + tau) given as series (the wrapper
   takes them from sched_f_series, sched_g2_series). */
#include "diffwkb/score.h"

void
_score_tjet(tjet_struct * J, const score_t M, const target_t P, const arb_poly_t a,
            const arb_poly_t s2, const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    const jet_ctx_struct * jc = ctx->jctx;
    slong d = M->d, L = ctx->L, i, j;

    if (jc->d != d)
    {
        flint_printf("_score_tjet: ctx d != model dimension\n");
        flint_abort();
    }

    if (M->type == SCORE_AFFINE)
    {
        arb_poly_t c, t;
        arb_poly_init(c);
        arb_poly_init(t);
        for (i = 0; i < d; i++)
        {
            tjet_zero(J + i, ctx);
            arb_poly_set_arb(c, M->b + i);
            for (j = 0; j < d; j++)
            {
                arb_poly_scalar_mul(t, x + j, arb_mat_entry(M->A, i, j), prec);
                arb_poly_add(c, c, t, prec);
            }
            _arb_vec_set(J[i].coeffs, c->coeffs, FLINT_MIN(L, c->length));
            if (jc->K >= 1)
                for (j = 0; j < d; j++)
                    arb_set(tjet_coeff(J + i, 1 + j, ctx), arb_mat_entry(M->A, i, j));
        }
        arb_poly_clear(c);
        arb_poly_clear(t);
    }
    else
    {
        jet_ctx_t jc1;
        tjet_ctx_t ctx1;
        tjet_t Lg, D;
        const target_struct * T = (M->type == SCORE_OTHER) ? M->other : P;
        arb_t c;

        jet_ctx_init(jc1, d, jc->K + 1);
        tjet_ctx_init(ctx1, jc1, L);
        tjet_init(Lg, ctx1);
        tjet_init(D, ctx1);
        arb_init(c);

        _target_log_density_tjet(Lg, T, a, s2, x, ctx1, prec);
        if (M->type == SCORE_SCALED)
        {
            arb_add_ui(c, M->eps, 1, prec);
            tjet_scalar_mul(Lg, Lg, c, ctx1, prec);
        }
        for (i = 0; i < d; i++)
        {
            tjet_derivative(D, Lg, i, ctx1, prec);
            tjet_truncate(J + i, ctx, D, ctx1);
        }

        tjet_clear(Lg, ctx1);
        tjet_clear(D, ctx1);
        tjet_ctx_clear(ctx1);
        jet_ctx_clear(jc1);
        arb_clear(c);
    }
}

void
score_tjet(tjet_struct * J, const score_t M, const target_t P, const sched_t S,
           const arb_t t, const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    arb_poly_t a, s2;
    arb_poly_init(a);
    arb_poly_init(s2);
    sched_a_series(a, S, t, ctx->L, prec);
    sched_s2_series(s2, S, t, ctx->L, prec);
    _score_tjet(J, M, P, a, s2, x, ctx, prec);
    arb_poly_clear(a);
    arb_poly_clear(s2);
}

void
_score_pf_drift_tjet(tjet_struct * F, const score_t M, const target_t P, const arb_poly_t a,
                     const arb_poly_t s2, const arb_poly_t f, const arb_poly_t g2,
                     const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    slong d = M->d, i;
    arb_poly_t h;
    tjet_t X;

    _score_tjet(F, M, P, a, s2, x, ctx, prec);

    arb_poly_init(h);
    tjet_init(X, ctx);
    arb_poly_scalar_mul_2exp_si(h, g2, -1);
    arb_poly_neg(h, h);
    for (i = 0; i < d; i++)
    {
        /* F_i = f (x_i + xi_i) - (g2/2) s_i */
        tjet_scalar_mul_arb_poly(F + i, F + i, h, ctx, prec);
        tjet_set_arb_poly(X, x + i, ctx);
        if (ctx->jctx->K >= 1)
            arb_one(tjet_coeff(X, 1 + i, ctx));
        tjet_scalar_addmul_arb_poly(F + i, X, f, ctx, prec);
    }
    arb_poly_clear(h);
    tjet_clear(X, ctx);
}

void
score_pf_drift_tjet(tjet_struct * F, const score_t M, const target_t P, const sched_t S,
                    const arb_t t, const arb_poly_struct * x, const tjet_ctx_t ctx, slong prec)
{
    arb_poly_t a, s2, f, g2;
    arb_poly_init(a);
    arb_poly_init(s2);
    arb_poly_init(f);
    arb_poly_init(g2);
    sched_a_series(a, S, t, ctx->L, prec);
    sched_s2_series(s2, S, t, ctx->L, prec);
    sched_f_series(f, S, t, ctx->L, prec);
    sched_g2_series(g2, S, t, ctx->L, prec);
    _score_pf_drift_tjet(F, M, P, a, s2, f, g2, x, ctx, prec);
    arb_poly_clear(a);
    arb_poly_clear(s2);
    arb_poly_clear(f);
    arb_poly_clear(g2);
}
