/*
    Private layer of the jet-transport route (math.md section 8) and of the
    Thm 4.2 route (section 7).

    Objects:
      - the forward characteristic X' = F(X, t), X(t0) = x0 (state: d),
        integrated with ode_solve (Jacobian callback: Lohner wrapping
        control), dense output kept;
      - the backward jet system: blocks U_0 .. U_{B-1}, U_n a polynomial in
        xi of degree K_n = 2(N - n) (monomials in the graded order of
        jet.h, so block n is a prefix of a jet of any higher order),
        integrated from T down to t0 in lockstep (block 0 takes one
        adaptive step, blocks 1.. follow over the same interval, so all
        share the time slots) with X(t) taken from the forward dense
        output and the lower blocks from theirs:
          dU_n/dt = -G.grad_xi U_n + b_n,   G = F(X + xi, t) - F(X, t),
          b_0 = -div F(X + xi),
          b_n = (g^2/2)[ [n=1] div s + s.grad U_{n-1} - Lap U_{n-1}
                         - sum_{i+j=n-1} grad U_i . grad U_j ];
        (one coupled system is not used: its a priori enclosure stalls,
        the blocks U_n, n >= 1, start at 0 and feed each other in a chain);
      - time-coefficient slots: at a time ball t, the tjets (tau-series of
        length L) of s(X(t+tau) + xi), G, div s, div F, g^2/2, the lower
        blocks' series and b_n, computed once per time and shared by every
        call at that time;
      - an incremental cache per block: the solver's Taylor recurrence calls
        the right-hand side with the same (t, x) and growing len; only the
        new tau-coefficient is computed when the prefix of x is unchanged
        (checked with arb_equal), otherwise from scratch.  Results are the
        same balls either way.
*/
#ifndef DIFFWKB_WKB_TRANSPORT_IMPL_H
#define DIFFWKB_WKB_TRANSPORT_IMPL_H

#include "diffwkb/wkb.h"
#include "diffwkb/ode.h"

#define _WKB_TR_SLOTS 4

typedef struct
{
    int valid;
    arb_t t;              /* time ball (key) */
    slong L;              /* tau-length of every series */
    arb_poly_struct * X;  /* d polys: X(t + tau) */
    tjet_ctx_t ctx;       /* jc, L */
    tjet_struct * S;      /* d tjets: s_i(X + xi), degree KJ */
    tjet_struct * G;      /* d tjets: F_i(X + xi) - F_i(X) */
    tjet_t divs, divF;    /* exact through degree KJ - 1 */
    arb_ptr hg2;          /* L entries: g^2(t + tau) / 2 */
    /* per block n (lazily): the series of U_n (m[n] * L, monomial r at
       r * L), of d_i U_n (d * mD[n] * L), of Lap U_n (mL[n] * L), and the
       inhomogeneous term b_n of block n's equation (m[n] * L) */
    arb_ptr * Us, * Ds, * Ls, * bs;
    int * haveU, * haveb;
    slong stamp;          /* for LRU replacement */
}
_wkb_tr_slot_struct;

struct _wkb_tr_struct_tag;

/* One backward block: its solution and the incremental cache of its
   right-hand side. */
typedef struct
{
    struct _wkb_tr_struct_tag * T;
    slong n;
    ode_solution_t sol;
    int have;
    int inc_valid;
    arb_t inc_t;
    slong inc_len;        /* coefficients 0..inc_len-1 are cached */
    slong Lmax;           /* allocated tau-length */
    arb_ptr U;            /* m[n] * Lmax: copy of the state series */
    arb_ptr D;            /* d * mD[n] * Lmax: its derivatives */
    arb_ptr R;            /* m[n] * Lmax: right-hand side */
}
_wkb_tr_block_struct;

