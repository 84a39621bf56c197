/*
    tjet.h: jets in xi whose coefficients are truncated power series in a
    time variable tau ("tjets").

    A tjet of order K and length L in d variables is
        A(xi, tau) = sum_{|alpha| <= K} sum_{k < L} A_{alpha,k} xi^alpha tau^k,
    the Taylor coefficients of a function F(x0 + xi, t + tau) at (x0, t),
    truncated at total xi-degree K and at tau-length L (L = 1 is an ordinary
    jet, see jet.h).  Both truncations are compatible with products, inverse,
    exp and log: every kept coefficient of the result only depends on kept
    coefficients of the inputs, so each operation returns balls containing
    the true Taylor coefficients of the result whenever the inputs contain
    those of the arguments.

    Monomials in xi use the order and tables of jet_ctx_t (graded order,
    product table mul_pairs, up, deg).  Storage is flat: the tau-series of
    monomial r is the array coeffs[r*L .. r*L + L-1] (tjet_coeff), always L
    entries (no normalisation; trailing coefficients may be zero).  Products,
    inv, exp and log skip monomials whose tau-series is exactly zero and use
    only the nonzero prefix of each series, so quadratics and tau-constant
    inputs are cheap; each output coefficient is one arb_dot.

    tjet_ctx_t holds a pointer to the jet context (which must outlive it)
    and L.  Time series handed over as arb_poly are read with their actual
    length (missing coefficients are zero) and written with length L.
*/
#ifndef DIFFWKB_TJET_H
#define DIFFWKB_TJET_H

#include "diffwkb/flintdeps.h"
#include "jet.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    const jet_ctx_struct * jctx;   /* monomial tables (not owned) */
    slong L;                       /* tau-length, L >= 1 */
}
tjet_ctx_struct;

typedef tjet_ctx_struct tjet_ctx_t[1];

void tjet_ctx_init(tjet_ctx_t ctx, const jet_ctx_t jctx, slong L);
void tjet_ctx_clear(tjet_ctx_t ctx);

typedef struct
{
    arb_ptr coeffs;     /* jctx->len * L coefficients */
}
tjet_struct;

typedef tjet_struct tjet_t[1];

/* Pointer to the L tau-coefficients of monomial r. */
#define tjet_coeff(A, r, ctx) ((A)->coeffs + (r) * (ctx)->L)

void tjet_init(tjet_t A, const tjet_ctx_t ctx);
void tjet_clear(tjet_t A, const tjet_ctx_t ctx);

void tjet_zero(tjet_t R, const tjet_ctx_t ctx);
void tjet_set(tjet_t R, const tjet_t A, const tjet_ctx_t ctx);
void tjet_swap(tjet_t R, tjet_t A, const tjet_ctx_t ctx);
/* R(xi, tau) = J(xi) (constant in tau); J has order ctx->jctx->K. */
void tjet_set_jet(tjet_t R, const jet_t J, const tjet_ctx_t ctx);
/* R(xi, tau) = p(tau) (constant in xi), p truncated to length L. */
void tjet_set_arb_poly(tjet_t R, const arb_poly_t p, const tjet_ctx_t ctx);
/* R = the tjet whose monomial r has tau-series v[r] (len arb_polys, for
   example a block of an ODE state); and back (each v[r] of length L). */
void tjet_set_poly_vec(tjet_t R, const arb_poly_struct * v, const tjet_ctx_t ctx);
void tjet_get_poly_vec(arb_poly_struct * v, const tjet_t A, const tjet_ctx_t ctx);
/* p = the tau-series of monomial r of A. */
void tjet_get_coeff_arb_poly(arb_poly_t p, const tjet_t A, slong r, const tjet_ctx_t ctx);

void tjet_add(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec);
void tjet_sub(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec);
void tjet_neg(tjet_t R, const tjet_t A, const tjet_ctx_t ctx);
/* R = A + p(tau) (p added to the xi-constant term). */
void tjet_add_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p, const tjet_ctx_t ctx,
                       slong prec);
/* R = c A. */
void tjet_scalar_mul(tjet_t R, const tjet_t A, const arb_t c, const tjet_ctx_t ctx, slong prec);
/* R = p(tau) A, truncated at length L (R may alias A). */
void tjet_scalar_mul_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p,
                              const tjet_ctx_t ctx, slong prec);
