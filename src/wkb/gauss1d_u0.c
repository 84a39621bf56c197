/*
    u_0(h) by the closed form
        u_0(h) = uT e^{beta T - m L} + h v0 L phi((1-m) L),
    m = (1+h)(1+eps), L = log W, phi(y) = (e^y - 1)/y = 1F1(1; 2; y).
*/
#include "diffwkb/wkb.h"

/* res encloses phi(y) = (e^y - 1)/y (entire; 1 at y = 0). */
void
_wkb_phi(arb_t res, const arb_t y, slong prec)
{
    if (!arb_contains_zero(y) && arf_cmpabs_2exp_si(arb_midref(y), -2) > 0)
    {
        arb_t t;
        arb_init(t);
        arb_expm1(t, y, prec);
        arb_div(res, t, y, prec);
        arb_clear(t);
    }
    else
    {
        arb_t a, b;
        arb_init(a);
        arb_init(b);
        arb_one(a);
        arb_set_ui(b, 2);
        arb_hypgeom_1f1(res, a, b, y, 0, prec);
        arb_clear(a);
        arb_clear(b);
    }
}

void
wkb_gauss1d_u0(arb_t res, const wkb_gauss1d_t M, const arb_t h, slong prec)
{
    arb_t L, m, t1, t2;

    if (!wkb_gauss1d_is_valid(M) || !arb_is_finite(h))
    {
        arb_indeterminate(res);
        return;
    }

    arb_init(L);
    arb_init(m);
    arb_init(t1);
    arb_init(t2);

    _wkb_gauss1d_logW(L, M, prec);

    /* m = (1 + h)(1 + eps) */
    arb_add_ui(m, h, 1, prec);
    arb_add_ui(t1, M->eps, 1, prec);
    arb_mul(m, m, t1, prec);

    /* t1 = uT exp(beta T - m L) */
    arb_mul(t1, M->beta, M->T, prec);
    arb_submul(t1, m, L, prec);
    arb_exp(t1, t1, prec);
    arb_mul(t1, t1, M->uT, prec);

    /* t2 = h v0 L phi((1 - m) L) */
    arb_sub_ui(t2, m, 1, prec);
    arb_neg(t2, t2);
    arb_mul(t2, t2, L, prec);
    _wkb_phi(t2, t2, prec);
    arb_mul(t2, t2, L, prec);
    arb_mul(t2, t2, M->v0, prec);
    arb_mul(t2, t2, h, prec);

    arb_add(res, t1, t2, prec);

    arb_clear(L);
    arb_clear(m);
    arb_clear(t1);
    arb_clear(t2);
}
