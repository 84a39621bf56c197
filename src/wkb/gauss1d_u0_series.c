/*
    Taylor coefficients of u_0(h) at h = 0 from the closed form.
    With c = 1 + eps, L = log W, y0 = -eps L:
      uT e^{beta T - m L} = uT e^{beta T - c L} sum_n (-c L)^n h^n / n!,
      h v0 L phi(y0 - c L h) = v0 L sum_{n>=1} phi^{(n-1)}(y0)/(n-1)! (-c L)^{n-1} h^n,
    and phi^{(j)}(y)/j! = 1F1(j+1; j+2; y)/(j+1)!  (phi = 1F1(1; 2; .)).
*/
#include "diffwkb/wkb.h"

void
wkb_gauss1d_u0_series(arb_poly_t res, const wkb_gauss1d_t M, slong N, slong prec)
{
    arb_t L, c, cL, y0, p, q, a, b, f, t;
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

    arb_init(L); arb_init(c); arb_init(cL); arb_init(y0); arb_init(p);
    arb_init(q); arb_init(a); arb_init(b); arb_init(f); arb_init(t);

    _wkb_gauss1d_logW(L, M, prec);
    arb_add_ui(c, M->eps, 1, prec);
    arb_mul(cL, c, L, prec);
    arb_neg(cL, cL);                    /* cL = -c L = B(T) */
    arb_mul(y0, M->eps, L, prec);
    arb_neg(y0, y0);                    /* y0 = -eps L */

    /* p = uT e^{beta T - c L} (-cL)^n / n!,  q = v0 L (-cL)^{n-1} / n! */
    arb_mul(p, M->beta, M->T, prec);
    arb_add(p, p, cL, prec);
    arb_exp(p, p, prec);
    arb_mul(p, p, M->uT, prec);
    arb_mul(q, M->v0, L, prec);

    arb_set(res->coeffs + 0, p);

    for (n = 1; n <= N; n++)
    {
        arb_mul(p, p, cL, prec);
        arb_div_ui(p, p, n, prec);
        if (n > 1)
            arb_mul(q, q, cL, prec);
        arb_div_ui(q, q, n, prec);

        /* f = 1F1(n; n+1; y0) */
        arb_set_ui(a, n);
        arb_set_ui(b, n + 1);
        arb_hypgeom_1f1(f, a, b, y0, 0, prec);

        arb_mul(t, q, f, prec);
        arb_add(res->coeffs + n, p, t, prec);
    }

    _arb_poly_normalise(res);

    arb_clear(L); arb_clear(c); arb_clear(cL); arb_clear(y0); arb_clear(p);
    arb_clear(q); arb_clear(a); arb_clear(b); arb_clear(f); arb_clear(t);
}
