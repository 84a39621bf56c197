/*
    u_0(h) and its h-series by rigorous quadrature of 1/E(t) (math.md 9):
      1/E(t) = exp(-(m-1) beta t - m log(v_t/v0)),   m = (1+h)(1+eps),
      u_0(h) = uT/E(T) + h beta int_0^T dt/E(t).
    Writing 1/E = e^{A(t) + h B(t)} with ell(t) = log(v_t/v0),
      A(t) = -eps beta t - (1+eps) ell(t),  B(t) = -(1+eps)(beta t + ell(t)),
    the n-th coefficient is
      U_n = uT e^{A(T)} B(T)^n/n! + [n >= 1] beta/(n-1)! int_0^T e^{A} B^{n-1} dt.
    The integrand is analytic where v_t/v0 avoids (-inf, 0]; on [0, T] we have
    v_t > 0 (a convex combination of v0 > 0 and 1), and acb_log_analytic
    reports any ball that touches the branch cut, so acb_calc_integrate
    subdivides there instead of trusting a non-analytic bound.
*/
#include "diffwkb/wkb.h"

typedef struct
{
    acb_t c1;      /* coefficient of beta t in the exponent: -(m-1) or -eps */
    acb_t c2;      /* coefficient of ell: -m or -(1+eps) */
    acb_t beta;
    acb_t v0;
    slong npow;    /* power of B in the integrand (series mode), or -1 */
    acb_t bc;      /* -(1+eps) */
}
quad_param_struct;

/* out = exp(c1 beta t + c2 ell(t)) [* B(t)^npow], ell = log(v_t / v0). */
static int
_integrand(acb_ptr out, const acb_t t, void * param, slong order, slong prec)
{
    quad_param_struct * P = (quad_param_struct *) param;
    acb_t bt, e, ell, B;

    if (order > 1)
        flint_abort();   /* only order 0/1 is requested by acb_calc_integrate */

    acb_init(bt);
    acb_init(e);
    acb_init(ell);
    acb_init(B);

    acb_mul(bt, P->beta, t, prec);
    /* v_t / v0 = (1 + (v0 - 1) e^{-beta t}) / v0 */
    acb_neg(e, bt);
    acb_exp(e, e, prec);
    acb_sub_ui(ell, P->v0, 1, prec);
    acb_mul(ell, ell, e, prec);
    acb_add_ui(ell, ell, 1, prec);
    acb_div(ell, ell, P->v0, prec);
    acb_log_analytic(ell, ell, order != 0, prec);

    acb_mul(e, P->c1, bt, prec);
    acb_addmul(e, P->c2, ell, prec);
    acb_exp(out, e, prec);

    if (P->npow > 0)
    {
        acb_add(B, bt, ell, prec);
        acb_mul(B, B, P->bc, prec);
        acb_pow_ui(B, B, P->npow, prec);
        acb_mul(out, out, B, prec);
    }

    acb_clear(bt);
    acb_clear(e);
    acb_clear(ell);
    acb_clear(B);
    return 0;
}

static void
_param_init(quad_param_struct * P, const wkb_gauss1d_t M)
{
    acb_init(P->c1);
    acb_init(P->c2);
    acb_init(P->beta);
    acb_init(P->v0);
    acb_init(P->bc);
    acb_set_arb(P->beta, M->beta);
    acb_set_arb(P->v0, M->v0);
    P->npow = -1;
}

static void
_param_clear(quad_param_struct * P)
{
    acb_clear(P->c1);
    acb_clear(P->c2);
    acb_clear(P->beta);
    acb_clear(P->v0);
    acb_clear(P->bc);
}

/* res encloses the real integral int_0^T integrand dt. */
static void
_integrate(arb_t res, quad_param_struct * P, const arb_t T, slong prec)
{
    acb_t a, b, r;
    mag_t tol;
    acb_calc_integrate_opt_t opt;

    acb_init(a);
    acb_init(b);
    acb_init(r);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);

    acb_set_arb(b, T);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_calc_integrate(r, _integrand, P, a, b, prec, tol, opt, prec);
    /* the integral of a function real on [0, T] is real */
    arb_set(res, acb_realref(r));

    acb_clear(a);
    acb_clear(b);
    acb_clear(r);
    mag_clear(tol);
}

