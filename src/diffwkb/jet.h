/*
    jet.h: truncated multivariate Taylor series ("jets") with Arb coefficients.

    A jet in d variables xi_1..xi_d of order K is
        J(xi) = sum_{|alpha| <= K} J_alpha xi^alpha,
    the coefficients J_alpha = (d^alpha F)(x0) / alpha! of a function F at a
    point x0.  Arithmetic is truncated at total degree K; since every
    coefficient of degree <= K of a product (or of exp, log, inverse) only
    depends on coefficients of degree <= K of the inputs, each operation
    returns balls that contain the true Taylor coefficients of the result
    whenever the inputs contain those of the arguments.

    Layout: coefficients are stored in graded order: by total degree, and
    within one degree by decreasing exponent of xi_1, then of xi_2, ...
    (for d = 2: 1, xi_1, xi_2, xi_1^2, xi_1 xi_2, xi_2^2, ...).  Index 0 is
    the constant term; indices 1..d are xi_1..xi_d.  The order does not
    depend on K, so a jet of order K' < K is a prefix of one of order K.

    jet_ctx_t holds the monomial tables, including the product table: for
    each monomial r, the pairs (i, j) with x^i x^j = x^r, sorted by i.
    Products, inverse, exp and log cost O(number of pairs) ball operations
    (binomial(2d + K, K) pairs; d = 2, K = 20: 10626); coefficients that are
    exactly zero are skipped, so sparse inputs (quadratics) are cheaper.
*/
#ifndef DIFFWKB_JET_H
#define DIFFWKB_JET_H

#include "diffwkb/flintdeps.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong d;            /* number of variables */
    slong K;            /* order (maximal total degree) */
    slong len;          /* number of monomials: binomial(d + K, K) */
    slong * exps;       /* len * d exponents, monomial i at exps + i*d */
    slong * deg_start;  /* deg_start[k] = index of first monomial of degree k, k = 0..K+1 */
    slong * deg;        /* deg[r] = total degree of monomial r */
    slong * up;         /* up[r*d + i] = index of x^r xi_i, or -1 if its degree exceeds K */
    slong * mul_start;  /* len + 1 offsets into mul_pairs */
    slong * mul_pairs;  /* pairs (i, j) of monomial r at 2*mul_start[r] .. 2*mul_start[r+1]-1,
                           sorted by increasing i (first (0, r), last (r, 0)) */
    slong max_pairs;    /* max over r of the number of pairs */
}
jet_ctx_struct;

typedef jet_ctx_struct jet_ctx_t[1];

void jet_ctx_init(jet_ctx_t ctx, slong d, slong K);
void jet_ctx_clear(jet_ctx_t ctx);

/* Index of the monomial with exponents e[0..d-1]; -1 if its degree exceeds K. */
slong jet_ctx_index(const jet_ctx_t ctx, const slong * e);

typedef struct
{
    arb_ptr coeffs;     /* ctx->len coefficients */
}
jet_struct;

typedef jet_struct jet_t[1];

void jet_init(jet_t J, const jet_ctx_t ctx);
void jet_clear(jet_t J, const jet_ctx_t ctx);

void jet_zero(jet_t J, const jet_ctx_t ctx);
void jet_set(jet_t R, const jet_t J, const jet_ctx_t ctx);
void jet_swap(jet_t R, jet_t J, const jet_ctx_t ctx);
/* R = c (a constant jet). */
void jet_set_arb(jet_t R, const arb_t c, const jet_ctx_t ctx);
/* R = xi_i (0 <= i < d). */
void jet_set_var(jet_t R, slong i, const jet_ctx_t ctx);

void jet_add(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec);
void jet_sub(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec);
void jet_neg(jet_t R, const jet_t A, const jet_ctx_t ctx);
void jet_scalar_mul(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec);
/* R += c A */
void jet_scalar_addmul(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec);
void jet_add_arb(jet_t R, const jet_t A, const arb_t c, const jet_ctx_t ctx, slong prec);

/* R = A B truncated at degree K (R may alias A or B). */
void jet_mul(jet_t R, const jet_t A, const jet_t B, const jet_ctx_t ctx, slong prec);
/* R = 1/A; the constant term of A must not contain 0 (else R is indeterminate).
   inv, exp and log allow R to alias A. */
void jet_inv(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec);
/* R = exp(A). */
void jet_exp(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec);
/* R = log(A); the constant term of A must be positive. */
void jet_log(jet_t R, const jet_t A, const jet_ctx_t ctx, slong prec);

/* R = d/dxi_i A (degree K-1 part is exact; the degree K part is set to 0).
   R may alias A. */
void jet_derivative(jet_t R, const jet_t A, slong i, const jet_ctx_t ctx, slong prec);

/* R = A(xi) at order ctxR->K: copies the coefficients of degree
   <= min(ctxR->K, ctxA->K) (ctxR->d must equal ctxA->d); if ctxR->K > ctxA->K
   the higher coefficients of R are set to 0 (A read as a polynomial). */
void jet_truncate(jet_t R, const jet_ctx_t ctxR, const jet_t A, const jet_ctx_t ctxA);

/* res = A(v), the polynomial evaluated at the point v[0..d-1]. */
void jet_evaluate(arb_t res, const jet_t A, arb_srcptr v, const jet_ctx_t ctx, slong prec);

/* res(s) = A(s v): the univariate polynomial of length K + 1 whose s^k
   coefficient is sum_{|alpha| = k} A_alpha v^alpha (restriction to a line). */
void jet_restrict_line(arb_poly_t res, const jet_t A, arb_srcptr v, const jet_ctx_t ctx,
                       slong prec);

/* 1 if every coefficient of A of degree >= 1 is exactly zero. */
int jet_is_constant(const jet_t A, const jet_ctx_t ctx);

/* Quadratic jet: R = c + b.xi + (1/2) xi^T H xi  (H symmetric d x d). */
void jet_set_quadratic(jet_t R, const arb_t c, arb_srcptr b, const arb_mat_t H,
                       const jet_ctx_t ctx, slong prec);

void jet_printd(const jet_t A, slong digits, const jet_ctx_t ctx);

#ifdef __cplusplus
}
#endif

#endif
