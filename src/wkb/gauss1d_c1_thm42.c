/*
    First-order coefficient c_1(x0) from Thm 4.2, Eqs. (16)-(17), for the
    section 5.1 model.  Here f_PF = a_0(t) x with
    a_0 = -beta/2 + (1+eps) beta/(2 v_t), s = -(1+eps) x/v_t, and
    grad log q^0_t = -x/u^0_t, u^0_t the PF variance (u' = 2 a_0 u, u(T) = uT):
      u^0_t = uT exp(beta (T-t) - (1+eps)(G(T) - G(t))),
      G(t) = int_0^t beta/v_s ds = beta t + log(v_t/v0).
    PF trajectory x_t = x0 exp(int_0^t a_0).  Eq. (17):
      dx' = a_0 dx - (beta/2)(s - grad log q^0_t) = a_0 dx + x_t y',
      y' = (beta/2)((1+eps)/v_t - 1/u^0_t),
    so dx_t = x_t y_t with y_0 = 0.  div df_PF = (dx d/dx) a_0
    - (beta/2)(div s - Lap log q^0_t) = y'(t) (a_0 does not depend on x).
    Eq. (16): c_1 = dx_T (-x_T/uT) + int_0^T y' dt = I (1 - x_T^2/uT),
    I = y_T by acb_calc_integrate, x_T^2 = x0^2 exp(-beta T + (1+eps) G(T)).
*/
#include "diffwkb/wkb.h"

typedef struct
{
    acb_t beta, v0, c, uT, GT, T;
}
c1_param_struct;

/* G(t) = beta t + log(v_t / v0) at complex t */
static void
_G(acb_t res, const c1_param_struct * P, const acb_t t, int analytic, slong prec)
{
    acb_t bt, e;
    acb_init(bt);
    acb_init(e);
    acb_mul(bt, P->beta, t, prec);
    acb_neg(e, bt);
    acb_exp(e, e, prec);
    acb_sub_ui(res, P->v0, 1, prec);
    acb_mul(res, res, e, prec);
    acb_add_ui(res, res, 1, prec);
    acb_div(res, res, P->v0, prec);
    acb_log_analytic(res, res, analytic, prec);
    acb_add(res, res, bt, prec);
    acb_clear(bt);
    acb_clear(e);
}

/* out = (beta/2)((1+eps)/v_t - 1/u^0_t) */
static int
_integrand(acb_ptr out, const acb_t t, void * param, slong order, slong prec)
{
    c1_param_struct * P = (c1_param_struct *) param;
    acb_t v, w, G;

    if (order > 1)
        flint_abort();

    acb_init(v);
    acb_init(w);
    acb_init(G);

    /* v_t = 1 + (v0 - 1) e^{-beta t} */
    acb_mul(v, P->beta, t, prec);
    acb_neg(v, v);
    acb_exp(v, v, prec);
    acb_sub_ui(w, P->v0, 1, prec);
    acb_mul(v, v, w, prec);
    acb_add_ui(v, v, 1, prec);
    acb_div(v, P->c, v, prec);              /* (1+eps)/v_t */

    /* 1/u^0_t = exp(-beta (T - t) + (1+eps)(G(T) - G(t))) / uT */
    _G(G, P, t, order != 0, prec);
    acb_sub(G, P->GT, G, prec);
    acb_mul(G, G, P->c, prec);
    acb_sub(w, t, P->T, prec);
    acb_mul(w, w, P->beta, prec);
    acb_add(G, G, w, prec);
    acb_exp(G, G, prec);
    acb_div(G, G, P->uT, prec);

    acb_sub(out, v, G, prec);
    acb_mul(out, out, P->beta, prec);
    acb_mul_2exp_si(out, out, -1);

    acb_clear(v);
    acb_clear(w);
    acb_clear(G);
    return 0;
}

void
wkb_gauss1d_c1_thm42(arb_t res, const wkb_gauss1d_t M, const arb_t x0, slong prec)
{
    c1_param_struct P;
    acb_t a, r;
    arb_t xT2;
    mag_t tol;
    acb_calc_integrate_opt_t opt;

    if (!wkb_gauss1d_is_valid(M) || !arb_is_finite(x0))
    {
        arb_indeterminate(res);
        return;
    }

    acb_init(P.beta); acb_init(P.v0); acb_init(P.c); acb_init(P.uT);
    acb_init(P.GT); acb_init(P.T);
    acb_init(a); acb_init(r);
    arb_init(xT2);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);

    acb_set_arb(P.beta, M->beta);
    acb_set_arb(P.v0, M->v0);
    acb_set_arb(P.c, M->eps);
    acb_add_ui(P.c, P.c, 1, prec);
    acb_set_arb(P.uT, M->uT);
    acb_set_arb(P.T, M->T);
    _G(P.GT, &P, P.T, 0, prec);

    /* I = y_T */
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_calc_integrate(r, _integrand, &P, a, P.T, prec, tol, opt, prec);

    /* x_T^2 / uT = x0^2 exp(-beta T + (1+eps) G(T)) / uT */
    arb_mul(xT2, acb_realref(P.c), acb_realref(P.GT), prec);
    arb_submul(xT2, M->beta, M->T, prec);
    arb_exp(xT2, xT2, prec);
    arb_div(xT2, xT2, M->uT, prec);
    {
        arb_t x2;
        arb_init(x2);
        arb_sqr(x2, x0, prec);
        arb_mul(xT2, xT2, x2, prec);
        arb_clear(x2);
    }

    /* c_1 = I (1 - x_T^2/uT) */
    arb_sub_ui(xT2, xT2, 1, prec);
    arb_neg(xT2, xT2);
    arb_mul(res, acb_realref(r), xT2, prec);

    acb_clear(P.beta); acb_clear(P.v0); acb_clear(P.c); acb_clear(P.uT);
    acb_clear(P.GT); acb_clear(P.T);
    acb_clear(a); acb_clear(r);
    arb_clear(xT2);
    mag_clear(tol);
}
