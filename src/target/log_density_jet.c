/* _target_log_density_jet: J encloses the Taylor jet at x of
   log p_t(x + xi) to total degree ctx->K under (a, s2).

   Each component's log-density is an exact quadratic in xi,
       Q_k(xi) = l_k - g_k.xi - (1/2) xi^T C_k^{-1} xi,
   and log p_t(x + xi) = Q_kmax + log(1 + sum_{k != kmax} exp(Q_k - Q_kmax)).
   The differences Q_k - Q_kmax are built directly (constant l_k - l_kmax,
   linear -(g_k - g_kmax), Hessian C_kmax^{-1} - C_k^{-1}), so far from all
   means, where exp(l_k - l_kmax) is tiny, the big gradients of the single
   components never enter the exponential: the result stays tight.
   Indeterminate if a covariance is not certified positive definite. */
#include "target_impl.h"

void
_target_log_density_jet(jet_t J, const target_t P, const arb_t a, const arb_t s2,
                        arb_srcptr x, const jet_ctx_t ctx, slong prec)
{
    _target_comp_t c;
    slong k, d = P->d, n = P->n, km;
    arb_ptr b;
    arb_mat_t H;
    arb_t t;
    jet_t Q, E, D;

    if (ctx->d != d)
    {
        flint_printf("_target_log_density_jet: ctx->d != P->d\n");
        flint_abort();
    }

    _target_comp_init(c, d, n);
    if (!_target_comp_eval(c, P, a, s2, x, 1, prec))
    {
        _arb_vec_indeterminate(J->coeffs, ctx->len);
        _target_comp_clear(c);
        return;
    }
    km = c->kmax;

    b = _arb_vec_init(d);
    arb_mat_init(H, d, d);
    arb_init(t);
    jet_init(Q, ctx);
    jet_init(E, ctx);
    jet_init(D, ctx);

    /* D = 1 + sum_{k != kmax} exp(Q_k - Q_kmax) */
    arb_one(D->coeffs);
    for (k = 0; k < n; k++)
    {
        if (k == km)
            continue;
        arb_sub(t, c->l + k, c->l + km, prec);
        _arb_vec_neg(b, c->h + k * d, d);
        arb_mat_sub(H, c->Cinv + km, c->Cinv + k, prec);
        jet_set_quadratic(Q, t, b, H, ctx, prec);
        jet_exp(E, Q, ctx, prec);
        jet_add(D, D, E, ctx, prec);
    }

    /* J = Q_kmax + log D */
    if (n > 1)
        jet_log(D, D, ctx, prec);
    else
        jet_zero(D, ctx);
    _arb_vec_neg(b, c->g + km * d, d);
    arb_mat_neg(H, c->Cinv + km);
    jet_set_quadratic(Q, c->l + km, b, H, ctx, prec);
    jet_add(J, Q, D, ctx, prec);

    _arb_vec_clear(b, d);
    arb_mat_clear(H);
    arb_clear(t);
    jet_clear(Q, ctx);
    jet_clear(E, ctx);
    jet_clear(D, ctx);
    _target_comp_clear(c);
}
