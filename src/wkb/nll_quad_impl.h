/*
    Private layer of the certified d = 1 NLL quadrature (nll_quad*.c).
*/
#ifndef DIFFWKB_WKB_NLL_QUAD_IMPL_H
#define DIFFWKB_WKB_NLL_QUAD_IMPL_H

#include "diffwkb/wkb.h"
#include "diffwkb/ode.h"
#include "diffwkb/tjet.h"

/* tc = t intersected with [P->t0, P->T] (t itself if they do not meet):
   the solvers' time balls may leak beyond the ends by rounding. */

/* The score derivative range of the mixture Q (1D) under coefficients
   (a, s2) (balls, e.g. over a time interval): res is a ball containing
   d/dy grad log Q_t(y) for every y in R and every (a, s2) in the balls. */
void _wkb_nll_quad_mix_dscore(arb_t res, const target_t Q, const arb_t a, const arb_t s2,
        slong prec);

/* For the 1D mixture Q under (a, s2): V_k = a^2 v_k + s2, mu_k = a m_k and
   iV_k = 1/V_k (n = Q->n each), and for a pair j < k of components the
   coefficients of q = log(pi_j/pi_k) = (D/2) y^2 + e y + c:
   D = 1/V_k - 1/V_j, e = mu_j/V_j - mu_k/V_k,
   c = log(w_j/w_k) - log(V_j/V_k)/2 - mu_j^2/(2 V_j) + mu_k^2/(2 V_k)
   (balls containing the values for every (a, s2) in the balls). */
void _wkb_nll_quad_mix_coeffs(arb_ptr V, arb_ptr mu, arb_ptr iV, const target_t Q,
        const arb_t a, const arb_t s2, slong prec);
void _wkb_nll_quad_mix_pair(arb_t D, arb_t e, arb_t c, const target_t Q, arb_srcptr V,
        arb_srcptr mu, arb_srcptr iV, slong j, slong k, slong prec);

/* tc = the time ball [t0 + i len, t0 + (i + 1) len] (ends rounded outwards,
   len a ball containing the piece length), clipped to [t0, T]. */
void _wkb_nll_quad_time_piece(arb_t tc, const problem_t P, const arb_t len, slong i,
        slong prec);

/* The same for the n-th derivative (n = 1, 2, 3; n = 1 calls
   _wkb_nll_quad_mix_dscore): res is a ball containing d^n/dy^n of
   grad log Q_t(y) for every y in R and every (a, s2) in the balls
   (indeterminate for other n).  Proof in nll_quad_tail1.c. */
void _wkb_nll_quad_mix_dnscore(arb_t res, const target_t Q, const arb_t a, const arb_t s2,
        slong n, slong prec);

/* wkb_nll_quad_c0_jet with a step target tol for the solver (NULL or 0:
   2^-prec); the result encloses the same jet at any tol. */
int _wkb_nll_quad_c0_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        const mag_t tol, slong prec);

/* M[k] = int_a^b p_0(x) (x - m)^k dx for k = 0..K, p_0 the data law of
   the d = 1 problem P (a = -inf or b = +inf allowed: arb_neg_inf,
   arb_pos_inf). */
void _wkb_nll_quad_moments(arb_ptr M, const problem_t P, const arb_t a, const arb_t b,
        const arb_t m, slong K, slong prec);

/* The flow-map jet of a d = 1 problem (nll_quad_jet.c): the ODE for
   X_T(x + e) = sum_{j <= J} Y_j e^j (state Y_0..Y_J, Y_0(t0) = x,
   Y_1(t0) = 1), solved from t0 to T (dense output if store).  Q must
   outlive sol (the dense output calls back with it).  Returns the ode
   status; sol->x encloses Y(T) for every point of the ball x. */
typedef struct
{
    const problem_struct * P;
    slong J;                 /* jet degree of the flow map */
}
_wkb_nll_quad_flow_param;

int _wkb_nll_quad_flow(ode_solution_t sol, const _wkb_nll_quad_flow_param * Q, const arb_t x,
        slong order, const mag_t tol, int store, slong prec);

/* c[0..J-1] encloses the jet of c_0 = log pi(X_T) + log X_T' to degree
   J - 1, from Y[0..J] enclosing the flow-map jet at T.  Returns 0 if
   Y_1 > 0 is not certified or a coefficient is not finite. */
int _wkb_nll_quad_c0_from_flow(arb_ptr c, const problem_t P, arb_srcptr Y, slong J, slong prec);

/* R (tjet of xi-degree J, context ctx) = sum_{k <= J} c_k(tau) D^k by
   Horner, c_k = (k + 1) F_{k+1} if deriv, else F_k (F of xi-degree
   >= J + deriv in context Fctx; D without constant term). */
void _wkb_nll_quad_horner(tjet_t R, const tjet_t F, const tjet_ctx_t Fctx, const tjet_t D,
        slong J, int deriv, const tjet_ctx_t ctx, slong prec);

/* The jet of c_1 (nll_quad_c1.c): c[0..K] encloses the Taylor
   coefficients of c_1 at every point of the ball x. */
int _wkb_nll_quad_c1_jet(arb_ptr c, const problem_t P, const arb_t x, slong K, slong order,
        const mag_t tol, slong prec);

#endif