/* R += p(tau) A, truncated at length L (R must not alias A). */
void tjet_scalar_addmul_arb_poly(tjet_t R, const tjet_t A, const arb_poly_t p,
                                 const tjet_ctx_t ctx, slong prec);

/* R = A B truncated at xi-degree K and tau-length L (R may alias A or B). */
void tjet_mul(tjet_t R, const tjet_t A, const tjet_t B, const tjet_ctx_t ctx, slong prec);
/* R = 1/A; the coefficient xi^0 tau^0 of A must not contain 0 (else R is
   indeterminate).  inv, exp and log allow R to alias A. */
void tjet_inv(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec);
/* R = exp(A). */
void tjet_exp(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec);
/* R = log(A); the coefficient xi^0 tau^0 of A must be certified positive
   (else R is indeterminate). */
void tjet_log(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec);

/* R = d/dxi_i A: exact for xi-degree <= K-1, the degree K part is set to 0.
   R may alias A. */
void tjet_derivative(tjet_t R, const tjet_t A, slong i, const tjet_ctx_t ctx, slong prec);
/* R = d/dtau A: exact for tau-powers 0..L-2, the tau^{L-1} coefficients are
   set to 0.  R may alias A. */
void tjet_tau_derivative(tjet_t R, const tjet_t A, const tjet_ctx_t ctx, slong prec);

/* R(xi) = A(xi, tau) for the ball tau: the truncated tau-polynomial
   evaluated (Horner); it encloses the true jet at time t + tau only up to
   the truncation error of the series in tau, which the caller handles. */
void tjet_evaluate_tau(jet_t R, const tjet_t A, const arb_t tau, const tjet_ctx_t ctx,
                       slong prec);
/* R(xi) = the coefficient of tau^k of A (an ordinary jet), 0 <= k < L. */
void tjet_get_tau_coeff(jet_t R, const tjet_t A, slong k, const tjet_ctx_t ctx);
/* Sets the coefficient of tau^k of R to the jet J. */
void tjet_set_tau_coeff(tjet_t R, const jet_t J, slong k, const tjet_ctx_t ctx);

/* R = A truncated (or zero-extended) to ctxR's order and length: copies the
   coefficients of xi-degree <= min(KR, KA) and tau-power < min(LR, LA);
   the others are set to 0.  Both contexts must have the same d. */
void tjet_truncate(tjet_t R, const tjet_ctx_t ctxR, const tjet_t A, const tjet_ctx_t ctxA);

/* res[0..K]: res[m](tau) = sum_{|alpha| = m} A_alpha(tau) v^alpha, so that
   A(s v, tau) = sum_m res[m](tau) s^m (restriction to a line). */
void tjet_restrict_line(arb_poly_struct * res, const tjet_t A, arb_srcptr v,
                        const tjet_ctx_t ctx, slong prec);

/* Quadratic tjet R = c + b.xi + (1/2) xi^T H xi with tau-series
   coefficients given as flat arrays of L entries each: c[0..L-1], b_i at
   b + i*L, H_ij at H + (i*d + j)*L (H symmetric; only i <= j is read). */
void _tjet_set_quadratic(tjet_t R, arb_srcptr c, arb_srcptr b, arb_srcptr H,
                         const tjet_ctx_t ctx, slong prec);

/* R = exp(c + b.xi + (1/2) sum_i h_i xi_i^2), a quadratic with diagonal
   Hessian (flat series arrays: c[0..L-1], b_i at b + i*L, h_i at h + i*L):
   the exponential factorises over the variables, (d - 1) series products
   per monomial (tjet_exp of the same quadratic: d + d(d+1)/2). */
void _tjet_exp_quadratic_diag(tjet_t R, arb_srcptr c, arb_srcptr b, arb_srcptr h,
                              const tjet_ctx_t ctx, slong prec);

/* R = M(A xi, tau): the tjet M(eta, tau) composed with the linear map
   eta = A(tau) xi, A a d x d matrix of tau-series (A_ij at A + (i*d + j)*L). */
void _tjet_compose_linear(tjet_t R, const tjet_t M, arb_srcptr A, const tjet_ctx_t ctx,
                          slong prec);

void tjet_printd(const tjet_t A, slong digits, const tjet_ctx_t ctx);

#ifdef __cplusplus
}
#endif

#endif
