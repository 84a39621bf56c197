/*
    wkb_gauss1d_t: the paper's section 5.1 model (math.md section 9).
    Init/clear/set, the domain test, v_t and the raw log W.
*/
#include "diffwkb/wkb.h"

void
wkb_gauss1d_init(wkb_gauss1d_t M)
{
    arb_init(M->v0);
    arb_init(M->beta);
    arb_init(M->T);
    arb_init(M->eps);
    arb_init(M->uT);
    arb_one(M->v0);
    arb_one(M->beta);
    arb_one(M->T);
    arb_one(M->uT);
}

void
wkb_gauss1d_clear(wkb_gauss1d_t M)
{
    arb_clear(M->v0);
    arb_clear(M->beta);
    arb_clear(M->T);
    arb_clear(M->eps);
    arb_clear(M->uT);
}

void
wkb_gauss1d_set(wkb_gauss1d_t M, const arb_t v0, const arb_t beta,
        const arb_t T, const arb_t eps)
{
    arb_set(M->v0, v0);
    arb_set(M->beta, beta);
    arb_set(M->T, T);
    arb_set(M->eps, eps);
    arb_one(M->uT);
}

void
wkb_gauss1d_set_prior_var(wkb_gauss1d_t M, const arb_t uT)
{
    arb_set(M->uT, uT);
}

void
wkb_gauss1d_set_prior_exact(wkb_gauss1d_t M, slong prec)
{
    arb_t vT;
    arb_init(vT);
    wkb_gauss1d_vt(vT, M, M->T, prec);
    arb_swap(M->uT, vT);
    arb_clear(vT);
}

int
wkb_gauss1d_is_valid(const wkb_gauss1d_t M)
{
    return arb_is_positive(M->v0) && arb_is_positive(M->beta)
        && arb_is_positive(M->T) && arb_is_positive(M->uT)
        && arb_is_finite(M->eps);
}

/* res encloses v_t = 1 + (v0 - 1) e^{-beta t}. */
void
wkb_gauss1d_vt(arb_t res, const wkb_gauss1d_t M, const arb_t t, slong prec)
{
    arb_t e;
    arb_init(e);
    arb_mul(e, M->beta, t, prec);
    arb_neg(e, e);
    arb_exp(e, e, prec);
    arb_sub_ui(res, M->v0, 1, prec);
    arb_mul(res, res, e, prec);
    arb_add_ui(res, res, 1, prec);
    arb_clear(e);
}

/* L encloses log W = log(1 + expm1(beta T)/v0) = int_0^T beta/v_t dt + beta T
   (W = e^{beta T} v_T / v0).  Assumes a valid model. */
void
_wkb_gauss1d_logW(arb_t L, const wkb_gauss1d_t M, slong prec)
{
    arb_mul(L, M->beta, M->T, prec);
    arb_expm1(L, L, prec);
    arb_div(L, L, M->v0, prec);
    arb_log1p(L, L, prec);
}