typedef struct _wkb_tr_struct_tag
{
    const problem_struct * P;   /* not owned */
    slong d, N, nb;             /* dimension, order N, number of blocks nb <= N + 1 */
    slong KJ;                   /* order of the coefficient jets: 2N + 1 */
    jet_ctx_t jc;               /* order KJ */
    slong * K;                  /* K[n] = 2 (N - n) */
    slong * m;                  /* m[n] = number of monomials of degree <= K[n] */
    slong * mD;                 /* ... of degree <= K[n] - 1 (0 if K[n] = 0) */
    slong * mL;                 /* ... of degree <= K[n] - 2 (0 if K[n] < 2) */
    slong order_fwd, order_bwd; /* Taylor orders (0: automatic) */
    slong max_steps;
    slong jac_max_m;            /* blocks with m[n] <= jac_max_m are solved with
                                   the Jacobian callback (_wkb_tr_bwd_jac);
                                   0: never (default _WKB_TR_JAC_MAX_M);
                                   the others switch to it during the march
                                   when their state loses accuracy
                                   geometrically (transport_backward.c) */
    slong jac_switched;         /* blocks switched in the last march */
    slong Lc;                   /* tau-length of the time slots (order + 2) */

    ode_solution_t fwd;         /* forward characteristic (dense) */
    int have_fwd;
    _wkb_tr_block_struct * blk; /* nb blocks */

    _wkb_tr_slot_struct slot[_WKB_TR_SLOTS];
    slong clock;

    slong steps_fwd, steps_bwd; /* statistics */
}
_wkb_tr_struct;

typedef _wkb_tr_struct _wkb_tr_t[1];

/* Initialise for problem P (not copied, must outlive T), order N and nb
   blocks (1 <= nb <= N + 1).  Orders from opt (may be NULL). */
void _wkb_tr_init(_wkb_tr_t T, const problem_t P, slong N, slong nb,
        const wkb_transport_opt_struct * opt);
void _wkb_tr_clear(_wkb_tr_t T);

/* Forward characteristic from x (d entries) at t0 to T.  Returns 1 on
   success. */
int _wkb_tr_forward(_wkb_tr_t T, arb_srcptr x, slong prec);

/* Backward jet system from T down to t0 (after a successful forward pass),
   interval by interval, blocks n = 0 .. nb-1 on each: block n is the linear equation
       dU_n/dt = -G.grad U_n + b_n(t),
   b_n built from the dense outputs of the blocks below.  On success
   (return 1) c_n = T->blk[n].sol->x[0]. */
int _wkb_tr_backward(_wkb_tr_t T, slong prec);

/* Makes sure slot s holds the series of block i (from its dense output)
   and derived series; the inhomogeneous term b_n.  Return 1 on success. */
int _wkb_tr_slot_block(_wkb_tr_t T, _wkb_tr_slot_struct * s, slong i, slong prec);
int _wkb_tr_slot_inhom(_wkb_tr_t T, _wkb_tr_slot_struct * s, slong n, slong prec);

/* The time-coefficient slot at the ball t with tau-length >= L (computed or
   reused); NULL if it cannot be enclosed (dense output does not cover t,
   non-finite coefficients). */
_wkb_tr_slot_struct * _wkb_tr_slot(_wkb_tr_t T, const arb_t t, slong L, slong prec);

/* ode callbacks: forward drift (param: _wkb_tr_struct *), its Jacobian,
   and backward block n (param: _wkb_tr_block_struct *). */
int _wkb_tr_fwd_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec);
int _wkb_tr_fwd_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec);
int _wkb_tr_bwd_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec);
int _wkb_tr_bwd_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t,
        slong len, void * param, slong prec);

/* Default of jac_max_m (the block sizes for which ode_solve gets the
   Jacobian of the backward block: Newton-doubling series, mean-value hull
   series, Lohner step); see transport_rhs.c for the measurements. */
#ifndef _WKB_TR_JAC_MAX_M
#define _WKB_TR_JAC_MAX_M 0
#endif

/* The switch to the Jacobian during the backward march: a block switches
   after interval k once it has lost more than _WKB_TR_SWITCH_MIN bits and
   more than _WKB_TR_SWITCH_BITS since interval k/2.  Measured 2026-12-04
   (see transport_rhs.c). */
#ifndef _WKB_TR_SWITCH_BITS
#define _WKB_TR_SWITCH_BITS 8
#endif
#ifndef _WKB_TR_SWITCH_MIN
#define _WKB_TR_SWITCH_MIN 16
#endif

/* Default Taylor order at precision prec: 8 + prec/4 (at most 200).  Higher
   than the ode default: the step grows like tol^(1/order), and the series
   work per step is cheap next to the per-time coefficient jets. */
#define _wkb_tr_default_order(prec) FLINT_MAX(8, FLINT_MIN(8 + (prec) / 4, 200))

/* Free the arrays of a slot / of a block's incremental cache. */
void _wkb_tr_slot_free(_wkb_tr_slot_struct * s, const _wkb_tr_struct * T);
void _wkb_tr_blk_inc_free(_wkb_tr_block_struct * B);

/* p (length L) = series s truncated/zero-padded: helper for flat arrays. */
void _wkb_tr_series_get(arb_ptr out, const arb_poly_t p, slong L);

#endif