/* res encloses the value of the integrand at the real point T. */
static void
_eval_at(arb_t res, quad_param_struct * P, const arb_t T, slong prec)
{
    acb_t t, r;
    acb_init(t);
    acb_init(r);
    acb_set_arb(t, T);
    _integrand(r, t, P, 0, prec);
    arb_set(res, acb_realref(r));
    acb_clear(t);
    acb_clear(r);
}

void
wkb_gauss1d_u0_quad(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec)
{
    quad_param_struct P;
    arb_t m, s, I;

    if (!wkb_gauss1d_is_valid(M) || !arb_is_finite(h))
    {
        arb_indeterminate(res);
        return;
    }

    arb_init(m);
    arb_init(s);
    arb_init(I);
    _param_init(&P, M);

    arb_add_ui(m, h, 1, prec);
    arb_add_ui(s, M->eps, 1, prec);
    arb_mul(m, m, s, prec);
    arb_sub_ui(s, m, 1, prec);
    arb_neg(s, s);
    acb_set_arb(P.c1, s);           /* -(m - 1) */
    arb_neg(s, m);
    acb_set_arb(P.c2, s);           /* -m */

    _eval_at(s, &P, M->T, prec);    /* 1/E(T) */
    arb_mul(s, s, M->uT, prec);

    _integrate(I, &P, M->T, prec);
    arb_mul(I, I, M->beta, prec);
    arb_mul(I, I, h, prec);

    arb_add(res, s, I, prec);

    _param_clear(&P);
    arb_clear(m);
    arb_clear(s);
    arb_clear(I);
}

void
wkb_gauss1d_u0_series_quad(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec)
{
    quad_param_struct P;
    arb_t s, eAT, BT, p, I, fac;
    slong n;

    if (N < 0)
    {
        arb_poly_zero(res);
        return;
    }

    arb_poly_fit_length(res, N + 1);
    _arb_poly_set_length(res, N + 1);

    if (!wkb_gauss1d_is_valid(M))
    {
        for (n = 0; n <= N; n++)
            arb_indeterminate(res->coeffs + n);
        return;
    }

    arb_init(s); arb_init(eAT); arb_init(BT); arb_init(p); arb_init(I);
    arb_init(fac);
    _param_init(&P, M);

    arb_neg(s, M->eps);
    acb_set_arb(P.c1, s);               /* -eps */
    arb_add_ui(s, M->eps, 1, prec);
    arb_neg(s, s);
    acb_set_arb(P.c2, s);               /* -(1 + eps) */
    acb_set_arb(P.bc, s);

    /* e^{A(T)} and B(T) */
    P.npow = -1;
    _eval_at(eAT, &P, M->T, prec);
    arb_mul(eAT, eAT, M->uT, prec);
    {
        arb_t vT;
        arb_init(vT);
        wkb_gauss1d_vt(vT, M, M->T, prec);
        arb_div(vT, vT, M->v0, prec);
        arb_log(vT, vT, prec);
        arb_mul(BT, M->beta, M->T, prec);
        arb_add(BT, BT, vT, prec);
        arb_mul(BT, BT, s, prec);
        arb_clear(vT);
    }

    arb_set(p, eAT);
    arb_set(res->coeffs + 0, p);
    arb_one(fac);                       /* 1/(n-1)! */

    for (n = 1; n <= N; n++)
    {
        arb_mul(p, p, BT, prec);
        arb_div_ui(p, p, n, prec);      /* uT e^{A(T)} B(T)^n / n! */

        P.npow = n - 1;
        _integrate(I, &P, M->T, prec);
        arb_mul(I, I, fac, prec);
        arb_mul(I, I, M->beta, prec);

        arb_add(res->coeffs + n, p, I, prec);
        arb_div_ui(fac, fac, n, prec);
    }

    _arb_poly_normalise(res);

    _param_clear(&P);
    arb_clear(s); arb_clear(eAT); arb_clear(BT); arb_clear(p); arb_clear(I);
    arb_clear(fac);
}
